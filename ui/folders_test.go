package ui

import (
	"os"
	"path/filepath"
	"testing"
)

func TestXDGDocumentsDir(t *testing.T) {
	home := t.TempDir()
	cfg := filepath.Join(home, "cfg")
	t.Setenv("XDG_CONFIG_HOME", cfg)
	if err := os.MkdirAll(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ file, want string }{
		{"XDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Tài liệu\"\n", filepath.Join(home, "Tài liệu")},
		{"XDG_DOCUMENTS_DIR=\"/srv/docs\"\n", "/srv/docs"},
		{"XDG_DOCUMENTS_DIR=\"$HOME/\"\n", ""}, // documents = home: none set
		{"XDG_DOCUMENTS_DIR=\"$HOME\"\n", ""},
		{"# nothing\n", ""},
	}
	for _, tc := range tests {
		if err := os.WriteFile(filepath.Join(cfg, "user-dirs.dirs"), []byte(tc.file), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := xdgDocumentsDir(home); filepath.Clean(got) != filepath.Clean(tc.want) && !(got == "" && tc.want == "") {
			t.Errorf("%q: %q, want %q", tc.file, got, tc.want)
		}
	}
}

// TestDocumentsFolder: documents go to "Sổ Đoàn/<year>" in the user's
// documents folder, or to the folder chosen in Settings, never to the
// hidden data folder of the register.
func TestDocumentsFolder(t *testing.T) {
	f := newFixture(t, "settings")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	if err := os.MkdirAll(filepath.Join(home, "Documents"), 0o755); err != nil {
		t.Fatal(err)
	}
	f.app.folders.reportsDir = ""
	dir, err := f.app.folders.yearDir(2026)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "Documents", "Sổ Đoàn", "2026"); dir != want {
		t.Errorf("default folder %q, want %q", dir, want)
	}
	chosen := filepath.Join(t.TempDir(), "USB")
	f.app.fa.Preferences().SetString(prefDocsDir, chosen)
	if dir, _ := f.app.folders.yearDir(2025); dir != filepath.Join(chosen, "2025") {
		t.Errorf("chosen folder gives %q", dir)
	}
	if fi, err := os.Stat(filepath.Join(chosen, "2025")); err != nil || !fi.IsDir() {
		t.Errorf("year folder not created: %v", err)
	}
}
