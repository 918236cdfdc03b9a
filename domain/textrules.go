package domain

import (
	"unicode"
	"unicode/utf8"

	"sodoan/assets"
)

// What text the register accepts. Every text field of every record is
// checked against one of the rules below after Clean has normalised it
// (NFC, white space folded), and a broken rule is a FieldError naming the
// row, the field and the reason:
//
//   - Names of people (họ, tên đệm, tên, and the names typed for a club's
//     leader or a group's member) hold letters with their tone marks,
//     spaces, apostrophes (' ’), hyphens and dots: no digits, no symbols.
//   - Every other field (addresses, names of branches, clubs and units,
//     titles, codes, notes, the report's own texts) holds printable
//     characters the documents' font draws (assets.Drawable): letters,
//     digits, punctuation and symbols. Not
//     accepted: control characters (ESC, NUL…), invisible format
//     characters (such as the right-to-left override that disguises
//     text), private-use and unassigned code points, and characters beyond
//     the BMP (emoji such as 😀, rare scripts): these fields are printed on
//     official documents, whose font cannot draw them.
//   - Notes and the report's own texts may span lines; controls other
//     than the line break are refused there too. Every text printed on a
//     document follows one policy (QA finding 18): no emoji. Only the
//     titles in the register of outgoing documents, made from register
//     data and printed nowhere, may hold them.
//   - Every field has a maximum length in characters, far below a
//     spreadsheet cell's 32,767.

// TextRule is what one kind of text field may hold.
type TextRule struct {
	max       int  // in characters (runes)
	name      bool // a person's name
	MultiLine bool // line breaks allowed
	emoji     bool // characters beyond the BMP (emoji) allowed
}

// The rules of the register's text fields.
var (
	RuleNamePart = TextRule{max: 50, name: true}  // họ, tên đệm or tên
	RuleFullName = TextRule{max: 100, name: true} // a full name typed in one field
	ruleShort    = TextRule{max: 100}             // ethnicity, religion, a role, a field of work
	RuleCode     = TextRule{max: 50}              // a plan number, an indicator code, a document type
	RuleLine     = TextRule{max: 200}             // names of units, branches, groups, places
	RuleAddress  = TextRule{max: 300}             // an address, a reason
	ruleTitle    = TextRule{max: 1000}            // the title of a plan, an indicator, a document
	RuleNote     = TextRule{max: 5000, MultiLine: true}
	RuleLongText = TextRule{max: 20000, MultiLine: true} // the report's own texts
	// A document's title in the register of outgoing documents is made
	// from register data (a member's name) and printed on no document.
	RuleDocumentTitle = TextRule{max: 1000, emoji: true}
)

// Problem returns why s breaks the rule (in Vietnamese, with its format
// for a window's translation), or nil.
func (r TextRule) Problem(s string) *MessageError {
	if !utf8.ValidString(s) {
		return msgOf(ErrMsg("có byte không phải chữ Unicode (UTF-8) hợp lệ"))
	}
	n := 0
	for _, c := range s {
		n++
		switch {
		case c == '\n' && r.MultiLine:
		case unicode.IsControl(c):
			return msgOf(ErrMsg("có ký tự điều khiển (U+%04X) ở ký tự thứ %d", c, n))
		case c == '\u200d' && r.emoji:
			// The zero-width joiner of emoji sequences (👨‍👩‍👧).
		case unicode.Is(unicode.Cf, c), unicode.Is(unicode.Co, c), unicode.Is(unicode.Cs, c),
			unicode.In(c, unicode.Zl, unicode.Zp), !unicode.In(c, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs):
			return msgOf(ErrMsg("có ký tự không in được (U+%04X) ở ký tự thứ %d", c, n))
		case !r.emoji && !assets.Drawable(c):
			// Printed on an official document: what its font cannot draw
			// would print as □.
			return msgOf(ErrMsg("có ký tự %c (U+%04X) mà phông chữ của văn bản in không có (biểu tượng cảm xúc, chữ hiếm): văn bản in sẽ mất ký tự này", c, c))
		case r.name && !nameRune(c):
			return msgOf(ErrMsg("chỉ gồm chữ cái, dấu cách, dấu nháy ('), gạch nối (-) và dấu chấm; có ký tự %q", c))
		}
	}
	if n > r.max {
		return msgOf(ErrMsg("dài %s ký tự, tối đa %s", Num(n), Num(r.max)))
	}
	return nil
}

func msgOf(err error) *MessageError { return err.(*MessageError) }

// nameRune reports whether c may appear in a person's name.
func nameRune(c rune) bool {
	switch c {
	case ' ', '\'', '’', '-', '.':
		return true
	}
	return unicode.IsLetter(c) || unicode.Is(unicode.M, c)
}

// Text checks a text field against its rule.
func (c *Checker) Text(field, label, s string, r TextRule) {
	if m := r.Problem(s); m != nil {
		c.Add(field, label, m.Format, m.Args...)
	}
}

// CheckText checks a text that is not stored but printed (the receiving
// unit of a transfer letter, its reason) by the rule of one-line text, or
// of a note when multiLine: nil, or a *ValidationError naming the label.
func CheckText(field, label, s string, multiLine bool) error {
	c := &Checker{}
	r := RuleAddress
	if multiLine {
		r = RuleNote
	}
	c.Text(field, label, s, r)
	return c.Err()
}
