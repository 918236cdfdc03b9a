package store

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestEvidenceDated: the thresholds apply from their day, and each
// reading takes the day it is for: a threshold changed in 2026 leaves the
// 2025 "cần xem xét" list as it was.
func TestEvidenceDated(t *testing.T) {
	w := newWorkWard(t)
	ctx := context.Background()
	p := w.p
	// 2025 in branch A: Bình (p2) absent without reason in 03 and 05 (two
	// months); Chi (p3) in 03, 05 and 07 (three); An (p1) always present.
	for _, m := range []int{3, 5, 7} {
		st2 := domain.Absent
		if m == 7 {
			st2 = domain.Present
		}
		w.meet(t, w.a, d(2025, m, 15), domain.MeetingRegular, []domain.Attendance{{PersonID: p[1], Status: domain.Present}, {PersonID: p[2], Status: st2}, {PersonID: p[3], Status: domain.Absent}})
	}
	names := func(year int) []int64 {
		t.Helper()
		got, err := w.s.ReviewList(ctx, year, domain.Date{})
		mustNil(t, err)
		var ids []int64
		for _, l := range got {
			ids = append(ids, l.PersonID)
		}
		return ids
	}
	same := func(what string, got []int64, want ...int64) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %v, want %v", what, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %v, want %v", what, got, want)
			}
		}
	}
	// Defaults (3 months): 2025 names Chi only; 2026 names Bình (02, 04, 06).
	same("2025, defaults", names(2025), p[3])
	same("2026, defaults", names(2026), p[2])

	// The province lowers it to 2 months from 01/01/2026.
	th := domain.DefaultEvidence
	th.From, th.AbsentMonths = d(2026, 1, 1), 2
	mustNil(t, w.s.SaveEvidence(ctx, &th))
	// 2025 keeps 3 months: still Chi alone (Bình's two months do not
	// count). 2026 with 2: Bình (3 months); Dũng (p4) has one: not.
	same("2025 after the 2026 change", names(2025), p[3])
	same("2026 after the change", names(2026), p[2])
	for _, c := range []struct {
		year   int
		months int
	}{{2025, 3}, {2026, 2}} {
		got, err := w.s.EvidenceOfYear(ctx, c.year, domain.Date{})
		mustNil(t, err)
		if got.AbsentMonths != c.months {
			t.Errorf("thresholds of %d: %+v, want %d months", c.year, got, c.months)
		}
	}
	// A row from the beginning with 2 months reaches back to 2025: Bình
	// and Chi (Vietnamese order of tên: Bình before Chi).
	beg := domain.DefaultEvidence
	beg.AbsentMonths = 2
	mustNil(t, w.s.SaveEvidence(ctx, &beg))
	same("2025 with 2 months from the beginning", names(2025), p[2], p[3])
	list, err := w.s.EvidenceList(ctx)
	mustNil(t, err)
	if len(list) != 2 || !list[0].FromBeginning() || list[1].From != d(2026, 1, 1) || list[1].FromBeginning() {
		t.Errorf("list %+v", list)
	}
	mustNil(t, w.s.DeleteEvidence(ctx, domain.EvidenceBeginning))
	same("2025 after deleting the beginning's row", names(2025), p[3])
	if err := w.s.DeleteEvidence(ctx, d(2024, 1, 1)); err == nil {
		t.Error("deleting a day with no thresholds accepted")
	}

	// The dashboard reads today's: from 01/06/2026 the reminder comes
	// after the 20th. On 21/05 (25th still in force) nothing; on 21/06 B
	// (met in 01 and 03 only) and A? A met on 15/06: B alone.
	day := domain.DefaultEvidence
	day.From, day.MeetingDay = d(2026, 6, 1), 20
	mustNil(t, w.s.SaveEvidence(ctx, &day))
	un, err := w.s.UnmetBranches(ctx, d(2026, 5, 21))
	mustNil(t, err)
	if len(un) != 0 {
		t.Errorf("unmet on 21/05: %+v", un)
	}
	un, err = w.s.UnmetBranches(ctx, d(2026, 6, 21))
	mustNil(t, err)
	if len(un) != 1 || un[0].ID != w.b {
		t.Errorf("unmet on 21/06: %+v", un)
	}

	// Refused whole, naming the field: no day, a value out of range.
	before, err := w.s.EvidenceList(ctx)
	mustNil(t, err)
	for _, bad := range []domain.EvidenceThresholds{
		{BranchMeetings: 12, MemberShare: 90, AbsentMonths: 3, MeetingDay: 25},
		{From: d(2027, 1, 1), BranchMeetings: 12, MemberShare: 101, AbsentMonths: 3, MeetingDay: 25},
	} {
		err := w.s.SaveEvidence(ctx, &bad)
		if err == nil || !(strings.Contains(err.Error(), "Áp dụng từ") || strings.Contains(err.Error(), "101: phải từ 1 đến 100")) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	after, err := w.s.EvidenceList(ctx)
	mustNil(t, err)
	if len(after) != len(before) {
		t.Errorf("refused thresholds wrote rows: %d, was %d", len(after), len(before))
	}
}

// TestMigrationDatesEvidence: a register that kept the thresholds as plain
// settings keeps their values, applying from the beginning; a value the
// old reading ignored (out of range) becomes the default.
func TestMigrationDatesEvidence(t *testing.T) {
	orig := migrations
	t.Cleanup(func() { migrations = orig })
	k := -1
	for i, m := range orig {
		if strings.Contains(m, "CREATE TABLE evidence_rules") {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("no migration creates evidence_rules")
	}
	for _, c := range []struct {
		name     string
		settings map[string]string
		want     []domain.EvidenceThresholds
	}{
		{"set", map[string]string{"evidence.absent_months": "2", "evidence.member_share": "150", "evidence.meeting_day": "20"},
			[]domain.EvidenceThresholds{{From: domain.EvidenceBeginning, BranchMeetings: 12, MemberShare: 90, AbsentMonths: 2, MeetingDay: 20}}},
		{"never set", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := t.TempDir() + "/cu.db"
			migrations = orig[:k]
			old, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			for key, v := range c.settings {
				if _, err := old.db.Exec(`INSERT INTO settings(key, value) VALUES (?, ?)`, key, v); err != nil {
					t.Fatal(err)
				}
			}
			mustNil(t, old.Close())
			migrations = orig
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			got, err := s.EvidenceList(ctx)
			mustNil(t, err)
			if len(got) != len(c.want) || (len(got) == 1 && got[0] != c.want[0]) {
				t.Errorf("rows %+v, want %+v", got, c.want)
			}
			var left int
			mustNil(t, s.db.QueryRow(`SELECT count(*) FROM settings WHERE key LIKE 'evidence.%'`).Scan(&left))
			if left != 0 {
				t.Errorf("%d old settings left", left)
			}
			// 2025's reading has them.
			th, err := s.EvidenceAt(ctx, d(2025, 12, 31))
			mustNil(t, err)
			want := domain.DefaultEvidence
			if len(c.want) == 1 {
				want = c.want[0]
			}
			if th != want {
				t.Errorf("in force 31/12/2025: %+v, want %+v", th, want)
			}
		})
	}
}
