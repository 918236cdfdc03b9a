package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sodoan/domain"
	"sodoan/store"
)

// Whatever makes the window's screens again asks first about typing not
// saved (issue 17's leftover): the language switch in Settings, with the
// report's text typed on Báo cáo or the unit's name typed on Settings
// itself, and a restore from a backup. Ở lại keeps everything as it was.

// languageSelect is the language choice on the Settings screen shown.
func languageSelect(t *testing.T, f *fixture) *selectBox {
	t.Helper()
	var sel *selectBox
	walk(f.app.win.Canvas().Content(), func(o fyne.CanvasObject) bool {
		if s, ok := o.(*selectBox); ok && len(s.Options) == 2 && s.Options[1] == "English" {
			sel = s
		}
		return sel == nil
	})
	if sel == nil {
		t.Fatal("no language choice on Settings")
	}
	return sel
}

// topText is the words of the dialog on top ("" when none).
func topText(f *fixture) string {
	o := f.app.win.Canvas().Overlays().Top()
	if o == nil {
		return ""
	}
	return strings.Join(labelTexts(o), "\n")
}

func TestLanguageSwitchAsksAboutReportText(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	ctx := context.Background()
	f := newFixture(t, "reports")
	reports := f.app.screens["reports"].(*reportsScreen)
	texts := reports.texts
	doc, key := texts.shownDoc, texts.shownKey
	texts.entries["inspection"].SetText("Kiểm tra 3 chi đoàn, chưa lưu.")

	f.app.goTo("settings")
	languageSelect(t, f).SetSelectedIndex(1)
	if q := topText(f); !strings.Contains(q, "Nội dung văn bản có thay đổi chưa lưu") {
		t.Fatalf("the language switch did not ask about the report's text; on top: %q", q)
	}
	if currentLang != LangVietnamese || languageSelect(t, f).SelectedIndex() != 0 {
		t.Fatalf("while asking: language %s, choice %d; want Vietnamese shown", currentLang, languageSelect(t, f).SelectedIndex())
	}
	// Ở lại: the same screens, the typing kept, the language unchanged.
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	if currentLang != LangVietnamese || f.app.screens["reports"] != reports || texts.entries["inspection"].Text != "Kiểm tra 3 chi đoàn, chưa lưu." {
		t.Fatalf("Ở lại: language %s, reports screen kept %v, text %q", currentLang, f.app.screens["reports"] == reports, texts.entries["inspection"].Text)
	}
	if f.app.prefsLanguage() != LangVietnamese {
		t.Error("Ở lại kept English for the next start")
	}
	// Lưu: the text is saved, then the window is made again in English.
	languageSelect(t, f).SetSelectedIndex(1)
	test.Tap(findButtonInOverlay(f, "Lưu"))
	if currentLang != LangEnglish || f.app.prefsLanguage() != LangEnglish {
		t.Fatalf("after Lưu the language is %s (kept for next start: %s)", currentLang, f.app.prefsLanguage())
	}
	if f.app.screens["reports"] == reports || f.app.current != "settings" {
		t.Errorf("the window was not made again on Settings (current %s)", f.app.current)
	}
	n, err := f.st.Narrative(ctx, doc, key)
	if err != nil || n["inspection"] != "Kiểm tra 3 chi đoàn, chưa lưu." {
		t.Errorf("Lưu in the question saved %q (%v)", n["inspection"], err)
	}
	// Nothing typed: the switch back asks nothing.
	languageSelect(t, f).SetSelectedIndex(0)
	if currentLang != LangVietnamese || topText(f) != "" {
		t.Errorf("switching back with nothing typed: language %s, on top %q", currentLang, topText(f))
	}
}

func TestLanguageSwitchAsksAboutUnitTyping(t *testing.T) {
	t.Cleanup(func() { SetLanguage(LangVietnamese) })
	ctx := context.Background()
	f := newFixture(t, "settings")
	s := f.app.screens["settings"].(*settingsScreen)
	s.uf.name.SetText("BCH Đoàn Phường 2")
	// Another screen and back: the typing is still there.
	f.app.goTo("members")
	f.app.goTo("settings")
	if s.uf.name.Text != "BCH Đoàn Phường 2" {
		t.Fatalf("coming back to Settings the unit's name is %q", s.uf.name.Text)
	}
	languageSelect(t, f).SetSelectedIndex(1)
	if !strings.Contains(topText(f), "Thông tin đơn vị có thay đổi chưa lưu") {
		t.Fatalf("the language switch did not ask about the unit's name; on top %q", topText(f))
	}
	// Bỏ thay đổi: the unit stays as saved, the window switches.
	test.Tap(findButtonInOverlay(f, "Bỏ thay đổi"))
	if currentLang != LangEnglish {
		t.Fatalf("after Bỏ thay đổi the language is %s", currentLang)
	}
	u, err := f.st.Unit(ctx)
	if err != nil || u.Name != "BCH ĐOÀN PHƯỜNG 1" {
		t.Errorf("discarded typing reached the register: %q (%v)", u.Name, err)
	}
	if ns := f.app.screens["settings"].(*settingsScreen); ns.uf.name.Text != "BCH ĐOÀN PHƯỜNG 1" {
		t.Errorf("the rebuilt Settings show %q", ns.uf.name.Text)
	}
}

// A restore from a backup asks first; Ở lại restores nothing.
func TestRestoreAsksAboutTyping(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, "reports")
	texts := f.app.screens["reports"].(*reportsScreen).texts
	texts.entries["inspection"].SetText("Chưa lưu")
	bk, err := f.st.BackupNow(ctx, store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	extra := &domain.Person{FamilyName: "Mai", MiddleName: "Thị", GivenName: "Thu", Gender: domain.Female,
		BirthDate: domain.MustDate(2003, 4, 5), UnionMember: true, AdmissionDate: domain.MustDate(2019, 3, 26)}
	if err := f.st.SavePerson(ctx, extra); err != nil {
		t.Fatal(err)
	}
	f.app.goTo("settings")
	f.app.screens["settings"].(*settingsScreen).backups.confirmRestore(bk.Path)
	if q := topText(f); !strings.Contains(q, "chưa lưu") || strings.Contains(q, "Khôi phục sổ từ") {
		t.Fatalf("the restore did not ask about the text first; on top %q", q)
	}
	test.Tap(findButtonInOverlay(f, "Ở lại"))
	if topText(f) != "" || texts.entries["inspection"].Text != "Chưa lưu" {
		t.Fatalf("Ở lại: on top %q, text %q", topText(f), texts.entries["inspection"].Text)
	}
	if _, err := f.st.Person(ctx, extra.ID); err != nil {
		t.Errorf("Ở lại restored the backup: %v", err)
	}
	// Bỏ thay đổi goes on to the restore's own question.
	f.app.screens["settings"].(*settingsScreen).backups.confirmRestore(bk.Path)
	test.Tap(findButtonInOverlay(f, "Bỏ thay đổi"))
	if q := topText(f); !strings.Contains(q, "Khôi phục sổ từ") {
		t.Errorf("after Bỏ thay đổi the restore's question is not shown: %q", q)
	}
}

// prefsLanguage is the language kept for the next start.
func (a *App) prefsLanguage() string {
	return a.fa.Preferences().StringWithFallback(prefLanguage, LangVietnamese)
}
