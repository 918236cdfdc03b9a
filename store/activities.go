package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// The ward's activities (issue 19). An activity is dated by the day it
// took place (its first day when it spans several): a document cut off on
// a day counts the activities that began by then, each in the period it
// began in. Trainings (target 2.4) and models (2.1, 2.2b) are read from
// their own tables as activities of kinds domain.KindTraining and
// domain.KindModel, never copied: one record, one place.

const settingActivityKinds = "activity.kinds"

// ActivityKinds is the register's list of kinds and their measures (the
// defaults until the ward edits it).
func (s *Store) ActivityKinds(ctx context.Context) ([]domain.ActivityKind, error) {
	v, err := s.Setting(ctx, settingActivityKinds)
	if err != nil || v == "" {
		return append([]domain.ActivityKind(nil), domain.DefaultActivityKinds...), err
	}
	var kinds []domain.ActivityKind
	if err := json.Unmarshal([]byte(v), &kinds); err != nil {
		return nil, fmt.Errorf("đọc danh mục loại hoạt động: %w", err)
	}
	return kinds, nil
}

// SetActivityKinds replaces the list of kinds. A kind still used by an
// activity cannot leave the list.
func (s *Store) SetActivityKinds(ctx context.Context, kinds []domain.ActivityKind) error {
	if err := domain.CheckActivityKinds(kinds).Err(); err != nil {
		return err
	}
	data, err := json.Marshal(kinds)
	if err != nil {
		return fmt.Errorf("ghi danh mục loại hoạt động: %w", err)
	}
	// The refusal names a kind leaving the list by its label.
	before, err := s.ActivityKinds(ctx)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT kind FROM activities`)
		if err != nil {
			return fmt.Errorf("đọc hoạt động: %w", err)
		}
		var used []string
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return fmt.Errorf("đọc hoạt động: %w", err)
			}
			used = append(used, k)
		}
		rows.Close()
		for _, k := range used {
			if _, ok := domain.KindOf(kinds, k); !ok {
				name := k
				if old, ok := domain.KindOf(before, k); ok {
					name = old.Label
				}
				c := &domain.Checker{}
				c.Add("Kinds", "Loại hoạt động", "loại %q còn hoạt động đã ghi, không bỏ được", name)
				return c.Err()
			}
		}
		return setSetting(ctx, tx, settingActivityKinds, string(data))
	})
}

// The three edits of the list, the window's and the CLI's: each reads the
// list, changes one kind and writes it back through SetActivityKinds.

// AddActivityKind adds a kind with its figures; an empty code (the
// window's) is made from the label, and so are its figures' codes.
func (s *Store) AddActivityKind(ctx context.Context, k domain.ActivityKind) error {
	kinds, err := s.ActivityKinds(ctx)
	if err != nil {
		return err
	}
	if k.Code == "" {
		k.Code = domain.KindCode(k.Label, func(c string) bool { _, ok := domain.KindOf(kinds, c); return ok })
	}
	if _, ok := domain.KindOf(kinds, k.Code); ok {
		c := &domain.Checker{}
		c.Add("Kinds", "Loại hoạt động", "mã %q đã có trong danh mục", k.Code)
		return c.Err()
	}
	for i := range k.Measures {
		if k.Measures[i].Code == "" {
			k.Measures[i].Code = domain.KindCode(k.Measures[i].Label, func(c string) bool {
				for _, m := range k.Measures {
					if m.Code == c {
						return true
					}
				}
				return false
			})
		}
	}
	return s.SetActivityKinds(ctx, append(kinds, k))
}

// RenameActivityKind gives a kind a new label (its code, which the
// activities keep, stays).
func (s *Store) RenameActivityKind(ctx context.Context, code, label string) error {
	kinds, err := s.ActivityKinds(ctx)
	if err != nil {
		return err
	}
	for i := range kinds {
		if kinds[i].Code == code {
			kinds[i].Label = label
			return s.SetActivityKinds(ctx, kinds)
		}
	}
	return domain.ErrMsg("không có loại hoạt động %q", code)
}

// EditActivityKind gives the kind code a new label and list of figures,
// in one write (its history: the list before and after). A figure keeps
// its code when it keeps its place in the list given (the window sends
// them with their codes); a new one gets a code made from its label.
//
// A figure that activities already recorded cannot leave the list: the
// reports already made counted it, and a document remade at its date must
// show the same figures (renaming it is allowed). The trainings' and the
// models' figures are counted from their own records, so their list is
// fixed (their labels may change).
func (s *Store) EditActivityKind(ctx context.Context, code, label string, measures []domain.ActivityMeasure) error {
	kinds, err := s.ActivityKinds(ctx)
	if err != nil {
		return err
	}
	i := -1
	for j := range kinds {
		if kinds[j].Code == code {
			i = j
		}
	}
	if i < 0 {
		return domain.ErrMsg("không có loại hoạt động %q", code)
	}
	old := kinds[i]
	ms := append([]domain.ActivityMeasure(nil), measures...)
	c := &domain.Checker{}
	for j := range ms {
		ms[j].Label, ms[j].Unit = domain.Clean(ms[j].Label), domain.Clean(ms[j].Unit)
		c.Row = j + 1
		if ms[j].Label == "" || ms[j].Unit == "" {
			c.Add("Measures", "Số liệu", "cần ghi cả tên số liệu và đơn vị")
		}
		c.Text("Measures", "Số liệu", ms[j].Label, domain.RuleLine)
		c.Text("Measures", "Số liệu", ms[j].Unit, domain.RuleLine)
	}
	c.Row = 0
	if err := c.Err(); err != nil {
		return err
	}
	taken := func(x string) bool {
		for _, m := range append(append([]domain.ActivityMeasure(nil), old.Measures...), ms...) {
			if m.Code == x {
				return true
			}
		}
		return false
	}
	for j := range ms {
		if ms[j].Code == "" {
			ms[j].Code = domain.KindCode(ms[j].Label, taken)
		}
	}
	var gone []domain.ActivityMeasure
	for _, m := range old.Measures {
		kept := false
		for _, n := range ms {
			kept = kept || n.Code == m.Code
		}
		if !kept {
			gone = append(gone, m)
		}
	}
	fixed := code == domain.KindTraining || code == domain.KindModel
	if fixed && (len(gone) > 0 || len(ms) != len(old.Measures)) {
		c.Add("Measures", "Số liệu", "số liệu của loại %q được đếm từ sổ tập huấn và mô hình: chỉ đổi được tên và đơn vị", old.Label)
		return c.Err()
	}
	kinds[i].Label, kinds[i].Measures = label, ms
	if err := domain.CheckActivityKinds(kinds).Err(); err != nil {
		return err
	}
	data, err := json.Marshal(kinds)
	if err != nil {
		return fmt.Errorf("ghi danh mục loại hoạt động: %w", err)
	}
	return s.write(ctx, func(tx *writeTx) error {
		for _, m := range gone {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(DISTINCT x.activity_id) FROM activity_measures x
				JOIN activities a ON a.id = x.activity_id WHERE a.kind = ? AND x.measure = ? AND x.value <> 0`, code, m.Code).Scan(&n); err != nil {
				return fmt.Errorf("đọc số liệu hoạt động: %w", err)
			}
			if n > 0 {
				c.Add("Measures", "Số liệu", "số liệu %q đã ghi ở %d hoạt động, không bỏ được: báo cáo đã làm có số liệu này (đổi tên thì được)", m.Label, n)
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		return setSetting(ctx, tx, settingActivityKinds, string(data))
	})
}

// RemoveActivityKind takes a kind off the list; one still used by an
// activity, and the trainings' and models', stay (SetActivityKinds).
func (s *Store) RemoveActivityKind(ctx context.Context, code string) error {
	kinds, err := s.ActivityKinds(ctx)
	if err != nil {
		return err
	}
	out := make([]domain.ActivityKind, 0, len(kinds))
	for _, k := range kinds {
		if k.Code != code {
			out = append(out, k)
		}
	}
	if len(out) == len(kinds) {
		return domain.ErrMsg("không có loại hoạt động %q", code)
	}
	return s.SetActivityKinds(ctx, out)
}

// ActivityFilter picks activities of a working year.
type ActivityFilter struct {
	Year     int         // the working year (required)
	Cutoff   domain.Date // zero: the year's end (today while it runs)
	Kind     string      // "": every kind
	BranchID int64       // organised by this branch (0: any organiser)
	Month    int         // 1..12: begun in this calendar month of the year (0: any)
}

// Activities lists the activities of a working year up to its cut-off, by
// date: the activities table, the year's training courses and its models.
func (s *Store) Activities(ctx context.Context, f ActivityFilter) ([]domain.Activity, error) {
	sp, err := s.YearSpan(ctx, f.Year, f.Cutoff)
	if err != nil {
		return nil, err
	}
	all, err := s.activitiesIn(ctx, sp.From, sp.To)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, a := range all {
		if f.Kind != "" && a.Kind != f.Kind {
			continue
		}
		if f.Month != 0 && a.Date.Month() != f.Month {
			continue
		}
		if f.BranchID != 0 && (a.Ward || !containsID(a.Branches, f.BranchID)) {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// activitiesIn reads every activity begun in [from, to], of the three
// sources, by date then title.
func (s *Store) activitiesIn(ctx context.Context, from, to domain.Date) ([]domain.Activity, error) {
	until := domain.AddDays(to, 1).ISO()
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, title, date, end_date, ward, union_count, federation_count, other_count,
		roll, link, note FROM activities WHERE date >= ? AND date < ? ORDER BY date, id`, from.ISO(), until)
	if err != nil {
		return nil, fmt.Errorf("đọc hoạt động: %w", err)
	}
	var out []domain.Activity
	byID := map[int64]int{}
	for rows.Next() {
		var a domain.Activity
		if err := rows.Scan(&a.ID, &a.Kind, &a.Title, (*sqlDate)(&a.Date), (*sqlDate)(&a.End), &a.Ward,
			&a.Participants.Union, &a.Participants.Federation, &a.Participants.Others, &a.Roll, &a.Link, &a.Note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc hoạt động: %w", err)
		}
		a.Measures = map[string]int64{}
		byID[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc hoạt động: %w", err)
	}
	// The branches, named members and figures of the span's activities.
	for _, q := range []struct {
		sql string
		add func(a *domain.Activity, v int64, code string)
	}{
		{`SELECT x.activity_id, x.branch_id, '' FROM activity_branches x JOIN activities a ON a.id = x.activity_id
			WHERE a.date >= ? AND a.date < ? ORDER BY x.activity_id, x.branch_id`,
			func(a *domain.Activity, v int64, _ string) { a.Branches = append(a.Branches, v) }},
		{`SELECT x.activity_id, x.person_id, '' FROM activity_people x JOIN activities a ON a.id = x.activity_id
			WHERE a.date >= ? AND a.date < ? ORDER BY x.activity_id, x.person_id`,
			func(a *domain.Activity, v int64, _ string) { a.People = append(a.People, v) }},
		{`SELECT x.activity_id, x.value, x.measure FROM activity_measures x JOIN activities a ON a.id = x.activity_id
			WHERE a.date >= ? AND a.date < ?`,
			func(a *domain.Activity, v int64, code string) { a.Measures[code] = v }},
	} {
		r, err := s.db.QueryContext(ctx, q.sql, from.ISO(), until)
		if err != nil {
			return nil, fmt.Errorf("đọc hoạt động: %w", err)
		}
		for r.Next() {
			var id, v int64
			var code string
			if err := r.Scan(&id, &v, &code); err != nil {
				r.Close()
				return nil, fmt.Errorf("đọc hoạt động: %w", err)
			}
			if i, ok := byID[id]; ok {
				q.add(&out[i], v, code)
			}
		}
		r.Close()
		if err := r.Err(); err != nil {
			return nil, fmt.Errorf("đọc hoạt động: %w", err)
		}
	}
	courses, err := s.trainingCourses(ctx, from.ISO(), until)
	if err != nil {
		return nil, err
	}
	models, err := s.modelActivities(ctx, from.ISO(), until)
	if err != nil {
		return nil, err
	}
	out = append(append(out, courses...), models...)
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c < 0
		}
		return out[i].Title < out[j].Title
	})
	return out, nil
}

// trainingCourses reads the trainings of [from, until) as one activity a
// course: the people trained on one day in one course by one organiser.
func (s *Store) trainingCourses(ctx context.Context, from, until string) ([]domain.Activity, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.date, t.course, t.organiser, t.person_id, p.union_member
		FROM trainings t JOIN people p ON p.id = t.person_id
		WHERE t.date >= ? AND t.date < ? ORDER BY t.date, t.course, t.organiser, t.id`, from, until)
	if err != nil {
		return nil, fmt.Errorf("đọc tập huấn: %w", err)
	}
	defer rows.Close()
	var out []domain.Activity
	var last string
	for rows.Next() {
		var id, person int64
		var d domain.Date
		var course, organiser string
		var union bool
		if err := rows.Scan(&id, (*sqlDate)(&d), &course, &organiser, &person, &union); err != nil {
			return nil, fmt.Errorf("đọc tập huấn: %w", err)
		}
		key := d.ISO() + "\x00" + course + "\x00" + organiser
		if key != last || len(out) == 0 {
			title := course
			if title == "" {
				title = "Tập huấn cán bộ"
			}
			out = append(out, domain.Activity{ID: id, Source: domain.SourceTraining, Kind: domain.KindTraining, Title: title,
				Date: d, Ward: true, Roll: true, Note: organiser, Measures: map[string]int64{}})
			last = key
		}
		a := &out[len(out)-1]
		a.People = append(a.People, person)
		if union {
			a.Participants.Union++
		} else {
			a.Participants.Others++
		}
		a.Measures["trained"]++
	}
	return out, rows.Err()
}

// modelActivities reads the models of 2.1 and 2.2b started or supported in
// [from, until) as activities of kind model.
func (s *Store) modelActivities(ctx context.Context, from, until string) ([]domain.Activity, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+modelCols+` FROM target_models m WHERE m.date >= ? AND m.date < ? ORDER BY m.date, m.id`, from, until)
	if err != nil {
		return nil, fmt.Errorf("đọc mô hình: %w", err)
	}
	defer rows.Close()
	var out []domain.Activity
	for rows.Next() {
		var m domain.TargetModel
		var t string
		if err := rows.Scan(&m.ID, &t, &m.Kind, &m.Name, &m.Link, &m.Owner, &m.BranchID, &m.CoopID,
			(*sqlDate)(&m.Date), (*sqlDate)(&m.Ended), &m.Support, &m.Note); err != nil {
			return nil, fmt.Errorf("đọc mô hình: %w", err)
		}
		m.Target = domain.ModelTarget(t)
		a := domain.Activity{ID: m.ID, Source: domain.SourceModel, Kind: domain.KindModel, Title: m.Name, Date: m.Date,
			Ward: m.BranchID == 0, Link: m.Named(), Note: strings.TrimSpace(m.Support + "\n" + m.Note), Measures: map[string]int64{}}
		if m.BranchID != 0 {
			a.Branches = []int64{m.BranchID}
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Activity reads one activity of the activities table.
func (s *Store) Activity(ctx context.Context, id int64) (domain.Activity, error) {
	var d domain.Date
	if err := s.db.QueryRowContext(ctx, `SELECT date FROM activities WHERE id = ?`, id).Scan((*sqlDate)(&d)); err != nil {
		if err == sql.ErrNoRows {
			return domain.Activity{}, fmt.Errorf("hoạt động mã %d: %w", id, ErrNotFound)
		}
		return domain.Activity{}, fmt.Errorf("đọc hoạt động %d: %w", id, err)
	}
	all, err := s.activitiesIn(ctx, d, d)
	if err != nil {
		return domain.Activity{}, err
	}
	for _, a := range all {
		if a.Source == domain.SourceActivity && a.ID == id {
			return a, nil
		}
	}
	return domain.Activity{}, fmt.Errorf("hoạt động mã %d: %w", id, ErrNotFound)
}

// SaveActivity records an activity (a new one when its ID is 0) with its
// branches, named members and figures, in one transaction.
func (s *Store) SaveActivity(ctx context.Context, a *domain.Activity) error {
	return s.SaveActivities(ctx, []*domain.Activity{a})
}

// SaveActivities records several activities (an import) in one
// transaction: one refused, none written. Each problem names its row (the
// activity's place in the list, from 1, when there are several).
func (s *Store) SaveActivities(ctx context.Context, as []*domain.Activity) error {
	kinds, err := s.ActivityKinds(ctx)
	if err != nil {
		return err
	}
	var problems []domain.FieldError
	checkers := make([]*domain.Checker, len(as))
	for i, a := range as {
		c := domain.CheckActivity(a, kinds, s.Today())
		if a.Source != domain.SourceActivity {
			c.Add("Kind", "Loại hoạt động", "tập huấn và mô hình được sửa ở nơi ghi chúng")
		}
		if len(as) > 1 {
			for j := range c.Errs {
				c.Errs[j].Row = i + 1
			}
			c.Row = i + 1
		}
		problems = append(problems, c.Errs...)
		checkers[i] = c
		a.Branches, a.People = uniqueIDs(a.Branches), uniqueIDs(a.People)
	}
	if len(problems) > 0 {
		return &domain.ValidationError{Errors: problems}
	}
	return s.write(ctx, func(tx *writeTx) error {
		for i, a := range as {
			if err := saveActivity(ctx, tx, a, checkers[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func saveActivity(ctx context.Context, tx *writeTx, a *domain.Activity, c *domain.Checker) error {
	for _, ref := range []struct {
		ids          []int64
		table, field string
		label        string
	}{{a.Branches, "branches", "Branches", "Chi đoàn tổ chức"}, {a.People, "people", "People", "Người tham gia"}} {
		if missing, err := missingIDs(ctx, tx, ref.table, ref.ids); err != nil {
			return err
		} else if missing != 0 {
			c.Add(ref.field, ref.label, "mã %d không có trong sổ", missing)
			return c.Err()
		}
	}
	args := []any{a.Kind, a.Title, sqlDate(a.Date), sqlDate(a.End), a.Ward, a.Participants.Union, a.Participants.Federation,
		a.Participants.Others, a.Roll, a.Link, a.Note}
	if a.ID == 0 {
		id, err := tx.Insert("activities", `INSERT INTO activities(kind, title, date, end_date, ward, union_count, federation_count,
			other_count, roll, link, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return fmt.Errorf("ghi hoạt động: %w", err)
		}
		a.ID = id
	} else {
		res, err := tx.Change("activities", "id = ?", []any{a.ID}, `UPDATE activities SET kind=?, title=?, date=?, end_date=?, ward=?,
			union_count=?, federation_count=?, other_count=?, roll=?, link=?, note=? WHERE id=?`, append(args, a.ID)...)
		if err != nil {
			return fmt.Errorf("sửa hoạt động: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c.Add("ID", "Hoạt động", "mã %d không có trong sổ", a.ID)
			return c.Err()
		}
	}
	return replaceActivityRows(tx, a)
}

// replaceActivityRows writes an activity's branches, people and figures
// over what it had: only what changed reaches the history.
func replaceActivityRows(tx *writeTx, a *domain.Activity) error {
	codes := make([]string, 0, len(a.Measures))
	for code := range a.Measures {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, part := range []struct {
		table, col string
		rows       [][]any
	}{
		{"activity_branches", "branch_id", idRows(a.ID, a.Branches)},
		{"activity_people", "person_id", idRows(a.ID, a.People)},
		{"activity_measures", "measure, value", measureRows(a.ID, codes, a.Measures)},
	} {
		err := tx.Track(part.table, "activity_id = ?", []any{a.ID}, func(exec writepath.ExecFunc) error {
			if _, err := exec(`DELETE FROM `+part.table+` WHERE activity_id = ?`, a.ID); err != nil {
				return err
			}
			return insertChunks(exec, `INSERT INTO `+part.table+`(activity_id, `+part.col+`) VALUES `, part.rows)
		})
		if err != nil {
			return fmt.Errorf("ghi %s của hoạt động: %w", strings.ToLower(tableLabel(part.table)), err)
		}
	}
	return nil
}

func idRows(owner int64, ids []int64) [][]any {
	out := make([][]any, len(ids))
	for i, id := range ids {
		out[i] = []any{owner, id}
	}
	return out
}

func measureRows(owner int64, codes []string, m map[string]int64) [][]any {
	var out [][]any
	for _, c := range codes {
		if m[c] != 0 {
			out = append(out, []any{owner, c, m[c]})
		}
	}
	return out
}

// insertChunks inserts rows (each the same number of values) with
// multi-row INSERTs of up to 200 rows.
func insertChunks(exec writepath.ExecFunc, head string, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), 200)
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, n*len(rows[0]))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(" + strings.TrimSuffix(strings.Repeat("?,", len(r)), ",") + ")")
			args = append(args, r...)
		}
		if _, err := exec(b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func uniqueIDs(ids []int64) []int64 {
	if len(ids) == 0 {
		return nil
	}
	out := append([]int64(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	k := 0
	for i, id := range out {
		if i == 0 || id != out[k-1] {
			out[k] = id
			k++
		}
	}
	return out[:k]
}

// missingIDs returns an id of ids that table lacks (0: none).
func missingIDs(ctx context.Context, tx *writeTx, table string, ids []int64) (int64, error) {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id IN (`+strings.TrimSuffix(strings.Repeat("?,", n), ",")+`)`, args...)
		if err != nil {
			return 0, fmt.Errorf("đọc %s: %w", table, err)
		}
		have := map[int64]bool{}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return 0, fmt.Errorf("đọc %s: %w", table, err)
			}
			have[id] = true
		}
		rows.Close()
		for _, id := range ids[:n] {
			if !have[id] {
				return id, nil
			}
		}
		ids = ids[n:]
	}
	return 0, nil
}

// DeleteActivity removes an activity entered by mistake, with its rows.
func (s *Store) DeleteActivity(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *writeTx) error {
		for _, t := range []string{"activity_branches", "activity_people", "activity_measures"} {
			if _, err := tx.Change(t, "activity_id = ?", []any{id}, `DELETE FROM `+t+` WHERE activity_id = ?`, id); err != nil {
				return fmt.Errorf("xóa hoạt động: %w", err)
			}
		}
		res, err := tx.Change("activities", "id = ?", []any{id}, `DELETE FROM activities WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("xóa hoạt động: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			c := &domain.Checker{}
			c.Add("ID", "Hoạt động", "mã %d không có trong sổ", id)
			return c.Err()
		}
		return nil
	})
}

// ActivityTotals counts the activities begun in [from, to] (to: the
// cut-off) by kind, in the order of the register's kinds, every kind
// listed (Count 0 when none): how many, who took part, each measure
// summed. A kind no longer in the list but still used comes last.
func (s *Store) ActivityTotals(ctx context.Context, from, to domain.Date) ([]domain.ActivityKindTotal, error) {
	kinds, err := s.ActivityKinds(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.activitiesIn(ctx, from, to)
	if err != nil {
		return nil, err
	}
	out := make([]domain.ActivityKindTotal, 0, len(kinds))
	at := map[string]int{}
	for _, k := range kinds {
		t := domain.ActivityKindTotal{Kind: k.Code, Label: k.Label}
		for _, m := range k.Measures {
			t.Measures = append(t.Measures, domain.MeasureSum{ActivityMeasure: m})
		}
		at[k.Code] = len(out)
		out = append(out, t)
	}
	for _, a := range all {
		i, ok := at[a.Kind]
		if !ok {
			at[a.Kind] = len(out)
			i = len(out)
			out = append(out, domain.ActivityKindTotal{Kind: a.Kind, Label: a.Kind})
		}
		t := &out[i]
		t.Count++
		t.Participants = t.Participants.Add(a.Participants)
		for j := range t.Measures {
			t.Measures[j].Value += a.Measures[t.Measures[j].Code]
		}
	}
	return out, nil
}
