package store

import (
	"context"
	"fmt"

	"sodoan/domain"
)

// A report is mostly text. The secretary writes it section by section; the
// register keeps each section per document and year, and offers a draft
// made of the measured figures as sentences she can edit.

// Narrative reads the texts kept for a document (doc, key). The annual
// report's strengths, shortcomings and directions are the year's
// ward_years texts, which the plan screen edits too.
func (s *Store) Narrative(ctx context.Context, doc string, key int) (domain.Narrative, error) {
	n := domain.Narrative{}
	rows, err := s.db.QueryContext(ctx, `SELECT section, body FROM narratives WHERE doc = ? AND key = ?`, doc, key)
	if err != nil {
		return nil, fmt.Errorf("đọc nội dung báo cáo: %w", err)
	}
	for rows.Next() {
		var sec, body string
		if err := rows.Scan(&sec, &body); err != nil {
			rows.Close()
			return nil, fmt.Errorf("đọc nội dung báo cáo: %w", err)
		}
		n[sec] = body
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc nội dung báo cáo: %w", err)
	}
	if doc == domain.NarrativeAnnual {
		// These three live in ward_years, where the older editor keeps
		// them too: one place, whichever screen wrote last.
		w, err := s.WardYear(ctx, key)
		if err != nil {
			return nil, err
		}
		for sec, text := range map[string]string{"strengths": w.Achievements, "shortcomings": w.Shortcomings, "directions": w.NextSteps} {
			if text != "" {
				n[sec] = text
			} else {
				delete(n, sec)
			}
		}
	}
	return n, nil
}

// SaveNarrative writes a document's texts in one transaction. Sections
// left out are kept; an empty text clears its section. The annual
// report's strengths, shortcomings and directions are written to
// ward_years, their one place.
func (s *Store) SaveNarrative(ctx context.Context, doc string, key int, n domain.Narrative) error {
	return s.SaveNarrativeOn(ctx, doc, key, n, s.Today())
}

// SaveNarrativeOn is SaveNarrative for texts written on an earlier day
// (the demo writes its past years' texts on the days they would have
// been): the version kept is dated day, which may not be after today.
func (s *Store) SaveNarrativeOn(ctx context.Context, doc string, key int, n domain.Narrative, day domain.Date) error {
	if today := s.Today(); day.IsZero() || day.After(today) {
		return fmt.Errorf("nội dung văn bản: ngày lưu %s không hợp lệ (hôm nay %s)", day, today)
	}
	// Every section is printed: the rule of the report's own texts.
	sections, ok := domain.NarrativeSections(doc)
	if !ok {
		return fmt.Errorf("nội dung văn bản: loại %q không có", doc)
	}
	c := &domain.Checker{}
	for _, sec := range sections {
		c.Text(sec.Code, sec.Label, domain.CleanLines(n[sec.Code]), domain.RuleLongText)
	}
	if err := c.Err(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *writeTx) error {
		for sec, body := range n {
			body = domain.CleanLines(body)
			col := map[string]string{"strengths": "achievements", "shortcomings": "shortcomings", "directions": "next_steps"}[sec]
			if doc == domain.NarrativeAnnual && col != "" {
				if _, err := tx.Change("ward_years", "year = ?", []any{key}, `INSERT INTO ward_years(year, `+col+`) VALUES (?, ?)
					ON CONFLICT(year) DO UPDATE SET `+col+` = excluded.`+col, key, body); err != nil {
					return fmt.Errorf("ghi nội dung %s: %w", sec, err)
				}
				continue
			}
			if _, err := tx.Change("narratives", "doc = ? AND key = ? AND section = ?", []any{doc, key, sec}, `INSERT INTO narratives(doc, key, section, body) VALUES (?,?,?,?)
				ON CONFLICT(doc, key, section) DO UPDATE SET body = excluded.body`, doc, key, sec, body); err != nil {
				return fmt.Errorf("ghi nội dung %s: %w", sec, err)
			}
		}
		return s.keepNarrativeVersions(ctx, tx, doc, key, n, day)
	})
}

// keepNarrativeVersions records the texts of n as saved on today, in the
// transaction of the save: a document issued on a day prints the texts
// as they were by then (NarrativeAt). A text saved twice in a day keeps
// that day's last; a text saved unchanged adds no version.
func (s *Store) keepNarrativeVersions(ctx context.Context, tx *writeTx, doc string, key int, n domain.Narrative, today domain.Date) error {
	known, err := s.narrativeAt(ctx, tx, doc, key, today)
	if err != nil {
		return err
	}
	for sec, body := range n {
		body = domain.CleanLines(body)
		if body == known[sec] {
			continue
		}
		if _, err := tx.Change("narrative_versions", "doc = ? AND key = ? AND section = ? AND saved = ?", []any{doc, key, sec, today.ISO()},
			`INSERT INTO narrative_versions(doc, key, section, saved, body) VALUES (?,?,?,?,?)
			ON CONFLICT(doc, key, section, saved) DO UPDATE SET body = excluded.body`, doc, key, sec, today.ISO(), body); err != nil {
			return fmt.Errorf("ghi nội dung %s theo ngày: %w", sec, err)
		}
	}
	return nil
}

// NarrativeAt reads the texts of a document (doc, key) as they were saved
// on or before day: what a document issued that day prints, whatever was
// edited after. A zero day reads the current texts (Narrative).
func (s *Store) NarrativeAt(ctx context.Context, doc string, key int, day domain.Date) (domain.Narrative, error) {
	if day.IsZero() {
		return s.Narrative(ctx, doc, key)
	}
	return s.narrativeAt(ctx, s.db, doc, key, day)
}

// narrativeAt reads through q: the register, or a write's transaction
// that must see its own rows.
func (s *Store) narrativeAt(ctx context.Context, q queryer, doc string, key int, day domain.Date) (domain.Narrative, error) {
	n := domain.Narrative{}
	rows, err := q.QueryContext(ctx, `SELECT section, body FROM narrative_versions v WHERE doc = ?1 AND key = ?2
		AND saved = (SELECT max(saved) FROM narrative_versions w WHERE w.doc = ?1 AND w.key = ?2 AND w.section = v.section AND w.saved <= ?3)`,
		doc, key, day.ISO())
	if err != nil {
		return nil, fmt.Errorf("đọc nội dung báo cáo ngày %s: %w", day, err)
	}
	defer rows.Close()
	for rows.Next() {
		var sec, body string
		if err := rows.Scan(&sec, &body); err != nil {
			return nil, fmt.Errorf("đọc nội dung báo cáo ngày %s: %w", day, err)
		}
		if body != "" { // an empty text is a section cleared that day
			n[sec] = body
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("đọc nội dung báo cáo ngày %s: %w", day, err)
	}
	return n, nil
}

// AnnualDraft writes the annual report's sections the register can tell
// as sentences from the measured figures of working year year as of the
// cut-off: what the secretary starts from in the editor, and what the
// report prints for a section she left empty.
func (s *Store) AnnualDraft(ctx context.Context, planID int64, year int, cutoff domain.Date) (domain.Narrative, error) {
	return s.DraftAt(ctx, planID, year, cutoff, domain.DraftWords{When: "trong năm " + fmt.Sprint(year)})
}

// DraftAt is AnnualDraft with the words naming the time the figures cover
// ("trong 6 tháng đầu năm 2026" for the 6-month report); the subject is
// the register's unit. planID 0: the register has no plan yet; the draft
// tells the situation and judges no target.
func (s *Store) DraftAt(ctx context.Context, planID int64, year int, cutoff domain.Date, words domain.DraftWords) (domain.Narrative, error) {
	var rs []domain.Result
	if planID != 0 {
		var err error
		if rs, err = s.YearResultsAt(ctx, planID, year, cutoff); err != nil {
			return nil, err
		}
	}
	st, err := s.SituationAt(ctx, year, cutoff)
	if err != nil {
		return nil, err
	}
	u, err := s.Unit(ctx)
	if err != nil {
		return nil, err
	}
	words.Subject = domain.WardUnion(u)
	return domain.DraftFrom(rs, rs, &st, words), nil
}
