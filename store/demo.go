package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// DemoOptions sizes the demo ward.
type DemoOptions struct {
	Members int   // people to create, 10 to 200,000
	Seed    int64 // same seed, same ward
	Year    int   // the "current" year of the data (0: this year)
}

var (
	// Nguyễn is about a third of Vietnamese family names (12 of 36 here).
	demoFamilies = []string{"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn",
		"Trần", "Trần", "Trần", "Lê", "Lê", "Lê", "Phạm", "Phạm", "Huỳnh", "Huỳnh", "Hoàng", "Phan", "Võ", "Võ", "Vũ", "Đặng", "Bùi",
		"Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Lâm"}
	demoMiddleMale   = []string{"Văn", "Văn", "Hữu", "Minh", "Quốc", "Thanh", "Đức", "Công", "Hoàng", "Trọng", "Tấn", "Chí", "Gia", "Nhật", ""}
	demoMiddleFemale = []string{"Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Bảo", "Thùy", "Phương", "Hồng", "Diễm", "Như", ""}
	demoGivenMale    = []string{"An", "Bình", "Cường", "Dũng", "Đức", "Đạt", "Hải", "Hòa", "Hùng", "Huy", "Khang", "Khoa", "Khải",
		"Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phúc", "Quang", "Quý", "Sơn", "Tài", "Tâm", "Thắng", "Thịnh",
		"Thuận", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Kiệt", "Hiếu", "Hậu", "Lợi", "Nhựt", "Phong", "Sang", "Tín", "Trọng", "Vĩnh"}
	demoGivenFemale = []string{"Anh", "Ánh", "Châu", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hòa", "Hương", "Lan",
		"Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhi", "Như", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang",
		"Trinh", "Tuyết", "Uyên", "Vy", "Yến", "Xuân", "Nhung", "Thư", "Trâm", "Ngọc", "Hiền", "Kiều", "Duyên", "Tiên"}
	demoEthnic    = []string{"Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Hoa", "Khmer"}
	demoReligion  = []string{"", "", "", "", "", "", "", "", "Phật giáo", "Phật giáo", "Công giáo", "Hòa Hảo", "Cao Đài"}
	demoStreets   = []string{"Nguyễn Huệ", "Hùng Vương", "Trần Hưng Đạo", "Lý Thường Kiệt", "Lê Lợi", "Rạch Mẫu", "Bờ Sen", "Cây Gáo"}
	demoLanguages = []string{"", "", "", "Tiếng Anh", "Tiếng Anh", "Tiếng Khmer", "Tiếng Hoa"}
	demoClubs     = []struct{ name, kind string }{{"CLB Thanh niên làm kinh tế phường", "economic"}, {"CLB Bí thư chi đoàn", "secretaries"}, {"CLB Báo cáo viên, tuyên truyền viên", "propagandists"}, {"CLB Bóng đá thanh niên", "interest"}}
	demoCoops     = []struct{ name, field string }{{"Tổ hợp tác trồng hoa kiểng Bờ Sen", "Trồng hoa kiểng"}, {"Tổ hợp tác nuôi cá Rạch Mẫu", "Thủy sản"}, {"Tổ hợp tác bánh phồng Hòa Mẫu", "Chế biến thực phẩm"}}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// earliestOf is the earlier of two dates.
func earliestOf(a, b domain.Date) domain.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func randDate(r *rand.Rand, from, to domain.Date) domain.Date {
	days := int(to.Time().Sub(from.Time()).Hours() / 24)
	if days <= 0 {
		return from
	}
	return domain.DateOf(from.Time().AddDate(0, 0, r.IntN(days+1)))
}

// GenerateDemo fills the register with a deterministic, realistic ward:
// Vietnamese names and hamlets, branches of every kind, clubs, cooperative
// groups with revenue, several years of events, ratings and Party
// introductions. It refuses a register that already has people, so that
// it can never mix invented people into a real register.
func (s *Store) GenerateDemo(ctx context.Context, o DemoOptions) error {
	if err := domain.DemoMembersRange.Check(int64(o.Members)); err != nil {
		return err
	}
	if o.Year == 0 {
		o.Year = s.Today().Year()
	}
	if err := s.RefuseConsolidation(ctx, "tạo phường mẫu"); err != nil {
		return err
	}
	if err := domain.CheckYear(o.Year); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x5d0a))
	today := s.Today()
	end := domain.MustDate(o.Year, 12, 31)
	if end.After(today) {
		end = today
	}
	keys := domain.NewSortKeyer() // private to this call: no lock needed
	// A bulk load on its own connection with a large page cache, and with
	// the secondary indexes built once at the end rather than row by row:
	// a 100,000-member ward then takes seconds instead of a quarter minute.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("mở kết nối: %w", err)
	}
	defer conn.Close()
	// The register stays in WAL mode: a rollback journal would spare the
	// WAL's second write of each page, but would lock every reader out
	// (another window, a report) for as long as the ward takes to make.
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -131072`); err != nil {
		return fmt.Errorf("chuẩn bị tạo mẫu: %w", err)
	}
	defer conn.ExecContext(context.Background(), `PRAGMA cache_size = -16000`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bắt đầu giao dịch: %w", busy(err))
	}
	defer tx.Rollback()
	// Counted inside the write transaction: two demos started at once on
	// one register cannot both find it empty.
	var existing int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&existing); err != nil {
		return fmt.Errorf("kiểm tra sổ: %w", err)
	}
	if existing > 0 {
		return fmt.Errorf("sổ %s đã có %d người: dữ liệu mẫu chỉ tạo trên sổ trống", s.path, existing)
	}
	// Items in the recycle bin keep their ids, which the demo's numbering
	// would take.
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM trash`).Scan(&existing); err != nil {
		return fmt.Errorf("kiểm tra thùng rác: %w", err)
	}
	if existing > 0 {
		return fmt.Errorf("thùng rác của sổ %s còn %d mục: dọn thùng rác trước khi tạo dữ liệu mẫu", s.path, existing)
	}
	if err := demoFill(ctx, tx, r, keys, o, end); err != nil {
		return err
	}
	// A bulk load of invented people: history keeps one line for it, not
	// one a row.
	w := s.newWriteTx(ctx, tx)
	if err := w.Log("demo", "people", "", nil, nil, dbRow{"members": int64(o.Members), "seed": o.Seed}, ""); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("ghi dữ liệu mẫu: %w", err)
	}
	return nil
}

func demoFill(ctx context.Context, tx *sql.Tx, r *rand.Rand, keys *domain.SortKeyer, o DemoOptions, end domain.Date) error {
	return writepath.WithoutIndexes(ctx, tx, []string{"people", "membership_events", "member_years"}, func() error {
		return demoData(ctx, tx, r, keys, o, end)
	})
}

func demoData(ctx context.Context, tx *sql.Tx, r *rand.Rand, keys *domain.SortKeyer, o DemoOptions, end domain.Date) error {
	{
		if has, err := hasUnit(ctx, tx); err != nil {
			return err
		} else if !has {
			// A fictional ward; its signers are the register's own
			// officers (positions), never names written here.
			u := map[string]string{"unit.upper_body": "TỈNH ĐOÀN ĐỒNG THÁP", "unit.name": "BCH ĐOÀN PHƯỜNG HÒA MẪU",
				"unit.place": "Phường Hòa Mẫu", "unit.issuer_code": "ĐTN"}
			// Written as a user would write them, but their history lines
			// are never flushed: history keeps the demo as one line.
			for k, v := range u {
				if err := setSetting(ctx, &writeTx{Tx: writepath.New(ctx, tx, writepath.Options{Schema: schema, NoHistory: !recordHistory}), ctx: ctx}, k, v); err != nil {
					return err
				}
			}
		}
		branches, err := demoBranches(ctx, tx, keys, o.Members)
		if err != nil {
			return err
		}
		hamlets := []string{}
		for _, b := range branches {
			if b.kind == domain.BranchHamlet {
				hamlets = append(hamlets, strings.TrimPrefix(b.name, "Chi đoàn "))
			}
		}
		ids, err := demoPeople(ctx, tx, r, keys, o, branches, hamlets, end)
		if err != nil {
			return err
		}
		if err := demoYears(ctx, tx, r, o, ids, branches, end); err != nil {
			return err
		}
		return demoGroups(ctx, tx, r, o, ids)
	}
}

type demoBranch struct {
	id   int64
	name string
	kind domain.BranchKind
}

func demoBranches(ctx context.Context, tx *sql.Tx, keys *domain.SortKeyer, members int) ([]demoBranch, error) {
	var bs []demoBranch
	hamletCount := 8 + members/1500
	for i := 1; i <= hamletCount; i++ {
		bs = append(bs, demoBranch{name: fmt.Sprintf("Chi đoàn Khóm %d", i), kind: domain.BranchHamlet})
	}
	bs = append(bs,
		demoBranch{name: "Chi đoàn Ấp Tân Hòa", kind: domain.BranchHamlet},
		demoBranch{name: "Chi đoàn Trường THPT Hòa Mẫu", kind: domain.BranchSchool},
		demoBranch{name: "Chi đoàn Cơ quan UBND phường", kind: domain.BranchAgency},
		demoBranch{name: "Chi đoàn Công an phường", kind: domain.BranchArmed},
		demoBranch{name: "Chi đoàn Quân sự phường", kind: domain.BranchArmed},
		demoBranch{name: "Chi đoàn Công ty TNHH Thực phẩm Sen Hồng", kind: domain.BranchEnterprise},
	)
	for i := range bs {
		res, err := tx.ExecContext(ctx, `INSERT INTO branches(name, kind, sort_key) VALUES (?,?,?)`, bs[i].name, string(bs[i].kind), keys.TextKey(bs[i].name))
		if err != nil {
			return nil, fmt.Errorf("tạo chi đoàn mẫu: %w", err)
		}
		bs[i].id, _ = res.LastInsertId()
	}
	return bs, nil
}

type demoPerson struct {
	id     int64
	union  bool
	active bool
	birth  domain.Date
	admit  domain.Date
	branch int64
	gender domain.Gender
}

type demoEvent struct {
	kind         string
	date         domain.Date
	unit, reason string
}

type personEvent struct {
	id int64
	e  demoEvent
}

func demoPeople(ctx context.Context, tx *sql.Tx, r *rand.Rand, keys *domain.SortKeyer, o DemoOptions, branches []demoBranch, hamlets []string, end domain.Date) ([]demoPerson, error) {
	var firstID int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) + 1 FROM people`).Scan(&firstID); err != nil {
		return nil, fmt.Errorf("chuẩn bị tạo mẫu: %w", err)
	}
	insPerson, err := writepath.NewBulkInsert(ctx, tx, `INSERT INTO people(id, family_name, middle_name, given_name, gender, birth_date,
		ethnicity, religion, citizen_id, phone, address, hamlet, occupation, schooling, qualification, theory_level,
		it_level, language, language_fluent, union_member, admission_date, card_number, branch_id, federation_member,
		federation_date, status, sort_key, search)`, 28)
	if err != nil {
		return nil, err
	}
	insFTS, err := writepath.NewBulkInsert(ctx, tx, `INSERT INTO people_fts(rowid, name, ids)`, 3)
	if err != nil {
		return nil, err
	}
	insEvent, err := writepath.NewBulkInsert(ctx, tx, `INSERT INTO membership_events(person_id, kind, date, unit, reason)`, 5)
	if err != nil {
		return nil, err
	}

	// Armed-forces occupations come with an armed-forces branch only.
	occupations := []domain.Occupation{"student", "student", "student", "civil_servant", "worker", "worker", "farmer", "farmer", "self_employed", "self_employed", "unemployed", "other"}
	otherUnits := []string{"Đoàn phường Tân Mẫu", "Đoàn phường Mỹ Sen", "Đoàn xã Hòa Mẫu Đông", "Đoàn xã Rạch Sen", "Đoàn phường Bờ Sen", "Đoàn Trường Cao đẳng Hòa Mẫu"}
	people := make([]demoPerson, 0, o.Members)
	allEvents := make([]personEvent, 0, o.Members)
	for i := 0; i < o.Members; i++ {
		var p demoPerson
		p.gender = domain.Male
		branch := branches[r.IntN(len(branches))]
		family := pick(r, demoFamilies)
		var middle, given string
		// Armed-forces branches are mostly men.
		female := r.IntN(100) < 51
		if branch.kind == domain.BranchArmed {
			female = r.IntN(100) < 12
		}
		if female {
			p.gender = domain.Female
			middle, given = pick(r, demoMiddleFemale), pick(r, demoGivenFemale)
		} else {
			middle, given = pick(r, demoMiddleMale), pick(r, demoGivenMale)
		}
		for middle == given {
			middle = pick(r, []string{"Thanh", "Minh", "Ngọc", "Hoàng"})
		}
		// Ages 15 to 32 at the end of the data year: a few are past 30;
		// a high school's pupils are 15 to 18.
		age := 15 + r.IntN(18)
		if branch.kind == domain.BranchSchool {
			age = 16 + r.IntN(3)
		}
		p.birth = randDate(r, domain.MustDate(o.Year-age-1, 1, 2), domain.MustDate(o.Year-age, 12, 28))
		if p.birth.After(end) {
			p.birth = end
		}
		p.branch = branch.id
		p.union = r.IntN(100) < 82
		fed := !p.union || r.IntN(100) < 35
		var fedDate domain.Date
		occupation := pick(r, occupations)
		switch {
		case branch.kind == domain.BranchSchool:
			occupation = "student"
		case branch.kind == domain.BranchArmed:
			occupation = "armed"
		case occupation == "student" && age > 23:
			// Students are of school or university age.
			occupation = pick(r, []domain.Occupation{"worker", "self_employed", "civil_servant"})
		}
		// Schooling by age: a pupil is in the grade of his age; adults
		// finished school, most of them the 12 grades.
		schooling := min(12, age-6)
		if age >= 18 {
			schooling = 12
			if r.IntN(100) < 20 {
				schooling = 9 + r.IntN(3)
			}
		}
		qual := domain.Qualification("")
		if age >= 20 {
			qual = pick(r, []domain.Qualification{"", "", "vocational", "college", "university", "university"})
		}
		if qual != "" && qual != "vocational" {
			schooling = 12 // a college or university degree follows grade 12
		}
		var card any
		if p.union && domain.AddDays(p.birth.AddYears(15), 1).After(end) {
			// Too young to be admitted yet: a Federation member.
			p.union, fed = false, true
		}
		if p.union {
			// The store admits from the day after the 15th birthday.
			earliest := domain.AddDays(p.birth.AddYears(15), 1)
			latest := p.birth.AddYears(20)
			if latest.After(end) {
				latest = end
			}
			p.admit = randDate(r, earliest, latest)
			card = fmt.Sprintf("087%07d", 1000000+i*7%9000000+i/9000000)
		} else {
			p.branch = 0
		}
		if fed {
			from := p.birth.AddYears(15)
			if from.After(end) {
				from = end
			}
			fedDate = randDate(r, from, end)
		}
		century := 0
		if p.birth.Year() >= 2000 {
			century = 2
		}
		if p.gender == domain.Female {
			century++
		}
		cccd := ""
		if age >= 16 || r.IntN(3) == 0 {
			cccd = fmt.Sprintf("087%d%02d%06d", century, p.birth.Year()%100, (i*7919+13)%1000000)
		}
		phone := ""
		if r.IntN(100) < 85 {
			phone = fmt.Sprintf("0%d%08d", pick(r, []int{3, 7, 8, 9}), r.IntN(100000000))
		}
		hamlet := pick(r, hamlets)
		lang := pick(r, demoLanguages)
		fluent := lang != "" && r.IntN(3) == 0
		theory := domain.TheoryLevel("")
		if age >= 22 && r.IntN(100) < 15 {
			theory = "elementary"
		}
		// Membership history first: the status column is derived from it.
		status := domain.StatusActive
		var events []demoEvent
		if p.union {
			p.active = true
			kind, unit := "admission", ""
			if r.IntN(100) < 6 {
				kind, unit = "transfer_in", pick(r, otherUnits)
			}
			events = append(events, demoEvent{kind, p.admit, unit, ""})
			// Later life: coming of age from 30, some transfers and removals.
			var ev demoEvent
			thirty := domain.MustDate(p.birth.Year()+30, 1, 1)
			// Every member past 30 has come of age (the register's
			// officers are chosen among the younger ones).
			switch roll := r.IntN(100); {
			case !thirty.After(end) && (roll < 70 || p.birth.AgeOn(end) > 30):
				from := thirty
				if from.Before(p.admit) {
					from = domain.AddDays(p.admit, 1)
				}
				ev = demoEvent{"coming_of_age", randDate(r, earliestOf(from, end), end), "", ""}
			case roll < 4:
				ev = demoEvent{"transfer_out", randDate(r, p.admit, end), pick(r, otherUnits), ""}
			case roll == 4:
				ev = demoEvent{"removal", randDate(r, p.admit, end), "", "Bỏ sinh hoạt quá 6 tháng không có lý do"}
			}
			if ev.kind != "" && ev.date.After(p.admit) {
				events = append(events, ev)
				status = map[string]domain.Status{"coming_of_age": domain.StatusCameOfAge, "transfer_out": domain.StatusTransferred, "removal": domain.StatusRemoved}[ev.kind]
				p.active = false
			}
		}
		p.id = firstID + int64(i)
		ids := ""
		if card != nil {
			ids = card.(string)
		}
		folded, numbers := domain.Fold(domain.JoinName(family, middle, given)), strings.TrimSpace(ids+" "+cccd+" "+phone)
		err := insPerson.Add(p.id, family, middle, given, string(p.gender), sqlDate(p.birth),
			pick(r, demoEthnic), pick(r, demoReligion), cccd, phone,
			fmt.Sprintf("%d %s", 1+r.IntN(300), pick(r, demoStreets)), hamlet, string(occupation), schooling,
			string(qual), string(theory), pick(r, []string{"", "Cơ bản", "Cơ bản", "Nâng cao"}), lang, fluent,
			p.union, sqlDate(p.admit), card, nullIfZero(p.branch), fed, sqlDate(fedDate), string(status), keys.NameKey(family, middle, given), searchColumn(folded, numbers))
		if err != nil {
			return nil, fmt.Errorf("tạo người mẫu %d: %w", i+1, err)
		}
		if err := insFTS.Add(p.id, folded, numbers); err != nil {
			return nil, fmt.Errorf("tạo chỉ mục mẫu: %w", err)
		}
		for _, e := range events {
			allEvents = append(allEvents, personEvent{p.id, e})
		}
		people = append(people, p)
	}
	if err := insPerson.Flush(); err != nil {
		return nil, fmt.Errorf("tạo người mẫu: %w", err)
	}
	if err := insFTS.Flush(); err != nil {
		return nil, fmt.Errorf("tạo chỉ mục mẫu: %w", err)
	}
	// Events go in once every person is written: the foreign key needs them.
	for _, pe := range allEvents {
		if err := insEvent.Add(pe.id, pe.e.kind, sqlDate(pe.e.date), pe.e.unit, pe.e.reason); err != nil {
			return nil, fmt.Errorf("tạo sự kiện mẫu: %w", err)
		}
	}
	if err := insEvent.Flush(); err != nil {
		return nil, fmt.Errorf("tạo sự kiện mẫu: %w", err)
	}
	return people, nil
}

func demoYears(ctx context.Context, tx *sql.Tx, r *rand.Rand, o DemoOptions, people []demoPerson, branches []demoBranch, end domain.Date) error {
	ins, err := writepath.NewBulkInsert(ctx, tx, `INSERT INTO member_years(person_id, year, rating, training_registered, training_completed, party_introduced, party_admitted)`, 7)
	if err != nil {
		return err
	}
	ratings := []domain.Rating{"excellent", "good", "good", "good", "done", "done", "done", "not_done"}
	admittedIn := map[int]int{}
	years := []int{o.Year - 2, o.Year - 1, o.Year}
	for _, p := range people {
		if !p.union || !p.active {
			continue
		}
		for _, y := range years {
			if p.admit.Year() > y || (y == o.Year && end.Month() < 11) {
				continue // the year-end rating happens in December
			}
			var intro, admitted domain.Date
			if p.birth.AgeOn(domain.MustDate(y, 6, 30)) >= 18 && r.IntN(1000) < 12 {
				// Never after the demo's last day (today in the running
				// year): the forms refuse a date in the future.
				intro = randDate(r, domain.MustDate(y, 1, 1), earliestOf(domain.MustDate(y, 11, 30), end))
				if last := earliestOf(domain.MustDate(y, 12, 15), end); r.IntN(2) == 0 && intro.Month() < 9 && !domain.AddDays(intro, 60).After(last) {
					admitted = randDate(r, domain.AddDays(intro, 60), last)
					admittedIn[y]++
				}
			}
			reg := r.IntN(100) < 90
			if err := ins.Add(p.id, y, string(pick(r, ratings)), reg, reg && r.IntN(100) < 85, sqlDate(intro), sqlDate(admitted)); err != nil {
				return fmt.Errorf("tạo xếp loại mẫu: %w", err)
			}
		}
	}
	if err := ins.Flush(); err != nil {
		return fmt.Errorf("tạo xếp loại mẫu: %w", err)
	}
	// Ward figures, criteria and branch ratings for each year.
	var crit []int64
	rows, err := tx.QueryContext(ctx, `SELECT id FROM criteria WHERE active = 1`)
	if err != nil {
		return fmt.Errorf("đọc tiêu chí: %w", err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		crit = append(crit, id)
	}
	rows.Close()
	unitRatings := []string{"excellent", "good", "good", "good", "average", "weak"}
	for _, y := range years {
		// The ward's new Party members: those the Union introduced and a
		// few who came another way.
		newParty := admittedIn[y] + 1 + r.IntN(3)
		if _, err := tx.ExecContext(ctx, `INSERT INTO ward_years(year, resident_youth, new_party_members, rating, achievements, shortcomings, next_steps) VALUES (?,?,?,?,?,?,?)`,
			y, len(people)*13/10, newParty, "good",
			"Ban Chấp hành Đoàn phường đã cụ thể hóa kế hoạch thành chương trình công tác năm; các chi đoàn khóm duy trì sinh hoạt định kỳ, nhiều mô hình thanh niên làm kinh tế đạt doanh thu ổn định.",
			"Một số chi đoàn sinh hoạt chưa đều; việc nắm số lượng thanh niên đi làm ăn xa còn khó khăn.",
			"Tiếp tục nâng chất chi đoàn khóm đạt chuẩn; hỗ trợ thêm mô hình kinh tế; giới thiệu đoàn viên ưu tú cho Đảng."); err != nil {
			return fmt.Errorf("tạo số liệu năm mẫu: %w", err)
		}
		for sec, body := range demoNarrative {
			if _, err := tx.ExecContext(ctx, `INSERT INTO narratives(doc, key, section, body) VALUES (?,?,?,?)`, domain.NarrativeAnnual, y, sec, body); err != nil {
				return fmt.Errorf("tạo nội dung báo cáo mẫu: %w", err)
			}
		}
		for _, b := range branches {
			// A quarter of the branches meet every criterion; the others
			// miss one. The rating follows the criteria: a branch meeting
			// all of them is rated in the top two levels, one missing some
			// never best.
			skip, rating := -1, pick(r, unitRatings[:4])
			if r.IntN(4) > 0 && len(crit) > 0 {
				skip, rating = r.IntN(len(crit)), pick(r, unitRatings[1:])
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO branch_years(branch_id, year, rating) VALUES (?,?,?)`, b.id, y, rating); err != nil {
				return fmt.Errorf("tạo xếp loại chi đoàn mẫu: %w", err)
			}
			for i, c := range crit {
				if i == skip {
					continue
				}
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO branch_criteria_met(branch_id, year, criterion_id) VALUES (?,?,?)`, b.id, y, c); err != nil {
					return fmt.Errorf("tạo tiêu chí mẫu: %w", err)
				}
			}
		}
	}
	// Cadres: the ward's committee and each branch's secretary.
	var active []demoPerson
	for _, p := range people {
		if p.union && p.active && p.birth.AgeOn(end) >= 20 {
			active = append(active, p)
		}
	}
	if len(active) == 0 {
		return nil
	}
	kinds := []domain.PositionKind{"secretary", "deputy", "standing", "standing", "standing", "executive", "executive", "executive", "executive", "executive", "executive", "executive"}
	// The committee elected at the congress before the plan's period.
	start := domain.MustDate(o.Year-3, 9, 20)
	for i, k := range kinds {
		p := active[(i*7919)%len(active)]
		if _, err := tx.ExecContext(ctx, `INSERT INTO positions(person_id, kind, start) VALUES (?,?,?)`, p.id, string(k), sqlDate(start)); err != nil {
			return fmt.Errorf("tạo chức vụ mẫu: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE people SET schooling = 12, qualification = ?, theory_level = ?, youth_work_trained = ?, language_fluent = ? WHERE id = ?`,
			pick(r, []string{"college", "university", "university"}), pick(r, []string{"elementary", "elementary", "intermediate", ""}), r.IntN(10) < 9, r.IntN(5) == 0, p.id); err != nil {
			return fmt.Errorf("tạo cán bộ mẫu: %w", err)
		}
	}
	for bi, b := range branches {
		for _, p := range active[min(bi*3, len(active)-1):] {
			if p.branch == b.id {
				if _, err := tx.ExecContext(ctx, `INSERT INTO positions(person_id, kind, branch_id, start) VALUES (?,?,?,?)`, p.id, "branch_secretary", b.id, sqlDate(start)); err != nil {
					return fmt.Errorf("tạo bí thư chi đoàn mẫu: %w", err)
				}
				break
			}
		}
	}
	return nil
}

func demoGroups(ctx context.Context, tx *sql.Tx, r *rand.Rand, o DemoOptions, people []demoPerson) error {
	founded := domain.MustDate(o.Year-4, 3, 26)
	var secretaries []int64
	rows, err := tx.QueryContext(ctx, `SELECT person_id FROM positions WHERE kind = 'branch_secretary' ORDER BY id`)
	if err != nil {
		return fmt.Errorf("đọc bí thư chi đoàn: %w", err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("đọc bí thư chi đoàn: %w", err)
		}
		secretaries = append(secretaries, id)
	}
	rows.Close()
	for ci, c := range demoClubs {
		if c.kind == "secretaries" {
			// The branch secretaries' club is made of the secretaries.
			res, err := tx.ExecContext(ctx, `INSERT INTO clubs(name, kind, founded, leader, active) VALUES (?,?,?,?,1)`, c.name, c.kind, sqlDate(founded), "")
			if err != nil {
				return fmt.Errorf("tạo câu lạc bộ mẫu: %w", err)
			}
			id, _ := res.LastInsertId()
			for j, pid := range secretaries {
				role := ""
				if j == 0 {
					role = "Chủ nhiệm"
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO club_members(club_id, person_id, role) VALUES (?,?,?)`, id, pid, role); err != nil {
					return fmt.Errorf("tạo thành viên câu lạc bộ mẫu: %w", err)
				}
			}
			if err := demoClubLeader(ctx, tx, id); err != nil {
				return err
			}
			continue
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO clubs(name, kind, founded, leader, active) VALUES (?,?,?,?,1)`, c.name, c.kind, sqlDate(founded), "")
		if err != nil {
			return fmt.Errorf("tạo câu lạc bộ mẫu: %w", err)
		}
		id, _ := res.LastInsertId()
		n := min(8+r.IntN(12), len(people))
		for j := 0; j < n; j++ {
			p := people[(ci*131+j*37)%len(people)]
			role := ""
			if j == 0 {
				role = "Chủ nhiệm"
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO club_members(club_id, person_id, role) VALUES (?,?,?)`, id, p.id, role); err != nil {
				return fmt.Errorf("tạo thành viên câu lạc bộ mẫu: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO club_members(club_id, name, role) VALUES (?,?,?)`, id, "Trương Văn Lộc", "Cố vấn"); err != nil {
			return fmt.Errorf("tạo thành viên câu lạc bộ mẫu: %w", err)
		}
		if err := demoClubLeader(ctx, tx, id); err != nil {
			return err
		}
	}
	for ci, c := range demoCoops {
		// Groups founded after 2019 register under Nghị định 77/2019.
		basis := "nd77_2019"
		f := domain.MustDate(o.Year-3+ci%2, 5, 10)
		res, err := tx.ExecContext(ctx, `INSERT INTO coops(name, field, founded, contract_date, legal_basis, capital, active) VALUES (?,?,?,?,?,?,1)`,
			c.name, c.field, sqlDate(f), sqlDate(domain.MustDate(f.Year(), 6, 1)), basis, int64(50+r.IntN(400))*1000000)
		if err != nil {
			return fmt.Errorf("tạo tổ hợp tác mẫu: %w", err)
		}
		id, _ := res.LastInsertId()
		for j := 0; j < min(5+r.IntN(6), len(people)); j++ {
			p := people[(ci*53+j*101+7)%len(people)]
			role := "Tổ viên"
			if j == 0 {
				role = "Tổ trưởng"
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO coop_members(coop_id, person_id, role) VALUES (?,?,?)`, id, p.id, role); err != nil {
				return fmt.Errorf("tạo tổ viên mẫu: %w", err)
			}
		}
		for y := f.Year(); y <= o.Year; y++ {
			if _, err := tx.ExecContext(ctx, `INSERT INTO coop_years(coop_id, year, revenue, avg_income, support, supported_model) VALUES (?,?,?,?,?,?)`,
				id, y, int64(200+r.IntN(1800))*1000000, int64(4+r.IntN(6))*1000000, "Hỗ trợ vay vốn qua Ngân hàng Chính sách xã hội", ci == 0); err != nil {
				return fmt.Errorf("tạo kết quả tổ hợp tác mẫu: %w", err)
			}
		}
	}
	// A ward-level plan for the current period, with the ward's share of the
	// city targets, so the dashboard has a plan that covers this year.
	res, err := tx.ExecContext(ctx, `INSERT INTO plans(number, title, start_year, end_year, current, issued, issuer, upper_plan) VALUES (?,?,?,?,1,?,?,?)`,
		"12-KH/ĐTN", "Đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn TNCS Hồ Chí Minh phường Hòa Mẫu, giai đoạn "+fmt.Sprintf("%d - %d", o.Year-2, o.Year+2),
		o.Year-2, o.Year+2, sqlDate(domain.MustDate(o.Year-2, 5, 12)), "Ban Thường vụ Đoàn phường Hòa Mẫu",
		fmt.Sprintf("Kế hoạch số 105-KH/TĐTN, ngày 15/3/%d của Ban Thường vụ Tỉnh Đoàn về đổi mới nội dung, phương thức hoạt động và nâng cao chất lượng tổ chức Đoàn các cấp, giai đoạn %d - %d", o.Year-2, o.Year-2, o.Year+2))
	if err != nil {
		return fmt.Errorf("tạo kế hoạch mẫu: %w", err)
	}
	planID, _ := res.LastInsertId()
	for sec, body := range demoPlanNarrative {
		if _, err := tx.ExecContext(ctx, `INSERT INTO narratives(doc, key, section, body) VALUES (?,?,?,?)`, domain.NarrativePlan, planID, sec, body); err != nil {
			return fmt.Errorf("tạo nội dung kế hoạch mẫu: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE plans SET current = 0 WHERE id <> ?`, planID); err != nil {
		return fmt.Errorf("tạo kế hoạch mẫu: %w", err)
	}
	share := max(1, len(people)*3/10) // the ward's share of the city's targets
	for i, in := range domain.DefaultPlanIndicators {
		target := in.Target
		switch in.Metric {
		case domain.MetricNewUnionMembers:
			target = float64(share)
		case domain.MetricNewFederation:
			target = float64(share * 7 / 10)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO indicators(plan_id, code, section, title, kind, metric, target, period, ord) VALUES (?,?,?,?,?,?,?,?,?)`,
			planID, in.Code, in.Section, in.Title, string(in.Kind), in.Metric, target, in.Period, i+1)
		if err != nil {
			return fmt.Errorf("tạo chỉ tiêu mẫu: %w", err)
		}
		if in.Kind == domain.KindCheck {
			id, _ := res.LastInsertId()
			for y := o.Year - 2; y <= o.Year; y++ {
				v := 1
				if in.Code == "2.8" && y < o.Year {
					v = 0
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO indicator_values(indicator_id, year, value) VALUES (?,?,?)`, id, y, v); err != nil {
					return fmt.Errorf("tạo giá trị chỉ tiêu mẫu: %w", err)
				}
			}
		}
	}
	return nil
}

func demoClubLeader(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE clubs SET leader = COALESCE((SELECT p.family_name || ' ' || CASE WHEN p.middle_name = '' THEN '' ELSE p.middle_name || ' ' END || p.given_name
		FROM club_members m JOIN people p ON p.id = m.person_id WHERE m.club_id = ?1 AND m.role = 'Chủ nhiệm'), '') WHERE id = ?1`, id); err != nil {
		return fmt.Errorf("tạo câu lạc bộ mẫu: %w", err)
	}
	return nil
}

// demoNarrative is the demo's annual report text for the sections the
// register cannot tell from its figures.
var demoNarrative = map[string]string{
	"situation": "Phường có 10 khóm, 1 ấp; thanh niên chủ yếu làm nghề trồng hoa kiểng, chế biến thực phẩm và buôn bán nhỏ. " +
		"Được sự quan tâm của Đảng ủy, chính quyền phường; tuy nhiên một bộ phận thanh niên đi làm ăn xa, khó tập hợp.",
	"inspection": "Ban Thường vụ Đoàn phường kiểm tra việc sinh hoạt chi đoàn và thu, nộp đoàn phí tại 6 chi đoàn; " +
		"qua kiểm tra, nhắc nhở 2 chi đoàn sinh hoạt chưa đúng định kỳ.",
	"causes":          "Một số Bí thư chi đoàn mới được kiện toàn, kinh nghiệm còn ít; thanh niên đi làm ăn xa nhiều.",
	"lessons":         "Bám sát chỉ đạo của Đảng ủy phường và Đoàn cấp trên; phát huy vai trò của Bí thư chi đoàn khóm, ấp.",
	"recommendations": "Đề nghị Ban Thường vụ Tỉnh Đoàn mở thêm lớp tập huấn nghiệp vụ cho Bí thư chi đoàn khóm, ấp.",
}

// demoPlanNarrative is the demo plan's own text.
var demoPlanNarrative = map[string]string{
	"purpose": "Cụ thể hóa kế hoạch của Đoàn cấp trên phù hợp với tình hình phường; xác định chỉ tiêu đo được để theo dõi hằng năm.",
	"general": "Đổi mới nội dung, phương thức hoạt động, nâng cao chất lượng tổ chức Đoàn, đa dạng hóa các hình thức tập hợp thanh niên.",
	"tasks":   "Nâng chất chi đoàn khóm, ấp đạt chuẩn; bồi dưỡng cán bộ Đoàn; hỗ trợ thanh niên phát triển kinh tế; giới thiệu đoàn viên ưu tú cho Đảng.",
	"implementation": "Ban Thường vụ Đoàn phường triển khai kế hoạch đến các chi đoàn; các chi đoàn xây dựng chương trình thực hiện; " +
		"Ban Thường vụ theo dõi, báo cáo kết quả hằng năm.",
}
