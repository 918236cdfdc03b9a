package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sodoan/domain"
	"sodoan/store"
)

// dataYears are the years the demo has results for: the plan's first
// three.
func dataYears(o Options) []int { return []int{o.Year - 2, o.Year - 1, o.Year} }

// rated reports whether year y's year-end ratings are made by end: they
// are decided in November and December.
func rated(y int, end domain.Date) bool {
	return y < end.Year() || end.Month() >= 11
}

// yearEnd is the last day of y the data reaches.
func yearEnd(y int, end domain.Date) domain.Date { return earliest(domain.MustDate(y, 12, 31), end) }

// makeMemberYears gives each member his yearly records for the years he
// was a member at their end: the rating, the training, and for a few who
// were 18 by then, an introduction to the Party and sometimes the
// admission. It returns how many the Party admitted each year.
func makeMemberYears(r *rand.Rand, o Options, people []*person, end domain.Date) map[int]int {
	ratings := []domain.Rating{"excellent", "good", "good", "good", "done", "done", "done", "not_done"}
	admitted := map[int]int{}
	for _, pp := range people {
		for _, y := range dataYears(o) {
			last := yearEnd(y, end)
			if !rated(y, end) || !pp.activeOn(last) {
				continue
			}
			my := domain.MemberYear{Year: y, Rating: pick(r, ratings)}
			my.TrainingRegistered = r.IntN(100) < 90
			my.TrainingCompleted = my.TrainingRegistered && r.IntN(100) < 85
			from := latest(domain.MustDate(y, 1, 1), latest(pp.arrived, birthday(pp.p.BirthDate, 18)))
			to := earliest(domain.MustDate(y, 11, 30), last)
			if !to.Before(from) && r.IntN(1000) < 12 {
				my.PartyIntroduced = randDate(r, from, to)
				// Admitted two months after at the earliest, within the
				// year and never after the data's last day.
				if done := earliest(domain.MustDate(y, 12, 15), last); r.IntN(2) == 0 && !domain.AddDays(my.PartyIntroduced, 60).After(done) {
					my.PartyAdmitted = randDate(r, domain.AddDays(my.PartyIntroduced, 60), done)
					admitted[y]++
				}
			}
			pp.years = append(pp.years, my)
		}
	}
	return admitted
}

// writeYears writes the ward's figures, self-rating and report texts of
// each year, and each branch's criteria and rating.
func writeYears(ctx context.Context, st *store.Store, r *rand.Rand, o Options, w ward, people []*person, branches []branch, party map[int]int, end domain.Date) error {
	crit, err := st.Criteria(ctx)
	if err != nil {
		return err
	}
	var active []int64
	for _, c := range crit {
		if c.Active {
			active = append(active, c.ID)
		}
	}
	areas := 0
	for _, b := range branches {
		if b.role == roleArea {
			areas++
		}
	}
	unitRatings := []string{"excellent", "good", "good", "good", "average", "weak"}
	// Each year takes the next wording of each text, from a place the
	// seed draws: no two years read the same.
	off := r.IntN(3)
	for i, y := range dataYears(o) {
		k := (i + off) % 3
		f := yearFigures(people, y, end)
		count := party[y] + 1 + r.IntN(3)
		// The Party's admissions are counted twice a year, as the 6-month
		// and the annual reports read them: about half by the end of June.
		if mid := domain.MustDate(y, 6, 20); !mid.After(end) {
			first := domain.WardYear{Year: y, ResidentYouth: len(people) * 13 / 10, NewPartyMembers: (count + 1) / 2, PartyCounted: mid}
			if err := st.SaveWardYear(ctx, first); err != nil {
				return fmt.Errorf("tạo số liệu năm %d mẫu: %w", y, err)
			}
		}
		wy := domain.WardYear{Year: y, ResidentYouth: len(people) * 13 / 10, NewPartyMembers: count}
		if day := domain.MustDate(y, 12, 20); day.After(end) {
			wy.PartyCounted = end
		} else {
			wy.PartyCounted = day
		}
		if rated(y, end) {
			wy.Rating = pick(r, []string{"excellent", "good", "good"})
		}
		wy.Achievements, wy.Shortcomings, wy.NextSteps = wardTexts(w, y, k, f)
		if err := st.SaveWardYear(ctx, wy); err != nil {
			return fmt.Errorf("tạo số liệu năm %d mẫu: %w", y, err)
		}
		// The year's texts are written by the day the year's count is
		// (20/12, or today for the year running), so that the year's
		// report dated then prints them.
		texts := annualTexts(r, w, y, k, f, areas, len(branches))
		texts["strengths"], texts["shortcomings"], texts["directions"] = wy.Achievements, wy.Shortcomings, wy.NextSteps
		if err := st.SaveNarrativeOn(ctx, domain.NarrativeAnnual, y, texts, wy.PartyCounted); err != nil {
			return fmt.Errorf("tạo nội dung báo cáo năm %d mẫu: %w", y, err)
		}
		if !rated(y, end) {
			continue
		}
		for _, b := range branches {
			// A quarter of the branches meet every criterion; the others
			// miss one. The rating follows the criteria: a branch meeting
			// all of them is rated in the top two levels, one missing some
			// never best.
			skip, rating := -1, pick(r, unitRatings[:4])
			if r.IntN(4) > 0 && len(active) > 0 {
				skip, rating = r.IntN(len(active)), pick(r, unitRatings[1:])
			}
			by := domain.BranchYear{BranchID: b.id, Year: y, Rating: rating}
			for k, c := range active {
				if k != skip {
					by.Met = append(by.Met, c)
				}
			}
			if err := st.SaveBranchYear(ctx, by); err != nil {
				return fmt.Errorf("tạo xếp loại chi đoàn mẫu: %w", err)
			}
		}
	}
	return nil
}

// figures are what a year's texts quote from the register.
type figures struct {
	members, admitted, cameOfAge int
}

func yearFigures(people []*person, y int, end domain.Date) figures {
	var f figures
	last := yearEnd(y, end)
	for _, pp := range people {
		if pp.activeOn(last) {
			f.members++
		}
		for _, e := range pp.events {
			if e.Date.Year() == y {
				switch e.Kind {
				case domain.EventAdmission:
					f.admitted++
				case domain.EventComingOfAge:
					f.cameOfAge++
				}
			}
		}
	}
	return f
}

// annualTexts are the annual report's sections the register cannot tell
// from its figures, written differently each year as a secretary would:
// wording k of each section (the caller gives each year another) and the
// year's figures.
func annualTexts(r *rand.Rand, w ward, y, k int, f figures, areas, branches int) domain.Narrative {
	Ward, ward := w.Place(), w.lower()
	area := "khóm"
	trades := "buôn bán nhỏ, làm công nhân và dịch vụ"
	if w.commune {
		area, trades = "ấp", "trồng lúa, nuôi cá và làm vườn"
	}
	away := 8 + r.IntN(10)
	situation := []string{
		fmt.Sprintf("%s có %d %s; thanh niên chủ yếu %s. Được sự quan tâm của Đảng ủy, chính quyền %s; tuy nhiên khoảng %d%% thanh niên đi làm ăn xa, khó tập hợp.",
			Ward, areas, area, trades, w.kind(), away),
		fmt.Sprintf("Năm %d, %s có %d %s với %d chi đoàn trực thuộc. Thanh niên làm nghề %s; số thanh niên đi làm ăn ngoài tỉnh khoảng %d%%, ảnh hưởng đến sinh hoạt chi đoàn.",
			y, Ward, areas, area, branches, trades, away),
		fmt.Sprintf("Trên địa bàn %s có %d %s. Đoàn %s nhận được sự lãnh đạo sâu sát của Đảng ủy và sự phối hợp của các ngành; khó khăn lớn nhất vẫn là thanh niên đi làm ăn xa (khoảng %d%%).",
			ward, areas, area, ward, away),
	}
	inspected := min(branches, 3+r.IntN(max(1, branches-2)))
	reminded := 1 + r.IntN(max(1, inspected/3))
	inspection := []string{
		fmt.Sprintf("Ban Thường vụ Đoàn %s kiểm tra việc sinh hoạt chi đoàn và thu, nộp đoàn phí tại %d chi đoàn; qua kiểm tra, nhắc nhở %d chi đoàn sinh hoạt chưa đúng định kỳ.", ward, inspected, reminded),
		fmt.Sprintf("Trong năm %d, Ủy ban Kiểm tra Đoàn %s kiểm tra %d chi đoàn về thực hiện Điều lệ Đoàn và sổ sách đoàn vụ; %d chi đoàn được nhắc nhở bổ sung sổ đoàn viên.", y, ward, inspected, reminded),
		fmt.Sprintf("Đã kiểm tra, giám sát %d chi đoàn; %d chi đoàn chậm nộp đoàn phí đã khắc phục ngay trong quý.", inspected, reminded),
	}
	causes := []string{
		"Một số Bí thư chi đoàn mới được kiện toàn, kinh nghiệm còn ít; thanh niên đi làm ăn xa nhiều.",
		fmt.Sprintf("Trong năm %d có %d đoàn viên trưởng thành Đoàn, việc kiện toàn Ban Chấp hành chi đoàn chưa kịp thời.", y, f.cameOfAge),
		"Kinh phí hoạt động còn hạn chế; một số chi đoàn chưa chủ động đổi mới hình thức sinh hoạt.",
	}
	lessons := []string{
		fmt.Sprintf("Bám sát chỉ đạo của Đảng ủy %s và Đoàn cấp trên; phát huy vai trò của Bí thư chi đoàn %s.", ward, area),
		"Chọn việc cụ thể, giao chỉ tiêu rõ cho từng chi đoàn và kiểm tra thường xuyên thì phong trào chuyển biến.",
		"Phối hợp chặt chẽ với các ngành, đoàn thể; lấy đoàn viên làm trung tâm trong mọi hoạt động.",
	}
	recommendations := []string{
		fmt.Sprintf("Đề nghị Ban Thường vụ Tỉnh Đoàn mở thêm lớp tập huấn nghiệp vụ cho Bí thư chi đoàn %s.", area),
		"Đề nghị Tỉnh Đoàn hỗ trợ nguồn vốn vay cho mô hình thanh niên làm kinh tế.",
		fmt.Sprintf("Đề nghị Đảng ủy, Ủy ban nhân dân %s bố trí thêm kinh phí cho hoạt động thanh niên năm %d.", ward, y+1),
	}
	return domain.Narrative{
		"situation":       situation[k],
		"inspection":      inspection[(k+1)%3],
		"causes":          causes[(k+2)%3],
		"lessons":         lessons[k],
		"recommendations": recommendations[(k+1)%3],
	}
}

// wardTexts are the ward's own summary of a year (kết quả, hạn chế,
// phương hướng), with the year's figures.
func wardTexts(w ward, y, k int, f figures) (achievements, shortcomings, next string) {
	ward := w.lower()
	area := "khóm"
	if w.commune {
		area = "ấp"
	}
	a := []string{
		fmt.Sprintf("Ban Chấp hành Đoàn %s đã cụ thể hóa kế hoạch thành chương trình công tác năm %d; kết nạp %d đoàn viên mới, các chi đoàn %s duy trì sinh hoạt định kỳ.", ward, y, f.admitted, area),
		fmt.Sprintf("Năm %d, Đoàn %s có %d đoàn viên, kết nạp mới %d; mô hình thanh niên làm kinh tế tiếp tục đạt doanh thu ổn định.", y, ward, f.members, f.admitted),
		fmt.Sprintf("Hoàn thành các chỉ tiêu chủ yếu năm %d: phát triển %d đoàn viên mới, giới thiệu đoàn viên ưu tú cho Đảng, duy trì câu lạc bộ và tổ hợp tác thanh niên.", y, f.admitted),
	}
	s := []string{
		"Một số chi đoàn sinh hoạt chưa đều; việc nắm số lượng thanh niên đi làm ăn xa còn khó khăn.",
		fmt.Sprintf("Chất lượng sinh hoạt ở một số chi đoàn %s chưa cao; nội dung sinh hoạt chưa hấp dẫn thanh niên.", area),
		"Công tác tuyên truyền trên mạng xã hội chưa thường xuyên; tỷ lệ đoàn viên hoàn thành chương trình rèn luyện chưa đạt yêu cầu.",
	}
	n := []string{
		fmt.Sprintf("Năm %d, tiếp tục nâng chất chi đoàn %s đạt chuẩn; hỗ trợ thêm mô hình kinh tế; giới thiệu đoàn viên ưu tú cho Đảng.", y+1, area),
		fmt.Sprintf("Tập trung kiện toàn chi đoàn sau trưởng thành Đoàn; phấn đấu năm %d kết nạp mới không ít hơn năm %d.", y+1, y),
		"Đổi mới hình thức sinh hoạt chi đoàn; đẩy mạnh chuyển đổi số trong công tác Đoàn; chăm lo thanh niên lập nghiệp.",
	}
	return a[k], s[(k+1)%3], n[(k+2)%3]
}
