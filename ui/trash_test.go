package ui

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// labelTexts lists the texts of the labels among o and its children.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	if l, ok := o.(*widget.Label); ok {
		out = append(out, l.Text)
	}
	for _, c := range canvasChildren(o) {
		out = append(out, labelTexts(c)...)
	}
	return out
}

// canvasChildren are the objects o draws: a container's, or a widget's
// renderer's.
func canvasChildren(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

// tapIn taps the button labelled text among o and its children.
func tapIn(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := findButton(o, text)
	if b == nil {
		t.Fatalf("no %q button", text)
	}
	test.Tap(b)
}

// agree taps Đồng ý in the confirmation on top of the window.
func (f *fixture) agree(t *testing.T) {
	t.Helper()
	overlay := f.app.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no confirmation asked")
	}
	tapIn(t, overlay, "Đồng ý")
}

// TestTrashScreen: a person deleted from their page waits in the recycle
// bin (Cài đặt › Thùng rác), comes back with Khôi phục, and goes for good
// with Xóa vĩnh viễn or Dọn thùng rác, each asked first; the person's
// page shows their history of changes.
func TestTrashScreen(t *testing.T) {
	f := newFixture(t, "settings")
	ctx := context.Background()
	list, err := f.st.ListMembers(ctx, store.MemberFilter{})
	if err != nil || len(list) < 2 {
		t.Fatalf("members: %v", err)
	}
	p, q := list[0], list[1]
	p.Phone = "0901234567"
	if err := f.st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}

	// The person's page: history, then delete.
	f.app.member.open(p.ID)
	tapIn(t, f.app.body, "Lịch sử thay đổi")
	overlay := f.app.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no history dialog")
	}
	texts := strings.Join(labelTexts(overlay), "\n")
	// The person by name, not by number (issue 17).
	stamp := regexp.MustCompile(`\d\d/\d\d/\d{4} \d\d:\d\d  Sửa thông tin cá nhân của ` + regexp.QuoteMeta(p.FullName()) + ` — Điện thoại: \(trống\) » 0901234567`)
	if !stamp.MatchString(texts) || !strings.Contains(texts, "Thêm thông tin cá nhân") {
		t.Fatalf("history dialog shows:\n%s", texts)
	}
	f.app.escape()
	tapIn(t, f.app.body, "Xóa khỏi sổ")
	f.agree(t)
	if _, err := f.st.Person(ctx, p.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("person still in the register: %v", err)
	}
	f.app.member.open(q.ID)
	tapIn(t, f.app.body, "Xóa khỏi sổ")
	f.agree(t)

	// The recycle bin, from Settings.
	f.app.goTo("settings")
	tapIn(t, f.app.body, "Thùng rác (2)")
	page := strings.Join(labelTexts(f.app.body), "\n")
	for _, who := range []domain.Person{p, q} {
		if !strings.Contains(page, "Người: "+who.FullName()+" ("+who.BirthDate.String()+") · xóa lúc ") {
			t.Fatalf("trash page lacks %s:\n%s", who.FullName(), page)
		}
	}
	// Khôi phục on the first row: the latest deletion, q.
	tapIn(t, f.app.body, "Khôi phục")
	if got, err := f.st.Person(ctx, q.ID); err != nil || got.FullName() != q.FullName() || got.BranchID != q.BranchID {
		t.Fatalf("restored %+v %v", got, err)
	}
	if info := f.app.win.Canvas().Overlays().Top(); info == nil || !strings.Contains(strings.Join(labelTexts(info), "\n"), "Đã khôi phục "+q.FullName()) {
		t.Fatal("no message after restoring")
	}
	f.app.escape()
	page = strings.Join(labelTexts(f.app.body), "\n")
	if strings.Contains(page, q.FullName()) || !strings.Contains(page, p.FullName()) {
		t.Fatalf("trash page after restoring:\n%s", page)
	}

	// Xóa vĩnh viễn asks first; declining keeps the item.
	tapIn(t, f.app.body, "Xóa vĩnh viễn")
	overlay = f.app.win.Canvas().Overlays().Top()
	tapIn(t, overlay, "Hủy")
	if items, _ := f.st.Trash(ctx); len(items) != 1 {
		t.Fatalf("declined purge changed the bin: %+v", items)
	}
	tapIn(t, f.app.body, "Xóa vĩnh viễn")
	f.agree(t)
	if items, _ := f.st.Trash(ctx); len(items) != 0 {
		t.Fatalf("bin after purge: %+v", items)
	}
	if !strings.Contains(strings.Join(labelTexts(f.app.body), "\n"), "Thùng rác trống.") {
		t.Fatal("empty bin not said")
	}
	if b, ok := findButton(f.app.body, "Dọn thùng rác").(fyne.Disableable); !ok || !b.Disabled() {
		t.Fatal("Dọn thùng rác offered on an empty bin")
	}

	// Dọn thùng rác empties everything, after asking.
	clubs, _ := f.st.Clubs(ctx)
	club := &domain.Club{Name: "CLB Bóng đá", Kind: "interest", Active: true}
	if err := f.st.SaveClub(ctx, club); err != nil || len(clubs) != 0 {
		t.Fatal(err)
	}
	if err := f.st.DeleteClub(ctx, club.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.st.DeletePerson(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	f.app.screens["settings"].(*settingsScreen).trash.open()
	if page := strings.Join(labelTexts(f.app.body), "\n"); !strings.Contains(page, "Câu lạc bộ: CLB Bóng đá") {
		t.Fatalf("club not in the bin:\n%s", page)
	}
	tapIn(t, f.app.body, "Dọn thùng rác")
	f.agree(t)
	if items, _ := f.st.Trash(ctx); len(items) != 0 {
		t.Fatalf("bin after emptying: %+v", items)
	}
	tapIn(t, f.app.body, "Quay lại")
	if f.app.current != "settings" {
		t.Fatalf("back went to %s", f.app.current)
	}
	// Settings shows the latest changes of the whole register (of a
	// person deleted for good, only that it was done).
	tapIn(t, f.app.body, "Lịch sử thay đổi")
	overlay = f.app.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no history dialog from Settings")
	}
	texts = strings.Join(labelTexts(overlay), "\n")
	for _, want := range []string{"Xóa vĩnh viễn câu lạc bộ (mã " + strconv.FormatInt(club.ID, 10) + ")", "Xóa vĩnh viễn người (mã " + strconv.FormatInt(q.ID, 10) + ")"} {
		if !strings.Contains(texts, want) {
			t.Fatalf("register history lacks %q:\n%s", want, texts)
		}
	}
}

// TestHistoryInEnglish: labels, verbs and coded values read in English,
// the user's own text as written.
func TestHistoryInEnglish(t *testing.T) {
	test.NewTempApp(t)
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	e := store.HistoryEntry{Action: "update", Table: "people", RowKey: "7", Changes: []store.FieldChange{
		{Field: "gender", Label: "Giới tính", Before: "Nam", After: "Nữ", Coded: true},
		{Field: "note", Label: "Ghi chú", Before: "", After: "Xóa"},
	}}
	want := "Edit personal details (no. 7) — Gender: Male » Female; Note: (empty) » Xóa"
	if got := e.Text(T); got != want {
		t.Errorf("English history line\n got %s\nwant %s", got, want)
	}
	if got := e.Summary(); got != "Sửa thông tin cá nhân (mã 7) — Giới tính: Nam » Nữ; Ghi chú: (trống) » Xóa" {
		t.Errorf("Vietnamese history line %s", got)
	}
}
