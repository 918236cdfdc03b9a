package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestIssueDateRules is QA finding 12: a document is not dated in the
// future, the annual report's cut-off lies within its working year and
// no cut-off passes the issue date; each refusal names its field and
// takes no number.
func TestIssueDateRules(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	tomorrow := domain.DateOf(domain.Today().Time().AddDate(0, 0, 1))
	for _, c := range []struct {
		name string
		req  Request
		want []string
	}{
		{"future date", Request{Kind: Annual, Year: 2025, Date: tomorrow}, []string{"Ngày ban hành", tomorrow.String(), "sau hôm nay"}},
		{"cut-off before the year", Request{Kind: Annual, Year: 2025, Date: d(2026, 1, 10), Cutoff: d(2024, 1, 1)},
			[]string{"Số liệu tính đến ngày", "01/01/2024 ngoài năm công tác 2025 (01/01/2025 – 31/12/2025)"}},
		{"cut-off after the date", Request{Kind: Annual, Year: 2025, Date: d(2025, 6, 30), Cutoff: d(2025, 12, 31)},
			[]string{"Số liệu tính đến ngày", "31/12/2025 sau ngày ban hành 30/06/2025"}},
		{"period cut-off after the date", Request{Kind: Period, Date: d(2025, 6, 30), Cutoff: d(2030, 1, 1)},
			[]string{"01/01/2030 sau ngày ban hành 30/06/2025"}},
		{"a year not begun", Request{Kind: Annual, Year: 2026, Date: d(2025, 12, 20)},
			[]string{"Năm", "năm công tác 2026 bắt đầu từ 01/01/2026"}},
	} {
		c.req.Dir = w.dir
		_, err := Issue(ctx, w.st, c.req)
		if err == nil {
			t.Errorf("%s: issued", c.name)
			continue
		}
		for _, s := range c.want {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: %q lacks %q", c.name, err, s)
			}
		}
	}
	if docs, err := w.st.Documents(ctx, 0); err != nil || len(docs) != 0 {
		t.Errorf("refusals took %d numbers (%v)", len(docs), err)
	}
	// The 2025 report issued in January 2026 counts to the year's end.
	a, err := Issue(ctx, w.st, Request{Kind: Annual, Year: 2025, Date: d(2026, 1, 10), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "annual", pdfText(t, a.Path), "31/12/2025")
}

// TestClubTotalCountsMemberships is QA finding 17: one person in two
// clubs is two memberships, and the total says "lượt thành viên".
func TestClubTotalCountsMemberships(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	c, err := Issue(ctx, w.st, Request{Kind: Clubs, Date: d(2025, 12, 1), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, c.Path)
	if !strings.Contains(text, "lượt thành viên.") {
		t.Errorf("clubs total: %s", lastPage(t, c.Path))
	}
}

// TestOmittedSectionsNamed is QA finding 6: a section without text is
// left out of the period report and named to the secretary.
func TestOmittedSectionsNamed(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	p, err := Issue(ctx, w.st, Request{Kind: Period, Date: d(2026, 1, 10), Cutoff: d(2025, 12, 31), Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(p.Omitted, "; ")
	// Inspection is drafted from the register since issue 17 (finding
	// 12); the three sections it holds nothing for are named.
	if got != "Nguyên nhân của hạn chế; Bài học kinh nghiệm; Đề xuất, kiến nghị" {
		t.Errorf("omitted: %q", got)
	}
}
