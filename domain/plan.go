package domain

import "strings"

// Plan is a plan with measurable targets, such as 25-KH/ĐTN.
type Plan struct {
	ID         int64
	Number     string // 25-KH/ĐTN
	Title      string
	StartYear  int
	EndYear    int
	Current    bool
	Issued     Date   // the plan's own date (a ward's plan is due by 20/5)
	Issuer     string // the body that issued it: "Ban Thường vụ Đoàn phường Hòa Mẫu"
	UpperPlan  string // the upper plan it implements: "Kế hoạch số 268-KH/TĐTN, ngày 04/4/2024 của Ban Thường vụ Tỉnh Đoàn"
	Indicators []Indicator
}

// Indicator is one measurable target of a plan.
type Indicator struct {
	ID      int64
	PlanID  int64
	Code    string // 2.5a
	Section string // 2.5
	Title   string
	Kind    IndicatorKind
	Metric  string  // how the register measures it (see Metrics); "manual" for ticked ones
	Target  float64 // count or percent; 1 for a check
	// NoTarget is true while the figure is not entered (a plan begun from
	// the upper level's template): nothing is judged against it.
	NoTarget bool
	// Period is true when the target is for the whole plan period (the
	// yearly results add up towards it), false when each year must reach it.
	Period bool
	Order  int
}

// Result is an indicator's actual value for a year or a period.
type Result struct {
	Indicator Indicator
	Actual    float64
	// Cumulative is, for a period target, the sum from the plan's first
	// year through this one; Met then says whether the period is on track
	// (cumulative at least the target's share of the years elapsed).
	Cumulative float64
	Known      bool // false when the register lacks the figures (e.g. no resident youth entered)
	// Met is Verdict.Code == VerdictMet: the target itself is reached.
	Met bool
	// Verdict is the assessment every screen and report prints.
	Verdict Verdict
	Detail  string // how it was computed, e.g. "12/14 chi đoàn"
	// DetailMsg is Detail as a message, for the window to translate
	// (empty for a consolidated result, whose Detail is only Vietnamese).
	DetailMsg Message
	// Num and Den are a measured percentage's numerator and denominator
	// (12 and 14 above); zero for counts and checks. An upper level adds
	// them up across its wards, and a period across its years rather than
	// averaging percentages. Introduced is 2.5d's members introduced to
	// the Party in the span.
	Num, Den, Introduced int
}

// PeriodResult is a plan's indicators for every year of its period side by
// side, and the result for the whole period.
type PeriodResult struct {
	Plan   Plan
	Cutoff Date // the day counted to
	Years  []int
	ByYear [][]Result // ByYear[i] is Years[i]'s results, in the plan's indicator order
	// Total is the period's result: the sum of the years for period
	// targets, the latest year's value for yearly ones.
	Total []Result
}

// Covers says whether working year y falls within the plan's term.
func (p Plan) Covers(y int) bool { return y >= p.StartYear && y <= p.EndYear }

// Reference names the plan as a report cites it in one line: "Kế hoạch
// số 12-KH/ĐTN ngày 12/5/2024 của Ban Thường vụ Đoàn phường Hòa Mẫu" (the
// parts recorded), without its title.
func (p Plan) Reference() string {
	s := "Kế hoạch số " + p.Number
	if !p.Issued.IsZero() {
		s += " ngày " + p.Issued.String()
	}
	if p.Issuer != "" {
		s += " của " + p.Issuer
	}
	return s
}

// NoPlan is what the dashboard, the plan screen and the reports say when
// the register has no plan of its own yet: nothing is judged against
// another body's plan.
const NoPlan = "Chưa có kế hoạch: nhập kế hoạch của đơn vị"

// PlanTemplate is a plan's targets begun from the upper level's plan
// (targets 2.1 to 2.8 of DefaultPlanIndicators) with the figures left
// empty: the unit enters its own share. Yes/no targets need no figure.
func PlanTemplate() []Indicator {
	out := UpperIndicators()
	for i := range out {
		if out[i].Kind == KindCheck {
			out[i].Target = 1
		} else {
			out[i].Target, out[i].NoTarget = 0, true
		}
	}
	return out
}

// UpperIndicators are the targets 2.1–2.8 of the upper level's plan with
// its own figures (DefaultPlanIndicators as a plan's indicators, in
// order): what a plan entered as the upper level wrote it holds.
func UpperIndicators() []Indicator {
	out := make([]Indicator, len(DefaultPlanIndicators))
	for i, t := range DefaultPlanIndicators {
		out[i] = Indicator{Code: t.Code, Section: t.Section, Title: t.Title, Kind: t.Kind, Metric: t.Metric,
			Target: t.Target, Period: t.Period, Order: i + 1}
	}
	return out
}

// Citation names the plan in full as a report cites it: "Kế hoạch số
// 25-KH/ĐTN, ngày 05/3/2024 của Ban Thường vụ Đoàn phường Hòa Mẫu về
// …". Parts not recorded are left out.
func (p Plan) Citation() string {
	s := "Kế hoạch số " + p.Number
	if !p.Issued.IsZero() {
		s += ", ngày " + p.Issued.String()
	}
	if p.Issuer != "" {
		s += " của " + p.Issuer
	}
	if p.Title != "" {
		s += " về " + LowerFirst(strings.TrimSpace(p.Title))
	}
	return s
}

// CheckPlan checks a plan as SavePlan does, writing nothing: a window
// shows every broken rule at once, beside the fields it could read, before
// saving.
func CheckPlan(p Plan) error {
	p.Indicators = append([]Indicator(nil), p.Indicators...)
	return ValidatePlan(&p)
}

// ValidatePlan cleans p's text and checks every rule, naming each broken
// one (indicators by their 1-based row).
func ValidatePlan(p *Plan) error {
	p.Number, p.Title = Clean(p.Number), Clean(p.Title)
	p.Issuer, p.UpperPlan = Clean(p.Issuer), Clean(p.UpperPlan)
	c := &Checker{}
	c.Text("Number", "Số kế hoạch", p.Number, RuleCode)
	c.Text("Title", "Trích yếu", p.Title, ruleTitle)
	if p.Number == "" {
		c.Add("Number", "Số kế hoạch", "không được để trống (ví dụ 25-KH/ĐTN)")
	}
	if p.Title == "" {
		c.Add("Title", "Trích yếu", "không được để trống")
	}
	if CheckYear(p.StartYear) != nil || CheckYear(p.EndYear) != nil || p.EndYear < p.StartYear || p.EndYear > p.StartYear+20 {
		c.Add("EndYear", "Giai đoạn", "từ năm %d đến năm %d không hợp lệ", p.StartYear, p.EndYear)
	}
	for i := range p.Indicators {
		in := &p.Indicators[i]
		in.Code, in.Section, in.Title = Clean(in.Code), Clean(in.Section), Clean(in.Title)
		c.Row = i + 1
		c.Text("Code", "Mã chỉ tiêu", in.Code, RuleCode)
		c.Text("Section", "Mục", in.Section, RuleLine)
		c.Text("Title", "Nội dung chỉ tiêu", in.Title, ruleTitle)
		if in.Code == "" {
			c.Add("Code", "Mã chỉ tiêu", "không được để trống")
		}
		if in.Title == "" {
			c.Add("Title", "Nội dung chỉ tiêu", "không được để trống")
		}
		if in.Kind != KindCount && in.Kind != KindPercent && in.Kind != KindCheck {
			c.Add("Kind", "Loại chỉ tiêu", "%q không hợp lệ", in.Kind)
		}
		if !ValidCode(Metrics, in.Metric) {
			c.Add("Metric", "Cách đo", "%q không có trong danh mục", in.Metric)
		}
		if in.Target > float64(CountRange.Max) || in.Target != in.Target { // NaN too
			c.Add("Target", "Chỉ tiêu", "%s không hợp lệ: phải là số nguyên từ %s đến %s", Dec(in.Target), Num(CountRange.Min), Num(CountRange.Max))
		}
		if in.Target < 0 {
			c.Add("Target", "Chỉ tiêu", "không được âm")
		}
		if in.Kind == KindPercent && in.Target > 100 {
			c.Add("Target", "Chỉ tiêu", "tỷ lệ không quá 100%%")
		}
		OrderRange.AtMost(c, "Order", "Thứ tự", int64(in.Order))
		if in.Kind == KindCheck {
			in.Target, in.NoTarget = 1, false
		}
		if in.NoTarget {
			in.Target = 0
		}
	}
	c.Row = 0
	return c.Err()
}

// The metrics the register can measure; an indicator names one of them.
const (
	MetricManual               = "manual"                 // ticked or typed by hand
	MetricEconomicClubs        = "economic_clubs"         // active CLB Thanh niên làm kinh tế
	MetricSupportedModels      = "supported_models"       // economic models supported in the year with revenue
	MetricActiveCoops          = "active_coops"           // active cooperative groups
	MetricHamletStandardPct    = "hamlet_standard_pct"    // % of active hamlet branches that are standard
	MetricCadreStandardPct     = "cadre_standard_pct"     // % of ward cadres meeting the standards
	MetricCadreLanguagePct     = "cadre_language_pct"     // % of ward cadres fluent in a foreign language
	MetricNewUnionMembers      = "new_union_members"      // admissions in the year
	MetricNewFederation        = "new_federation"         // Federation members who joined in the year
	MetricYouthGatheredPct     = "youth_gathered_pct"     // % of resident youth who are members
	MetricPartyIntroducedPct   = "party_introduced_pct"   // introduced to the Party ÷ new Party members
	MetricUnitsGoodPct         = "units_good_pct"         // % of rated branches rated good or better
	MetricTrainingCompletedPct = "training_completed_pct" // % of active members who completed the training programme
)

// Metrics lists every metric with its Vietnamese description, for the plan
// editor.
var Metrics = []Choice{
	{MetricManual, "Nhập tay (đạt / không đạt)"},
	{MetricEconomicClubs, "Số CLB Thanh niên làm kinh tế đang hoạt động"},
	{MetricSupportedModels, "Số mô hình kinh tế được hỗ trợ có doanh thu trong năm"},
	{MetricActiveCoops, "Số tổ hợp tác đang hoạt động"},
	{MetricHamletStandardPct, "Tỷ lệ chi đoàn khóm, ấp đạt chuẩn (%)"},
	{MetricCadreStandardPct, "Tỷ lệ cán bộ Đoàn đạt chuẩn (%)"},
	{MetricCadreLanguagePct, "Tỷ lệ cán bộ Đoàn thông thạo ngoại ngữ (%)"},
	{MetricNewUnionMembers, "Số đoàn viên kết nạp mới"},
	{MetricNewFederation, "Số hội viên phát triển mới"},
	{MetricYouthGatheredPct, "Tỷ lệ thanh niên được tập hợp (%)"},
	{MetricPartyIntroducedPct, "Tỷ lệ đoàn viên giới thiệu cho Đảng so với đảng viên mới (%)"},
	{MetricUnitsGoodPct, "Tỷ lệ chi đoàn xếp loại khá trở lên (%)"},
	{MetricTrainingCompletedPct, "Tỷ lệ đoàn viên hoàn thành chương trình rèn luyện (%)"},
}

// PlanTarget is one target of a plan as it is first written into a new
// register; the ward then edits it (see Indicator).
type PlanTarget struct {
	Code, Section, Title string
	Kind                 IndicatorKind
	Metric               string
	Target               float64
	Period               bool
}

// DefaultPlanIndicators is plan 25-KH/ĐTN of the Sa Đéc city Union (2018–2022),
// targets 2.1 to 2.8, as the city set them: the wording and measures a new
// plan starts from (PlanTemplate, without the city's figures). No register
// is judged against the city's figures: a ward enters its own plan.
var DefaultPlanIndicators = []PlanTarget{
	{"2.1a", "2.1", "Có mô hình tuyên truyền, giáo dục đạo đức, truyền thống, lối sống, ý thức chấp hành pháp luật", KindCheck, MetricOutreachModels, 1, false},
	{"2.1b", "2.1", "Có trang mạng xã hội để tuyên truyền, nắm bắt tâm tư đoàn viên thanh niên", KindCheck, MetricSocialPages, 1, false},
	{"2.2a", "2.2", "Củng cố, duy trì CLB Thanh niên làm kinh tế", KindCount, MetricEconomicClubs, 1, false},
	{"2.2b", "2.2", "Hỗ trợ ít nhất 01 mô hình phát triển kinh tế hiệu quả (đạt doanh thu) mỗi năm", KindCount, MetricSupportedModels, 1, false},
	{"2.2c", "2.2", "Có mô hình tổ hợp tác hoạt động theo quy định", KindCount, MetricActiveCoops, 1, false},
	{"2.3", "2.3", "Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí", KindPercent, MetricHamletStandardPct, 100, false},
	{"2.4a", "2.4", "Cán bộ Đoàn đạt chuẩn trình độ chuyên môn, lý luận chính trị và được tập huấn nghiệp vụ", KindPercent, MetricCadreStandardPct, 100, false},
	{"2.4b", "2.4", "Cán bộ Đoàn giao tiếp thông thạo 01 ngoại ngữ", KindPercent, MetricCadreLanguagePct, 15, false},
	{"2.5a", "2.5", "Phát triển đoàn viên mới (cả giai đoạn)", KindCount, MetricNewUnionMembers, 7500, true},
	{"2.5b", "2.5", "Phát triển hội viên mới (cả giai đoạn)", KindCount, MetricNewFederation, 8500, true},
	{"2.5c", "2.5", "Tập hợp thanh niên có mặt tại địa bàn vào tổ chức", KindPercent, MetricYouthGatheredPct, 70, false},
	{"2.5d", "2.5", "Giới thiệu đoàn viên ưu tú cho Đảng so với số đảng viên mới kết nạp", KindPercent, MetricPartyIntroducedPct, 70, false},
	{"2.6", "2.6", "Cơ sở Đoàn, chi đoàn xếp loại từ khá trở lên", KindPercent, MetricUnitsGoodPct, 80, false},
	{"2.7", "2.7", "Ứng dụng công nghệ thông tin trong điều hành hoạt động", KindCheck, MetricManual, 1, false},
	{"2.8", "2.8", "Cán bộ, đoàn viên mặc áo thanh niên và đeo huy hiệu Đoàn theo quy định", KindCheck, MetricManual, 1, false},
}
