package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// Branch meetings and their attendance (issue 19). A meeting is saved with
// the whole branch's attendance in one transaction through the write
// path: a refused row leaves the meeting as it was, and only the members
// whose presence changed reach the history.

// MeetingFilter picks meetings of a working year.
type MeetingFilter struct {
	Year     int
	Cutoff   domain.Date // zero: the year's end (today while it runs)
	BranchID int64       // 0: every branch
}

// MeetingLine is a meeting as lists show it: without its attendance, with
// its branch's name and the attendance tallied.
type MeetingLine struct {
	domain.Meeting
	Branch string
	Count  domain.AttendanceCount
}

// Meetings lists the meetings of a working year up to its cut-off, by
// date then branch.
func (s *Store) Meetings(ctx context.Context, f MeetingFilter) ([]MeetingLine, error) {
	sp, err := s.YearSpan(ctx, f.Year, f.Cutoff)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.branch_id, m.date, m.kind, m.theme, m.minutes, m.resolution, b.name,
		(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.presence = 'present'),
		(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.presence = 'excused'),
		(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.presence = 'absent')
		FROM meetings m JOIN branches b ON b.id = m.branch_id
		WHERE m.date >= ? AND m.date < ? AND (? = 0 OR m.branch_id = ?)
		ORDER BY m.date, b.sort_key, m.id`, sp.From.ISO(), sp.Until(), f.BranchID, f.BranchID)
	if err != nil {
		return nil, fmt.Errorf("đọc buổi sinh hoạt: %w", err)
	}
	defer rows.Close()
	var out []MeetingLine
	for rows.Next() {
		var l MeetingLine
		var kind string
		if err := rows.Scan(&l.ID, &l.BranchID, (*sqlDate)(&l.Date), &kind, &l.Theme, &l.Minutes, &l.Resolution, &l.Branch,
			&l.Count.Present, &l.Count.Excused, &l.Count.Absent); err != nil {
			return nil, fmt.Errorf("đọc buổi sinh hoạt: %w", err)
		}
		l.Kind = domain.MeetingKind(kind)
		out = append(out, l)
	}
	return out, rows.Err()
}

// Meeting reads one meeting with its attendance (by person id).
func (s *Store) Meeting(ctx context.Context, id int64) (domain.Meeting, error) {
	var m domain.Meeting
	var kind string
	err := s.db.QueryRowContext(ctx, `SELECT id, branch_id, date, kind, theme, minutes, resolution FROM meetings WHERE id = ?`, id).
		Scan(&m.ID, &m.BranchID, (*sqlDate)(&m.Date), &kind, &m.Theme, &m.Minutes, &m.Resolution)
	if err == sql.ErrNoRows {
		return m, fmt.Errorf("buổi sinh hoạt mã %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("đọc buổi sinh hoạt %d: %w", id, err)
	}
	m.Kind = domain.MeetingKind(kind)
	rows, err := s.db.QueryContext(ctx, `SELECT person_id, presence FROM attendance WHERE meeting_id = ? ORDER BY person_id`, id)
	if err != nil {
		return m, fmt.Errorf("đọc điểm danh: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a domain.Attendance
		var st string
		if err := rows.Scan(&a.PersonID, &st); err != nil {
			return m, fmt.Errorf("đọc điểm danh: %w", err)
		}
		a.Status = domain.Presence(st)
		m.Attendance = append(m.Attendance, a)
	}
	return m, rows.Err()
}

// SaveMeeting records a meeting (a new one when its ID is 0) and replaces
// its attendance with m.Attendance, all in one transaction.
func (s *Store) SaveMeeting(ctx context.Context, m *domain.Meeting) error {
	c := domain.CheckMeeting(m, s.Today())
	if err := c.Err(); err != nil {
		return err
	}
	people := make([]int64, len(m.Attendance))
	for i, a := range m.Attendance {
		people[i] = a.PersonID
	}
	return s.write(ctx, func(tx *writeTx) error {
		if missing, err := missingIDs(ctx, tx, "branches", []int64{m.BranchID}); err != nil {
			return err
		} else if missing != 0 {
			c.Add("BranchID", "Chi đoàn", "mã %d không có trong sổ", missing)
			return c.Err()
		}
		if missing, err := missingIDs(ctx, tx, "people", people); err != nil {
			return err
		} else if missing != 0 {
			c.Add("Attendance", "Điểm danh", "người mã %d không có trong sổ", missing)
			return c.Err()
		}
		args := []any{m.BranchID, sqlDate(m.Date), string(m.Kind), m.Theme, m.Minutes, m.Resolution}
		if m.ID == 0 {
			id, err := tx.Insert("meetings", `INSERT INTO meetings(branch_id, date, kind, theme, minutes, resolution) VALUES (?,?,?,?,?,?)`, args...)
			if err != nil {
				return fmt.Errorf("ghi buổi sinh hoạt: %w", err)
			}
			m.ID = id
		} else {
			res, err := tx.Change("meetings", "id = ?", []any{m.ID}, `UPDATE meetings SET branch_id=?, date=?, kind=?, theme=?, minutes=?, resolution=? WHERE id=?`,
				append(args, m.ID)...)
			if err != nil {
				return fmt.Errorf("sửa buổi sinh hoạt: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				c.Add("ID", "Buổi sinh hoạt", "mã %d không có trong sổ", m.ID)
				return c.Err()
			}
		}
		rows := make([][]any, len(m.Attendance))
		for i, a := range m.Attendance {
			rows[i] = []any{m.ID, a.PersonID, string(a.Status)}
		}
		err := tx.Track("attendance", "meeting_id = ?", []any{m.ID}, func(exec writepath.ExecFunc) error {
			if _, err := exec(`DELETE FROM attendance WHERE meeting_id = ?`, m.ID); err != nil {
				return err
			}
			return insertChunks(exec, `INSERT INTO attendance(meeting_id, person_id, presence) VALUES `, rows)
		})
		if err != nil {
			return fmt.Errorf("ghi điểm danh: %w", err)
		}
		return nil
	})
}

// DeleteMeeting removes a meeting entered by mistake, with its attendance.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		if _, err := tx.Change("attendance", "meeting_id = ?", []any{id}, `DELETE FROM attendance WHERE meeting_id = ?`, id); err != nil {
			return fmt.Errorf("xóa điểm danh: %w", err)
		}
		res, err := tx.Change("meetings", "id = ?", []any{id}, `DELETE FROM meetings WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa buổi sinh hoạt: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c := &domain.Checker{}
			c.Add("ID", "Buổi sinh hoạt", "mã %d không có trong sổ", id)
			return c.Err()
		}
		return nil
	})
}

func themesKey(year int) string { return fmt.Sprintf("meeting.themes.%d", year) }

// Themes is a year's list of the months' themes (domain.DefaultThemes
// until the ward edits it), by calendar month (index 0: January).
func (s *Store) Themes(ctx context.Context, year int) ([12]string, error) {
	v, err := s.Setting(ctx, themesKey(year))
	if err != nil || v == "" {
		return domain.DefaultThemes, err
	}
	var out [12]string
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		return domain.DefaultThemes, fmt.Errorf("đọc chủ điểm năm %d: %w", year, err)
	}
	return out, nil
}

// SetThemes writes a year's themes.
func (s *Store) SetThemes(ctx context.Context, year int, themes [12]string) error {
	if err := domain.CheckYear(year); err != nil {
		return err
	}
	c := &domain.Checker{}
	for i := range themes {
		themes[i] = domain.Clean(themes[i])
		c.Row = i + 1
		c.Text("Themes", "Chủ điểm", themes[i], domain.RuleAddress)
	}
	if err := c.Err(); err != nil {
		return err
	}
	data, err := json.Marshal(themes)
	if err != nil {
		return fmt.Errorf("ghi chủ điểm: %w", err)
	}
	return s.SetSetting(ctx, themesKey(year), string(data))
}
