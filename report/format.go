package report

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sodoan/domain"
)

// Number formats in the Vietnamese way: a dot between thousands, a comma
// before decimals ("7.500", "85,7").

// appendDate appends d as dd/mm/yyyy (nothing when unset) without going
// through fmt: member lists format tens of thousands of dates.
func appendDate(b []byte, d domain.Date) []byte {
	if d.IsZero() {
		return b
	}
	b = append(b, byte('0'+d.Day()/10), byte('0'+d.Day()%10), '/', byte('0'+d.Month()/10), byte('0'+d.Month()%10), '/')
	return strconv.AppendInt(b, int64(d.Year()), 10)
}

// titleCase capitalises each word of an upper-case name, for a body
// named in running text ("TỈNH ĐOÀN ĐỒNG THÁP" → "Tỉnh Đoàn Đồng Tháp");
// words that are abbreviations (BCH, TNCS) stay in capitals.
func titleCase(s string) string {
	words := strings.Fields(nfc(s))
	for i, w := range words {
		if utf8.RuneCountInString(w) <= 4 && !strings.ContainsFunc(w, isVowel) {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}

func isVowel(r rune) bool {
	return strings.ContainsRune("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY", baseLetter(r))
}

// baseLetter strips the tone and vowel marks of a Vietnamese letter's
// upper- or lower-case form well enough to tell a vowel from a consonant.
func baseLetter(r rune) rune {
	const vowels = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
	if strings.ContainsRune(vowels, unicode.ToLower(r)) {
		return 'a'
	}
	return r
}

// unitShort is the unit's name for running text: "BCH ĐOÀN PHƯỜNG 1" →
// "Đoàn Phường 1".
func unitShort(u domain.Unit) string {
	name := strings.TrimSpace(nfc(u.Name))
	for _, p := range []string{"BCH ", "Ban Chấp hành ", "BAN CHẤP HÀNH "} {
		name = strings.TrimPrefix(name, p)
	}
	// Administrative words stay lower-case in running text ("Đoàn phường
	// Hòa Mẫu", "Đoàn xã Tân Khánh"), the place's own name capitalised.
	words := strings.Fields(titleCase(name))
	for i := 1; i < len(words); i++ {
		switch w := strings.ToLower(words[i]); w {
		case "phường", "xã", "thị", "trấn":
			words[i] = w
		}
	}
	return strings.Join(words, " ")
}

// DefaultRecipients are the usual recipients of a ward report: the upper
// body's standing office, the ward's Party committee, and the branches.
// "Lưu VP." is added by the layout.
func DefaultRecipients(u domain.Unit) []string {
	var r []string
	if u.UpperBody != "" {
		r = append(r, "Ban Thường vụ "+titleCase(u.UpperBody)+" (qua Văn phòng)")
	}
	if u.Place != "" {
		r = append(r, "Thường trực Đảng ủy "+lowerFirst(u.Place))
	}
	return append(r, "Các chi đoàn trực thuộc")
}
