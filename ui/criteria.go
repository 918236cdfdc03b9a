package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// criteriaEditor edits the standard-branch checklist: the wording, code and
// order of each criterion, new ones, and retiring old ones (a retired
// criterion is no longer a checkbox, but the years it was assessed in keep
// their marks). Every row is saved in one transaction.
type criteriaEditor struct {
	ctx   context.Context
	st    *store.Store
	f     frame
	rows  []*criterionRow
	list  *fyne.Container
	other *errorText
	// save writes the rows; true when they were saved (the dialog closes).
	save func() bool
}

type criterionRow struct {
	c                 domain.Criterion
	code, text, order *entry
	active            *check
	// errs holds the message under each field (Code, Text, Order); err,
	// under the row, any other about the row.
	errs map[string]*errorText
	err  *errorText
}

// criteriaColumns are the widths of the code, text, order and "in use"
// columns; the code and order columns leave room for the message under
// their field.
var criteriaColumns = flexRow{1.5, 8, 2, 1.5}

func (s *branchesScreen) editCriteria() {
	list, err := s.st.Criteria(s.ctx)
	if err != nil {
		s.f.showError(err)
		return
	}
	ed := &criteriaEditor{ctx: s.ctx, st: s.st, f: s.f, list: container.NewVBox(), other: newErrorText()}
	for _, c := range list {
		ed.addRow(c)
	}
	add := newButtonWithIcon(s.f, T("Thêm tiêu chí"), theme.ContentAddIcon(), func() {
		next := 0
		for _, r := range ed.rows {
			if v, err := strconv.Atoi(strings.TrimSpace(r.order.Text)); err == nil && v > next {
				next = v
			}
		}
		r := ed.addRow(domain.Criterion{Code: strconv.Itoa(next + 1), Order: next + 1, Active: true})
		s.win.Canvas().Focus(r.text)
	})
	ed.save = func() bool {
		if !ed.write() {
			return false
		}
		s.criteria = nil
		s.refresh()
		return true
	}
	head := container.New(criteriaColumns, heading(T("Mã")), heading(T("Nội dung tiêu chí")), heading(T("Thứ tự")), centered(heading(T("Đang áp dụng"))))
	note := widget.NewLabel(T("Bỏ chọn \"Đang áp dụng\" để thôi dùng một tiêu chí: các năm đã đánh giá vẫn giữ nguyên."))
	note.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(note, scrollRoom(head)), container.NewVBox(ed.other, container.NewHBox(add)), nil, nil,
		container.NewVScroll(scrollRoom(ed.list)))
	s.criteria = ed
	s.f.formDialog(T("Tiêu chí chi đoàn đạt chuẩn"), content, fyne.NewSize(1000, 620), ed.save)
}

func (ed *criteriaEditor) addRow(c domain.Criterion) *criterionRow {
	r := &criterionRow{c: c, code: newEntry(ed.f), text: newEntry(ed.f), order: newEntry(ed.f), err: newErrorText(),
		errs: map[string]*errorText{"Code": newErrorText(), "Text": newErrorText(), "Order": newErrorText()}}
	r.code.SetText(c.Code)
	r.text.SetText(c.Text)
	r.order.SetText(strconv.Itoa(c.Order))
	r.active = newCheck(ed.f, "", nil)
	r.active.SetChecked(c.Active)
	ed.rows = append(ed.rows, r)
	ed.list.Add(container.NewVBox(container.New(criteriaColumns, container.NewVBox(r.code, r.errs["Code"]),
		container.NewVBox(r.text, r.errs["Text"]), container.NewVBox(r.order, r.errs["Order"]),
		centered(r.active)), r.err))
	ed.list.Refresh()
	return r
}

func centered(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCenterLayout(), o)
}

// write saves every row through store.SaveCriteria. Every broken rule of
// every row shows at once, each under its field: an order that is not a
// number, and what domain.CheckCriteria finds in the other fields.
func (ed *criteriaEditor) write() bool {
	ed.other.set("")
	list := make([]domain.Criterion, len(ed.rows))
	bad := false
	for i, r := range ed.rows {
		r.clear()
		c := r.c
		c.Code, c.Text, c.Active = r.code.Text, r.text.Text, r.active.Checked
		o, err := parseOrder(r.order.Text)
		if err != nil {
			r.errs["Order"].set(errText(err))
			bad = true
		}
		c.Order = o
		list[i] = c
	}
	err := domain.CheckCriteria(list)
	if err == nil && !bad {
		err = savedSay(ed.f, ed.st.SaveCriteria(ed.ctx, list), fmt.Sprintf(T("Đã lưu %d tiêu chí chi đoàn đạt chuẩn."), len(list)))
	}
	if err == nil {
		return !bad
	}
	if !ed.showErrors(err) {
		ed.f.showError(err)
	}
	return false
}

// clear hides the row's messages.
func (r *criterionRow) clear() {
	r.err.set("")
	for _, e := range r.errs {
		e.set("")
	}
}

// showErrors places each message of a *domain.ValidationError under the
// field it names, in the row it names, leaving a field's own message (an
// unreadable order) in place; it reports false when err is not one.
func (ed *criteriaEditor) showErrors(err error) bool {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	var rest []domain.FieldError
	for _, fe := range ve.Errors {
		if fe.Row < 1 || fe.Row > len(ed.rows) {
			rest = append(rest, fe)
			continue
		}
		r := ed.rows[fe.Row-1]
		t, ok := r.errs[fe.Field]
		if !ok {
			t = r.err
		}
		if t.msg() != "" && fe.Field == "Order" {
			continue // the order could not be read: that says it
		}
		t.set(joinNonEmpty("; ", t.msg(), fieldMsg(fe)))
	}
	if len(rest) > 0 {
		showRowErrors(&domain.ValidationError{Errors: rest}, func(int) *errorText { return nil }, ed.other)
	}
	return true
}

// showRowErrors places each message of a *domain.ValidationError under the
// row it names (FieldError.Row, 1-based); messages about no shown row go to
// other. It reports false when err is not a validation error.
func showRowErrors(err error, row func(int) *errorText, other *errorText) bool {
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	msgs := map[*errorText][]string{}
	var order []*errorText
	for _, fe := range ve.Errors {
		t := row(fe.Row)
		msg := T(fe.Label) + ": " + fieldMsg(fe)
		if t == nil {
			t, msg = other, fieldErrText(fe)
		}
		if _, seen := msgs[t]; !seen {
			order = append(order, t)
		}
		msgs[t] = append(msgs[t], msg)
	}
	for _, t := range order {
		t.set(strings.Join(msgs[t], "; "))
	}
	return true
}

// parseOrder reads a typed order (thứ tự), as every number of the window
// is read (readInt).
func parseOrder(s string) (int, error) {
	v, err := readInt(s, domain.OrderRange)
	return int(v), err
}
