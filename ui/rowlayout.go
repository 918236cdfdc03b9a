package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// flexRow lays objects out side by side: those with weight 0 take their
// natural width, the others share what is left in proportion to their
// weights. Each object gets its own minimum height, top-aligned, so that a
// message under one input does not stretch its neighbours. Rows built with
// the same weights line up as columns.
type flexRow []float32

func (l flexRow) weight(i int) float32 {
	if i < len(l) {
		return l[i]
	}
	return 0
}

// Layout places the objects side by side, sharing the width out by the
// row's weights.
func (l flexRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, total := float32(0), float32(0)
	for i, o := range objs {
		if w := l.weight(i); w > 0 {
			total += w
		} else {
			fixed += o.MinSize().Width
		}
	}
	if len(objs) > 1 {
		fixed += pad * float32(len(objs)-1)
	}
	rest := size.Width - fixed
	if rest < 0 {
		rest = 0
	}
	x := float32(0)
	for i, o := range objs {
		min := o.MinSize()
		w := min.Width
		if wt := l.weight(i); wt > 0 {
			w = rest * wt / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, min.Height))
		x += w + pad
	}
}

// MinSize gives the weighted objects a small share only: they shrink (an
// entry scrolls, a select truncates) rather than widen the dialog.
func (l flexRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var s fyne.Size
	for i, o := range objs {
		min := o.MinSize()
		if l.weight(i) > 0 {
			s.Width += 40
		} else {
			s.Width += min.Width
		}
		if min.Height > s.Height {
			s.Height = min.Height
		}
	}
	if len(objs) > 1 {
		s.Width += pad * float32(len(objs)-1)
	}
	return s
}

// scrollRoom keeps content clear of the scroll bar that Fyne draws over the
// right edge of a scrolled container.
func scrollRoom(content fyne.CanvasObject) fyne.CanvasObject {
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.Padding()*3, 0))
	return container.NewBorder(nil, nil, nil, gap, content)
}
