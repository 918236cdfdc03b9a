package issuing

import (
	"context"
	"errors"
	"fmt"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// The transfer letter (giấy giới thiệu sinh hoạt Đoàn) goes with a
// member who moves to another unit. Issuing it for an active member
// records the transfer out on the letter's date (Request.RecordTransfer:
// the window asks first, the command line records unless told not to),
// through the register's membership events, so that the member leaves
// the ward's figures from that day. A member whose transfer is already
// recorded can still be given the letter, or given it again: it then
// goes to the unit of the recorded transfer unless another is named.

// settleTransfer fills the receiving unit of a recorded transfer when
// none is given.
func settleTransfer(ctx context.Context, st *store.Store, req *Request) error {
	if req.Kind != Transfer || domain.Clean(req.To) != "" || req.MemberID == 0 {
		return nil
	}
	if e, ok, err := lastTransferOut(ctx, st, req.MemberID); err != nil {
		return err
	} else if ok {
		req.To = e.Unit
	}
	return nil
}

func lastTransferOut(ctx context.Context, st *store.Store, memberID int64) (domain.Event, bool, error) {
	events, err := st.Events(ctx, memberID)
	if err != nil {
		return domain.Event{}, false, err
	}
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == domain.EventTransferOut {
			return events[i], true, nil
		}
	}
	return domain.Event{}, false, nil
}

// recordTransferOut records the transfer out of the letter's member on
// its date when asked, and returns how to take it back should the letter
// fail (nil when nothing was recorded). A draft records nothing.
func recordTransferOut(ctx context.Context, st *store.Store, req Request) (undo func() error, err error) {
	if req.Kind != Transfer || !req.RecordTransfer || req.Draft {
		return nil, nil
	}
	p, err := st.Person(ctx, req.MemberID)
	if err != nil {
		return nil, fmt.Errorf("đoàn viên %d: %w", req.MemberID, err)
	}
	if p.Status != domain.StatusActive {
		return nil, nil // already recorded (or refused below, with the reason)
	}
	e := &domain.Event{PersonID: p.ID, Kind: domain.EventTransferOut, Date: req.Date, Unit: req.To, Reason: req.Reason,
		Note: "Ghi cùng giấy giới thiệu sinh hoạt Đoàn"}
	if err := st.AddEvent(ctx, e); err != nil {
		return nil, err
	}
	return func() error { return st.DeleteEvent(ctx, e.ID) }, nil
}

// transferData prepares the transfer letter of a Union member to the unit
// to, dated on: the member with the offices held and the latest rating
// known on that day; the letter is addressed to the receiving unit
// ("Kính gửi"), which the recipients' "Như trên" refers to.
func transferData(ctx context.Context, st *store.Store, memberID int64, to, reason string, on domain.Date) (*report.Transfer, error) {
	to, reason = domain.Clean(to), domain.Clean(reason)
	if memberID == 0 || to == "" {
		return nil, fmt.Errorf("giấy giới thiệu: cần đoàn viên và đơn vị nhận (Kính gửi)")
	}
	// The letter prints what the register would store: the same rules.
	if err := errors.Join(domain.CheckText("To", "Đơn vị nhận", to, false), domain.CheckText("Reason", "Lý do", reason, false)); err != nil {
		return nil, err
	}
	p, err := st.Person(ctx, memberID)
	if err != nil {
		return nil, fmt.Errorf("đoàn viên %d: %w", memberID, err)
	}
	if !p.UnionMember {
		return nil, fmt.Errorf("%s không phải đoàn viên: không cấp giấy giới thiệu sinh hoạt Đoàn", p.FullName())
	}
	if err := checkTransfer(p); err != nil {
		return nil, err
	}
	t := &report.Transfer{Meta: report.Meta{Recipients: []string{"Như trên"}}, Person: p, To: to, Reason: reason}
	if t.Offices, err = officesOn(ctx, st, memberID, on); err != nil {
		return nil, err
	}
	if t.RatingYear, t.Rating, err = latestRating(ctx, st, memberID, on); err != nil {
		return nil, err
	}
	// Dues paid by the letter's day, from the ledger.
	if t.DuesPaidThrough, err = st.PaidThrough(ctx, memberID, on); err != nil {
		return nil, err
	}
	return t, nil
}

// checkTransfer refuses a transfer letter for someone who is neither an
// active member nor one whose transfer out is recorded.
func checkTransfer(p domain.Person) error {
	if p.Status != domain.StatusActive && p.Status != domain.StatusTransferred {
		return fieldError("MemberID", "Đoàn viên", "%s (mã %d) %s, không đang sinh hoạt và không chuyển đi: không cấp giấy giới thiệu sinh hoạt Đoàn",
			p.FullName(), p.ID, domain.LowerFirst(p.Status.Label()))
	}
	return nil
}

// officesOn names the Union offices the member holds on the day, a
// branch office with its branch.
func officesOn(ctx context.Context, st *store.Store, memberID int64, on domain.Date) ([]string, error) {
	positions, err := st.Positions(ctx, memberID)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, pos := range positions {
		if pos.Start.After(on) || (!pos.End.IsZero() && pos.End.Before(on)) {
			continue
		}
		name := pos.Kind.Label()
		if pos.BranchID != 0 {
			if b, err := st.Branch(ctx, pos.BranchID); err == nil {
				name += " (" + b.Name + ")"
			}
		}
		out = append(out, name)
	}
	return out, nil
}

// latestRating is the member's latest rating known on the day and its
// year (0, "" when none). A year's rating counts as decided on
// its last day (as the register dates yearly facts that carry no date of
// their own), so a letter of July does not print that year's rating.
func latestRating(ctx context.Context, st *store.Store, memberID int64, on domain.Date) (int, string, error) {
	years, err := st.MemberYears(ctx, memberID) // latest first
	if err != nil {
		return 0, "", err
	}
	for _, y := range years {
		if y.Rating == "" || domain.MustDate(y.Year, 12, 31).After(on) {
			continue
		}
		return y.Year, y.Rating.Label(), nil
	}
	return 0, "", nil
}
