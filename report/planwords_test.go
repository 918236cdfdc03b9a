package report

import (
	"testing"

	"sodoan/domain"
)

// TestTargetSentence: a plan's targets read as a secretary writes them
// (issue 16 point 12: never "hằng năm có ít nhất 1.").
func TestTargetSentence(t *testing.T) {
	const period = "giai đoạn 2024 - 2028"
	cases := []struct {
		in   domain.Indicator
		want string
	}{
		{domain.Indicator{Title: "Có trang mạng xã hội để tuyên truyền", Kind: domain.KindCheck, Target: 1},
			"Hằng năm có trang mạng xã hội để tuyên truyền."},
		{domain.Indicator{Title: "Củng cố, duy trì CLB Thanh niên làm kinh tế", Kind: domain.KindCount, Metric: domain.MetricEconomicClubs, Target: 1},
			"Củng cố, duy trì CLB Thanh niên làm kinh tế: hằng năm ít nhất 01 câu lạc bộ."},
		{domain.Indicator{Title: "Hỗ trợ ít nhất 01 mô hình phát triển kinh tế mỗi năm", Kind: domain.KindCount, Metric: domain.MetricSupportedModels, Target: 1},
			"Hỗ trợ ít nhất 01 mô hình phát triển kinh tế mỗi năm."},
		{domain.Indicator{Title: "Hỗ trợ ít nhất 01 mô hình phát triển kinh tế mỗi năm", Kind: domain.KindCount, Metric: domain.MetricSupportedModels, Target: 2},
			"Hỗ trợ ít nhất 01 mô hình phát triển kinh tế mỗi năm: ít nhất 02 mô hình."},
		{domain.Indicator{Title: "Phát triển đoàn viên mới (cả giai đoạn)", Kind: domain.KindCount, Metric: domain.MetricNewUnionMembers, Target: 7500, Period: true},
			"Phát triển đoàn viên mới: ít nhất 7.500 đoàn viên trong giai đoạn 2024 - 2028."},
		{domain.Indicator{Title: "Chi đoàn khóm, ấp đạt chuẩn", Kind: domain.KindPercent, Target: 100},
			"Chi đoàn khóm, ấp đạt chuẩn: hằng năm đạt 100%."},
		{domain.Indicator{Title: "Cán bộ Đoàn giao tiếp thông thạo ngoại ngữ", Kind: domain.KindPercent, Target: 12.5},
			"Cán bộ Đoàn giao tiếp thông thạo ngoại ngữ: hằng năm đạt 12,5%."},
	}
	for _, c := range cases {
		if got := targetSentence(c.in, period); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.in.Title, got, c.want)
		}
	}
}
