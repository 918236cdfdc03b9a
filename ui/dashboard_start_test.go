package ui

import (
	"context"
	"path/filepath"
	"testing"

	"sodoan/domain"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"sodoan/store"
)

const firstStepsLine = "Sổ chưa có đoàn viên: Thêm từng người, hoặc Nhập từ Excel danh sách đang có"

// emptyFixture is a window on the dashboard of a register with its unit
// and no one in it yet.
func emptyFixture(t *testing.T) *fixture {
	t.Helper()
	fa := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "so.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SaveUnit(context.Background(), domain.Unit{UpperBody: "Đoàn phường", Name: "BCH Đoàn Phường 2", Place: "Phường 2", SecretaryName: "Lê Thị Bí"}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st}
	f.open(fa, "dashboard")
	t.Cleanup(func() { f.settle() })
	return f
}

// TestDashboardFirstSteps: on an empty register the dashboard's Cần chú
// ý offers the first steps, whose buttons open the member form and the
// Excel import on the Đoàn viên screen; once someone is in the register
// the line is gone.
func TestDashboardFirstSteps(t *testing.T) {
	cases := []struct {
		button string
		title  string // of the form opened
		opened func(d dialog.Dialog) bool
	}{
		{"Thêm từng người", "Thêm người vào sổ", func(d dialog.Dialog) bool {
			_, ok := d.(*dialog.CustomDialog)
			return ok
		}},
		{"Nhập từ Excel", "", func(d dialog.Dialog) bool {
			_, ok := d.(*dialog.FileDialog)
			return ok
		}},
	}
	for _, c := range cases {
		t.Run(c.button, func(t *testing.T) {
			f := emptyFixture(t)
			content := f.app.win.Content()
			if !hasLabel(content, firstStepsLine) {
				t.Fatalf("no first steps on an empty register: %q", labelTexts(content))
			}
			b := findButton(content, c.button)
			if b == nil {
				t.Fatalf("no button %q", c.button)
			}
			before := len(f.app.dialogs)
			test.Tap(b)
			if f.app.current != "members" {
				t.Errorf("screen %q after %q, want members", f.app.current, c.button)
			}
			if len(f.app.dialogs) != before+1 || !c.opened(f.app.dialogs[len(f.app.dialogs)-1].d) {
				t.Fatalf("%q opened %d dialogs", c.button, len(f.app.dialogs)-before)
			}
			if c.title != "" && !hasLabel(f.app.win.Canvas().Overlays().Top(), c.title) {
				t.Errorf("%q opened no %q", c.button, c.title)
			}
		})
	}
	t.Run("not empty", func(t *testing.T) {
		f := newFixture(t, "dashboard")
		if content := f.app.win.Content(); hasLabel(content, firstStepsLine) || findButton(content, "Thêm từng người") != nil {
			t.Fatal("first steps on a register with members")
		}
	})
}
