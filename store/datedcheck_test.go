package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// `check` names each dated fact dated after today or outside its working
// year, and nothing else. The register is built by hand with raw SQL (the
// forms refuse these dates), today is 15/06/2026 and the working year is
// the calendar year, so year 2025 runs 01/01/2025–31/12/2025 and a 2025
// fact may be dated 01/01/2025–31/12/2026 (a year after its end), but not
// after today.
func TestCheckRulesDatedFacts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "so-doan.db")
	now := func() time.Time { return time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC) }
	s, err := OpenWith(path, OpenOptions{Create: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{
		`INSERT INTO branches(id, name, kind, sort_key) VALUES (1, 'Chi đoàn Khóm 1', 'hamlet', x'01')`,
		`INSERT INTO people(id, family_name, given_name, birth_date, sort_key) VALUES (1, 'Lê', 'An', '2000-01-01', x'01')`,
		`INSERT INTO coops(id, name) VALUES (1, 'Tổ hợp tác A')`,
		// Bad: rated in the future; rated before 2024 began.
		`INSERT INTO member_years(person_id, year, rating, rated) VALUES (1, 2026, 'good', '2026-07-01')`,
		`INSERT INTO member_years(person_id, year, rating, rated) VALUES (1, 2024, 'good', '2023-12-31')`,
		// Good: 2025 rated at its review in January 2026.
		`INSERT INTO member_years(person_id, year, rating, rated) VALUES (1, 2025, 'good', '2026-01-10')`,
		// Bad: the 2023 rating decided 01/01/2025, a year and a day after 31/12/2023.
		`INSERT INTO branch_years(branch_id, year, rating, rated) VALUES (1, 2023, 'excellent', '2025-01-01')`,
		// Good: on the last allowed day, 31/12/2025.
		`INSERT INTO branch_years(branch_id, year, rating, rated) VALUES (1, 2024, 'excellent', '2025-12-31')`,
		// Bad: criteria of 2025 assessed in 2024 (every criterion: one line).
		`INSERT INTO branch_criteria_met(branch_id, year, criterion_id, assessed) SELECT 1, 2025, id, '2024-11-30' FROM criteria`,
		// Bad: the ward's 2026 rating in the future.
		`INSERT INTO ward_years(year, resident_youth, rating, rated) VALUES (2026, 50, 'good', '2026-12-20')`,
		// Bad: a 2025 count of new Party members dated 2027 (future and outside: future is said).
		`INSERT INTO party_counts(year, date, count) VALUES (2025, '2027-01-05', 3)`,
		`INSERT INTO party_counts(year, date, count) VALUES (2025, '2025-06-30', 2)`,
		// Bad: results of 2025 reported in 2024.
		`INSERT INTO coop_years(coop_id, year, revenue, reported) VALUES (1, 2025, 1000, '2024-03-01')`,
		// Bad: a training and a model in the future; good ones in the past.
		`INSERT INTO trainings(person_id, date, course) VALUES (1, '2026-09-01', 'Lớp cảm tình Đảng')`,
		`INSERT INTO trainings(person_id, date, course) VALUES (1, '2026-03-01', 'Lớp đoàn viên mới')`,
		`INSERT INTO target_models(id, target, kind, name, date) VALUES (4, '2.2', 'economic', 'Mô hình nuôi lươn', '2026-08-08')`,
		`INSERT INTO target_models(id, target, kind, name, date) VALUES (5, '2.2', 'economic', 'Mô hình trồng nấm', '2026-02-02')`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	problems, err := s.checkDatedFacts(ctx, s.Today())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Người 1 (Lê An), năm 2024: xếp loại đoàn viên ngày 31/12/2023, trước khi năm công tác 2024 bắt đầu (01/01/2024)",
		"Người 1 (Lê An), năm 2026: xếp loại đoàn viên ngày 01/07/2026 ở tương lai (hôm nay 15/06/2026)",
		"Chi đoàn Khóm 1, năm 2023: xếp loại chi đoàn ngày 01/01/2025, hơn một năm sau khi năm công tác 2023 kết thúc (31/12/2023)",
		"Chi đoàn Khóm 1, năm 2025: đánh giá theo tiêu chí ngày 30/11/2024, trước khi năm công tác 2025 bắt đầu (01/01/2025)",
		"Đoàn cơ sở, năm 2026: xếp loại ngày 20/12/2026 ở tương lai (hôm nay 15/06/2026)",
		"Đoàn cơ sở, năm 2025: số đảng viên mới ngày 05/01/2027 ở tương lai (hôm nay 15/06/2026)",
		"Tổ hợp tác “Tổ hợp tác A”, năm 2025: kết quả báo cáo ngày 01/03/2024, trước khi năm công tác 2025 bắt đầu (01/01/2025)",
		"Người 1 (Lê An – Lớp cảm tình Đảng): học tập, bồi dưỡng ngày 01/09/2026 ở tương lai (hôm nay 15/06/2026)",
		"Mô hình 4: Mô hình nuôi lươn (chỉ tiêu 2.2) ngày 08/08/2026 ở tương lai (hôm nay 15/06/2026)",
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("dated facts checked:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	// The same lines reach `check`.
	all, err := s.CheckRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(all, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("check lacks %q", w)
		}
	}
}
