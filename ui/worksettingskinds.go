package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
)

// The list of activity kinds on the settings tab: each kind with the
// figures the reports count for it; add, rename, and remove one no
// activity uses, through the store's edits the CLI uses too.

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
		rename := newButtonWithIcon(s.f, T("Đổi tên"), theme.DocumentCreateIcon(), func() { s.renameKindDialog(code, label) })
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

// renameKindDialog gives a kind a new label; its activities keep it.
func (s *activitiesScreen) renameKindDialog(code, label string) {
	var fm form
	fm.other = newErrorText()
	e := newEntry(s.f)
	e.SetText(label)
	fm.add("Label", T("Tên mới"), e)
	s.f.formDialog(T("Đổi tên loại hoạt động"), container.NewVBox(fm.grid(), fm.other), fyne.NewSize(560, 200), func() bool {
		fm.clear()
		if !fm.result(s.f, s.st.RenameActivityKind(s.ctx, code, e.Text)) {
			return false
		}
		s.kindsChanged()
		return true
	})
}
