package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"
)

// The evidence beside the ratings, read from the meetings and activities
// as of a cut-off: the year's meetings grid, each member's share of what
// their branch was called to, and the "cần xem xét" list. A branch
// meeting is every meeting of the branch but its committee's (họp BCH
// calls the committee, not the members): only those fill the grid, the
// attendance average and the shares.
const branchMeetingSQL = `m.kind <> 'committee'`

// The thresholds, each with its range and the column keeping it, in the
// table evidence_rules by the day they apply from (no row:
// domain.DefaultEvidence), the way the dues rules are kept.
var evidenceKeys = []struct {
	column   string
	min, max int
	label    string
	field    func(*domain.EvidenceThresholds) *int
}{
	{"branch_meetings", 1, 52, "Số buổi sinh hoạt một năm của chi đoàn xuất sắc", func(t *domain.EvidenceThresholds) *int { return &t.BranchMeetings }},
	{"member_share", 1, 100, "Tỷ lệ tham gia hoạt động của đoàn viên xuất sắc (%)", func(t *domain.EvidenceThresholds) *int { return &t.MemberShare }},
	{"absent_months", 1, 12, "Số tháng vắng sinh hoạt không lý do cần xem xét", func(t *domain.EvidenceThresholds) *int { return &t.AbsentMonths }},
	{"meeting_day", 1, 28, "Ngày trong tháng nhắc chi đoàn chưa sinh hoạt", func(t *domain.EvidenceThresholds) *int { return &t.MeetingDay }},
}

// EvidenceList lists the thresholds the ward wrote, oldest first (none:
// domain.DefaultEvidence applies).
func (s *Store) EvidenceList(ctx context.Context) ([]domain.EvidenceThresholds, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT from_date, branch_meetings, member_share, absent_months, meeting_day FROM evidence_rules ORDER BY from_date`)
	if err != nil {
		return nil, fmt.Errorf("đọc ngưỡng căn cứ xếp loại: %w", err)
	}
	defer rows.Close()
	var out []domain.EvidenceThresholds
	for rows.Next() {
		var t domain.EvidenceThresholds
		if err := rows.Scan((*sqlDate)(&t.From), &t.BranchMeetings, &t.MemberShare, &t.AbsentMonths, &t.MeetingDay); err != nil {
			return nil, fmt.Errorf("đọc ngưỡng căn cứ xếp loại: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// evidenceAt picks the thresholds in force on day from list (oldest
// first): the latest applying by then, else the defaults.
func evidenceAt(list []domain.EvidenceThresholds, day domain.Date) domain.EvidenceThresholds {
	t := domain.DefaultEvidence
	for _, x := range list {
		if !x.From.After(day) {
			t = x
		}
	}
	return t
}

// EvidenceAt is the thresholds in force on a day (the dashboard's: today).
func (s *Store) EvidenceAt(ctx context.Context, day domain.Date) (domain.EvidenceThresholds, error) {
	list, err := s.EvidenceList(ctx)
	if err != nil {
		return domain.DefaultEvidence, err
	}
	return evidenceAt(list, day), nil
}

// EvidenceOfYear is the thresholds a working year's evidence is read
// with: those in force on its cut-off (the year's last day, or the given
// cut-off, or today while it runs), so that 2025's list keeps 2025's
// thresholds after a change in 2026.
func (s *Store) EvidenceOfYear(ctx context.Context, year int, cutoff domain.Date) (domain.EvidenceThresholds, error) {
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return domain.DefaultEvidence, err
	}
	return s.EvidenceAt(ctx, sp.To)
}

// SaveEvidence writes the thresholds in force from th.From (replacing
// those written for that same day), each within its range; days before
// keep the thresholds they had.
func (s *Store) SaveEvidence(ctx context.Context, th *domain.EvidenceThresholds) error {
	c := &domain.Checker{}
	if th.From.IsZero() {
		c.Add("From", "Áp dụng từ", "cần ghi ngày áp dụng")
	}
	for _, k := range evidenceKeys {
		if n := *k.field(th); n < k.min || n > k.max {
			c.Add(k.column, k.label, "%d: phải từ %d đến %d", n, k.min, k.max)
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		_, err := tx.Change("evidence_rules", "from_date = ?", []any{sqlDate(th.From)},
			`INSERT INTO evidence_rules(from_date, branch_meetings, member_share, absent_months, meeting_day) VALUES (?,?,?,?,?)
			ON CONFLICT(from_date) DO UPDATE SET branch_meetings=excluded.branch_meetings, member_share=excluded.member_share,
			absent_months=excluded.absent_months, meeting_day=excluded.meeting_day`,
			sqlDate(th.From), th.BranchMeetings, th.MemberShare, th.AbsentMonths, th.MeetingDay)
		if err != nil {
			return fmt.Errorf("ghi ngưỡng căn cứ xếp loại: %w", err)
		}
		return nil
	})
}

// DeleteEvidence removes the thresholds written for a day (the days they
// covered go back to the ones before, or the defaults).
func (s *Store) DeleteEvidence(ctx context.Context, from domain.Date) error {
	return s.write(ctx, func(tx *writeTx) error {
		res, err := tx.Change("evidence_rules", "from_date = ?", []any{sqlDate(from)}, `DELETE FROM evidence_rules WHERE from_date = ?`, sqlDate(from))
		if err != nil {
			return fmt.Errorf("xóa ngưỡng căn cứ xếp loại: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrMsg("không có ngưỡng nào áp dụng từ %s", from)
		}
		return nil
	})
}

// monthIndex is the place of day d among the months of the working year
// starting on from (0..11).
func monthIndex(from, d domain.Date) int {
	return (d.Year()-from.Year())*12 + d.Month() - from.Month()
}

// MeetingsGrid is the working year's branch-by-month grid up to the
// cut-off: every branch not dissolved before the year began (and any
// other that met in it), in Vietnamese order, with its branch meetings by
// month, the months met, and its members' average attendance: all the
// present marks over all the marks taken at its meetings.
func (s *Store) MeetingsGrid(ctx context.Context, year int, cutoff domain.Date) (domain.MeetingsGrid, error) {
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return domain.MeetingsGrid{}, err
	}
	g := domain.MeetingsGrid{Span: sp, Months: domain.MonthsOf(sp)}
	rows, err := s.db.QueryContext(ctx, `SELECT b.id, b.name, m.date,
		(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.presence = 'present'),
		(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id)
		FROM branches b LEFT JOIN meetings m ON m.branch_id = b.id AND m.date >= ?1 AND m.date < ?2 AND `+branchMeetingSQL+`
		WHERE b.dissolved IS NULL OR b.dissolved >= ?1 OR m.id IS NOT NULL
		ORDER BY b.sort_key, b.id, m.date`, sp.From.ISO(), sp.Until())
	if err != nil {
		return g, fmt.Errorf("đọc buổi sinh hoạt: %w", err)
	}
	defer rows.Close()
	var present, called []int
	for rows.Next() {
		var id int64
		var name string
		var d domain.Date
		var p, n int
		if err := rows.Scan(&id, &name, (*sqlDate)(&d), &p, &n); err != nil {
			return g, fmt.Errorf("đọc buổi sinh hoạt: %w", err)
		}
		if len(g.Rows) == 0 || g.Rows[len(g.Rows)-1].BranchID != id {
			g.Rows = append(g.Rows, domain.BranchMeetingsYear{BranchID: id, Branch: name})
			present, called = append(present, 0), append(called, 0)
		}
		if d.IsZero() {
			continue
		}
		i := len(g.Rows) - 1
		r := &g.Rows[i]
		if mi := monthIndex(sp.From, d); mi >= 0 && mi < 12 {
			if r.Held[mi] == 0 {
				r.MonthsMet++
			}
			r.Held[mi]++
		}
		r.Meetings++
		present[i] += p
		called[i] += n
	}
	for i := range g.Rows {
		if called[i] > 0 {
			g.Rows[i].Taken = true
			g.Rows[i].Attendance = float64(present[i]) / float64(called[i])
		}
	}
	return g, rows.Err()
}

// ParticipationShares is, for each Union member of a branch (0: of every
// branch) at the cut-off, their share of the working year up to it: the
// activities kept with a roll that were called for their branch (the
// ward's, and their branch's own) on a day they were a member, and the
// branch meetings whose attendance named them; of which they are on the
// activity's roll, or were present.
func (s *Store) ParticipationShares(ctx context.Context, year int, cutoff domain.Date, branchID int64) (map[int64]domain.Share, error) {
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	out := map[int64]domain.Share{}
	acts := `SELECT p.id, count(*), COALESCE(sum(EXISTS (SELECT 1 FROM activity_people ap WHERE ap.activity_id = a.id AND ap.person_id = p.id)), 0)
		FROM people p JOIN activities a ON a.roll = 1 AND a.date >= ?1 AND a.date < ?2
			AND (a.ward = 1 OR EXISTS (SELECT 1 FROM activity_branches ab WHERE ab.activity_id = a.id AND ab.branch_id = p.branch_id))
		WHERE (?3 = 0 OR p.branch_id = ?3) AND ` + unionOn("p", "?4") + ` AND ` + unionOn("p", "a.date") + `
		GROUP BY p.id`
	meets := `SELECT p.id, count(*), COALESCE(sum(x.presence = 'present'), 0)
		FROM people p JOIN attendance x ON x.person_id = p.id JOIN meetings m ON m.id = x.meeting_id
		WHERE m.date >= ?1 AND m.date < ?2 AND ` + branchMeetingSQL + ` AND (?3 = 0 OR p.branch_id = ?3) AND ` + unionOn("p", "?4") + `
		GROUP BY p.id`
	for _, q := range []string{acts, meets} {
		rows, err := s.db.QueryContext(ctx, q, sp.From.ISO(), sp.Until(), branchID, sp.To.ISO())
		if err != nil {
			return nil, fmt.Errorf("đọc tỷ lệ tham gia: %w", err)
		}
		for rows.Next() {
			var id int64
			var called, took int
			if err := rows.Scan(&id, &called, &took); err != nil {
				rows.Close()
				return nil, fmt.Errorf("đọc tỷ lệ tham gia: %w", err)
			}
			sh := out[id]
			sh.PersonID = id
			sh.Called += called
			sh.Took += took
			out[id] = sh
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("đọc tỷ lệ tham gia: %w", err)
		}
	}
	return out, nil
}

// ParticipationShare is one member's share (see ParticipationShares).
func (s *Store) ParticipationShare(ctx context.Context, personID int64, year int, cutoff domain.Date) (domain.Share, error) {
	var branch int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(branch_id, 0) FROM people WHERE id = ?`, personID).Scan(&branch); err != nil {
		return domain.Share{}, fmt.Errorf("đọc người %d: %w", personID, err)
	}
	all, err := s.ParticipationShares(ctx, year, cutoff, branch)
	if err != nil {
		return domain.Share{}, err
	}
	sh := all[personID]
	sh.PersonID = personID
	return sh, nil
}

// reviewSource gives the members a ground puts on the "cần xem xét" list
// of a span: person id → the ground with its months. Issue 20 (dues)
// appends its own (domain.ReviewUnpaidDues) to reviewSources.
type reviewSource func(ctx context.Context, s *Store, sp domain.Span, th domain.EvidenceThresholds) (map[int64]domain.ReviewReason, error)

// reviewSources are the grounds of the list, in the order a line names
// them.
var reviewSources = []reviewSource{absentFromMeetings}

// absentFromMeetings: absent without reason from the branch's meetings
// in at least th.AbsentMonths months of the span.
func absentFromMeetings(ctx context.Context, s *Store, sp domain.Span, th domain.EvidenceThresholds) (map[int64]domain.ReviewReason, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT x.person_id, CAST(strftime('%Y', m.date) AS INTEGER), CAST(strftime('%m', m.date) AS INTEGER)
		FROM attendance x JOIN meetings m ON m.id = x.meeting_id
		WHERE x.presence = 'absent' AND m.date >= ? AND m.date < ? AND `+branchMeetingSQL+`
		ORDER BY 1, 2, 3`, sp.From.ISO(), sp.Until())
	if err != nil {
		return nil, fmt.Errorf("đọc vắng sinh hoạt: %w", err)
	}
	defer rows.Close()
	months := map[int64][]domain.YearMonth{}
	for rows.Next() {
		var id int64
		var ym domain.YearMonth
		if err := rows.Scan(&id, &ym.Year, &ym.Month); err != nil {
			return nil, fmt.Errorf("đọc vắng sinh hoạt: %w", err)
		}
		months[id] = append(months[id], ym)
	}
	out := map[int64]domain.ReviewReason{}
	for id, ms := range months {
		if len(ms) >= th.AbsentMonths {
			out[id] = domain.ReviewReason{Code: domain.ReviewAbsent, Months: ms}
		}
	}
	return out, rows.Err()
}

// ReviewList is the working year's "cần xem xét" list up to the cut-off:
// the Union members at the cut-off whom a ground (reviewSources) names, in
// Vietnamese order of their names, with their branch and every ground.
// It decides nothing: the branch considers each name.
func (s *Store) ReviewList(ctx context.Context, year int, cutoff domain.Date) ([]domain.ReviewLine, error) {
	sp, err := s.YearSpan(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	th, err := s.EvidenceAt(ctx, sp.To)
	if err != nil {
		return nil, err
	}
	reasons := map[int64][]domain.ReviewReason{}
	for _, src := range reviewSources {
		got, err := src(ctx, s, sp, th)
		if err != nil {
			return nil, err
		}
		for id, r := range got {
			reasons[id] = append(reasons[id], r)
		}
	}
	if len(reasons) == 0 {
		return nil, nil
	}
	ids := make([]string, 0, len(reasons))
	for id := range reasons {
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.family_name, p.middle_name, p.given_name, COALESCE(p.branch_id, 0), COALESCE(b.name, '')
		FROM people p LEFT JOIN branches b ON b.id = p.branch_id
		WHERE p.id IN (`+strings.Join(ids, ",")+`) AND `+unionOn("p", "?1")+`
		ORDER BY p.sort_key, p.id`, sp.To.ISO())
	if err != nil {
		return nil, fmt.Errorf("đọc danh sách cần xem xét: %w", err)
	}
	defer rows.Close()
	var out []domain.ReviewLine
	for rows.Next() {
		var l domain.ReviewLine
		var fam, mid, given string
		if err := rows.Scan(&l.PersonID, &fam, &mid, &given, &l.BranchID, &l.Branch); err != nil {
			return nil, fmt.Errorf("đọc danh sách cần xem xét: %w", err)
		}
		l.Name = domain.JoinName(fam, mid, given)
		l.Reasons = reasons[l.PersonID]
		out = append(out, l)
	}
	return out, rows.Err()
}

// UnmetBranches lists the active branches that have held no branch
// meeting in the month of day on or before it, once the month is past its
// reminder day (th.MeetingDay: nothing before): what the dashboard shows.
func (s *Store) UnmetBranches(ctx context.Context, day domain.Date) ([]domain.Branch, error) {
	th, err := s.EvidenceAt(ctx, day)
	if err != nil {
		return nil, err
	}
	if day.Day() <= th.MeetingDay {
		return nil, nil
	}
	all, err := s.Branches(ctx, false)
	if err != nil {
		return nil, err
	}
	first := domain.MustDate(day.Year(), day.Month(), 1)
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT m.branch_id FROM meetings m WHERE m.date >= ? AND m.date <= ? AND `+branchMeetingSQL,
		first.ISO(), day.ISO())
	if err != nil {
		return nil, fmt.Errorf("đọc buổi sinh hoạt: %w", err)
	}
	defer rows.Close()
	met := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("đọc buổi sinh hoạt: %w", err)
		}
		met[id] = true
	}
	var out []domain.Branch
	for _, b := range all {
		if !met[b.ID] {
			out = append(out, b)
		}
	}
	return out, rows.Err()
}
