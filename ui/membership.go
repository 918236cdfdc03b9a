package ui

import (
	"context"
	"fmt"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The member page's dialogs for the ends and starts of a membership that
// are not Union events: ending a Hội membership (date and reason, as a
// Union transfer or removal has them), taking it back, and a transfer in
// with the admission date and card the person brings. Each is given only
// what it uses, so that the page wires it with one line.

// federationStore is what the Hội dialogs use of the register.
type federationStore interface {
	EndFederation(ctx context.Context, id int64, end domain.Date, reason domain.FederationEndReason) error
	ReopenFederation(ctx context.Context, id int64) error
}

// federationButton is the member page's action on p's Hội membership:
// "Thôi sinh hoạt Hội" while it is open, "Hội viên trở lại" once it has
// ended (nil when p is not a hội viên). done reopens the page.
func federationButton(ctx context.Context, st federationStore, f frame, win fyne.Window, today func() domain.Date,
	p *domain.Person, done func()) fyne.CanvasObject {
	if !p.FederationMember {
		return nil
	}
	if !p.FederationEnd.IsZero() {
		return newButton(f, T("Hội viên trở lại"), func() {
			f.confirm(T("Hội viên trở lại"),
				fmt.Sprintf(T("%s đã thôi sinh hoạt Hội từ %s (%s). Ghi lại là hội viên từ ngày vào Hội?"),
					p.FullName(), p.FederationEnd, T(p.FederationEndReason.Label())),
				func() {
					if err := st.ReopenFederation(ctx, p.ID); err != nil {
						f.showError(err)
						return
					}
					done()
				})
		})
	}
	return newButton(f, T("Thôi sinh hoạt Hội"), func() { federationEndDialog(ctx, st, f, win, today(), p, done) })
}

// federationEndDialog asks the day and the reason p's Hội membership
// ended, and records it: from that day she is counted as a hội viên
// nowhere (reports, dashboard, lists). It returns the dialog's form.
func federationEndDialog(ctx context.Context, st federationStore, f frame, win fyne.Window, today domain.Date, p *domain.Person, done func()) *form {
	fm := &form{}
	fm.other = newErrorText()
	date := newDateEntry(f)
	date.SetText(today.String())
	reason := newChoiceSelect(f, domain.FederationEndReasons, nil)
	fm.add("FederationEnd", T("Ngày thôi sinh hoạt Hội"), date)
	fm.add("FederationEndReason", T("Lý do"), reason)
	joined := ""
	if !p.FederationDate.IsZero() {
		joined = fmt.Sprintf(T("vào Hội ngày %s"), p.FederationDate)
	}
	content := container.NewVBox(widget.NewLabel(joinNonEmpty(", ", p.FullName(), joined)), fm.grid(), fm.other)
	f.formDialog(T("Thôi sinh hoạt Hội"), content, fyne.NewSize(520, 280), func() bool {
		fm.clear()
		d, ok := fm.parseDateField("FederationEnd", date)
		if !ok {
			return false
		}
		if !fm.result(f, savedSay(f, st.EndFederation(ctx, p.ID, d, domain.FederationEndReason(reason.code())),
			fmt.Sprintf(T("Đã ghi %s thôi sinh hoạt Hội ngày %s."), p.FullName(), d))) {
			return false
		}
		done()
		return true
	})
	win.Canvas().Focus(date)
	return fm
}

// eventStore is what the transfer-in dialog uses of the register.
type eventStore interface {
	AddEvent(ctx context.Context, e *domain.Event) error
}

// transferInDialog records p's transfer in from another unit: the day,
// the unit, and the admission date (ngày vào Đoàn gốc) and card she
// brings, which stay hers: the transfer's date is never taken for her
// admission. A member who comes back has them filled in already. It
// returns the dialog's form.
func transferInDialog(ctx context.Context, st eventStore, f frame, win fyne.Window, today domain.Date, p *domain.Person, done func()) *form {
	fm := &form{}
	fm.other = newErrorText()
	date := newDateEntry(f)
	date.SetText(today.String())
	unit := newEntry(f)
	admitted := newDateEntry(f)
	admitted.SetText(p.AdmissionDate.String())
	card := newEntry(f)
	card.SetText(p.CardNumber)
	note := newEntry(f)
	fm.add("Date", T("Ngày chuyển đến"), date)
	fm.add("Unit", T("Từ đơn vị"), unit)
	fm.add("Admitted", T("Ngày vào Đoàn (gốc)"), admitted)
	fm.add("Card", T("Số thẻ đoàn viên"), card)
	fm.add("Note", T("Ghi chú"), note)
	hint := widget.NewLabel(T("Ngày vào Đoàn và số thẻ theo thẻ, sổ đoàn viên của đơn vị cũ."))
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(widget.NewLabel(p.FullName()), fm.grid(), hint, fm.other)
	f.formDialog(T(domain.EventTransferIn.Label()), content, fyne.NewSize(560, 400), func() bool {
		fm.clear()
		d, ok1 := fm.parseDateField("Date", date)
		a, ok2 := fm.parseDateField("Admitted", admitted)
		if !ok1 || !ok2 {
			return false
		}
		e := &domain.Event{PersonID: p.ID, Kind: domain.EventTransferIn, Date: d, Unit: unit.Text, Note: note.Text, Admitted: a, Card: card.Text}
		if !fm.result(f, savedSay(f, st.AddEvent(ctx, e), fmt.Sprintf(T("Đã ghi %s của %s ngày %s."), T(domain.EventTransferIn.Label()), p.FullName(), d))) {
			return false
		}
		done()
		return true
	})
	win.Canvas().Focus(date)
	return fm
}

// federationSpan is the Hội membership as the member page shows it: the
// joining date, and the end and its reason once it has ended.
func federationSpan(p *domain.Person) string {
	if p.FederationEnd.IsZero() {
		return p.FederationDate.String()
	}
	return fmt.Sprintf(T("%s\nthôi sinh hoạt Hội từ %s: %s"), p.FederationDate, p.FederationEnd, T(p.FederationEndReason.Label()))
}
