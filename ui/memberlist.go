package ui

import (
	"unicode/utf8"

	"sodoan/domain"
)

// The member list's columns for the fields of the catalog (domain.PersonFields
// with a List place): their order, title, width and text.

// listTitle is a column's header: a field's short label where it has one.
func listTitle(f domain.Field) string {
	if f.Short != "" {
		return f.Short
	}
	return f.Label
}

// listWidth is a column's starting width by the kind of its field (the
// table then shares out the window's width), and whether its text may be
// wider than that (only those columns measure an ellipsis).
func listWidth(f domain.Field) (float32, bool) {
	switch f.Kind {
	case domain.FieldDate:
		// dd/mm/yyyy, or the header where it is longer.
		if utf8.RuneCountInString(listTitle(f)) > 9 {
			return 120, false
		}
		return 105, false
	case domain.FieldCode:
		return 110, false
	case domain.FieldBranch:
		return 165, true
	case domain.FieldChoice:
		// A few short labels (Nam, Nữ) or a category's whole label
		// (Không hưởng lương), which a narrower column would cut.
		if len(f.Choices) <= 2 && f.Empty == "" {
			return 85, false
		}
		return 140, false
	}
	return 150, true
}

// listText is the cell's text: a choice's label in the window's language.
func listText(f domain.Field) func(p *domain.Person, _ int) string {
	return func(p *domain.Person, _ int) string {
		if f.Kind == domain.FieldChoice {
			return T(f.Display(p))
		}
		return f.Display(p)
	}
}
