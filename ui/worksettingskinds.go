package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
)

// The list of activity kinds on the settings tab: each kind with the
// figures the reports count for it; add, edit (its name and figures), and
// remove one no activity uses, through the store's edits.

// kindMeasuresText is a kind's figures: "số cây (cây); số tiền (đồng)".
func kindMeasuresText(k domain.ActivityKind) string {
	if len(k.Measures) == 0 {
		return T("không có số liệu")
	}
	var ms []string
	for _, m := range k.Measures {
		ms = append(ms, fmt.Sprintf("%s (%s)", T(m.Label), T(m.Unit)))
	}
	return strings.Join(ms, "; ")
}

// fillKinds lists the kinds, each with its rename and remove buttons.
func (s *activitiesScreen) fillKinds() {
	s.kindsBox.RemoveAll()
	kinds, err := s.st.ActivityKinds(s.ctx)
	if err != nil {
		s.f.showError(err)
	}
	add := newButtonWithIcon(s.f, T("Thêm loại hoạt động"), theme.ContentAddIcon(), func() { s.kindDialog() })
	s.kindsBox.Add(container.NewHBox(heading(T("Loại hoạt động và số liệu báo cáo")), add))
	for _, k := range kinds {
		l := widget.NewLabel(fmt.Sprintf("%s: %s", T(k.Label), kindMeasuresText(k)))
		l.Wrapping = fyne.TextWrapWord
		code, label := k.Code, k.Label
		kind := k
		rename := newButtonWithIcon(s.f, T("Sửa"), theme.DocumentCreateIcon(), func() { s.editKindDialog(kind) })
		remove := newButtonWithIcon(s.f, T("Bỏ"), theme.DeleteIcon(), func() {
			s.f.confirm(T("Bỏ loại hoạt động"), fmt.Sprintf(T("Bỏ loại %q khỏi danh mục? Loại đã có hoạt động ghi thì không bỏ được."), label), func() {
				if err := s.st.RemoveActivityKind(s.ctx, code); err != nil {
					s.f.showError(err)
					return
				}
				s.kindsChanged()
			})
		})
		s.kindsBox.Add(container.NewBorder(nil, nil, nil, container.NewHBox(rename, remove), l))
	}
	s.kindsBox.Refresh()
}

// kindsChanged redraws the screen: the filters, the activity form's
// choice and this tab read the list again.
func (s *activitiesScreen) kindsChanged() { s.refresh() }

// kindForm is the dialog adding a kind: its label and up to three
// figures, each a label and a unit (the codes are made from the labels).
type kindForm struct {
	fm      form
	label   *entry
	figures [3][2]*entry // label, unit
	save    func() bool
}

func (s *activitiesScreen) kindDialog() *kindForm {
	kf := &kindForm{label: newEntry(s.f)}
	kf.fm.other = newErrorText()
	kf.fm.add("Label", T("Tên loại hoạt động"), kf.label)
	names := []string{"Label"}
	for i := range kf.figures {
		kf.figures[i][0], kf.figures[i][1] = newEntry(s.f), newEntry(s.f)
		kf.figures[i][0].SetPlaceHolder(T("ví dụ: Số cây xanh"))
		kf.figures[i][1].SetPlaceHolder(T("ví dụ: cây"))
		n := fmt.Sprintf("Measure%d", i+1)
		kf.fm.add(n, fmt.Sprintf(T("Số liệu %d (tên, đơn vị)"), i+1), container.NewGridWithColumns(2, kf.figures[i][0], kf.figures[i][1]))
		names = append(names, n)
	}
	kf.save = func() bool {
		kf.fm.clear()
		k := domain.ActivityKind{Label: kf.label.Text}
		if domain.Clean(k.Label) == "" {
			kf.fm.setError("Label", T("cần ghi tên loại"))
			return false
		}
		for i, f := range kf.figures {
			lbl, unit := domain.Clean(f[0].Text), domain.Clean(f[1].Text)
			switch {
			case lbl == "" && unit == "":
				continue
			case lbl == "" || unit == "":
				kf.fm.setError(fmt.Sprintf("Measure%d", i+1), T("cần ghi cả tên số liệu và đơn vị"))
				return false
			}
			k.Measures = append(k.Measures, domain.ActivityMeasure{Label: lbl, Unit: unit})
		}
		if !kf.fm.result(s.f, s.st.AddActivityKind(s.ctx, k)) {
			return false
		}
		s.kindsChanged()
		return true
	}
	s.f.formDialog(T("Thêm loại hoạt động"), container.NewVBox(kf.fm.grid(names...), kf.fm.other), fyne.NewSize(640, 360), kf.save)
	return kf
}

// kindEditor is the dialog editing a kind: its label and its figures,
// each a label and a unit, added and removed (issue 19's leftover: only
// the label could change). A figure keeps its code, and the activities'
// values with it; the store refuses to remove one that activities
// recorded, and to change the list of the trainings' and models' figures,
// which are counted from their own records.
type kindEditor struct {
	fm    form
	label *entry
	rows  []*measureRow
	box   *fyne.Container
	fixed bool // the trainings' or the models': no figure added or removed
	save  func() bool
}

// measureRow is one figure of the kind being edited.
type measureRow struct {
	code        string // "" for a figure added in the dialog
	label, unit *entry
	err         *errorText
	root        fyne.CanvasObject
}

func (s *activitiesScreen) editKindDialog(k domain.ActivityKind) *kindEditor {
	ke := &kindEditor{label: newEntry(s.f), box: container.NewVBox(),
		fixed: k.Code == domain.KindTraining || k.Code == domain.KindModel}
	ke.fm.other = newErrorText()
	ke.label.SetText(k.Label) // the register's words, whatever the window's language
	ke.fm.add("Label", T("Tên loại hoạt động"), ke.label)
	for _, m := range k.Measures {
		ke.addRow(s, m)
	}
	add := newButtonWithIcon(s.f, T("Thêm số liệu"), theme.ContentAddIcon(), func() { ke.addRow(s, domain.ActivityMeasure{}) })
	note := widget.NewLabel(T("Mỗi số liệu: tên và đơn vị. Số liệu đã có hoạt động ghi thì chỉ đổi được tên, không bỏ được."))
	if ke.fixed {
		add.Hide()
		note.SetText(T("Số liệu của loại này được đếm từ sổ tập huấn và mô hình: chỉ đổi được tên và đơn vị."))
	}
	note.Wrapping = fyne.TextWrapWord
	code := k.Code
	ke.save = func() bool {
		ke.fm.clear()
		var ms []domain.ActivityMeasure
		for _, r := range ke.rows {
			r.err.set("")
			lbl, unit := domain.Clean(r.label.Text), domain.Clean(r.unit.Text)
			if r.code == "" && lbl == "" && unit == "" {
				continue // a row added and left empty
			}
			ms = append(ms, domain.ActivityMeasure{Code: r.code, Label: lbl, Unit: unit})
		}
		if domain.Clean(ke.label.Text) == "" {
			ke.fm.setError("Label", T("cần ghi tên loại"))
			return false
		}
		err := s.st.EditActivityKind(s.ctx, code, ke.label.Text, ms)
		var ve *domain.ValidationError
		if errors.As(err, &ve) {
			// A figure's message goes under its row; the others (a
			// figure removed but recorded) under the form.
			var rest []domain.FieldError
			for _, fe := range ve.Errors {
				if fe.Field == "Measures" && fe.Row > 0 && fe.Row <= len(ms) {
					if r := ke.rowOf(ms[fe.Row-1]); r != nil {
						r.err.set(joinNonEmpty("; ", r.err.msg(), fieldMsg(fe)))
						continue
					}
				}
				rest = append(rest, fe)
			}
			if len(rest) == 0 {
				return false
			}
			err = &domain.ValidationError{Errors: rest}
		}
		if !ke.fm.result(s.f, err) {
			return false
		}
		s.kindsChanged()
		return true
	}
	content := container.NewVBox(ke.fm.grid(), heading(T("Số liệu báo cáo (tên, đơn vị)")), ke.box, container.NewHBox(add), note, ke.fm.other)
	sz := s.win.Canvas().Size()
	d := s.f.formDialog(T("Sửa loại hoạt động"), container.NewVScroll(content), fyne.NewSize(min(720, sz.Width-40), min(480, sz.Height-40)), ke.save)
	// Esc, Ctrl+Q and closing the window ask before the typing goes.
	opened := ke.state()
	s.f.guardUnsaved(d, func() bool { return ke.state() != opened })
	s.lastKindEditor = ke
	return ke
}

// state is what the dialog holds, as one comparable text.
func (ke *kindEditor) state() string {
	var b strings.Builder
	b.WriteString(ke.label.Text)
	for _, r := range ke.rows {
		b.WriteString("\x00" + r.code + "\x01" + r.label.Text + "\x01" + r.unit.Text)
	}
	return b.String()
}

// addRow adds a figure's row to the dialog.
func (ke *kindEditor) addRow(s *activitiesScreen, m domain.ActivityMeasure) *measureRow {
	r := &measureRow{code: m.Code, label: newEntry(s.f), unit: newEntry(s.f), err: newErrorText()}
	r.label.SetText(m.Label)
	r.label.SetPlaceHolder(T("ví dụ: Số cây xanh"))
	r.unit.SetText(m.Unit)
	r.unit.SetPlaceHolder(T("ví dụ: cây"))
	del := newButtonWithIcon(s.f, "", theme.DeleteIcon(), func() { ke.removeRow(r) })
	del.Importance = widget.LowImportance
	if ke.fixed {
		del.Hide()
	}
	r.root = container.NewVBox(container.NewBorder(nil, nil, nil, del, container.New(flexRow{3, 1}, r.label, r.unit)), r.err)
	ke.rows = append(ke.rows, r)
	ke.box.Add(r.root)
	return r
}

func (ke *kindEditor) removeRow(r *measureRow) {
	for i, x := range ke.rows {
		if x == r {
			ke.rows = append(ke.rows[:i], ke.rows[i+1:]...)
			break
		}
	}
	ke.box.Remove(r.root)
}

// rowOf is the row the figure m was read from.
func (ke *kindEditor) rowOf(m domain.ActivityMeasure) *measureRow {
	for _, r := range ke.rows {
		if (m.Code != "" && r.code == m.Code) || (r.code == "" && domain.Clean(r.label.Text) == m.Label && domain.Clean(r.unit.Text) == m.Unit) {
			return r
		}
	}
	return nil
}
