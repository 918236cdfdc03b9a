package ui

import (
	"strings"

	"sodoan/domain"
)

// The window writes numbers the way its language does: 1.216 and 72,5 in
// Vietnamese, 1,216 and 72.5 in English. Documents (PDFs, spreadsheets)
// are always Vietnamese and keep using domain.FormatInt and its kin.

// englishDigits swaps the Vietnamese separators for the English ones.
var englishDigits = strings.NewReplacer(".", ",", ",", ".")

// inWindowLang rewrites a number the store wrote the Vietnamese way.
func inWindowLang(vi string) string {
	if currentLang == LangEnglish {
		return englishDigits.Replace(vi)
	}
	return vi
}

// fmtInt is domain.FormatInt in the window's language.
func fmtInt(n int64) string { return inWindowLang(domain.FormatInt(n)) }

// fmtNum is domain.FormatNum in the window's language.
func fmtNum(v float64) string { return inWindowLang(domain.FormatNum(v)) }

// fmtValue is domain.FormatValue in the window's language ("Có" / "Chưa"
// translated too).
func fmtValue(kind domain.IndicatorKind, v float64) string {
	if kind == domain.KindCheck {
		return T(domain.FormatValue(kind, v))
	}
	return inWindowLang(domain.FormatValue(kind, v))
}
