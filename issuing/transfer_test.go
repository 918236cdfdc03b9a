package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestTransferLetter is issue 16 point 9: issuing the letter records the
// transfer out, a recorded transfer can still have its letter (again),
// and the letter has Kính gửi, the offices held, the latest rating and
// the tear-off slip. A removed or aged-out member gets no letter.
func TestTransferLetter(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for key, status := range map[string]string{"R1": "đã xóa tên", "C1": "đã trưởng thành"} {
		_, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: w.people[key].ID, To: "Đoàn phường 2", Date: d(2025, 12, 1), Dir: w.dir, RecordTransfer: true})
		if err == nil || !strings.Contains(err.Error(), status) || !strings.Contains(err.Error(), "không cấp giấy giới thiệu") {
			t.Errorf("%s: %v", key, err)
		}
	}

	// E1, Ủy viên Ban Chấp hành since 01/10/2023, rated for 2024 and 2025:
	// a letter of 01/12/2025 prints 2024's rating (2025's is decided at
	// the year's end).
	e1 := w.people["E1"]
	must(w.st.SaveMemberYear(ctx, domain.MemberYear{PersonID: e1.ID, Year: 2024, Rating: "good"}))
	must(w.st.SaveMemberYear(ctx, domain.MemberYear{PersonID: e1.ID, Year: 2025, Rating: "excellent"}))

	// A letter that cannot be written records no transfer.
	if _, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: e1.ID, To: "Đoàn\x1b[2J", Date: d(2025, 12, 1), Dir: w.dir, RecordTransfer: true}); err == nil {
		t.Error("a receiving unit with a control character was accepted")
	}
	if p, _ := w.st.Person(ctx, e1.ID); p.Status != domain.StatusActive {
		t.Errorf("a refused letter left E1 %s", p.Status)
	}

	// Without RecordTransfer (the window's "no") the member stays active.
	kept, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: e1.ID, To: "Đoàn xã Tân Khánh", Date: d(2025, 11, 20), Dir: w.dir})
	must(err)
	if p, _ := w.st.Person(ctx, e1.ID); p.Status != domain.StatusActive || kept.TransferRecorded {
		t.Errorf("a letter without recording: E1 %s, recorded %v", p.Status, kept.TransferRecorded)
	}

	got, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: e1.ID, To: "Đoàn phường Tân Quy Đông", Reason: "chuyển nơi ở", Date: d(2025, 12, 1), Dir: w.dir, RecordTransfer: true})
	must(err)
	if !got.TransferRecorded || got.Symbol != "2-GGT/ĐTN" {
		t.Errorf("letter %s, recorded %v; want 2-GGT/ĐTN recorded", got.Symbol, got.TransferRecorded)
	}
	p, err := w.st.Person(ctx, e1.ID)
	must(err)
	events, err := w.st.Events(ctx, e1.ID)
	must(err)
	last := events[len(events)-1]
	if p.Status != domain.StatusTransferred || last.Kind != domain.EventTransferOut || last.Date != d(2025, 12, 1) || last.Unit != "Đoàn phường Tân Quy Đông" {
		t.Errorf("after the letter: status %s, last event %+v", p.Status, last)
	}
	text := pdfText(t, got.Path)
	inOrder(t, "transfer letter", text,
		"Số: 2-GGT/ĐTN", "GIẤY GIỚI THIỆU", "Kính gửi: Đoàn phường Tân Quy Đông",
		"Đồng chí: "+e1.FullName(), "Chức vụ: Ủy viên Ban Chấp hành",
		"Xếp loại đoàn viên năm 2024: Hoàn thành tốt nhiệm vụ",
		"Được chuyển sinh hoạt Đoàn đến: Đoàn phường Tân Quy Đông.", "Lý do: chuyển nơi ở.",
		"Nơi nhận:", "- Như trên;", "- Lưu VP.",
		"PHIẾU BÁO TIẾP NHẬN SINH HOẠT ĐOÀN", "Kính gửi: Ban Chấp hành Đoàn phường Hòa Mẫu",
		"theo Giấy giới thiệu số 2-GGT/ĐTN ngày 01/12/2025", "TM. BAN CHẤP HÀNH")
	if strings.Contains(text, "năm 2025: Hoàn thành xuất sắc") {
		t.Error("the letter of 01/12/2025 prints the 2025 rating")
	}

	// The transfer is recorded: the letter can be issued again (to the
	// recorded unit when none is named), keeping its number.
	again, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: e1.ID, Date: d(2025, 12, 3), Dir: w.dir, RecordTransfer: true})
	must(err)
	if again.Symbol != "2-GGT/ĐTN" || !again.Kept || again.TransferRecorded {
		t.Errorf("reissue: %s kept %v recorded %v, want 2-GGT/ĐTN kept, nothing recorded again", again.Symbol, again.Kept, again.TransferRecorded)
	}
	contains(t, "reissued letter", pdfText(t, again.Path), "Kính gửi: Đoàn phường Tân Quy Đông")
	if events2, _ := w.st.Events(ctx, e1.ID); len(events2) != len(events) {
		t.Errorf("the reissue recorded another event: %d, want %d", len(events2), len(events))
	}
	// T1, whose transfer was recorded by hand in April, gets a letter too.
	t1, err := Issue(ctx, w.st, Request{Kind: Transfer, MemberID: w.people["T1"].ID, Date: d(2025, 12, 5), Dir: w.dir})
	must(err)
	contains(t, "letter of a recorded transfer", pdfText(t, t1.Path), "Kính gửi: Đoàn phường Tân Mẫu", "Giấy giới thiệu số 3-GGT/ĐTN ngày 05/12/2025")
}
