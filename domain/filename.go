package domain

import "strings"

// FileSlug is s as a part of a file name that any system, mail program
// and USB stick keeps as it is: accents folded (Đoàn → doan), lower case,
// every run of other characters one hyphen, at most 60 characters.
// "BCH Đoàn Phường Tân Quy Đông" → "bch-doan-phuong-tan-quy-dong".
func FileSlug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r - 'A' + 'a')
		default:
			hyphen = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.TrimRight(b.String()[:min(b.Len(), 60)], "-")
}
