package store

import (
	"context"
	"fmt"
	"sort"

	"sodoan/domain"
)

// WorkStatsAt counts the statistics appendix of a work report of working
// year year on the cut-off asOf: the Union members of that day (the one
// definition, unionOn) by sex, dân tộc, tôn giáo, học vấn, chuyên môn,
// lý luận chính trị and Party membership (admitted to the Party by the
// day); their ratings of the year decided by the day; the branches of the
// day by their rating of the year decided by the day; and the ward's
// executive committee holding office that day. Nothing recorded as
// happening after asOf is counted.
func (s *Store) WorkStatsAt(ctx context.Context, year int, asOf domain.Date) (domain.WorkStats, error) {
	ws := domain.WorkStats{AsOf: asOf}
	end, err := s.yearEnd(ctx, year)
	if err != nil {
		return ws, err
	}
	until := domain.AddDays(asOf, 1).ISO()
	scale, err := s.RatingScale(ctx)
	if err != nil {
		return ws, err
	}

	ws.Schooling = domain.Tallies(domain.SchoolingBands)
	ws.Qualification = domain.Tallies(domain.Qualifications)
	ws.Theory = domain.Tallies(domain.TheoryLevels)
	ws.MemberRatings = append(domain.Tallies(domain.Ratings), domain.Tally{Label: "Chưa xếp loại"})
	var ethnic, religion []domain.Tally
	add := func(ts []domain.Tally, code, label string, g domain.Gender) []domain.Tally {
		for i := range ts {
			if ts[i].Code == code {
				ts[i].Add(g, 1)
				return ts
			}
		}
		t := domain.Tally{Code: code, Label: label}
		t.Add(g, 1)
		return append(ts, t)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.gender, p.ethnicity, p.religion, p.schooling, p.qualification, p.theory_level,
		EXISTS (SELECT 1 FROM member_years y WHERE y.person_id = p.id AND y.party_admitted <= ?1),
		COALESCE((SELECT y.rating FROM member_years y WHERE y.person_id = p.id AND y.year = ?3 AND y.rating <> ''
			AND `+knownBy("y.rated", "?2", "?4")+`), '')
		FROM people p WHERE `+unionOn("p", "?1"), asOf.ISO(), until, year, end.ISO())
	if err != nil {
		return ws, fmt.Errorf("thống kê đoàn viên: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var gender, eth, rel, qual, theory, rating string
		var schooling int
		var party bool
		if err := rows.Scan(&gender, &eth, &rel, &schooling, &qual, &theory, &party, &rating); err != nil {
			return ws, fmt.Errorf("thống kê đoàn viên: %w", err)
		}
		g := domain.Gender(gender)
		ws.Union.Add(g, 1)
		eth = domain.Clean(eth)
		if eth == "" {
			ethnic = add(ethnic, "", "Chưa nhập", g)
		} else {
			ethnic = add(ethnic, domain.Fold(eth), eth, g)
		}
		rel = domain.Clean(rel)
		if rel == "" || domain.Fold(rel) == domain.Fold("Không") {
			religion = add(religion, "", "Không", g)
		} else {
			religion = add(religion, domain.Fold(rel), rel, g)
		}
		band := domain.SchoolingBand(schooling)
		ws.Schooling = domain.AddTo(ws.Schooling, band, domain.SchoolingBands, "Chưa nhập", func(t *domain.Tally) { t.Add(g, 1) })
		ws.Qualification = domain.AddTo(ws.Qualification, qual, domain.Qualifications, "Chưa qua đào tạo", func(t *domain.Tally) { t.Add(g, 1) })
		ws.Theory = domain.AddTo(ws.Theory, theory, domain.TheoryLevels, "Chưa qua đào tạo", func(t *domain.Tally) { t.Add(g, 1) })
		if party {
			ws.Party.Add(g, 1)
		}
		ws.MemberRatings = domain.AddTo(ws.MemberRatings, rating, domain.Ratings, "Chưa xếp loại", func(t *domain.Tally) { t.Add(g, 1) })
	}
	if err := rows.Err(); err != nil {
		return ws, fmt.Errorf("thống kê đoàn viên: %w", err)
	}
	rows.Close()
	ws.Union.Label, ws.Party.Label = "Đoàn viên", "Đảng viên trong độ tuổi Đoàn"
	ws.Ethnicity, ws.Religion = byCount(ethnic, domain.Fold("Kinh")), byCount(religion, "")

	if ws.BranchRatings, err = s.branchRatingsAt(ctx, year, asOf, until, end, scale); err != nil {
		return ws, err
	}
	if ws.Committee, err = s.committeeAt(ctx, asOf); err != nil {
		return ws, err
	}
	return ws, nil
}

// byCount orders tallies of free words: first the one of code first (Kinh
// for dân tộc, none for tôn giáo), then by head count, then by label in
// Vietnamese order.
func byCount(ts []domain.Tally, first string) []domain.Tally {
	k := domain.NewSortKeyer()
	sort.SliceStable(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if (a.Code == first) != (b.Code == first) {
			return a.Code == first
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return string(k.TextKey(a.Label)) < string(k.TextKey(b.Label))
	})
	return ts
}

// branchRatingsAt counts the branches active on asOf by their rating of
// year decided before until (ISO), on the scale in force; then those not
// rated.
func (s *Store) branchRatingsAt(ctx context.Context, year int, asOf domain.Date, until string, end domain.Date, scale string) ([]domain.Tally, error) {
	choices := domain.UnitRatingChoices(scale)
	out := append(domain.Tallies(choices), domain.Tally{Label: "Chưa xếp loại"})
	rows, err := s.db.QueryContext(ctx, `SELECT COALESCE(y.rating, ''), count(*) FROM branches b
		LEFT JOIN branch_years y ON y.branch_id = b.id AND y.year = ?2 AND y.rating <> '' AND `+knownBy("y.rated", "?3", "?4")+`
		WHERE b.dissolved IS NULL OR b.dissolved > ?1 GROUP BY 1`, asOf.ISO(), year, until, end.ISO())
	if err != nil {
		return nil, fmt.Errorf("thống kê xếp loại chi đoàn: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rating string
		var n int
		if err := rows.Scan(&rating, &n); err != nil {
			return nil, fmt.Errorf("thống kê xếp loại chi đoàn: %w", err)
		}
		out = domain.AddTo(out, rating, choices, "Chưa xếp loại", func(t *domain.Tally) { t.Total += n })
	}
	return out, rows.Err()
}

// committeeAt describes the ward's executive committee holding office on
// asOf (Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, Ủy viên Ban Chấp
// hành; a person holding two offices counts once).
func (s *Store) committeeAt(ctx context.Context, asOf domain.Date) (domain.Committee, error) {
	c := domain.Committee{Ages: domain.Tallies(domain.CommitteeAgeBands),
		Qualification: domain.Tallies(domain.Qualifications), Theory: domain.Tallies(domain.TheoryLevels)}
	c.Members.Label = "Ủy viên Ban Chấp hành"
	rows, err := s.db.QueryContext(ctx, `SELECT p.gender, p.birth_date, p.qualification, p.theory_level,
		max(po.kind IN ('secretary', 'deputy', 'standing')),
		EXISTS (SELECT 1 FROM member_years y WHERE y.person_id = p.id AND y.party_admitted <= ?1)
		FROM positions po JOIN people p ON p.id = po.person_id
		WHERE po.kind IN ('secretary', 'deputy', 'standing', 'executive')
			AND (po.start IS NULL OR po.start <= ?1) AND (po.end IS NULL OR po.end = '' OR po.end > ?1)
		GROUP BY p.id`, asOf.ISO())
	if err != nil {
		return c, fmt.Errorf("thống kê Ban Chấp hành: %w", err)
	}
	defer rows.Close()
	ages := 0
	for rows.Next() {
		var gender, qual, theory string
		var birth domain.Date
		var standing, party bool
		if err := rows.Scan(&gender, (*sqlDate)(&birth), &qual, &theory, &standing, &party); err != nil {
			return c, fmt.Errorf("thống kê Ban Chấp hành: %w", err)
		}
		g := domain.Gender(gender)
		c.Members.Add(g, 1)
		if standing {
			c.Standing++
		}
		if party {
			c.Party++
		}
		age := birth.AgeOn(asOf)
		ages += age
		c.Ages = domain.AddTo(c.Ages, domain.CommitteeAgeBand(age), domain.CommitteeAgeBands, "", func(t *domain.Tally) { t.Add(g, 1) })
		c.Qualification = domain.AddTo(c.Qualification, qual, domain.Qualifications, "Chưa qua đào tạo", func(t *domain.Tally) { t.Add(g, 1) })
		c.Theory = domain.AddTo(c.Theory, theory, domain.TheoryLevels, "Chưa qua đào tạo", func(t *domain.Tally) { t.Add(g, 1) })
	}
	if err := rows.Err(); err != nil {
		return c, fmt.Errorf("thống kê Ban Chấp hành: %w", err)
	}
	if c.Members.Total > 0 {
		c.AverageAge = float64(ages) / float64(c.Members.Total)
	}
	return c, nil
}
