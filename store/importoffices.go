package store

import (
	"context"
	"errors"
	"fmt"

	"sodoan/domain"
)

// importOffices records the offices a sheet's Chức vụ column names
// (ImportOptions.Offices) in the import's transaction, through the
// register's own office rules: an office its holder already holds is
// left as it is, and one that would overlap another holder's term is a
// problem of its row naming the holder. Every problem is listed; any
// refuses the whole import.
func (s *Store) importOffices(ctx context.Context, tx *writeTx, people []*domain.Person, rows []int, existing []int64, opt ImportOptions) (int, error) {
	from := opt.OfficesFrom
	if from.IsZero() {
		from = domain.TermStart(s.Today())
	}
	var problems []domain.FieldError
	added := 0
	branches := map[string]int64{} // branchKey → id, the import's new branches included
	brows, err := tx.QueryContext(ctx, `SELECT id, name FROM branches`)
	if err != nil {
		return 0, fmt.Errorf("đọc chi đoàn: %w", err)
	}
	for brows.Next() {
		var id int64
		var name string
		if err := brows.Scan(&id, &name); err != nil {
			brows.Close()
			return 0, fmt.Errorf("đọc chi đoàn: %w", err)
		}
		branches[branchKey(name)] = id
	}
	brows.Close()
	for i, p := range people {
		kinds := opt.Offices[i]
		if len(kinds) == 0 {
			continue
		}
		id := p.ID
		if id == 0 && i < len(existing) {
			id = existing[i]
		}
		row := 0
		if i < len(rows) {
			row = rows[i]
		}
		for _, o := range kinds {
			k := o.Kind
			pos := &domain.Position{PersonID: id, Kind: k, Start: domain.OfficeStart(p, from)}
			if k == "branch_secretary" || k == "branch_deputy" || k == "branch_executive" {
				pos.BranchID = p.BranchID
				if o.Branch != "" {
					bid, ok := branches[branchKey(o.Branch)]
					if !ok {
						problems = append(problems, domain.FieldError{Row: row, Field: "Position", Label: "Chức vụ",
							Msg: fmt.Sprintf("%s: chi đoàn %q không có trong sổ", k.Label(), o.Branch), Format: "%s: chi đoàn %q không có trong sổ", Args: []any{k.Label(), o.Branch}})
						continue
					}
					pos.BranchID = bid
				}
				if pos.BranchID == 0 {
					problems = append(problems, domain.FieldError{Row: row, Field: "Position", Label: "Chức vụ",
						Msg: fmt.Sprintf("%s: người này không thuộc chi đoàn nào", k.Label()), Format: "%s: người này không thuộc chi đoàn nào", Args: []any{k.Label()}})
					continue
				}
			}
			var held int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM positions WHERE person_id = ? AND kind = ? AND COALESCE(branch_id, 0) = ?
				AND (end IS NULL OR end = '')`, id, string(k), pos.BranchID).Scan(&held); err != nil {
				return 0, fmt.Errorf("đọc chức vụ: %w", err)
			}
			if held > 0 {
				continue // re-imported: already recorded
			}
			if err := domain.CheckPosition(pos).Err(); err != nil {
				return 0, err
			}
			if err := checkOverlap(ctx, tx, pos); err != nil {
				var ve *domain.ValidationError
				if !errors.As(err, &ve) {
					return 0, err
				}
				for _, e := range ve.Errors {
					problems = append(problems, domain.FieldError{Row: row, Field: "Position", Label: "Chức vụ",
						Msg: k.Label() + ": " + e.Msg, Format: "%s: " + e.Format, Args: append([]any{k.Label()}, e.Args...)})
				}
				continue
			}
			if _, err := tx.Insert("positions", `INSERT INTO positions(person_id, kind, branch_id, start, end) VALUES (?,?,?,?,?)`,
				id, string(k), nullIfZero(pos.BranchID), sqlDate(pos.Start), sqlDate(pos.End)); err != nil {
				return 0, fmt.Errorf("ghi chức vụ: %w", err)
			}
			added++
		}
	}
	if len(problems) > 0 {
		return 0, &domain.ValidationError{Errors: problems}
	}
	return added, nil
}
