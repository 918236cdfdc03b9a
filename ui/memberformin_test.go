package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// formMsg is the message under the form's field name ("" when none).
func formMsg(fm *form, name string) string {
	for _, fd := range fm.fields {
		if fd.name == name {
			return fd.err.msg()
		}
	}
	return "field " + name + " not on the form"
}

// The add form enters a newcomer who transfers in: refused, with the
// messages under the fields and nothing written, without the original
// admission date and unit, or with an admission after the transfer; saved
// through AddTransferIn, she keeps her admission date and card, has a
// transfer in and no admission, and the list shows her original date.
func TestAddFormTransferIn(t *testing.T) {
	f := newFixture(t, "members")
	m := f.members()
	f.waitFor("list", func() bool { return m.total == len(testNames) })
	ctx := context.Background()

	mf := f.app.editor.edit(&domain.Person{UnionMember: true}, m.showSaved)
	if mf.in == nil || mf.in.detail.Visible() {
		t.Fatal("the add form has no Vào sổ do, or shows the transfer's fields for an admission")
	}
	mf.entry("FamilyName").SetText("Hà")
	mf.entry("MiddleName").SetText("Thị")
	mf.entry("GivenName").SetText("Xuân")
	mf.choice("Gender").setCode(string(domain.Female))
	mf.entry("BirthDate").SetText("08/08/2000")
	mf.in.kind.SetSelected("Chuyển đến từ đơn vị khác") // as a click does
	if !mf.in.detail.Visible() {
		t.Fatal("a transfer in does not show its date and unit")
	}
	mf.in.date.SetText("01/07/2026")

	f.app.shortcutSave()
	if len(f.app.dialogs) != 1 {
		t.Fatal("the form closed without the original admission date and the unit")
	}
	if msg := formMsg(&mf.form, "AdmissionDate"); msg != "không được để trống: ghi ngày Hà Thị Xuân được kết nạp ở đơn vị cũ (theo thẻ, sổ đoàn viên)" {
		t.Errorf("under Ngày vào Đoàn: %q", msg)
	}
	if msg := formMsg(&mf.form, "TransferUnit"); msg != "không được để trống" {
		t.Errorf("under Từ đơn vị: %q", msg)
	}

	mf.entry("AdmissionDate").SetText("26/03/2027")
	mf.in.unit.SetText("Đoàn xã Mỹ Sen")
	f.app.shortcutSave()
	// 26/03/2027 is both in the future and after the transfer: the
	// transfer's message, the one that says what is wrong here, is shown.
	if msg := formMsg(&mf.form, "AdmissionDate"); msg != "26/03/2027 sau ngày chuyển đến 01/07/2026" {
		t.Errorf("an admission after the transfer: under Ngày vào Đoàn %q", msg)
	}
	if n, _ := f.st.CountMembers(ctx, store.MemberFilter{}); n != len(testNames) {
		t.Fatalf("a refused form wrote: %d people, want %d", n, len(testNames))
	}

	mf.entry("AdmissionDate").SetText("26/03/2019")
	mf.entry("CardNumber").SetText("0871999001")
	f.app.shortcutSave()
	if len(f.app.dialogs) != 0 {
		t.Fatalf("the form stayed open: %q %q", mf.form.other.msg(), formMsg(&mf.form, "AdmissionDate"))
	}
	found, err := f.st.Search(ctx, "Hà Thị Xuân", 5)
	if err != nil || len(found) != 1 {
		t.Fatalf("search: %v %v", found, err)
	}
	p := found[0]
	if p.AdmissionDate != domain.MustDate(2019, 3, 26) || p.CardNumber != "0871999001" || !p.UnionMember || p.Status != domain.StatusActive {
		t.Errorf("saved admission %s, card %q, union %v, status %q", p.AdmissionDate, p.CardNumber, p.UnionMember, p.Status)
	}
	events, err := f.st.Events(ctx, p.ID)
	if err != nil || len(events) != 1 {
		t.Fatalf("events %v %v, want one transfer in", events, err)
	}
	if e := events[0]; e.Kind != domain.EventTransferIn || e.Date != domain.MustDate(2026, 7, 1) || e.Unit != "Đoàn xã Mỹ Sen" || e.Admitted != domain.MustDate(2019, 3, 26) {
		t.Errorf("event %+v", e)
	}

	// The list (11 đoàn viên now) shows her with 26/03/2019 as Ngày vào Đoàn.
	f.waitFor("list with the newcomer", func() bool { return m.total == len(testNames)+1 && len(m.pages[0]) == m.total })
	col := slices.IndexFunc(m.cols, func(c memberColumn) bool { return c.sort == store.SortAdmission })
	row := slices.Index(shown(m), "Hà Thị Xuân")
	if col < 0 || row < 0 {
		t.Fatalf("column %d, row %d", col, row)
	}
	if got := m.cols[col].text(m.row(row), row); got != "26/03/2019" {
		t.Errorf("the list shows Ngày vào Đoàn %q, want 26/03/2019", got)
	}
}

// The Hội viên screen counts the hội viên of today by the dated
// definition, offers the former ones and everyone who ever joined, and
// its count says which.
func TestFederationScreenCountsToday(t *testing.T) {
	f := newFixture(t, "members")
	ctx := context.Background()
	d := domain.MustDate
	// Five hội viên (besides the fixture's ten đoàn viên, none in the Hội):
	//   Khánh  joined 01/05/2019, open             → now
	//   Lộc    joined 01/05/2020, ended 01/06/2026 → former (transfer)
	//   Minh   joined 01/05/2021, ended 01/03/2025 → former (removal)
	//   Nga    joined 01/05/2022, open             → now
	//   Oanh   joined 01/05/2023, open             → now
	// Today: 3 hội viên; 2 former; 5 ever joined (what the screen used to count).
	// Branch Khóm 1: Khánh, Lộc, Nga → 2 of the 3 of today.
	type hv struct {
		given  string
		joined domain.Date
		end    domain.Date
		reason domain.FederationEndReason
		branch int
	}
	for _, h := range []hv{
		{"Khánh", d(2019, 5, 1), domain.Date{}, "", 0},
		{"Lộc", d(2020, 5, 1), d(2026, 6, 1), domain.FederationEndTransfer, 0},
		{"Minh", d(2021, 5, 1), d(2025, 3, 1), domain.FederationEndRemoval, 1},
		{"Nga", d(2022, 5, 1), domain.Date{}, "", 0},
		{"Oanh", d(2023, 5, 1), domain.Date{}, "", 1},
	} {
		p := &domain.Person{FamilyName: "Trương", MiddleName: "Văn", GivenName: h.given, Gender: domain.Male, BirthDate: d(2000, 2, 2),
			Ethnicity: "Kinh", FederationMember: true, FederationDate: h.joined, BranchID: f.br[h.branch]}
		if err := f.st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if !h.end.IsZero() {
			if err := f.st.EndFederation(ctx, p.ID, h.end, h.reason); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.app.goTo("federation")
	m := f.app.screens["federation"].(*membersScreen)
	today := m.clock.today().String()
	f.waitFor("hội viên of today", func() bool { return m.counted && m.total == 3 && m.all == 3 && len(m.pages[0]) == 3 })
	if got, want := m.count.Text, "Hiển thị 3 / 3 hội viên ngày "+today; got != want {
		t.Errorf("count %q, want %q", got, want)
	}
	if got := strings.Join(shown(m), ", "); got != "Trương Văn Khánh, Trương Văn Nga, Trương Văn Oanh" {
		t.Errorf("shown %q", got)
	}
	if got := fedStatus(m.row(0)); got != "Đang sinh hoạt Hội" {
		t.Errorf("status column %q", got)
	}

	m.branchSel.SetSelectedIndex(1) // Chi đoàn Khóm 1
	f.waitFor("one branch", func() bool { return m.counted && m.total == 2 && len(m.pages[0]) == 2 })
	if got, want := m.count.Text, "Hiển thị 2 / 3 hội viên ngày "+today; got != want {
		t.Errorf("count %q, want %q", got, want)
	}
	m.branchSel.SetSelectedIndex(0)

	m.fedSel.SetSelected("Đã thôi sinh hoạt Hội")
	f.waitFor("former", func() bool { return m.counted && m.total == 2 && m.all == 2 && len(m.pages[0]) == 2 })
	if got, want := m.count.Text, "Hiển thị 2 / 2 người đã thôi sinh hoạt Hội (đến ngày "+today+")"; got != want {
		t.Errorf("count %q, want %q", got, want)
	}
	if got := fedStatus(m.row(0)); got != "Thôi từ 01/06/2026" {
		t.Errorf("status of Lộc %q", got)
	}

	m.fedSel.SetSelected("Mọi người từng vào Hội")
	f.waitFor("ever", func() bool { return m.counted && m.total == 5 && m.all == 5 })
	if got := m.count.Text; got != "Hiển thị 5 / 5 người từng vào Hội" {
		t.Errorf("count %q", got)
	}
}
