package ui

import (
	"strings"

	"sodoan/store"
)

// The window writes numbers the way its language does: 1.216 and 72,5 in
// Vietnamese, 1,216 and 72.5 in English. Documents (PDFs, spreadsheets)
// are always Vietnamese and keep using store.FormatInt and its kin.

// englishDigits swaps the Vietnamese separators for the English ones.
var englishDigits = strings.NewReplacer(".", ",", ",", ".")

// inWindowLang rewrites a number the store wrote the Vietnamese way.
func inWindowLang(vi string) string {
	if currentLang == LangEnglish {
		return englishDigits.Replace(vi)
	}
	return vi
}

// fmtInt is store.FormatInt in the window's language.
func fmtInt(n int64) string { return inWindowLang(store.FormatInt(n)) }

// fmtNum is store.FormatNum in the window's language.
func fmtNum(v float64) string { return inWindowLang(store.FormatNum(v)) }

// fmtValue is store.FormatValue in the window's language ("Có" / "Chưa"
// translated too).
func fmtValue(kind store.IndicatorKind, v float64) string {
	if kind == store.KindCheck {
		return T(store.FormatValue(kind, v))
	}
	return inWindowLang(store.FormatValue(kind, v))
}
