package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAliasFolder: the user's folders in the words the user types, one
// separator, whole folders only, caseless on Windows.
func TestAliasFolder(t *testing.T) {
	win := []folderAlias{
		{`C:\Users\An\AppData\Roaming`, "%AppData%"},
		{`C:\Users\An\AppData\Local\`, "%LocalAppData%"},
		{`C:\Users\An`, "%UserProfile%"},
	}
	tests := []struct {
		p, want string
	}{
		{`C:\Users\An\AppData\Roaming\SoDoan\so-doan.db`, `%AppData%\SoDoan\so-doan.db`},
		{`c:\users\an\appdata\roaming\SoDoan\so-doan.db`, `%AppData%\SoDoan\so-doan.db`},
		{`C:\Users\An\AppData\Local\Programs\SoDoan`, `%LocalAppData%\Programs\SoDoan`},
		{`C:\Users\An\Documents\Sổ Đoàn\2026`, `%UserProfile%\Documents\Sổ Đoàn\2026`},
		{`C:\Users\An`, `%UserProfile%`},
		// Another account whose name starts the same is not An's folder.
		{`C:\Users\Anh\Documents`, `C:\Users\Anh\Documents`},
		{`E:\SoDoan-0.1.0\du-lieu\so-doan.db`, `E:\SoDoan-0.1.0\du-lieu\so-doan.db`},
	}
	for _, tt := range tests {
		if got := aliasFolder(tt.p, win, `\`, true); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.p, got, tt.want)
		}
	}
	home := []folderAlias{{"/home/an", "~"}}
	for p, want := range map[string]string{
		"/home/an/.local/share/sodoan/so-doan.db": "~/.local/share/sodoan/so-doan.db",
		"/home/anh/so.db":                         "/home/anh/so.db",
		"/HOME/AN/so.db":                          "/HOME/AN/so.db", // Linux names have case
	} {
		if got := aliasFolder(p, home, "/", false); got != want {
			t.Errorf("%s: %s, want %s", p, got, want)
		}
	}
}

// TestHelpPathsPlain: the help names the default register in the user's
// words, not as Go's quoted string (which doubles every backslash on
// Windows), and the default is still the one used.
func TestHelpPathsPlain(t *testing.T) {
	help, _, err := cli(t, "--help")
	if exitCode(err) != 0 {
		t.Fatal(err)
	}
	want := "tệp sổ đoàn viên (SQLite); không ghi thì là " + userPath(defaultDB()) + "\n"
	if !strings.Contains(help, want) || strings.Contains(help, "(default") || strings.Contains(help, `\\`) {
		t.Errorf("--help:\n%s\nwant the line %q", help, want)
	}
}

// TestDefaultRegister: without --db the register is the user's own, as
// before the default moved into the flag's text.
func TestDefaultRegister(t *testing.T) {
	xdg := t.TempDir()
	t.Setenv("XDG_DATA_HOME", xdg)
	if _, _, err := cli(t, "init"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(xdg, "sodoan", "so-doan.db")); err != nil {
		t.Errorf("init without --db: %v", err)
	}
}

// TestExtraArgsPlain: arguments a command does not take are named as
// typed, a Windows path with its single backslashes; a wrong command
// line, exit code 2.
func TestExtraArgsPlain(t *testing.T) {
	db := filepath.Join(t.TempDir(), "so.db")
	if _, _, err := cli(t, "--db", db, "init"); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"backups", "list", `C:\Users\An\Sổ Đoàn\so.db`},
		{"history", `C:\Users\An\Sổ Đoàn\so.db`},
	} {
		_, _, err := cli(t, append([]string{"--db", db}, args...)...)
		want := "tham số thừa “" + `C:\Users\An\Sổ Đoàn\so.db` + "”"
		if err == nil || !strings.HasSuffix(err.Error(), want) || exitCode(err) != exitUsage {
			t.Errorf("%q: %v, want it to end %s", args, err, want)
		}
	}
	_, _, err := cli(t, "--db", db, "check", `---out=C:\a`)
	if err == nil || err.Error() != `tham số “---out=C:\a” sai cú pháp` {
		t.Errorf("bad flag syntax: %v", err)
	}
}
