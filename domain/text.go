package domain

import (
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Clean returns s as Vietnamese text is stored: NFC, trimmed, inner runs of
// white space folded to one space, and the tone mark of the syllables oa, oe
// and uy placed on the first vowel (Hòa, Khỏe, Thủy), the placement the
// register uses everywhere, so that "Hoà" typed on one machine and "Hòa"
// on another are the same name.
func Clean(s string) string {
	s = norm.NFC.String(s)
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		words[i] = placeTone(w)
	}
	return strings.Join(words, " ")
}

// CleanLines is Clean for multi-line text: each line is cleaned, line
// breaks are kept.
func CleanLines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = Clean(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// toneOf splits a precomposed Vietnamese vowel into its toneless vowel and
// its tone mark (a combining rune, or 0 for none); any other rune is its
// own base. The vowels are looked up in a table: normalising each rune
// was most of the cost of cleaning a 100,000-row import.
func toneOf(r rune) (base rune, tone rune) {
	if bt, ok := toned[r]; ok {
		return bt[0], bt[1]
	}
	return r, 0
}

// toned maps each Vietnamese vowel with a tone mark to its toneless vowel
// and the mark.
var toned = func() map[rune][2]rune {
	m := map[rune][2]rune{}
	for _, base := range "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" {
		for _, tone := range []rune{'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'} {
			c := []rune(norm.NFC.String(string([]rune{base, tone})))
			if len(c) == 1 {
				m[c[0]] = [2]rune{base, tone}
			}
		}
	}
	return m
}()

func withTone(base, tone rune) rune {
	if tone == 0 {
		return base
	}
	return []rune(norm.NFC.String(string([]rune{base, tone})))[0]
}

// placeTone moves the tone of a word ending in oa, oe or uy (with no final
// consonant) from the second vowel to the first: hoà → hòa, thuỷ → thủy.
// "qu" is a consonant, so quý keeps its tone on y.
func placeTone(w string) string {
	// Only a word ending in a, e or y (with any mark) can end in oa, oe
	// or uy; most words are let through without decoding them.
	last, _ := utf8.DecodeLastRuneInString(w)
	if b, _ := toneOf(last); !strings.ContainsRune("aeyAEY", b) {
		return w
	}
	rs := []rune(w)
	n := len(rs)
	if n < 2 {
		return w
	}
	b1, t1 := toneOf(rs[n-2])
	b2, t2 := toneOf(rs[n-1])
	l1, l2 := unicode.ToLower(b1), unicode.ToLower(b2)
	pair := string([]rune{l1, l2})
	if pair != "oa" && pair != "oe" && pair != "uy" {
		return w
	}
	if l1 == 'u' && n >= 3 && unicode.ToLower(rs[n-3]) == 'q' {
		// qúy → quý: after qu the tone belongs on the vowel.
		if t1 != 0 && t2 == 0 {
			rs[n-2], rs[n-1] = b1, withTone(b2, t1)
			return string(rs)
		}
		return w
	}
	if n >= 3 {
		// A vowel before the pair (e.g. "uoa") is not one of these syllables.
		if p, _ := toneOf(rs[n-3]); strings.ContainsRune("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY", p) {
			return w
		}
	}
	if t2 != 0 && t1 == 0 {
		rs[n-2], rs[n-1] = withTone(b1, t2), b2
		return string(rs)
	}
	return w
}

// Fold returns s lower-cased with every accent and tone removed and đ
// folded to d: the form search compares ("Nguyễn Văn Đức" → "nguyen van duc").
func Fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// JoinName joins the non-empty parts of a name with single spaces.
func JoinName(parts ...string) string {
	var nonEmpty []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	return strings.Join(nonEmpty, " ")
}

// SplitFullName splits "Nguyễn Văn An" into họ, tên đệm and tên: the first
// word, the middle words and the last word.
func SplitFullName(full string) (family, middle, given string) {
	w := strings.Fields(Clean(full))
	switch len(w) {
	case 0:
		return "", "", ""
	case 1:
		return "", "", w[0]
	case 2:
		return w[0], "", w[1]
	}
	return w[0], strings.Join(w[1:len(w)-1], " "), w[len(w)-1]
}

// NewCollator returns a Vietnamese collator for sorting in memory; one per
// goroutine.
func NewCollator() *collate.Collator {
	return collate.New(language.Vietnamese, collate.IgnoreCase)
}

// NewNumericCollator is NewCollator with the numbers in names in numeric
// order (Khóm 2 before Khóm 10), for the names of branches, clubs and
// groups; one per goroutine.
func NewNumericCollator() *collate.Collator {
	return collate.New(language.Vietnamese, collate.IgnoreCase, collate.Numeric)
}

// SortKeyer builds the byte keys by which names sort in Vietnamese order.
// Not safe for concurrent use: callers hold Store.collMu or own it.
type SortKeyer struct {
	C   *collate.Collator
	Num *collate.Collator // names of branches, clubs, groups: Khóm 2 before Khóm 10
	buf collate.Buffer
}

// NewSortKeyer makes a SortKeyer; like a collator it is not safe for
// concurrent use.
func NewSortKeyer() *SortKeyer {
	return &SortKeyer{C: collate.New(language.Vietnamese, collate.IgnoreCase),
		Num: NewNumericCollator()}
}

// NameKey orders by tên, then tên đệm, then họ. Each part's collation key
// ends with level separators that sort below every weight, so joining the
// parts with a zero byte keeps the order of the tuple.
func (k *SortKeyer) NameKey(family, middle, given string) []byte {
	k.buf.Reset()
	var out []byte
	for i, p := range []string{given, middle, family} {
		if i > 0 {
			out = append(out, 0)
		}
		out = append(out, k.C.KeyFromString(&k.buf, p)...)
	}
	return out
}

// TextKey is the collation key of one text, for branch and club names:
// their numbers in numeric order (Khóm 1, Khóm 2, … Khóm 10), as a ward
// counts its hamlets.
func (k *SortKeyer) TextKey(s string) []byte {
	k.buf.Reset()
	return append([]byte(nil), k.Num.KeyFromString(&k.buf, s)...)
}

// Fingerprint is the keys of a few names that exercise the
// Vietnamese letters and tones: it changes whenever the tables do.
func (k *SortKeyer) Fingerprint() string {
	var b []byte
	for _, n := range [][3]string{{"Đặng", "Thị", "Ánh"}, {"Nguyễn", "Văn", "Ân"}, {"Lê", "", "Ưng"}} {
		b = append(b, k.NameKey(n[0], n[1], n[2])...)
		b = append(b, 0xff)
	}
	b = append(b, k.TextKey("Chi đoàn Ấp Tân Hòa")...)
	b = append(b, 0xff)
	b = append(b, k.TextKey("Khóm 10")...) // numeric order of names
	return hex.EncodeToString(b)
}
