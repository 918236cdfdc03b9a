package main

// The Hoạt động screen in a real window (issue 19): a branch's meeting
// recorded with the whole branch's attendance on one screen, with the
// mouse and Ctrl+S, then read back from the register.

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

func TestRealWindowActivities(t *testing.T) {
	p := buildRW(t)
	h := newRW(t, p)
	defer h.summary()
	var rows int
	h.phase("hoạt động: điểm danh cả chi đoàn", "dashboard", func() { rows = attendanceWalk(h) })
	h.stopApp()
	// The meeting saved last is the window's: Khóm 1's, every
	// member present but the second row's, absent without reason.
	st, err := store.OpenWith(h.db, store.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	ms, err := st.Meetings(ctx, store.MeetingFilter{Year: st.Today().Year()})
	if err != nil {
		t.Fatal(err)
	}
	var last store.MeetingLine
	for _, m := range ms {
		if m.ID > last.ID {
			last = m
		}
	}
	if want := (domain.AttendanceCount{Present: rows - 1, Absent: 1}); rows < 2 || last.Branch != "Chi đoàn Khóm 1" || last.Count != want || last.Date != st.Today() {
		t.Errorf("saved meeting %s of %s, %+v; want today's of Chi đoàn Khóm 1, %+v", last.Date, last.Branch, last.Count, want)
	}
}

// attendanceWalk opens the meetings tab, records a meeting of Chi đoàn
// Khóm 1 with "Tất cả có mặt" and the second member marked absent, saves
// it with Ctrl+S, and returns how many members the roll had.
func attendanceWalk(h *rw) int {
	h.show("Hoạt động")
	h.settle()
	h.click(h.must(0, "tab", "Sinh hoạt chi đoàn"))
	tr := h.click(h.must(0, "button", "Ghi buổi sinh hoạt, điểm danh"))
	if tr.Layers != 1 {
		h.fail("attendance open", "bấm Ghi buổi sinh hoạt không mở màn hình điểm danh")
		panic(appDied{})
	}
	// Khóm 1, a branch with members in every demo ward.
	h.choose(1, h.field(1, "Chi đoàn", "select"), "Chi đoàn Khóm 1")
	tr = h.click(h.must(1, "button", "Tất cả có mặt"))
	counts := func(tr uiTrace) string {
		for _, c := range tr.in(1) {
			if c.Kind == "label" && strings.Contains(c.Text, "chưa điểm danh") {
				return c.Text
			}
		}
		return ""
	}
	text := counts(tr)
	if !strings.Contains(text, "chưa điểm danh 0") {
		h.fail("all present", "sau Tất cả có mặt vẫn còn người chưa điểm danh: %q", text)
	}
	n, _ := strconv.Atoi(strings.Fields(text + " 0")[0]) // "16 đoàn viên: …"
	// The roll's rows (list items: the trace does not walk into them).
	var rows []control
	for _, c := range tr.in(1) {
		if c.Kind == "item" && c.visible() && strings.Contains(c.Text, "Vắng không lý do") {
			rows = append(rows, c)
		}
	}
	if len(rows) < 2 {
		h.fail("rows", "màn hình điểm danh có %d dòng", len(rows))
		h.logLayer(1)
		panic(appDied{})
	}
	// The second row's last choice, Vắng không lý do: the name fills the
	// row's left half, the three choices its right half side by side.
	row := rows[1]
	x := row.VX + row.VW/2 + (row.VW/2)*72/100
	h.send("mousemove", strconv.Itoa(h.winX+x), strconv.Itoa(h.winY+row.VY+row.VH/2), "click", "--delay", "0", "1")
	tr = h.settle()
	if text := counts(tr); !strings.Contains(text, "vắng không lý do 1, chưa điểm danh 0") {
		h.fail("mark absent", "bấm Vắng không lý do ở dòng 2: %q", text)
	}
	tr = h.key("ctrl+s")
	if tr.Layers != 0 {
		h.fail("attendance save", "Ctrl+S không lưu buổi sinh hoạt: %q", tr.messages())
		panic(appDied{})
	}
	return n
}
