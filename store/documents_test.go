package store

import (
	"context"
	"errors"
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
		{"another type has its own sequence", domain.Document{Type: "GGT", Title: "Giấy giới thiệu", Issued: day(2025, 4, 2)}, 1, ""},
		{"a new year restarts at 1", domain.Document{Type: "BC", Title: "Báo cáo năm 2026", Issued: day(2026, 1, 10)}, 1, ""},
		{"a number given by hand is kept", domain.Document{Type: "BC", Number: 20, Title: "Báo cáo số 20", Issued: day(2025, 10, 15)}, 20, ""},
		{"the sequence continues after it", domain.Document{Type: "BC", Title: "Tiếp theo", Issued: day(2025, 11, 1)}, 21, ""},
		{"a number already issued is refused", domain.Document{Type: "BC", Number: 2, Title: "Trùng số", Issued: day(2025, 12, 1)}, 0, "Number"},
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
	if len(docs) != 5 {
		t.Fatalf("2025 has %d documents, want 5 (refused ones are not written): %+v", len(docs), docs)
	}
	if docs[0].Number != 21 || docs[0].Title != "Tiếp theo" || docs[0].Issued != day(2025, 11, 1) {
		t.Errorf("newest first: got %+v", docs[0])
	}
	if got := docs[0].Symbol("ĐTN"); got != "21-BC/ĐTN" {
		t.Errorf("Symbol = %q, want 21-BC/ĐTN", got)
	}
	all, err := s.Documents(ctx, 0)
	if err != nil || len(all) != 7 {
		t.Errorf("all years: %d documents, %v; want 7", len(all), err)
	}

	// The file is recorded after the PDF is written; a document whose PDF
	// failed is deleted and its number is free again.
	if err := s.SetDocumentFile(ctx, docs[0].ID, "/tmp/bc-21.pdf"); err != nil {
		t.Fatal(err)
	}
	if docs, _ = s.Documents(ctx, 2025); docs[0].File != "/tmp/bc-21.pdf" {
		t.Errorf("file = %q", docs[0].File)
	}
	if err := s.DeleteDocument(ctx, docs[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.NextDocumentNumber(ctx, 2025, "BC"); err != nil || n != 21 {
		t.Errorf("after deleting 21: next = %d, %v; want 21", n, err)
	}
	if n, err := s.NextDocumentNumber(ctx, 2024, "BC"); err != nil || n != 1 {
		t.Errorf("empty year: next = %d, %v; want 1", n, err)
	}
	if err := s.DeleteDocument(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting a missing document: %v, want ErrNotFound", err)
	}
	if err := s.SetDocumentFile(ctx, 9999, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("file of a missing document: %v, want ErrNotFound", err)
	}
}
