package main

// The Save dialog in a real window (issue 21): Cài đặt → Sao lưu ra nơi
// khác… opens Fyne's dialog (outside Windows) at the documents folder,
// its places in Vietnamese, the backup's name offered; the path box
// refuses the open register in Vietnamese and takes a Vietnamese path
// typed letter by letter, where the backup is written.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sodoan/store"
)

const savePathHint = "Dán hoặc gõ cả đường dẫn của tệp rồi bấm Enter"

func TestRealWindowSaveDialog(t *testing.T) {
	p := buildRW(t)
	h := newRW(t, p)
	h.stopApp()
	// The documents folder (no xdg-user-dir on the test's PATH: Fyne and
	// the app both take ~/Documents) and a USB stick with a Vietnamese
	// name.
	docs := filepath.Join(h.home, "Documents")
	usb := filepath.Join(h.home, "USB của Lan")
	for _, d := range []string{docs, usb} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	before, err := os.ReadFile(h.db)
	if err != nil {
		t.Fatal(err)
	}
	h.startApp("settings")
	defer h.summary()
	dest := filepath.Join(usb, "sổ phường.db")
	h.phase("lưu thành", "settings", func() { saveDialog(h, dest) })
	if _, err := os.Stat(dest); err != nil {
		t.Fatalf("no backup at %s: %v", dest, err)
	}
	c, err := store.CheckBackup(context.Background(), dest)
	if err != nil || c.People == 0 {
		t.Fatalf("the backup does not restore: %+v %v", c, err)
	}
	// The register was never written by the dialog: a backup reads it.
	if after, err := os.ReadFile(h.db); err != nil || len(after) < len(before)/2 {
		t.Fatalf("the register shrank: %d → %d bytes (%v)", len(before), len(after), err)
	}
}

func saveDialog(h *rw, dest string) {
	// The button is low on the settings page: the wheel brings it up.
	for i := 0; i < 10 && !h.onScreen(h.must(0, "button", "Sao lưu ra nơi khác…")); i++ {
		for _, c := range h.last.in(0) {
			if c.Kind == "label" && c.X > 180 && h.onScreen(c) {
				h.wheel(c, 5)
				break
			}
		}
	}
	tr := h.click(h.must(0, "button", "Sao lưu ra nơi khác…"))
	l := tr.Layers
	if _, ok := tr.find(l, "label", "Sao lưu ra nơi khác"); !ok || l == 0 {
		h.fail("save title", "không thấy hộp Lưu (lớp %d)", l)
		h.logLayer(l)
		panic(appDied{})
	}
	// Fyne's places in Vietnamese, and the dialog at the documents
	// folder: its breadcrumb ends with Documents' own name, the place
	// Tài liệu is marked.
	for _, want := range []string{"Thư mục nhà", "Tài liệu", "Máy tính"} {
		if _, ok := tr.find(l, "item", want); !ok {
			h.fail("place "+want, "không thấy nơi %q trong hộp Lưu", want)
			h.logLayer(l)
		}
	}
	for _, english := range []string{"Home", "Documents", "Computer", "Cancel", "Save"} {
		for _, c := range tr.in(l) {
			if c.Text == english && c.Kind != "button" || c.Kind == "button" && c.Text == english && english != "Documents" {
				h.fail("english "+english, "hộp Lưu còn chữ tiếng Anh %q (%s)", english, c.Kind)
			}
		}
	}
	if _, ok := tr.find(l, "button", "Documents"); !ok {
		h.fail("at documents", "hộp Lưu không mở ở thư mục Documents")
		h.logLayer(l)
	}
	if _, ok := tr.find(l, "entry", ""); !ok {
		h.fail("name", "không có ô tên tệp")
	}
	named := false
	for _, c := range tr.in(l) {
		if c.Kind == "entry" && strings.HasPrefix(c.Text, "demo-") && strings.HasSuffix(c.Text, ".db") {
			named = true
		}
	}
	if !named {
		h.fail("name offered", "hộp Lưu không gợi ý tên bản sao lưu demo-….db")
		h.logLayer(l)
	}
	h.shot("luu-thanh-1-mo")
	box := func() control {
		for _, c := range h.last.in(l) {
			if c.Kind == "entry" && c.Placeholder == savePathHint {
				return c
			}
		}
		h.fail("path box", "không thấy ô đường dẫn của hộp Lưu")
		h.logLayer(l)
		panic(appDied{})
	}
	// The register itself: refused in Vietnamese, the dialog stays.
	h.typeInto(box, h.db, h.db)
	tr = h.key("Return")
	if _, ok := tr.find(l, "label", "Không ghi được "+h.db+": đây là sổ đang mở"); !ok {
		h.fail("register refused", "gõ đường dẫn của sổ: không thấy lời từ chối")
		h.logLayer(l)
	}
	h.shot("luu-thanh-2-so-dang-mo")
	// A Vietnamese path on the USB stick.
	h.typeInto(box, dest, dest)
	h.key("Return")
	deadline := time.Now().Add(30 * time.Second)
	for {
		tr = h.settle()
		if _, ok := tr.find(tr.Layers, "label", "Đã sao lưu vào"); ok {
			break
		}
		if time.Now().After(deadline) {
			h.fail("backup done", "không thấy Đã sao lưu vào sau 30 s")
			h.logLayer(tr.Layers)
			panic(appDied{})
		}
		time.Sleep(200 * time.Millisecond)
	}
	h.shot("luu-thanh-3-xong")
}
