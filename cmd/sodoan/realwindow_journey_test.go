package main

// The scripted parts of the real-window test: the shortcuts with the focus
// on each kind of control, the member form's validation messages, and a
// new user's journey with the mouse.

import (
	"encoding/csv"
	"fmt"
	imagepng "image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The journey's member, typed the way Unikey sends Telex: "Ddawjng Thij
// Huowngs". unikeyLetters lists the letters those keys produce.
const (
	journeyName   = "Đặng Thị Hướng"
	unikeyLetters = "ĐăặịươướngHướngĐặngThịNữ"
	journeyUnit   = "Đoàn phường 2 Sa Đéc"
)

var (
	journeyFamily = []string{"D", "-1:Đ", "a", "-1:ă", "-1:ặ", "ng"}
	journeyMiddle = []string{"Thi", "-1:ị"}
	journeyGiven  = []string{"Huo", "-2:ươ", "ng", "-4:ướng"}
)

// TestRealWindow drives the app in a real window under Xvfb; see
// realwindow_test.go for what it fails on. The walk through every screen
// and the scripted parts run side by side, each with its own register,
// X server and app: most of their time is spent waiting for the window.
func TestRealWindow(t *testing.T) {
	p := buildRW(t)
	for i, group := range exploreGroups {
		t.Run(fmt.Sprintf("explore-%d", i+1), func(t *testing.T) {
			t.Parallel()
			h := newRW(t, p)
			defer h.summary()
			exploreScreens(h, group)
		})
	}
	t.Run("scripted", func(t *testing.T) {
		t.Parallel()
		h := newRW(t, p)
		defer h.summary()
		h.phase("phím tắt", "members", func() { shortcuts(h) })
		h.phase("thông báo kiểm tra của biểu mẫu", "members", func() { formMessages(h) })
		h.phase("hành trình bằng chuột", "members", func() { journey(h) })
	})
}

// show goes to the screen titled title (from wherever the app is).
func (h *rw) show(title string) {
	h.t.Helper()
	tr := h.settle()
	if tr.Layers > 0 {
		w := &walker{h: h}
		w.closeTo(0)
	}
	if back, ok := h.last.find(0, "button", "Quay lại"); ok {
		h.click(back)
	}
	for _, c := range h.last.in(0) {
		if c.Kind == "item" && c.Text == title && c.X < 200 {
			h.click(c)
			return
		}
	}
	h.fail("nav "+title, "không thấy mục %q trong danh sách màn hình", title)
	panic(appDied{})
}

// must finds a control or ends the phase with a failure.
func (h *rw) must(l int, kind, text string) control {
	h.t.Helper()
	c, ok := h.last.find(l, kind, text)
	if !ok {
		h.fail("missing "+kind+text, "không thấy %s %q (lớp %d, màn hình %s)", kind, text, l, h.last.Screen)
		h.logLayer(l)
		panic(appDied{})
	}
	return c
}

// field finds the input of the form row labelled label in layer l.
func (h *rw) field(l int, label, kind string) control {
	h.t.Helper()
	for _, c := range h.last.in(l) {
		if c.Kind == kind && h.last.fieldLabel(c) == label {
			return c
		}
	}
	h.fail("missing field "+label, "không thấy ô %s %q trong hộp thoại %q", kind, label, h.last.title(l))
	h.logLayer(l)
	panic(appDied{})
}

// setEntry replaces the text of the form field labelled label in layer l.
func (h *rw) setEntry(l int, label, text string) {
	h.typeInto(func() control { return h.field(l, label, "entry") }, text, text)
}

// choose opens dropdown c (layer l) and picks option with the mouse.
func (h *rw) choose(l int, c control, option string) {
	h.t.Helper()
	tr := h.click(c)
	h.stats.dropdowns++
	for _, it := range tr.in(l + 1) {
		if it.Kind == "menuitem" && it.Text == option {
			h.click(it)
			return
		}
	}
	h.fail("option "+option, "ô chọn %s không có mục %q", c, option)
	h.logLayer(l + 1)
	panic(appDied{})
}

// openForm opens the member form with the Thêm button of the members
// screen and returns its layer.
func (h *rw) openForm() int {
	h.t.Helper()
	h.show("Đoàn viên")
	tr := h.click(h.must(0, "button", "Thêm"))
	if tr.Layers != 1 {
		h.fail("form", "nút Thêm không mở biểu mẫu")
		panic(appDied{})
	}
	return 1
}

// expectMessages checks that the form shows at least one message (and,
// when want is set, one containing it); the trace checks their boxes.
func (h *rw) expectMessages(what, want string) {
	h.t.Helper()
	msgs := h.last.messages()
	if len(msgs) == 0 {
		h.fail("nomsg "+what, "%s: biểu mẫu không hiện thông báo nào", what)
		return
	}
	if want != "" && !strings.Contains(strings.Join(msgs, "\n"), want) {
		h.fail("msg "+what, "%s: cần thông báo có %q, có %q", what, want, msgs)
	}
	for _, c := range h.last.Controls {
		if c.Kind == "error" && c.Text != "" && c.visible() && !h.drawnRed(c) {
			h.fail("notdrawn "+c.Text, "%s: thông báo %q có khung %dx%d tại (%d,%d) nhưng không có chữ đỏ nào được vẽ ở đó", what, c.Text, c.W, c.H, c.X, c.Y)
		}
	}
}

// drawnRed reports whether the screen shows red text (the theme's error
// colour) in the visible part of c: the trace says where a message is, the
// pixels say the user can read it.
func (h *rw) drawnRed(c control) bool {
	h.t.Helper()
	png := filepath.Join(h.dir, "shot.png")
	geo := fmt.Sprintf("%dx%d+%d+%d", c.VW, c.VH, h.winX+c.VX, h.winY+c.VY)
	cmd := exec.Command("import", "-window", "root", "-crop", geo, png)
	cmd.Env = append(os.Environ(), "DISPLAY="+h.display)
	if out, err := cmd.CombinedOutput(); err != nil {
		h.t.Fatalf("import (ImageMagick): %v\n%s", err, out)
	}
	f, err := os.Open(png)
	if err != nil {
		h.t.Fatal(err)
	}
	defer f.Close()
	img, err := imagepng.Decode(f)
	if err != nil {
		h.t.Fatalf("ảnh chụp %s: %v", png, err)
	}
	red := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			if r > 150 && r > g+60 && r > bl+60 {
				red++
			}
		}
	}
	return red >= 15
}

// shortcuts checks Ctrl+N, Ctrl+F, Ctrl+S, Tab and Esc with the focus on
// an entry, a dropdown and a check box.
func shortcuts(h *rw) {
	h.show("Đoàn viên")
	w := &walker{h: h}

	// On the screen: a check box, then a dropdown, has the focus.
	turning := h.must(0, "check", "Tròn 30 tuổi")
	h.click(turning)
	tr := h.key("ctrl+n")
	if tr.Layers == 0 {
		h.fail("ctrl+n check", "Ctrl+N không mở biểu mẫu khi tiêu điểm ở ô đánh dấu")
	}
	w.closeTo(0)
	h.click(h.must(0, "check", "Tròn 30 tuổi"))
	if kind, ok := h.last.find(0, "select", ""); ok {
		h.choose(0, kind, kind.Selected)
		tr = h.key("ctrl+f")
		if f, ok := tr.focused(); !ok || f.Kind != "entry" {
			h.fail("ctrl+f select", "Ctrl+F không đưa tiêu điểm vào ô tìm khi tiêu điểm ở ô chọn (tiêu điểm: %s)", tr.Focus)
		}
	}

	// In the member form, for each kind of focused control: Ctrl+S shows
	// the messages of the empty form, Tab moves on, Esc closes.
	for _, kind := range []string{"entry", "check", "select"} {
		l := h.openForm()
		var c control
		switch kind {
		case "entry":
			c = h.field(l, "Họ", "entry")
			h.click(c)
		case "check":
			c = h.must(l, "check", "Sử dụng thành thạo")
			h.click(c)
		case "select":
			c = h.field(l, "Giới tính", "select")
			h.choose(l, c, "Nữ")
		}
		if f, ok := h.last.focused(); !ok || f.Kind != kind {
			h.fail("focus "+kind, "bấm %s không đặt tiêu điểm vào nó (tiêu điểm: %s)", c, h.last.Focus)
		}
		tr := h.key("ctrl+s")
		if tr.Layers != l {
			h.fail("ctrl+s closed "+kind, "Ctrl+S lưu biểu mẫu trống khi tiêu điểm ở %s", kind)
			continue
		}
		h.expectMessages("Ctrl+S với tiêu điểm ở "+kind, "")
		before, _ := h.last.focused()
		tr = h.key("Tab")
		if after, ok := tr.focused(); ok && after == before {
			h.fail("tab "+kind, "Tab không chuyển tiêu điểm khỏi %s", c)
		}
		// Back onto the control, then Esc.
		if kind == "select" {
			c = h.field(l, "Giới tính", "select")
			h.choose(l, c, "Nam")
		} else {
			h.click(c)
		}
		tr = h.discardAsked(h.key("Escape"))
		if tr.Layers >= l {
			h.fail("esc form "+kind, "Esc không đóng biểu mẫu khi tiêu điểm ở %s", kind)
			w.closeTo(0)
		}
	}
}

// formMessages saves the member form with wrong values and checks each
// message is shown, inside the window.
func formMessages(h *rw) {
	l := h.openForm()
	save := func() uiTrace {
		return h.click(h.must(l, "button", "Lưu"))
	}
	tr := save()
	if tr.Layers != l {
		h.fail("saved empty", "biểu mẫu trống đã được lưu")
		return
	}
	h.expectMessages("họ tên trống", "")
	h.setEntry(l, "Họ", "Đặng")
	h.setEntry(l, "Tên", "Hướng")
	cases := []struct{ what, birth, admission, want string }{
		{"ngày 31/02/2005", "31/02/2005", "", "31/02/2005"},
		{"ngày sinh tương lai", "01/01/2100", "", ""},
		{"vào Đoàn trước khi sinh", "01/01/2000", "01/01/1990", ""},
	}
	for _, c := range cases {
		h.setEntry(l, "Ngày sinh", c.birth)
		h.setEntry(l, "Ngày vào Đoàn", c.admission)
		if tr := save(); tr.Layers != l {
			h.fail("saved "+c.what, "biểu mẫu có %s đã được lưu", c.what)
			return
		}
		h.expectMessages(c.what, c.want)
	}
	w := &walker{h: h}
	w.closeTo(0)
}

// journey is a new user's day with the mouse: add a member typed with
// Unikey, find her in the list, rate her, print the member list and find
// her in the PDF, transfer her out; the register (read with sodoan-cli)
// must hold what the dropdowns showed.
func journey(h *rw) {
	l := h.openForm()
	for _, f := range []struct {
		label, want string
		steps       []string
	}{{"Họ", "Đặng", journeyFamily}, {"Tên đệm", "Thị", journeyMiddle}, {"Tên", "Hướng", journeyGiven}} {
		h.typeInto(func() control { return h.field(l, f.label, "entry") }, f.want, f.steps...)
	}
	h.choose(l, h.field(l, "Giới tính", "select"), "Nữ")
	h.setEntry(l, "Ngày sinh", "15/03/2004")
	h.setEntry(l, "Ngày vào Đoàn", "26/03/2020")
	branchSel := h.field(l, "Chi đoàn", "select")
	tr := h.click(branchSel)
	h.stats.dropdowns++
	branch := ""
	for _, it := range tr.in(l + 1) {
		if it.Kind == "menuitem" && strings.HasPrefix(it.Text, "Chi đoàn") {
			branch = it.Text
			h.click(it)
			break
		}
	}
	if branch == "" {
		h.fail("branch", "ô Chi đoàn không có chi đoàn nào")
		panic(appDied{})
	}
	tr = h.click(h.must(l, "button", "Lưu"))
	if tr.Layers != 0 {
		h.fail("journey save", "biểu mẫu đúng không lưu được: %q", tr.messages())
		panic(appDied{})
	}

	// See her in the list.
	h.typeInto(func() control { return h.must(0, "entry", "") }, "Hướng", "Hướng")
	row, ok := waitFor(h, func(tr uiTrace) (control, bool) { return tr.find(0, "label", journeyName) })
	if !ok {
		h.fail("journey list", "không thấy %q trong danh sách sau khi lưu", journeyName)
		panic(appDied{})
	}
	h.click(row)
	h.must(0, "button", "Quay lại")

	// Rate her: the dropdown must show, after saving and reopening, what
	// was picked.
	h.click(h.must(0, "button", "Xếp loại"))
	rating := h.field(1, "Xếp loại", "select")
	tr = h.click(rating)
	h.stats.dropdowns++
	picked := ""
	for _, it := range tr.in(2) {
		if it.Kind == "menuitem" && it.Text != rating.Selected {
			picked = it.Text
			h.click(it)
			break
		}
	}
	tr = h.click(h.must(1, "button", "Lưu"))
	if tr.Layers != 0 {
		h.fail("rating save", "không lưu được xếp loại: %q", tr.messages())
		panic(appDied{})
	}
	if picked == "" {
		h.fail("rating none", "ô Xếp loại không có mục nào khác %q", rating.Selected)
	}
	found := false
	for _, c := range h.last.in(0) {
		if strings.Contains(c.Text, picked) {
			found = true
		}
	}
	if !found {
		h.fail("rating page", "trang đoàn viên không ghi xếp loại %q vừa lưu", picked)
	}
	h.click(h.must(0, "button", "Xếp loại"))
	if got := h.field(1, "Xếp loại", "select"); got.Selected != picked || got.Shown != picked {
		h.fail("rating stored", "mở lại: ô Xếp loại giữ %q, hiện %q; đã lưu %q", got.Selected, got.Shown, picked)
	}
	w := &walker{h: h}
	w.closeTo(0)

	// Print the member list and find her in the PDF.
	h.show("Báo cáo")
	// The document dropdown at the top (a tab below has a "Văn bản" of
	// its own).
	var doc control
	for _, c := range h.last.in(0) {
		if c.Kind == "select" && h.last.fieldLabel(c) == "Văn bản" && (doc.Kind == "" || c.Y < doc.Y) {
			doc = c
		}
	}
	if !strings.HasPrefix(doc.Selected, "Danh sách đoàn viên") {
		tr := h.click(doc)
		h.stats.dropdowns++
		picked := false
		for _, it := range tr.in(1) {
			if it.Kind == "menuitem" && strings.HasPrefix(it.Text, "Danh sách đoàn viên") {
				h.click(it)
				picked = true
				break
			}
		}
		if !picked {
			h.fail("option member list", "ô Văn bản %s không có Danh sách đoàn viên", doc)
			h.logLayer(1)
			panic(appDied{})
		}
	}
	startPDF := time.Now()
	h.click(h.must(0, "button", "Tạo tệp PDF"))
	pdf := waitForFile(h, startPDF, ".pdf")
	if pdf == "" {
		h.fail("pdf", "không thấy tệp PDF danh sách đoàn viên sau 60 s")
	} else {
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			h.fail("pdftotext", "pdftotext %s: %v", pdf, err)
		} else if !strings.Contains(string(out), journeyName) {
			h.fail("pdf name", "danh sách đoàn viên %s không có %q", pdf, journeyName)
		}
	}
	h.settle()
	if h.last.Layers > 0 {
		w.closeTo(0)
	}

	// Transfer her out: first with no unit (a message), then with one.
	h.show("Đoàn viên")
	h.typeInto(func() control { return h.must(0, "entry", "") }, "Hướng", "Hướng")
	row, ok = waitFor(h, func(tr uiTrace) (control, bool) { return tr.find(0, "label", journeyName) })
	if !ok {
		h.fail("journey list2", "không thấy %q trong danh sách", journeyName)
		panic(appDied{})
	}
	h.click(row)
	// The other actions on an active member: each dialog walked like the
	// screens' ones, then closed with Esc (nothing saved).
	ew := &walker{h: h, deadline: time.Now().Add(time.Minute), done: map[string]bool{}}
	for _, action := range []string{"Trưởng thành Đoàn", "Xóa tên"} {
		if tr := h.click(h.must(0, "button", action)); tr.Layers != 1 {
			h.fail("action "+action, "nút %q không mở hộp thoại", action)
			continue
		}
		ew.dialog(1)
	}
	h.click(h.must(0, "button", "Chuyển đi"))
	tr = h.click(h.must(1, "button", "Lưu"))
	if tr.Layers == 0 {
		h.fail("transfer empty", "chuyển đi không có đơn vị đã được lưu")
		panic(appDied{})
	}
	h.expectMessages("chuyển đi không có đơn vị", "")
	h.typeInto(func() control { return h.field(1, "Chuyển đến đơn vị", "entry") }, journeyUnit, journeyUnit)
	tr = h.click(h.must(1, "button", "Lưu"))
	if tr.Layers != 0 {
		h.fail("transfer save", "không lưu được việc chuyển đi: %q", tr.messages())
		panic(appDied{})
	}

	// The register holds what the window showed.
	out, err := exec.Command(h.cli, "--db", h.db, "members", "list", "--kind", "all", "--status", "all", "--q", journeyName, "--format", "csv").Output()
	if err != nil {
		h.fail("cli", "sodoan-cli members list: %v", err)
		return
	}
	rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	if err != nil || len(rows) != 2 {
		h.fail("cli rows", "sodoan-cli tìm %q được %d dòng (%v):\n%s", journeyName, len(rows)-1, err, out)
		return
	}
	got := rows[1]
	if got[1] != journeyName || got[3] != "Nữ" || got[4] != branch || got[8] == "Đang sinh hoạt" {
		h.fail("cli values", "sổ ghi %q; cần tên %q, giới tính Nữ, chi đoàn %q, trạng thái đã chuyển đi", got, journeyName, branch)
	}
	status := got[8]
	if _, ok := h.last.find(0, "label", status); !ok {
		h.fail("status page", "trang đoàn viên không hiện trạng thái %q", status)
	}
}

// waitFor re-reads the window until find succeeds (a list loads off the
// UI goroutine), for up to 10 s; each read waits for the window to come
// to rest (settle).
func waitFor(h *rw, find func(uiTrace) (control, bool)) (control, bool) {
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); {
		if c, ok := find(h.settle()); ok {
			return c, true
		}
	}
	return control{}, false
}

// waitForFile finds a file with ext written after since under the test's
// folders (the documents folder is the app's choice), once the window is
// at rest: the app shows a progress bar while it writes a document, which
// the wait for rest waits out (up to 60 s). The app writes a document
// under a temporary name (.sodoan-*) and renames it when complete, so a
// file found under its own name is whole.
func waitForFile(h *rw, since time.Time, ext string) string {
	h.settleWithin(60 * time.Second)
	found := ""
	_ = filepath.WalkDir(h.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ext) || strings.HasPrefix(d.Name(), ".sodoan-") {
			return nil
		}
		if fi, err := os.Stat(p); err == nil && fi.ModTime().After(since) && fi.Size() > 0 {
			found = p
		}
		return nil
	})
	return found
}
