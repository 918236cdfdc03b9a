package store

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestEditActivityKind: a kind's figures renamed, added and removed in one
// write with its history line; a figure recorded activities hold is
// refused with the count of those activities (workWard: a1 reached 200
// and a4 reached 150, so 2 activities), and so is changing the list of
// the trainings' figures; a refused edit changes nothing.
func TestEditActivityKind(t *testing.T) {
	ctx := context.Background()
	w := newWorkWard(t)
	s := w.s
	kinds := func() domain.ActivityKind {
		t.Helper()
		ks, err := s.ActivityKinds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		k, ok := domain.KindOf(ks, "education")
		if !ok {
			t.Fatal("education gone")
		}
		return k
	}
	settingLines := func() int {
		h, err := s.History(ctx, HistoryFilter{Limit: MaxHistoryLimit})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range h {
			if e.Table == "settings" && e.RowKey == settingActivityKinds {
				n++
			}
		}
		return n
	}
	before := settingLines()

	// Renamed and one figure added: the recorded values stay under the
	// kept code, the new figure gets a code from its label.
	reached := domain.ActivityMeasure{Code: "reached", Label: "Số người được tuyên truyền, giáo dục", Unit: "người"}
	if err := s.EditActivityKind(ctx, "education", "Tuyên truyền, giáo dục chính trị", []domain.ActivityMeasure{
		reached, {Label: "  Số buổi ", Unit: "buổi"}}); err != nil {
		t.Fatal(err)
	}
	k := kinds()
	want := []domain.ActivityMeasure{reached, {Code: "so_buoi", Label: "Số buổi", Unit: "buổi"}}
	if k.Label != "Tuyên truyền, giáo dục chính trị" || len(k.Measures) != 2 || k.Measures[0] != want[0] || k.Measures[1] != want[1] {
		t.Fatalf("after the edit: %+v", k)
	}
	acts, err := s.Activities(ctx, ActivityFilter{Year: 2026, Kind: "education"})
	if err != nil {
		t.Fatal(err)
	}
	sum := int64(0)
	for _, a := range acts {
		sum += a.Measures["reached"]
	}
	if sum != 350 { // 200 + 150
		t.Errorf("recorded figures after the edit: %d people reached, want 350", sum)
	}
	if got := settingLines(); got != before+1 {
		t.Errorf("history lines of the list: %d, want %d", got, before+1)
	}

	for _, tc := range []struct {
		name, code string
		ms         []domain.ActivityMeasure
		msg        string
	}{
		{"a recorded figure removed", "education", []domain.ActivityMeasure{want[1]},
			`số liệu "Số người được tuyên truyền, giáo dục" đã ghi ở 2 hoạt động, không bỏ được`},
		{"a unit left empty", "education", []domain.ActivityMeasure{want[0], {Code: "so_buoi", Label: "Số buổi"}},
			"cần ghi cả tên số liệu và đơn vị"},
		{"a figure added to the trainings", domain.KindTraining, []domain.ActivityMeasure{
			{Code: "trained", Label: "Số cán bộ được tập huấn", Unit: "người"}, {Label: "Số lớp", Unit: "lớp"}},
			"chỉ đổi được tên và đơn vị"},
		{"no such kind", "khong_co", nil, `không có loại hoạt động "khong_co"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			label := "Tuyên truyền, giáo dục chính trị"
			if tc.code == domain.KindTraining {
				label = "Tập huấn cán bộ"
			}
			err := s.EditActivityKind(ctx, tc.code, label, tc.ms)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("error %v, want %q", err, tc.msg)
			}
			if k := kinds(); len(k.Measures) != 2 || k.Measures[1].Unit != "buổi" {
				t.Errorf("a refused edit changed the kind: %+v", k)
			}
			if got := settingLines(); got != before+1 {
				t.Errorf("a refused edit wrote history (%d lines)", got)
			}
		})
	}

	// A figure nobody recorded leaves; the trainings' figure is renamed.
	if err := s.EditActivityKind(ctx, "education", "Tuyên truyền, giáo dục chính trị", []domain.ActivityMeasure{reached}); err != nil {
		t.Errorf("removing an unused figure: %v", err)
	}
	if k := kinds(); len(k.Measures) != 1 {
		t.Errorf("the unused figure stayed: %+v", k.Measures)
	}
	if err := s.EditActivityKind(ctx, domain.KindTraining, "Tập huấn cán bộ", []domain.ActivityMeasure{
		{Code: "trained", Label: "Số lượt cán bộ được tập huấn", Unit: "lượt"}}); err != nil {
		t.Errorf("renaming the trainings' figure: %v", err)
	}
}
