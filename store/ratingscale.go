package store

import "context"

// The scale a branch or the ward Union is rated on changed: the older
// one ran vững mạnh, khá, trung bình, yếu; the one in force rates how
// well the organisation carried out its tasks. The register stores the
// four levels as the same codes (UnitRatings) and prints them in the scale
// the ward chooses.

// Rating scales of a Union organisation.
const (
	ScaleTasks    = "tasks"    // hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ (in force)
	ScaleStrength = "strength" // vững mạnh, khá, trung bình, yếu
)

// RatingScales lists the scales with their Vietnamese names.
var RatingScales = []Choice{
	{ScaleTasks, "Mức độ hoàn thành nhiệm vụ"},
	{ScaleStrength, "Vững mạnh, khá, trung bình, yếu"},
}

var taskRatings = []Choice{
	{"excellent", "Hoàn thành xuất sắc nhiệm vụ"},
	{"good", "Hoàn thành tốt nhiệm vụ"},
	{"average", "Hoàn thành nhiệm vụ"},
	{"weak", "Không hoàn thành nhiệm vụ"},
}

const settingRatingScale = "report.rating_scale"

// RatingScale is the scale the ward rates its organisations on
// (ScaleTasks unless set).
func (s *Store) RatingScale(ctx context.Context) (string, error) {
	v, err := s.Setting(ctx, settingRatingScale)
	if err != nil || !validCode(RatingScales, v) {
		return ScaleTasks, err
	}
	return v, nil
}

// SetRatingScale chooses the scale.
func (s *Store) SetRatingScale(ctx context.Context, scale string) error {
	if !validCode(RatingScales, scale) {
		c := &checker{}
		c.add("RatingScale", "Thang xếp loại tổ chức Đoàn", "%q không có trong danh mục", scale)
		return c.err()
	}
	return s.SetSetting(ctx, settingRatingScale, scale)
}

// UnitRatingLabel is the wording of a unit rating code on a scale.
func UnitRatingLabel(scale, code string) string {
	if scale == ScaleStrength {
		return labelOf(UnitRatings, code)
	}
	return labelOf(taskRatings, code)
}

// goodOrBetter names the two top levels of a scale, as "từ … trở lên".
func goodOrBetter(scale string) string {
	if scale == ScaleStrength {
		return "khá trở lên"
	}
	return "hoàn thành tốt nhiệm vụ trở lên"
}
