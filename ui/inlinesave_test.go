package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// findEntry returns the entry below o whose text is text.
func findEntry(o fyne.CanvasObject, text string) *entry {
	var found *entry
	walk(o, func(x fyne.CanvasObject) bool {
		if e, ok := x.(*entry); ok && e.Text == text {
			found = e
		}
		return found == nil
	})
	return found
}

// TestCtrlSSavesScreenForms: Ctrl+S saves a form that sits on a screen
// (here a branch's), with the focus in it, as its Lưu button would.
func TestCtrlSSavesScreenForms(t *testing.T) {
	f := newFixture(t, "branches")
	ctx := context.Background()
	s := f.app.screens["branches"].(*branchesScreen)
	branches, err := f.st.Branches(ctx, false)
	if err != nil || len(branches) == 0 {
		t.Fatal("no branch", err)
	}
	s.showBranch(branches[0])
	name := findEntry(f.app.win.Content(), branches[0].Name)
	if name == nil {
		t.Fatalf("no entry holds the branch name %q", branches[0].Name)
	}
	f.app.win.Canvas().Focus(name)
	name.SetText("")
	test.Type(name, "Chi đoàn Khóm Mới")
	before := f.app.notices
	f.app.shortcutSave()
	got, err := f.st.Branch(ctx, branches[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Chi đoàn Khóm Mới" {
		t.Errorf("after Ctrl+S the branch is named %q", got.Name)
	}
	if f.app.notices == before {
		t.Error("no confirmation after Ctrl+S")
	}
}

// TestReportSavesTypedTexts: a report made after typing in its texts
// carries what was typed; Ctrl+S saves the texts as well.
func TestReportSavesTypedTexts(t *testing.T) {
	f := newFixture(t, "reports")
	ctx := context.Background()
	s := f.app.screens["reports"].(*reportsScreen)
	s.tabs.SelectIndex(0)
	e := s.texts
	e.entries["inspection"].SetText("Kiểm tra 3 chi đoàn trong quý.")
	if !e.dirty {
		t.Fatal("typing did not mark the texts unsaved")
	}
	f.app.shortcutSave()
	if e.dirty {
		t.Fatal("Ctrl+S left the texts unsaved")
	}
	doc, key, _, err := e.target()
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.st.Narrative(ctx, doc, key)
	if err != nil || n["inspection"] != "Kiểm tra 3 chi đoàn trong quý." {
		t.Fatalf("saved by Ctrl+S: %q (%v)", n["inspection"], err)
	}
	// Typed again, then the document is made at once: the texts are saved
	// first.
	e.entries["inspection"].SetText("Kiểm tra 4 chi đoàn.")
	s.generate()
	if e.dirty {
		t.Error("making the document left the typed texts unsaved")
	}
	f.settle()
	if n, _ := f.st.Narrative(ctx, doc, key); n["inspection"] != "Kiểm tra 4 chi đoàn." {
		t.Errorf("texts when the document was made: %q", n["inspection"])
	}
}
