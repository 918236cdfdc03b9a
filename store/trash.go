package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"sodoan/domain"
	"sodoan/store/internal/writepath"
)

// The recycle bin (thùng rác). Deleting a person, a branch, a club or a
// cooperative group moves its row and every row linked to it (events,
// yearly records, offices, memberships, a branch's assessments) out of the
// live tables into one trash row, in one transaction. The live tables then
// hold only what exists, so every list, search, count, indicator and
// report stays correct without a filter to forget; a restore puts the rows
// back under their ids, and only emptying the bin deletes them for good.

// TrashItem is one record waiting in the recycle bin.
type TrashItem struct {
	Kind      domain.TrashKind
	ID        int64 // the record's id, under which it comes back
	Label     string
	DeletedAt time.Time
	Links     int // rows that went with it (events, memberships…)
}

// RestoreResult tells what a restore brought back.
type RestoreResult struct {
	Kind  domain.TrashKind
	ID    int64 // the record's id (its old one unless that was taken)
	Label string
	// Notes name the links that could not come back (a branch or club
	// deleted meanwhile), in Vietnamese.
	Notes []error // *MessageError: a window translates them
}

type trashLinkSpec struct{ table, column string }

// trashSpec is what moves with a record: its table, the rows that point to
// it and go with it, and the rows that stay but lose their link (a
// branch's former members and offices), restored on the way back.
type trashSpec struct {
	table    string
	children []trashLinkSpec
	links    []trashLinkSpec
}

var trashSpecs = map[domain.TrashKind]trashSpec{
	domain.TrashPerson: {table: "people", children: []trashLinkSpec{{"membership_events", "person_id"}, {"member_years", "person_id"},
		{"positions", "person_id"}, {"club_members", "person_id"}, {"coop_members", "person_id"}, {"trainings", "person_id"},
		{"activity_people", "person_id"}, {"attendance", "person_id"}, {"decision_people", "person_id"}}},
	domain.TrashBranch: {table: "branches", children: []trashLinkSpec{{"branch_years", "branch_id"}, {"branch_criteria_met", "branch_id"}, {"activity_branches", "branch_id"}},
		links: []trashLinkSpec{{"people", "branch_id"}, {"positions", "branch_id"}, {"target_models", "branch_id"}}},
	domain.TrashClub: {table: "clubs", children: []trashLinkSpec{{"club_members", "club_id"}}},
	domain.TrashCoop: {table: "coops", children: []trashLinkSpec{{"coop_members", "coop_id"}, {"coop_years", "coop_id"}, {"coop_reports", "coop_id"}, {"target_models", "coop_id"}}},
}

// word is a Vietnamese word inside a message, which a window translates
// (see TrashWords).
type word string

// Label is the word itself, the key of its translation.
func (w word) Label() string { return string(w) }

// TrashWords lists the words restore notes put inside their messages.
func TrashWords() []string {
	out := []string{"chi đoàn", "câu lạc bộ", "tổ hợp tác", "người", "tiêu chí"}
	for t := range restoreRefs {
		out = append(out, strings.ToLower(tableLabel(t)))
	}
	return out
}

// trashKindOf is the kind of a record of each table the bin takes.
var trashKindOf = map[string]domain.TrashKind{"people": domain.TrashPerson, "branches": domain.TrashBranch, "clubs": domain.TrashClub, "coops": domain.TrashCoop}

// restoreRef is a column that points to another record, which may have
// gone while this one waited in the bin: the link is then cleared
// (optional) or the row left out, and the restore says so.
type restoreRef struct {
	column, parent string
	optional       bool
}

var restoreRefs = map[string][]restoreRef{
	"people":              {{"branch_id", "branches", true}},
	"positions":           {{"branch_id", "branches", true}},
	"target_models":       {{"branch_id", "branches", true}},
	"club_members":        {{"club_id", "clubs", false}, {"person_id", "people", false}},
	"coop_members":        {{"coop_id", "coops", false}, {"person_id", "people", false}},
	"branch_criteria_met": {{"criterion_id", "criteria", false}},
	"decision_people":     {{"decision_id", "decisions", false}},
	"activity_people":     {{"activity_id", "activities", false}},
	"activity_branches":   {{"activity_id", "activities", false}},
	"attendance":          {{"meeting_id", "meetings", false}},
}

// trashPayload is what a trash row keeps: the record's row first, then its
// children, and the ids of the rows whose link was cleared.
type trashPayload struct {
	Tables []trashTable `json:"tables"`
	Links  []trashLink  `json:"links,omitempty"`
}

type trashTable struct {
	Table string           `json:"table"`
	Rows  []map[string]any `json:"rows"`
}

type trashLink struct {
	Table  string  `json:"table"`
	Column string  `json:"column"`
	IDs    []int64 `json:"ids"`
}

// DeletePerson moves a person, with their events, yearly records, offices
// and club and group memberships, to the recycle bin.
func (s *Store) DeletePerson(ctx context.Context, id int64) error {
	return s.moveToTrash(ctx, domain.TrashPerson, id)
}

// DeleteBranch moves a branch, with its yearly assessments, to the
// recycle bin. A branch whose members are still active is refused: they
// must first move to another branch (or the branch be marked dissolved),
// as a Union office expects every active member to belong to one. Former
// members and offices keep a link to it that comes back on restore.
func (s *Store) DeleteBranch(ctx context.Context, id int64) error {
	return s.moveToTrash(ctx, domain.TrashBranch, id)
}

// DeleteClub moves a club and its member list to the recycle bin.
func (s *Store) DeleteClub(ctx context.Context, id int64) error {
	return s.moveToTrash(ctx, domain.TrashClub, id)
}

// DeleteCoop moves a cooperative group, its members and yearly results to
// the recycle bin.
func (s *Store) DeleteCoop(ctx context.Context, id int64) error {
	return s.moveToTrash(ctx, domain.TrashCoop, id)
}

func (s *Store) moveToTrash(ctx context.Context, kind domain.TrashKind, id int64) error {
	spec := trashSpecs[kind]
	return s.write(ctx, func(w *writeTx) error {
		main, err := w.Snapshot(spec.table, "id = ?", []any{id})
		if err != nil {
			return err
		}
		if len(main) == 0 {
			return fmt.Errorf("%s mã %d: %w", strings.ToLower(kind.Label()), id, ErrNotFound)
		}
		label := trashLabel(kind, main[0])
		if kind == domain.TrashBranch {
			var active int
			if err := w.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE branch_id = ? AND status = 'active'`, id).Scan(&active); err != nil {
				return fmt.Errorf("đếm người của chi đoàn: %w", err)
			}
			if active > 0 {
				c := &domain.Checker{}
				c.Add("ID", "Chi đoàn", "%s còn %d người đang sinh hoạt; hãy chuyển họ sang chi đoàn khác hoặc đánh dấu giải thể thay vì xóa", label, active)
				return c.Err()
			}
			// Its meetings and their attendance are the branch's book: a
			// branch that met is dissolved, not deleted.
			var met int
			if err := w.QueryRowContext(ctx, `SELECT count(*) FROM meetings WHERE branch_id = ?`, id).Scan(&met); err != nil {
				return fmt.Errorf("đếm buổi sinh hoạt của chi đoàn: %w", err)
			}
			if met > 0 {
				c := &domain.Checker{}
				c.Add("ID", "Chi đoàn", "%s đã ghi %d buổi sinh hoạt; hãy đánh dấu giải thể thay vì xóa", label, met)
				return c.Err()
			}
		}
		payload := trashPayload{Tables: []trashTable{{Table: spec.table, Rows: payloadRows(main)}}}
		links := 0
		for _, c := range spec.children {
			rows, err := w.Snapshot(c.table, c.column+" = ?", []any{id})
			if err != nil {
				return err
			}
			if len(rows) > 0 {
				payload.Tables = append(payload.Tables, trashTable{Table: c.table, Rows: payloadRows(rows)})
				links += len(rows)
			}
		}
		for _, l := range spec.links {
			ids, err := w.ids(`SELECT id FROM `+l.table+` WHERE `+l.column+` = ? ORDER BY id`, id)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				continue
			}
			payload.Links = append(payload.Links, trashLink{Table: l.table, Column: l.column, IDs: ids})
			links += len(ids)
			if _, err := w.Change(l.table, l.column+" = ?", []any{id}, `UPDATE `+l.table+` SET `+l.column+` = NULL WHERE `+l.column+` = ?`, id); err != nil {
				return fmt.Errorf("gỡ liên kết %s: %w", l.table, err)
			}
		}
		data, err := json.Marshal(payload)
		if err != nil {
			return fmt.Errorf("ghi thùng rác: %w", err)
		}
		if _, err := w.Unrecorded(`INSERT INTO trash(kind, item_id, label, deleted_at, links, payload) VALUES (?,?,?,?,?,?)`,
			string(kind), id, label, w.Stamp(), links, string(data)); err != nil {
			return fmt.Errorf("ghi thùng rác: %w", err)
		}
		// The children follow through ON DELETE CASCADE.
		if _, err := w.Unrecorded(`DELETE FROM `+spec.table+` WHERE id = ?`, id); err != nil {
			return fmt.Errorf("chuyển %s vào thùng rác: %w", label, err)
		}
		if kind == domain.TrashPerson {
			if err := w.Derived(`DELETE FROM people_fts WHERE rowid = ?`, id); err != nil {
				return fmt.Errorf("xóa khỏi chỉ mục: %w", err)
			}
		}
		return w.Log("trash", spec.table, fmt.Sprint(id), writepath.PersonOf(spec.table, main[0]), nil, nil, label)
	})
}

// trashLabel is how the bin names a record: a person's full name and
// birth date, or the name of the branch, club or group.
func trashLabel(kind domain.TrashKind, r dbRow) string {
	if kind == domain.TrashPerson {
		s := func(c string) string { v, _ := r[c].(string); return v }
		label := domain.JoinName(s("family_name"), s("middle_name"), s("given_name"))
		if d, err := domain.ParseDate(s("birth_date")); err == nil {
			label += " (" + d.String() + ")"
		}
		return label
	}
	name, _ := r["name"].(string)
	return name
}

// payloadRows keeps the rows without their order keys and search text,
// which a restore computes again.
func payloadRows(rows []dbRow) []map[string]any {
	out := make([]map[string]any, len(rows))
	for i, r := range rows {
		m := make(map[string]any, len(r))
		for c, v := range r {
			if c == "sort_key" || c == "search" {
				continue
			}
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			m[c] = v
		}
		out[i] = m
	}
	return out
}

func (w *writeTx) ids(q string, args ...any) ([]int64, error) {
	rows, err := w.QueryContext(w.ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("đọc liên kết: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("đọc liên kết: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Trash lists the recycle bin, latest deletion first.
func (s *Store) Trash(ctx context.Context) ([]TrashItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, item_id, label, deleted_at, links FROM trash ORDER BY deleted_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("đọc thùng rác: %w", err)
	}
	defer rows.Close()
	var out []TrashItem
	for rows.Next() {
		var it TrashItem
		var kind, at string
		if err := rows.Scan(&kind, &it.ID, &it.Label, &at, &it.Links); err != nil {
			return nil, fmt.Errorf("đọc thùng rác: %w", err)
		}
		it.Kind, it.DeletedAt = domain.TrashKind(kind), parseStamp(at)
		out = append(out, it)
	}
	return out, rows.Err()
}

// stampLayout is how the register writes a time: UTC, to the
// millisecond, as the schema's strftime defaults do.
const stampLayout = "2006-01-02T15:04:05.000Z"

// parseStamp reads the UTC times the register writes.
func parseStamp(s string) time.Time {
	t, err := time.Parse(stampLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// trashRow finds the latest trash row of a record.
func trashRow(ctx context.Context, w *writeTx, kind domain.TrashKind, id int64) (rowID int64, label string, p trashPayload, err error) {
	if _, ok := trashSpecs[kind]; !ok {
		c := &domain.Checker{}
		c.Add("Kind", "Loại", "%q không có trong thùng rác (chọn person, branch, club hoặc coop)", string(kind))
		return 0, "", p, c.Err()
	}
	var data string
	err = w.QueryRowContext(ctx, `SELECT id, label, payload FROM trash WHERE kind = ? AND item_id = ? ORDER BY id DESC LIMIT 1`,
		string(kind), id).Scan(&rowID, &label, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", p, fmt.Errorf("thùng rác không có %s mã %d: %w", strings.ToLower(kind.Label()), id, ErrNotFound)
	}
	if err != nil {
		return 0, "", p, fmt.Errorf("đọc thùng rác: %w", err)
	}
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		return 0, "", p, fmt.Errorf("đọc thùng rác (%s): %w", label, err)
	}
	return rowID, label, p, nil
}

// RestoreTrash brings a record back from the recycle bin with its links.
func (s *Store) RestoreTrash(ctx context.Context, kind domain.TrashKind, id int64) (RestoreResult, error) {
	res := RestoreResult{Kind: kind, ID: id}
	err := s.write(ctx, func(w *writeTx) error {
		rowID, label, p, err := trashRow(ctx, w, kind, id)
		if err != nil {
			return err
		}
		res.Label = label
		spec := trashSpecs[kind]
		if len(p.Tables) == 0 || p.Tables[0].Table != spec.table || len(p.Tables[0].Rows) != 1 {
			return fmt.Errorf("thùng rác: mục %s hỏng", label)
		}
		main := decodeRow(p.Tables[0].Rows[0])
		if err := s.checkRestore(ctx, w, kind, main, label); err != nil {
			return err
		}
		var taken int
		if err := w.QueryRowContext(ctx, `SELECT count(*) FROM `+spec.table+` WHERE id = ?`, id).Scan(&taken); err != nil {
			return fmt.Errorf("đọc %s: %w", spec.table, err)
		}
		if taken > 0 {
			delete(main, "id")
		}
		switch kind {
		case domain.TrashPerson:
			s3 := func(c string) string { v, _ := main[c].(string); return v }
			main["sort_key"] = s.nameKey(s3("family_name"), s3("middle_name"), s3("given_name"))
		case domain.TrashBranch:
			name, _ := main["name"].(string)
			main["sort_key"] = s.textKey(name)
		}
		newID, ok, err := w.restoreRow(spec.table, main, &res.Notes)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("thùng rác: không khôi phục được %s", label)
		}
		res.ID = newID
		if newID != id {
			res.Notes = append(res.Notes, domain.ErrMsg("mã %d đã được dùng; %s nhận mã mới %d", id, label, newID))
		}
		for _, t := range p.Tables[1:] {
			fk := ""
			for _, c := range spec.children {
				if c.table == t.Table {
					fk = c.column
				}
			}
			if fk == "" {
				return fmt.Errorf("thùng rác: bảng %s không thuộc %s", t.Table, kind.Label())
			}
			for _, raw := range t.Rows {
				r := decodeRow(raw)
				r[fk] = newID
				if rid, ok := r["id"].(int64); ok {
					var n int
					if err := w.QueryRowContext(ctx, `SELECT count(*) FROM `+t.Table+` WHERE id = ?`, rid).Scan(&n); err != nil {
						return fmt.Errorf("đọc %s: %w", t.Table, err)
					}
					if n > 0 {
						delete(r, "id")
					}
				}
				if _, _, err := w.restoreRow(t.Table, r, &res.Notes); err != nil {
					return err
				}
			}
		}
		for _, l := range p.Links {
			if _, err := w.Change(l.Table, "id IN (SELECT value FROM json_each(?))", []any{jsonInts(l.IDs)},
				`UPDATE `+l.Table+` SET `+l.Column+` = ? WHERE id IN (SELECT value FROM json_each(?)) AND `+l.Column+` IS NULL`,
				newID, jsonInts(l.IDs)); err != nil {
				return fmt.Errorf("khôi phục liên kết %s: %w", l.Table, err)
			}
		}
		if kind == domain.TrashPerson {
			var person domain.Person
			if err := scanPerson(w.QueryRowContext(ctx, `SELECT `+personColumns+personFrom+` WHERE p.id = ?`, newID), &person); err != nil {
				return fmt.Errorf("đọc %s: %w", label, err)
			}
			if err := indexPerson(ctx, w, &person); err != nil {
				return err
			}
			if err := refreshStatus(ctx, w, newID); err != nil {
				return err
			}
		}
		if _, err := w.Unrecorded(`DELETE FROM trash WHERE id = ?`, rowID); err != nil {
			return fmt.Errorf("xóa khỏi thùng rác: %w", err)
		}
		var person any
		if kind == domain.TrashPerson {
			person = newID
		}
		note := label
		for _, n := range res.Notes {
			note += "; " + n.Error()
		}
		return w.Log("restore", spec.table, fmt.Sprint(newID), person, nil, nil, note)
	})
	return res, err
}

// checkRestore refuses a restore that would break a rule of the register
// written since the deletion: a branch name or a card number taken by
// another record.
func (s *Store) checkRestore(ctx context.Context, w *writeTx, kind domain.TrashKind, main dbRow, label string) error {
	switch kind {
	case domain.TrashBranch:
		var other string
		err := w.QueryRowContext(ctx, `SELECT name FROM branches WHERE name = ?`, main["name"]).Scan(&other)
		if err == nil {
			c := &domain.Checker{}
			c.Add("Name", "Tên chi đoàn", "đã có chi đoàn %q; đổi tên chi đoàn đó rồi khôi phục %s", other, label)
			return c.Err()
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("kiểm tra tên chi đoàn: %w", err)
		}
	case domain.TrashPerson:
		card, _ := main["card_number"].(string)
		if card == "" || main["union_member"] != int64(1) {
			return nil
		}
		var name string
		err := w.QueryRowContext(ctx, `SELECT family_name || ' ' || CASE WHEN middle_name = '' THEN '' ELSE middle_name || ' ' END || given_name
			FROM people WHERE card_number = ? AND union_member = 1`, card).Scan(&name)
		if err == nil {
			c := &domain.Checker{}
			c.Add("CardNumber", "Số thẻ đoàn viên", "%s của %s đã cấp cho %s; sửa số thẻ của người đó rồi khôi phục", card, label, name)
			return c.Err()
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("kiểm tra số thẻ: %w", err)
		}
	}
	return nil
}

// restoreRow inserts a row kept in the bin, with only the columns the
// table has now, after checking what it points to; ok is false when the
// row was left out (its note says why).
func (w *writeTx) restoreRow(table string, r dbRow, notes *[]error) (id int64, ok bool, err error) {
	for _, ref := range restoreRefs[table] {
		v, has := r[ref.column]
		if !has || v == nil {
			continue
		}
		var n int
		if err := w.QueryRowContext(w.ctx, `SELECT count(*) FROM `+ref.parent+` WHERE id = ?`, v).Scan(&n); err != nil {
			return 0, false, fmt.Errorf("kiểm tra %s: %w", ref.parent, err)
		}
		if n > 0 {
			continue
		}
		what := word(map[string]string{"branches": "chi đoàn", "clubs": "câu lạc bộ", "coops": "tổ hợp tác", "people": "người", "criteria": "tiêu chí"}[ref.parent])
		link := word(strings.ToLower(tableLabel(table)))
		// The record pointed to waits in the bin itself: the link goes
		// into its trash row, and comes back when it does.
		if kind, ok := trashKindOf[ref.parent]; ok {
			parentID, _ := v.(int64)
			deferred, err := w.deferLink(kind, parentID, table, ref, r)
			if err != nil {
				return 0, false, err
			}
			if deferred {
				*notes = append(*notes, domain.ErrMsg("%s mã %v đang ở thùng rác: %s sẽ trở lại khi khôi phục %s đó", what, v, link, what))
				if ref.optional {
					r[ref.column] = nil
					continue
				}
				return 0, false, nil
			}
		}
		if ref.optional {
			*notes = append(*notes, domain.ErrMsg("%s mã %v không còn trong sổ: bỏ liên kết %s", what, v, link))
			r[ref.column] = nil
			continue
		}
		*notes = append(*notes, domain.ErrMsg("%s mã %v không còn trong sổ: không khôi phục %s", what, v, link))
		return 0, false, nil
	}
	cols, err := w.columns(table)
	if err != nil {
		return 0, false, err
	}
	var names []string
	var vals []any
	for _, c := range cols {
		if v, has := r[c]; has {
			names = append(names, c)
			vals = append(vals, v)
		}
	}
	res, err := w.Unrecorded(`INSERT INTO `+table+`(`+strings.Join(names, ", ")+`) VALUES (`+strings.TrimSuffix(strings.Repeat("?,", len(names)), ",")+`)`, vals...)
	if err != nil {
		return 0, false, fmt.Errorf("khôi phục %s: %w", tableLabel(table), err)
	}
	if v, has := r["id"].(int64); has {
		return v, true, nil
	}
	id, err = res.LastInsertId()
	return id, err == nil, err
}

// deferLink hands a row being restored to the trash row of the record
// it points to, when that record waits in the bin: an optional link (a
// branch) joins the record's cleared links, a dependent row (a club
// membership) its rows. It reports false when the record is not there.
func (w *writeTx) deferLink(kind domain.TrashKind, parentID int64, table string, ref restoreRef, r dbRow) (bool, error) {
	rowID, _, p, err := trashRow(w.ctx, w, kind, parentID)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if ref.optional {
		id, ok := r["id"].(int64)
		if !ok {
			return false, nil
		}
		found := false
		for i := range p.Links {
			if p.Links[i].Table == table && p.Links[i].Column == ref.column {
				p.Links[i].IDs = append(p.Links[i].IDs, id)
				found = true
			}
		}
		if !found {
			p.Links = append(p.Links, trashLink{Table: table, Column: ref.column, IDs: []int64{id}})
		}
	} else {
		row := payloadRows([]dbRow{r})[0]
		found := false
		for i := range p.Tables {
			if i > 0 && p.Tables[i].Table == table {
				p.Tables[i].Rows = append(p.Tables[i].Rows, row)
				found = true
			}
		}
		if !found {
			p.Tables = append(p.Tables, trashTable{Table: table, Rows: []map[string]any{row}})
		}
	}
	data, err := json.Marshal(p)
	if err != nil {
		return false, fmt.Errorf("ghi thùng rác: %w", err)
	}
	if _, err := w.Unrecorded(`UPDATE trash SET payload = ?, links = links + 1 WHERE id = ?`, string(data), rowID); err != nil {
		return false, fmt.Errorf("ghi thùng rác: %w", err)
	}
	return true, nil
}

// columns lists a table's columns as the schema has them now.
func (w *writeTx) columns(table string) ([]string, error) {
	if c, ok := w.cols[table]; ok {
		return c, nil
	}
	rows, err := w.QueryContext(w.ctx, `SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, fmt.Errorf("đọc cột %s: %w", table, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if w.cols == nil {
		w.cols = map[string][]string{}
	}
	w.cols[table] = out
	return out, nil
}

// decodeRow turns a kept row back into database values: JSON numbers
// become int64 (float64 when they have a fraction).
func decodeRow(m map[string]any) dbRow {
	r := make(dbRow, len(m))
	for c, v := range m {
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				v = i
			} else if f, err := n.Float64(); err == nil {
				v = f
			}
		}
		r[c] = v
	}
	return r
}

func jsonInts(ids []int64) string {
	var b bytes.Buffer
	_ = json.NewEncoder(&b).Encode(ids)
	return strings.TrimSpace(b.String())
}

// PurgeTrash deletes one record of the recycle bin for good. For a person,
// the history of their personal data goes too (Nghị định 13/2023/NĐ-CP):
// history keeps only that person number N was deleted for good.
func (s *Store) PurgeTrash(ctx context.Context, kind domain.TrashKind, id int64) error {
	err := s.write(ctx, func(w *writeTx) error {
		if err := purge(ctx, w, kind, id); err != nil {
			return err
		}
		return mergeSearchIndex(w)
	})
	if err != nil {
		return err
	}
	return s.erasedFromLog(ctx)
}

// mergeSearchIndex rewrites the search index without the entries of the
// people deleted: a contentless index only marks them deleted, and their
// tokens (the CCCD, the phone) stay readable in its pages until a merge.
func mergeSearchIndex(w *writeTx) error {
	if err := w.Derived(`INSERT INTO people_fts(people_fts) VALUES ('optimize')`); err != nil {
		return fmt.Errorf("gộp chỉ mục tìm kiếm: %w", err)
	}
	return nil
}

func purge(ctx context.Context, w *writeTx, kind domain.TrashKind, id int64) error {
	rowID, _, _, err := trashRow(ctx, w, kind, id)
	if err != nil {
		return err
	}
	if _, err := w.Unrecorded(`DELETE FROM trash WHERE id = ?`, rowID); err != nil {
		return fmt.Errorf("xóa khỏi thùng rác: %w", err)
	}
	var person any
	if kind == domain.TrashPerson {
		var live int
		if err := w.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id = ?`, id).Scan(&live); err != nil {
			return fmt.Errorf("đọc người %d: %w", id, err)
		}
		if live == 0 {
			if err := w.Flush(); err != nil {
				return err
			}
			if _, err := w.Unrecorded(`DELETE FROM history WHERE person_id = ?`, id); err != nil {
				return fmt.Errorf("xóa lịch sử: %w", err)
			}
			person = id
		}
	}
	return w.Log("purge", trashSpecs[kind].table, fmt.Sprint(id), person, nil, nil, "")
}

// EmptyTrash deletes everything in the recycle bin for good, in one
// transaction, and returns how many records went.
func (s *Store) EmptyTrash(ctx context.Context) (int, error) {
	n := 0
	err := s.write(ctx, func(w *writeTx) error {
		rows, err := w.QueryContext(ctx, `SELECT DISTINCT kind, item_id FROM trash ORDER BY id`)
		if err != nil {
			return fmt.Errorf("đọc thùng rác: %w", err)
		}
		type item struct {
			kind domain.TrashKind
			id   int64
		}
		var items []item
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.kind, &it.id); err != nil {
				rows.Close()
				return fmt.Errorf("đọc thùng rác: %w", err)
			}
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("đọc thùng rác: %w", err)
		}
		for _, it := range items {
			// One record may have been deleted twice (restored between):
			// each trash row goes.
			for {
				err := purge(ctx, w, it.kind, it.id)
				if errors.Is(err, ErrNotFound) {
					break
				}
				if err != nil {
					return err
				}
				n++
			}
		}
		if n == 0 {
			return nil
		}
		return mergeSearchIndex(w)
	})
	if err != nil {
		return 0, err
	}
	if n > 0 {
		if err := s.erasedFromLog(ctx); err != nil {
			return n, err
		}
	}
	return n, nil
}
