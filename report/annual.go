package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
)

// Annual is the content of the annual report on a plan.
type Annual struct {
	Meta
	Year      int
	Plan      domain.Plan      // its Citation opens the report
	Situation domain.Situation // its AsOf is the cut-off date
	Results   []domain.Result  // one per indicator, in plan order
	Clubs     []domain.Club
	Coops     []domain.Coop
	CoopYears []domain.CoopYear // the year's results of the groups (by CoopID)
	Ward      domain.WardYear   // the ward's own rating; its texts when Narrative is nil
	// Narrative holds the report's texts by section (domain.AnnualSections):
	// what the secretary wrote, or the draft from the figures.
	Narrative domain.Narrative
	// RatingScale is the scale the ward's rating is printed on.
	RatingScale string
	// Half makes it the 6-month report (sơ kết 6 tháng đầu năm): its own
	// title, the figures of the year's first half, part IV on the second.
	Half bool
	// Activities are the activities of the year (or half) to the cut-off
	// by kind, each printed in the section of its field.
	Activities []domain.ActivityKindTotal
}

// AnnualType is the type code of the annual report in the register.
const AnnualType = "BC"

// AnnualSummary is the line under BÁO CÁO.
func AnnualSummary(plan domain.Plan, year int) string {
	if plan.Number == "" {
		return fmt.Sprintf("Kết quả công tác Đoàn và phong trào thanh niên năm %d", year)
	}
	return fmt.Sprintf("Kết quả thực hiện Kế hoạch số %s năm %d", nfc(plan.Number), year)
}

// HalfYearSummary is the line under BÁO CÁO of the 6-month report.
func HalfYearSummary(year int) string {
	return fmt.Sprintf("Sơ kết công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm %d", year)
}

// summary is the report's line under BÁO CÁO.
func (a *Annual) summary() string {
	if a.Half {
		return HalfYearSummary(a.Year)
	}
	return AnnualSummary(a.Plan, a.Year)
}

// when names the time the figures cover: "năm 2026", "6 tháng đầu năm 2026".
func (a *Annual) when() string {
	if a.Half {
		return "6 tháng đầu năm " + strconv.Itoa(a.Year)
	}
	return "năm " + strconv.Itoa(a.Year)
}

// text is the narrative of a section, falling back on the part-IV texts
// of older registers.
func (a *Annual) text(section string) string {
	if a.Narrative != nil {
		return a.Narrative[section]
	}
	return map[string]string{"strengths": a.Ward.Achievements, "shortcomings": a.Ward.Shortcomings, "directions": a.Ward.NextSteps}[section]
}

// WriteAnnual writes the annual report (BÁO CÁO) on the plan, as a Union
// office writes it: the plan it implements cited in full, I. the
// situation as of the cut-off, II. the results field by field with the
// clubs, groups and every indicator, III. the assessment (strengths,
// shortcomings and their causes, lessons), IV. next year's directions,
// V. recommendations; then recipients and signature.
func WriteAnnual(w io.Writer, a *Annual) error {
	d := newDoc(a.settings(), false)
	d.header(&a.Meta, AnnualType)
	d.title("Báo cáo", a.summary())

	unit := unitShort(a.Unit)
	if a.Plan.Number == "" {
		// No plan of the unit's own: never another body's cited.
		what := "kết quả công tác " + a.when()
		if a.Half {
			what = "sơ kết công tác Đoàn và phong trào thanh thiếu nhi " + a.when()
		}
		d.paragraph(fmt.Sprintf("Ban Chấp hành %s báo cáo %s (số liệu tính đến ngày %s) như sau:", unit, what, a.Situation.AsOf))
	} else if a.Half {
		d.paragraph(fmt.Sprintf("Thực hiện %s; Ban Chấp hành %s báo cáo sơ kết công tác Đoàn và phong trào thanh thiếu nhi %s (số liệu tính đến ngày %s) như sau:",
			nfc(a.Plan.Citation()), unit, a.when(), a.Situation.AsOf))
	} else {
		d.paragraph(fmt.Sprintf("Thực hiện %s; Ban Chấp hành %s báo cáo kết quả thực hiện năm %d (số liệu tính đến ngày %s) như sau:",
			nfc(a.Plan.Citation()), unit, a.Year, a.Situation.AsOf))
	}

	o := &outline{d: d}
	o.heading("ĐẶC ĐIỂM TÌNH HÌNH")
	d.optional(a.text("situation"))
	d.situation(&a.Situation, unit)

	o.heading("KẾT QUẢ THỰC HIỆN")
	acts := func(sec string) []domain.ActivityKindTotal { return activitiesOf(a.Activities, sec) }
	if o.section("Công tác tuyên truyền, giáo dục", a.text("propaganda"), len(acts("education")) > 0) && len(acts("education")) > 0 {
		d.activityTable(acts("education"), a.when())
	}
	o.section("Các phong trào hành động, hỗ trợ thanh niên phát triển kinh tế", a.text("movements"), true)
	if len(acts("movements")) > 0 {
		d.activityTable(acts("movements"), a.when())
	}
	d.caption("Các câu lạc bộ đang hoạt động:")
	d.clubTable(a.Clubs)
	d.caption(fmt.Sprintf("Các tổ hợp tác và kết quả hoạt động %s:", a.when()))
	d.coopTable(a.Coops, a.CoopYears, a.when())
	o.section("Công tác xây dựng tổ chức Đoàn, Hội", a.text("organisation"), true)
	if len(acts("organisation")) > 0 {
		d.activityTable(acts("organisation"), a.when())
	}
	if !a.Half {
		// The ward's own rating as decided by the cut-off: a report
		// written before the year-end review says it is not rated yet.
		rating := "chưa xếp loại"
		if a.Ward.Rating != "" {
			rating = lowerFirst(domain.UnitRatingLabel(a.RatingScale, a.Ward.Rating))
		}
		d.paragraph(fmt.Sprintf("Ban Chấp hành %s tự đánh giá, xếp loại năm %d: %s.", unit, a.Year, rating))
	}
	if o.section("Công tác kiểm tra, giám sát", a.text("inspection"), len(acts("inspection")) > 0) && len(acts("inspection")) > 0 {
		d.activityTable(acts("inspection"), a.when())
	}
	d.ensure(d.lh(d.set.BodySize)*5 + tableStart) // the heading, the caption and the table together
	o.section("Kết quả thực hiện các chỉ tiêu", "", true)
	if a.Plan.Number == "" {
		// Never judged against another body's plan.
		d.paragraph(NoPlanSentence)
	} else {
		d.caption(resultsSummary(a.Plan, a.Results, a.when()))
		d.resultTableOf(a.Results, a.when())
	}

	if o.heading("ĐÁNH GIÁ CHUNG", a.text("strengths"), a.text("shortcomings"), a.text("causes"), a.text("lessons")) {
		o.section("Ưu điểm", a.text("strengths"), false)
		o.section("Hạn chế", a.text("shortcomings"), false)
		o.section("Nguyên nhân", a.text("causes"), false)
		o.section("Bài học kinh nghiệm", a.text("lessons"), false)
	}
	next := "NĂM " + strconv.Itoa(a.Year+1)
	if a.Half {
		next = "6 THÁNG CUỐI NĂM " + strconv.Itoa(a.Year)
	}
	if o.heading("PHƯƠNG HƯỚNG, NHIỆM VỤ "+next, a.text("directions")) {
		d.texts(a.text("directions"))
	}
	if o.heading("ĐỀ XUẤT, KIẾN NGHỊ", a.text("recommendations")) {
		d.texts(a.text("recommendations"))
	}

	last := fmt.Sprintf("Trên đây là báo cáo kết quả thực hiện Kế hoạch số %s năm %d của Ban Chấp hành %s./.", a.Plan.Number, a.Year, unit)
	if a.Half {
		last = fmt.Sprintf("Trên đây là báo cáo sơ kết công tác Đoàn và phong trào thanh thiếu nhi %s của Ban Chấp hành %s./.", a.when(), unit)
	} else if a.Plan.Number == "" {
		last = fmt.Sprintf("Trên đây là báo cáo kết quả công tác năm %d của Ban Chấp hành %s./.", a.Year, unit)
	}
	d.lastParagraph(&a.Meta, false, last, "", d.set.FirstLineIndent, "J")
	d.closing(&a.Meta, false)
	return d.finish(w)
}

// NoPlanSentence stands for the indicators in a report of a unit that has
// entered no plan of its own.
const NoPlanSentence = "Chưa có kế hoạch của đơn vị: báo cáo chưa đánh giá kết quả thực hiện các chỉ tiêu (nhập kế hoạch của đơn vị để đánh giá)."

// resultsSummary is the sentence before an indicator table: how many
// target groups and targets the plan has, and how many of each verdict.
func resultsSummary(plan domain.Plan, rs []domain.Result, when string) string {
	groups := map[string]bool{}
	for _, in := range plan.Indicators {
		sec := in.Section
		if sec == "" {
			sec = in.Code
		}
		groups[sec] = true
	}
	counts := map[domain.VerdictCode]int{}
	for _, r := range rs {
		counts[r.Verdict.Code]++
	}
	var parts []string
	for _, v := range domain.Verdicts {
		if n := counts[domain.VerdictCode(v.Code)]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", strings.ToLower(v.Label), n))
		}
	}
	return fmt.Sprintf("%s đề ra %d nhóm chỉ tiêu với %d chỉ tiêu cụ thể; kết quả %s: %s.",
		nfc(plan.Reference()), len(groups), len(rs), when, strings.Join(parts, ", "))
}

// situation writes part I: organisation, members, movements.
func (d *doc) situation(s *domain.Situation, unit string) {
	var kinds []string
	for _, t := range s.BranchesByKind {
		if t.Total > 0 {
			kinds = append(kinds, fmt.Sprintf("%s chi đoàn %s", domain.FormatInt(int64(t.Total)), strings.ToLower(t.Label)))
		}
	}
	text := fmt.Sprintf("Tính đến ngày %s, %s có %s chi đoàn trực thuộc", s.AsOf, unit, domain.FormatInt(int64(s.Branches)))
	if len(kinds) > 0 {
		text += " (" + strings.Join(kinds, "; ") + ")"
	}
	text += fmt.Sprintf("; %s đoàn viên (nam: %s, nữ: %s) và %s hội viên (nam: %s, nữ: %s).",
		domain.FormatInt(int64(s.Union.Total)), domain.FormatInt(int64(s.Union.Male)), domain.FormatInt(int64(s.Union.Female)),
		domain.FormatInt(int64(s.Federation.Total)), domain.FormatInt(int64(s.Federation.Male)), domain.FormatInt(int64(s.Federation.Female)))
	d.paragraph(text)

	d.caption("Đoàn viên theo loại hình chi đoàn:")
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
		t.row("", nfc(k.Label), strconv.Itoa(branches), domain.FormatInt(int64(k.Total)), domain.FormatInt(int64(k.Male)), domain.FormatInt(int64(k.Female)))
	}
	t.row("B", "Cộng", strconv.Itoa(s.Branches), domain.FormatInt(int64(s.Union.Total)), domain.FormatInt(int64(s.Union.Male)), domain.FormatInt(int64(s.Union.Female)))

	d.caption("Đoàn viên, hội viên theo nhóm đối tượng:")
	t = d.newTable([]Column{
		{Title: "Nhóm đối tượng", Width: 50},
		{Title: "Tổng số", Width: 15, Align: "C", Group: "Đoàn viên"},
		{Title: "Nữ", Width: 15, Align: "C", Group: "Đoàn viên"},
		{Title: "Tổng số", Width: 15, Align: "C", Group: "Hội viên"},
		{Title: "Nữ", Width: 15, Align: "C", Group: "Hội viên"},
	}, d.set.TableSize)
	for i, u := range s.UnionByOccupation {
		var f domain.Tally
		if i < len(s.FederationByOccupation) {
			f = s.FederationByOccupation[i]
		}
		if u.Total == 0 && f.Total == 0 {
			continue
		}
		t.row("", nfc(u.Label), domain.FormatInt(int64(u.Total)), domain.FormatInt(int64(u.Female)), domain.FormatInt(int64(f.Total)), domain.FormatInt(int64(f.Female)))
	}
	t.row("B", "Cộng", domain.FormatInt(int64(s.Union.Total)), domain.FormatInt(int64(s.Union.Female)),
		domain.FormatInt(int64(s.Federation.Total)), domain.FormatInt(int64(s.Federation.Female)))

	d.paragraph(movements(s))
}

// movements is the sentence of the year's membership movements, leaving
// out the kinds that did not happen.
func movements(s *domain.Situation) string {
	n := func(v int) string { return domain.FormatInt(int64(v)) }
	parts := []string{"kết nạp " + n(s.Admissions) + " đoàn viên mới"}
	for _, m := range []struct {
		v    int
		text string
	}{
		{s.TransfersIn, "tiếp nhận %s đoàn viên chuyển sinh hoạt đến"},
		{s.TransfersOut, "%s đoàn viên chuyển sinh hoạt đi"},
		{s.ComingOfAge, "%s đoàn viên trưởng thành Đoàn"},
		{s.Removals, "xóa tên %s đoàn viên"},
	} {
		if m.v > 0 {
			parts = append(parts, fmt.Sprintf(m.text, n(m.v)))
		}
	}
	parts = append(parts, "phát triển "+n(s.NewFederation)+" hội viên mới")
	return fmt.Sprintf("Từ ngày %s đến ngày %s, %s.", yearStart(s), s.AsOf, strings.Join(parts, "; "))
}

// yearStart is the first day the movements count from (1 January of the
// report's year when the situation does not say).
func yearStart(s *domain.Situation) domain.Date {
	if s.From.IsZero() {
		return domain.MustDate(s.Year, 1, 1)
	}
	return s.From
}

// resultTableOf writes every indicator: code, content, target, the
// result with how it was counted, and the verdict (for a period target,
// its progress and pace); the result column is headed by when ("Năm
// 2026", "6 tháng đầu năm 2026"; empty: "Kết quả trong năm").
func (d *doc) resultTableOf(results []domain.Result, when string) {
	head := "Kết quả trong năm"
	if when != "" {
		head = "Kết quả " + lowerFirst(when)
	}
	t := d.newTable([]Column{
		{Title: "Chỉ tiêu", Width: 13, Align: "C"},
		{Title: "Nội dung", Width: 50},
		{Title: "Mục tiêu", Width: 19, Align: "C"},
		{Title: head, Width: 33, Align: "C"},
		{Title: "Đánh giá", Width: 28, Align: "C"},
	}, d.set.TableSize)
	for _, r := range results {
		in := r.Indicator
		target := domain.FormatValue(in.Kind, in.Target)
		switch {
		case in.Kind == domain.KindCheck:
			target = "Có"
		case in.NoTarget:
			target = "Chưa nhập"
		case in.Period:
			target += " (cả giai đoạn)"
		}
		verdict := r.Verdict.Label()
		// No cumulative outside the plan's term or without a figure.
		if in.Period && r.Verdict.Code != domain.VerdictNoTarget {
			verdict = "Lũy kế " + r.Verdict.Phrase()
		}
		t.row("", nfc(in.Code), nfc(in.Title), target, resultText(r), verdict)
	}
}

// resultText is the result of an indicator in the year as words: "101
// đoàn viên", "40% (4/10 chi đoàn khóm, ấp)", "Có"; what is missing
// when it could not be measured.
func resultText(r domain.Result) string {
	detail := nfc(r.Detail)
	switch {
	case detail == "" && !r.Known:
		return "—"
	case !r.Known && !r.Indicator.Period:
		return upperFirst(detail)
	case r.Indicator.Kind == domain.KindPercent:
		return domain.FormatValue(r.Indicator.Kind, r.Actual) + " (" + detail + ")"
	case detail != "":
		return upperFirst(detail)
	}
	return domain.FormatValue(r.Indicator.Kind, r.Actual)
}

// upperFirst capitalises the first letter of a phrase standing alone in
// a cell.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// clubTable lists the clubs: name, kind, leader, members, founding date.
func (d *doc) clubTable(clubs []domain.Club) {
	if len(clubs) == 0 {
		d.paragraph("Chưa có câu lạc bộ.")
		return
	}
	t := d.newTable([]Column{
		{Title: "STT", Width: 9, Align: "C"},
		{Title: "Tên câu lạc bộ", Width: 44},
		{Title: "Lĩnh vực", Width: 30},
		// A full name on one line: "Trương Hồng Tiên" wrapped at 32.
		{Title: "Chủ nhiệm", Width: 40},
		{Title: "Thành viên", Width: 14, Align: "C"},
		{Title: "Thành lập", Width: 22, Align: "C"},
	}, d.set.TableSize)
	members := 0
	for i, c := range clubs {
		members += len(c.Members)
		t.row("", strconv.Itoa(i+1), nfc(c.Name), clubField(c.Kind), nfc(clubLeader(c)), strconv.Itoa(len(c.Members)), c.Founded.String())
	}
	t.row("B", "", "Cộng", "", "", strconv.Itoa(members), "")
}

// clubLeader is the club's chairman: as recorded, or the member whose
// role is Chủ nhiệm.
func clubLeader(c domain.Club) string {
	if c.Leader != "" {
		return c.Leader
	}
	for _, m := range c.Members {
		if domain.Fold(m.Role) == domain.Fold("Chủ nhiệm") {
			return m.Name
		}
	}
	return ""
}

// clubField is what a club works on, for the table's column: the kind's
// own name ("CLB Thanh niên làm kinh tế") would only repeat the club's.
func clubField(k domain.ClubKind) string {
	switch k {
	case "economic":
		return "Phát triển kinh tế"
	case "secretaries":
		return "Bồi dưỡng nghiệp vụ cán bộ chi đoàn"
	case "propagandists":
		return "Tuyên truyền, giáo dục"
	case "interest":
		return "Văn hóa, thể thao, sở thích"
	}
	return "Khác"
}

// coopTable lists the cooperative groups with their results of the time
// when names ("năm 2026"); a group with no results reported by the
// cut-off shows a dash, not a revenue of 0.
func (d *doc) coopTable(coops []domain.Coop, years []domain.CoopYear, when string) {
	if len(coops) == 0 {
		d.paragraph("Chưa có tổ hợp tác.")
		return
	}
	byID := make(map[int64]domain.CoopYear, len(years))
	for _, y := range years {
		byID[y.CoopID] = y
	}
	t := d.newTable([]Column{
		{Title: "STT", Width: 9, Align: "C"},
		{Title: "Tên tổ hợp tác", Width: 38},
		{Title: "Lĩnh vực", Width: 22},
		{Title: "Thành viên", Width: 15, Align: "C"},
		{Title: "Vốn (đồng)", Width: 27, Align: "R"},
		{Title: "Doanh thu " + when + " (đồng)", Width: 29, Align: "R"},
		{Title: "Thu nhập bình quân (đồng/ người/tháng)", Width: 27, Align: "R"},
	}, d.set.TableSize)
	var capital, revenue int64
	reported := false
	for i, c := range coops {
		y, ok := byID[c.ID]
		capital += c.Capital
		revenue += y.Revenue
		rev, income := domain.FormatInt(y.Revenue), domain.FormatInt(y.AvgIncome)
		if !ok {
			rev, income = "—", "—"
		}
		reported = reported || ok
		t.row("", strconv.Itoa(i+1), nfc(c.Name), nfc(c.Field), strconv.Itoa(len(c.Members)),
			domain.FormatInt(c.Capital), rev, income)
	}
	total := domain.FormatInt(revenue)
	if !reported {
		total = "—"
	}
	t.row("B", "", "Cộng", "", "", domain.FormatInt(capital), total, "")
}

// optional writes a text when there is one (no dotted lines).
func (d *doc) optional(s string) {
	if strings.TrimSpace(s) != "" {
		d.texts(s)
	}
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
