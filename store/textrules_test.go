package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestTextRules is finding 4 of issue 9: ESC, NUL, other controls,
// invalid UTF-8, a NUL-only family name and a 100,000-character name were
// stored. Each text field refuses them with a message naming the field and
// the reason, and nothing is written.
func TestTextRules(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	birth := domain.MustDate(2000, 5, 17)
	long := strings.Repeat("a", 100000)
	type tc struct {
		name   string
		save   func() error
		field  string
		reason string
	}
	person := func(f func(p *domain.Person)) func() error {
		return func() error {
			p := member("Nguyễn", "Văn", "An", birth, "")
			f(p)
			return s.SavePerson(ctx, p)
		}
	}
	cases := []tc{
		{"ESC in a family name", person(func(p *domain.Person) { p.FamilyName = "Nguy\x1b[31mễn" }), "FamilyName", "điều khiển"},
		{"NUL-only family name", person(func(p *domain.Person) { p.FamilyName = "\x00" }), "FamilyName", "điều khiển"},
		{"invalid UTF-8", person(func(p *domain.Person) { p.GivenName = "A\xffn" }), "GivenName", "UTF-8"},
		{"100,000 characters", person(func(p *domain.Person) { p.GivenName = long }), "GivenName", "tối đa 50"},
		{"digits in a name", person(func(p *domain.Person) { p.MiddleName = "Văn 2" }), "MiddleName", "chữ cái"},
		{"emoji in a name", person(func(p *domain.Person) { p.GivenName = "An😀" }), "GivenName", "U+1F600"},
		{"emoji in an address", person(func(p *domain.Person) { p.Address = "Khóm 3 🏠" }), "Address", "phông chữ của văn bản in không có"},
		// QA finding 18: a note is printed on the personal member list.
		{"emoji in a note", person(func(p *domain.Person) { p.Note = "Tích cực 👍🎉" }), "Note", "U+1F44D"},
		{"a symbol the font lacks", person(func(p *domain.Person) { p.Address = "Khóm 1 ★" }), "Address", "U+2605"},
		{"right-to-left override", person(func(p *domain.Person) { p.Address = "12 \u202eđường" }), "Address", "không in được"},
		{"BEL in a note", person(func(p *domain.Person) { p.Note = "gọi\a lại" }), "Note", "điều khiển"},
		{"a note too long", person(func(p *domain.Person) { p.Note = strings.Repeat("ghi chú ", 1000) }), "Note", "tối đa 5.000"},
		{"ESC in a branch", func() error {
			return s.SaveBranch(ctx, &domain.Branch{Name: "Khóm\x1b", Kind: domain.BranchHamlet, Active: true})
		}, "Name", "điều khiển"},
		{"a club leader with digits", func() error {
			return s.SaveClub(ctx, &domain.Club{Name: "CLB A", Kind: domain.ClubKind(domain.ClubKinds[0].Code), Leader: "Lê 007", Active: true})
		}, "Leader", "chữ cái"},
		{"a group member with NUL", func() error {
			return s.SaveClub(ctx, &domain.Club{Name: "CLB B", Kind: domain.ClubKind(domain.ClubKinds[0].Code), Active: true, Members: []domain.GroupMember{{Name: "Lê\x00Hà"}}})
		}, "Members", "dòng 1, họ tên"},
		{"a coop field of 300 characters", func() error {
			return s.SaveCoop(ctx, &domain.Coop{Name: "THT", Field: strings.Repeat("x", 300)})
		}, "Field", "tối đa 200"},
		{"a unit name with NUL", func() error {
			return s.SaveUnit(ctx, domain.Unit{UpperBody: "TỈNH ĐOÀN", Name: "ĐOÀN\x00", Place: "Phường 1"})
		}, "Name", "điều khiển"},
		{"a plan title of 2,000 characters", func() error {
			return s.SavePlan(ctx, &domain.Plan{Number: "1-KH/ĐTN", Title: strings.Repeat("Kế hoạch ", 250), StartYear: 2025, EndYear: 2027})
		}, "Title", "tối đa 1.000"},
		{"a document title with ESC", func() error {
			return s.IssueDocument(ctx, &domain.Document{Type: "BC", Title: "Báo cáo\x1b[2J"})
		}, "Title", "điều khiển"},
	}
	for _, c := range cases {
		err := c.save()
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: %v, want a validation error", c.name, err)
			continue
		}
		if msg := ve.For(c.field); !strings.Contains(msg, c.reason) {
			t.Errorf("%s: message for %s is %q, want one about %q (all: %v)", c.name, c.field, msg, c.reason, err)
		}
	}
	if n := countPeople(t, s); n != 0 {
		t.Fatalf("%d people written", n)
	}
	if docs, _ := s.Documents(ctx, 0); len(docs) != 0 {
		t.Fatalf("%d documents written", len(docs))
	}
	if clubs, _ := s.Clubs(ctx); len(clubs) != 0 {
		t.Fatalf("%d clubs written", len(clubs))
	}

	// A bulk add names the row.
	ok := member("Trần", "Thị", "Bình", birth, "")
	bad := member("Lê", "", "Chi", birth, "")
	bad.Hamlet = "Khóm\x07 2"
	err := s.AddPeople(ctx, []*domain.Person{ok, bad})
	if err == nil || !strings.Contains(err.Error(), "Dòng 2, Khóm, ấp: có ký tự điều khiển") {
		t.Fatalf("bulk add: %v", err)
	}

	// What is accepted: Vietnamese and other letters, apostrophes and
	// hyphens in names, symbols the documents' font draws in addresses,
	// line breaks in notes.
	p := member("H'Hen", "Niê-Ksor", "Đức", birth, "")
	p.Address = "Số 12/3 (lầu 2) – hẻm №5, Khóm 1"
	p.Note = "Thích bóng đá\nđội trưởng"
	p.Religion = "Phật giáo Hòa Hảo"
	if err := s.SavePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil || got.Note != p.Note || got.FamilyName != "H'Hen" {
		t.Fatalf("read back %+v, %v", got, err)
	}
}

// FuzzTextRule: a rule never panics, and what it accepts is valid UTF-8
// without controls other than the line breaks of multi-line text.
func FuzzTextRule(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn An", "\x00", "a\x1bb", "\xff", "😀", "a\nb", "\u202e", strings.Repeat("ấ", 60)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range []domain.TextRule{domain.RuleNamePart, domain.RuleLine, domain.RuleNote} {
			cleaned := domain.Clean(s)
			if r.MultiLine {
				cleaned = domain.CleanLines(s)
			}
			if r.Problem(cleaned) != nil {
				continue
			}
			for i, c := range cleaned {
				if c == '\n' && r.MultiLine {
					continue
				}
				if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xFFFD && !strings.Contains(s, "\uFFFD") {
					t.Fatalf("rule %+v accepted %q (rune %d: %U)", r, cleaned, i, c)
				}
			}
		}
	})
}

// TestNumberRanges: numbers typed into the register's forms have a top
// (finding 3 of issue 9), so that sums of them cannot overflow.
func TestNumberRanges(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	huge := int64(9_000_000_000_000_000_000)
	for name, save := range map[string]func() (string, error){
		"capital": func() (string, error) { return "Capital", s.SaveCoop(ctx, &domain.Coop{Name: "THT", Capital: huge}) },
		"revenue": func() (string, error) {
			return "Revenue", s.SaveCoopYear(ctx, domain.CoopYear{CoopID: 1, Year: 2025, Revenue: huge})
		},
		"youth": func() (string, error) {
			return "ResidentYouth", s.SaveWardYear(ctx, domain.WardYear{Year: 2025, ResidentYouth: 1 << 40})
		},
		"year of a branch": func() (string, error) {
			return "Year", s.SaveBranchYear(ctx, domain.BranchYear{BranchID: 1, Year: 99999})
		},
	} {
		field, err := save()
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || !strings.Contains(ve.For(field), "không hợp lệ") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
