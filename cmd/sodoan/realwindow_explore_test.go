package main

// The walk over every screen: each control of a screen is clicked, each
// dropdown opened and an entry picked, each entry typed into (and put
// back), each dialog a button opens explored the same way and closed with
// Esc, each sub-page (a member's page) explored and left with Quay lại.

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// sampleText is what the walk types into every entry (and takes back).
const sampleText = " Thử"

// exploreBudget bounds the walk; past it, dialogs and sub-pages are no
// longer opened (and the test says so).
const exploreBudget = 6 * time.Minute

// perKey is how many controls of one kind and label a layer gets clicked:
// a dialog with a row per member needs its first rows only.
const perKey = 1

// target names a control across traces: its key and which one of the
// controls with that key it is.
type target struct {
	key string
	n   int
}

// fieldLabel is the label left of c on its row (a form's field name).
func (tr *uiTrace) fieldLabel(c control) string {
	best, bestX := "", -1
	for _, l := range tr.in(c.Layer) {
		if l.Kind != "label" || l.Text == "" {
			continue
		}
		// The label's row holds the middle of c (a message under c
		// makes the row taller than c).
		mid := c.Y + c.H/2
		if mid >= l.Y && mid <= l.Y+l.H && l.X+l.W <= c.X+4 && l.X > bestX {
			best, bestX = l.Text, l.X
		}
	}
	return best
}

// key identifies c within its layer for as long as the layer lives.
func (tr *uiTrace) key(c control) string {
	switch c.Kind {
	case "entry":
		return "entry|" + tr.fieldLabel(c) + "|" + c.Placeholder
	case "select":
		return fmt.Sprintf("select|%s|%s|%d", tr.fieldLabel(c), c.Text, c.Options)
	case "item":
		return "item"
	case "table":
		return "table"
	}
	return c.Kind + "|" + tr.fieldLabel(c) + "|" + c.Text + "|" + c.Icon
}

// targetOf names control c of the last trace.
func (h *rw) targetOf(c control) target {
	key := h.last.key(c)
	n := 0
	for _, o := range h.last.in(c.Layer) {
		if o == c {
			break
		}
		if h.last.key(o) == key {
			n++
		}
	}
	return target{key, n}
}

// lookup finds target t in layer l of the last trace.
func (h *rw) lookup(l int, t target) (control, bool) {
	n := 0
	for _, c := range h.last.in(l) {
		if h.last.key(c) == t.key {
			if n == t.n {
				return c, true
			}
			n++
		}
	}
	return control{}, false
}

// closers are the buttons that end a dialog: the walk does not press them
// (it leaves with Esc) and uses them only when Esc fails.
var closers = []string{"Lưu", "Hủy", "Đóng", "OK", "Đồng ý", "Xóa", "Mở tệp", "Mở thư mục", "Save", "Cancel", "Close", "Yes", "No", "Delete", "Open"}

func isCloser(text string) bool {
	for _, c := range closers {
		if strings.HasPrefix(text, c) {
			return true
		}
	}
	return false
}

// targets lists what the walk presses in layer l, outside the navigation
// list when l is the window's content.
func (h *rw) targets(l int, nav control) []target {
	count := map[string]int{}
	var out []target
	for _, c := range h.last.in(l) {
		k := h.last.key(c)
		n := count[k]
		count[k]++
		if n >= perKey || c.Disabled || !c.visible() {
			continue
		}
		if l == 0 && inside(c, nav) {
			continue
		}
		switch c.Kind {
		case "button":
			if l > 0 && isCloser(c.Text) {
				continue
			}
		case "entry", "select", "check", "tab", "item", "tappable":
		case "table":
			if l > 0 {
				continue
			}
		default:
			continue
		}
		out = append(out, target{k, n})
	}
	return out
}

func inside(c, box control) bool {
	x, y := c.VX+c.VW/2, c.VY+c.VH/2
	return box.W > 0 && x >= box.X && x < box.X+box.W && y >= box.Y && y < box.Y+box.H
}

// walker explores the whole window.
type walker struct {
	h        *rw
	nav      control
	deadline time.Time
	// done remembers the dialogs and sub-pages already explored (by the
	// controls they hold), so a form met from three screens is walked once.
	done map[string]bool
	// skipped counts what the budget cut.
	skipped int
}

// signature names a dialog or page by its title, buttons, checks and
// dropdowns.
func (h *rw) signature(l int) string {
	parts := []string{h.last.title(l)}
	for _, c := range h.last.in(l) {
		switch c.Kind {
		case "button", "check", "select":
			parts = append(parts, c.Kind+":"+c.Text)
		}
	}
	return strings.Join(parts, ",")
}

// exploreScreens visits the screens of the navigation list named in
// group, or with an empty group every screen no group names: sessions
// side by side share the walk.
func exploreScreens(h *rw, group []string) {
	w := &walker{h: h, deadline: time.Now().Add(exploreBudget), done: map[string]bool{}}
	var titles []string
	var ids []string
	h.phase("mở cửa sổ", "dashboard", func() {
		tr := h.settle()
		for _, c := range tr.in(0) {
			if c.Kind == "list" {
				w.nav = c
				break
			}
		}
		for _, c := range tr.in(0) {
			if c.Kind == "item" && inside(c, w.nav) {
				titles = append(titles, c.Text)
			}
		}
	})
	if len(titles) < 9 {
		h.t.Fatalf("danh sách màn hình có %d mục, cần 9: %v", len(titles), titles)
	}
	for _, title := range titles {
		if mine := slices.Contains(group, title) || len(group) == 0 && !named(title); !mine {
			continue
		}
		h.phase("màn hình "+title, "dashboard", func() {
			id := w.navigate(title)
			ids = append(ids, id)
			h.stats.screens++
			w.exploreContent(title, id, 0)
		})
	}
	if w.skipped > 0 {
		h.fail("budget", "hết %v dành cho việc đi khắp cửa sổ: %d hộp thoại/trang con không được mở", exploreBudget, w.skipped)
	}
	h.t.Logf("màn hình đã đi: %v (%v)", titles, ids)
}

// exploreGroups share the walk between sessions by what each screen costs
// (the member and federation screens' forms take two and a half minutes
// each on a loaded machine); the last, empty, takes the rest.
var exploreGroups = [][]string{{"Đoàn viên", "Tổng quan"}, {"Hội viên", "Chi đoàn"}, nil}

// named reports whether a group names the screen title.
func named(title string) bool {
	for _, g := range exploreGroups {
		if slices.Contains(g, title) {
			return true
		}
	}
	return false
}

// navigate shows the screen titled title and returns its id.
func (w *walker) navigate(title string) string {
	h := w.h
	for _, c := range h.last.in(0) {
		if c.Kind == "item" && inside(c, w.nav) && c.Text == title {
			tr := h.click(c)
			return tr.Screen
		}
	}
	h.fail("nav "+title, "không thấy mục %q trong danh sách màn hình", title)
	return ""
}

// backTo returns to screen id (title in the navigation list) after a
// click that left it or opened a sub-page.
func (w *walker) backTo(title, id string, subpage bool) {
	h := w.h
	if !subpage {
		if back, ok := h.last.find(0, "button", "Quay lại"); ok {
			h.click(back)
		}
	}
	if h.last.Screen != id {
		w.navigate(title)
	}
}

// exploreContent presses every control of the window's content (a
// screen at depth 0, a sub-page at depth 1).
func (w *walker) exploreContent(title, id string, depth int) {
	h := w.h
	for _, tg := range h.targets(0, w.nav) {
		c, ok := h.lookup(0, tg)
		if !ok {
			continue
		}
		hadBack := false
		if _, ok := h.last.find(0, "button", "Quay lại"); ok {
			hadBack = true
		}
		if c.Kind == "button" && strings.HasPrefix(c.Text, "Quay lại") {
			continue // left last, by the caller
		}
		w.press(0, c, depth)
		tr := h.last
		if tr.Layers > 0 {
			w.dialog(depth + 1)
		}
		if tr = h.last; tr.Screen != id {
			w.backTo(title, id, false)
			continue
		}
		if _, ok := tr.find(0, "button", "Quay lại"); ok && !hadBack {
			sig := h.signature(0)
			if depth == 0 && !w.done["page "+sig] && w.inBudget() {
				w.done["page "+sig] = true
				h.dialogs = append(h.dialogs, "trang: "+h.last.title(0))
				w.exploreContent(title, id, depth+1)
			}
			w.backTo(title, id, false)
		}
	}
}

func (w *walker) inBudget() bool {
	if time.Now().After(w.deadline) {
		w.skipped++
		return false
	}
	return true
}

// press acts on one control of layer l the way its kind asks.
func (w *walker) press(l int, c control, depth int) {
	h := w.h
	switch c.Kind {
	case "entry":
		w.typeInto(l, c)
	case "select":
		w.pick(l, c)
	case "check":
		tg := h.targetOf(c)
		tr := h.click(c)
		if tr.Layers != l || tr.Screen != h.last.Screen {
			return
		}
		if c2, ok := h.lookup(l, tg); ok && c2.Checked != c.Checked {
			// Put it back, so filters and forms stay as they were.
			h.click(c2)
		} else if ok {
			h.fail("check "+c.Text, "bấm ô đánh dấu %q không đổi trạng thái", c.Text)
		}
	case "table":
		// One data cell (below the header row): opens a row's page.
		for _, cell := range h.last.in(l) {
			if cell.Kind == "label" && cell.Text != "" && inside(cell, c) && cell.Y > c.Y+cell.H/2 && cell.X > c.X+60 {
				h.click(cell)
				return
			}
		}
	default:
		h.click(c)
	}
}

// typeInto clicks an entry, types sampleText at its end (retyping when a
// key was lost, as rw.typeInto), takes it back and Tabs away.
func (w *walker) typeInto(l int, c control) {
	h := w.h
	key := h.last.key(c)
	if !h.onScreen(c) {
		h.click(c) // reports it
		return
	}
	h.click(c)
	orig := ""
	if f, ok := h.last.focused(); ok && f.Kind == "entry" {
		orig = f.Text
	} else {
		h.fail("focus entry "+key, "bấm vào ô nhập %s không đặt con trỏ vào đó (tiêu điểm: %s)", c, h.last.Focus)
		return
	}
	erase := func(n int) {
		bs := make([]string, n)
		for i := range bs {
			bs[i] = "BackSpace"
		}
		if n > 0 {
			h.key(bs...)
		}
	}
	got := ""
	defer func() { h.retry = 0 }()
	for attempt := 1; attempt <= len(letterDelays); attempt++ {
		h.retry = attempt - 1
		h.key("End")
		tr := h.typeText(sampleText)
		f, ok := tr.focused()
		if !ok || f.Kind != "entry" {
			h.fail("focus lost "+key, "gõ vào %s làm mất tiêu điểm (tiêu điểm: %s)", c, tr.Focus)
			return
		}
		got = f.Text
		added := len([]rune(got)) - len([]rune(orig))
		erase(added)
		if added == len([]rune(sampleText)) && strings.Contains(got, sampleText) {
			h.key("Tab")
			return
		}
		h.stats.lost++
		h.t.Logf("gõ %q vào %s lần %d được %q", sampleText, c, attempt, got)
	}
	h.fail("typed "+key, "gõ %q vào %s %d lần, ô giữ %q", sampleText, c, len(letterDelays), got)
}

// pick opens a dropdown, chooses another entry with the mouse, and checks
// the dropdown holds and shows it; then changes it with the keyboard
// (Right) and back (Left), the trace checking the drawn value each time.
func (w *walker) pick(l int, c control) {
	h := w.h
	tg := h.targetOf(c)
	key := tg.key
	tr := h.click(c)
	h.stats.dropdowns++
	if tr.Layers != l+1 {
		h.fail("noopen "+key, "ô chọn %s không mở danh sách", c)
		return
	}
	var items []control
	for _, it := range tr.in(l + 1) {
		if it.Kind == "menuitem" && it.visible() && it.VY+it.VH <= tr.Height {
			items = append(items, it)
		}
	}
	choice := control{}
	for i, it := range items {
		// The second entry when it differs from the current one, else
		// the first that does.
		if it.Text != c.Selected {
			choice = it
			if i >= 1 {
				break
			}
		}
	}
	if choice.Text == "" {
		if len(items) == 0 {
			h.fail("noitems "+key, "danh sách của ô chọn %s không có mục nào bấm được", c)
		}
		w.closeTo(l)
		return
	}
	tr = h.click(choice)
	if tr.Layers > l {
		h.fail("menu stays "+key, "chọn %q trong %s không đóng danh sách", choice.Text, c)
		w.closeTo(l)
	}
	if choice.Text == "English" {
		// The window is rebuilt in English; the walk goes on in
		// Vietnamese.
		w.language(l)
		return
	}
	got, ok := h.lookup(l, tg)
	if !ok {
		return // the choice rebuilt the screen
	}
	if got.Selected != choice.Text {
		h.fail("picked "+key, "chọn %q trong %s nhưng ô giữ %q (hiện %q)", choice.Text, c, got.Selected, got.Shown)
	}
	if !got.Focused {
		return
	}
	h.key("Right")
	h.key("Left")
}

// language puts the Settings language dropdown back to Tiếng Việt.
func (w *walker) language(l int) {
	h := w.h
	for _, c := range h.last.in(l) {
		if c.Kind == "select" && c.Selected == "English" {
			tr := h.click(c)
			for _, it := range tr.in(l + 1) {
				if it.Kind == "menuitem" && it.Text == "Tiếng Việt" {
					h.click(it)
					return
				}
			}
			w.closeTo(l)
		}
	}
}

// dialog explores the top overlay (a dialog opened at depth), then closes
// it with Esc.
func (w *walker) dialog(depth int) {
	h := w.h
	l := h.last.Layers
	sig := h.signature(l)
	_, fyneFiles := h.last.find(l, "item", "Computer")
	if _, vi := h.last.find(l, "item", "Máy tính"); vi {
		fyneFiles = true // its places in Vietnamese (ui/filedialog.go)
	}
	if fyneFiles {
		// Fyne's own file dialog: opened and closed, not explored.
		w.done["dialog "+sig] = true
	}
	if depth <= 2 && !w.done["dialog "+sig] && w.inBudget() {
		w.done["dialog "+sig] = true
		h.stats.dialogs++
		h.dialogs = append(h.dialogs, h.last.title(l))
		for _, tg := range h.targets(l, control{}) {
			if h.last.Layers < l {
				break // closed by a button
			}
			c, ok := h.lookup(l, tg)
			if !ok {
				continue
			}
			w.press(l, c, depth)
			if h.last.Layers > l {
				w.dialog(depth + 1)
			}
		}
	}
	w.closeTo(l - 1)
}

// closeTo closes overlays until n are left: Esc first (a failure when it
// does nothing on a dialog), then the dialog's own close button.
func (w *walker) closeTo(n int) {
	h := w.h
	for tries := 0; h.last.Layers > n && tries < 3; tries++ {
		l := h.last.Layers
		menu := false
		for _, c := range h.last.in(l) {
			if c.Kind == "menuitem" {
				menu = true
			}
		}
		focus := "không có (" + h.last.Focus + ")"
		if f, ok := h.last.focused(); ok {
			focus = f.Kind
		}
		title := h.last.title(l)
		tr := h.discardAsked(h.key("Escape"))
		if tr.Layers < l || menu {
			continue
		}
		h.fail("esc "+focus, "Esc không đóng hộp thoại %q khi tiêu điểm ở %s", title, focus)
		h.logLayer(l)
		for _, c := range tr.in(l) {
			if c.Kind == "button" && (strings.HasPrefix(c.Text, "Hủy") || c.Text == "Đóng" || c.Text == "OK" || c.Text == "Cancel" || c.Text == "Close") {
				h.click(c)
				break
			}
		}
	}
	if h.last.Layers > n {
		h.fail("stuck", "không đóng được hộp thoại %q", h.last.title(h.last.Layers))
		h.logLayer(h.last.Layers)
		panic(appDied{})
	}
}
