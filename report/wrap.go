package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wrap splits s into the lines that fit the width w (mm) in the current
// font, the first line being first mm narrower (for a first-line indent).
// The lines are substrings of s appended to dst[:0], so that wrapping a
// table cell allocates nothing once the buffer has grown. Explicit line
// breaks in s are kept; runs of spaces collapse at line ends.
func (d *doc) wrap(dst []string, s string, w, first float64) []string {
	dst = dst[:0]
	// The common case in a table: a short value that fits as it is.
	if strings.IndexByte(s, '\n') < 0 && d.width(s) <= w-first {
		if s != "" {
			dst = append(dst, s)
		}
		return dst
	}
	limit := w - first
	for para := range strings.SplitSeq(s, "\n") {
		para = strings.TrimRight(para, " \r\t")
		if para == "" {
			dst = append(dst, "")
			continue
		}
		dst = d.wrapLine(dst, para, &limit, w)
	}
	return dst
}

// wrapLine wraps one paragraph without line breaks greedily at spaces;
// a word wider than the line is cut between runes.
func (d *doc) wrapLine(dst []string, s string, limit *float64, w float64) []string {
	space := d.width(" ")
	start := 0   // start of the current line in s
	end := 0     // end of the last word that fits
	lineW := 0.0 // width of s[start:end]
	i := 0
	for i < len(s) {
		// Skip spaces between words.
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		ww := d.width(s[i:j])
		switch {
		case end == start: // first word of the line
			if ww <= *limit {
				start, end, lineW = i, j, ww
				break
			}
			// Too long for any line: cut it, a link after a "/" or
			// before a "." where one fits.
			cut := d.cut(s[i:j], *limit)
			if breakable(s[i:j]) {
				cut = d.cutAtSeparator(s[i:j], *limit, cut)
			}
			dst = append(dst, s[i:i+cut])
			*limit = w
			start, end, lineW = i+cut, i+cut, 0
			j = i + cut
		case lineW+space+ww <= *limit:
			end, lineW = j, lineW+space+ww
		default:
			dst = append(dst, s[start:end])
			*limit = w
			start, end, lineW = i, i, 0
			j = i // measure this word again on the new line
		}
		i = j
	}
	if end > start {
		dst = append(dst, s[start:end])
		*limit = w
	}
	return dst
}

// cut returns how many bytes of s fit in w (at least one rune).
func (d *doc) cut(s string, w float64) int {
	n := 0
	for n < len(s) {
		_, size := utf8.DecodeRuneInString(s[n:])
		if n > 0 && d.width(s[:n+size]) > w {
			break
		}
		n += size
	}
	return n
}

// cutAtSeparator returns where to break the too-long word s in width w:
// after the last "/" or before the last "." that leaves a first part
// fitting w (facebook.com/ | tuoitre.tanphutrung), else at fallback
// (d.cut's rune boundary). Such a break reads as a link continued on the
// next line, never as two words.
func (d *doc) cutAtSeparator(s string, w float64, fallback int) int {
	for k := fallback; k > 0; k-- {
		if s[k-1] == '/' || (k < len(s) && s[k] == '.') {
			if k < len(s) && d.width(s[:k]) <= w {
				return k
			}
		}
	}
	return fallback
}

// isLink reports whether a word is a link: http…, www…, or a "/" with a
// domain-like "." between letters (facebook.com/tuoitre).
func isLink(word string) bool {
	lower := strings.ToLower(strings.TrimLeft(word, "(\"“'[«"))
	if strings.HasPrefix(lower, "http") || strings.HasPrefix(lower, "www.") {
		return true
	}
	if !strings.Contains(word, "/") {
		return false
	}
	rs := []rune(word)
	for k := 1; k+1 < len(rs); k++ {
		if rs[k] == '.' && unicode.IsLetter(rs[k-1]) && unicode.IsLetter(rs[k+1]) {
			return true
		}
	}
	return false
}

// breakable reports whether a word too wide for its line may be broken
// across lines: a link, or any word without the shape of a number, a date
// or a code. Numbers (1.234.567, 69,2%) and words with a "/" next to a
// digit (77/2019/NĐ-CP, 01/06/2026, 9/13) are never cut while shrinking
// their cell (to 70%) makes them fit.
func breakable(word string) bool {
	if isLink(word) {
		return true
	}
	rs := []rune(word)
	letters := false
	for k, r := range rs {
		if unicode.IsLetter(r) {
			letters = true
		}
		if r == '/' && (k > 0 && unicode.IsDigit(rs[k-1]) || k+1 < len(rs) && unicode.IsDigit(rs[k+1])) {
			return false
		}
	}
	return letters
}
