package domain

import "testing"

// TestDuesCategory: a member's dues category follows her occupation until
// one is set (NQ 07-NQ/TWĐTN: pupils and students, the unemployed and
// farmers pay the rate without wages), and a set one wins.
func TestDuesCategory(t *testing.T) {
	tests := []struct {
		occupation Occupation
		set        DuesCategory
		want       DuesCategory
	}{
		{"student", "", DuesNoWage},
		{"unemployed", "", DuesNoWage},
		{"farmer", "", DuesNoWage},
		{"worker", "", DuesWage},
		{"civil_servant", "", DuesWage},
		{"self_employed", "", DuesWage},
		{"", "", DuesWage},
		{"student", DuesWage, DuesWage},    // a student with a paid job
		{"worker", DuesNoWage, DuesNoWage}, // a worker out of work
		{"farmer", DuesWage, DuesWage},     // a farmer on a wage
		{"armed", DuesNoWage, DuesNoWage},  // set by hand
		{"other", DuesWage, DuesWage},      // set as it would be anyway
		{"unemployed", DuesNoWage, DuesNoWage},
	}
	f, ok := PersonField("dues_category")
	if !ok || f.Label != "Diện đóng đoàn phí" {
		t.Fatalf("the catalog has no Diện đóng đoàn phí: %+v", f)
	}
	for _, tt := range tests {
		p := Person{Occupation: tt.occupation, DuesCategory: tt.set}
		if got := p.Dues(); got != tt.want {
			t.Errorf("%q set %q: %q, want %q", tt.occupation, tt.set, got, tt.want)
		}
		if got, want := f.Display(&p), LabelOf(DuesCategories, string(tt.want)); got != want {
			t.Errorf("%q set %q shows %q, want %q", tt.occupation, tt.set, got, want)
		}
		// What a list shows reads back as it was: the derived category
		// stays derived, a different one stays set.
		shown := p
		*f.Ptr(&shown).(*string) = string(tt.want)
		f.KeepDerived(&shown)
		if tt.set == "" && shown.DuesCategory != "" {
			t.Errorf("%q: the derived %q read back as set", tt.occupation, tt.want)
		}
		if shown.Dues() != tt.want {
			t.Errorf("%q set %q: read back as %q", tt.occupation, tt.set, shown.Dues())
		}
	}
}

// TestDuesCategoryChecked: a code outside the list is refused naming the
// field; empty (follow the occupation) and both codes are accepted.
func TestDuesCategoryChecked(t *testing.T) {
	base := Person{FamilyName: "Lê", GivenName: "Hoa", Gender: Female, BirthDate: MustDate(2004, 5, 6),
		FederationMember: true}
	for _, code := range []DuesCategory{"", DuesWage, DuesNoWage, "5000"} {
		p := base
		p.DuesCategory = code
		err := ValidatePerson(&p, 0, MustDate(2026, 12, 7)).Err()
		ve, _ := err.(*ValidationError)
		bad := code == "5000"
		if got := ve != nil && ve.For("DuesCategory") != ""; got != bad {
			t.Errorf("%q: error %v", code, err)
		}
		if bad && ve.Errors[0].Label != "Diện đóng đoàn phí" {
			t.Errorf("%q: labelled %q", code, ve.Errors[0].Label)
		}
	}
}

// TestDuesAbroad: a member abroad pays the rules' least abroad rate, a
// setting that may not fall under the rate with wages (NQ 07: "ít nhất
// 5.000 đ"); a row whose category changed names each with its months.
func TestDuesAbroad(t *testing.T) {
	r := DefaultDuesRules()
	for c, want := range map[DuesCategory]int64{DuesWage: 5000, DuesNoWage: 2000, DuesAbroad: 5000} {
		if got := r.Rate(c); got != want {
			t.Errorf("%s: %d, want %d", c, got, want)
		}
	}
	if DuesAbroad.Label() != "Ở nước ngoài" {
		t.Errorf("label %q", DuesAbroad.Label())
	}
	for _, tt := range []struct {
		abroad int64
		field  string
	}{{10000, ""}, {5000, ""}, {4000, "Abroad"}} {
		x := r
		x.Abroad = tt.abroad
		ve, _ := CheckDuesRules(&x).Err().(*ValidationError)
		got := ""
		if ve != nil {
			got = ve.Errors[0].Field
		}
		if got != tt.field {
			t.Errorf("abroad %d: refused on %q, want %q", tt.abroad, got, tt.field)
		}
	}
	months := []Month{{2026, 4}, {2026, 5}, {2026, 6}}
	row := DuesRow{Category: DuesWage, Cells: []DuesCell{{Owed: true, Category: DuesNoWage}, {Owed: true, Category: DuesNoWage}, {Owed: true, Category: DuesWage}}}
	if got, want := row.CategoryText(months, DuesCategory.Label), "Không hưởng lương (T4–T5); Hưởng lương (T6)"; got != want {
		t.Errorf("changed row: %q, want %q", got, want)
	}
	row.Cells[0].Category, row.Cells[1].Category = DuesWage, DuesWage
	if got := row.CategoryText(months, DuesCategory.Label); got != "Hưởng lương" {
		t.Errorf("unchanged row: %q", got)
	}
}
