package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/store"
)

// Annual is the content of the annual report on a plan.
type Annual struct {
	Meta
	Year      int
	Plan      store.Plan      // its Number and Title name the report
	Situation store.Situation // part I
	Results   []store.Result  // part II, one per indicator, in plan order
	Clubs     []store.Club    // part III
	Coops     []store.Coop
	CoopYears []store.CoopYear // the year's results of the groups (by CoopID)
	Ward      store.WardYear   // part IV: the secretary's texts
}

// AnnualType is the type code of the annual report in the register.
const AnnualType = "BC"

// AnnualSummary is the line under BÁO CÁO.
func AnnualSummary(plan store.Plan, year int) string {
	return fmt.Sprintf("Kết quả thực hiện Kế hoạch số %s năm %d", nfc(plan.Number), year)
}

// WriteAnnual writes the annual report (BÁO CÁO) on the plan: I. the
// situation of the organisation, II. every indicator with its target,
// result and assessment, III. clubs and cooperative groups, IV. the
// secretary's assessment, then recipients and signature.
func WriteAnnual(w io.Writer, a *Annual) error {
	d := newDoc(a.settings(), false)
	d.header(&a.Meta, AnnualType)
	d.title("Báo cáo", AnnualSummary(a.Plan, a.Year))

	unit := unitShort(a.Unit)
	d.paragraph(fmt.Sprintf("Thực hiện Kế hoạch số %s về %s, Ban Chấp hành %s báo cáo kết quả thực hiện năm %d như sau:",
		a.Plan.Number, lowerFirst(a.Plan.Title), unit, a.Year))

	d.heading("I/. TÌNH HÌNH CHUNG")
	d.situation(&a.Situation)

	d.heading("II/. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
	d.paragraph(fmt.Sprintf("Kết quả thực hiện các chỉ tiêu của Kế hoạch số %s trong năm %d:", a.Plan.Number, a.Year))
	d.resultTable(a.Results)

	d.heading("III/. CÂU LẠC BỘ, TỔ HỢP TÁC")
	d.subheading("1/. Các câu lạc bộ")
	d.clubTable(a.Clubs)
	d.subheading("2/. Các tổ hợp tác")
	d.coopTable(a.Coops, a.CoopYears, a.Year)

	d.heading("IV/. ĐÁNH GIÁ CHUNG")
	d.subheading("1/. Ưu điểm")
	d.texts(a.Ward.Achievements)
	d.subheading("2/. Hạn chế")
	d.texts(a.Ward.Shortcomings)
	d.subheading("3/. Phương hướng, nhiệm vụ năm " + strconv.Itoa(a.Year+1))
	d.texts(a.Ward.NextSteps)

	d.lastParagraph(&a.Meta, false, fmt.Sprintf("Trên đây là báo cáo kết quả thực hiện Kế hoạch số %s năm %d của Ban Chấp hành %s./.",
		a.Plan.Number, a.Year, unit), "", d.set.FirstLineIndent, "J")
	d.closing(&a.Meta, false)
	return d.finish(w)
}

// situation writes part I: organisation, members, movements.
func (d *doc) situation(s *store.Situation) {
	var kinds []string
	for _, t := range s.BranchesByKind {
		if t.Total > 0 {
			kinds = append(kinds, fmt.Sprintf("%s chi đoàn %s", store.FormatInt(int64(t.Total)), strings.ToLower(t.Label)))
		}
	}
	text := fmt.Sprintf("Tính đến ngày %s, toàn Đoàn có %s chi đoàn", s.AsOf, store.FormatInt(int64(s.Branches)))
	if len(kinds) > 0 {
		text += " (" + strings.Join(kinds, "; ") + ")"
	}
	text += fmt.Sprintf("; %s đoàn viên (nam: %s, nữ: %s) và %s hội viên (nam: %s, nữ: %s).",
		store.FormatInt(int64(s.Union.Total)), store.FormatInt(int64(s.Union.Male)), store.FormatInt(int64(s.Union.Female)),
		store.FormatInt(int64(s.Federation.Total)), store.FormatInt(int64(s.Federation.Male)), store.FormatInt(int64(s.Federation.Female)))
	d.paragraph(text)

	d.paragraph("Đoàn viên theo loại hình chi đoàn:")
	t := d.newTable([]Column{
		{Title: "Loại hình chi đoàn", Width: 50},
		{Title: "Số chi đoàn", Width: 18, Align: "C"},
		{Title: "Tổng số", Width: 18, Align: "C", Group: "Đoàn viên"},
		{Title: "Nam", Width: 18, Align: "C", Group: "Đoàn viên"},
		{Title: "Nữ", Width: 18, Align: "C", Group: "Đoàn viên"},
	}, d.set.TableSize)
	for _, k := range s.UnionByKind {
		branches := 0
		for _, b := range s.BranchesByKind {
			if b.Code == k.Code {
				branches = b.Total
			}
		}
		if k.Total == 0 && branches == 0 {
			continue
		}
		t.row("", nfc(k.Label), strconv.Itoa(branches), store.FormatInt(int64(k.Total)), store.FormatInt(int64(k.Male)), store.FormatInt(int64(k.Female)))
	}
	t.row("B", "Cộng", strconv.Itoa(s.Branches), store.FormatInt(int64(s.Union.Total)), store.FormatInt(int64(s.Union.Male)), store.FormatInt(int64(s.Union.Female)))

	d.paragraph("Đoàn viên, hội viên theo nhóm đối tượng:")
	t = d.newTable([]Column{
		{Title: "Nhóm đối tượng", Width: 50},
		{Title: "Tổng số", Width: 15, Align: "C", Group: "Đoàn viên"},
		{Title: "Nữ", Width: 15, Align: "C", Group: "Đoàn viên"},
		{Title: "Tổng số", Width: 15, Align: "C", Group: "Hội viên"},
		{Title: "Nữ", Width: 15, Align: "C", Group: "Hội viên"},
	}, d.set.TableSize)
	for i, u := range s.UnionByOccupation {
		var f store.Tally
		if i < len(s.FederationByOccupation) {
			f = s.FederationByOccupation[i]
		}
		if u.Total == 0 && f.Total == 0 {
			continue
		}
		t.row("", nfc(u.Label), store.FormatInt(int64(u.Total)), store.FormatInt(int64(u.Female)), store.FormatInt(int64(f.Total)), store.FormatInt(int64(f.Female)))
	}
	t.row("B", "Cộng", store.FormatInt(int64(s.Union.Total)), store.FormatInt(int64(s.Union.Female)),
		store.FormatInt(int64(s.Federation.Total)), store.FormatInt(int64(s.Federation.Female)))

	d.paragraph(fmt.Sprintf("Trong năm %d: kết nạp %s đoàn viên mới; tiếp nhận %s đoàn viên chuyển sinh hoạt đến; "+
		"%s đoàn viên chuyển sinh hoạt đi; %s đoàn viên trưởng thành Đoàn; xóa tên %s đoàn viên; phát triển %s hội viên mới.",
		s.Year, store.FormatInt(int64(s.Admissions)), store.FormatInt(int64(s.TransfersIn)), store.FormatInt(int64(s.TransfersOut)),
		store.FormatInt(int64(s.ComingOfAge)), store.FormatInt(int64(s.Removals)), store.FormatInt(int64(s.NewFederation))))
}

// resultTable writes every indicator: code, content, target, result (with
// how it was computed) and whether it was met.
func (d *doc) resultTable(results []store.Result) {
	t := d.newTable([]Column{
		{Title: "Chỉ tiêu", Width: 14, Align: "C"},
		{Title: "Nội dung", Width: 62},
		{Title: "Mục tiêu", Width: 20, Align: "C"},
		{Title: "Kết quả", Width: 27, Align: "C"},
		{Title: "Đánh giá", Width: 18, Align: "C"},
	}, d.set.TableSize)
	for _, r := range results {
		in := r.Indicator
		target := store.FormatValue(in.Kind, in.Target)
		if in.Period {
			target += " (cả giai đoạn)"
		}
		result := "—"
		if r.Known {
			result = store.FormatValue(in.Kind, r.Actual)
			if r.Detail != "" {
				result += " (" + nfc(r.Detail) + ")"
			}
		}
		t.row("", nfc(in.Code), nfc(in.Title), target, result, verdict(r))
	}
}

// clubTable lists the clubs: name, kind, leader, members, founding date.
func (d *doc) clubTable(clubs []store.Club) {
	if len(clubs) == 0 {
		d.paragraph("Chưa có câu lạc bộ.")
		return
	}
	t := d.newTable([]Column{
		{Title: "STT", Width: 9, Align: "C"},
		{Title: "Tên câu lạc bộ", Width: 48},
		{Title: "Loại hình", Width: 33},
		{Title: "Chủ nhiệm", Width: 32},
		{Title: "Thành viên", Width: 15, Align: "C"},
		{Title: "Thành lập", Width: 22, Align: "C"},
	}, d.set.TableSize)
	members := 0
	for i, c := range clubs {
		members += len(c.Members)
		t.row("", strconv.Itoa(i+1), nfc(c.Name), nfc(c.Kind.Label()), nfc(c.Leader), strconv.Itoa(len(c.Members)), c.Founded.String())
	}
	t.row("B", "", "Cộng", "", "", strconv.Itoa(members), "")
}

// coopTable lists the cooperative groups with the year's results.
func (d *doc) coopTable(coops []store.Coop, years []store.CoopYear, year int) {
	if len(coops) == 0 {
		d.paragraph("Chưa có tổ hợp tác.")
		return
	}
	byID := make(map[int64]store.CoopYear, len(years))
	for _, y := range years {
		byID[y.CoopID] = y
	}
	t := d.newTable([]Column{
		{Title: "STT", Width: 9, Align: "C"},
		{Title: "Tên tổ hợp tác", Width: 38},
		{Title: "Lĩnh vực", Width: 22},
		{Title: "Thành viên", Width: 15, Align: "C"},
		{Title: "Vốn (đồng)", Width: 27, Align: "R"},
		{Title: "Doanh thu năm " + strconv.Itoa(year) + " (đồng)", Width: 29, Align: "R"},
		{Title: "Thu nhập bình quân (đồng/ người/tháng)", Width: 27, Align: "R"},
	}, d.set.TableSize)
	var capital, revenue int64
	for i, c := range coops {
		y := byID[c.ID]
		capital += c.Capital
		revenue += y.Revenue
		t.row("", strconv.Itoa(i+1), nfc(c.Name), nfc(c.Field), strconv.Itoa(len(c.Members)),
			store.FormatInt(c.Capital), store.FormatInt(y.Revenue), store.FormatInt(y.AvgIncome))
	}
	t.row("B", "", "Cộng", "", "", store.FormatInt(capital), store.FormatInt(revenue), "")
}

// texts writes the secretary's own text: one paragraph a line. Empty text
// leaves dotted lines to be filled in by hand.
func (d *doc) texts(s string) {
	s = strings.TrimSpace(nfc(s))
	if s == "" {
		d.font("", d.set.BodySize)
		dots := strings.Repeat(".", int(d.w/d.width(".")))
		for range 3 {
			d.para(dots, "", d.set.BodySize, 0, "L")
		}
		return
	}
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			d.paragraph(line)
		}
	}
}

// lowerFirst lower-cases the first letter of a title used inside a
// sentence ("Đổi mới …" → "đổi mới …").
func lowerFirst(s string) string {
	s = nfc(strings.TrimSpace(s))
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
