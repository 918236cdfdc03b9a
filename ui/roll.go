package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sodoan/domain"
	"sodoan/store"
)

// chooseRoll lists the Union members called to an activity on its day
// (every branch's when the ward organised it, else its branches') with a
// tick for each who took part: the roll a member's share is counted from.
// done receives the ticked ids when the secretary confirms.
func (f *activityForm) chooseRoll(on domain.Date, ward bool, branches []int64, done func([]int64)) {
	s := f.s
	var people []domain.Person
	if ward {
		ps, err := s.st.ListMembers(s.ctx, store.MemberFilter{Kind: store.KindUnion, AsOf: on})
		if err != nil {
			s.f.showError(err)
			return
		}
		people = ps
	}
	for _, b := range branches {
		ps, err := s.st.ListMembers(s.ctx, store.MemberFilter{BranchID: b, Kind: store.KindUnion, AsOf: on})
		if err != nil {
			s.f.showError(err)
			return
		}
		people = append(people, ps...)
	}
	ticked := map[int64]bool{}
	for _, id := range f.a.People {
		ticked[id] = true
	}
	count := widget.NewLabel("")
	showCount := func() {
		n := 0
		for _, p := range people {
			if ticked[p.ID] {
				n++
			}
		}
		count.SetText(fmt.Sprintf(T("%d/%d đoàn viên tham gia"), n, len(people)))
	}
	list := newList(f.s.f, func() int { return len(people) },
		func() fyne.CanvasObject {
			return newCheck(s.f, "999. Nguyễn Thị Ngọc Hân – Chi đoàn Khóm 10", nil)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*check)
			p := people[i]
			c.OnChanged = nil
			c.SetText(fmt.Sprintf("%d. %s", i+1, p.FullName()))
			c.SetChecked(ticked[p.ID])
			c.OnChanged = func(v bool) { ticked[p.ID] = v; showCount() }
		})
	all := newButton(s.f, T("Chọn tất cả"), func() {
		for _, p := range people {
			ticked[p.ID] = true
		}
		list.Refresh()
		showCount()
	})
	none := newButton(s.f, T("Bỏ chọn tất cả"), func() {
		clear(ticked)
		list.Refresh()
		showCount()
	})
	showCount()
	content := container.NewBorder(container.NewHBox(all, none, count), nil, nil, nil, list)
	sz := s.win.Canvas().Size()
	s.f.actionDialog(T("Người tham gia"), T("Chọn"), content, fyne.NewSize(min(640, sz.Width*0.8), sz.Height*0.85), func() bool {
		var ids []int64
		for _, p := range people {
			if ticked[p.ID] {
				ids = append(ids, p.ID)
			}
		}
		done(ids)
		return true
	})
}
