package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sodoan/domain"
	"sodoan/store"
)

// The demo ward's year of work (issue 19): each data year's activities
// and each branch's meetings with their attendance, drawn to agree with
// the ratings written before them:
//   - a branch rated Xuất sắc (the top unit level) met every month, one
//     rated Tốt missed at most one, Khá/Trung bình two, Yếu three (two or
//     more regular meetings missed in a half-year is the lowest grade's
//     ground);
//   - a member rated Hoàn thành xuất sắc was at every meeting and on the
//     roll of every activity called (a share of 100 %, over the 90 % the
//     top grade needs); one rated Không hoàn thành was often absent
//     without reason, so that some are on the "cần xem xét" list;
//   - the year still running has its months up to the data's last day.
//
// It draws from a stream of its own, so that the ward's people, ratings
// and plan are the ones an older demo of the same seed made. A ward over
// maxRollMembers members has its meetings and activities without rolls:
// a 100,000-member benchmark register would otherwise hold millions of
// marks.
const maxRollMembers = 20000

// presence draws a member's mark at a meeting from the year's rating.
func presence(r *rand.Rand, rating domain.Rating) domain.Presence {
	n := r.IntN(100)
	switch rating {
	case "excellent":
		return domain.Present
	case "good":
		if n < 92 {
			return domain.Present
		}
		return domain.Excused
	case "done":
		switch {
		case n < 82:
			return domain.Present
		case n < 96:
			return domain.Excused
		}
		return domain.Absent
	case "not_done":
		switch {
		case n < 55:
			return domain.Present
		case n < 65:
			return domain.Excused
		}
		return domain.Absent
	}
	switch { // a year not rated yet, or a member who came in the year
	case n < 86:
		return domain.Present
	case n < 96:
		return domain.Excused
	}
	return domain.Absent
}

// ratingOf is a member's rating of year y ("" when none).
func ratingOf(pp *person, y int) domain.Rating {
	for _, my := range pp.years {
		if my.Year == y {
			return my.Rating
		}
	}
	return ""
}

// monthsMissed is how many months a branch rated rating did not meet.
func monthsMissed(r *rand.Rand, rating string) int {
	switch rating {
	case "excellent":
		return 0
	case "good":
		return r.IntN(2)
	case "average":
		return 2
	case "weak":
		return 3
	}
	return r.IntN(2)
}

// writeWork writes the data years' meetings, attendance and activities.
func writeWork(ctx context.Context, st *store.Store, o Options, w ward, people []*person, branches []branch, end domain.Date) error {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x19a7))
	roll := o.Members <= maxRollMembers
	themes := domain.DefaultThemes
	for _, y := range dataYears(o) {
		var year []*domain.Meeting // written in one transaction a year
		for bi, b := range branches {
			by, err := st.BranchYear(ctx, b.id, y)
			if err != nil {
				return err
			}
			missed := map[int]bool{}
			for n := monthsMissed(r, by.Rating); len(missed) < n; {
				missed[1+r.IntN(12)] = true
			}
			for m := 1; m <= 12; m++ {
				if missed[m] {
					continue
				}
				meetings := []domain.Meeting{{BranchID: b.id, Date: domain.MustDate(y, m, 5+(bi*3+m)%20), Kind: domain.MeetingRegular, Theme: themes[m-1]}}
				if m == 5 {
					// May's thematic meeting on the life of Hồ Chí Minh.
					meetings = append(meetings, domain.Meeting{BranchID: b.id, Date: domain.MustDate(y, 5, 19), Kind: domain.MeetingThematic,
						Theme: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"})
				}
				for _, mt := range meetings {
					if mt.Date.After(end) && mt.Kind == domain.MeetingRegular && m == end.Month() && y == end.Year() {
						// This month's meeting, not yet on its usual day:
						// held early, so that a branch rated this December
						// has its twelve months.
						mt.Date = end
					}
					if mt.Date.After(end) {
						continue
					}
					if roll {
						for _, pp := range people {
							if pp.branch == bi && pp.activeOn(mt.Date) {
								mt.Attendance = append(mt.Attendance, domain.Attendance{PersonID: pp.p.ID, Status: presence(r, ratingOf(pp, y))})
							}
						}
					}
					c := mt.Count()
					mt.Minutes = fmt.Sprintf("Chi đoàn sinh hoạt theo chủ điểm “%s”; có mặt %d/%d đoàn viên. Bí thư chi đoàn đánh giá hoạt động tháng, phổ biến kế hoạch tháng tới.", mt.Theme, c.Present, c.Called())
					mt.Resolution = "Thống nhất thực hiện kế hoạch tháng tới; đoàn viên vắng không lý do được chi đoàn nhắc nhở."
					year = append(year, &mt)
				}
			}
		}
		if err := st.SaveMeetings(ctx, year); err != nil {
			return fmt.Errorf("tạo buổi sinh hoạt mẫu năm %d: %w", y, err)
		}
		if err := writeActivities(ctx, st, r, w, people, branches, y, end, roll); err != nil {
			return err
		}
	}
	return nil
}

// writeActivities writes year y's activities, up to end.
func writeActivities(ctx context.Context, st *store.Store, r *rand.Rand, w ward, people []*person, branches []branch, y int, end domain.Date, roll bool) error {
	members := 0
	for _, pp := range people {
		if pp.activeOn(domain.MustDate(y, 6, 30)) {
			members++
		}
	}
	share := func(pct int) int { return max(1, members*pct/100+r.IntN(max(1, members/20))) }
	d := func(m, day int) domain.Date { return domain.MustDate(y, m, day) }
	type act struct {
		a    domain.Activity
		roll bool
	}
	acts := []act{
		{domain.Activity{Kind: "welfare", Title: "Xuân tình nguyện, trao quà Tết cho hộ nghèo, gia đình chính sách", Date: d(1, 20), End: d(2, 5),
			Participants: domain.Participants{Union: share(6), Federation: share(2)},
			Measures:     map[string]int64{"gifts": int64(80 + r.IntN(120)), "value": int64(40+r.IntN(80)) * 1_000_000}}, false},
		{domain.Activity{Kind: "defence", Title: "Tiễn thanh niên lên đường nhập ngũ", Date: d(2, 12),
			Participants: domain.Participants{Union: share(5), Others: 40 + r.IntN(60)}, Measures: map[string]int64{"recruits": int64(8 + r.IntN(15))}}, false},
		{domain.Activity{Kind: "education", Title: "Sinh hoạt chính trị kỷ niệm ngày thành lập Đoàn TNCS Hồ Chí Minh 26/3", Date: d(3, 26),
			Participants: domain.Participants{Federation: share(3), Others: 20 + r.IntN(40)}}, true},
		{domain.Activity{Kind: "volunteer", Title: "Ra quân Tháng Thanh niên, Ngày Chủ nhật xanh", Date: d(3, 8),
			Participants: domain.Participants{Union: share(12), Federation: share(4)}, Measures: map[string]int64{"volunteers": int64(share(16)), "days": 1}}, false},
		{domain.Activity{Kind: "blood", Title: "Ngày hội hiến máu tình nguyện", Date: d(4, 12),
			Participants: domain.Participants{Union: share(4), Others: 20 + r.IntN(30)}, Measures: map[string]int64{"units": int64(share(4) + 20)}}, false},
		{domain.Activity{Kind: "education", Title: "Học tập chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", Date: d(5, 19),
			Participants: domain.Participants{Federation: share(2)}}, true},
		{domain.Activity{Kind: "volunteer", Title: "Chiến dịch Thanh niên tình nguyện hè", Date: d(6, 1), End: d(8, 31),
			Participants: domain.Participants{Union: share(20), Federation: share(5), Others: 30 + r.IntN(50)},
			Measures:     map[string]int64{"volunteers": int64(share(25)), "days": int64(20 + r.IntN(20))}}, false},
		{domain.Activity{Kind: "works", Title: fmt.Sprintf("Công trình thanh niên “Tuyến đường thanh niên tự quản” %s", w.lower()), Date: d(7, 10),
			Participants: domain.Participants{Union: share(8)}, Measures: map[string]int64{"works": 1, "value": int64(30+r.IntN(90)) * 1_000_000}}, false},
		{domain.Activity{Kind: "startup", Title: "Hỗ trợ thanh niên vay vốn qua Ngân hàng Chính sách xã hội, tổ tiết kiệm và vay vốn", Date: d(8, 15),
			Participants: domain.Participants{Union: 6 + r.IntN(10), Others: 4 + r.IntN(6)},
			Measures:     map[string]int64{"supported": int64(10 + r.IntN(15)), "loans": int64(5 + r.IntN(8)), "amount": int64(200+r.IntN(600)) * 1_000_000}}, false},
		{domain.Activity{Kind: "reform", Title: "Cảm hóa, giáo dục thanh thiếu niên chậm tiến tại địa bàn dân cư", Date: d(9, 10),
			Participants: domain.Participants{Union: 6 + r.IntN(6)}, Measures: map[string]int64{"people": int64(2 + r.IntN(5))}}, false},
		{domain.Activity{Kind: "culture", Title: "Giải bóng đá thanh niên mừng ngày Quốc khánh", Date: d(8, 25), End: d(9, 2),
			Participants: domain.Participants{Union: share(6), Federation: share(2), Others: 30 + r.IntN(40)}}, false},
		{domain.Activity{Kind: "creative", Title: "Hội thi ý tưởng sáng tạo thanh niên", Date: d(10, 15),
			Participants: domain.Participants{Union: share(3), Federation: share(1)}}, false},
		{domain.Activity{Kind: "inspection", Title: "Kiểm tra công tác Đoàn, thu nộp đoàn phí tại các chi đoàn", Date: d(11, 5), End: d(11, 20),
			Participants: domain.Participants{Union: 5}, Measures: map[string]int64{"units": int64(len(branches) / 2)},
			Note: "Nội dung: sinh hoạt chi đoàn, sổ chi đoàn, thu nộp đoàn phí. Kết luận: các chi đoàn duy trì sinh hoạt; nhắc chi đoàn còn thiếu buổi sinh hoạt."}, false},
	}
	// Each area branch runs a Ngày Chủ nhật xanh of its own in the year.
	for bi, b := range branches {
		if b.role != roleArea {
			continue
		}
		acts = append(acts, act{domain.Activity{Kind: "volunteer", Title: "Ngày Chủ nhật xanh " + b.name[len("Chi đoàn "):], Date: d(4+bi%6, 7+bi%14),
			Branches: []int64{b.id}, Participants: domain.Participants{Union: 10 + r.IntN(20), Others: r.IntN(10)},
			Measures: map[string]int64{"volunteers": int64(10 + r.IntN(25)), "days": 1}}, false})
	}
	var year []*domain.Activity
	for _, x := range acts {
		a := x.a
		if a.Date.After(end) {
			continue
		}
		if a.End.After(end) {
			a.End = end
		}
		a.Ward = len(a.Branches) == 0
		if x.roll && roll {
			// The ward calls every member; who came is on the roll: each
			// member rated Hoàn thành xuất sắc came.
			a.Roll = true
			for _, pp := range people {
				if pp.branch < 0 || !pp.activeOn(a.Date) {
					continue
				}
				if rating := ratingOf(pp, y); rating == "excellent" || presence(r, rating) == domain.Present {
					a.People = append(a.People, pp.p.ID)
				}
			}
			a.Participants.Union = len(a.People)
			a.Measures = map[string]int64{"reached": int64(a.Participants.Total())}
		} else if x.roll {
			a.Participants.Union = share(40)
			a.Measures = map[string]int64{"reached": int64(a.Participants.Total())}
		}
		year = append(year, &a)
	}
	if err := st.SaveActivities(ctx, year); err != nil {
		return fmt.Errorf("tạo hoạt động mẫu năm %d: %w", y, err)
	}
	return nil
}
