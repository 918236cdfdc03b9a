package report

import (
	"fmt"
	"io"
	"strings"

	"sodoan/domain"
)

// Work is the content of a work report (báo cáo công tác Đoàn) of a
// quarter, a half-year or the year: the figures of the register as of
// the cut-off, the secretary's texts by section (domain.WorkSections),
// and the statistics appendix.
type Work struct {
	Meta
	Figures domain.WorkFigures
	// Plan is the unit's plan whose indicators are counted year-to-date
	// (zero: none entered; the report judges no target).
	Plan domain.Plan
	// Narrative holds the texts by section: what the secretary wrote, or
	// the draft from the figures.
	Narrative   domain.Narrative
	RatingScale string
}

// NoActivities stands for the activity figures of a section while the
// register holds none of its kinds for the period.
const NoActivities = "Chưa có số liệu hoạt động."

// NoMeetings stands for the meetings table while the register holds no
// branch meeting of the year.
const NoMeetings = "Chưa có số liệu sinh hoạt chi đoàn."

// WriteWork writes the work report in the outline wards use: I. the
// situation (thuận lợi, khó khăn), II. the results by area with their
// figures, III. the assessment, IV. the next period's directions, V.
// recommendations; recipients and signature; then the statistics
// appendix on a page of its own.
func WriteWork(w io.Writer, r *Work) error {
	f := &r.Figures
	d := newDoc(r.settings(), false)
	d.header(&r.Meta, AnnualType)
	d.title("Báo cáo", f.Period.Summary())
	unit := unitShort(r.Unit)
	name := f.Period.Name()
	text := func(sec string) string { return r.Narrative[sec] }

	intro := fmt.Sprintf("Ban Chấp hành %s báo cáo kết quả công tác Đoàn và phong trào thanh niên %s (số liệu tính đến ngày %s) như sau:", unit, name, f.AsOf)
	if r.Plan.Number != "" {
		intro = fmt.Sprintf("Thực hiện %s; ", nfc(r.Plan.Citation())) + intro
	}
	d.paragraph(intro)

	o := &outline{d: d}
	o.heading("ĐẶC ĐIỂM TÌNH HÌNH")
	st := &f.Situation
	d.paragraph(fmt.Sprintf("Tính đến ngày %s, %s có %s chi đoàn trực thuộc; %s đoàn viên (nam: %s, nữ: %s) và %s hội viên (nam: %s, nữ: %s).",
		f.AsOf, unit, num(st.Branches), num(st.Union.Total), num(st.Union.Male), num(st.Union.Female),
		num(st.Federation.Total), num(st.Federation.Male), num(st.Federation.Female)))
	o.section("Thuận lợi", text("advantages"), false)
	o.section("Khó khăn", text("difficulties"), false)

	o.heading("KẾT QUẢ THỰC HIỆN")
	o.section("Công tác giáo dục chính trị tư tưởng", text("education"), true)
	d.activityTable(f.ActivitiesOf("education"), name)
	o.section("Các phong trào hành động, công trình, phần việc, tình nguyện", text("movements"), true)
	d.activityTable(f.ActivitiesOf("movements"), name)
	o.section("Công tác xây dựng tổ chức Đoàn", text("organisation"), true)
	d.caption(fmt.Sprintf("Biến động đoàn viên %s (từ ngày %s đến ngày %s):", name, st.From, f.AsOf))
	d.movementTable(st)
	if training := f.ActivitiesOf("organisation"); len(training) > 0 {
		d.activityTable(training, name)
	}
	d.meetingTable(f, name)
	o.section("Công tác Hội", text("federation"), false)
	inspections := f.ActivitiesOf("inspection")
	if o.section("Công tác kiểm tra, giám sát", text("inspection"), len(inspections) > 0) && len(inspections) > 0 {
		d.activityTable(inspections, name)
	}
	d.ensure(d.lh(d.set.BodySize)*5 + tableStart) // the heading, the caption and the table together
	o.section("Kết quả thực hiện các chỉ tiêu của kế hoạch", "", true)
	ytd := fmt.Sprintf("từ đầu năm %d đến ngày %s", f.Period.Year, f.AsOf)
	if r.Plan.Number == "" {
		d.paragraph(NoPlanSentence)
	} else {
		d.caption(resultsSummary(r.Plan, f.Results, ytd))
		d.resultTableOf(f.Results, ytd)
	}

	if o.heading("ĐÁNH GIÁ", text("strengths"), text("shortcomings"), text("causes"), text("lessons")) {
		o.section("Ưu điểm", text("strengths"), false)
		o.section("Hạn chế", text("shortcomings"), false)
		o.section("Nguyên nhân", text("causes"), false)
		o.section("Bài học kinh nghiệm", text("lessons"), false)
	}
	if o.heading("PHƯƠNG HƯỚNG, NHIỆM VỤ "+strings.ToUpper(f.Period.Next().Name()), text("directions")) {
		d.texts(text("directions"))
	}
	if o.heading("ĐỀ XUẤT, KIẾN NGHỊ", text("recommendations")) {
		d.texts(text("recommendations"))
	}
	d.lastParagraph(&r.Meta, false, fmt.Sprintf("Trên đây là báo cáo kết quả công tác Đoàn và phong trào thanh niên %s của Ban Chấp hành %s./.", name, unit),
		"", d.set.FirstLineIndent, "J")
	d.closing(&r.Meta, false)

	d.appendix(r, unit)
	return d.finish(w)
}

// num is a head count as printed: "1.234".
func num(v int) string { return domain.FormatInt(int64(v)) }

// share is n of all as a percentage with one decimal ("33,3%"); a dash
// when all is 0.
func share(n, all int) string {
	if all == 0 {
		return "—"
	}
	return domain.FormatValue(domain.KindPercent, domain.RoundTenth(float64(n)*100/float64(all)))
}

// movementTable lists the membership movements of the period.
func (d *doc) movementTable(st *domain.Situation) {
	t := d.newTable([]Column{
		{Title: "Kết nạp mới", Width: 27, Align: "C"},
		{Title: "Chuyển sinh hoạt đến", Width: 27, Align: "C"},
		{Title: "Chuyển sinh hoạt đi", Width: 27, Align: "C"},
		{Title: "Trưởng thành Đoàn", Width: 27, Align: "C"},
		{Title: "Xóa tên", Width: 27, Align: "C"},
		{Title: "Hội viên mới", Width: 25, Align: "C"},
	}, d.set.TableSize)
	t.row("", num(st.Admissions), num(st.TransfersIn), num(st.TransfersOut), num(st.ComingOfAge), num(st.Removals), num(st.NewFederation))
}

// appendix writes the statistics appendix (biểu thống kê) on a new page.
func (d *doc) appendix(r *Work, unit string) {
	f := &r.Figures
	s := &f.Stats
	d.endTable()
	d.pdf.AddPage()
	d.centred("BIỂU THỐNG KÊ", "B", d.set.SummarySize)
	symbol := Symbol(r.Number, AnnualType, r.Unit.IssuerCode)
	d.centred(fmt.Sprintf("(Kèm theo Báo cáo số %s ngày %s của Ban Chấp hành %s)", symbol, r.date(), unit), "I", d.set.BodySize)
	d.centred(fmt.Sprintf("Số liệu tính đến ngày %s", s.AsOf), "I", d.set.BodySize)

	all := s.Union.Total
	d.caption("1. Đoàn viên:")
	t := d.newTable([]Column{
		{Title: "Nội dung", Width: 85},
		{Title: "Tổng số", Width: 25, Align: "C"},
		{Title: "Nữ", Width: 25, Align: "C"},
		{Title: "Tỷ lệ so với tổng số đoàn viên", Width: 25, Align: "C"},
	}, d.set.TableSize)
	t.row("B", "Tổng số đoàn viên", num(all), num(s.Union.Female), share(all, all))
	t.row("", "Nam", num(s.Union.Male), "", share(s.Union.Male, all))
	t.row("", "Nữ", num(s.Union.Female), num(s.Union.Female), share(s.Union.Female, all))
	groups := []struct {
		title string
		rows  []domain.Tally
	}{
		{"Dân tộc", s.Ethnicity}, {"Tôn giáo", s.Religion}, {"Trình độ học vấn", s.Schooling},
		{"Trình độ chuyên môn", s.Qualification}, {"Trình độ lý luận chính trị", s.Theory},
	}
	for _, g := range groups {
		t.span("B", g.title)
		for _, r := range g.rows {
			if r.Total == 0 {
				continue
			}
			t.row("", nfc(r.Label), num(r.Total), num(r.Female), share(r.Total, all))
		}
	}
	t.row("B", "Đảng viên trong độ tuổi Đoàn", num(s.Party.Total), num(s.Party.Female), share(s.Party.Total, all))

	d.caption(fmt.Sprintf("2. Kết quả xếp loại đoàn viên năm %d (đã xếp loại đến ngày %s):", f.Period.Year, s.AsOf))
	t = d.newTable([]Column{
		{Title: "Mức xếp loại", Width: 85},
		{Title: "Số đoàn viên", Width: 25, Align: "C"},
		{Title: "Nữ", Width: 25, Align: "C"},
		{Title: "Tỷ lệ", Width: 25, Align: "C"},
	}, d.set.TableSize)
	for _, r := range s.MemberRatings {
		t.row("", nfc(r.Label), num(r.Total), num(r.Female), share(r.Total, all))
	}
	t.row("B", "Cộng", num(all), num(s.Union.Female), share(all, all))

	branches := 0
	for _, r := range s.BranchRatings {
		branches += r.Total
	}
	d.caption(fmt.Sprintf("3. Kết quả xếp loại chi đoàn năm %d (đã xếp loại đến ngày %s):", f.Period.Year, s.AsOf))
	t = d.newTable([]Column{
		{Title: "Mức xếp loại", Width: 110},
		{Title: "Số chi đoàn", Width: 25, Align: "C"},
		{Title: "Tỷ lệ", Width: 25, Align: "C"},
	}, d.set.TableSize)
	for _, r := range s.BranchRatings {
		t.row("", nfc(r.Label), num(r.Total), share(r.Total, branches))
	}
	t.row("B", "Cộng", num(branches), share(branches, branches))

	c := &s.Committee
	m := c.Members.Total
	d.caption("4. Cơ cấu Ban Chấp hành Đoàn " + lowerFirst(strings.TrimPrefix(unit, "Đoàn ")) + ":")
	t = d.newTable([]Column{
		{Title: "Nội dung", Width: 85},
		{Title: "Số lượng", Width: 25, Align: "C"},
		{Title: "Nữ", Width: 25, Align: "C"},
		{Title: "Tỷ lệ", Width: 25, Align: "C"},
	}, d.set.TableSize)
	t.row("B", "Ủy viên Ban Chấp hành", num(m), num(c.Members.Female), share(m, m))
	t.row("", "Trong đó: Ủy viên Ban Thường vụ", num(c.Standing), "", share(c.Standing, m))
	t.row("", "Đảng viên", num(c.Party), "", share(c.Party, m))
	age := "—"
	if m > 0 {
		age = domain.FormatNum(domain.RoundTenth(c.AverageAge))
	}
	t.row("", "Tuổi bình quân", age, "", "")
	for _, g := range []struct {
		title string
		rows  []domain.Tally
	}{{"Độ tuổi", c.Ages}, {"Trình độ chuyên môn", c.Qualification}, {"Trình độ lý luận chính trị", c.Theory}} {
		t.span("B", g.title)
		for _, r := range g.rows {
			if r.Total == 0 {
				continue
			}
			t.row("", nfc(r.Label), num(r.Total), num(r.Female), share(r.Total, m))
		}
	}
	d.endTable()
}

// activityTable lists the period's activities of some kinds: how many,
// who took part (đoàn viên, hội viên, others) and each measure summed.
func (d *doc) activityTable(ts []domain.ActivityKindTotal, period string) {
	if len(ts) == 0 {
		d.paragraph(NoActivities)
		return
	}
	d.caption(fmt.Sprintf("Kết quả các hoạt động %s:", period))
	t := d.newTable([]Column{
		{Title: "Loại hoạt động", Width: 42},
		{Title: "Số hoạt động", Width: 17, Align: "C"},
		{Title: "Đoàn viên", Width: 17, Align: "C", Group: "Lượt người tham gia"},
		{Title: "Hội viên", Width: 17, Align: "C", Group: "Lượt người tham gia"},
		{Title: "Khác", Width: 17, Align: "C", Group: "Lượt người tham gia"},
		{Title: "Kết quả", Width: 50},
	}, d.set.TableSize)
	for _, k := range ts {
		var ms []string
		for _, m := range k.Measures {
			ms = append(ms, fmt.Sprintf("%s: %s %s", m.Label, domain.FormatInt(m.Value), m.Unit))
		}
		p := k.Participants
		t.row("", nfc(k.Label), num(k.Count), num(p.Union), num(p.Federation), num(p.Others), nfc(strings.Join(ms, "; ")))
	}
}

// meetingTable lists each branch's meetings in the period, the months it
// met of those begun, the year's meetings to date and the attendance.
func (d *doc) meetingTable(f *domain.WorkFigures, period string) {
	ms := f.BranchMeetings()
	if len(ms) == 0 {
		return
	}
	if !f.MeetingsRecorded() {
		d.paragraph(NoMeetings)
		return
	}
	d.caption(fmt.Sprintf("Sinh hoạt chi đoàn %s (đến ngày %s):", period, f.AsOf))
	t := d.newTable([]Column{
		{Title: "Chi đoàn", Width: 56},
		{Title: "Số buổi trong kỳ", Width: 22, Align: "C"},
		{Title: "Số tháng có sinh hoạt", Width: 26, Align: "C"},
		{Title: "Số buổi từ đầu năm", Width: 22, Align: "C"},
		{Title: "Tỷ lệ tham dự", Width: 34, Align: "C"},
	}, d.set.TableSize)
	held, year := 0, 0
	for _, m := range ms {
		att := "Chưa điểm danh"
		if m.Taken {
			att = domain.FormatValue(domain.KindPercent, domain.RoundTenth(m.Attendance*100))
		}
		t.row("", nfc(m.Branch), num(m.Held), fmt.Sprintf("%d/%d", m.MonthsMet, m.Months), num(m.YearToDate), att)
		held += m.Held
		year += m.YearToDate
	}
	t.row("B", "Cộng", num(held), "", num(year), "")
}

// activitiesOf are the kinds of ts counted in the work report's section
// sec (domain.WorkSectionOf) that took place.
func activitiesOf(ts []domain.ActivityKindTotal, sec string) []domain.ActivityKindTotal {
	f := domain.WorkFigures{Activities: ts}
	return f.ActivitiesOf(sec)
}
