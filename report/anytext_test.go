package report

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
)

// setStrings sets every field of plain type string reachable from v
// (through structs, slices and pointers) to s: every name, address, title
// and note a document prints. Typed codes (Gender, Status…) keep their
// values.
func setStrings(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setStrings(v.Elem(), s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				setStrings(v.Field(i), s)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String && v.Type().Elem() == reflect.TypeOf("") {
			for i := range v.Len() {
				v.Index(i).SetString(s)
			}
			return
		}
		for i := range v.Len() {
			setStrings(v.Index(i), s)
		}
	case reflect.String:
		if v.Type() == reflect.TypeOf("") && v.CanSet() {
			v.SetString(s)
		}
	}
}

// anyTextDocuments are the fixture documents with every text set to s.
func anyTextDocuments(s string) map[string]func(io.Writer) error {
	annual, period, members, transfer := fixtureAnnual(), fixturePeriod(), fixtureMemberList(7, true), fixtureTransfer()
	coops, years := fixtureCoops()
	clubs := &ClubList{Meta: fixtureMeta(5), Clubs: fixtureClubs()}
	coopList := &CoopList{Meta: fixtureMeta(6), Year: 2025, Coops: coops, Years: years}
	docs := map[string]any{"annual": annual, "period": period, "members": members, "transfer": transfer, "clubs": clubs, "coops": coopList}
	for _, d := range docs {
		setStrings(reflect.ValueOf(d), s)
	}
	return map[string]func(io.Writer) error{
		"annual":   func(w io.Writer) error { return WriteAnnual(w, annual) },
		"period":   func(w io.Writer) error { return WritePeriod(w, period) },
		"members":  func(w io.Writer) error { return WriteMemberList(w, members) },
		"transfer": func(w io.Writer) error { return WriteTransfer(w, transfer) },
		"clubs":    func(w io.Writer) error { return WriteClubs(w, clubs) },
		"coops":    func(w io.Writer) error { return WriteCoops(w, coopList) },
	}
}

// hostileTexts are what a register may hold or a user may type: non-BMP
// emoji and ZWJ sequences (finding 2 of issue 9: index out of range
// [65536] in fpdf), controls, invalid UTF-8, combining marks without a
// letter, huge text.
var hostileTexts = []string{
	"Phường 2 👨‍👩‍👧",
	"Nguyễn 😀 Văn 𝔸n",
	"\U0010FFFF\U00010000\uFFFF\uFFFE",
	"ESC\x1b[31m NUL\x00 BEL\a",
	"bad \xff\xfe utf-8",
	"\u0301\u0323 dấu rời",
	"\u202eRLO\u202c ẩn",
	"\t\r\n\n",
	"",
	strings.Repeat("Nguyễn Văn Anh 👍 ", 120),
}

// TestPDFPrintsAnyText: every document prints whatever text the register
// holds, without panicking, and shows a mark where the font has no glyph.
func TestPDFPrintsAnyText(t *testing.T) {
	for _, s := range hostileTexts {
		for name, write := range anyTextDocuments(s) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Errorf("%s with %.30q: %v", name, s, err)
				continue
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
				t.Errorf("%s with %.30q: not a PDF", name, s)
			}
		}
	}
}

func TestPrintable(t *testing.T) {
	mark := string(missingMark())
	if mark != "□" {
		t.Errorf("the font lacks □: mark %q", mark)
	}
	for in, want := range map[string]string{
		"Nguyễn Thị Hòa": "Nguyễn Thị Hòa",
		"Phường 2 👨‍👩‍👧": "Phường 2 □\u200d□\u200d□", // the font has the (invisible) joiner
		"a\x1bb\x00c":    "a□b□c",
		"x\xffy":         "x□y",
		"a\tb\r\nc":      "a b \nc",
		"Hoa\u0300":      "Hoà",
	} {
		if got := nfc(in); got != want {
			t.Errorf("nfc(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzPDFText: no text makes a document fail or panic.
func FuzzPDFText(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4000 {
			s = s[:4000]
		}
		for _, name := range []string{"transfer", "clubs", "members"} {
			if err := anyTextDocuments(s)[name](io.Discard); err != nil {
				t.Fatalf("%s with %q: %v", name, s, err)
			}
		}
	})
}
