package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sodoan/domain"
)

// Typing is never thrown away without a question (issue 17, finding 3):
// Esc on a half-filled "Thêm người vào sổ" asks (Lưu / Bỏ thay đổi / Ở
// lại), and so does closing the window; an untouched form closes at once.
func TestEscAsksBeforeDiscardingTyping(t *testing.T) {
	f := newFixture(t, "members")
	before := countAll(t, f.st)
	top := func() string {
		o := f.app.win.Canvas().Overlays().Top()
		if o == nil {
			return ""
		}
		return strings.Join(labelTexts(o), "\n")
	}

	// Untouched: Esc closes it.
	f.app.editor.edit(&domain.Person{UnionMember: true}, nil)
	n := len(f.app.dialogs)
	f.app.escape()
	if len(f.app.dialogs) != n-1 {
		t.Fatal("Esc did not close an untouched form")
	}

	mf := f.app.editor.edit(&domain.Person{UnionMember: true}, nil)
	mf.entry("FamilyName").SetText("Trần")
	mf.entry("GivenName").SetText("Mới")
	f.app.escape()
	if !strings.Contains(top(), "Biểu mẫu có thay đổi chưa lưu") {
		t.Fatalf("Esc on a half-filled form did not ask:\n%s", top())
	}
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	if mf.entry("GivenName").Text != "Mới" || strings.Contains(top(), "chưa lưu") {
		t.Fatal("Ở lại did not go back to the form with its typing")
	}
	// Closing the window asks too.
	f.app.closeWindow()
	if !strings.Contains(top(), "Biểu mẫu có thay đổi chưa lưu") {
		t.Fatalf("closing the window did not ask:\n%s", top())
	}
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	// Bỏ thay đổi closes the form, writing nothing.
	f.app.escape()
	test.Tap(findButtonInOverlay(f, "Bỏ thay đổi"))
	if len(f.app.dialogs) != n-1 {
		t.Fatalf("%d dialogs open after Bỏ thay đổi, want %d", len(f.app.dialogs), n-1)
	}
	if got := countAll(t, f.st); got != before {
		t.Fatalf("discarding wrote %d people", got-before)
	}
}
