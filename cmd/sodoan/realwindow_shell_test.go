package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRealWindowShell: the buttons that hand a made document to the
// system, in the real window. The app runs with a PATH of one folder
// (startApp), in which fake lp, lpstat, xdg-email and xdg-open write the
// arguments they were run with: In must send the member list PDF of one
// branch to lp with its plain path, Gửi email start xdg-email with
// --attach and the same path; F1 opens the guide over the screen and Esc
// closes it. SODOAN_SHOTS=folder keeps screenshots to look at.
func TestRealWindowShell(t *testing.T) {
	p := buildRW(t)
	h := newRW(t, p)
	defer h.summary()
	bin := filepath.Join(h.dir, "no-programs")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lp", "lpstat", "xdg-email", "xdg-open"} {
		script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + filepath.Join(h.dir, name+".log") + "'\n"
		if name == "lpstat" {
			script += "echo 'system default destination: PDF'\n"
		}
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ran := func(name string) string {
		data, _ := os.ReadFile(filepath.Join(h.dir, name+".log"))
		return strings.TrimSuffix(string(data), "\n")
	}
	// waitRan waits for name to have run (the app runs it off the UI
	// goroutine), at most 10 s.
	waitRan := func(name string) string {
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end) && ran(name) == ""; {
			h.settle()
		}
		return ran(name)
	}

	h.phase("in và gửi email danh sách một chi đoàn", "reports", func() {
		h.show("Báo cáo")
		var doc control
		for _, c := range h.last.in(0) {
			if c.Kind == "select" && h.last.fieldLabel(c) == "Văn bản" && (doc.Kind == "" || c.Y < doc.Y) {
				doc = c
			}
		}
		if doc.Kind == "" {
			h.fail("doc select", "không thấy ô Văn bản")
			panic(appDied{})
		}
		if !strings.HasPrefix(doc.Selected, "Danh sách đoàn viên") {
			h.choose(0, doc, "Danh sách đoàn viên theo chi đoàn")
		}
		branch := h.field(0, "Chi đoàn", "select")
		if branch.Selected != "Cả phường (mọi chi đoàn)" {
			h.fail("branch default", "ô Chi đoàn chọn sẵn %q, cần Cả phường", branch.Selected)
		}
		tr := h.click(branch)
		var name string
		for _, it := range tr.in(1) {
			if it.Kind == "menuitem" && it.Text != "Cả phường (mọi chi đoàn)" {
				name = it.Text
				h.click(it)
				break
			}
		}
		if name == "" {
			h.fail("branch options", "ô Chi đoàn không có chi đoàn nào")
			panic(appDied{})
		}
		start := time.Now()
		h.click(h.must(0, "button", "Tạo tệp PDF"))
		pdf := waitForFile(h, start, ".pdf")
		if pdf == "" {
			h.fail("pdf", "không thấy tệp PDF sau 60 s")
			panic(appDied{})
		}
		if !strings.Contains(filepath.Base(pdf), "danh-sach-doan-vien-chi-doan-") {
			h.fail("pdf name", "tệp %s không mang tên chi đoàn %s", filepath.Base(pdf), name)
		}
		if out, err := exec.Command("pdftotext", "-raw", pdf, "-").Output(); err != nil || !strings.Contains(strings.Join(strings.Fields(string(out)), " "), "Đoàn viên "+name) {
			h.fail("pdf branch", "danh sách %s không ghi \"Đoàn viên %s\" (%v)", pdf, name, err)
		}
		h.shot("shell-reports")

		h.click(h.must(0, "button", "In"))
		if got := waitRan("lp"); got != pdf {
			h.fail("lp", "In chạy lp với %q, cần %q", got, pdf)
		}
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end) && !strings.Contains(h.last.notice(), "tới máy in mặc định"); {
			h.settle()
		}
		if !strings.Contains(h.last.notice(), "tới máy in mặc định") {
			h.fail("lp notice", "sau In, chân cửa sổ ghi %q", h.last.notice())
		}
		h.click(h.must(0, "button", "Gửi email"))
		if got, want := waitRan("xdg-email"), "--attach\n"+pdf; got != want {
			h.fail("xdg-email", "Gửi email chạy xdg-email với %q, cần %q", got, want)
		}
		h.click(h.must(0, "button", "Mở thư mục"))
		if got := waitRan("xdg-open"); got != filepath.Dir(pdf) {
			h.fail("xdg-open", "Mở thư mục chạy xdg-open với %q, cần %q", got, filepath.Dir(pdf))
		}
		h.shot("shell-sent")
	})

	h.phase("F1 mở hướng dẫn", "members", func() {
		h.show("Đoàn viên")
		tr := h.key("F1")
		if tr.Layers != 1 {
			h.fail("f1", "F1 không mở hộp thoại (lớp %d, tiêu điểm %s)", tr.Layers, tr.Focus)
			panic(appDied{})
		}
		guide := false
		for _, c := range tr.in(1) {
			if c.Kind == "label" && strings.Contains(c.Text, "Hướng dẫn nhanh Sổ Đoàn") && strings.Contains(c.Text, "Gói số liệu gửi cấp trên") {
				guide = c.visible()
			}
		}
		if !guide {
			h.fail("f1 text", "hộp thoại F1 không hiện hướng dẫn")
			h.logLayer(1)
		}
		h.shot("shell-help")
		if tr = h.key("Escape"); tr.Layers != 0 {
			h.fail("f1 esc", "Esc không đóng hướng dẫn")
		}
	})
}

// notice is the words of the window's footer (the notice bar: "… ·
// 10:32"), the lowest such label on screen.
func (tr uiTrace) notice() string {
	best := control{}
	for _, c := range tr.in(0) {
		if c.Kind == "label" && c.visible() && strings.Contains(c.Text, " · ") && c.VY >= best.VY {
			best = c
		}
	}
	return best.Text
}
