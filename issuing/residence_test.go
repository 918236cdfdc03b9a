package issuing

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"
)

// TestResidenceLetter: the letter of an "out" record is numbered in the
// outgoing register (GGT, the year's first: 1-GGT/ĐTN), reads back with
// the member, the Union of the residence, the span and the tear-off slip,
// and its number and date go onto the record; issued again it keeps its
// number. A received member's record gets no letter from us, and a draft
// records nothing.
func TestResidenceLetter(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.on(d(2025, 9, 20))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	e1 := w.people["E1"] // Võ Thị Mai Anh, 05/05/1999, Chi đoàn Khóm 1
	out := &domain.Residence{Kind: domain.ResidenceOut, PersonID: e1.ID, Place: "Đoàn phường An Khánh, TP Cần Thơ",
		Address: "12 Nguyễn Văn Cừ, phường An Khánh", From: d(2025, 9, 15), Note: "làm việc tại khu công nghiệp"}
	must(w.st.SaveResidence(ctx, out))
	in := &domain.Residence{Kind: domain.ResidenceIn, BranchID: w.branch["B1"], FamilyName: "Lê", GivenName: "Tâm", BirthDate: d(2003, 2, 1),
		Place: "Đoàn xã Tân Phú", From: d(2025, 9, 1)}
	must(w.st.SaveResidence(ctx, in))

	if _, err := Issue(ctx, w.st, Request{Kind: Residence, ResidenceID: in.ID, Date: d(2025, 9, 20), Dir: w.dir}); err == nil ||
		!strings.Contains(err.Error(), "tiếp nhận đoàn viên đơn vị khác") {
		t.Errorf("a letter for a received member: %v", err)
	}
	draft, err := Issue(ctx, w.st, Request{Kind: Residence, ResidenceID: out.ID, Date: d(2025, 9, 20), Dir: w.dir, Draft: true})
	must(err)
	if r, _ := w.st.ResidenceByID(ctx, out.ID); r.LetterNumber != "" || draft.Symbol != "" {
		t.Errorf("a draft recorded letter %q (symbol %q)", r.LetterNumber, draft.Symbol)
	}

	got, err := Issue(ctx, w.st, Request{Kind: Residence, ResidenceID: out.ID, Date: d(2025, 9, 20), Dir: w.dir})
	must(err)
	if got.Symbol != "1-GGT/ĐTN" {
		t.Errorf("the letter is %s, want 1-GGT/ĐTN (the year's first letter)", got.Symbol)
	}
	r, err := w.st.ResidenceByID(ctx, out.ID)
	must(err)
	if r.LetterNumber != "1-GGT/ĐTN" || r.LetterDate != d(2025, 9, 20) {
		t.Errorf("the record keeps letter %q of %s, want 1-GGT/ĐTN of 20/09/2025", r.LetterNumber, r.LetterDate)
	}
	text := pdfText(t, got.Path)
	inOrder(t, "letter", text,
		"Số: 1-GGT/ĐTN", "GIẤY GIỚI THIỆU", "Sinh hoạt đoàn viên nơi cư trú",
		"Kính gửi: Ban Chấp hành Đoàn phường An Khánh, TP Cần Thơ",
		"Đồng chí: Võ Thị Mai Anh", "Giới tính: Nữ", "Sinh ngày: 05/05/1999", "Đang sinh hoạt tại: Chi đoàn Khóm 1",
		"Nơi cư trú: 12 Nguyễn Văn Cừ, phường An Khánh", "từ ngày 15/09/2025", "Lý do: làm việc tại khu công nghiệp.",
		"vẫn sinh hoạt, đóng đoàn phí", "Nơi nhận", "Như trên", "Chi đoàn Khóm 1 (để theo dõi)",
		"PHIẾU NHẬN XÉT ĐOÀN VIÊN SINH HOẠT NƠI CƯ TRÚ", "Giấy giới thiệu số 1-GGT/ĐTN ngày 20/09/2025")

	again, err := Issue(ctx, w.st, Request{Kind: Residence, ResidenceID: out.ID, Date: d(2025, 9, 20), Dir: w.dir})
	must(err)
	if again.Symbol != "1-GGT/ĐTN" || !again.Kept {
		t.Errorf("issued again: %s (kept %v), want the same number kept", again.Symbol, again.Kept)
	}
	// Ended on 30/09/2025: a letter of 01/10/2025 introduces no one.
	w.on(d(2025, 10, 1))
	must(w.st.EndResidence(ctx, out.ID, d(2025, 9, 30)))
	if _, err := Issue(ctx, w.st, Request{Kind: Residence, ResidenceID: out.ID, Date: d(2025, 10, 1), Dir: w.dir}); err == nil ||
		!strings.Contains(err.Error(), "sau ngày kết thúc sinh hoạt nơi cư trú 30/09/2025") {
		t.Errorf("a letter after the stay ended: %v", err)
	}
}

// TestBookResidenceEmpty: a branch without residence records in the year
// says so in one line in tables 2 and 3; the sổ trắng keeps its ruled
// rows there.
func TestBookResidenceEmpty(t *testing.T) {
	ctx := context.Background()
	w := buildWard(t)
	w.on(d(2026, 1, 10))
	path, err := IssueBook(ctx, w.st, BookRequest{BranchID: w.branch["B1"], Year: 2025, Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	inOrder(t, "book", pdfText(t, path),
		"2. GIỚI THIỆU ĐOÀN VIÊN SINH HOẠT TẠI NƠI CƯ TRÚ", "Không có đoàn viên được giới thiệu sinh hoạt tại nơi cư trú trong năm 2025.",
		"3. TIẾP NHẬN ĐOÀN VIÊN ĐẾN SINH HOẠT TẠI NƠI CƯ TRÚ", "Không có đoàn viên đến sinh hoạt tại nơi cư trú trong năm 2025.",
		"4. THEO DÕI THU ĐOÀN PHÍ")
	blank, err := IssueBook(ctx, w.st, BookRequest{Year: 2025, Blank: true, Dir: w.dir})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, blank)
	sec := text[strings.Index(text, "2. GIỚI THIỆU"):strings.Index(text, "3. TIẾP NHẬN")]
	if !strings.Contains(sec, "Nơi cư trú được giới thiệu đến") || !strings.Contains(sec, "Từ ngày") || !strings.Contains(sec, " 9 10 ") && !strings.Contains(sec, "9\n10") {
		t.Errorf("the blank book's table 2 has no columns or numbered rows: %.400s", sec)
	}
}
