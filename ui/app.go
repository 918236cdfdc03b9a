// Package ui is Sổ Đoàn's desktop window: every screen of the register in
// one Fyne window. It reads and writes the register only through package
// store, issues documents only through package issuing, reads and writes
// spreadsheets through package sheet and ward packages through package
// wardpkg; of report it uses only the way a ward's name is printed. It holds
// no SQL and no PDF layout.
package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// Preference keys kept between runs.
const (
	prefWindow   = "window.placement" // see placement
	prefScreen   = "screen"
	prefLanguage = "language"
)

// Options tune how the window starts.
type Options struct {
	// Screen opens this screen (an id such as "members", see ScreenIDs)
	// instead of the last one used; the screenshot script relies on it.
	Screen string
	// ReportsDir is where generated documents go, one subfolder a year.
	ReportsDir string
	// Create makes the register when New is given none (st nil: the file
	// does not exist yet). The welcome screen calls it only when the user
	// chooses to start a register, so that a window opened on a mistyped
	// path and closed leaves no file behind.
	Create func() (*store.Store, error)

	// do runs UI updates from background work; nil means fyne.Do. Tests
	// replace it to run them on the test's goroutine, since Fyne's test
	// driver would run them at once on the background goroutine.
	do func(func())
	// Log writes a line to the program's log (sodoan.log): the system's
	// own error behind a failed file operation; nil: no log.
	Log func(line string)
	// Now is the window's clock, passed down from cmd/sodoan with the one
	// its register is opened with (store.OpenOptions.Now), so that the
	// window's today and the register's agree; nil means time.Now. Tests
	// replace App.today to see the dashboard on a chosen day.
	Now func() time.Time
}

// screen is one page of the navigation list.
type screen interface {
	view() fyne.CanvasObject
	// refresh reloads the screen's data from the register; called each
	// time the screen is shown, because other screens may have changed it.
	refresh()
}

// newer is a screen with a "new record" action (Ctrl+N).
type newer interface{ newRecord() }

// finder is a screen with a search box (Ctrl+F).
type finder interface{ focusSearch() }

type screenDef struct {
	id    string
	title string
	make  func() screen
}

// App is the running window over one register.
type App struct {
	fa  fyne.App
	win fyne.Window
	// restorePlace puts the window back where it was last closed, once it
	// is on the screen (the one OnStarted hook, shared with OpenFile).
	restorePlace func()
	st           *store.Store
	ctx          context.Context
	opts         Options

	defs    []screenDef
	screens map[string]screen
	current string
	nav     *navList
	body    *fyne.Container

	// do hands UI updates from background goroutines to the UI goroutine.
	do    func(func())
	now   func() time.Time   // the clock (Options.Now)
	today func() domain.Date // now's date; tests replace it
	// clock is the window's time as the screens read it.
	clock clock

	// notice confirms saves at the foot of the window.
	notice  *noticeBar
	notices int // how many notices were given, for confirmSaved
	// inline are the forms on screens that Ctrl+S saves (see onSave).
	inline []inlineForm

	// imports reads member lists from spreadsheets (import.go); exports
	// writes the lists' tables (export.go).
	imports *imports
	exports *tableExports
	// member is a person's page, opened from the member lists; editor
	// opens the member form; batches the dialogs that write many members
	// at once.
	member  *memberPage
	editor  *memberEditor
	batches *batches

	// folders is where documents go. It and the four above are built
	// once the window has its register (setRegister).
	folders *folders

	// dialogs is the stack of open dialogs, so Esc closes the top one and
	// Ctrl+S saves the top form.
	dialogs []*openDialog
	// guards are the editors on screens that ask before their typing is
	// thrown away (guardInline).
	guards []*openDialog
	// help is the guide's dialog (F1) once opened, so that F1 does not
	// stack a second one.
	help dialog.Dialog
	// working is the last screen shown other than the guide, which the
	// next start opens on (rememberScreen).
	working string
}

type openDialog struct {
	d    dialog.Dialog
	save func()
	// dirty tells whether the dialog holds typing not saved (nil: it
	// never does); see guardUnsaved.
	dirty func() bool
	// An editor on a screen (guardInline) has no d: key is the editor,
	// areas where it is drawn, discard throws its typing away.
	key     any
	areas   func() []fyne.CanvasObject
	discard func()
	// stayed runs when the user chose Ở lại (an editor puts back the
	// choice that would have replaced its text).
	stayed func()
	// question is what the question about unsaved typing says (empty:
	// a form's).
	question string
}

// ScreenIDs lists the ids accepted by Options.Screen, in navigation order.
var ScreenIDs = []string{"dashboard", "members", "federation", "branches", "activities", "dues", "clubs", "coops", "models", "plan", "reports", "settings", "help"}

// New builds the main window of the register st in the Fyne app fa; call
// Window().ShowAndRun() to run it. st is nil when the register does not
// exist yet: the welcome screen then makes it with opts.Create.
func New(fa fyne.App, st *store.Store, opts Options) (*App, error) {
	if err := SetLanguage(fa.Preferences().StringWithFallback(prefLanguage, LangVietnamese)); err != nil {
		return nil, err
	}
	a := &App{fa: fa, ctx: context.Background(), opts: opts, screens: map[string]screen{}, do: opts.do, now: opts.Now}
	if a.now == nil {
		a.now = time.Now
	}
	a.today = func() domain.Date { return domain.DateOf(a.now()) }
	// Through a.now and a.today at each call, so that a test that sets
	// either sees its time on every screen.
	a.clock = clock{now: func() time.Time { return a.now() }, today: func() domain.Date { return a.today() }}
	if a.do == nil {
		a.do = fyne.Do
	}
	a.win = fa.NewWindow("Sổ Đoàn")
	if st != nil {
		a.setRegister(st)
	}
	a.place()
	a.installKeys()
	a.win.SetOnDropped(a.dropped)

	has := false
	switch {
	case st != nil:
		var err error
		if has, err = st.HasUnit(a.ctx); err != nil {
			return nil, fmt.Errorf("đọc thông tin đơn vị: %w", err)
		}
	case opts.Create == nil:
		return nil, errors.New("ui.New: không có sổ, cũng không có cách tạo sổ (Options.Create)")
	}
	if !has {
		a.win.SetContent(a.welcome())
	} else {
		a.buildMain()
	}
	return a, nil
}

// setRegister makes st the window's register, with what the screens share
// over it: where documents go, the import and export of spreadsheets (a
// file dropped on the welcome screen imports too), a person's page and the
// dialogs that write many members at once.
func (a *App) setRegister(st *store.Store) {
	a.st = st
	a.folders = newFolders(a.fa, a.opts.ReportsDir, st.Path(), a.win, a, a.do)
	// refresh reloads the screen shown after a dialog wrote to the register.
	refresh := func() {
		if s, ok := a.screens[a.current]; ok {
			s.refresh()
		}
	}
	a.imports = newImports(a.ctx, st, a.clock, a.win, a, a.do, a.folders, refresh)
	a.exports = newTableExports(a.ctx, st, a.clock, a, a.do, a.folders)
	a.batches = newBatches(a.ctx, st, a.clock, a.win, a, refresh)
	a.editor = newMemberEditor(a.ctx, st, a.clock, a.win, a)
	a.member = newMemberPage(a.ctx, st, a.clock, a.win, a, a.do, a.folders, a.setBody, a.back,
		func(p *domain.Person, saved func(*domain.Person)) { a.editor.edit(p, saved) })
}

// place sizes the window as it was last closed (or to fit a 1366×768
// screen the first time), puts it back where it was once it is on the
// screen, and saves both when it closes.
func (a *App) place() {
	p := a.fa.Preferences()
	pl, ok := parsePlacement(p.String(prefWindow))
	if !ok {
		pl = placement{w: defaultSize.Width, h: defaultSize.Height}
	}
	sw, sh := screenSize()
	pl = pl.fit(sw, sh, a.fa.Settings().Scale()*systemScale())
	a.win.Resize(fyne.NewSize(pl.w, pl.h))
	a.restorePlace = func() {}
	if pl.hasPos {
		a.restorePlace = func() {
			nativeHandle(a.win, func(h uintptr) { moveWindow(h, pl.x, pl.y) })
		}
	}
	a.fa.Lifecycle().SetOnStarted(a.restorePlace)
	a.win.SetCloseIntercept(a.closeWindow)
}

// closeWindow saves the window's place and closes it; it is the window's
// close intercept.
func (a *App) closeWindow() {
	if od := a.unsaved(); od != nil {
		a.askUnsaved(od, a.closeWindow)
		return
	}
	// Read before closing: afterwards the canvas and handle are gone.
	sz := a.win.Canvas().Size()
	now := placement{w: sz.Width, h: sz.Height}
	nativeHandle(a.win, func(h uintptr) { now.x, now.y, now.hasPos = windowPos(h) })
	a.fa.Preferences().SetString(prefWindow, now.String())
	a.rememberScreen()
	a.win.Close()
}

// rememberScreen keeps the screen shown for the next start (the guide
// excepted: the next start opens on a working screen). It is written when
// the window closes, not at each change of screen: Fyne rewrites the whole
// preferences file in place at each change, and another copy of Sổ Đoàn
// open on another register (sharing that file) read it half-written
// ("Preferences load error: EOF").
func (a *App) rememberScreen() {
	if a.working != "" {
		a.fa.Preferences().SetString(prefScreen, a.working)
	}
}

// dropped starts the import of a spreadsheet dropped on the window.
func (a *App) dropped(_ fyne.Position, uris []fyne.URI) {
	if a.st == nil {
		return // the welcome screen of a register not made yet
	}
	if a.droppedPackage(uris) {
		return
	}
	a.imports.dropped(uris)
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

func (a *App) buildMain() {
	// The member lists open a person's page and the member form and lead
	// to the import and the dialogs that write many members at once
	// (through a's fields at each click, as the window may replace them).
	members := func(kind store.MemberKind) screen {
		act := memberActions{
			open:       func(id int64) { a.member.open(id) },
			edit:       func(p *domain.Person, saved func(*domain.Person)) { a.editor.edit(p, saved) },
			importFile: func() { a.imports.fromFile() },
			admit:      func() { a.batches.admission() },
			rate:       func(branchID int64) { a.batches.yearRating(branchID) },
		}
		return newMembersScreen(a.ctx, a.st, a.clock, a.win, a, a.do, a.folders, act, kind)
	}
	a.defs = []screenDef{
		{"dashboard", Tc("nav", "Tổng quan"), a.newDashboardScreen},
		{"members", Tc("nav", "Đoàn viên"), func() screen { return members(store.KindUnion) }},
		{"federation", Tc("nav", "Hội viên"), func() screen { return members(store.KindFederation) }},
		{"branches", Tc("nav", "Chi đoàn"), a.newBranches},
		{"activities", Tc("nav", "Hoạt động"), func() screen { return newActivitiesScreen(a.ctx, a.st, a.clock, a.win, a) }},
		{"dues", Tc("nav", "Đoàn phí"), func() screen { return newDuesScreen(a.ctx, a.st, a.clock, a, a.folders) }},
		{"clubs", Tc("nav", "Câu lạc bộ"), func() screen { return newClubsScreen(a.ctx, a.st, a.clock, a, a.exports) }},
		{"coops", Tc("nav", "Tổ hợp tác"), func() screen { return newCoopsScreen(a.ctx, a.st, a.clock, a, a.exports) }},
		{"models", Tc("nav", "Mô hình (2.1, 2.2b)"), func() screen { return newModelsScreen(a.ctx, a.st, a.clock, a) }},
		{"plan", Tc("nav", "Kế hoạch & chỉ tiêu"), func() screen { return newPlanScreen(a.ctx, a.st, a.clock, a.win, a, a.exports) }},
		{"reports", Tc("nav", "Báo cáo"), func() screen { return newReportsScreen(a.ctx, a.st, a.clock, a.win, a, a.do, a.folders) }},
		{"settings", Tc("nav", "Cài đặt"), a.newSettings},
		{"help", Tc("nav", "Trợ giúp (F1)"), func() screen { return newHelpScreen() }},
	}
	if defs := a.consolidationDefs(); defs != nil {
		a.defs = defs
	}
	a.screens = map[string]screen{}
	a.guards = nil // the screens' editors are made again
	a.body = container.NewStack()
	a.nav = newNavList(
		func() int { return len(a.defs) },
		func() fyne.CanvasObject { return widget.NewLabel("Kế hoạch & chỉ tiêu") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(a.defs[i].title) },
		a,
	)
	a.nav.OnSelected = func(i widget.ListItemID) { a.show(a.defs[i].id) }
	split := container.NewHSplit(a.nav, container.New(bounded{}, a.body))
	split.Offset = 0.14
	a.notice = newNoticeBar()
	a.win.SetContent(withReadOnlyBanner(a.st, container.NewBorder(nil, a.notice.root, nil, nil, split)))
	a.updateTitle()

	start := a.opts.Screen
	if start == "" {
		start = a.fa.Preferences().StringWithFallback(prefScreen, "dashboard")
	}
	if a.index(start) < 0 {
		start = a.defs[0].id
	}
	a.nav.Select(a.index(start))
}

// newSettings builds the Settings screen with its backups and trash.
func (a *App) newSettings() screen {
	restored := func() {
		a.rebuild()
		a.updateTitle()
	}
	return newSettingsScreen(a.ctx, a.st, a.clock, a.win, a, a.fa.Preferences(), a.folders,
		newBackups(a.ctx, a.st, a.clock, a.win, a, a.do, restored),
		newTrash(a.ctx, a.st, a, a.setBody, a.back),
		a.updateTitle, a.rebuild)
}

// newDashboardScreen builds Tổng quan, whose cards and alerts lead to the
// other screens.
func (a *App) newDashboardScreen() screen {
	return newDashboard(a.ctx, a.st, a.clock, a, a.goTo, a.onMembers, a.imports.fromFile)
}

// onMembers shows the members screen and runs do on it (to set a filter
// or open the form there, where the list shows the result).
func (a *App) onMembers(do func(*membersScreen)) {
	a.goTo("members")
	if m, ok := a.screens["members"].(*membersScreen); ok {
		do(m)
	}
}

// newBranches builds the branches screen, from which a branch's members
// open on the members screen and its members are rated.
func (a *App) newBranches() screen {
	showMembers := func(branchID int64) {
		a.onMembers(func(m *membersScreen) {
			m.setBranch(branchID)
			m.refresh()
		})
	}
	rate := func(branchID int64) { a.batches.yearRating(branchID) }
	return newBranchesScreen(a.ctx, a.st, a.clock, a.win, a, a.exports, showMembers, rate)
}

func (a *App) index(id string) int {
	for i, d := range a.defs {
		if d.id == id {
			return i
		}
	}
	return -1
}

// updateTitle shows the unit's name in the window title.
func (a *App) updateTitle() {
	u, err := a.st.Unit(a.ctx)
	if err != nil || u.Name == "" {
		a.win.SetTitle("Sổ Đoàn")
		return
	}
	a.win.SetTitle("Sổ Đoàn — " + u.Name)
}

// show switches the body to screen id, building it on first use.
func (a *App) show(id string) {
	i := a.index(id)
	if i < 0 {
		return
	}
	s, ok := a.screens[id]
	if !ok {
		s = a.defs[i].make()
		a.screens[id] = s
	}
	a.current = id
	if id != "help" {
		a.working = id
	}
	a.body.Objects = []fyne.CanvasObject{s.view()}
	a.body.Refresh()
	s.refresh()
}

// goTo selects screen id in the navigation list (which shows it).
func (a *App) goTo(id string) {
	if i := a.index(id); i >= 0 {
		a.nav.Select(i)
	}
}

// setBody replaces the body with a sub-page (such as a member's page)
// without changing the navigation selection.
func (a *App) setBody(o fyne.CanvasObject) {
	a.body.Objects = []fyne.CanvasObject{o}
	a.body.Refresh()
}

// resumer is a screen that, back from its sub-page, keeps its place (the
// member list's rows and scroll position) instead of starting over.
type resumer interface{ resume() }

// back returns from a sub-page to the current screen.
func (a *App) back() {
	if s, ok := a.screens[a.current]; ok {
		a.setBody(s.view())
		if r, ok := s.(resumer); ok {
			r.resume()
			return
		}
		s.refresh()
	}
}

// onSubPage reports whether the body shows a sub-page (a person's page)
// rather than the current screen.
func (a *App) onSubPage() bool {
	s, ok := a.screens[a.current]
	return ok && len(a.body.Objects) == 1 && a.body.Objects[0] != s.view()
}

// rebuild recreates every screen, after a language change.
func (a *App) rebuild() {
	cur := a.current
	a.buildMain()
	a.goTo(cur)
}

func (a *App) installKeys() {
	c := a.win.Canvas()
	add := func(k fyne.KeyName, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyN, a.shortcutNew)
	add(fyne.KeyF, a.shortcutFind)
	add(fyne.KeyS, a.shortcutSave)
	add(fyne.KeyQ, a.closeWindow)
	// Ctrl+Enter saves too: in a multi-line box, where Enter is a new line.
	add(fyne.KeyReturn, a.shortcutSave)
	add(fyne.KeyEnter, a.shortcutSave)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			a.escape()
		case fyne.KeyF1:
			a.showHelp()
		}
	})
}

// handleShortcut runs the app's shortcuts when an entry has the focus;
// Fyne gives a focused widget every shortcut first and Entry swallows
// those it does not know.
func (a *App) handleShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyN:
		a.shortcutNew()
	case fyne.KeyF:
		a.shortcutFind()
	case fyne.KeyS, fyne.KeyReturn, fyne.KeyEnter:
		a.shortcutSave()
	case fyne.KeyQ:
		a.closeWindow()
	default:
		return false
	}
	return true
}

func (a *App) shortcutNew() {
	if len(a.dialogs) > 0 {
		return
	}
	if n, ok := a.screens[a.current].(newer); ok {
		n.newRecord()
	}
}

func (a *App) shortcutFind() {
	if len(a.dialogs) > 0 {
		return
	}
	if f, ok := a.screens[a.current].(finder); ok {
		f.focusSearch()
	}
}

func (a *App) shortcutSave() {
	if n := len(a.dialogs); n > 0 {
		if a.dialogs[n-1].save != nil {
			a.dialogs[n-1].save()
		}
		return
	}
	a.saveInline()
}

// enterSaves is Enter in a one-line box of a form: the form's dialog is
// saved, as with Lưu (issue 17: Enter saved nothing). false when no form
// is open, so that Enter keeps its own meaning on the screens.
func (a *App) enterSaves() bool {
	n := len(a.dialogs)
	if n == 0 || a.dialogs[n-1].save == nil {
		return false
	}
	a.dialogs[n-1].save()
	return true
}

func (a *App) escape() {
	if n := len(a.dialogs); n > 0 {
		top := a.dialogs[n-1]
		if top.dirty != nil && top.dirty() {
			a.askUnsaved(top, nil)
			return
		}
		top.d.Hide()
		return
	}
	if g := a.unsavedShown(); g != nil {
		a.askUnsaved(g, nil)
		return
	}
	// A dialog shown without showDialog (Fyne's file dialogs, say) is
	// still an overlay of the window: Esc closes it all the same.
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
		return
	}
	// Nothing over the window: Esc leaves a person's page (Quay lại).
	if a.body != nil && a.onSubPage() {
		a.back()
	}
}

// showDialog shows d and keeps it on the stack used by Esc and Ctrl+S.
func (a *App) showDialog(d dialog.Dialog, save func()) {
	od := &openDialog{d: d, save: save}
	a.dialogs = append(a.dialogs, od)
	d.SetOnClosed(func() {
		for i, x := range a.dialogs {
			if x == od {
				a.dialogs = append(a.dialogs[:i], a.dialogs[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

// formDialog shows content with Lưu and Hủy buttons; save returns true
// when the record was stored and the dialog may close.
func (a *App) formDialog(title string, content fyne.CanvasObject, size fyne.Size, save func() bool) dialog.Dialog {
	return a.actionDialog(title, T("Lưu"), content, size, save)
}

// actionDialog is formDialog with another word than Lưu on its main
// button (Tạo giấy giới thiệu…); Ctrl+S still presses it.
func (a *App) actionDialog(title, action string, content fyne.CanvasObject, size fyne.Size, save func() bool) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, content, a.win)
	doSave := func() {
		if a.confirmSaved(title, save) {
			d.Hide()
		}
	}
	saveBtn := newButton(a, action+" (Ctrl+S)", doSave)
	saveBtn.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{newButton(a, dismissWord(action)+" (Esc)", d.Hide), saveBtn})
	d.Resize(size)
	a.showDialog(d, doSave)
	return d
}

// dismissWord is the word on a dialog's closing button: Hủy (cancel),
// except beside an action that is itself a hủy (annulling a decision),
// where "Hủy" next to "Xác nhận hủy quyết định" would read as the same act.
func dismissWord(action string) string {
	if strings.Contains(strings.ToLower(action), "hủy") {
		return T("Quay lại")
	}
	return T("Hủy")
}

// confirm asks a yes/no question and runs yes on agreement.
func (a *App) confirm(title, msg string, yes func()) {
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if ok {
			yes()
		}
	}, a.win)
	d.SetConfirmText(T("Đồng ý"))
	d.SetDismissText(T("Hủy"))
	a.showDialog(d, nil)
}

// showError reports err in a dialog.
func (a *App) showError(err error) {
	if err == nil {
		return
	}
	a.logSystemError(err)
	d := dialog.NewError(errors.New(errText(err)), a.win)
	a.showDialog(d, nil)
}

// logSystemError writes the system's own words for a failed file
// operation to the program's log (Options.Log), where support can read
// what the message in the window puts in the user's words (issue 21).
// Only the operation, the folder and the system's error: the log never
// holds a member's data, and a file's name may be a member's.
func (a *App) logSystemError(err error) {
	if a.opts.Log == nil {
		return
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		a.opts.Log(fmt.Sprintf("LỖI (tệp): %s trong %s: %v", le.Op, filepath.Dir(le.New), le.Err))
	case errors.As(err, &pe):
		a.opts.Log(fmt.Sprintf("LỖI (tệp): %s trong %s: %v", pe.Op, filepath.Dir(pe.Path), pe.Err))
	}
}

// info shows a short message.
func (a *App) info(title, msg string) {
	d := dialog.NewInformation(title, msg, a.win)
	a.showDialog(d, nil)
}

// thisYear is the calendar year the screens start on, by the window's
// clock.
func (a *App) thisYear() int { return a.clock.thisYear() }

// bounded lays its objects out over its whole size but asks for little
// room itself. Fyne grows a window to its content's minimum size, so one
// screen whose content was too wide (a label that does not wrap) made the
// window wider than the laptop's screen, with buttons out of reach, and it
// stayed so on every other screen. Screens keep their own scroll bars.
type bounded struct{}

// Layout implements fyne.Layout.
func (bounded) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout.
func (bounded) MinSize([]fyne.CanvasObject) fyne.Size {
	return minUsable.Subtract(fyne.NewSize(200, 0))
}
