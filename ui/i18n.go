package ui

import (
	"encoding/json"
	"fmt"

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
