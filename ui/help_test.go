package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"sodoan/assets"
	"sodoan/domain"
)

// TestHelpOpensWithF1: F1 opens the guide over what is on screen, from
// the window and from a focused box, without closing a form being filled
// in; F1 again does not stack a second guide; Esc closes it.
func TestHelpOpensWithF1(t *testing.T) {
	f1 := &fyne.KeyEvent{Name: fyne.KeyF1}
	cases := []struct {
		name string
		// press sends F1 where the case says and returns how many
		// dialogs were open before it.
		press func(f *fixture) int
	}{
		{"nothing focused", func(f *fixture) int {
			f.app.win.Canvas().Unfocus()
			f.app.win.Canvas().OnTypedKey()(f1)
			return 0
		}},
		{"the search box", func(f *fixture) int {
			f.members().search.TypedKey(f1)
			return 0
		}},
		{"a half-filled member form", func(f *fixture) int {
			mf := f.app.editor.edit(&domain.Person{UnionMember: true}, nil)
			e := mf.entry("FamilyName")
			e.SetText("Nguyễn")
			e.TypedKey(f1)
			return 1
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, "members")
			before := c.press(f)
			if got := len(f.app.dialogs); got != before+1 {
				t.Fatalf("%d dialogs after F1, want %d", got, before+1)
			}
			top := f.app.dialogs[len(f.app.dialogs)-1].d
			if top != f.app.help {
				t.Fatal("the top dialog is not the guide")
			}
			if _, ok := top.(*dialog.CustomDialog); !ok {
				t.Fatalf("guide is a %T", top)
			}
			f.app.win.Canvas().OnTypedKey()(f1)
			if got := len(f.app.dialogs); got != before+1 {
				t.Errorf("F1 again: %d dialogs, want %d", got, before+1)
			}
			f.app.escape()
			if got := len(f.app.dialogs); got != before {
				t.Errorf("after Esc: %d dialogs, want %d (the form kept)", got, before)
			}
		})
	}
}

// TestHelpGuide: both guides have the five parts the issue asks for, and
// every button or place they name in bold is one the window shows, in
// that language, so that the guide cannot drift from the window silently.
func TestHelpGuide(t *testing.T) {
	table := englishTable(t)
	vi := map[string]bool{}
	for _, s := range uiLiterals(t) {
		if _, plain, ok := strings.Cut(s, "|"); ok {
			s = plain
		}
		vi[s] = true
	}
	en := map[string]bool{}
	for _, v := range table {
		if s, ok := v.(string); ok {
			en[s] = true
		}
	}
	// Keys, and words of the sheets rather than the window.
	keys := map[string]bool{"F1": true, "Ctrl+F": true, "Ctrl+N": true, "Ctrl+S": true, "Esc": true, "Ctrl+Q": true, "Chức vụ": true}
	bold := regexp.MustCompile(`\*\*([^*]+)\*\*`)
	cases := []struct {
		file     string
		headings []string
		known    map[string]bool
	}{
		{"help/vi.md", []string{"# Hướng dẫn nhanh Sổ Đoàn", "## Bước đầu", "## Nhập danh sách từ Excel", "## Báo cáo và danh sách", "## Sao lưu", "## Gói số liệu gửi cấp trên"}, vi},
		{"help/en.md", []string{"# Sổ Đoàn quick guide", "## First steps", "## Importing a list from Excel", "## Reports and lists", "## Backups", "## The package for the upper level"}, en},
	}
	for _, c := range cases {
		data, err := assets.Help.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, h := range c.headings {
			if !strings.Contains(text, "\n"+h+"\n") && !strings.HasPrefix(text, h+"\n") {
				t.Errorf("%s: no heading %q", c.file, h)
			}
		}
		for _, m := range bold.FindAllStringSubmatch(text, -1) {
			for _, part := range strings.Split(m[1], " › ") {
				if !c.known[part] && !keys[part] {
					t.Errorf("%s names %q, which the window does not show", c.file, part)
				}
			}
		}
	}
	// The window shows the guide of its language.
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	defer SetLanguage(LangVietnamese)
	if !strings.HasPrefix(helpText(), "# Sổ Đoàn quick guide") {
		t.Errorf("English window's guide starts %q", helpText()[:40])
	}
}
