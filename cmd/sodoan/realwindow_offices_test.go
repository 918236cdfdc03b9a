package main

// A ward's sheet with a Chức vụ column imported in the real window
// (issue 17, finding 1: 77 offices were dropped without a word): Nhập từ
// Excel, the file's path typed in the Open dialog's path box, the
// preview saying which offices it records and from which day, the
// import; then the register holds each office from that day.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

func TestRealWindowImportOffices(t *testing.T) {
	p := buildRW(t)
	h := newRW(t, p)
	defer h.summary()
	// Two new people, one with a branch office, one an ordinary member
	// (the demo ward has a Chi đoàn Khóm 1).
	sheet := filepath.Join(h.dir, "chuc-vu.csv")
	content := "STT;Họ và tên;Giới tính;Ngày sinh;Ngày vào Đoàn;Chi đoàn;Chức vụ\n" +
		"1;Hồ Văn Mới;Nam;2/9/1998;26/3/2014;Khóm 1;Phó Bí thư chi đoàn\n" +
		"2;Lý Thị Thu;Nữ;03/02/1999;26/03/2015;Khóm 1;Đoàn viên\n"
	if err := os.WriteFile(sheet, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	var from string
	h.phase("nhập danh sách có cột Chức vụ", "members", func() {
		h.show("Đoàn viên")
		tr := h.click(h.must(0, "button", "Nhập từ Excel"))
		if tr.Layers != 1 {
			h.fail("open dialog", "bấm Nhập từ Excel không mở hộp chọn tệp")
			panic(appDied{})
		}
		path := func() control { return h.field(1, "Đường dẫn", "entry") }
		h.typeInto(path, sheet, sheet)
		tr = h.key("Return")
		// The preview: its line about the Chức vụ column and the day.
		found := false
		for end := 0; end < 100 && !found; end++ {
			for _, c := range tr.in(tr.Layers) {
				if c.Kind == "label" && strings.HasPrefix(c.Text, "Cột Chức vụ: ghi 1 chức vụ của 1 người") {
					found = true
				}
			}
			if !found {
				tr = h.settle()
			}
		}
		if !found {
			h.fail("offices line", "bản xem trước không nói cột Chức vụ sẽ ghi gì")
			h.logLayer(tr.Layers)
			panic(appDied{})
		}
		l := tr.Layers // the preview, over the screen
		from = h.field(l, "Cột Chức vụ: ghi 1 chức vụ của 1 người, từ ngày", "entry").Text
		h.shot("import-offices-preview")
		tr = h.click(h.must(l, "button", "Nhập 2 người mới"))
		// The import runs off the UI goroutine; its result is a message.
		said := func(tr uiTrace) bool {
			for _, c := range tr.Controls {
				if c.Kind == "label" && strings.HasPrefix(c.Text, "Đã nhập ") {
					return true
				}
			}
			return false
		}
		for i := 0; i < 100 && !said(tr); i++ {
			tr = h.settle()
		}
		if !said(tr) {
			h.fail("import result", "không thấy kết quả nhập")
			h.logLayer(tr.Layers)
		}
		h.shot("import-offices-done")
	})
	h.stopApp()

	// The register: Hồ Văn Mới is Phó Bí thư of Khóm 1 from the day the
	// preview offered (the term's first, or his admission if later); Lý
	// Thị Thu holds nothing.
	st, err := store.OpenWith(h.db, store.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	day, err := domain.ParseDate(from)
	if err != nil {
		t.Fatalf("the preview's day %q: %v", from, err)
	}
	for _, tc := range []struct {
		name string
		want []domain.PositionKind
	}{{"Hồ Văn Mới", []domain.PositionKind{"branch_deputy"}}, {"Lý Thị Thu", nil}} {
		ps, err := st.ListMembers(ctx, store.MemberFilter{Query: tc.name})
		if err != nil || len(ps) != 1 {
			t.Fatalf("%s imported: %d people, %v", tc.name, len(ps), err)
		}
		pos, err := st.Positions(ctx, ps[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []domain.PositionKind
		for _, p := range pos {
			got = append(got, p.Kind)
			if p.Start != day {
				t.Errorf("%s: %s from %s, want %s", tc.name, p.Kind.Label(), p.Start, day)
			}
		}
		if strings.Join(kinds(got), ",") != strings.Join(kinds(tc.want), ",") {
			t.Errorf("%s holds %v, want %v", tc.name, got, tc.want)
		}
	}
}

func kinds(ks []domain.PositionKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}
