package main

// The real-window test: the app built with its test mode (the uitrace tag,
// see ui/trace.go), the real GLFW driver on a private Xvfb display at
// 1366×768, clicked and typed into with xdotool. The app tells the test
// where its controls are through the trace socket; the test fails on a
// panic, a "Fyne error", the app exiting, a dropdown showing another value
// than the one it holds, and a validation message without room on screen.
// A crash is reported once and the app restarted, so that one run lists
// every problem rather than the first.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sodoan/internal/testtool"
)

const screenW, screenH = 1366, 768

// control mirrors ui.TraceControl (JSON names match case-insensitively).
type control struct {
	Kind, Type, Text, Placeholder, Icon, Selected, Shown string
	Options                                              int
	Checked, Disabled, Focused                           bool
	Layer                                                int
	X, Y, W, H, VX, VY, VW, VH                           int
}

func (c control) String() string {
	s := c.Kind + " " + strconv.Quote(c.Text)
	if c.Placeholder != "" {
		s += " (" + c.Placeholder + ")"
	}
	return s
}

// visible reports whether some of c is on screen, so it can be clicked.
func (c control) visible() bool { return c.VW > 2 && c.VH > 2 }

// uiTrace mirrors ui.Trace.
type uiTrace struct {
	Screen   string
	Dialogs  int
	Title    string
	Scale    float32
	Width    int
	Height   int
	Layers   int
	Focus    string
	Controls []control
}

// in lists the controls of layer l.
func (tr *uiTrace) in(l int) []control {
	var out []control
	for _, c := range tr.Controls {
		if c.Layer == l {
			out = append(out, c)
		}
	}
	return out
}

// find is the first control of layer l of kind whose text starts with
// text (any text when empty).
func (tr *uiTrace) find(l int, kind, text string) (control, bool) {
	for _, c := range tr.in(l) {
		if c.Kind == kind && strings.HasPrefix(c.Text, text) {
			return c, true
		}
	}
	return control{}, false
}

// focused is the focused control, if the trace knows it.
func (tr *uiTrace) focused() (control, bool) {
	for _, c := range tr.Controls {
		if c.Focused {
			return c, true
		}
	}
	return control{}, false
}

// title names a dialog by its last label (Fyne puts the title after the
// content), for messages.
func (tr *uiTrace) title(l int) string {
	cs := tr.in(l)
	for i := len(cs) - 1; i >= 0; i-- {
		if c := cs[i]; c.Kind == "label" && c.Text != "" {
			return c.Text
		}
	}
	return fmt.Sprintf("lớp %d", l)
}

// syncBuf is the app's stderr, written by exec and read by the test.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
	// wrote is signalled (without blocking) after each write, for
	// waitLine.
	wrote chan struct{}
}

func newSyncBuf() *syncBuf { return &syncBuf{wrote: make(chan struct{}, 1)} }

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	select {
	case s.wrote <- struct{}{}:
	default:
	}
	return n, err
}

// waitLine waits until the app has written line, woken by each write;
// false when exited closes first or after limit.
func (s *syncBuf) waitLine(line string, exited <-chan struct{}, limit time.Duration) bool {
	timeout := time.After(limit)
	for {
		if strings.Contains(s.String(), line+"\n") {
			return true
		}
		select {
		case <-s.wrote:
		case <-exited:
			return strings.Contains(s.String(), line+"\n")
		case <-timeout:
			return false
		}
	}
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// appDied is panicked by the harness when the app is gone; phase recovers
// it and the next phase starts a fresh app.
type appDied struct{}

// rw is one real-window session.
type rw struct {
	t       *testing.T
	dir     string
	bin     string
	cli     string
	db      string
	home    string
	sock    string
	display string
	winX    int
	winY    int

	app     *exec.Cmd
	exited  chan struct{}
	stderr  *syncBuf
	checked int // stderr bytes already looked at
	conn    net.Conn
	rd      *bufio.Reader
	last    uiTrace
	start   time.Time
	phaseNm string
	action  string // the last click or keys, for messages
	// retry is the attempt at typing a text again after X lost a key
	// (0 the first time): each retry types letters slower, since the
	// sessions side by side load the machine.
	retry int

	stats struct {
		screens, clicks, dropdowns, typed, keys, dialogs, restarts, lost int
	}
	// dialogs names the dialogs and pages the walk explored.
	dialogs []string
	// seen de-duplicates failures: the same crash or message is reported
	// once, with the number of times it happened.
	seen  map[string]int
	order []string
}

// fail reports a problem once per key.
func (h *rw) fail(key, format string, args ...any) {
	h.t.Helper()
	if h.seen[key] == 0 {
		h.order = append(h.order, key)
		h.t.Errorf("[%s] "+format, append([]any{h.phaseNm}, args...)...)
	}
	h.seen[key]++
}

// programs are what every session of the test runs, built once.
type programs struct {
	bin, cli, mapkeys string
}

// buildRW checks the machine has what the test needs, then builds the app
// with its test mode, the command line and the key-mapping helper.
func buildRW(t *testing.T) programs {
	// gcc builds the helper that maps keys (with libx11-dev, which
	// xorg-dev, needed to build the app at all, brings).
	testtool.Need(t, "Xvfb", "xdotool", "gcc", "pdftotext")
	dir := t.TempDir()
	p := programs{bin: filepath.Join(dir, "sodoan"), cli: filepath.Join(dir, "sodoan-cli"), mapkeys: filepath.Join(dir, "mapkeys")}
	// go test puts its own go first on the PATH.
	for _, b := range [][]string{
		{"build", "-tags", "uitrace", "-o", p.bin, "sodoan/cmd/sodoan"},
		{"build", "-o", p.cli, "sodoan/cmd/sodoan-cli"},
	} {
		if out, err := exec.Command("go", b...).CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(b, " "), err, out)
		}
	}
	// The helper scripts/xdotool-unikey.sh uses too.
	src, err := filepath.Abs(filepath.Join("..", "..", "scripts", "mapkeys.c"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("gcc", "-o", p.mapkeys, src, "-lX11").CombinedOutput(); err != nil {
		t.Fatalf("gcc mapkeys (cần libx11-dev): %v\n%s", err, out)
	}
	return p
}

// newRW starts a session: its own demo register, home, X server and app,
// so that sessions run side by side.
func newRW(t *testing.T, p programs) *rw {
	dir := t.TempDir()
	h := &rw{t: t, dir: dir, home: filepath.Join(dir, "home"), db: filepath.Join(dir, "demo.db"),
		sock: filepath.Join(dir, "trace.sock"), seen: map[string]int{}, start: time.Now(), bin: p.bin, cli: p.cli}
	if err := os.MkdirAll(h.home, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(h.cli, "--db", h.db, "demo", "--members", "300", "--seed", "1").CombinedOutput(); err != nil {
		t.Fatalf("sodoan-cli demo: %v\n%s", err, out)
	}
	h.startXvfb()
	h.mapKeys(p.mapkeys)
	h.startApp("dashboard")
	t.Cleanup(h.stopApp)
	return h
}

// startXvfb runs a private X server on a free display. Xvfb chooses the
// display itself (-displayfd) and writes its number once it accepts
// clients, so two sessions never take the same one and nothing polls.
func (h *rw) startXvfb() {
	r, w, err := os.Pipe()
	if err != nil {
		h.t.Fatal(err)
	}
	defer r.Close()
	// No key repeats: on a loaded machine xdotool's key release can come
	// late enough for X to repeat a key (a Tab moving on and on).
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", screenW, screenH), "-nolisten", "tcp",
		"-ardelay", "60000", "-arinterval", "60000")
	x.ExtraFiles = []*os.File{w} // descriptor 3
	err = x.Start()
	w.Close()
	if err != nil {
		h.t.Fatalf("Xvfb: %v", err)
	}
	h.t.Cleanup(func() { _ = x.Process.Kill(); _ = x.Wait() })
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if _, err := strconv.Atoi(n); err != nil {
			h.t.Fatalf("Xvfb không khởi động (số màn hình %q)", n)
		}
		h.display = ":" + n
	case <-time.After(30 * time.Second):
		h.t.Fatalf("Xvfb không khởi động sau 30 s")
	}
}

// typedTexts is every text the test types: each of its letters gets a
// key of its own before the app starts (see scripts/xdotool-unikey.sh: a
// letter xdotool maps on the fly can be lost).
var typedTexts = []string{unikeyLetters, sampleText, journeyUnit, "31/02/2005"}

// mapKeys binds each non-ASCII letter the test types to a spare keycode,
// with the helper program bin.
func (h *rw) mapKeys(bin string) {
	seen := map[rune]bool{}
	var syms []string
	for _, s := range typedTexts {
		for _, r := range s {
			if r > 0x7e && !seen[r] {
				seen[r] = true
				syms = append(syms, keysym(r))
			}
		}
	}
	cmd := exec.Command(bin, syms...)
	cmd.Env = append(os.Environ(), "DISPLAY="+h.display)
	if out, err := cmd.CombinedOutput(); err != nil {
		h.t.Fatalf("mapkeys: %v\n%s", err, out)
	}
}

func keysym(r rune) string { return fmt.Sprintf("U%04X", r) }

// startApp runs the window on screen and waits for its first trace.
func (h *rw) startApp(screen string) {
	h.stderr = newSyncBuf()
	h.checked = 0
	cmd := exec.Command(h.bin, "--db", h.db, "--screen", screen)
	// No PATH: "Mở tệp" must cope with a machine without a viewer, and no
	// viewer may open on the test's display.
	cmd.Env = []string{"HOME=" + h.home, "DISPLAY=" + h.display, "LANG=vi_VN.UTF-8", "FYNE_SCALE=1",
		"SODOAN_UITRACE=" + h.sock, "PATH=" + filepath.Join(h.dir, "no-programs"),
		"XDG_CONFIG_HOME=" + filepath.Join(h.home, ".config"), "XDG_DATA_HOME=" + filepath.Join(h.home, ".local", "share")}
	cmd.Stdout = h.stderr
	cmd.Stderr = h.stderr
	if err := cmd.Start(); err != nil {
		h.t.Fatalf("chạy sodoan: %v", err)
	}
	h.app = cmd
	h.exited = make(chan struct{})
	go func(c *exec.Cmd, done chan struct{}) { _ = c.Wait(); close(done) }(cmd, h.exited)
	// The app says when its trace socket listens (ui/trace.go).
	if !h.stderr.waitLine("sodoan-uitrace: ready", h.exited, 30*time.Second) {
		select {
		case <-h.exited:
			h.t.Fatalf("sodoan thoát ngay khi mở:\n%s", h.stderr.String())
		default:
			h.t.Fatalf("sodoan không mở ổ trace sau 30 s:\n%s", h.stderr.String())
		}
	}
	c, err := net.Dial("unix", h.sock)
	if err != nil {
		h.t.Fatalf("nối ổ trace: %v\n%s", err, h.stderr.String())
	}
	h.conn, h.rd = c, bufio.NewReader(c)
	// xdotool --sync waits for X to map the window (no polling here).
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := h.xdoCtx(ctx, "search", "--sync", "--onlyvisible", "--pid", strconv.Itoa(cmd.Process.Pid))
	if err != nil || out == "" {
		h.t.Fatalf("cửa sổ sodoan không hiện trên màn hình X sau 30 s: %v\n%s", err, h.stderr.String())
	}
	geo, _ := h.xdo("getwindowgeometry", "--shell", strings.Fields(out)[0])
	for _, l := range strings.Fields(geo) {
		if v, ok := strings.CutPrefix(l, "X="); ok {
			h.winX, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(l, "Y="); ok {
			h.winY, _ = strconv.Atoi(v)
		}
	}
	h.settle()
	if h.last.Scale != 1 {
		h.t.Fatalf("FYNE_SCALE=1 không có tác dụng: scale %v", h.last.Scale)
	}
}

func (h *rw) stopApp() {
	if h.conn != nil {
		h.conn.Close()
	}
	if h.app != nil && h.app.Process != nil {
		_ = h.app.Process.Kill()
		<-h.exited
	}
}

// restart replaces a dead (or stuck) app with a fresh one on screen.
func (h *rw) restart(screen string) {
	h.stopApp()
	h.stats.restarts++
	h.startApp(screen)
}

// check looks at the app after each step: a crash or an exit is reported
// (once per distinct first frame) and ends the phase; a "Fyne error" is
// reported and the phase goes on.
func (h *rw) check() {
	h.t.Helper()
	out := h.stderr.String()
	fresh := out[h.checked:]
	h.checked = len(out)
	exited := false
	select {
	case <-h.exited:
		exited = true
	default:
	}
	if i := indexAny(fresh, "panic:", "fatal error:"); i >= 0 {
		excerpt := firstLines(fresh[i:], 14)
		h.fail("crash "+crashKey(fresh[i:]), "sodoan sập sau %s:\n%s", h.action, excerpt)
		panic(appDied{})
	}
	if exited {
		h.fail("exit", "sodoan đã thoát sau %s (mã %v); stderr cuối:\n%s", h.action, h.app.ProcessState, lastLines(out, 10))
		panic(appDied{})
	}
	for rest := fresh; ; {
		i := strings.Index(rest, "Fyne error")
		if i < 0 {
			break
		}
		excerpt := firstLines(rest[i:], 3)
		h.fail("fyne "+firstLines(rest[i:], 1), "Fyne báo lỗi sau %s:\n%s", h.action, excerpt)
		rest = rest[i+len("Fyne error"):]
	}
}

func indexAny(s string, subs ...string) int {
	best := -1
	for _, sub := range subs {
		if i := strings.Index(s, sub); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// crashKey names a crash by its message and the first frame outside the
// runtime, so that the same bug met from ten dropdowns counts once.
func crashKey(s string) string {
	lines := strings.Split(s, "\n")
	key := lines[0]
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "fyne.io/") || strings.HasPrefix(l, "sodoan/") {
			return key + " @ " + l
		}
	}
	return key
}

// dump asks the app for one trace, as the line of JSON it sent; settle
// decodes only the trace the window settled on (a trace is large, and
// decoding each under the race detector costs more than the wait).
func (h *rw) dump() []byte {
	h.t.Helper()
	_ = h.conn.SetDeadline(time.Now().Add(15 * time.Second))
	if _, err := h.conn.Write([]byte("dump\n")); err != nil {
		h.lost(err)
		h.fail("trace", "không đọc được trace: %v", err)
		panic(appDied{})
	}
	line, err := h.rd.ReadBytes('\n')
	if err != nil {
		h.lost(err)
		h.fail("trace", "không đọc được trace: %v (cửa sổ treo?)", err)
		panic(appDied{})
	}
	if !json.Valid(line) {
		h.t.Fatalf("trace hỏng: %.200q", line)
	}
	return line
}

// settle waits until the window is at rest (see idle) and two traces a
// frame apart are the same, checking the app all along, and checks the
// window's dropdowns and messages on the settled trace.
func (h *rw) settle() uiTrace {
	h.t.Helper()
	return h.settleWithin(10 * time.Second)
}

// settleWithin is settle for work that may take up to limit (a document
// being written).
func (h *rw) settleWithin(limit time.Duration) uiTrace {
	h.t.Helper()
	var prev []byte
	deadline := time.Now().Add(limit)
	for round := 1; ; round++ {
		h.check()
		h.idle(max(time.Until(deadline), 5*time.Second))
		h.check()
		raw := h.dump()
		if bytes.Equal(raw, prev) {
			break
		}
		prev = raw
		// A window that keeps changing changes between many traces; on a
		// loaded machine a few slow ones can take the whole limit.
		if time.Now().After(deadline) && round >= 10 {
			h.fail("unsettled", "cửa sổ không đứng yên sau %v (sau %s): %s", limit, h.lastAction(), traceChange(prev, h.dump()))
			break
		}
	}
	var tr uiTrace
	if err := json.Unmarshal(prev, &tr); err != nil {
		h.t.Fatalf("trace hỏng: %v", err)
	}
	h.last = tr
	h.checkTrace(h.last)
	return h.last
}

// lost is called when the trace socket failed with err: a socket closed
// (EOF) is most often the app gone, whose last words on stderr may still
// be on their way, so the app's exit is awaited (5 s at most) before
// check reads them and reports the crash.
func (h *rw) lost(err error) {
	h.t.Helper()
	if errors.Is(err, io.EOF) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) {
		select {
		case <-h.exited:
		case <-time.After(5 * time.Second):
		}
	}
	h.check()
}

// traceChange names the first control that differs between two traces,
// to explain a window that would not settle.
func traceChange(a, b []byte) string {
	var ta, tb uiTrace
	if json.Unmarshal(a, &ta) != nil || json.Unmarshal(b, &tb) != nil {
		return "trace không đọc được"
	}
	for i := 0; i < min(len(ta.Controls), len(tb.Controls)); i++ {
		if ta.Controls[i] != tb.Controls[i] {
			return fmt.Sprintf("%+v thành %+v", ta.Controls[i], tb.Controls[i])
		}
	}
	if len(ta.Controls) != len(tb.Controls) {
		return fmt.Sprintf("%d điều khiển thành %d", len(ta.Controls), len(tb.Controls))
	}
	ta.Controls, tb.Controls = nil, nil
	return fmt.Sprintf("%+v thành %+v", ta, tb)
}

// idle asks the app to answer once it has handled the input sent so far,
// drawn it, and has no load, double-click wait or progress bar left
// (ui/traceidle.go), for at most limit: a window still busy then is a
// failure that names what it was busy with.
func (h *rw) idle(limit time.Duration) {
	h.t.Helper()
	secs := max(int(limit/time.Second), 1)
	_ = h.conn.SetDeadline(time.Now().Add(time.Duration(secs)*time.Second + 15*time.Second))
	if _, err := fmt.Fprintf(h.conn, "idle %d\n", secs); err != nil {
		h.lost(err)
		h.fail("trace", "không hỏi được cửa sổ: %v", err)
		panic(appDied{})
	}
	line, err := h.rd.ReadBytes('\n')
	if err != nil {
		h.lost(err)
		h.fail("trace", "cửa sổ không trả lời idle: %v (cửa sổ treo?)", err)
		panic(appDied{})
	}
	var r struct {
		Idle bool
		Busy string
	}
	if err := json.Unmarshal(line, &r); err != nil {
		h.t.Fatalf("trả lời idle hỏng: %.200q", line)
	}
	if !r.Idle {
		h.fail("busy "+r.Busy, "cửa sổ vẫn bận sau %d s (%s) sau %s", secs, r.Busy, h.lastAction())
	}
}

// lastAction names the last click or keys for a message.
func (h *rw) lastAction() string {
	if h.action == "" {
		return "khi mở cửa sổ"
	}
	return h.action
}

// checkTrace fails on a dropdown that draws another value than the one it
// holds and on a message with no room or outside the window.
func (h *rw) checkTrace(tr uiTrace) {
	h.t.Helper()
	if h.winX+tr.Width > screenW || h.winY+tr.Height > screenH {
		h.fail("window size", "cửa sổ %dx%d tại (%d,%d) không vừa màn hình %dx%d (màn hình %s)", tr.Width, tr.Height, h.winX, h.winY, screenW, screenH, tr.Screen)
	}
	for _, c := range tr.Controls {
		switch c.Kind {
		case "select":
			want := c.Selected
			if want == "" {
				want = c.Text // the placeholder
			}
			// A long value may be cut with an ellipsis to fit.
			cut := strings.TrimSuffix(c.Shown, "…")
			if c.Shown != want && !(cut != c.Shown && strings.HasPrefix(want, cut)) {
				h.fail("shown "+c.Placeholder+c.Selected+"|"+c.Shown,
					"ô chọn giữ %q nhưng hiện %q (màn hình %s)", c.Selected, c.Shown, tr.Screen)
			}
		case "error":
			if c.Text == "" {
				continue
			}
			if c.VW <= 0 || c.VH <= 0 || c.W <= 0 || c.H <= 0 {
				h.fail("norect "+c.Text, "thông báo %q không có chỗ trên màn hình: khung %dx%d tại (%d,%d)", c.Text, c.W, c.H, c.X, c.Y)
			} else if c.X < 0 || c.Y < 0 || c.X+c.W > tr.Width || c.Y+c.H > tr.Height ||
				h.winX+c.X+c.W > screenW || h.winY+c.Y+c.H > screenH {
				h.fail("outside "+c.Text, "thông báo %q nằm ngoài cửa sổ: khung %dx%d tại (%d,%d), cửa sổ %dx%d", c.Text, c.W, c.H, c.X, c.Y, tr.Width, tr.Height)
			}
		}
	}
}

// messages lists the validation messages the window shows.
func (tr *uiTrace) messages() []string {
	var out []string
	for _, c := range tr.Controls {
		if c.Kind == "error" && c.Text != "" {
			out = append(out, c.Text)
		}
	}
	return out
}

func (h *rw) xdo(args ...string) (string, error) {
	return h.xdoCtx(context.Background(), args...)
}

func (h *rw) xdoCtx(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "xdotool", args...)
	// xdotool reads key names in the C library's locale; C.UTF-8 is always
	// there, vi_VN seldom.
	cmd.Env = append(os.Environ(), "DISPLAY="+h.display, "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		err = fmt.Errorf("xdotool %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out)), err
}

// send runs an xdotool action on the window, then asks X where the mouse
// is: the answer comes once X has handled the action, so its events are
// on their way to the app before the test asks the app whether it is at
// rest. A failed action (a loaded X server) is tried once more, when X
// answers again, then ends the phase.
func (h *rw) send(args ...string) {
	h.t.Helper()
	args = append(args, "getmouselocation")
	if _, err := h.xdo(args...); err != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, werr := h.xdoCtx(ctx, "getmouselocation")
		cancel()
		if werr != nil {
			h.fail("xdotool", "%v; X không trả lời: %v", err, werr)
			panic(appDied{})
		}
		if _, err := h.xdo(args...); err != nil {
			h.fail("xdotool", "%v", err)
			panic(appDied{})
		}
	}
}

// onScreen reports whether the middle of c's visible part is on the
// screen, where the mouse can reach it.
func (h *rw) onScreen(c control) bool {
	return c.visible() && h.winX+c.VX+c.VW/2 < screenW && h.winY+c.VY+c.VH/2 < screenH
}

// click presses the left button in the middle of the visible part of c.
func (h *rw) click(c control) uiTrace {
	h.t.Helper()
	if !c.visible() {
		h.fail("invisible "+c.String(), "%s không có phần nào trên màn hình để bấm", c)
		return h.last
	}
	x, y := h.winX+c.VX+c.VW/2, h.winY+c.VY+c.VH/2
	if c.Kind == "check" {
		// A check box reacts only on its box and text, not on the rest
		// of the room a layout gave it.
		x = h.winX + c.VX + min(12, c.VW/2)
	}
	if x >= screenW || y >= screenH {
		h.fail("offscreen "+c.String(), "%s nằm ngoài màn hình %dx%d, tại (%d,%d): không bấm được", c, screenW, screenH, x, y)
		return h.last
	}
	h.action = fmt.Sprintf("bấm %s (lớp %d, màn hình %s)", c, c.Layer, h.last.Screen)
	// xdotool waits --delay (100 ms unless told) after a click, meant
	// for repeated clicks; settle waits for the window instead.
	h.send("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "--delay", "0", "1")
	h.stats.clicks++
	return h.settle()
}

// discardAsked answers the question a form holding typing asks before Esc
// closes it (issue 17: "Thay đổi chưa lưu"): Bỏ thay đổi. It returns the
// trace after, or tr when nothing was asked.
func (h *rw) discardAsked(tr uiTrace) uiTrace {
	h.t.Helper()
	l := tr.Layers
	if l == 0 || (tr.title(l) != "Thay đổi chưa lưu" && tr.title(l) != "Changes not saved") {
		return tr
	}
	for _, c := range tr.in(l) {
		if c.Kind == "button" && (c.Text == "Bỏ thay đổi" || c.Text == "Discard changes") {
			return h.click(c)
		}
	}
	return tr
}

// key sends key chords (xdotool names: ctrl+s, Escape, Tab…).
func (h *rw) key(keys ...string) uiTrace {
	h.t.Helper()
	return h.keysDelay("60", keys...)
}

// keysDelay sends keys delay ms apart. Letters go letterDelays apart: as
// scripts/xdotool-unikey.sh found, GLFW drops some of the letters bound to
// spare keycodes when they come close together on a loaded machine, so a
// text is read back and typed again, slower, when one was lost.
func (h *rw) keysDelay(delay string, keys ...string) uiTrace {
	h.t.Helper()
	if len(keys) == 0 {
		return h.last
	}
	h.action = fmt.Sprintf("phím %s (màn hình %s, tiêu điểm %s)", strings.Join(keys, " "), h.last.Screen, h.last.Focus)
	h.send(append([]string{"key", "--delay", delay}, keys...)...)
	h.stats.keys += len(keys)
	return h.settle()
}

// letterDelays are the pauses between letters (ms) of each attempt at
// typing a text, slower each time. Quicker than 150 ms, the last letter
// of " Thử" (bound to a spare keycode) was lost on nearly every first
// attempt on the loaded 2-core machine, and the retyping cost more than
// the pauses saved (a run at 60 ms: 56 texts typed again, 7 min 4 s).
var letterDelays = []int{150, 300, 450}

// letterDelay is the pause between letters of this attempt.
func (h *rw) letterDelay() string {
	return strconv.Itoa(letterDelays[min(h.retry, len(letterDelays)-1)])
}

// typeText types s one key a letter, as a keyboard would.
func (h *rw) typeText(s string) uiTrace {
	h.t.Helper()
	var keys []string
	for _, r := range s {
		keys = append(keys, keysym(r))
	}
	h.stats.typed += len(keys)
	return h.keysDelay(h.letterDelay(), keys...)
}

// unikey replays an input method's keys: a step "-N:X" sends N BackSpaces
// then the letters X (a tone key rewriting the last N letters), any other
// step is typed as it is.
func (h *rw) unikey(steps ...string) uiTrace {
	h.t.Helper()
	var keys []string
	for _, st := range steps {
		if n, rest, ok := strings.Cut(st, ":"); ok && strings.HasPrefix(n, "-") {
			k, _ := strconv.Atoi(n[1:])
			for i := 0; i < k; i++ {
				keys = append(keys, "BackSpace")
			}
			st = rest
		}
		for _, r := range st {
			keys = append(keys, keysym(r))
		}
	}
	h.stats.typed += len(keys)
	return h.keysDelay(h.letterDelay(), keys...)
}

// typeInto types into the entry found by get (which must have the focus):
// the input-method steps (see unikey) must leave it holding want. A key
// lost by X on a loaded machine (scripts/xdotool-unikey.sh met it too) is
// seen in the entry's text as the trace reads it, and the text typed again
// after clearing the entry, slower each time (see letterDelays); each
// retry is counted.
func (h *rw) typeInto(get func() control, want string, steps ...string) {
	h.t.Helper()
	got := ""
	defer func() { h.retry = 0 }()
	for attempt := 1; attempt <= len(letterDelays); attempt++ {
		h.retry = attempt - 1
		h.click(get())
		h.key("ctrl+a", "BackSpace")
		h.unikey(steps...)
		if got = get().Text; got == want {
			return
		}
		h.stats.lost++
		h.t.Logf("gõ %q lần %d được %q", want, attempt, got)
	}
	h.fail("typed "+want, "gõ %q %d lần, ô giữ %q", want, len(letterDelays), got)
}

// logLayer writes the controls of layer l to the test log, to explain a
// failed step.
func (h *rw) logLayer(l int) {
	var b strings.Builder
	for _, c := range h.last.in(l) {
		fmt.Fprintf(&b, "\n  %s %q sel=%q shown=%q focus=%v at %d,%d %dx%d", c.Kind, c.Text, c.Selected, c.Shown, c.Focused, c.X, c.Y, c.W, c.H)
	}
	h.t.Logf("lớp %d của màn hình %s (tiêu điểm %s):%s", l, h.last.Screen, h.last.Focus, b.String())
}

// phase runs one part of the test; a crash ends the part and the app is
// restarted on screen for the next one.
func (h *rw) phase(name, screen string, fn func()) {
	h.t.Helper()
	h.phaseNm = name
	start := time.Now()
	defer func() {
		h.t.Logf("[%s] %.1f s", name, time.Since(start).Seconds())
		if r := recover(); r != nil {
			if _, ok := r.(appDied); !ok {
				panic(r)
			}
			h.restart(screen)
		}
	}()
	if tr := h.settle(); h.winX+tr.Width > screenW || h.winY+tr.Height > screenH {
		// Reported already; a fresh window lets this part be judged on
		// its own.
		h.restart(screen)
	}
	h.vietnamese()
	fn()
}

// vietnamese puts the window back in Vietnamese when a step left it in
// English (the language is kept between runs).
func (h *rw) vietnamese() {
	h.t.Helper()
	tr := h.settle()
	var items []control
	for _, c := range tr.in(0) {
		if c.Kind == "item" && c.X < 50 {
			items = append(items, c)
		}
	}
	if tr.Layers > 0 || len(items) == 0 || items[0].Text == "Tổng quan" {
		return
	}
	tr = h.click(items[len(items)-1]) // Settings, last in the list
	for _, c := range tr.in(0) {
		if c.Kind == "select" && c.Selected == "English" {
			tr = h.click(c)
			for _, it := range tr.in(1) {
				if it.Kind == "menuitem" && it.Text == "Tiếng Việt" {
					h.click(it)
					return
				}
			}
		}
	}
	h.fail("english", "không đưa được cửa sổ về tiếng Việt")
}

// summary logs the counts for the closing note.
func (h *rw) summary() {
	var problems []string
	for _, k := range h.order {
		problems = append(problems, fmt.Sprintf("%dx %s", h.seen[k], firstLines(k, 1)))
	}
	sort.Strings(problems)
	h.t.Logf("realwindow: %d màn hình, %d lần bấm, %d ô chọn mở, %d phím gõ, %d phím khác, %d hộp thoại, %d lần khởi động lại sau lỗi, %d lần gõ lại vì mất phím, %.0f s",
		h.stats.screens, h.stats.clicks, h.stats.dropdowns, h.stats.typed, h.stats.keys-h.stats.typed, h.stats.dialogs, h.stats.restarts, h.stats.lost, time.Since(h.start).Seconds())
	h.t.Logf("realwindow: hộp thoại và trang đã đi: %s", strings.Join(h.dialogs, " · "))
	if len(problems) > 0 {
		h.t.Logf("realwindow: %d vấn đề:\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	fmt.Printf("realwindow summary: session=%s screens=%d clicks=%d dropdowns=%d typed=%d keys=%d dialogs=%d restarts=%d retyped=%d problems=%d time=%.0fs\n",
		path.Base(h.t.Name()), h.stats.screens, h.stats.clicks, h.stats.dropdowns, h.stats.typed, h.stats.keys-h.stats.typed, h.stats.dialogs, h.stats.restarts, h.stats.lost, len(problems), time.Since(h.start).Seconds())
}
