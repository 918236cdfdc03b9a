package domain

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

// UnitRatingChoices lists the unit ratings (the codes of UnitRatings) in
// the wording of a scale, best first: what the window's dropdowns offer
// and what every document prints.
func UnitRatingChoices(scale string) []Choice {
	if scale == ScaleStrength {
		return UnitRatings
	}
	return taskRatings
}

// UnitRatingLabel is the wording of a unit rating code on a scale.
func UnitRatingLabel(scale, code string) string {
	return LabelOf(UnitRatingChoices(scale), code)
}

// GoodOrBetter names the two top levels of a scale, as "… trở lên", for
// the result of 2.6 ("9/13 chi đoàn tốt trở lên"). It must hold with the
// figures in two lines of the annual report's result column: the full
// "hoàn thành tốt nhiệm vụ trở lên" took four. On the scale in force the
// second level is "Hoàn thành tốt nhiệm vụ", so "tốt trở lên" names it
// and the one above; the plan's own wording ("từ khá trở lên") stands
// beside it in the same row.
func GoodOrBetter(scale string) string {
	if scale == ScaleStrength {
		return "khá trở lên"
	}
	return "tốt trở lên"
}
