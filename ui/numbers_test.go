package ui

import (
	"context"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"sodoan/domain"
	"sodoan/internal/testtool"
)

// TestNumbersFollowTheLanguage: the window writes 1.216 in Vietnamese and
// 1,216 in English (the store's messages included), and reads what it
// writes back; documents stay Vietnamese whatever the window's language.
func TestNumbersFollowTheLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	tooMuch := domain.MoneyRange.Check(domain.MoneyRange.Max + 1)
	for _, tc := range []struct {
		lang                   string
		count, dec, pct, check string
		money                  string // the maximum in a store message
		typedDec               string // how a user types 7500.5
	}{
		{LangVietnamese, "1.216", "72,5", "72,5%", "Có", "1.000.000.000.000.000", "7.500,5"},
		{LangEnglish, "1,216", "72.5", "72.5%", "Yes", "1,000,000,000,000,000", "7,500.5"},
	} {
		if err := SetLanguage(tc.lang); err != nil {
			t.Fatal(err)
		}
		if got := fmtInt(1216); got != tc.count {
			t.Errorf("%s: fmtInt(1216) = %q, want %q", tc.lang, got, tc.count)
		}
		if got := fmtNum(72.5); got != tc.dec {
			t.Errorf("%s: fmtNum(72.5) = %q, want %q", tc.lang, got, tc.dec)
		}
		if got := fmtValue(domain.KindPercent, 72.5); got != tc.pct {
			t.Errorf("%s: percent = %q, want %q", tc.lang, got, tc.pct)
		}
		if got := fmtValue(domain.KindCheck, 1); got != tc.check {
			t.Errorf("%s: check = %q, want %q", tc.lang, got, tc.check)
		}
		if got := errText(tooMuch); !strings.Contains(got, tc.money) {
			t.Errorf("%s: message %q does not name the maximum as %s", tc.lang, got, tc.money)
		}
		if v, err := parseNum(tc.typedDec); err != nil || v != 7500.5 {
			t.Errorf("%s: parseNum(%q) = %v, %v; want 7500.5", tc.lang, tc.typedDec, v, err)
		}
		if v, err := parseNum(fmtNum(1234.5)); err != nil || v != 1234.5 {
			t.Errorf("%s: the window does not read back its own %q: %v, %v", tc.lang, fmtNum(1234.5), v, err)
		}
		// Documents are Vietnamese.
		if got := domain.FormatInt(1216); got != "1.216" {
			t.Errorf("%s: domain.FormatInt(1216) = %q, documents must keep 1.216", tc.lang, got)
		}
	}
}

// TestEnglishWindowCountsEnglishPDFVietnamese: with more than a thousand
// members, the English dashboard writes the count with a comma, and the
// annual report made from that window still writes it with a dot.
func TestEnglishWindowCountsEnglishPDFVietnamese(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	f := newDemoFixture(t, 2500, func(fa fyne.App) { fa.Preferences().SetString(prefLanguage, LangEnglish) }, "dashboard")
	st := f.st
	ov, err := st.Overview(context.Background(), thisYear())
	if err != nil {
		t.Fatal(err)
	}
	if ov.UnionActive < 1000 {
		t.Fatalf("the demo has %d active members; the test needs more than 1,000", ov.UnionActive)
	}
	en := strings.ReplaceAll(domain.FormatInt(int64(ov.UnionActive)), ".", ",")
	if !hasLabel(f.app.screens["dashboard"].view(), en) {
		t.Errorf("the English dashboard does not show %d as %s", ov.UnionActive, en)
	}
	if hasLabel(f.app.screens["dashboard"].view(), domain.FormatInt(int64(ov.UnionActive))) {
		t.Errorf("the English dashboard shows %s, the Vietnamese way", domain.FormatInt(int64(ov.UnionActive)))
	}

	f.app.goTo("reports")
	s := f.app.screens["reports"].(*reportsScreen)
	path := f.generate(s, 0)
	testtool.Need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	text := string(out)
	if !regexp.MustCompile(`\d\.\d{3}`).MatchString(text) {
		t.Errorf("%s: no number with a Vietnamese thousands dot in the PDF:\n%s", s.docs[0].title, text)
	}
	if m := regexp.MustCompile(`\d,\d{3}\b`).FindString(text); m != "" {
		t.Errorf("%s: the PDF written from the English window has %q, an English thousands comma", s.docs[0].title, m)
	}
}
