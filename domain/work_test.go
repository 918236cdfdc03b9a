package domain

import (
	"strings"
	"testing"
)

// TestWorkPeriods: each period's bounds in a calendar working year and in
// one starting on 01/10 (the year 2026 runs 01/10/2025 – 30/09/2026), its
// name, the period after it, and its texts' doc read back.
func TestWorkPeriods(t *testing.T) {
	calendar := YearSpanOf(2026, 1, 1, Date{}, MustDate(2027, 1, 1))
	october := YearSpanOf(2026, 1, 10, Date{}, MustDate(2027, 1, 1))
	for _, c := range []struct {
		p                     WorkPeriod
		from, end             string // calendar year
		octFrom, octEnd       string // working year from 01/10
		name, next, narrative string
	}{
		{WorkPeriod{2026, 1, 0}, "01/01/2026", "31/03/2026", "01/10/2025", "31/12/2025", "quý I năm 2026", "quý II năm 2026", "work-q1"},
		{WorkPeriod{2026, 2, 0}, "01/04/2026", "30/06/2026", "01/01/2026", "31/03/2026", "quý II năm 2026", "quý III năm 2026", "work-q2"},
		{WorkPeriod{2026, 4, 0}, "01/10/2026", "31/12/2026", "01/07/2026", "30/09/2026", "quý IV năm 2026", "quý I năm 2027", "work-q4"},
		{WorkPeriod{2026, 0, 1}, "01/01/2026", "30/06/2026", "01/10/2025", "31/03/2026", "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "work-h1"},
		{WorkPeriod{2026, 0, 2}, "01/07/2026", "31/12/2026", "01/04/2026", "30/09/2026", "6 tháng cuối năm 2026", "năm 2027", "work-h2"},
		{WorkPeriod{Year: 2026}, "01/01/2026", "31/12/2026", "01/10/2025", "30/09/2026", "năm 2026", "năm 2027", "work-nam"},
	} {
		if from, end := c.p.Bounds(calendar); from.String() != c.from || end.String() != c.end {
			t.Errorf("%s: %s – %s, want %s – %s", c.name, from, end, c.from, c.end)
		}
		if from, end := c.p.Bounds(october); from.String() != c.octFrom || end.String() != c.octEnd {
			t.Errorf("%s from 01/10: %s – %s, want %s – %s", c.name, from, end, c.octFrom, c.octEnd)
		}
		if c.p.Name() != c.name || c.p.Next().Name() != c.next || c.p.NarrativeDoc() != c.narrative {
			t.Errorf("%+v: %q, next %q, doc %q", c.p, c.p.Name(), c.p.Next().Name(), c.p.NarrativeDoc())
		}
		if back, ok := WorkPeriodOfDoc(c.narrative, 2026); !ok || back != c.p {
			t.Errorf("%s read back as %+v (%v)", c.narrative, back, ok)
		}
		if secs, ok := NarrativeSections(c.narrative); !ok || len(secs) != len(WorkSections) {
			t.Errorf("%s: sections %v", c.narrative, ok)
		}
	}
	if _, ok := NarrativeSections("work-q5"); ok {
		t.Error("work-q5 accepted")
	}
	for p, want := range map[WorkPeriod]string{
		{2026, 5, 0}: "Quý: 5 không có", {2026, 0, 3}: "6 tháng: 3 không có", {2026, 1, 1}: "chọn quý hoặc 6 tháng",
	} {
		if err := CheckWorkPeriod(p); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%+v: %v, want %q", p, err, want)
		}
	}
}

// TestWorkDraftMeetings: the meetings of a period read out of the year's
// grid (months begun by the cut-off only), said in the draft, and the
// branches that missed a month named among the shortcomings.
func TestWorkDraftMeetings(t *testing.T) {
	sp := YearSpanOf(2026, 1, 1, Date{}, MustDate(2027, 1, 1))
	f := WorkFigures{Period: WorkPeriod{Year: 2026, Quarter: 2}, AsOf: MustDate(2026, 5, 20)}
	f.Meetings.Months = MonthsOf(sp)
	// Khóm 1 met in April and May (and in January); Khóm 2 in April only.
	f.Meetings.Rows = []BranchMeetingsYear{
		{Branch: "Chi đoàn Khóm 1", Held: [12]int{1, 0, 0, 1, 1}, Meetings: 3},
		{Branch: "Chi đoàn Khóm 2", Held: [12]int{0, 0, 0, 2}, Meetings: 2},
	}
	ms := f.BranchMeetings()
	// 20/05: April and May have begun, June not: 2 months.
	if ms[0].Held != 2 || ms[0].MonthsMet != 2 || ms[0].Months != 2 || ms[0].YearToDate != 3 ||
		ms[1].Held != 2 || ms[1].MonthsMet != 1 {
		t.Errorf("branch meetings %+v", ms)
	}
	n := WorkDraft(&f, "Đoàn phường Hòa Mẫu")
	if want := "Trong quý II năm 2026, các chi đoàn tổ chức 4 buổi sinh hoạt; 1/2 chi đoàn sinh hoạt đủ 2 tháng."; !strings.Contains(n["organisation"], want) {
		t.Errorf("organisation: %q lacks %q", n["organisation"], want)
	}
	if want := "Còn 1 chi đoàn chưa sinh hoạt đều hằng tháng: Chi đoàn Khóm 2 (1/2 tháng)."; !strings.Contains(n["shortcomings"], want) {
		t.Errorf("shortcomings: %q lacks %q", n["shortcomings"], want)
	}
}
