package ui

import (
	"testing"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestYearRatingLabelsWhole: at the window sizes of a 1366×768 screen and
// of the first start, in both languages, the year rating's dropdowns are
// wide enough for the longest branch name and rating they may show.
func TestYearRatingLabelsWhole(t *testing.T) {
	f := newFixture(t, "dashboard")
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	// A branch with a long name, as wards name them.
	long := &domain.Branch{Name: "Chi đoàn Công ty TNHH Thủy sản Sa Giang", Kind: domain.BranchHamlet, Active: true}
	if err := f.st.SaveBranch(f.app.ctx, long); err != nil {
		t.Fatal(err)
	}
	// fits tells whether s shows text whole: its width holds the text, the
	// dropdown icon and the paddings.
	fits := func(s fyne.CanvasObject, text string) bool {
		need := widget.NewLabel(text).MinSize().Width + theme.IconInlineSize() + 2*theme.InnerPadding()
		return s.Size().Width >= need
	}
	for _, lang := range []string{LangVietnamese, LangEnglish} {
		if err := SetLanguage(lang); err != nil {
			t.Fatal(err)
		}
		f.app.rebuild()
		for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1240, Height: 660}} {
			f.app.win.Resize(size)
			r := f.app.showYearRating(long.ID)
			if r == nil {
				t.Fatal("the year rating did not open")
			}
			test.WidgetRenderer(f.app.win.Canvas().Overlays().Top().(fyne.Widget)).Layout(size)
			f.app.win.Canvas().Overlays().Top().Refresh()
			if !fits(r.branch, r.branch.Selected) {
				t.Errorf("%s, %v: branch dropdown %v cuts %q", lang, size, r.branch.Size(), r.branch.Selected)
			}
			longest := r.all.PlaceHolder
			for _, c := range domain.Ratings {
				if len([]rune(T(c.Label))) > len([]rune(longest)) {
					longest = T(c.Label)
				}
			}
			if !fits(r.all, longest) {
				t.Errorf("%s, %v: the rate-everyone dropdown %v cuts %q", lang, size, r.all.Size(), longest)
			}
			f.app.escape()
		}
	}
}
