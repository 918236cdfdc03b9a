package store

import (
	"strings"

	"sodoan/domain"
)

// A person's columns in the people table are those of domain.PersonFields,
// in the catalog's order: the reads, the form's writes and the bulk import
// all derive their column lists and values from it, so that a new field
// needs its catalog entry and the migration that adds its column, nothing
// here.

// fieldColumns are the catalog's columns, "family_name, middle_name, …".
var fieldColumns = func() []string {
	cols := make([]string, len(domain.PersonFields))
	for i, f := range domain.PersonFields {
		cols[i] = f.Key
	}
	return cols
}()

// fieldSelect is the catalog's columns for a SELECT on people p: a nullable
// column reads as its empty value.
var fieldSelect = func() string {
	cols := make([]string, len(domain.PersonFields))
	for i, f := range domain.PersonFields {
		cols[i] = "p." + f.Key
		if f.Nullable {
			empty := "''"
			if f.Kind == domain.FieldBranch {
				empty = "0"
			}
			cols[i] = "COALESCE(p." + f.Key + ", " + empty + ")"
		}
	}
	return strings.Join(cols, ", ")
}()

// fieldDests are the scan destinations of p for fieldSelect.
func fieldDests(p *domain.Person) []any {
	out := make([]any, len(domain.PersonFields))
	for i, f := range domain.PersonFields {
		v := f.Ptr(p)
		if d, ok := v.(*domain.Date); ok {
			v = (*sqlDate)(d)
		}
		out[i] = v
	}
	return out
}

// fieldArgs are p's values for fieldColumns, as the register keeps them.
func fieldArgs(p *domain.Person) []any {
	out := make([]any, len(domain.PersonFields))
	for i, f := range domain.PersonFields {
		switch v := f.Ptr(p).(type) {
		case *domain.Date:
			out[i] = sqlDate(*v)
		case *string:
			if f.Nullable {
				out[i] = nullIfEmpty(*v)
			} else {
				out[i] = *v
			}
		case *int64:
			if f.Nullable {
				out[i] = nullIfZero(*v)
			} else {
				out[i] = *v
			}
		case *int:
			out[i] = int64(*v)
		case *bool:
			out[i] = *v
		default:
			panic("store: person field " + f.Key + " of an unknown type")
		}
	}
	return out
}
