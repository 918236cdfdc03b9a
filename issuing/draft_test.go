package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// Draft writes every section the editor says is pre-filled, for each
// document, as of the day DraftDay names (issue 17, finding 12).
func TestDraftEveryDocument(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.day = d(2026, 1, 10)
	plan, err := w.st.CurrentPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		doc    string
		key    int
		cutoff domain.Date
		day    domain.Date
		starts map[string]string // section: the start of its draft
	}{
		// The year 2025 ended before today (10/01/2026): its last day.
		{"annual", domain.NarrativeAnnual, 2025, domain.Date{}, d(2025, 12, 31), map[string]string{
			"situation": "Tính đến ngày 31/12/2025, Đoàn phường Hòa Mẫu có ",
			// R1 struck off on 05/10/2025.
			"inspection": "Trong năm 2025, Đoàn phường Hòa Mẫu xem xét, xóa tên 1 đoàn viên",
		}},
		// Cut off before R1 was struck off: nobody yet.
		{"annual cut off", domain.NarrativeAnnual, 2025, d(2025, 9, 30), d(2025, 9, 30), map[string]string{
			"situation":  "Tính đến ngày 30/09/2025, ",
			"inspection": "Trong năm 2025, Đoàn phường Hòa Mẫu không có trường hợp",
		}},
		{"6-month", domain.NarrativeHalfYear, 2025, domain.Date{}, d(2025, 6, 30), map[string]string{
			"situation": "Tính đến ngày 30/06/2025, ",
		}},
		{"period", domain.NarrativePeriod, int(plan.ID), d(2025, 12, 31), d(2025, 12, 31), map[string]string{
			"situation": "Tính đến ngày 31/12/2025, ",
		}},
		{"plan", domain.NarrativePlan, int(plan.ID), domain.Date{}, d(2026, 1, 10), map[string]string{
			"purpose": "Cụ thể hóa các chỉ tiêu, nhiệm vụ công tác Đoàn và phong trào thanh thiếu nhi giai đoạn 2024 – 2028 tại Đoàn phường Hòa Mẫu",
			"general": "Đến năm 2028, Đoàn phường Hòa Mẫu phấn đấu thực hiện đạt ",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Draft(ctx, w.st, tc.doc, tc.key, tc.cutoff)
			if err != nil {
				t.Fatal(err)
			}
			for code, want := range tc.starts {
				if !strings.HasPrefix(n[code], want) {
					t.Errorf("%s:\n got %q\nwant %q…", code, n[code], want)
				}
			}
			for code := range domain.DraftedSections(tc.doc) {
				if tc.doc != domain.NarrativePlan && code != "situation" && code != "inspection" && code != "organisation" {
					continue // the others depend on the plan's verdicts
				}
				if strings.TrimSpace(n[code]) == "" {
					t.Errorf("section %s is empty", code)
				}
			}
			day, err := DraftDay(ctx, w.st, tc.doc, tc.key, tc.cutoff)
			if err != nil || day != tc.day {
				t.Errorf("DraftDay = %s (%v), want %s", day, err, tc.day)
			}
		})
	}
}
