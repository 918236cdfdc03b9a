package ui

import (
	"context"
	"testing"

	"sodoan/domain"

	"fyne.io/fyne/v2/widget"
)

// TestDashboardAnnualReportOverdue: this year's annual report not issued
// by 15/10 shows as overdue, with its date and the days past; once issued
// (entered in the register of outgoing documents), next year's date shows.
func TestDashboardAnnualReportOverdue(t *testing.T) {
	f := newFixture(t, "dashboard")
	d := f.app.screens["dashboard"].(*dashboard)
	// A register in use since 2025.
	d.since = func() (domain.Date, error) { return domain.MustDate(2025, 3, 1), nil }
	show := func(day domain.Date, want string) {
		t.Helper()
		f.app.today = func() domain.Date { return day }
		d.refresh()
		if findButton(d.view(), want) == nil {
			t.Errorf("on %s the dashboard lacks %q", day, want)
		}
	}
	show(domain.MustDate(2026, 10, 1), "Báo cáo năm nộp trước 15/10/2026: còn 14 ngày")
	show(domain.MustDate(2026, 10, 15), "Báo cáo năm nộp trước 15/10/2026: còn 0 ngày")
	show(domain.MustDate(2026, 11, 28), "Báo cáo năm 2026 chưa nộp, quá hạn 15/10/2026: đã quá 44 ngày")
	if b, ok := findButton(d.view(), "Báo cáo năm 2026 chưa nộp, quá hạn 15/10/2026: đã quá 44 ngày").(*button); !ok || b.Importance != widget.DangerImportance {
		t.Error("the overdue report is not shown as a danger")
	}
	// Last year's report does not count for this year.
	if err := f.st.RecordDocument(context.Background(), &domain.Document{Type: "BC", Key: "annual:2025", Title: "Báo cáo năm 2025",
		Issued: domain.MustDate(2026, 1, 10), File: "/tmp/bao-cao-nam-2025.pdf"}); err != nil {
		t.Fatal(err)
	}
	show(domain.MustDate(2026, 11, 28), "Báo cáo năm 2026 chưa nộp, quá hạn 15/10/2026: đã quá 44 ngày")
	if err := f.st.RecordDocument(context.Background(), &domain.Document{Type: "BC", Key: "annual:2026", Title: "Báo cáo năm 2026",
		Issued: domain.MustDate(2026, 11, 20), File: "/tmp/bao-cao-nam-2026.pdf"}); err != nil {
		t.Fatal(err)
	}
	show(domain.MustDate(2026, 11, 28), "Báo cáo năm nộp trước 15/10/2027: còn 321 ngày")
	show(domain.MustDate(2026, 10, 1), "Báo cáo năm nộp trước 15/10/2027: còn 379 ngày")
}

// A register that came into use after this year's report was due (made
// on 07/12/2026, the report due 15/10/2026) reminds of next year's report,
// not of an overdue one (issue 17); one in use since before the due day
// still shows it overdue.
func TestDashboardDueCountsFromFirstUse(t *testing.T) {
	f := newFixture(t, "dashboard")
	d := f.app.screens["dashboard"].(*dashboard)
	f.app.today = func() domain.Date { return domain.MustDate(2026, 12, 7) }
	for _, tc := range []struct {
		since domain.Date
		want  string
	}{
		// 15/10/2027 − 07/12/2026 = 24 + 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 15 = 312 days.
		{domain.MustDate(2026, 12, 7), "Báo cáo năm nộp trước 15/10/2027: còn 312 ngày"},
		// 07/12 − 15/10 = 16 + 30 + 7 = 53 days past.
		{domain.MustDate(2026, 10, 14), "Báo cáo năm 2026 chưa nộp, quá hạn 15/10/2026: đã quá 53 ngày"},
	} {
		d.since = func() (domain.Date, error) { return tc.since, nil }
		d.refresh()
		if findButton(d.view(), tc.want) == nil {
			t.Errorf("in use since %s: the dashboard lacks %q", tc.since, tc.want)
		}
	}
	// The store's own answer: the fixture's register was written today.
	since, err := f.st.InUseSince(context.Background())
	if err != nil || since.IsZero() || since.After(domain.Today()) {
		t.Errorf("InUseSince %s %v", since, err)
	}
}
