package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"os"
	"strconv"
	"sync"
	"time"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// pageSize is how many rows one store query fetches. The table asks only
// for visible rows, so a 100,000-member register costs a page or two.
const pageSize = 100

// maxPages bounds the rows kept in memory while scrolling far.
const maxPages = 40

// searchDelay coalesces keystrokes typed in quick succession into one
// query; the first keystroke after a pause runs at once.
const searchDelay = 150 * time.Millisecond

type memberColumn struct {
	title string
	sort  store.SortField
	sorts bool
	width float32
	// long is set on columns whose text can be wider than the column;
	// only they pay for measuring the ellipsis, which is most of a
	// redraw's cost.
	long bool
	text func(p *domain.Person, row int) string
}

// membersScreen is the Đoàn viên / Hội viên list.
type membersScreen struct {
	ctx   context.Context
	st    *store.Store
	clock clock       // the year "Tròn 30 tuổi năm nay" means; names exports
	win   fyne.Window // focuses the search box; the parent of the export dialog
	f     frame
	do    func(func()) // runs UI updates from the loading goroutines
	// folders is where exports go; act opens what the list leads to.
	folders *folders
	act     memberActions
	kind    store.MemberKind // the screen's own kind (union or federation)

	filter store.MemberFilter
	// exportBtn writes what the table shows to Excel; lastExport is the
	// latest file it wrote.
	exportBtn    *button
	exportChoice *exportChoice // the latest Xuất Excel dialog
	importBtn    *button
	lastExport   string
	cols         []memberColumn
	widths       []float32 // the columns' widths as last set by fitColumns

	search    *searchEntry
	kindSel   *choiceSelect
	branchSel *selectBox
	branchIDs []int64
	statusSel *choiceSelect
	// fedSel chooses, on the Hội viên screen, hội viên today, former ones
	// or everyone who ever joined (memberfed.go).
	fedSel    *choiceSelect
	fedState  string
	genderSel *choiceSelect
	turning   *check
	count     *widget.Label
	table     *memberTable
	root      fyne.CanvasObject

	// Data of the current filter, touched only on the UI goroutine.
	gen     int // bumped by each new filter so late answers are dropped
	total   int // rows matching the filter
	all     int // people of the kind, unfiltered
	pages   map[int][]domain.Person
	loading map[int]bool

	timer   *time.Timer
	lastRun time.Time
	// busy counts loads in flight, so tests can wait for them before the
	// window goes away. A counter, not a WaitGroup: a load finishing on the
	// UI goroutine may start the next one while a test is waiting, which a
	// WaitGroup forbids ("reused before previous Wait has returned").
	busy inflight

	// onLoaded, when set (by tests and benchmarks), runs on the UI
	// goroutine after a new filter's first page is shown.
	onLoaded func()
	// onCounted, likewise, after the filter's count is shown.
	onCounted func()
	traced    bool

	// cursor is the row the keyboard is on (-1: none): the arrows move it
	// from the search box, Enter opens it, and it stays marked when the
	// list comes back from that person's page (memberkeys.go).
	cursor int
	// lastRow is the row of the latest cell drawn: the table draws only
	// what is on screen, so its page is the one in view (resume).
	lastRow int
	// counted tells whether total is the current filter's count, or for
	// now the rows of its first page (see reload).
	counted bool
	// pageShown tells whether the current filter's first page is shown.
	pageShown bool

	// marked is the person just saved: the next load scrolls to that row
	// (reveal) and the row stays bold until another is saved.
	marked     int64
	reveal     int64
	markedName string
}

// memberActions are what the member list leads to, which live outside it:
// a person's page, the member form, the import of a spreadsheet and the
// dialogs that write many members at once.
type memberActions struct {
	open       func(id int64)                                     // shows a person's page
	edit       func(p *domain.Person, saved func(*domain.Person)) // opens the member form
	importFile func()
	admit      func()               // Kết nạp hàng loạt
	rate       func(branchID int64) // Xếp loại cuối năm
}

func newMembersScreen(ctx context.Context, st *store.Store, clock clock, win fyne.Window, f frame, do func(func()),
	folders *folders, act memberActions, kind store.MemberKind) *membersScreen {
	m := &membersScreen{ctx: ctx, st: st, clock: clock, win: win, f: f, do: do, folders: folders, act: act,
		kind: kind, pages: map[int][]domain.Person{}, loading: map[int]bool{}, cursor: -1}
	// The list as the ward means it unless she chooses otherwise: the
	// store says which (active members; the CLI's list starts the same).
	m.filter = store.DefaultMemberFilter(kind)
	m.build()
	return m
}

func (m *membersScreen) noun() string {
	if m.kind == store.KindFederation {
		return T("hội viên")
	}
	return T("đoàn viên")
}

func (m *membersScreen) build() {
	m.cols = []memberColumn{
		{T("STT"), "", false, 55, false, func(p *domain.Person, row int) string { return strconv.Itoa(row + 1) }},
		{T("Họ và tên"), store.SortName, true, 185, true, func(p *domain.Person, _ int) string { return p.FullName() }},
	}
	// The catalog's listed fields, in their list order; the Federation's
	// list shows its own date where the Union's shows the admission.
	for _, fd := range domain.ListedFields() {
		if m.kind == store.KindFederation && fd.Key == "admission_date" {
			fd, _ = domain.PersonField("federation_date")
		}
		w, long := listWidth(fd)
		m.cols = append(m.cols, memberColumn{T(listTitle(fd)), store.SortField(fd.Key), true, w, long, listText(fd)})
	}
	status := memberColumn{T("Trạng thái"), store.SortStatus, true, 140, true, func(p *domain.Person, _ int) string { return T(p.Status.Label()) }}
	if m.kind == store.KindFederation {
		// The Hội membership's state; the Union status would sort it.
		status = memberColumn{T("Trạng thái"), "", false, 200, true, func(p *domain.Person, _ int) string { return fedStatus(p) }}
	}
	m.cols = append(m.cols,
		memberColumn{T("Chức vụ"), "", false, 110, true, func(p *domain.Person, _ int) string { return T(p.Position) }},
		status)

	m.search = newSearchEntry(m.f, m.searchKey)
	m.search.SetPlaceHolder(T("Tìm theo tên, số thẻ, CCCD, điện thoại… (Ctrl+F)"))
	m.search.OnChanged = m.queryChanged

	m.kindSel = newChoiceSelect(m.f, []domain.Choice{
		{Code: string(store.KindUnion), Label: Tc("nav", "Đoàn viên")},
		{Code: string(store.KindFederation), Label: Tc("nav", "Hội viên")},
		{Code: string(store.KindAll), Label: T("Đoàn viên và hội viên")},
	}, func(code string) { m.filter.Kind = store.MemberKind(code); m.reload(true) })
	m.kindSel.setCode(string(m.kind))

	m.branchSel = newSelect(m.f, nil, func(string) {
		i := m.branchSel.SelectedIndex()
		if i >= 0 && i < len(m.branchIDs) {
			m.filter.BranchID = m.branchIDs[i]
			m.reload(false)
		}
	})
	m.statusSel = newChoiceSelect(m.f, withAll(T("Mọi trạng thái"), domain.Statuses), func(code string) {
		m.filter.Status = domain.Status(code)
		m.reload(true) // the total counts the status chosen
	})
	m.statusSel.setCode(string(m.filter.Status))
	m.fedState = fedNow
	m.fedSel = newChoiceSelect(m.f, fedStates, func(code string) {
		m.fedState = code
		m.reload(true)
	})
	m.fedSel.setCode(fedNow)
	third := fyne.CanvasObject(m.statusSel)
	if m.kind == store.KindFederation {
		third = m.fedSel
	}
	m.genderSel = newChoiceSelect(m.f, withAll(T("Nam và nữ"), domain.Genders), func(code string) {
		m.filter.Gender = domain.Gender(code)
		m.reload(false)
	})
	m.genderSel.setCode("")
	m.turning = newCheck(m.f, T("Tròn 30 tuổi năm nay"), func(on bool) {
		m.filter.TurningThirty = 0
		if on {
			m.filter.TurningThirty = m.clock.thisYear()
		}
		m.reload(false)
	})

	m.count = widget.NewLabel("")
	m.table = newMemberTable(m.length, m.createCell, m.updateCell, m.tableKey)
	m.table.ShowHeaderRow = true
	m.table.CreateHeader = func() fyne.CanvasObject {
		b := newButton(m.f, "", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	m.table.UpdateHeader = m.updateHeader
	for i, c := range m.cols {
		m.table.SetColumnWidth(i, c.width)
	}
	m.table.OnSelected = func(id widget.TableCellID) {
		// The table's own selection is not kept: a row tapped again must
		// open again. The keyboard's cursor marks the row instead.
		m.table.UnselectAll()
		m.setCursor(id.Row, false)
		m.openRow(id.Row)
	}

	addBtn := newButtonWithIcon(m.f, T("Thêm")+" (Ctrl+N)", theme.ContentAddIcon(), m.newRecord)
	addBtn.Importance = widget.HighImportance
	m.exportBtn = newButtonWithIcon(m.f, T("Xuất Excel"), theme.DownloadIcon(), m.exportExcel)
	m.importBtn = newButtonWithIcon(m.f, T("Nhập từ Excel"), theme.UploadIcon(), m.act.importFile)
	tools := container.NewHBox(addBtn, m.importBtn, m.exportBtn)
	if m.kind == store.KindUnion {
		tools.Add(newButtonWithIcon(m.f, T("Kết nạp hàng loạt"), theme.ListIcon(), func() { m.act.admit() }))
		tools.Add(newButtonWithIcon(m.f, T("Xếp loại cuối năm"), theme.ConfirmIcon(), func() { m.act.rate(m.filter.BranchID) }))
	}
	// A grid gives each dropdown a fair share of the width; in a box they
	// shrink to their minimum and the labels get cut.
	filters := container.NewBorder(nil, nil, nil, m.turning,
		container.NewGridWithColumns(4, m.kindSel, m.branchSel, third, m.genderSel))
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, tools, m.search),
		filters,
		m.count,
	)
	m.root = container.NewBorder(top, nil, nil, nil, container.New(fitColumns{m}, m.table))
}

func (m *membersScreen) view() fyne.CanvasObject { return m.root }

// refresh reloads the branch list and the rows (another screen may have
// changed them).
func (m *membersScreen) refresh() {
	branches, err := m.st.Branches(m.ctx, true)
	if err != nil {
		m.f.showError(err)
		return
	}
	opts := []string{T("Mọi chi đoàn")}
	m.branchIDs = []int64{0}
	sel := 0
	for _, b := range branches {
		opts = append(opts, b.Name)
		m.branchIDs = append(m.branchIDs, b.ID)
		if b.ID == m.filter.BranchID {
			sel = len(opts) - 1
		}
	}
	m.branchSel.Options = opts
	// SetSelectedIndex would fire OnChanged and reload; set it quietly.
	cb := m.branchSel.OnChanged
	m.branchSel.OnChanged = nil
	m.branchSel.SetSelectedIndex(sel)
	m.branchSel.OnChanged = cb
	m.reload(true)
}

// resume shows the list again after a person's page (Quay lại, Esc): the
// rows and the scroll position stay as they were, on screen at once, while
// the count and the pages in view are read again in the background and
// swapped in where they changed (the person may have been edited or
// removed). Nothing is scrolled and nothing is blanked.
func (m *membersScreen) resume() {
	m.reloadKeep()
	m.win.Canvas().Focus(m.search)
}

// focusSearch puts the cursor in the search box with its text selected, so
// that typing replaces the last search (Ctrl+F).
func (m *membersScreen) focusSearch() {
	m.win.Canvas().Focus(m.search)
	m.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (m *membersScreen) newRecord() {
	p := &domain.Person{UnionMember: m.kind != store.KindFederation, FederationMember: m.kind == store.KindFederation, BranchID: m.filter.BranchID}
	m.act.edit(p, func(saved *domain.Person) { m.showSaved(saved) })
}

// showSaved reloads the list and scrolls to the person just saved, marked
// in bold, or says that the current filter hides them.
func (m *membersScreen) showSaved(p *domain.Person) {
	m.marked, m.reveal, m.markedName = p.ID, p.ID, p.FullName()
	m.reload(true)
}

// setBranch filters on one branch (from the branches screen).
func (m *membersScreen) setBranch(id int64) {
	m.filter.BranchID = id
}

// queryChanged runs on every keystroke of the search box.
func (m *membersScreen) queryChanged(s string) {
	if m.timer != nil && m.timer.Stop() {
		m.busy.Done() // the stopped call will not run
	}
	if time.Since(m.lastRun) >= searchDelay {
		m.filter.Query = s
		m.reload(false)
		return
	}
	m.busy.Add(1)
	m.timer = time.AfterFunc(searchDelay, func() {
		defer m.busy.Done()
		m.do(func() {
			m.filter.Query = m.search.Text
			m.reload(false)
		})
	})
}

// reload starts loading the first page of the current filter off the UI
// goroutine; withAll also recounts the unfiltered total. The first page is
// shown as soon as it is read; the count (on a 100,000-person register a
// broad search costs several times the page) follows, and until then the
// table holds the page's rows and the count line says "…" (updateCount).
func (m *membersScreen) reload(withAll bool) {
	m.lastRun = time.Now() // the wall clock: it times the search's pause
	m.gen++
	gen := m.gen
	if m.kind == store.KindFederation {
		m.applyFedState()
	}
	f := m.filter
	f.Offset, f.Limit = 0, pageSize
	countAll := withAll || m.all == 0
	reveal := m.reveal
	m.reveal = 0
	m.cursor = -1
	m.counted, m.pageShown = false, false
	m.busy.Add(1)
	go func() {
		defer m.busy.Done()
		// The count and the page are separate queries; run side by side
		// they cost the slower of the two, not the sum.
		var (
			total, all = 0, -1
			rows       []domain.Person
			errs       [4]error
			wg         sync.WaitGroup
			revealRow  = -1
		)
		if reveal != 0 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				row, found, err := m.st.RowOf(m.ctx, f, reveal)
				if found {
					revealRow = row
				}
				errs[3] = err
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			total, errs[0] = m.st.CountMembers(m.ctx, f)
		}()
		if countAll {
			wg.Add(1)
			go func() {
				defer wg.Done()
				all, errs[1] = m.st.CountMembers(m.ctx, m.allFilter(f))
			}()
		}
		rows, errs[2] = m.st.ListMembers(m.ctx, f)
		if reveal == 0 && errs[2] == nil {
			// The rows first: a page the user waits for after each key.
			// (A person to reveal needs the count: the row may be far.)
			m.busy.Add(1)
			m.do(func() {
				defer m.busy.Done()
				if gen != m.gen || m.pageShown {
					return
				}
				m.pageShown = true
				if !m.counted {
					// A short page is the whole list; a full one, its
					// beginning until the count comes.
					m.total = len(rows)
					m.updateCount()
				}
				m.showFirstPage(rows, -1, false)
			})
		}
		wg.Wait()
		err := errors.Join(errs[:]...)
		m.do(func() {
			if gen != m.gen {
				return
			}
			if err != nil {
				m.f.showError(err)
				return
			}
			if all >= 0 {
				m.all = all
			}
			m.total, m.counted = total, true
			m.updateCount()
			if m.onCounted != nil {
				m.onCounted()
			}
			if m.pageShown {
				m.table.Refresh() // the rows past the first page
				return
			}
			m.pageShown = true
			m.showFirstPage(rows, revealRow, reveal != 0)
		})
	}()
}

// showFirstPage puts a new filter's first page in the table at its top
// (or at revealRow, the person just saved; revealing says one was).
func (m *membersScreen) showFirstPage(rows []domain.Person, revealRow int, revealing bool) {
	m.pages = map[int][]domain.Person{0: rows}
	m.loading = map[int]bool{}
	m.table.Refresh()
	switch {
	case revealRow >= 0:
		m.table.ScrollTo(widget.TableCellID{Row: revealRow, Col: 1})
	case revealing:
		m.scrollTop()
		m.f.notify(fmt.Sprintf(T("Đã lưu %s (bộ lọc hiện tại không hiện người này)"), m.markedName))
	default:
		m.scrollTop()
	}
	if tracing && !m.traced {
		m.traced = true
		fmt.Fprintf(os.Stderr, "sodoan-ready: %s %d ms\n", m.kind, time.Since(started).Milliseconds())
	}
	if m.onLoaded != nil {
		m.onLoaded()
	}
}

// scrollTop shows the table's first row. Not Table.ScrollToTop: in Fyne
// 2.7 it sets the scroller's offset without moving its content, so the
// cells were laid out for the top but drawn where the old rows had been,
// off screen: a blank table until the next wheel turn jumped to the top
// (issue 17, finding 2).
func (m *membersScreen) scrollTop() {
	m.table.ScrollToOffset(fyne.Position{})
}

// reloadKeep reads again the count and the pages in view of the current
// filter, and swaps them in without scrolling; the old rows stay on
// screen until then.
func (m *membersScreen) reloadKeep() {
	m.gen++
	gen := m.gen
	if m.kind == store.KindFederation {
		m.applyFedState()
	}
	f := m.filter
	shown := m.lastRow / pageSize
	var want []int
	for p := max(shown-1, 0); p <= shown+1; p++ {
		if _, ok := m.pages[p]; ok {
			want = append(want, p)
		}
	}
	m.busy.Add(1)
	go func() {
		defer m.busy.Done()
		var errs []error
		total, err := m.st.CountMembers(m.ctx, f)
		errs = append(errs, err)
		all, err := m.st.CountMembers(m.ctx, m.allFilter(f))
		errs = append(errs, err)
		pages := map[int][]domain.Person{}
		for _, p := range want {
			pf := f
			pf.Offset, pf.Limit = p*pageSize, pageSize
			rows, err := m.st.ListMembers(m.ctx, pf)
			errs = append(errs, err)
			pages[p] = rows
		}
		err = errors.Join(errs...)
		m.do(func() {
			if gen != m.gen {
				return
			}
			if err != nil {
				m.f.showError(err)
				return
			}
			m.total, m.all, m.counted = total, all, true
			m.pages = pages
			m.loading = map[int]bool{}
			if m.cursor >= total {
				m.cursor = -1
			}
			m.updateCount()
			m.table.Refresh()
		})
	}()
}

// fetch loads page p of the current filter in the background.
func (m *membersScreen) fetch(p int) {
	if m.loading[p] {
		return
	}
	m.loading[p] = true
	gen := m.gen
	f := m.filter
	f.Offset, f.Limit = p*pageSize, pageSize
	m.busy.Add(1)
	go func() {
		defer m.busy.Done()
		rows, err := m.st.ListMembers(m.ctx, f)
		m.do(func() {
			if gen != m.gen {
				return
			}
			delete(m.loading, p)
			if err != nil {
				m.f.showError(err)
				return
			}
			if len(m.pages) >= maxPages {
				// Drop the pages furthest from this one.
				for k := range m.pages {
					if k < p-maxPages/2 || k > p+maxPages/2 {
						delete(m.pages, k)
					}
				}
			}
			m.pages[p] = rows
			m.table.Refresh()
		})
	}()
}

// updateCount shows how many rows the filter selects; while a full first
// page is shown and its count is still being read, "…" in place of the
// number, never the last filter's figure.
func (m *membersScreen) updateCount() {
	shown := fmtInt(int64(m.total))
	if !m.counted && m.total >= pageSize {
		shown = "…"
	}
	m.count.SetText(fmt.Sprintf(T("Hiển thị %s / %s %s"), shown, fmtInt(int64(m.all)), m.countNoun()))
}

// row returns the person shown on row r, or nil when its page is not
// loaded yet (the load is then started).
func (m *membersScreen) row(r int) *domain.Person {
	pg, ok := m.pages[r/pageSize]
	if !ok {
		m.fetch(r / pageSize)
		return nil
	}
	if i := r % pageSize; i < len(pg) {
		return &pg[i]
	}
	return nil
}

func (m *membersScreen) length() (int, int) { return m.total, len(m.cols) }

// createCell is a cell's label over the background that marks the
// keyboard's row.
func (m *membersScreen) createCell() fyne.CanvasObject {
	return container.NewStack(canvas.NewRectangle(color.Transparent), widget.NewLabel("Nguyễn Thị Thanh Hương"))
}

func (m *membersScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	m.lastRow = id.Row
	c := o.(*fyne.Container)
	bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
	var fill color.Color = color.Transparent
	if id.Row == m.cursor {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	trunc := fyne.TextTruncateOff
	if m.cols[id.Col].long {
		trunc = fyne.TextTruncateEllipsis
	}
	text := "…"
	bold := false
	if p := m.row(id.Row); p != nil {
		text = m.cols[id.Col].text(p, id.Row)
		bold = p.ID == m.marked
	}
	if l.Text == text && l.Truncation == trunc && l.TextStyle.Bold == bold {
		return // an unchanged cell needs no new layout
	}
	l.Truncation = trunc
	l.TextStyle.Bold = bold
	l.SetText(text)
}

func (m *membersScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*button)
	if id.Col < 0 || id.Col >= len(m.cols) {
		b.SetText("")
		b.SetIcon(nil)
		return
	}
	c := m.cols[id.Col]
	b.SetText(c.title)
	// The order is shown by a theme icon, not by ▲/▼: Fyne's bundled font
	// has no such glyph, and a Windows machine may have no font that does.
	b.IconPlacement = widget.ButtonIconTrailingText
	switch {
	case !c.sorts || c.sort != m.filter.Sort:
		b.SetIcon(nil)
	case m.filter.Desc:
		b.SetIcon(theme.MenuDropDownIcon())
	default:
		b.SetIcon(theme.MenuDropUpIcon())
	}
	b.OnTapped = func() { m.sortBy(id.Col) }
}

// sortBy orders by column col; a second click reverses the order.
func (m *membersScreen) sortBy(col int) {
	c := m.cols[col]
	if !c.sorts {
		return
	}
	if m.filter.Sort == c.sort {
		m.filter.Desc = !m.filter.Desc
	} else {
		m.filter.Sort, m.filter.Desc = c.sort, false
	}
	m.reload(false)
}

// fitColumns sizes the members table to its space and shares the width
// out among the columns: the fixed ones (dates, numbers) keep their width,
// the ones holding long text (name, branch, position, status) grow or
// shrink in proportion, never below 60 % of their design width. So the
// last column is not cut in the first start's 1240-pixel window or on a
// 1366-pixel laptop, and a wide screen shows whole branch names.
type fitColumns struct{ m *membersScreen }

// Layout implements fyne.Layout.
func (l fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	cols := l.m.cols
	// Room for the vertical scroll bar and the column separators.
	avail := size.Width - theme.ScrollBarSize() - float32(len(cols))*theme.Padding()
	var fixed, flex float32
	for _, c := range cols {
		if c.long {
			flex += c.width
		} else {
			fixed += c.width
		}
	}
	scale := float32(1)
	if flex > 0 && avail > fixed {
		scale = max((avail-fixed)/flex, 0.6)
	}
	if len(l.m.widths) != len(cols) {
		l.m.widths = make([]float32, len(cols))
	}
	for i, c := range cols {
		w := c.width
		if c.long {
			w = c.width * scale
		}
		if l.m.widths[i] != w { // each call redraws the table
			l.m.widths[i] = w
			l.m.table.SetColumnWidth(i, w)
		}
	}
}

// MinSize implements fyne.Layout.
func (l fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return l.m.table.MinSize()
}
