package ui

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// formField finds, under o, the input and the message of the form field
// labelled label (see form.grid).
func formField(t *testing.T, o fyne.CanvasObject, label string) (*entry, *errorText) {
	t.Helper()
	var in *entry
	var msg *errorText
	eachObject(o, func(c fyne.CanvasObject) {
		box, ok := c.(*fyne.Container)
		if !ok || in != nil {
			return
		}
		for i := 0; i+1 < len(box.Objects); i++ {
			l, ok := box.Objects[i].(*widget.Label)
			cell, ok2 := box.Objects[i+1].(*fyne.Container)
			if !ok || !ok2 || l.Text != label || len(cell.Objects) != 2 {
				continue
			}
			e, ok3 := cell.Objects[0].(*entry)
			m, ok4 := cell.Objects[1].(*errorText)
			if ok3 && ok4 {
				in, msg = e, m
				return
			}
		}
	})
	if in == nil {
		t.Fatalf("no field %q", label)
	}
	return in, msg
}

// TestReadIntSaysTooLarge: a number over a field's maximum is "quá lớn"
// with the maximum of store/limits.go, however many digits it has;
// letters are "không phải là số".
func TestReadIntSaysTooLarge(t *testing.T) {
	for _, tc := range []struct {
		in   string
		r    domain.IntRange
		want string // "" when it reads
		v    int64
	}{
		{"1.000.000.000.000.000", domain.MoneyRange, "", 1_000_000_000_000_000},
		{"1.000.000.000.000.001", domain.MoneyRange, "quá lớn: tối đa 1.000.000.000.000.000", 0},
		{"99999999999999999999999999", domain.MoneyRange, "quá lớn: tối đa 1.000.000.000.000.000", 0},
		{"100000001", domain.CountRange, "quá lớn: tối đa 100.000.000", 0},
		{"99999999999999999999", domain.YearRange, "quá lớn: tối đa 2100", 0},
		{"123456", domain.OrderRange, "quá lớn: tối đa 99.999", 0},
		{"-99999999999999999999", domain.MoneyRange, "không được âm", 0},
		{"12a", domain.MoneyRange, "không phải là số", 0},
		{"", domain.CountRange, "", 0},
	} {
		v, err := readInt(tc.in, tc.r)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want || v != tc.v {
			t.Errorf("readInt(%q, %s) = %d, %q; want %d, %q", tc.in, tc.r.Label, v, got, tc.v, tc.want)
		}
	}
	if _, err := parseNum(strings.Repeat("9", 400)); err == nil || !strings.Contains(err.Error(), "quá lớn: tối đa 100.000.000") {
		t.Errorf("a 400-digit target: %v", err)
	}
	if _, err := parseNum("abc"); err == nil || err.Error() != "không phải là số" {
		t.Errorf("a target of letters: %v", err)
	}
}

// TestHugeRevenueIsTooLarge: in the window, an enormous revenue and
// capital say they are too large, and nothing is saved.
func TestHugeRevenueIsTooLarge(t *testing.T) {
	f := newFixture(t, "dashboard")
	ctx := context.Background()
	co := &domain.Coop{Name: "THT Rau sạch", LegalBasis: "nd77_2019", Active: true}
	if err := f.st.SaveCoop(ctx, co); err != nil {
		t.Fatal(err)
	}
	f.app.goTo("coops")
	huge := "999999999999999999999999"
	rev, revMsg := formField(t, f.app.body, "Doanh thu (đồng)")
	inc, incMsg := formField(t, f.app.body, "Thu nhập bình quân (đồng/người/tháng)")
	rev.SetText(huge)
	inc.SetText("3.500.000")
	tapIn(t, f.app.body, "Lưu kết quả năm")
	if got := revMsg.msg(); got != "quá lớn: tối đa 1.000.000.000.000.000" {
		t.Errorf("revenue %s: message %q", huge, got)
	}
	if got := incMsg.msg(); got != "" {
		t.Errorf("a good income shows %q", got)
	}
	if cy, err := f.st.CoopYear(ctx, co.ID, thisYear()); err != nil || cy.AvgIncome != 0 {
		t.Errorf("the year was saved with a bad revenue: %+v, %v", cy, err)
	}
	capital, capMsg := formField(t, f.app.body, "Vốn góp (đồng)")
	capital.SetText(huge)
	tapIn(t, f.app.body, "Lưu")
	if got := capMsg.msg(); got != "quá lớn: tối đa 1.000.000.000.000.000" {
		t.Errorf("capital %s: message %q", huge, got)
	}

	// English too.
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	if _, err := readInt(huge, domain.MoneyRange); err == nil || err.Error() != "too large: at most 1,000,000,000,000,000" {
		t.Errorf("in English: %v", err)
	}
}
