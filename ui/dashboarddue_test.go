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
