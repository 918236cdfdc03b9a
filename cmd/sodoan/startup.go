package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"sodoan/version"
)

// logName is the start-up log written beside the register. It holds what
// started on which system and why a start failed: never a member's data,
// and the user's home folder is written as ~ so that not even the Windows
// account name is in it.
const logName = "sodoan.log"

// maxLogSize is the size past which the log starts over (the old one is
// kept as sodoan.log.1), so a machine started daily for years keeps a small
// file.
const maxLogSize = 256 << 10

// failure is what kind of start-up error the user is told about; each has
// its own advice.
type failure int

const (
	failOther    failure = iota
	failRegister         // the register could not be opened
	failGraphics         // GLFW or OpenGL 2.1 could not start: no window
	failCrash            // a panic in the main goroutine
	failInUse            // another window holds the register
)

// registerError marks an error from opening the register, so that the user
// is told about the register and its backups rather than a generic fault.
type registerError struct{ err error }

func (e registerError) Error() string { return e.err.Error() }
func (e registerError) Unwrap() error { return e.err }

// guard watches a start of the window: it keeps the log beside the
// register, turns Fyne's report of a failed OpenGL start (which Fyne only
// writes to stderr, unseen with a Windows GUI program) into a shown error,
// and does the same for any other fatal error or panic.
type guard struct {
	mu      sync.Mutex
	path    string    // the log file; empty when it could not be written
	file    *os.File  // nil when the log could not be opened
	stderr  io.Writer // where every line is copied too
	home    string    // the user's home folder, written as ~ (%UserProfile% on Windows)
	dialog  func(title, text string)
	exit    func(code int)
	cleanup []func() // closes the register before a fatal exit
	pending string   // Fyne's last error reason, until its "At:" line
	cause   string
	glfwErr string // GLFW's last platform error (go-gl logs them)
	held    string // Fyne's "Getting favorite locations", until its cause
	skipAt  bool   // the held report was a note: its "At:" line goes too
	done    bool   // a fatal error has been reported
}

// newGuard opens (creating the folder if needed) the log beside the
// register at dbPath, writes the start line and takes over the standard
// logger, which Fyne reports its errors to. When the folder cannot be
// written, the log goes to the system's temporary folder instead.
func newGuard(dbPath string) *guard {
	g := &guard{stderr: os.Stderr, dialog: showDialog, exit: os.Exit}
	g.home, _ = os.UserHomeDir()
	dir := filepath.Dir(dbPath)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // the dialog names the log's full path
	}
	for _, dir := range []string{dir, os.TempDir()} {
		if f, err := openLog(filepath.Join(dir, logName)); err == nil {
			g.path, g.file = f.Name(), f
			break
		}
	}
	log.SetFlags(0)
	log.SetOutput(g)
	g.logf("%s, %s/%s%s: khởi động", version.String(), runtime.GOOS, runtime.GOARCH, osVersion())
	return g
}

// openLog opens the log for appending, starting over when it has grown past
// maxLogSize.
func openLog(path string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("tạo thư mục nhật ký: %w", err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxLogSize {
		_ = os.Rename(path, path+".1")
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("mở nhật ký: %w", err)
	}
	return f, nil
}

// redact writes the user's folders the way their users type them, which
// also leaves the account name out of the log and of what the user may
// forward: ~ on Linux; on Windows %AppData%, %LocalAppData% and
// %UserProfile%, which Explorer's address bar and cmd understand (~ means
// nothing there).
func (g *guard) redact(s string) string {
	if runtime.GOOS != "windows" {
		return redactHome(s, g.home, false)
	}
	return redactWindows(s, []folderAlias{
		{os.Getenv("APPDATA"), "%AppData%"},
		{os.Getenv("LOCALAPPDATA"), "%LocalAppData%"},
		{g.home, "%UserProfile%"},
	})
}

// folderAlias is a folder and the variable that names it on Windows.
type folderAlias struct{ dir, name string }

// redactWindows writes each folder of aliases in s as its name, caselessly
// (C:\Users\An and c:\users\an are one folder), longest first so that
// %AppData% wins over %UserProfile%\AppData\Roaming; also where a path
// is written with forward slashes (Fyne's file:// addresses, C:/Users/An),
// so that the log never holds the account's name.
func redactWindows(s string, aliases []folderAlias) string {
	sort.SliceStable(aliases, func(i, j int) bool { return len(aliases[i].dir) > len(aliases[j].dir) })
	for _, a := range aliases {
		dir := strings.TrimRight(a.dir, `\/`)
		s = replaceFolder(s, dir, a.name, true)
		s = replaceFolder(s, strings.ReplaceAll(dir, `\`, "/"), a.name, true)
	}
	return s
}

// redactHome replaces each home in s with ~; caseless for Windows, where
// C:\Users\An and c:\users\an are the same folder. A home shorter than
// four bytes ("/", "C:\") is left alone: it would eat every path.
func redactHome(s, home string, caseless bool) string {
	return replaceFolder(s, home, "~", caseless)
}

// replaceFolder replaces each dir in s with name. A folder shorter than
// four bytes ("/", "C:\") is left alone: it would eat every path.
func replaceFolder(s, dir, name string, caseless bool) string {
	if len(dir) < 4 {
		return s
	}
	if !caseless {
		return strings.ReplaceAll(s, dir, name)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+len(dir) <= len(s) && strings.EqualFold(s[i:i+len(dir)], dir) {
			b.WriteString(name)
			i += len(dir)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// logf writes one dated line to the log file and stderr.
func (g *guard) logf(format string, args ...any) {
	line := g.redact(fmt.Sprintf(format, args...))
	g.mu.Lock()
	defer g.mu.Unlock()
	g.writeLocked(line)
}

func (g *guard) writeLocked(line string) {
	// The wall clock: the log tells when things happened on the machine.
	stamp := time.Now().Format("2006-01-02 15:04:05")
	for _, l := range strings.Split(strings.TrimRight(line, "\n"), "\n") {
		if g.file != nil {
			fmt.Fprintf(g.file, "%s %s\n", stamp, l)
		}
		fmt.Fprintln(g.stderr, l)
	}
}

// Write receives the standard logger's lines (Fyne's errors among them),
// copies them to the log, and recognises Fyne's three-line report of a
// failed GLFW or window start:
//
//	Fyne error:  window creation error
//	  Cause: VersionUnavailable: WGL: OpenGL 2.1 …
//	  At: …/window_desktop.go:760
//
// Fyne then quits or exits by itself, so the failure is reported here, on
// its "At:" line, before Fyne goes on.
func (g *guard) Write(p []byte) (int, error) {
	var graphics string
	g.mu.Lock()
	sc := bufio.NewScanner(bytes.NewReader(p))
	for sc.Scan() {
		line := sc.Text()
		if g.quiet(line) {
			continue
		}
		g.writeLocked(g.redact(line))
		switch {
		case strings.HasPrefix(line, "Fyne error:"):
			reason := strings.TrimSpace(strings.TrimPrefix(line, "Fyne error:"))
			g.pending, g.cause = "", ""
			if reason == "window creation error" || reason == "failed to initialise GLFW" {
				g.pending = reason
			}
		case strings.HasPrefix(line, "  Cause:") && g.pending != "":
			g.cause = strings.TrimSpace(strings.TrimPrefix(line, "  Cause:"))
		case isGLFWError(line):
			g.glfwErr = line
		case strings.HasPrefix(line, "  At:") && g.pending != "":
			graphics = g.pending
			if g.cause != "" {
				graphics += ": " + g.cause
			}
			g.pending, g.cause = "", ""
		}
	}
	g.mu.Unlock()
	if graphics != "" {
		g.fatal(failGraphics, errors.New(graphics))
	}
	return len(p), nil
}

// quiet turns Fyne's report of a folder the system does not define (its
// file dialog asks xdg-user-dir for Videos, Music…, and a Linux machine
// without them gets a "Fyne error" each time the dialog opens) into a note
// in the log: nothing failed, and stderr keeps "Fyne error" for real ones.
// It reports whether it took the line. Called with g.mu held.
func (g *guard) quiet(line string) bool {
	const reason = "Getting favorite locations"
	switch {
	case strings.HasPrefix(line, "Fyne error:") && strings.TrimSpace(strings.TrimPrefix(line, "Fyne error:")) == reason:
		g.held = line
		return true
	case g.held != "" && strings.HasPrefix(line, "  Cause:") && strings.Contains(line, "does not define a"):
		g.held, g.skipAt = "", true
		g.writeLocked("Ghi chú: hộp chọn tệp bỏ một thư mục máy không khai báo (" + strings.TrimSpace(strings.TrimPrefix(line, "  Cause:")) + ")")
		return true
	case g.skipAt && strings.HasPrefix(line, "  At:"):
		g.skipAt = false
		return true
	case g.held != "":
		g.writeLocked(g.redact(g.held)) // another cause: a real error
		g.held = ""
	}
	g.skipAt = false
	return false
}

// onFatal adds a function run before a fatal exit (closing the register).
func (g *guard) onFatal(f func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.cleanup = append(g.cleanup, f)
}

// fatal logs err, tells the user on stderr and in a dialog what happened
// and what to do, and exits with status 1. It reports once: a second fatal error (Fyne
// failing again on the way out) only exits.
func (g *guard) fatal(kind failure, err error) {
	g.mu.Lock()
	first := !g.done
	g.done = true
	cleanup := g.cleanup
	g.cleanup = nil
	g.mu.Unlock()
	if first {
		g.logf("LỖI (%s): %v", kindName[kind], err)
		for _, f := range cleanup {
			f()
		}
		text := g.redact(advice(kind, err, g.path))
		fmt.Fprintln(g.stderr, "\n"+text)
		g.dialog("Sổ Đoàn không khởi động được", text)
	}
	g.close()
	g.exit(1)
}

var kindName = map[failure]string{
	failOther:    "khởi động",
	failRegister: "mở sổ",
	failGraphics: "đồ họa",
	failCrash:    "sự cố",
	failInUse:    "sổ đang mở",
}

// recover turns a panic of the main goroutine (which runs the window's
// event loop) into a logged and shown error. Deferred in main. GLFW panics
// when it could not start (no display, no OpenGL): that is told as a
// graphics failure, with the platform error GLFW logged before.
func (g *guard) recover() {
	r := recover()
	if r == nil {
		return
	}
	if strings.HasSuffix(fmt.Sprintf("%T", r), "glfw.Error") {
		g.mu.Lock()
		cause := g.glfwErr
		g.mu.Unlock()
		if cause != "" {
			g.fatal(failGraphics, fmt.Errorf("%s (%v)", cause, r))
		}
		g.fatal(failGraphics, fmt.Errorf("%v", r))
	}
	g.fatal(failCrash, fmt.Errorf("%v\n%s", r, debug.Stack()))
}

// isGLFWError tells GLFW's own error lines (which go-gl writes to the
// standard logger) by their error code names.
func isGLFWError(line string) bool {
	for _, p := range []string{"PlatformError:", "APIUnavailable:", "VersionUnavailable:", "FormatUnavailable:"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// close writes the closing line and closes the log.
func (g *guard) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.file != nil {
		g.file.Close()
		g.file = nil
	}
}

// advice is the text of the dialog: what happened, what the user can do,
// and where the details are.
func advice(kind failure, err error, logPath string) string {
	var b strings.Builder
	switch kind {
	case failGraphics:
		b.WriteString(graphicsAdvice())
	case failRegister:
		b.WriteString("Sổ Đoàn không mở được sổ dữ liệu.\n\n")
		b.WriteString(err.Error())
		b.WriteString("\n\nCách khắc phục:\n" +
			"• Nếu tệp sổ vừa được chép từ máy khác hoặc từ USB, hãy chép lại.\n" +
			"• Khôi phục bản sao lưu gần nhất trong thư mục sao-luu cạnh tệp sổ.\n" +
			"• Nếu vẫn không được, gửi tệp nhật ký dưới đây cho người hỗ trợ.\n")
	case failInUse:
		b.WriteString("Sổ này đang được mở trong một cửa sổ Sổ Đoàn khác.\n\n" +
			"Hãy dùng cửa sổ đó (trên thanh tác vụ): mỗi sổ chỉ mở trong một cửa sổ, để hai nơi không sửa cùng lúc.\n")
	case failCrash:
		b.WriteString("Sổ Đoàn gặp lỗi và phải đóng. Những thay đổi đã lưu vẫn còn trong sổ.\n\n")
		b.WriteString(firstLine(err.Error()))
		b.WriteString("\n\nHãy mở lại Sổ Đoàn; nếu lỗi lặp lại, gửi tệp nhật ký dưới đây cho người hỗ trợ.\n")
	default:
		b.WriteString("Sổ Đoàn gặp lỗi khi khởi động.\n\n")
		b.WriteString(err.Error())
		b.WriteString("\n\nNếu lỗi lặp lại, gửi tệp nhật ký dưới đây cho người hỗ trợ.\n")
	}
	if logPath != "" {
		b.WriteString("\nNhật ký: " + logPath)
	}
	return b.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
