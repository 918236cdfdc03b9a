package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// eachObject calls fn on o and everything drawn inside it, widgets'
// renderers included.
func eachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			eachObject(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			eachObject(c, fn)
		}
	}
}

// hasLabel tells whether a label under o holds text.
func hasLabel(o fyne.CanvasObject, text string) bool {
	found := false
	eachObject(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, text) {
			found = true
		}
	})
	return found
}

// A register open read-only shows a banner, and offers no restore.
func TestReadOnlyBanner(t *testing.T) {
	path := filepath.Join(t.TempDir(), "so.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveUnit(context.Background(), domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn Phường 4", Place: "Phường 4"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, ro := range []bool{false, true} {
		st, err := store.OpenWith(path, store.OpenOptions{ReadOnly: ro})
		if err != nil {
			t.Fatal(err)
		}
		a, err := New(test.NewTempApp(t), st, Options{Screen: "settings", do: func(f func()) { f() }})
		if err != nil {
			t.Fatal(err)
		}
		if got := hasLabel(a.win.Content(), "Sổ đang mở chỉ đọc"); got != ro {
			t.Errorf("read-only %v: banner shown %v", ro, got)
		}
		restore, _ := findButton(a.win.Content(), "Khôi phục từ bản sao lưu…").(fyne.Disableable)
		if restore == nil || restore.Disabled() != ro {
			t.Errorf("read-only %v: restore button %v", ro, restore)
		}
		st.Close()
	}
}

// Settings backs the register up into its folder and restores it, the
// register before the restore kept.
func TestSettingsBackupAndRestore(t *testing.T) {
	f := newFixture(t, "settings")
	ctx := context.Background()
	content := f.app.win.Content()
	if !hasLabel(content, f.st.BackupDir()) || !hasLabel(content, "Chưa sao lưu lần nào") {
		t.Fatal("settings do not show the backups folder and that none was made")
	}
	now := findButton(content, "Sao lưu ngay")
	if now == nil {
		t.Fatal("no backup button")
	}
	test.Tap(now)
	f.waitFor("the backup", func() bool { return hasLabel(content, "hôm nay lúc") })
	list, err := f.st.Backups()
	if err != nil || len(list) != 1 || list[0].Reason != store.BackupManual {
		t.Fatalf("backups after the button: %+v %v", list, err)
	}
	if !hasLabel(content, "hôm nay lúc") {
		t.Error("the last backup is not shown")
	}
	before, _ := f.st.CountMembers(ctx, store.MemberFilter{Kind: store.KindAll})
	extra := &domain.Person{FamilyName: "Mai", MiddleName: "Thị", GivenName: "Thu", Gender: domain.Female,
		BirthDate: domain.MustDate(2003, 4, 5), UnionMember: true, AdmissionDate: domain.MustDate(2019, 3, 26)}
	if err := f.st.SavePerson(ctx, extra); err != nil {
		t.Fatal(err)
	}
	f.app.confirmRestore(list[0].Path)
	overlay := f.app.win.Canvas().Overlays().Top()
	if overlay == nil || !hasLabel(overlay, "người, đơn vị BCH ĐOÀN PHƯỜNG 1") {
		t.Fatal("no confirmation naming the backup's people and unit")
	}
	yes := findButton(overlay, "Đồng ý")
	if yes == nil {
		t.Fatal("no Đồng ý button")
	}
	test.Tap(yes)
	f.waitFor("the restore", func() bool {
		top := f.app.win.Canvas().Overlays().Top()
		return top != nil && hasLabel(top, "Đã khôi phục sổ")
	})
	if n, _ := f.st.CountMembers(ctx, store.MemberFilter{Kind: store.KindAll}); n != before {
		t.Fatalf("after restore %d people, want %d", n, before)
	}
	list, _ = f.st.Backups()
	if len(list) != 2 || list[0].Reason != store.BackupBeforeRestore {
		t.Fatalf("the register before the restore is not kept: %+v", list)
	}
}

// The dashboard warns when the newest backup is more than
// store.BackupStale days old, and stops once the register is backed up.
func TestDashboardWarnsOfOldBackup(t *testing.T) {
	f := newFixture(t, "dashboard")
	dir := f.st.BackupDir()
	old := time.Now().AddDate(0, 0, -(store.BackupStale + 3))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.st.Backup(context.Background(), filepath.Join(dir, "so-"+old.Format("2006-01-02-150405")+"-hang-ngay.db")); err != nil {
		t.Fatal(err)
	}
	days := store.BackupStale + 3
	f.app.screens["dashboard"].refresh()
	b, _ := findButton(f.app.win.Content(), fmt.Sprintf("Lần sao lưu gần nhất: %d ngày trước", days)).(*button)
	if b == nil || b.Importance != widget.WarningImportance {
		t.Fatalf("a backup %d days old: button %v", days, b)
	}
	if _, err := f.st.BackupNow(context.Background(), store.BackupManual); err != nil {
		t.Fatal(err)
	}
	f.app.screens["dashboard"].refresh()
	b, _ = findButton(f.app.win.Content(), "Đã sao lưu sổ hôm nay").(*button)
	if b == nil || b.Importance == widget.WarningImportance {
		t.Fatalf("after a backup today: button %v", b)
	}
}
