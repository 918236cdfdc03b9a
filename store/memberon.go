package store

// Who was a member on a day: the one definition of "đoàn viên on D" and
// of "hội viên on D" that every figure uses (the reports' counts, the
// dashboard, indicator 2.5c, the dated member lists, and so the
// consolidation, which counts each ward's register through the same
// queries). Each takes the SQL expression of the day (a parameter such as
// "?1", or a column), compared as ISO text.

// unionOn is the condition that the person p (an alias of people) was an
// active Union member of the ward on the day day: her latest membership
// event up to that day is an admission or a transfer in; someone with no
// event at all (an older import) counts from her admission date. The
// union_member term carries a unary +, so that it never steers SQLite to
// the people_union_sort index: a dated list reads each branch through
// people_branch_sort (13 s of CPU for 100,000 members otherwise, 3 s so).
func unionOn(p, day string) string {
	return `(+` + p + `.union_member = 1 AND COALESCE(
		(SELECT e.kind IN ('admission', 'transfer_in') FROM membership_events e
			WHERE e.person_id = ` + p + `.id AND e.date <= ` + day + ` ORDER BY e.date DESC, e.id DESC LIMIT 1),
		NOT EXISTS (SELECT 1 FROM membership_events x WHERE x.person_id = ` + p + `.id)
			AND (` + p + `.admission_date IS NULL OR ` + p + `.admission_date <= ` + day + `)))`
}

// federationOn is the condition that the person p was a hội viên on the
// day day: she had joined by then (a joining date the register lacks
// counts as long ago) and her membership had not ended (federation_end is
// the first day she is no longer one, as a transfer out's date is for the
// Union).
func federationOn(p, day string) string {
	return `(` + p + `.federation_member = 1 AND (` + p + `.federation_date IS NULL OR ` + p + `.federation_date <= ` + day + `)
		AND (` + p + `.federation_end IS NULL OR ` + p + `.federation_end > ` + day + `))`
}
