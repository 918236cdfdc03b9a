package ui

import (
	"context"
	"strings"
	"testing"

	"sodoan/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"sodoan/store"
)

// englishLater opens the test window (in Vietnamese until the test
// switches) and gives its first Union member.
func englishLater(t *testing.T) (*fixture, []domain.Person) {
	t.Helper()
	f := newFixture(t, "dashboard")
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	people, err := f.st.ListMembers(context.Background(), store.MemberFilter{Kind: store.KindUnion, Limit: 1})
	if err != nil || len(people) == 0 {
		t.Fatal("no member", err)
	}
	return f, people
}

// TestRolesInEnglish: in the English window a club's members show their
// roles in English, the role dropdown offers them in English, and a role
// picked in English is kept in Vietnamese; a ward's own role stays as
// typed.
func TestRolesInEnglish(t *testing.T) {
	f, people := englishLater(t)
	ctx := context.Background()
	club := &domain.Club{Name: "CLB Bóng đá", Kind: "interest", Active: true, Members: []domain.GroupMember{
		{PersonID: people[0].ID, Name: people[0].FullName(), Role: "Chủ nhiệm"},
		{Name: "Trương Văn Lộc", Role: "Ban hậu cần"},
	}}
	if err := f.st.SaveClub(ctx, club); err != nil {
		t.Fatal(err)
	}
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	f.app.rebuild()
	f.app.goTo("clubs")
	page := strings.Join(labelTexts(f.app.body), "\n")
	if !strings.Contains(page, people[0].FullName()+" — Chair") || !strings.Contains(page, "Trương Văn Lộc — Ban hậu cần") {
		t.Errorf("club members in English:\n%s", page)
	}
	if strings.Contains(page, "Chủ nhiệm") {
		t.Errorf("a Vietnamese role word in the English window:\n%s", page)
	}
	var role *roleEntry
	eachObject(f.app.body, func(o fyne.CanvasObject) {
		if r, ok := o.(*roleEntry); ok {
			role = r
		}
	})
	if role == nil {
		t.Fatal("no role entry on the club's page")
	}
	test.Tap(role.ActionItem.(fyne.Tappable))
	var items []string
	eachObject(f.app.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok {
			items = append(items, t.Text)
		}
	})
	menu := strings.Join(items, "|")
	for _, want := range []string{"Chair", "Vice chair", "Secretary", "Member", "Adviser"} {
		if !strings.Contains(menu, want) {
			t.Errorf("role dropdown %q lacks %q", menu, want)
		}
	}
	f.app.win.Canvas().Overlays().Top().Hide()
	f.app.win.Canvas().Overlays().Remove(f.app.win.Canvas().Overlays().Top())

	role.SetText("Vice chair")
	var search *entry
	eachObject(f.app.body, func(o fyne.CanvasObject) {
		if e, ok := o.(*entry); ok && e.PlaceHolder == T("Tìm trong sổ hoặc gõ tên người ngoài sổ") {
			search = e
		}
	})
	if search == nil {
		t.Fatal("no search entry on the club's page")
	}
	search.SetText("Lý Văn Mới")
	tapIn(t, f.app.body, "Add outsider")
	tapIn(t, f.app.body, "Save")
	clubs, err := f.st.Clubs(ctx)
	if err != nil || len(clubs) != 1 {
		t.Fatal(clubs, err)
	}
	roles := map[string]string{}
	for _, m := range clubs[0].Members {
		roles[m.Name] = m.Role
	}
	if roles["Lý Văn Mới"] != "Phó chủ nhiệm" || roles["Trương Văn Lộc"] != "Ban hậu cần" || roles[people[0].FullName()] != "Chủ nhiệm" {
		t.Errorf("stored roles %v, want Vietnamese words (Phó chủ nhiệm for Vice chair)", roles)
	}
	// Cooperative groups' roles too.
	if got := roleLabel(domain.CoopRoles, "Tổ trưởng"); got != "Group leader" {
		t.Errorf("Tổ trưởng in English = %q", got)
	}
	if err := SetLanguage(LangVietnamese); err != nil {
		t.Fatal(err)
	}
	if got := roleLabel(domain.ClubRoles, "thành viên"); got != "Thành viên" {
		t.Errorf("thành viên in Vietnamese = %q", got)
	}
}

// TestPositionInEnglish: the Union office of a member, kept as its
// Vietnamese word, shows in the English members table in English.
func TestPositionInEnglish(t *testing.T) {
	f, people := englishLater(t)
	ctx := context.Background()
	if err := f.st.SavePosition(ctx, &domain.Position{PersonID: people[0].ID, Kind: "deputy", BranchID: people[0].BranchID,
		Start: domain.MustDate(2024, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	f.app.rebuild()
	f.app.goTo("members")
	m := f.members()
	f.waitFor("first page", func() bool { return len(m.pages[0]) == len(testNames) })
	var got []string
	for _, c := range m.cols {
		if c.title == "Position" {
			for r := 0; r < m.total; r++ {
				if p := m.row(r); p != nil && p.Position != "" {
					got = append(got, c.text(p, r))
				}
			}
		}
	}
	if len(got) != 1 || got[0] != "Deputy Secretary" {
		t.Errorf("positions in the English table: %q, want [Deputy Secretary]", got)
	}
}
