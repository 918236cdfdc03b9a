package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
)

// ClubList is the content of the list of clubs and their members.
type ClubList struct {
	Meta
	Clubs []domain.Club
}

// WriteClubs writes the clubs (DANH SÁCH câu lạc bộ): a summary table,
// then each club's members.
func WriteClubs(w io.Writer, c *ClubList) error {
	d := newDoc(c.settings(), false)
	d.header(&c.Meta, ListType)
	d.title("Danh sách", "Câu lạc bộ và thành viên")
	d.tableHeading("I/. CÁC CÂU LẠC BỘ")
	d.clubTable(c.Clubs)
	if len(c.Clubs) > 0 {
		d.tableHeading("II/. THÀNH VIÊN CÁC CÂU LẠC BỘ")
		t := d.newTable(groupMemberColumns(), d.set.TableSize)
		for i, club := range c.Clubs {
			t.span("B", fmt.Sprintf("%d. %s (%d thành viên)", i+1, nfc(club.Name), len(club.Members)))
			groupMemberRows(t, club.Members, lastClosing(d, &c.Meta, i, len(c.Clubs)))
		}
	}
	members := 0
	for _, club := range c.Clubs {
		members += len(club.Members)
	}
	// The total stays on the signature's page: a signature never stands
	// alone on a page.
	// One person may belong to several clubs: the total counts
	// memberships, and says so.
	d.lastParagraph(&c.Meta, true, fmt.Sprintf("Tổng cộng: %d câu lạc bộ, %d lượt thành viên.", len(c.Clubs), members), "B", 0, "L")
	d.closing(&c.Meta, true)
	return d.finish(w)
}

// CoopList is the content of the list of cooperative groups with their
// results of a year.
type CoopList struct {
	Meta
	Year  int
	Coops []domain.Coop
	Years []domain.CoopYear // the year's results (by CoopID)
}

// WriteCoops writes the cooperative groups (DANH SÁCH tổ hợp tác) with the
// year's results: founding, legal basis, capital, revenue, income, the
// Union's support; then each group's members. Landscape: the results
// table is wide.
func WriteCoops(w io.Writer, c *CoopList) error {
	d := newDoc(c.settings(), true)
	d.header(&c.Meta, ListType)
	d.title("Danh sách", fmt.Sprintf("Tổ hợp tác và kết quả hoạt động năm %d", c.Year))
	d.tableHeading("I/. KẾT QUẢ HOẠT ĐỘNG NĂM " + strconv.Itoa(c.Year))
	if len(c.Coops) == 0 {
		d.paragraph("Chưa có tổ hợp tác.")
	} else {
		byID := make(map[int64]domain.CoopYear, len(c.Years))
		for _, y := range c.Years {
			byID[y.CoopID] = y
		}
		t := d.newTable([]Column{
			{Title: "STT", Width: 9, Align: "C"},
			{Title: "Tên tổ hợp tác", Width: 36},
			{Title: "Lĩnh vực", Width: 22},
			{Title: "Ngày thành lập", Width: 20, Align: "C"},
			{Title: "Căn cứ pháp lý", Width: 26, Align: "C"},
			{Title: "Thành viên", Width: 14, Align: "C"},
			{Title: "Vốn (đồng)", Width: 24, Align: "R"},
			{Title: "Doanh thu (đồng)", Width: 26, Align: "R"},
			{Title: "Thu nhập bình quân (đồng/ người/tháng)", Width: 24, Align: "R"},
			{Title: "Hỗ trợ của Đoàn", Width: 38},
		}, d.set.TableSize)
		var capital, revenue int64
		for i, co := range c.Coops {
			y, ok := byID[co.ID]
			capital += co.Capital
			revenue += y.Revenue
			support := supportCell(y, c.Year)
			// Results not reported by the list's date: a dash, not 0.
			rev, income := domain.FormatInt(y.Revenue), domain.FormatInt(y.AvgIncome)
			if !ok {
				rev, income = "—", "—"
			}
			t.row("", strconv.Itoa(i+1), nfc(co.Name), nfc(co.Field), co.Founded.String(), legalBasis(co.LegalBasis),
				strconv.Itoa(len(co.Members)), domain.FormatInt(co.Capital), rev, income, support)
		}
		t.row("B", "", "Cộng", "", "", "", "", domain.FormatInt(capital), domain.FormatInt(revenue), "", "")

		d.tableHeading("II/. THÀNH VIÊN CÁC TỔ HỢP TÁC")
		t = d.newTable(groupMemberColumns(), d.set.TableSize)
		for i, co := range c.Coops {
			t.span("B", fmt.Sprintf("%d. %s (%d thành viên)", i+1, nfc(co.Name), len(co.Members)))
			groupMemberRows(t, co.Members, lastClosing(d, &c.Meta, i, len(c.Coops)))
		}
	}
	members := 0
	for _, co := range c.Coops {
		members += len(co.Members)
	}
	d.lastParagraph(&c.Meta, true, fmt.Sprintf("Tổng cộng: %d tổ hợp tác, %d lượt thành viên.", len(c.Coops), members), "B", 0, "L")
	d.closing(&c.Meta, true)
	return d.finish(w)
}

func legalBasis(code string) string {
	for _, c := range domain.LegalBases {
		if c.Code == code {
			return c.Label
		}
	}
	return nfc(code)
}

func groupMemberColumns() []Column {
	return []Column{
		{Title: "STT", Width: 10, Align: "C"},
		{Title: "Họ và tên", Width: 58},
		{Title: "Vai trò", Width: 34},
		{Title: "Ghi chú", Width: 58},
	}
}

// groupMemberRows writes a club's or group's members; people who are not
// in the register are marked, since they are not counted as members of
// the Union.
func groupMemberRows(t *table, members []domain.GroupMember, closing float64) {
	if len(members) == 0 {
		if closing > 0 {
			t.keepTail(0, closing)
		}
		t.row("", "", "(chưa có thành viên)", "", "")
		return
	}
	for i, m := range members {
		if closing > 0 {
			// The last group's last rows stay with the total and the
			// signature.
			t.keepTail(len(members)-1-i, closing)
		}
		note := ""
		if m.PersonID == 0 {
			note = "Không sinh hoạt tại đơn vị"
		}
		t.row("", strconv.Itoa(i+1), nfc(m.Name), nfc(m.Role), note)
	}
}

// lastClosing is the closing's room for the last of n groups, zero for
// the others.
func lastClosing(d *doc, m *Meta, i, n int) float64 {
	if i != n-1 {
		return 0
	}
	return d.listClosing(m)
}

// supportCell is what the Union gave a group in the year, in a few words:
// the model the Union supported is marked in front of what was given,
// not by a sentence appended to it.
func supportCell(y domain.CoopYear, year int) string {
	support := strings.TrimSpace(nfc(y.Support))
	switch {
	case !y.SupportedModel:
		return support
	case support == "":
		return fmt.Sprintf("Mô hình Đoàn hỗ trợ năm %d", year)
	}
	// "Hỗ trợ vay vốn…" → "Mô hình Đoàn hỗ trợ: vay vốn…".
	if rest, ok := strings.CutPrefix(lowerFirst(support), "hỗ trợ "); ok {
		support = rest
	}
	return "Mô hình Đoàn hỗ trợ: " + lowerFirst(support)
}
