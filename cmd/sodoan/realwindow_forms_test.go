package main

// The forms and editors in a real window (issue 17, findings 3, 4, 9): at
// 1280×720, a failed save of the plan editor and of the member form
// scrolls to the first field in error, focuses it and counts the wrong
// fields beside the buttons; the wheel scrolls the plan editor wherever
// the pointer is; Esc and Ctrl+Q on the report text's editor with changes
// ask first. Screenshots of each answer are kept in $SODOAN_SHOTS when
// set, to be looked at.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestRealWindowForms(t *testing.T) {
	p := buildRW(t)
	h := newRW(t, p)
	defer h.summary()
	h.phase("kế hoạch ở 1280×720", "plan", func() { planFirstError(h) })
	h.phase("biểu mẫu thành viên ở 1280×720", "members", func() { memberFirstError(h) })
	h.phase("nội dung báo cáo hỏi trước khi bỏ", "reports", func() { narrativeAsks(h) })
}

// resize makes the window w×h (no window manager: X does as told).
func (h *rw) resize(w, ht int) uiTrace {
	h.t.Helper()
	id, err := h.xdo("search", "--onlyvisible", "--pid", strconv.Itoa(h.app.Process.Pid))
	if err != nil || id == "" {
		h.t.Fatalf("cửa sổ sodoan: %v", err)
	}
	h.send("windowsize", strings.Fields(id)[0], strconv.Itoa(w), strconv.Itoa(ht))
	tr := h.settle()
	if tr.Width != w || tr.Height != ht {
		h.fail("resize", "cửa sổ %dx%d, cần %dx%d", tr.Width, tr.Height, w, ht)
	}
	return tr
}

// wheel turns the mouse wheel n notches (down when n > 0) with the
// pointer over c.
func (h *rw) wheel(c control, n int) uiTrace {
	h.t.Helper()
	button := "5"
	if n < 0 {
		button, n = "4", -n
	}
	x, y := h.winX+c.VX+c.VW/2, h.winY+c.VY+c.VH/2
	h.action = fmt.Sprintf("lăn chuột %d nấc trên %s", n, c)
	h.send("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "--repeat", strconv.Itoa(n), "--delay", "30", button)
	return h.settle()
}

// inWindow reports whether all of c is drawn inside the window.
func (h *rw) inWindow(c control) bool {
	tr := h.last
	return c.visible() && c.VW >= c.W-1 && c.VH >= c.H-1 && c.X >= 0 && c.Y >= 0 && c.X+c.W <= tr.Width && c.Y+c.H <= tr.Height
}

// answered checks the answer of a failed save: the message want shown
// whole inside the window, the focus on an entry of its row (just above
// it), and count ("1 ô chưa đúng") shown beside the buttons.
func (h *rw) answered(l int, what, want, count string) {
	h.t.Helper()
	var msg control
	found := false
	for _, c := range h.last.in(l) {
		if c.Kind == "error" && strings.Contains(c.Text, want) {
			msg, found = c, true
		}
	}
	if !found {
		h.fail("nomsg "+what, "%s: không có thông báo %q (có %q)", what, want, h.last.messages())
		return
	}
	if !h.inWindow(msg) {
		h.fail("msg out "+what, "%s: thông báo %q không nằm trọn trong khung nhìn: khung %dx%d tại (%d,%d), thấy %dx%d", what, msg.Text, msg.W, msg.H, msg.X, msg.Y, msg.VW, msg.VH)
	}
	f, ok := h.last.focused()
	if !ok || f.Kind != "entry" || !f.visible() || f.Y > msg.Y || msg.Y-(f.Y+f.H) > 60 {
		h.fail("focus "+what, "%s: tiêu điểm %s (%d,%d) không ở ô sai ngay trên thông báo (%d,%d)", what, h.last.Focus, f.X, f.Y, msg.X, msg.Y)
	}
	if c, ok := h.last.find(l, "error", count); !ok || !h.inWindow(c) {
		h.fail("count "+what, "%s: không thấy %q cạnh các nút (thông báo: %q)", what, count, h.last.messages())
	}
	if !h.drawnRed(msg) {
		h.fail("red "+what, "%s: thông báo %q không được vẽ chữ đỏ", what, msg.Text)
	}
}

// planFirstError: a bad target in the last row of the plan editor, the
// editor scrolled back to its top, Lưu: the row's message comes into view.
func planFirstError(h *rw) {
	h.resize(1280, 720)
	h.show("Kế hoạch & chỉ tiêu")
	tr := h.click(h.must(0, "button", "Sửa kế hoạch"))
	if tr.Layers != 1 {
		h.fail("plan editor", "nút Sửa kế hoạch không mở trình sửa")
		panic(appDied{})
	}
	targets := func() []control {
		var out []control
		for _, c := range h.last.in(1) {
			if c.Kind == "entry" && c.Placeholder == "chưa nhập" {
				out = append(out, c)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Y < out[j].Y })
		return out
	}
	all := targets()
	if len(all) < 15 {
		h.fail("plan rows", "trình sửa có %d chỉ tiêu, cần 15", len(all))
		panic(appDied{})
	}
	shown := 0
	for _, c := range all {
		if h.inWindow(c) {
			shown++
		}
	}
	h.t.Logf("1280×720: %d/%d chỉ tiêu hiện cùng lúc khi mở", shown, len(all))
	if shown <= 3 {
		h.fail("plan shown", "chỉ %d/%d chỉ tiêu hiện cùng lúc", shown, len(all))
	}
	// The wheel over a title (an entry) scrolls the editor to the end.
	title := func() control {
		for _, c := range h.last.in(1) {
			if c.Kind == "entry" && c.VH > 20 && strings.HasPrefix(c.Text, "Có mô hình tuyên truyền") {
				return c
			}
		}
		return h.must(1, "entry", "")
	}
	firstY := all[0].Y
	h.wheel(title(), 20)
	all = targets()
	if all[0].Y >= firstY {
		h.fail("wheel", "lăn chuột trên ô Nội dung không cuộn trình sửa")
	}
	// Down to the last row, over a dropdown this time.
	var sel control
	for _, c := range h.last.in(1) {
		if c.Kind == "select" && c.VH > 20 {
			sel = c
		}
	}
	if sel.Kind != "" {
		h.wheel(sel, 20)
	}
	// The last target that takes a number (a yes/no target is disabled)
	// and is on screen.
	all = targets()
	var last control
	for i := len(all) - 1; i >= 0; i-- {
		if !all[i].Disabled && h.inWindow(all[i]) {
			last = all[i]
			break
		}
	}
	if last.Kind == "" {
		h.fail("plan last", "không thấy ô chỉ tiêu nào sau khi lăn chuột xuống")
		panic(appDied{})
	}
	lastY := last.Y
	h.typeInto(func() control {
		for _, c := range targets() {
			if c.Y == lastY {
				return c
			}
		}
		return last
	}, "abc", "abc")
	// Back to the top, where the message cannot be seen.
	h.wheel(h.must(1, "entry", ""), -40)
	h.click(h.must(1, "button", "Lưu"))
	if h.last.Layers != 1 {
		h.fail("plan saved", "kế hoạch có chỉ tiêu sai đã được lưu")
		return
	}
	h.shot("plan-first-error-1280x720")
	h.answered(1, "chỉ tiêu sai", "Chỉ tiêu: không phải là số", "1 ô chưa đúng")
	// Esc with changes asks; Bỏ thay đổi closes.
	tr = h.key("Escape")
	if tr.Layers != 2 || tr.title(2) != "Thay đổi chưa lưu" {
		h.fail("plan esc", "Esc trên trình sửa có thay đổi không hỏi (lớp %d, %q)", tr.Layers, tr.title(tr.Layers))
	}
	if tr = h.discardAsked(tr); tr.Layers != 0 {
		h.fail("plan discard", "Bỏ thay đổi không đóng trình sửa")
	}
}

// memberFirstError: the member form's last field (Ngày vào Hội) wrong,
// the form scrolled back to its top, Lưu: the message comes into view.
func memberFirstError(h *rw) {
	h.resize(1280, 720)
	l := h.openForm()
	h.setEntry(l, "Họ", "Trần")
	h.setEntry(l, "Tên", "Na")
	h.choose(l, h.field(l, "Giới tính", "select"), "Nữ")
	h.setEntry(l, "Ngày sinh", "15/03/2004")
	h.setEntry(l, "Ngày vào Đoàn", "26/03/2020")
	fed := func() control { return h.field(l, "Ngày vào Hội", "entry") }
	if !h.inWindow(fed()) {
		h.wheel(h.field(l, "Họ", "entry"), 20)
	}
	h.typeInto(fed, "31/02/2005", "31/02/2005")
	h.wheel(h.field(l, "Ngày vào Hội", "entry"), -40)
	h.click(h.must(l, "button", "Lưu"))
	if h.last.Layers != l {
		h.fail("member saved", "biểu mẫu có Ngày vào Hội sai đã được lưu")
		return
	}
	h.shot("member-first-error-1280x720")
	h.answered(l, "Ngày vào Hội sai", "31/02/2005", "1 ô chưa đúng")
	if f, ok := h.last.focused(); ok && h.last.fieldLabel(f) != "Ngày vào Hội" {
		h.fail("member focus", "tiêu điểm ở ô %q, không ở Ngày vào Hội", h.last.fieldLabel(f))
	}
	// Corrected, the message goes at once.
	h.typeInto(fed, "01/05/2021", "01/05/2021")
	for _, m := range h.last.messages() {
		if strings.Contains(m, "31/02/2005") {
			h.fail("member stale", "thông báo %q còn sau khi sửa ô", m)
		}
	}
	tr := h.discardAsked(h.key("Escape"))
	if tr.Layers != 0 {
		h.fail("member close", "Esc rồi Bỏ thay đổi không đóng biểu mẫu")
	}
}

// narrativeAsks: typing in a section of the report's text, then Esc and
// Ctrl+Q ask (Ở lại keeps the text); Bỏ thay đổi shows the saved text.
func narrativeAsks(h *rw) {
	h.show("Báo cáo")
	// The first section on screen: a multi-line entry of the editor.
	section := func() control {
		best := control{}
		for _, c := range h.last.in(0) {
			if c.Kind == "entry" && c.H > 60 && c.VH > 40 && (best.Kind == "" || c.Y < best.Y) {
				best = c
			}
		}
		if best.Kind == "" {
			h.fail("narrative section", "không thấy mục nội dung nào trên màn hình Báo cáo")
			h.logLayer(0)
			panic(appDied{})
		}
		return best
	}
	first := section()
	was := first.Text
	h.click(first)
	h.key("End")
	h.typeText(" abc")
	changed := section().Text
	if changed == was {
		h.fail("narrative typed", "gõ vào mục nội dung không được")
		return
	}
	for _, k := range []string{"Escape", "ctrl+q"} {
		tr := h.key(k)
		if tr.Layers != 1 || tr.title(1) != "Thay đổi chưa lưu" {
			h.fail("narrative "+k, "%s trên nội dung đã sửa không hỏi (lớp %d)", k, tr.Layers)
			return
		}
		h.shot("narrative-asks-" + k)
		h.click(h.must(1, "button", "Ở lại"))
		if got := section().Text; got != changed {
			h.fail("narrative stay "+k, "Ở lại sau %s: mục còn %q, cần %q", k, got, changed)
		}
	}
	tr := h.discardAsked(h.key("Escape"))
	if tr.Layers != 0 {
		h.fail("narrative discard", "Bỏ thay đổi không đóng câu hỏi")
	}
	if got := section().Text; got != was {
		h.fail("narrative discarded", "Bỏ thay đổi: mục còn %q, cần %q", got, was)
	}
}
