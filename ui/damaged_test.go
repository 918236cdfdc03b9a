package ui

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/domain"
	"sodoan/store"
)

// A damaged register opened to be restored (the window's only way in
// for a secretary with no command line) shows a banner naming the last
// good backup; the restore brings it back and the banner goes (issue 18,
// finding 4).
func TestDamagedRegisterBannerAndRestore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "so.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn Phường 4", Place: "Phường 4"}); err != nil {
		t.Fatal(err)
	}
	for _, given := range []string{"An", "Bình", "Chi"} {
		p := &domain.Person{FamilyName: "Lê", MiddleName: "Văn", GivenName: given, Gender: domain.Male,
			BirthDate: domain.MustDate(2003, 4, 5), UnionMember: true, AdmissionDate: domain.MustDate(2019, 3, 26)}
		if err := st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	good, err := st.BackupNow(ctx, store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	// The people table's root page gets a page type SQLite does not know.
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var root, size int64
	if err := db.QueryRow(`SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master WHERE name = 'people'`).Scan(&root, &size); err != nil {
		t.Fatal(err)
	}
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte{0x7f}, (root-1)*size)
	f.Close()

	st, err = store.OpenWith(path, store.OpenOptions{Exclusive: true, Damaged: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := New(test.NewTempApp(t), st, Options{Screen: "settings", do: func(f func()) { f() }})
	if err != nil {
		t.Fatal(err)
	}
	if !hasLabel(a.win.Content(), "Sổ bị hỏng") || !hasLabel(a.win.Content(), filepath.Base(good.Path)) {
		t.Fatal("no banner naming the last good backup")
	}
	restore, _ := findButton(a.win.Content(), "Khôi phục từ bản sao lưu…").(fyne.Disableable)
	if restore == nil || restore.Disabled() {
		t.Fatal("no restore button on a damaged register")
	}
	if _, err := st.Restore(ctx, good.Path); err != nil {
		t.Fatal(err)
	}
	if st.Damaged() {
		t.Fatal("still damaged after the restore")
	}
	if n, _ := st.CountMembers(ctx, store.MemberFilter{Kind: store.KindAll}); n != 3 {
		t.Fatalf("restored %d people, want 3", n)
	}
}
