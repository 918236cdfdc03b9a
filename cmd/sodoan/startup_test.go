package main

import (
	"bytes"
	"errors"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/store"
)

// testGuard is a guard writing its log in dir, with the dialog and the exit
// recorded instead of shown and taken.
type testGuard struct {
	*guard
	stderr  bytes.Buffer
	dialogs []string
	exits   []int
}

func newTestGuard(t *testing.T, dir, home string) *testGuard {
	t.Helper()
	f, err := openLog(filepath.Join(dir, logName))
	if err != nil {
		t.Fatal(err)
	}
	tg := &testGuard{}
	tg.guard = &guard{path: f.Name(), file: f, stderr: &tg.stderr, home: home,
		dialog: func(title, text string) { tg.dialogs = append(tg.dialogs, title+"\n"+text) },
		exit:   func(code int) { tg.exits = append(tg.exits, code) },
	}
	t.Cleanup(func() { tg.close() })
	return tg
}

func readLog(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Fyne reports a failed window (no OpenGL 2.1) only to the standard logger
// and then quits: the guard must turn exactly that report into a logged,
// shown error and exit 1, and let Fyne's other errors pass.
func TestGuardCatchesFyneGraphicsFailure(t *testing.T) {
	for _, tc := range []struct {
		name, report string
		fatal        bool
	}{
		{"window", "Fyne error:  window creation error\n  Cause: VersionUnavailable: WGL: OpenGL 2.1 not available\n  At: fyne.io/fyne/v2/internal/driver/glfw/window_desktop.go:760\n", true},
		{"glfw", "Fyne error:  failed to initialise GLFW\n  Cause: X11: The DISPLAY environment variable is missing\n  At: fyne.io/fyne/v2/internal/driver/glfw/loop_desktop.go:14\n", true},
		{"other", "Fyne error:  Failed to decode image for window icon\n  Cause: unknown format\n  At: window_desktop.go:214\n", false},
		{"cause of other, then window text", "Fyne error:  Error reading scale\n  Cause: window creation error\n  At: scale.go:51\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tg := newTestGuard(t, dir, "")
			var onFatal int
			tg.onFatal(func() { onFatal++ })
			// Through the standard logger, as Fyne writes, line by line.
			lg := log.New(tg.guard, "", 0)
			for _, l := range strings.SplitAfter(tc.report, "\n") {
				if l != "" {
					lg.Print(l)
				}
			}
			if !tc.fatal {
				if len(tg.exits) != 0 || len(tg.dialogs) != 0 {
					t.Fatalf("non-fatal Fyne error ended the start: exits %v, dialogs %q", tg.exits, tg.dialogs)
				}
				return
			}
			if len(tg.exits) != 1 || tg.exits[0] != 1 || len(tg.dialogs) != 1 || onFatal != 1 {
				t.Fatalf("exits %v, dialogs %d, cleanups %d; want one of each, status 1", tg.exits, len(tg.dialogs), onFatal)
			}
			for _, want := range []string{"OpenGL 2.1", "Cách khắc phục", "Nhật ký: " + filepath.Join(dir, logName)} {
				if !strings.Contains(tg.dialogs[0], want) {
					t.Errorf("dialog lacks %q:\n%s", want, tg.dialogs[0])
				}
			}
			lg2 := readLog(t, filepath.Join(dir, logName))
			cause := strings.TrimSpace(strings.TrimPrefix(strings.Split(tc.report, "\n")[1], "  Cause:"))
			if !strings.Contains(lg2, "LỖI (đồ họa)") || !strings.Contains(lg2, cause) {
				t.Errorf("log lacks the graphics failure and its cause %q:\n%s", cause, lg2)
			}
			// A second failure on the way out (Fyne logs again) only exits.
			tg.fatal(failOther, errors.New("lần nữa"))
			if len(tg.dialogs) != 1 || onFatal != 1 {
				t.Errorf("second fatal error showed %d dialogs, ran %d cleanups", len(tg.dialogs), onFatal)
			}
		})
	}
}

// The log holds no account name: the home folder is written as ~, in the
// file, on stderr and in the dialog.
func TestGuardRedactsHome(t *testing.T) {
	home := filepath.Join(t.TempDir(), "Nguyen Thi Hoa")
	dir := filepath.Join(home, "AppData", "SoDoan")
	tg := newTestGuard(t, dir, home)
	tg.fatal(failRegister, registerError{errors.New("mở sổ " + filepath.Join(dir, "so-doan.db") + ": file is not a database")})
	lg := readLog(t, filepath.Join(dir, logName))
	for name, text := range map[string]string{"log": lg, "stderr": tg.stderr.String(), "dialog": tg.dialogs[0]} {
		if strings.Contains(text, "Nguyen Thi Hoa") {
			t.Errorf("%s names the account:\n%s", name, text)
		}
	}
	if want := filepath.Join("~", "AppData", "SoDoan", "so-doan.db"); !strings.Contains(lg, want) {
		t.Errorf("log lacks %q:\n%s", want, lg)
	}
	if !strings.Contains(tg.dialogs[0], "sao-luu") || !strings.Contains(tg.dialogs[0], "file is not a database") {
		t.Errorf("register dialog lacks the error or the backups:\n%s", tg.dialogs[0])
	}
}

func TestRedactHome(t *testing.T) {
	for _, tc := range []struct {
		s, home  string
		caseless bool
		want     string
	}{
		{`mở sổ C:\Users\Nguyễn Thị Hoa\AppData\Roaming\SoDoan\so-doan.db`, `C:\Users\Nguyễn Thị Hoa`, true, `mở sổ ~\AppData\Roaming\SoDoan\so-doan.db`},
		{`c:\users\nguyễn thị hoa\x và C:\USERS\NGUYỄN THỊ HOA\y`, `C:\Users\Nguyễn Thị Hoa`, true, `~\x và ~\y`},
		{`/home/Hoa/a và /home/hoa/b`, `/home/Hoa`, false, `~/a và /home/hoa/b`},
		{`C:\x`, `C:\`, true, `C:\x`},
		{`không có đường dẫn`, ``, false, `không có đường dẫn`},
	} {
		if got := redactHome(tc.s, tc.home, tc.caseless); got != tc.want {
			t.Errorf("redactHome(%q, %q, %v) = %q, want %q", tc.s, tc.home, tc.caseless, got, tc.want)
		}
	}
}

// A log past maxLogSize starts over, the old one kept as sodoan.log.1.
func TestLogStartsOver(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, logName)
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), maxLogSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := openLog(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Fatalf("log not started over: %v %v", fi, err)
	}
	if fi, err := os.Stat(path + ".1"); err != nil || fi.Size() != maxLogSize+1 {
		t.Fatalf("old log not kept: %v %v", fi, err)
	}
}

// The real program: --version, a broken register and no display each do
// what the user is told, with exit status 1 and the log beside the register.
func TestProgramStartFailures(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "sodoan")
	build := exec.Command("go", "build", "-ldflags", "-X sodoan/version.Version=9.8.7 -X sodoan/version.Date=2026-11-28", "-o", exe, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	home := filepath.Join(dir, "home")
	run := func(env []string, args ...string) (string, int) {
		cmd := exec.Command(exe, args...)
		cmd.Env = append([]string{"HOME=" + home, "LANG=vi_VN.UTF-8", "SODOAN_NO_DIALOG=1", "XDG_DATA_HOME=" + filepath.Join(home, "data"), "PATH=" + os.Getenv("PATH")}, env...)
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return string(out), ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}

	out, code := run(nil, "--version")
	if code != 0 || out != "Sổ Đoàn 9.8.7, dựng ngày 28/11/2026\n" {
		t.Fatalf("--version: status %d, %q", code, out)
	}

	// A file that is not a register: refused, left as it was, logged.
	regDir := filepath.Join(home, "Tài liệu")
	if err := os.MkdirAll(regDir, 0o755); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(regDir, "so.db")
	junk := []byte("đây không phải sổ\n")
	if err := os.WriteFile(broken, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run([]string{"DISPLAY=:nowhere"}, "--db", broken)
	if code != 1 || !strings.Contains(out, "LỖI (mở sổ)") {
		t.Fatalf("broken register: status %d, output:\n%s", code, out)
	}
	if got, _ := os.ReadFile(broken); !bytes.Equal(got, junk) {
		t.Fatalf("broken register changed to %q", got)
	}
	lg := readLog(t, filepath.Join(regDir, logName))
	for _, want := range []string{"Sổ Đoàn 9.8.7, dựng ngày 28/11/2026, linux/", ": khởi động", "LỖI (mở sổ)", filepath.Join("~", "Tài liệu", "so.db")} {
		if !strings.Contains(lg, want) {
			t.Errorf("log beside the broken register lacks %q:\n%s", want, lg)
		}
	}
	if strings.Contains(lg, home) {
		t.Errorf("log holds the home folder %s:\n%s", home, lg)
	}

	// A good register but no display at all: GLFW cannot start.
	good := filepath.Join(regDir, "tot.db")
	st, err := store.OpenWith(good, store.OpenOptions{Create: true, Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	// While another window holds it, the register is refused first.
	out, code = run(nil, "--db", good)
	if code != 1 || !strings.Contains(out, "LỖI (sổ đang mở)") || !strings.Contains(out, "cửa sổ Sổ Đoàn khác") {
		t.Fatalf("register held by another window: status %d, output:\n%s", code, out)
	}
	st.Close()
	out, code = run(nil, "--db", good)
	if code != 1 || !strings.Contains(out, "LỖI (đồ họa)") || !strings.Contains(out, "không mở được cửa sổ") {
		t.Fatalf("no display: status %d, output:\n%s", code, out)
	}
	if lg := readLog(t, filepath.Join(regDir, logName)); !strings.Contains(lg, "LỖI (đồ họa): PlatformError: X11: The DISPLAY environment variable is missing") {
		t.Errorf("log lacks the graphics failure:\n%s", lg)
	}
}

// Fyne's file dialog reports each favourite folder the system does not
// define (no XDG Videos folder) as a "Fyne error", though nothing failed:
// the guard logs it as a note, and keeps a real error of the same reason.
func TestGuardNotesUndefinedFolder(t *testing.T) {
	for _, tc := range []struct {
		name, report string
		fyneError    bool
	}{
		{"undefined folder", "Fyne error:  Getting favorite locations\n  Cause: this computer does not define a VIDEOS folder\n  At: fyne.io/fyne/v2/dialog/file.go:396\n", false},
		{"another cause", "Fyne error:  Getting favorite locations\n  Cause: open /home/x/Music: permission denied\n  At: fyne.io/fyne/v2/dialog/file.go:396\n", true},
		{"other error after it", "Fyne error:  Getting favorite locations\n  Cause: this computer does not define a MUSIC folder\n  At: file.go:396\nFyne error:  Failed to decode image\n  Cause: unknown format\n  At: x.go:1\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tg := newTestGuard(t, dir, "")
			lg := log.New(tg.guard, "", 0)
			for _, l := range strings.SplitAfter(tc.report, "\n") {
				if l != "" {
					lg.Print(l)
				}
			}
			out := tg.stderr.String()
			if got := strings.Contains(out, "Fyne error"); got != tc.fyneError {
				t.Fatalf("stderr has a Fyne error: %v, want %v:\n%s", got, tc.fyneError, out)
			}
			if strings.Contains(tc.report, "does not define a") && !strings.Contains(readLog(t, filepath.Join(dir, logName)), "Ghi chú: hộp chọn tệp bỏ một thư mục máy không khai báo") {
				t.Errorf("the log lacks the note:\n%s", readLog(t, filepath.Join(dir, logName)))
			}
			if tc.name == "another cause" && !strings.Contains(out, "permission denied") {
				t.Errorf("the real cause was lost:\n%s", out)
			}
		})
	}
}

// TestRedactWindows: on Windows the log and the dialog name the user's
// folders as Explorer and cmd take them: %AppData%, %LocalAppData%,
// %UserProfile%, one backslash, never ~.
func TestRedactWindows(t *testing.T) {
	aliases := []folderAlias{
		{`C:\Users\Nguyễn Thị Hoa\AppData\Roaming`, "%AppData%"},
		{`C:\Users\Nguyễn Thị Hoa\AppData\Local\`, "%LocalAppData%"},
		{`C:\Users\Nguyễn Thị Hoa`, "%UserProfile%"},
	}
	for _, tc := range []struct{ s, want string }{
		{`nhật ký: C:\Users\Nguyễn Thị Hoa\AppData\Roaming\SoDoan\sodoan.log`, `nhật ký: %AppData%\SoDoan\sodoan.log`},
		{`c:\users\nguyễn thị hoa\appdata\local\Temp\x`, `%LocalAppData%\Temp\x`},
		{`sổ C:\Users\Nguyễn Thị Hoa\Documents\Sổ Đoàn\so.db`, `sổ %UserProfile%\Documents\Sổ Đoàn\so.db`},
		{`D:\Sổ Đoàn\so.db`, `D:\Sổ Đoàn\so.db`},
		// Fyne's errors name files by address, with forward slashes.
		{`Cause: open file://C:/Users/Nguyễn Thị Hoa/AppData/Roaming/fyne/x.json: EOF`, `Cause: open file://%AppData%/fyne/x.json: EOF`},
		{`C:/users/NGUYỄN THỊ HOA/Documents`, `%UserProfile%/Documents`},
	} {
		if got := redactWindows(tc.s, append([]folderAlias(nil), aliases...)); got != tc.want {
			t.Errorf("redactWindows(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
	// A variable not set (an empty folder) changes nothing.
	if got := redactWindows(`C:\x\y`, []folderAlias{{"", "%AppData%"}}); got != `C:\x\y` {
		t.Errorf("empty alias: %q", got)
	}
}
