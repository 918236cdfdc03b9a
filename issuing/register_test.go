package issuing

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/demo"
	"sodoan/internal/testtool"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// TestFromRegister generates every document from a real register (a demo
// ward), numbered by the register, and reads the files back.
func TestFromRegister(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "so.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := demo.Generate(ctx, st, demo.Options{Members: 400, Seed: 3, Year: 2025}); err != nil {
		t.Fatal(err)
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	issued := domain.MustDate(2026, 3, 5)
	signer, err := st.SignerOn(ctx, issued, false)
	if err != nil {
		t.Fatal(err)
	}
	issue := func(docType, title string) report.Meta {
		d := domain.Document{Type: docType, Title: title, Issued: issued}
		if err := st.IssueDocument(ctx, &d); err != nil {
			t.Fatal(err)
		}
		return report.Meta{Unit: unit, Number: d.Number, Date: issued, Recipients: report.DefaultRecipients(unit), Signer: signer}
	}
	number := func(n int, docType string) string {
		return "Số: " + report.Symbol(n, docType, unit.IssuerCode)
	}
	header := []string{strings.ToUpper(unit.UpperBody), strings.ToUpper(unit.Name), "ĐOÀN TNCS HỒ CHÍ MINH",
		report.DateLine(unit.Place, issued), "Nơi nhận:", "- Lưu VP.", "TM. BAN CHẤP HÀNH", "BÍ THƯ", signer.Name}

	annual, err := annualData(ctx, st, 2025, domain.Date{}, domain.Date{}, false)
	if err != nil {
		t.Fatal(err)
	}
	annual.Meta = issue(report.AnnualType, "Báo cáo năm 2025")
	annualText := []string{number(1, "BC"), "BÁO CÁO", report.AnnualSummary(annual.Plan, 2025),
		fmt.Sprintf("%s đoàn viên (nam: %s, nữ: %s)", domain.FormatInt(int64(annual.Situation.Union.Total)),
			domain.FormatInt(int64(annual.Situation.Union.Male)), domain.FormatInt(int64(annual.Situation.Union.Female)))}
	if len(annual.Results) < 15 {
		t.Fatalf("%d indicators, want the plan's 15", len(annual.Results))
	}
	for _, r := range annual.Results {
		annualText = append(annualText, r.Indicator.Code+" "+r.Indicator.Title+" "+domain.FormatValue(r.Indicator.Kind, r.Indicator.Target))
	}
	for _, c := range annual.Clubs {
		annualText = append(annualText, c.Name)
	}

	period, err := periodData(ctx, st, domain.Date{}, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	period.Meta = issue(report.AnnualType, "Sơ kết")

	members, err := memberList(ctx, st, 0, false, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	members.Meta = issue(report.ListType, "Danh sách đoàn viên")
	active := store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive}
	total, err := st.CountMembers(ctx, active)
	if err != nil {
		t.Fatal(err)
	}
	women := active
	women.Gender = domain.Female
	nWomen, err := st.CountMembers(ctx, women)
	if err != nil {
		t.Fatal(err)
	}
	first, err := st.ListMembers(ctx, store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive, Limit: 3})
	if err != nil || len(first) < 3 {
		t.Fatalf("ListMembers: %v", err)
	}
	membersText := []string{number(3, "BC"), "DANH SÁCH",
		fmt.Sprintf("Tổng cộng: %s đoàn viên (Nam: %s, Nữ: %s)", domain.FormatInt(int64(total)), domain.FormatInt(int64(total-nWomen)), domain.FormatInt(int64(nWomen)))}
	for _, p := range first {
		membersText = append(membersText, p.FullName())
	}
	for _, g := range members.Groups {
		membersText = append(membersText, fmt.Sprintf("%s (%s đoàn viên)", g.Name, domain.FormatInt(int64(g.Count))))
	}

	branches, err := st.Branches(ctx, false)
	if err != nil || len(branches) == 0 {
		t.Fatalf("Branches: %v", err)
	}
	one, err := memberList(ctx, st, branches[0].ID, true, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	one.Meta = issue(report.ListType, "Danh sách đoàn viên một chi đoàn")

	clubs, err := clubList(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	clubs.Meta = issue(report.ListType, "Câu lạc bộ")
	coops, err := coopList(ctx, st, 2025, domain.Date{})
	if err != nil {
		t.Fatal(err)
	}
	coops.Meta = issue(report.ListType, "Tổ hợp tác")
	tr, err := transferData(ctx, st, first[0].ID, "Đoàn phường Tân Quy Đông", "chuyển nơi ở", issued)
	if err != nil {
		t.Fatal(err)
	}
	recipients := tr.Recipients
	tr.Meta = issue(report.TransferType, "Giấy giới thiệu")
	tr.Recipients = recipients

	cases := []struct {
		name  string
		write func(io.Writer) error
		text  []string
	}{
		{"annual", func(w io.Writer) error { return report.WriteAnnual(w, annual) }, annualText},
		{"period", func(w io.Writer) error { return report.WritePeriod(w, period) }, []string{number(2, "BC"), report.PeriodSummary(period.Result)}},
		{"members", func(w io.Writer) error { return report.WriteMemberList(w, members) }, membersText},
		{"branch", func(w io.Writer) error { return report.WriteMemberList(w, one) }, []string{number(4, "BC"), "Đoàn viên " + report.BranchTitle(branches[0].Name),
			fmt.Sprintf("Tổng cộng: %s đoàn viên", domain.FormatInt(int64(branches[0].Members))), "Số CCCD"}},
		{"clubs", func(w io.Writer) error { return report.WriteClubs(w, clubs) }, []string{number(5, "BC"), "Câu lạc bộ và thành viên"}},
		{"coops", func(w io.Writer) error { return report.WriteCoops(w, coops) }, []string{number(6, "BC"), "Tổ hợp tác và kết quả hoạt động năm 2025"}},
		{"transfer", func(w io.Writer) error { return report.WriteTransfer(w, tr) }, []string{number(7, "GGT"), "Đồng chí: " + first[0].FullName(), "- Như trên;"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := pdfFile(t, c.name, c.write)
			raw := pdfText(t, path)
			for _, s := range append(append([]string{}, header...), c.text...) {
				if !strings.Contains(raw, spaces.ReplaceAllString(s, " ")) {
					t.Errorf("text lacks %q", s)
				}
			}
		})
	}
}

// pdfFile writes a document into a temporary file and returns its path.
func pdfFile(t *testing.T, name string, write func(io.Writer) error) string {
	t.Helper()
	return testtool.WritePDF(t, name, write)
}
