package store

import (
	"context"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sodoan/domain"
)

func historyCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	mustNil(t, s.db.QueryRow(`SELECT count(*) FROM history`).Scan(&n))
	return n
}

func summaries(h []HistoryEntry) []string {
	out := make([]string, len(h))
	for i, e := range h {
		out[i] = e.Summary()
	}
	return out
}

// TestHistoryOfAPerson: every change to a person and their links is
// recorded with the fields before and after, labelled in Vietnamese.
func TestHistoryOfAPerson(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	br := saveBranch(t, s, "Chi đoàn Khóm 1")
	p := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 2), "A1")
	p.Phone = "0901234567"
	mustNil(t, s.SavePerson(ctx, p))
	other := member("Trần", "Thị", "Bích", domain.MustDate(2001, 1, 2), "B1")
	mustNil(t, s.SavePerson(ctx, other))

	p.Phone, p.BranchID, p.LanguageFluent = "0912345678", br.ID, true
	mustNil(t, s.SavePerson(ctx, p))
	// Saving the same form again changes nothing and records nothing.
	n := historyCount(t, s)
	mustNil(t, s.SavePerson(ctx, p))
	if historyCount(t, s) != n {
		t.Fatal("saving an unchanged form recorded a change")
	}
	mustNil(t, s.AddEvent(ctx, &domain.Event{PersonID: p.ID, Kind: domain.EventTransferOut, Date: domain.MustDate(2024, 3, 1), Unit: "Đoàn phường 2"}))
	mustNil(t, s.SaveMemberYear(ctx, domain.MemberYear{PersonID: p.ID, Year: 2023, Rating: "excellent"}))
	mustNil(t, s.SaveRatings(ctx, 2023, map[int64]domain.Rating{p.ID: "good"}))
	pos := &domain.Position{PersonID: p.ID, Kind: "executive", Start: domain.MustDate(2022, 1, 1)}
	mustNil(t, s.SavePosition(ctx, pos))
	club := &domain.Club{Name: "CLB Bóng đá", Kind: "interest", Active: true, Members: []domain.GroupMember{{PersonID: p.ID, Role: "Thành viên"}}}
	mustNil(t, s.SaveClub(ctx, club))
	club, _ = func() (*domain.Club, error) { c, err := s.Club(ctx, club.ID); return &c, err }()
	club.Members[0].Role = "Đội trưởng"
	mustNil(t, s.SaveClub(ctx, club))

	h, err := s.History(ctx, HistoryFilter{PersonID: p.ID})
	mustNil(t, err)
	got := summaries(h)
	// Issue 17: every record in words, the person by name, not "(mã 1)".
	want := []string{
		"Sửa thành viên câu lạc bộ của Nguyễn Văn An — Vai trò: Thành viên » Đội trưởng",
		"Thêm thành viên câu lạc bộ của Nguyễn Văn An — Câu lạc bộ: CLB Bóng đá; Người: Nguyễn Văn An; Vai trò: Thành viên",
		"Thêm chức vụ của Nguyễn Văn An — Chức vụ: Ủy viên Ban Chấp hành; Từ ngày: 01/01/2022",
		"Sửa xếp loại năm của Nguyễn Văn An — Xếp loại: Hoàn thành xuất sắc nhiệm vụ » Hoàn thành tốt nhiệm vụ",
		"Thêm xếp loại năm của Nguyễn Văn An — Năm: 2023; Xếp loại: Hoàn thành xuất sắc nhiệm vụ; Ngày xếp loại: 31/12/2023",
		"Thêm quá trình sinh hoạt của Nguyễn Văn An — Loại: Chuyển sinh hoạt đi; Ngày: 01/03/2024; Đơn vị chuyển đi/đến: Đoàn phường 2",
		"Sửa thông tin cá nhân của Nguyễn Văn An — Điện thoại: 0901234567 » 0912345678; Thành thạo ngoại ngữ: Không » Có; Chi đoàn: (trống) » Chi đoàn Khóm 1",
		"Thêm quá trình sinh hoạt của Nguyễn Văn An — Loại: Kết nạp; Ngày: 02/01/2016",
		"Thêm thông tin cá nhân của Nguyễn Văn An — Họ: Nguyễn; Tên đệm: Văn; Tên: An; Giới tính: Nam; Ngày sinh: 02/01/2000; Dân tộc: Kinh; Điện thoại: 0901234567; Đoàn viên: Có; Ngày vào Đoàn: 02/01/2016; Số thẻ đoàn viên: A1",
	}
	if len(got) != len(want) {
		t.Fatalf("history has %d lines, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if got[i] != w {
			t.Fatalf("history line %d:\n got %s\nwant %s\nall:\n%s", i, got[i], w, strings.Join(got, "\n"))
		}
	}
	for _, e := range h {
		if e.PersonID != p.ID || e.At.IsZero() {
			t.Fatalf("entry %+v", e)
		}
	}
	// The other person's history holds only their own changes.
	oh, err := s.History(ctx, HistoryFilter{PersonID: other.ID})
	mustNil(t, err)
	if len(oh) != 2 {
		t.Fatalf("Bích's history: %v", summaries(oh))
	}
	all, err := s.History(ctx, HistoryFilter{Limit: 3})
	mustNil(t, err)
	if len(all) != 3 || all[0].Table != "club_members" {
		t.Fatalf("latest 3 changes: %v", summaries(all))
	}
	if _, err := s.History(ctx, HistoryFilter{Limit: MaxHistoryLimit + 1}); err == nil {
		t.Fatal("a limit beyond the maximum was accepted")
	}
}

// TestFailedWriteLeavesNoHistory: history is written in the transaction
// of the change, so a change refused (before or inside the transaction)
// leaves none.
func TestFailedWriteLeavesNoHistory(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 2), "A1")
	mustNil(t, s.SavePerson(ctx, a))
	n := historyCount(t, s)
	people := countPeople(t, s)

	bad := member("", "Văn", "Bình", domain.MustDate(2000, 1, 2), "B1")
	fieldErrors(t, s.SavePerson(ctx, bad))
	// The first row is written inside the transaction before the second
	// is found to reuse An's card: the rollback takes its history too.
	fieldErrors(t, s.AddPeople(ctx, []*domain.Person{member("Trần", "Văn", "Cường", domain.MustDate(2000, 1, 2), "C1"), member("Lê", "Văn", "Dũng", domain.MustDate(2000, 1, 2), "A1")}))
	fieldErrors(t, s.AddEvent(ctx, &domain.Event{PersonID: a.ID, Kind: domain.EventTransferIn, Date: domain.MustDate(2020, 1, 1), Unit: "X"}))
	fieldErrors(t, s.SaveBranch(ctx, &domain.Branch{Name: "", Kind: domain.BranchHamlet}))
	a.Phone = "12"
	fieldErrors(t, s.SavePerson(ctx, a))
	if got := historyCount(t, s); got != n {
		t.Fatalf("failed writes left %d history rows", got-n)
	}
	if got := countPeople(t, s); got != people {
		t.Fatalf("failed writes changed the people: %d, want %d", got, people)
	}
}

// TestOneWritePath: outside the write path (write.go, which puts a
// transaction on package writepath) only the schema's migrations and
// seed (schemacheck.go runs them on a database in memory, to know the
// schema the program makes) and the backup (and backuperase.go, which
// rewrites backup files, never the register) may run statements of their
// own or begin a transaction. Code
// holding a writeTx cannot reach its *sql.Tx: writepath keeps it
// unexported, and the compiler keeps that rule.
func TestOneWritePath(t *testing.T) {
	allowed := []string{"write.go", "db.go", "seed.go", "backup.go", "schemacheck.go", "backuperase.go"}
	files, err := filepath.Glob("*.go")
	mustNil(t, err)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || slices.Contains(allowed, f) {
			continue
		}
		src, err := os.ReadFile(f)
		mustNil(t, err)
		if _, err := parser.ParseFile(token.NewFileSet(), f, src, 0); err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"ExecContext(", ".Exec(", "PrepareContext(", "BeginTx(", ".Begin(", "s.tx(", "writepath.New", "writepath.WithoutIndexes("} {
			if strings.Contains(string(src), bad) {
				t.Errorf("%s uses %s: write through writeTx so that history records the change", f, bad)
			}
		}
		// Unrecorded writes without history: only the recycle bin's
		// moves, which log one line each.
		if f != "trash.go" && strings.Contains(string(src), ".Unrecorded(") {
			t.Errorf("%s uses .Unrecorded(: write through writeTx's Change or Insert so that history records the change", f)
		}
	}
}

// TestTableKeys: history and the recycle bin know the key of every table.
func TestTableKeys(t *testing.T) {
	s := openTemp(t)
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'people_fts%' AND name NOT IN ('history', 'trash')`)
	mustNil(t, err)
	var tables []string
	for rows.Next() {
		var n string
		mustNil(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	rows.Close()
	if len(tables) != len(tableKeys) {
		t.Errorf("schema has %d tables, tableKeys %d", len(tables), len(tableKeys))
	}
	for _, table := range tables {
		r, err := s.db.Query(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, table)
		mustNil(t, err)
		var pk []string
		for r.Next() {
			var c string
			mustNil(t, r.Scan(&c))
			pk = append(pk, c)
		}
		r.Close()
		if !slices.Equal(pk, tableKeys[table]) {
			t.Errorf("table %s: key %v, tableKeys says %v", table, pk, tableKeys[table])
		}
		if _, ok := tableLabels[table]; !ok {
			t.Errorf("table %s has no Vietnamese label for history", table)
		}
	}
}

// InUseSince is the day of the register's first write, by its clock.
func TestInUseSince(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2025, 3, 1, 23, 30, 0, 0, time.Local)
	s, err := OpenWith(filepath.Join(t.TempDir(), "so.db"), OpenOptions{Create: true, Now: func() time.Time { return at }})
	mustNil(t, err)
	defer s.Close()
	if d, err := s.InUseSince(ctx); err != nil || d != domain.MustDate(2025, 3, 1) {
		t.Fatalf("an empty register: %s %v, want today", d, err)
	}
	mustNil(t, s.SaveUnit(ctx, domain.Unit{UpperBody: "Tỉnh Đoàn Đồng Tháp", Name: "BCH Đoàn phường 1", Place: "Phường 1"}))
	at = time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	if d, err := s.InUseSince(ctx); err != nil || d != domain.MustDate(2025, 3, 1) {
		t.Fatalf("in use since %s %v, want 01/03/2025", d, err)
	}
}

// The history filters by kind of change and by days, and names records
// in words: a document by its number, a file by its name (issue 17).
func TestHistoryFilters(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	s, err := OpenWith(filepath.Join(t.TempDir(), "so.db"), OpenOptions{Create: true, Now: func() time.Time { return at }})
	mustNil(t, err)
	defer s.Close()
	p := member("Nguyễn", "Văn", "An", domain.MustDate(2000, 1, 2), "A1")
	mustNil(t, s.SavePerson(ctx, p)) // 01/03: the person and the admission
	at = time.Date(2026, 3, 5, 9, 0, 0, 0, time.Local)
	mustNil(t, s.SaveBranch(ctx, &domain.Branch{Name: "Chi đoàn Khóm 1", Kind: domain.BranchHamlet, Active: true}))
	at = time.Date(2026, 3, 9, 23, 59, 0, 0, time.Local)
	mustNil(t, s.SavePosition(ctx, &domain.Position{PersonID: p.ID, Kind: "executive", Start: domain.MustDate(2022, 1, 1)}))
	for _, tc := range []struct {
		f    HistoryFilter
		want int
	}{
		{HistoryFilter{}, 4},
		{HistoryFilter{Kind: "people"}, 1},
		{HistoryFilter{Kind: "membership"}, 2},                // the admission and the office
		{HistoryFilter{Kind: "groups"}, 1},                    // the branch
		{HistoryFilter{From: domain.MustDate(2026, 3, 2)}, 2}, // the branch and the office
		{HistoryFilter{To: domain.MustDate(2026, 3, 5)}, 3},   // all but the office, late on 09/03
		{HistoryFilter{From: domain.MustDate(2026, 3, 9), To: domain.MustDate(2026, 3, 9)}, 1},
		{HistoryFilter{Kind: "membership", From: domain.MustDate(2026, 3, 2)}, 1},
	} {
		h, err := s.History(ctx, tc.f)
		mustNil(t, err)
		if len(h) != tc.want {
			t.Errorf("%+v: %d changes, want %d:\n%s", tc.f, len(h), tc.want, strings.Join(summaries(h), "\n"))
		}
	}
	if _, err := s.History(ctx, HistoryFilter{Kind: "nothing"}); err == nil {
		t.Error("an unknown kind was accepted")
	}
	h, err := s.History(ctx, HistoryFilter{Kind: "groups"})
	mustNil(t, err)
	if got := h[0].Summary(); !strings.HasPrefix(got, "Thêm chi đoàn “Chi đoàn Khóm 1” — ") {
		t.Errorf("a branch in words: %q", got)
	}
}
