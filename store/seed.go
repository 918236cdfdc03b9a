package store

import (
	"context"
	"database/sql"
	"fmt"
)

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

// DefaultCriteria is the standard-branch checklist seeded into a new
// register (8 criteria, as plan 25-KH/ĐTN item 2.3 refers to); each ward
// edits it to its upper body's current wording.
var DefaultCriteria = []string{
	"Sinh hoạt chi đoàn định kỳ hằng tháng, có nội dung phong phú",
	"Có từ 80% đoàn viên tham gia sinh hoạt thường xuyên",
	"Thực hiện tốt chương trình rèn luyện đoàn viên",
	"Có công trình, phần việc thanh niên trong năm",
	"Tập hợp thanh niên vào tổ chức Đoàn, Hội",
	"Quản lý tốt đoàn viên, thu nộp đoàn phí đầy đủ",
	"Giới thiệu đoàn viên ưu tú cho Đảng hoặc kết nạp đoàn viên mới",
	"Không có đoàn viên vi phạm pháp luật, tệ nạn xã hội",
}

type seedIndicator struct {
	code, section, title string
	kind                 IndicatorKind
	metric               string
	target               float64
	period               bool
}

// DefaultPlan is plan 25-KH/ĐTN of the Sa Đéc city Union (2018–2022),
// targets 2.1 to 2.8, as the city set them. A ward edits the targets to its
// own share.
var defaultPlanIndicators = []seedIndicator{
	{"2.1a", "2.1", "Có mô hình tuyên truyền, giáo dục đạo đức, truyền thống, lối sống, ý thức chấp hành pháp luật", KindCheck, MetricManual, 1, false},
	{"2.1b", "2.1", "Có trang mạng xã hội để tuyên truyền, nắm bắt tâm tư đoàn viên thanh niên", KindCheck, MetricManual, 1, false},
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

// seed writes what a new register starts with: the checklist and the
// default plan.
func seed(ctx context.Context, tx *sql.Tx) error {
	for i, c := range DefaultCriteria {
		if _, err := tx.ExecContext(ctx, `INSERT INTO criteria(code, text, ord) VALUES (?, ?, ?)`,
			fmt.Sprint(i+1), Clean(c), i+1); err != nil {
			return fmt.Errorf("ghi tiêu chí: %w", err)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO plans(number, title, start_year, end_year, current) VALUES (?, ?, ?, ?, 1)`,
		"25-KH/ĐTN", Clean("Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn TNCS Hồ Chí Minh các cấp, giai đoạn 2018 - 2022"), 2018, 2022)
	if err != nil {
		return fmt.Errorf("ghi kế hoạch: %w", err)
	}
	planID, _ := res.LastInsertId()
	for i, in := range defaultPlanIndicators {
		if _, err := tx.ExecContext(ctx, `INSERT INTO indicators(plan_id, code, section, title, kind, metric, target, period, ord) VALUES (?,?,?,?,?,?,?,?,?)`,
			planID, in.code, in.section, Clean(in.title), string(in.kind), in.metric, in.target, in.period, i+1); err != nil {
			return fmt.Errorf("ghi chỉ tiêu %s: %w", in.code, err)
		}
	}
	return nil
}
