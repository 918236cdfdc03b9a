package issuing

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// BookRequest asks for a branch's book of a year (Sổ Chi đoàn). The book
// is not an outgoing document: it takes no number.
type BookRequest struct {
	BranchID int64 // 0 only for a blank book
	Year     int   // 0: this year
	// Blank prints the "sổ trắng": ruled pages to fill by hand.
	Blank bool
	// Dir, Path, Replace and ConfirmReplace are as in Request.
	Dir, Path      string
	Replace        bool
	ConfirmReplace func(path string) bool
}

// IssueBook writes a branch's book for a year and returns the file's path.
func IssueBook(ctx context.Context, st *store.Store, req BookRequest) (string, error) {
	b, err := BookData(ctx, st, req.BranchID, req.Year, req.Blank)
	if err != nil {
		return "", err
	}
	path := req.Path
	if path == "" {
		name := fmt.Sprintf("so-chi-doan-%d-%d.pdf", req.BranchID, b.Year)
		if req.Blank {
			name = fmt.Sprintf("so-chi-doan-trang-%d.pdf", b.Year)
		}
		path = filepath.Join(req.Dir, name)
	}
	if path, err = filepath.Abs(path); err != nil {
		return "", fmt.Errorf("đường dẫn %s: %w", path, err)
	}
	output := st.Output(path, req.Replace)
	output.Ask = req.ConfirmReplace
	if err := output.Write(func(w io.Writer) error { return report.WriteBook(w, b) }); err != nil {
		return "", err
	}
	return path, nil
}

// BookData gathers a branch's book for a working year, each record as the
// register knew it on the book's cut-off: the year's last day, or today
// for the year still running. The dues ledger and the cash book are
// n20dues's, the meetings n19data's.
func BookData(ctx context.Context, st *store.Store, branchID int64, year int, blank bool) (*report.Book, error) {
	if year == 0 {
		year = st.Today().Year()
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return nil, err
	}
	sp, err := st.YearSpan(ctx, year, domain.Date{})
	if err != nil {
		return nil, err
	}
	if sp.From.After(st.Today()) {
		return nil, fieldError("Year", "Năm", "năm công tác %d bắt đầu từ %s, sau hôm nay: chưa có sổ chi đoàn năm %d", year, sp.From, year)
	}
	b := &report.Book{Unit: unit, Year: year, From: sp.From, To: sp.To, Blank: blank}
	if branchID == 0 {
		if blank {
			return b, nil
		}
		return nil, fieldError("BranchID", "Chi đoàn", "chọn chi đoàn của sổ")
	}
	br, err := st.Branch(ctx, branchID)
	if err != nil {
		return nil, fmt.Errorf("chi đoàn %d: %w", branchID, err)
	}
	b.Branch = br.Name
	if blank {
		return b, nil
	}
	f := store.MemberFilter{Kind: store.KindUnion, BranchID: branchID, AsOf: sp.To}
	if err := st.EachMember(ctx, f, func(p *domain.Person) error { b.Members = append(b.Members, *p); return nil }); err != nil {
		return nil, err
	}
	ledger, err := st.DuesLedger(ctx, branchID, year, sp.To)
	if err != nil {
		return nil, err
	}
	b.Dues = &ledger
	cash, err := st.CashBook(ctx, branchID, sp.From, sp.To)
	if err != nil {
		return nil, err
	}
	b.Cash = &cash
	if b.Events, err = st.BranchEvents(ctx, branchID, sp.From, sp.To); err != nil {
		return nil, err
	}
	if b.Cards, err = st.BranchCards(ctx, branchID, sp.From, sp.To); err != nil {
		return nil, err
	}
	if b.Ratings, err = st.BranchRatings(ctx, branchID, year, sp.To); err != nil {
		return nil, err
	}
	if err := bookMeetings(ctx, st, b, branchID, year, sp.To); err != nil {
		return nil, err
	}
	// Residence activity (tables 2 and 3): the records going on at some day
	// of the year, as known at its end.
	if b.ResidenceOut, err = st.BranchResidences(ctx, branchID, domain.ResidenceOut, sp.From, sp.To); err != nil {
		return nil, err
	}
	if b.ResidenceIn, err = st.BranchResidences(ctx, branchID, domain.ResidenceIn, sp.From, sp.To); err != nil {
		return nil, err
	}
	b.HasResidence = true
	return b, nil
}

// bookMeetings reads the branch's meetings of the year (n19data's
// register of meetings and attendance): the form, theme, who came, who
// was away by name, and the minutes.
func bookMeetings(ctx context.Context, st *store.Store, b *report.Book, branchID int64, year int, cutoff domain.Date) error {
	lines, err := st.Meetings(ctx, store.MeetingFilter{Year: year, Cutoff: cutoff, BranchID: branchID})
	if err != nil {
		return err
	}
	b.HasMeetings = true
	names := map[int64]string{}
	for _, p := range b.Members {
		names[p.ID] = p.FullName()
	}
	name := func(id int64) (string, error) {
		if n, ok := names[id]; ok {
			return n, nil
		}
		p, err := st.Person(ctx, id)
		if err != nil {
			return "", err
		}
		names[id] = p.FullName()
		return names[id], nil
	}
	for _, l := range lines {
		m, err := st.Meeting(ctx, l.ID)
		if err != nil {
			return err
		}
		bm := report.BookMeeting{Date: m.Date, Kind: m.Kind.Label(), Theme: m.Theme, Members: l.Count.Called(), Present: l.Count.Present,
			Minutes: m.Minutes, Resolution: m.Resolution}
		for _, a := range m.Attendance {
			if a.Status == domain.Present {
				continue
			}
			n, err := name(a.PersonID)
			if err != nil {
				return err
			}
			if a.Status == domain.Excused {
				n += " (có phép)"
			}
			bm.Absent = append(bm.Absent, n)
		}
		b.Meetings = append(b.Meetings, bm)
	}
	return nil
}
