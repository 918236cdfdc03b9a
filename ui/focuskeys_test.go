package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestF1FromEveryFocusedWidget: whatever widget of a screen has the focus
// (a table, a list-and-detail list, a dropdown, a box, a button), F1
// opens the guide and Esc closes it again (issue 17's leftover: F1 did
// nothing while a table or a list had the focus, Fyne handing a focused
// widget every key). Every screen is walked, each focusable widget drawn
// on it is focused and sent F1.
func TestF1FromEveryFocusedWidget(t *testing.T) {
	f1 := &fyne.KeyEvent{Name: fyne.KeyF1}
	f := newFixture(t, "dashboard")
	c := f.app.win.Canvas()
	tables := 0
	for _, id := range ScreenIDs {
		f.app.goTo(id)
		f.settle()
		var focusable []fyne.Focusable
		walk(c.Content(), func(o fyne.CanvasObject) bool {
			if fo, ok := o.(fyne.Focusable); ok {
				if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
					focusable = append(focusable, fo)
				}
			}
			return true
		})
		for _, fo := range focusable {
			switch fo.(type) {
			case *keyTable, *keyList, *memberTable, *navList:
				tables++
			case *widget.Table, *widget.List:
				t.Errorf("%s: a %T without the app's keyboard", id, fo)
				continue
			}
			c.Focus(fo)
			if c.Focused() != fo {
				continue // not on the canvas (a hidden tab's)
			}
			fo.TypedKey(f1)
			if len(f.app.dialogs) != 1 || f.app.dialogs[0].d != f.app.help {
				t.Errorf("%s: F1 with the focus on a %T opened %d dialogs, not the guide", id, fo, len(f.app.dialogs))
				for len(f.app.dialogs) > 0 {
					f.app.dialogs[len(f.app.dialogs)-1].d.Hide()
				}
				continue
			}
			// Esc from the same widget closes the guide.
			fo.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if len(f.app.dialogs) != 0 {
				t.Errorf("%s: Esc with the focus on a %T left %d dialogs open", id, fo, len(f.app.dialogs))
				f.app.help.Hide()
			}
		}
	}
	// The screen list, the member table, the branches' and the
	// activities' lists, the documents' register at least.
	t.Logf("%d tables and lists", tables)
	if tables < 5 {
		t.Errorf("only %d tables and lists met on the screens", tables)
	}
}

// A row chosen by a click gives the list the focus (Fyne's own click
// focused nothing on a wrapped list, so its arrows did nothing); a row
// chosen by the program (the list refreshed after a save) leaves the
// focus where the user is typing.
func TestListFocusOnClickOnly(t *testing.T) {
	f := newFixture(t, "branches")
	s := f.app.screens["branches"].(*branchesScreen)
	c := f.app.win.Canvas()
	var name *entry
	walk(s.detail, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*entry); ok && name == nil {
			name = e
		}
		return name == nil
	})
	if name == nil {
		t.Fatal("no entry in the branch's form")
	}
	c.Focus(name)
	s.refresh() // selects the branch again, by the program
	if c.Focused() != name {
		t.Errorf("a refresh moved the focus to %T", c.Focused())
	}
	// Fyne's click: widget.List's Select, past the wrapper's.
	s.list.List.Select(1)
	if c.Focused() != s.list {
		t.Errorf("a click on a row left the focus on %T", c.Focused())
	}
	if s.selected != s.items[1].ID {
		t.Errorf("the click did not show row 1 (selected %d)", s.selected)
	}
}
