package store

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"testing"
	"time"

	"sodoan/domain"
)

// workWard is a ward built by hand for issue 19: two branches, five Union
// members, activities of several kinds on both sides of the first
// quarter's end, trainings and a model, and a half-year of meetings with
// attendance. The register's clock is 10/12/2026.
//
//	branch A "Chi đoàn Khóm 1": An (p1), Bình (p2), Chi (p3), admitted 2020
//	branch B "Chi đoàn Khóm 2": Dũng (p4), admitted 2020; Hà (p5), admitted 01/05/2026
//
//	a1 education, the ward, 20/03,         30 ĐV 5 HV 10 khác, reached 200, roll p1 p2 p4
//	a2 volunteer, branch A, 31/03–02/04,   12 ĐV 3 khác, volunteers 15, days 3, roll p1 p3
//	a3 blood,     the ward, 01/04,         8 ĐV, units 8, no roll
//	a4 education, branch B, 15/04,         20 ĐV, reached 150, roll p4
//	a5 volunteer, the ward, 10/07,         40 ĐV, volunteers 40, days 2, roll p1 p2 p3 p4 p5
//	trainings: p4 on 02/02 ("Lớp bồi dưỡng bí thư chi đoàn"); p1, p2 on 10/05 ("Lớp cán bộ chi đoàn")
//	model: the page "Tuổi trẻ Khóm 1" (2.1) of branch A, started 01/06
//
//	meetings of A: the 15th of months 1–6 (regular), p1 present at all,
//	  p2 absent without reason in 2, 4, 6, p3 excused in 1; a committee
//	  meeting on 05/07 (p1 present), which is not a branch meeting.
//	meetings of B: 10/01 and 10/03 (regular), 25/03 (thematic): p4 present,
//	  present, absent; p5 not yet a member.
type workWard struct {
	s      *Store
	a, b   int64
	p      [6]int64 // p[1]..p[5]
	acts   []*domain.Activity
	meetAt map[string]int64
}

func d(y, m, day int) domain.Date { return domain.MustDate(y, m, day) }

func newWorkWard(t *testing.T) *workWard {
	t.Helper()
	ctx := context.Background()
	s, err := OpenWith(filepath.Join(t.TempDir(), "so.db"), OpenOptions{Create: true,
		Now: func() time.Time { return time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := &workWard{s: s, meetAt: map[string]int64{}}
	for i, name := range []string{"Chi đoàn Khóm 1", "Chi đoàn Khóm 2"} {
		b := &domain.Branch{Name: name, Kind: domain.BranchHamlet, Active: true}
		mustNil(t, s.SaveBranch(ctx, b))
		if i == 0 {
			w.a = b.ID
		} else {
			w.b = b.ID
		}
	}
	people := []struct {
		fam, mid, given string
		branch          int64
		admitted        domain.Date
	}{
		{"Nguyễn", "Văn", "An", w.a, d(2020, 1, 1)},
		{"Trần", "Thị", "Bình", w.a, d(2020, 1, 1)},
		{"Lê", "Minh", "Chi", w.a, d(2020, 1, 1)},
		{"Phạm", "Văn", "Dũng", w.b, d(2020, 1, 1)},
		{"Võ", "Thị", "Hà", w.b, d(2026, 5, 1)},
	}
	var ms []NewMember
	for i, p := range people {
		ms = append(ms, NewMember{Person: &domain.Person{FamilyName: p.fam, MiddleName: p.mid, GivenName: p.given, Gender: domain.Male,
			BirthDate: d(2000, 1, 1+i), UnionMember: true, AdmissionDate: p.admitted, BranchID: p.branch, CardNumber: "08700000" + string(rune('1'+i))}})
	}
	mustNil(t, s.LoadMembers(ctx, ms, LoadOptions{EmptyOnly: true}))
	for i, m := range ms {
		w.p[i+1] = m.Person.ID
		if m.Person.ID == 0 {
			t.Fatal("LoadMembers gave no id")
		}
	}
	p := w.p
	for _, a := range []*domain.Activity{
		{Kind: "education", Title: "Học tập Nghị quyết Đại hội", Date: d(2026, 3, 20), Ward: true,
			Participants: domain.Participants{Union: 30, Federation: 5, Others: 10}, Roll: true, People: []int64{p[1], p[2], p[4]}, Measures: map[string]int64{"reached": 200}},
		{Kind: "volunteer", Title: "Ra quân Tháng Thanh niên", Date: d(2026, 3, 31), End: d(2026, 4, 2), Branches: []int64{w.a},
			Participants: domain.Participants{Union: 12, Others: 3}, Roll: true, People: []int64{p[1], p[3]}, Measures: map[string]int64{"volunteers": 15, "days": 3}},
		{Kind: "blood", Title: "Ngày hội hiến máu", Date: d(2026, 4, 1), Ward: true, Participants: domain.Participants{Union: 8}, Measures: map[string]int64{"units": 8}},
		{Kind: "education", Title: "Sinh hoạt chính trị Khóm 2", Date: d(2026, 4, 15), Branches: []int64{w.b},
			Participants: domain.Participants{Union: 20}, Roll: true, People: []int64{p[4]}, Measures: map[string]int64{"reached": 150}},
		{Kind: "volunteer", Title: "Chiến dịch hè", Date: d(2026, 7, 10), Ward: true, Participants: domain.Participants{Union: 40},
			Roll: true, People: []int64{p[1], p[2], p[3], p[4], p[5]}, Measures: map[string]int64{"volunteers": 40, "days": 2}},
	} {
		mustNil(t, s.SaveActivity(ctx, a))
		w.acts = append(w.acts, a)
	}
	for _, tr := range []domain.Training{
		{PersonID: p[4], Date: d(2026, 2, 2), Course: "Lớp bồi dưỡng bí thư chi đoàn"},
		{PersonID: p[1], Date: d(2026, 5, 10), Course: "Lớp cán bộ chi đoàn"},
		{PersonID: p[2], Date: d(2026, 5, 10), Course: "Lớp cán bộ chi đoàn"},
	} {
		mustNil(t, s.SaveTraining(ctx, &tr))
	}
	mustNil(t, s.SaveModel(ctx, &domain.TargetModel{Target: domain.ModelOutreach, Kind: "page", Name: "Tuổi trẻ Khóm 1", BranchID: w.a, Date: d(2026, 6, 1)}))
	for month := 1; month <= 6; month++ {
		st2, st3 := domain.Present, domain.Present
		if month%2 == 0 {
			st2 = domain.Absent
		}
		if month == 1 {
			st3 = domain.Excused
		}
		w.meet(t, w.a, d(2026, month, 15), domain.MeetingRegular, []domain.Attendance{{PersonID: p[1], Status: domain.Present}, {PersonID: p[2], Status: st2}, {PersonID: p[3], Status: st3}})
	}
	w.meet(t, w.a, d(2026, 7, 5), domain.MeetingCommittee, []domain.Attendance{{PersonID: p[1], Status: domain.Present}})
	w.meet(t, w.b, d(2026, 1, 10), domain.MeetingRegular, []domain.Attendance{{PersonID: p[4], Status: domain.Present}})
	w.meet(t, w.b, d(2026, 3, 10), domain.MeetingRegular, []domain.Attendance{{PersonID: p[4], Status: domain.Present}})
	w.meet(t, w.b, d(2026, 3, 25), domain.MeetingThematic, []domain.Attendance{{PersonID: p[4], Status: domain.Absent}})
	return w
}

func (w *workWard) meet(t *testing.T, branch int64, on domain.Date, kind domain.MeetingKind, att []domain.Attendance) {
	t.Helper()
	m := &domain.Meeting{BranchID: branch, Date: on, Kind: kind, Theme: domain.DefaultThemes[on.Month()-1], Attendance: att}
	mustNil(t, w.s.SaveMeeting(context.Background(), m))
	w.meetAt[on.ISO()] = m.ID
}

// TestActivityTotals: each period's totals by kind, against the hand
// count of workWard.
func TestActivityTotals(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	type want struct {
		count, people int
		measures      map[string]int64
	}
	for _, tc := range []struct {
		name     string
		from, to domain.Date
		kinds    map[string]want // every other kind: none
	}{
		// Q1: a1 (45 people, reached 200); a2 begins 31/03 so counts here
		// whole (15 people, 15 volunteers, 3 days); p4's training on 02/02.
		{"quý I", d(2026, 1, 1), d(2026, 3, 31), map[string]want{
			"education": {1, 45, map[string]int64{"reached": 200}},
			"volunteer": {1, 15, map[string]int64{"volunteers": 15, "days": 3}},
			"training":  {1, 1, map[string]int64{"trained": 1}},
		}},
		// Q2: a3 (8, units 8), a4 (20, reached 150), the course of p1 and
		// p2 (2 trained), the page (no count).
		{"quý II", d(2026, 4, 1), d(2026, 6, 30), map[string]want{
			"blood":     {1, 8, map[string]int64{"units": 8}},
			"education": {1, 20, map[string]int64{"reached": 150}},
			"training":  {1, 2, map[string]int64{"trained": 2}},
			"model":     {1, 0, nil},
		}},
		// The half: Q1 + Q2. education 2 (45+20=65, 200+150=350),
		// training 2 courses (1+2=3 trained).
		{"6 tháng", d(2026, 1, 1), d(2026, 6, 30), map[string]want{
			"education": {2, 65, map[string]int64{"reached": 350}},
			"volunteer": {1, 15, map[string]int64{"volunteers": 15, "days": 3}},
			"blood":     {1, 8, map[string]int64{"units": 8}},
			"training":  {2, 3, map[string]int64{"trained": 3}},
			"model":     {1, 0, nil},
		}},
		// The year adds a5: volunteer 2 (15+40=55 people, 55 volunteers,
		// 3+2=5 days).
		{"cả năm", d(2026, 1, 1), d(2026, 12, 31), map[string]want{
			"education": {2, 65, map[string]int64{"reached": 350}},
			"volunteer": {2, 55, map[string]int64{"volunteers": 55, "days": 5}},
			"blood":     {1, 8, map[string]int64{"units": 8}},
			"training":  {2, 3, map[string]int64{"trained": 3}},
			"model":     {1, 0, nil},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := w.s.ActivityTotals(ctx, tc.from, tc.to)
			mustNil(t, err)
			if len(got) != len(domain.DefaultActivityKinds) {
				t.Fatalf("%d kinds, want every kind (%d)", len(got), len(domain.DefaultActivityKinds))
			}
			for _, k := range got {
				wk := tc.kinds[k.Kind]
				if k.Count != wk.count || k.Participants.Total() != wk.people {
					t.Errorf("%s: %d activities, %d people; want %d, %d", k.Kind, k.Count, k.Participants.Total(), wk.count, wk.people)
				}
				for _, m := range k.Measures {
					if m.Value != wk.measures[m.Code] {
						t.Errorf("%s %s = %d, want %d", k.Kind, m.Code, m.Value, wk.measures[m.Code])
					}
				}
			}
		})
	}
}

// TestActivitiesFilters: the year's list by kind, branch and month, the
// training course and the model among them.
func TestActivitiesFilters(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	titles := func(f ActivityFilter) []string {
		t.Helper()
		as, err := w.s.Activities(ctx, f)
		mustNil(t, err)
		var out []string
		for _, a := range as {
			out = append(out, a.Title)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    ActivityFilter
		want []string
	}{
		// By date: 02/02 training, 20/03 a1, 31/03 a2, 01/04 a3, 15/04 a4,
		// 10/05 training, 01/06 model, 10/07 a5.
		{"cả năm", ActivityFilter{Year: 2026}, []string{"Lớp bồi dưỡng bí thư chi đoàn", "Học tập Nghị quyết Đại hội", "Ra quân Tháng Thanh niên",
			"Ngày hội hiến máu", "Sinh hoạt chính trị Khóm 2", "Lớp cán bộ chi đoàn", "Tuổi trẻ Khóm 1", "Chiến dịch hè"}},
		{"đến 31/03", ActivityFilter{Year: 2026, Cutoff: d(2026, 3, 31)}, []string{"Lớp bồi dưỡng bí thư chi đoàn", "Học tập Nghị quyết Đại hội", "Ra quân Tháng Thanh niên"}},
		{"tuyên truyền", ActivityFilter{Year: 2026, Kind: "education"}, []string{"Học tập Nghị quyết Đại hội", "Sinh hoạt chính trị Khóm 2"}},
		{"chi đoàn Khóm 1", ActivityFilter{Year: 2026, BranchID: w.a}, []string{"Ra quân Tháng Thanh niên", "Tuổi trẻ Khóm 1"}},
		{"tháng 4", ActivityFilter{Year: 2026, Month: 4}, []string{"Ngày hội hiến máu", "Sinh hoạt chính trị Khóm 2"}},
		{"năm 2025", ActivityFilter{Year: 2025}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := titles(tc.f)
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("row %d: %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
	// A training course is one activity with its people named.
	as, err := w.s.Activities(ctx, ActivityFilter{Year: 2026, Kind: domain.KindTraining, Month: 5})
	mustNil(t, err)
	if len(as) != 1 || len(as[0].People) != 2 || as[0].Editable() {
		t.Fatalf("the course of 10/05: %+v", as)
	}
}

// TestActivityRefusals: bad activities are refused by field, nothing
// written; a training or a model is not written as an activity.
func TestActivityRefusals(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	before, err := w.s.Activities(ctx, ActivityFilter{Year: 2026})
	mustNil(t, err)
	for _, tc := range []struct {
		name  string
		a     domain.Activity
		field string
	}{
		{"no title", domain.Activity{Kind: "blood", Date: d(2026, 5, 1), Ward: true}, "Title"},
		{"unknown kind", domain.Activity{Kind: "xyz", Title: "X", Date: d(2026, 5, 1), Ward: true}, "Kind"},
		{"training", domain.Activity{Kind: domain.KindTraining, Title: "X", Date: d(2026, 5, 1), Ward: true}, "Kind"},
		{"future", domain.Activity{Kind: "blood", Title: "X", Date: d(2027, 5, 1), Ward: true}, "Date"},
		{"ends before", domain.Activity{Kind: "blood", Title: "X", Date: d(2026, 5, 2), End: d(2026, 5, 1), Ward: true}, "End"},
		{"no organiser", domain.Activity{Kind: "blood", Title: "X", Date: d(2026, 5, 1)}, "Branches"},
		{"other kind's measure", domain.Activity{Kind: "blood", Title: "X", Date: d(2026, 5, 1), Ward: true, Measures: map[string]int64{"days": 2}}, "Measures"},
		{"unknown person", domain.Activity{Kind: "blood", Title: "X", Date: d(2026, 5, 1), Ward: true, Roll: true, People: []int64{999}}, "People"},
		{"unknown branch", domain.Activity{Kind: "blood", Title: "X", Date: d(2026, 5, 1), Branches: []int64{999}}, "Branches"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := w.s.SaveActivity(ctx, &tc.a)
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || ve.Errors[0].Field != tc.field {
				t.Fatalf("err = %v, want a message on %s", err, tc.field)
			}
		})
	}
	after, err := w.s.Activities(ctx, ActivityFilter{Year: 2026})
	mustNil(t, err)
	if len(after) != len(before) {
		t.Errorf("%d activities after refusals, %d before", len(after), len(before))
	}
	// Editing replaces the roll; deleting removes the activity and its rows.
	a := w.acts[0]
	a.People = []int64{w.p[2]}
	mustNil(t, w.s.SaveActivity(ctx, a))
	got, err := w.s.Activity(ctx, a.ID)
	mustNil(t, err)
	if len(got.People) != 1 || got.People[0] != w.p[2] || got.Measures["reached"] != 200 {
		t.Errorf("edited activity: %+v", got)
	}
	mustNil(t, w.s.DeleteActivity(ctx, a.ID))
	if _, err := w.s.Activity(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted activity read back: %v", err)
	}
	var left int
	mustNil(t, w.s.db.QueryRow(`SELECT (SELECT count(*) FROM activity_people WHERE activity_id = ?1) + (SELECT count(*) FROM activity_measures WHERE activity_id = ?1)`, a.ID).Scan(&left))
	if left != 0 {
		t.Errorf("%d rows of the deleted activity left", left)
	}
}

// TestMeetingsGrid: the grid to the year's end and to the first
// quarter's end.
func TestMeetingsGrid(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		cutoff domain.Date
		held   [2][12]int
		met    [2]int
		count  [2]int
		att    [2]float64
	}{
		// To 31/12: A met months 1–6 once (the committee of 05/07 is not a
		// branch meeting); marks 6×3 = 18, present p1 6 + p2 3 + p3 5 = 14:
		// 14/18. B: 10/01, 10/03, 25/03: months 1 and 3, 3 meetings; p4
		// present 2 of 3.
		{"cả năm", domain.Date{}, [2][12]int{{1, 1, 1, 1, 1, 1}, {1, 0, 2}}, [2]int{6, 2}, [2]int{6, 3}, [2]float64{14.0 / 18, 2.0 / 3}},
		// To 31/03: A months 1–3; marks 9, present p1 3 + p2 2 + p3 2 = 7.
		{"đến 31/03", d(2026, 3, 31), [2][12]int{{1, 1, 1}, {1, 0, 2}}, [2]int{3, 2}, [2]int{3, 3}, [2]float64{7.0 / 9, 2.0 / 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := w.s.MeetingsGrid(ctx, 2026, tc.cutoff)
			mustNil(t, err)
			if len(g.Rows) != 2 || g.Rows[0].BranchID != w.a || g.Rows[1].BranchID != w.b {
				t.Fatalf("rows %+v", g.Rows)
			}
			if g.Months[0] != (domain.YearMonth{Year: 2026, Month: 1}) || g.Months[11] != (domain.YearMonth{Year: 2026, Month: 12}) {
				t.Errorf("months %v", g.Months)
			}
			for i, r := range g.Rows {
				if r.Held != tc.held[i] || r.MonthsMet != tc.met[i] || r.Meetings != tc.count[i] || !r.Taken || math.Abs(r.Attendance-tc.att[i]) > 1e-9 {
					t.Errorf("%s: %+v; want held %v, %d months, %d meetings, attendance %.4f", r.Branch, r, tc.held[i], tc.met[i], tc.count[i], tc.att[i])
				}
			}
		})
	}
	// The list of meetings of A counts each one's attendance.
	ls, err := w.s.Meetings(ctx, MeetingFilter{Year: 2026, BranchID: w.a})
	mustNil(t, err)
	if len(ls) != 7 || ls[1].Count != (domain.AttendanceCount{Present: 2, Absent: 1}) || ls[0].Count != (domain.AttendanceCount{Present: 2, Excused: 1}) {
		t.Errorf("meetings of A: %d, first %+v, second %+v", len(ls), ls[0].Count, ls[1].Count)
	}
}

// TestParticipationShares: each member's share, by hand.
func TestParticipationShares(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	p := w.p
	got, err := w.s.ParticipationShares(ctx, 2026, domain.Date{}, 0)
	mustNil(t, err)
	// Activities with a roll called for A: a1, a2, a5; for B: a1, a4, a5
	// (a3 has no roll). Branch meetings: A 6, B 3.
	//   p1: on a1 a2 a5 = 3/3, present 6/6          → 9/9
	//   p2: on a1 a5 = 2/3, present 3/6              → 5/9
	//   p3: on a2 a5 = 2/3, present 5/6              → 7/9
	//   p4: on a1 a4 a5 = 3/3, present 2/3           → 5/6
	//   p5: admitted 01/05: only a5 called, on it; no meeting → 1/1
	want := map[int64]domain.Share{p[1]: {PersonID: p[1], Called: 9, Took: 9}, p[2]: {PersonID: p[2], Called: 9, Took: 5}, p[3]: {PersonID: p[3], Called: 9, Took: 7}, p[4]: {PersonID: p[4], Called: 6, Took: 5}, p[5]: {PersonID: p[5], Called: 1, Took: 1}}
	if len(got) != len(want) {
		t.Errorf("%d shares, want %d", len(got), len(want))
	}
	for id, sh := range want {
		if got[id] != sh {
			t.Errorf("person %d: %+v, want %+v", id, got[id], sh)
		}
	}
	// The top grade needs 90 %: only p1 and p5 reach it.
	for id, meets := range map[int64]bool{p[1]: true, p[2]: false, p[3]: false, p[4]: false, p[5]: true} {
		if got[id].Meets(domain.DefaultEvidence.MemberShare) != meets {
			t.Errorf("person %d: meets 90 %% = %v", id, !meets)
		}
	}
	// To 31/03: a1, a2 for A; a1 for B. p2: on a1 = 1/2, present 2/3 → 3/5.
	one, err := w.s.ParticipationShare(ctx, p[2], 2026, d(2026, 3, 31))
	mustNil(t, err)
	if one != (domain.Share{PersonID: p[2], Called: 5, Took: 3}) || one.String() != "3/5 (60 %)" {
		t.Errorf("p2 to 31/03: %+v %q", one, one.String())
	}
}

// TestReviewList: absent without reason three months puts p2 on the list,
// not before the third month; the threshold is a setting.
func TestReviewList(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	got, err := w.s.ReviewList(ctx, 2026, domain.Date{})
	mustNil(t, err)
	// p2 absent 15/02, 15/04, 15/06: three months. p4 absent 25/03 only.
	if len(got) != 1 || got[0].PersonID != w.p[2] || got[0].Branch != "Chi đoàn Khóm 1" || got[0].Name != "Trần Thị Bình" {
		t.Fatalf("review list %+v", got)
	}
	if txt := got[0].ReasonText(); txt != "Vắng sinh hoạt không lý do 3 tháng (02/2026, 04/2026, 06/2026)" {
		t.Errorf("reason %q", txt)
	}
	// Cut off 30/04: two months only.
	got, err = w.s.ReviewList(ctx, 2026, d(2026, 4, 30))
	mustNil(t, err)
	if len(got) != 0 {
		t.Errorf("to 30/04: %+v", got)
	}
	// With one month as the threshold, p4 joins (Bình before Dũng).
	th := domain.DefaultEvidence
	th.From, th.AbsentMonths = d(2026, 1, 1), 1
	mustNil(t, w.s.SaveEvidence(ctx, &th))
	got, err = w.s.ReviewList(ctx, 2026, d(2026, 4, 30))
	mustNil(t, err)
	if len(got) != 2 || got[0].PersonID != w.p[2] || got[1].PersonID != w.p[4] {
		t.Errorf("threshold 1, to 30/04: %+v", got)
	}
	th.AbsentMonths = 13
	if err := w.s.SaveEvidence(ctx, &th); err == nil {
		t.Error("13 months accepted")
	}
}

// TestSaveMeetingOneTransaction: a meeting with a bad attendance row is
// refused whole; an edit replaces the attendance and the history names
// only the changed marks; the dashboard's unmet branches after the 25th.
func TestSaveMeetingOneTransaction(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	count := func() int {
		var n int
		mustNil(t, w.s.db.QueryRow(`SELECT (SELECT count(*) FROM meetings) * 1000 + (SELECT count(*) FROM attendance)`).Scan(&n))
		return n
	}
	before := count()
	bad := &domain.Meeting{BranchID: w.a, Date: d(2026, 7, 15), Kind: domain.MeetingRegular,
		Attendance: []domain.Attendance{{PersonID: w.p[1], Status: domain.Present}, {PersonID: 999, Status: domain.Present}}}
	if err := w.s.SaveMeeting(ctx, bad); err == nil {
		t.Fatal("unknown person accepted")
	}
	dup := &domain.Meeting{BranchID: w.a, Date: d(2026, 7, 15), Kind: domain.MeetingRegular,
		Attendance: []domain.Attendance{{PersonID: w.p[1], Status: domain.Present}, {PersonID: w.p[1], Status: domain.Absent}}}
	if err := w.s.SaveMeeting(ctx, dup); err == nil {
		t.Fatal("a person marked twice accepted")
	}
	if got := count(); got != before {
		t.Errorf("refused meetings wrote rows: %d, was %d", got, before)
	}
	m, err := w.s.Meeting(ctx, w.meetAt["2026-02-15"])
	mustNil(t, err)
	var hist0 int
	mustNil(t, w.s.db.QueryRow(`SELECT count(*) FROM history WHERE entity = 'attendance'`).Scan(&hist0))
	for i := range m.Attendance {
		if m.Attendance[i].PersonID == w.p[2] {
			m.Attendance[i].Status = domain.Excused
		}
	}
	mustNil(t, w.s.SaveMeeting(ctx, &m))
	var hist1 int
	mustNil(t, w.s.db.QueryRow(`SELECT count(*) FROM history WHERE entity = 'attendance'`).Scan(&hist1))
	if hist1-hist0 != 1 {
		t.Errorf("%d history lines for one changed mark", hist1-hist0)
	}
	// Bình is now absent without reason in 04 and 06 only: off the list.
	got, err := w.s.ReviewList(ctx, 2026, domain.Date{})
	mustNil(t, err)
	if len(got) != 0 {
		t.Errorf("after the excuse: %+v", got)
	}
	// 26/06: A met on 15/06, B did not meet in June. 20/06: too early.
	un, err := w.s.UnmetBranches(ctx, d(2026, 6, 26))
	mustNil(t, err)
	if len(un) != 1 || un[0].ID != w.b {
		t.Errorf("unmet on 26/06: %+v", un)
	}
	un, err = w.s.UnmetBranches(ctx, d(2026, 6, 20))
	mustNil(t, err)
	if len(un) != 0 {
		t.Errorf("unmet on 20/06: %+v", un)
	}
	// A branch that met is dissolved, not deleted.
	if err := w.s.DeleteBranch(ctx, w.b); err == nil {
		t.Error("a branch with meetings deleted")
	}
	mustNil(t, w.s.DeleteMeeting(ctx, m.ID))
	if _, err := w.s.Meeting(ctx, m.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted meeting: %v", err)
	}
}

// TestTrashKeepsAttendance: a person moved to the bin takes their marks
// and their place on rolls, and brings them back.
func TestTrashKeepsAttendance(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	marks := func() int {
		var n int
		mustNil(t, w.s.db.QueryRow(`SELECT (SELECT count(*) FROM attendance WHERE person_id = ?1) + (SELECT count(*) FROM activity_people WHERE person_id = ?1)`, w.p[2]).Scan(&n))
		return n
	}
	// Bình: 6 marks, on a1 and a5, and on the 10/05 course (trainings).
	if got := marks(); got != 8 {
		t.Fatalf("Bình has %d marks and rolls, want 6 + 2", got)
	}
	mustNil(t, w.s.DeletePerson(ctx, w.p[2]))
	if got := marks(); got != 0 {
		t.Errorf("in the bin, %d left", got)
	}
	_, err := w.s.RestoreTrash(ctx, domain.TrashPerson, w.p[2])
	mustNil(t, err)
	if got := marks(); got != 8 {
		t.Errorf("restored with %d", got)
	}
}
