package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
)

func TestDocumentRegister(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := func(y, m, d int) domain.Date { return domain.MustDate(y, m, d) }

	// Each step issues one document and says which number it must get
	// (or which field must be refused).
	steps := []struct {
		name     string
		doc      domain.Document
		want     int
		badField string
	}{
		{"first report of the year", domain.Document{Type: "BC", Title: "Báo cáo năm", Issued: day(2025, 3, 5)}, 1, ""},
		{"second report", domain.Document{Type: "BC", Title: "Báo cáo quý", Issued: day(2025, 4, 1)}, 2, ""},
		{"another type continues the one sequence", domain.Document{Type: "GGT", Title: "Giấy giới thiệu", Issued: day(2025, 4, 2)}, 3, ""},
		{"a new year restarts at 1", domain.Document{Type: "BC", Title: "Báo cáo năm 2026", Issued: day(2026, 1, 10)}, 1, ""},
		{"a number given by hand is kept", domain.Document{Type: "BC", Number: 20, Title: "Báo cáo số 20", Issued: day(2025, 10, 15)}, 20, ""},
		{"the sequence continues after it", domain.Document{Type: "KH", Title: "Tiếp theo", Issued: day(2025, 11, 1)}, 21, ""},
		{"a number already issued is refused", domain.Document{Type: "BC", Number: 2, Title: "Trùng số", Issued: day(2025, 12, 1)}, 0, "Number"},
		{"a number of another type is refused too", domain.Document{Type: "KH", Number: 3, Title: "Trùng số khác loại", Issued: day(2025, 4, 2)}, 0, "Number"},
		{"a back-dated document cannot come after a later one", domain.Document{Type: "BC", Title: "Ghi lùi ngày", Issued: day(2025, 7, 10)}, 0, "Number"},
		{"a free number between the right dates is taken", domain.Document{Type: "TB", Number: 10, Title: "Thông báo", Issued: day(2025, 7, 10)}, 10, ""},
		{"a free number before an earlier date is refused", domain.Document{Type: "TB", Number: 11, Title: "Sai thứ tự", Issued: day(2025, 3, 1)}, 0, "Number"},
		{"the same number in another year is fine", domain.Document{Type: "BC", Number: 2, Title: "Năm khác", Issued: day(2026, 2, 1)}, 2, ""},
		{"a type is required", domain.Document{Title: "Không loại", Issued: day(2025, 1, 1)}, 0, "Type"},
		{"a type is an abbreviation", domain.Document{Type: "BC/ĐTN", Issued: day(2025, 1, 1)}, 0, "Type"},
		{"a negative number is refused", domain.Document{Type: "BC", Number: -1, Issued: day(2025, 1, 1)}, 0, "Number"},
	}
	for _, st := range steps {
		d := st.doc
		err := s.IssueDocument(ctx, &d)
		if st.badField != "" {
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || ve.For(st.badField) == "" {
				t.Errorf("%s: err = %v, want a validation error on %s", st.name, err, st.badField)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", st.name, err)
			continue
		}
		if d.Number != st.want || d.ID == 0 || d.Year != d.Issued.Year() {
			t.Errorf("%s: got number %d (id %d, year %d), want %d", st.name, d.Number, d.ID, d.Year, st.want)
		}
	}

	docs, err := s.Documents(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 6 {
		t.Fatalf("2025 has %d documents, want 6 (refused ones are not written): %+v", len(docs), docs)
	}
	if docs[0].Number != 21 || docs[0].Title != "Tiếp theo" || docs[0].Issued != day(2025, 11, 1) || len(docs[0].Versions) != 1 {
		t.Errorf("latest number first, with its one version: got %+v", docs[0])
	}
	if got := docs[0].Symbol("ĐTN"); got != "21-KH/ĐTN" {
		t.Errorf("Symbol = %q, want 21-KH/ĐTN", got)
	}
	all, err := s.Documents(ctx, 0)
	if err != nil || len(all) != 8 {
		t.Errorf("all years: %d documents, %v; want 8", len(all), err)
	}
	if n, err := s.NextDocumentNumber(ctx, 2025); err != nil || n != 22 {
		t.Errorf("next = %d, %v; want 22", n, err)
	}
	if n, err := s.NextDocumentNumber(ctx, 2024); err != nil || n != 1 {
		t.Errorf("empty year: next = %d, %v; want 1", n, err)
	}

	// The back-dated refusal names the document in the way and its date.
	err = s.IssueDocument(ctx, &domain.Document{Type: "BC", Title: "Ghi lùi", Issued: day(2025, 7, 10)})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For("Number"), "21-KH/ĐTN") || !strings.Contains(ve.For("Number"), "01/11/2025") {
		t.Errorf("back-dated: %v, want the message to name 21-KH/ĐTN of 01/11/2025", err)
	}

	// A reissue adds a version and leaves the first issue as it was.
	first := docs[0]
	re := first
	re.Issued, re.Title, re.File = day(2025, 11, 20), "Tiếp theo (sửa)", "/tmp/kh-21-lan-2.pdf"
	if err := s.RecordDocument(ctx, &re); err != nil {
		t.Fatal(err)
	}
	early := first
	early.Issued, early.File = day(2025, 10, 1), "/tmp/x.pdf"
	if err := s.RecordDocument(ctx, &early); !errors.As(err, &ve) {
		t.Errorf("a reissue dated before the number: %v, want refused", err)
	}
	docs, _ = s.Documents(ctx, 2025)
	if got := docs[0]; got.Title != "Tiếp theo" || got.Issued != day(2025, 11, 1) || len(got.Versions) != 2 ||
		got.Versions[1].Title != "Tiếp theo (sửa)" || got.Versions[1].Issued != day(2025, 11, 20) || got.Latest().File != "/tmp/kh-21-lan-2.pdf" {
		t.Errorf("after a reissue: %+v", got)
	}
}

// TestDocumentVersionsMigration: a register written before one sequence
// per year (1-BC and 1-GGT of 2025) opens with every entry kept, each its
// own first version, and the next number follows the highest of the year.
func TestDocumentVersionsMigration(t *testing.T) {
	ctx := context.Background()
	mine := -1
	for i, m := range migrations {
		if strings.Contains(m, "CREATE TABLE document_versions") {
			mine = i
		}
	}
	if mine < 0 {
		t.Fatal("no migration creates document_versions")
	}
	path := filepath.Join(t.TempDir(), "old.db")
	orig := migrations
	migrations = orig[:mine]
	s, err := Open(path)
	if err != nil {
		migrations = orig
		t.Fatal(err)
	}
	s.Close()
	migrations = orig
	rawExec(t, path,
		`INSERT INTO documents(year, type, number, title, issued, file, doc_key) VALUES
			(2025, 'BC', 1, 'Báo cáo năm 2024', '2025-01-05', '/tmp/bc-1.pdf', 'annual:2024'),
			(2025, 'GGT', 1, 'Giấy giới thiệu', '2025-02-01', '/tmp/ggt-1.pdf', 'transfer:7:x'),
			(2025, 'BC', 2, 'Danh sách', '2025-03-01', '', '')`)
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, err := s.Documents(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("%d entries after the upgrade, want the 3 there were", len(docs))
	}
	for _, d := range docs {
		if len(d.Versions) != 1 || d.Versions[0].Title != d.Title || d.Versions[0].Issued != d.Issued || d.Versions[0].File != d.File {
			t.Errorf("%s: versions %+v, want one copying the entry", d.Symbol(""), d.Versions)
		}
	}
	if n, err := s.NextDocumentNumber(ctx, 2025); err != nil || n != 3 {
		t.Errorf("next number after the upgrade = %d, %v; want 3 (the highest of any type, 2, plus 1)", n, err)
	}
	if d, ok, err := s.IssuedDocument(ctx, "annual:2024", 0); err != nil || !ok || d.Number != 1 || len(d.Versions) != 1 {
		t.Errorf("an old key still finds its entry: %+v %v %v", d, ok, err)
	}
}
