package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2/lang"

	"sodoan/assets"
)

// Languages the UI offers in Settings.
const (
	LangVietnamese = "vi"
	LangEnglish    = "en"
)

// SetLanguage makes code ("vi" or "en") the language of every later label,
// Fyne's own buttons (Cancel, OK…) included.
//
// Fyne 2.7 has no call to choose the language: it matches its translation
// files against the locale the operating system reports, and a ward laptop
// often runs Windows in English. So the chosen file is registered under the
// system's own locale tag, which the matcher then prefers over Fyne's
// built-in file for that language. The English file lists Fyne's strings as
// well so that switching back from Vietnamese at run time overwrites them.
func SetLanguage(code string) error {
	if code != LangEnglish {
		code = LangVietnamese
	}
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		return fmt.Errorf("đọc bản dịch %s: %w", code, err)
	}
	if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
		return fmt.Errorf("nạp bản dịch %s: %w", code, err)
	}
	table := map[string]string{}
	if code != LangVietnamese {
		// Fyne's own plural entries ({"other": …}) are objects; the app's
		// strings are plain.
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return fmt.Errorf("đọc bản dịch %s: %w", code, err)
		}
		for k, v := range raw {
			var s string
			if json.Unmarshal(v, &s) == nil {
				table[k] = s
			}
		}
		// A person's fields bring their English with them (the field
		// catalog), so that a new field needs no line in the file.
		for vi, en := range domain.FieldEnglish() {
			if _, ok := table[vi]; !ok {
				table[vi] = en
			}
		}
	}
	currentLang, translations = code, table
	return nil
}

var (
	currentLang = LangVietnamese
	// translations is the chosen file's table, looked up directly: Fyne's
	// lang.L logs a "Fyne error" for every string it lacks, and data such
	// as a plan's own indicator titles are rightly not in the file.
	translations map[string]string
)

// T translates a UI string. The source strings are the Vietnamese wording,
// so a missing translation still shows correct Vietnamese.
func T(s string) string {
	if currentLang == LangVietnamese {
		// No lookup: the source is the Vietnamese text, and the table
		// redraws call T often.
		return s
	}
	if t, ok := translations[s]; ok && t != "" {
		return t
	}
	return s
}

// Tc translates s where its English depends on its place: Vietnamese
// has one word where English may want two ("Chi đoàn" is "Branches" in the
// navigation, "Branch" beside a field). The translation file holds it as
// "ctx|s"; without one, T(s) is used.
func Tc(ctx, s string) string {
	if currentLang == LangVietnamese {
		return s
	}
	if t, ok := translations[ctx+"|"+s]; ok && t != "" {
		return t
	}
	return T(s)
}

// fieldMsg is a broken rule's message in the window's language.
func fieldMsg(fe domain.FieldError) string {
	if currentLang == LangVietnamese || fe.Format == "" {
		return fe.Msg
	}
	return fmt.Sprintf(T(fe.Format), translateArgs(fe.Args)...)
}

// fieldErrText is a broken rule with its row and field, as the store's
// FieldError.Error reads, in the window's language.
func fieldErrText(fe domain.FieldError) string {
	if fe.Row > 0 {
		return fmt.Sprintf(T("Dòng %d, %s: %s"), fe.Row, T(fe.Label), fieldMsg(fe))
	}
	return fmt.Sprintf(T("%s: %s"), T(fe.Label), fieldMsg(fe))
}

// errText is err's message in the window's language: the store's messages
// carry their Vietnamese wording as a key (see domain.MessageError); other
// errors read as they are.
func errText(err error) string {
	var tr domain.Translatable
	var ve *domain.ValidationError
	switch {
	case err == nil:
		return ""
	case currentLang == LangVietnamese:
		return err.Error()
	case errors.As(err, &ve):
		msgs := make([]string, len(ve.Errors))
		for i, fe := range ve.Errors {
			msgs[i] = fieldErrText(fe)
		}
		return strings.Join(msgs, "; ")
	case errors.As(err, &tr):
		format, args := tr.Message()
		return fmt.Sprintf(T(format), translateArgs(args)...)
	}
	return err.Error()
}

// translateArgs translates the arguments that are words of a fixed list
// (a status, a kind); names, dates and numbers stay as they are.
func translateArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if m, ok := a.(*domain.MessageError); ok {
			// A message inside a message (a group member's name).
			out[i] = fmt.Sprintf(T(m.Format), translateArgs(m.Args)...)
			continue
		}
		switch n := a.(type) {
		case domain.Num:
			out[i] = fmtInt(int64(n))
			continue
		case domain.Dec:
			out[i] = fmtNum(float64(n))
			continue
		}
		if l, ok := a.(interface{ Label() string }); ok {
			out[i] = T(l.Label())
			continue
		}
		if m, ok := a.(domain.Message); ok {
			out[i] = fmt.Sprintf(T(m.Format), translateArgs(m.Args)...)
			continue
		}
		out[i] = a
	}
	return out
}
