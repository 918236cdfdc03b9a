package domain

// The branch book (Sổ Chi đoàn) of a year copies the register's records of
// one branch: its members, the events of the year, the cards handed and
// the members' ratings. These are its rows as the register gives them.

// BookEvent is a membership event of a branch's member, with the decision
// that decided it.
type BookEvent struct {
	Person Person
	Event  Event
	// DecisionNumber and DecisionDate name the ward's decision (0, zero:
	// none recorded).
	DecisionNumber int
	DecisionDate   Date
}

// BookRating is a member's result of the year: her rating as decided by
// the book's cut-off (empty: not rated by then) and the training
// programme.
type BookRating struct {
	Person Person
	Year   MemberYear
}
