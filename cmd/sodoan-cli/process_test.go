//go:build !windows

package main

// Tests with real processes: the test binary runs sodoan-cli's main when
// SODOAN_CLI=1 (the same code as the built command), so that concurrent
// commands, locks and SIGKILLs are those of separate processes.

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"sodoan/domain"
	"sodoan/store"
	"sodoan/wardpkg"
)

func TestMain(m *testing.M) {
	// A cheaper scrypt for ward packages keeps the tests quick (see
	// wardpkg.WorkFactor), in the helper processes too.
	wardpkg.WorkFactor = 10
	switch os.Getenv("SODOAN_CLI") {
	case "1":
		main()
		os.Exit(0)
	case "bulk":
		os.Exit(bulkHelper(os.Args[1]))
	case "hold":
		os.Exit(holdHelper(os.Args[1]))
	case "lock":
		os.Exit(lockHelper(os.Args[1]))
	}
	os.Exit(m.Run())
}

// cliCmd is sodoan-cli in a process of its own.
func cliCmd(args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "SODOAN_CLI=1", "LANG=vi_VN.UTF-8")
	return c
}

// cliProc runs sodoan-cli in a process and returns its output and exit code.
func cliProc(args ...string) (string, int) {
	var out bytes.Buffer
	c := cliCmd(args...)
	c.Stdout, c.Stderr = &out, &out
	err := c.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		return err.Error(), -1
	}
	return out.String(), code
}

// helperCmd runs one of the test's helpers (bulk, hold) in a process.
func helperCmd(kind, db string) *exec.Cmd {
	c := exec.Command(os.Args[0], db)
	c.Env = append(os.Environ(), "SODOAN_CLI="+kind, "LANG=vi_VN.UTF-8")
	return c
}

// bulkBatch is how many people the bulk helper admits per transaction.
const bulkBatch = 500

var bulkNames = []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Lâm", "Minh", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Vinh"}

// bulkHelper admits batches of new people until killed.
func bulkHelper(db string) int {
	ctx := context.Background()
	st, err := store.OpenWith(db, store.OpenOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for round := 0; ; round++ {
		people := make([]*domain.Person, bulkBatch)
		for i := range people {
			people[i] = &domain.Person{FamilyName: "Đặng", MiddleName: "Văn", GivenName: bulkNames[(round+i)%len(bulkNames)],
				Gender: domain.Male, BirthDate: domain.MustDate(2004, 1, 1+i%28), UnionMember: true,
				AdmissionDate: domain.MustDate(2020, 3, 26)}
		}
		if err := st.AddPeople(ctx, people); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("batch", round)
	}
}

// holdHelper holds a write transaction open for five seconds, then
// commits it: another program in the middle of a long write.
func holdHelper(db string) int {
	raw, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer raw.Close()
	for _, q := range []string{"BEGIN IMMEDIATE", "UPDATE people SET note = 'đang sửa'", "SELECT 1"} {
		if _, err := raw.Exec(q); err != nil {
			fmt.Fprintln(os.Stderr, q, err)
			return 1
		}
	}
	time.Sleep(5 * time.Second)
	if _, err := raw.Exec("COMMIT"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// lockHelper holds the register as a window does, until killed.
func lockHelper(db string) int {
	st, err := store.OpenWith(db, store.OpenOptions{Exclusive: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	fmt.Println("locked")
	time.Sleep(time.Minute)
	return 0
}

// demoRegister makes a demo register of n people with the CLI.
func demoRegister(t *testing.T, dir string, n int) string {
	t.Helper()
	db := filepath.Join(dir, "so.db")
	if out, code := cliProc("--db", db, "demo", "--members", strconv.Itoa(n), "--seed", "7"); code != 0 {
		t.Fatalf("demo: %s", out)
	}
	return db
}

// copyRegister copies a closed register for one fault.
func copyRegister(t *testing.T, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "so.db")
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// intact checks the register after a fault and counts its people and
// documents; every document's file must be there.
func intact(t *testing.T, db string) (people int) {
	t.Helper()
	if out, code := cliProc("--db", db, "check"); code != 0 || !strings.Contains(out, "Toàn vẹn: tốt") {
		t.Fatalf("check after the fault: %d %s", code, out)
	}
	st, err := store.OpenWith(db, store.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.CountMembers(context.Background(), store.MemberFilter{Kind: store.KindAll})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Documents(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		b, err := os.ReadFile(d.File)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) || !bytes.Contains(b[len(b)-32:], []byte("%%EOF")) {
			t.Fatalf("document %s has no whole file: %v", d.Symbol(""), err)
		}
	}
	return n
}

// Finding 7 in processes: a mistyped path, an empty one, an empty file
// are refused with a message and exit 1, creating nothing.
func TestProcessRefusesMissingRegister(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "rong.db")
	os.WriteFile(empty, nil, 0o644)
	for _, args := range [][]string{
		{"--db", filepath.Join(dir, "so-nham.db"), "members", "list"},
		{"--db", filepath.Join(dir, "so-nham.db"), "report", "clubs", "--out", filepath.Join(dir, "x.pdf")},
		{"--db", filepath.Join(dir, "so-nham.db"), "backup"},
		{"--db", "", "stats"},
		{"--db", empty, "check"},
		{"--db", empty, "search", "an"},
	} {
		out, code := cliProc(args...)
		if code != 1 || !strings.Contains(out, "Lỗi:") || !(strings.Contains(out, "không có sổ") || strings.Contains(out, "không phải sổ")) {
			t.Errorf("%v: exit %d, %s", args, code, out)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("files made: %v", entries)
	}
	if fi, _ := os.Stat(empty); fi.Size() != 0 {
		t.Fatal("the empty file was written")
	}
	// init creates, once; an init refused for an incomplete unit leaves
	// nothing behind, so that the corrected command is not refused.
	db := filepath.Join(dir, "moi", "so.db")
	if out, code := cliProc("--db", db, "init", "--unit", "BCH Đoàn phường 3"); code == 0 || !strings.Contains(out, "Địa danh: không được để trống") {
		t.Fatalf("init without a place: %d %s", code, out)
	}
	if left, _ := filepath.Glob(db + "*"); len(left) > 0 {
		t.Fatalf("a refused init left %v", left)
	}
	if out, code := cliProc("--db", db, "init", "--unit", "BCH Đoàn phường 3", "--place", "Phường 3", "--upper", "Thành Đoàn Sa Đéc"); code != 0 {
		t.Fatalf("init: %s", out)
	}
	if out, code := cliProc("--db", db, "init"); code != 1 || !strings.Contains(out, "đã có") {
		t.Fatalf("init over a register: %d %s", code, out)
	}
	if out, code := cliProc("--db", db, "members", "list"); code != 0 || !strings.Contains(out, "Tổng cộng: 0") {
		t.Fatalf("list of a new register: %d %s", code, out)
	}
}

// Finding 8: two processes creating one register at once, ten times.
func TestProcessConcurrentCreate(t *testing.T) {
	for round := 0; round < 10; round++ {
		db := filepath.Join(t.TempDir(), "so.db")
		var wg sync.WaitGroup
		outs := make([]string, 2)
		codes := make([]int, 2)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs[i], codes[i] = cliProc("--db", db, "demo", "--members", "10", "--seed", strconv.Itoa(i+1))
			}()
		}
		wg.Wait()
		ok := 0
		for i := range outs {
			switch {
			case codes[i] == 0:
				ok++
			case !strings.Contains(outs[i], "đã có"):
				t.Fatalf("round %d: %s", round, outs[i])
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d demos made, want 1: %q", round, ok, outs)
		}
		if n := intact(t, db); n != 10 {
			t.Fatalf("round %d: %d people", round, n)
		}
	}
}

// Finding 8: while the demo writes a large ward, reads in other
// processes never fail; nor does a backup.
func TestProcessReadersDuringDemo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	if out, code := cliProc("--db", db, "init"); code != 0 {
		t.Fatal(out)
	}
	demo := cliCmd("--db", db, "demo", "--members", "25000")
	var demoOut bytes.Buffer
	demo.Stdout, demo.Stderr = &demoOut, &demoOut
	if err := demo.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- demo.Wait() }()
	var reads, fails atomic.Int64
	var failMsg atomic.Value
	var wg sync.WaitGroup
	stop := make(chan struct{})
	readers := [][]string{
		{"--db", db, "members", "list", "--format", "csv"},
		{"--db", db, "search", "nguyen"},
		{"--db", db, "stats", "--year", "2025"},
		{"--db", db, "backup", "--out", ""},
	}
	for i, args := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				a := append([]string(nil), args...)
				if a[len(a)-1] == "" {
					a[len(a)-1] = filepath.Join(dir, fmt.Sprintf("sao-luu-%d-%d.db", i, k))
				}
				out, code := cliProc(a...)
				reads.Add(1)
				if code != 0 {
					fails.Add(1)
					failMsg.Store(fmt.Sprint(a[2:], out))
				}
			}
		}()
	}
	var err error
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		demo.Process.Kill()
		err = <-done
	}
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("demo: %v %s", err, demoOut.String())
	}
	t.Logf("%d reads and backups in other processes during the demo, %d failed", reads.Load(), fails.Load())
	if fails.Load() > 0 {
		t.Fatalf("%d of %d reads failed, e.g. %v", fails.Load(), reads.Load(), failMsg.Load())
	}
	if reads.Load() < 4 {
		t.Fatalf("only %d reads ran during the demo", reads.Load())
	}
}

// Finding 8: a backup and reads while another process holds a write
// succeed at once; a write waits its turn and then succeeds.
func TestProcessBackupDuringWrite(t *testing.T) {
	dir := t.TempDir()
	db := demoRegister(t, dir, 300)
	hold := helperCmd("hold", db)
	var holdOut bytes.Buffer
	hold.Stdout, hold.Stderr = &holdOut, &holdOut
	if err := hold.Start(); err != nil {
		t.Fatal(err)
	}
	holding := make(chan error, 1)
	go func() { holding <- hold.Wait() }()
	time.Sleep(time.Second) // the helper has its write lock
	dest := filepath.Join(dir, "usb", "so.db")
	if out, code := cliProc("--db", db, "backup", "--out", dest); code != 0 {
		t.Fatalf("backup during a write: %s", out)
	}
	if out, code := cliProc("--db", db, "members", "list"); code != 0 {
		t.Fatalf("list during a write: %s", out)
	}
	// Both done while the writer still holds its transaction: neither
	// waited for it.
	select {
	case err := <-holding:
		t.Fatalf("the writer ended (%v) before the reads did: they waited for it", err)
	default:
	}
	if out, code := cliProc("--db", db, "report", "clubs", "--out", filepath.Join(dir, "clb.pdf")); code != 0 {
		t.Fatalf("a write waiting its turn: %s", out)
	}
	if err := <-holding; err != nil {
		t.Fatalf("holder: %v %s", err, holdOut.String())
	}
	if _, err := store.CheckBackup(context.Background(), dest); err != nil {
		t.Fatal(err)
	}
	intact(t, db)
}

// A second window on a register is refused; a crashed one leaves no
// lock behind. The window's lock is the store's (Exclusive); restore
// takes it too, so a restore never swaps a register under a window.
func TestProcessSecondWindowRefused(t *testing.T) {
	dir := t.TempDir()
	db := demoRegister(t, dir, 50)
	st, err := store.OpenWith(db, store.OpenOptions{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	out, code := cliProc("--db", db, "backup")
	if code != 0 {
		t.Fatalf("backup while a window is open: %s", out)
	}
	backup := strings.TrimSpace(strings.TrimPrefix(out, "Đã sao lưu vào"))
	if out, code := cliProc("--db", db, "restore", backup); code != 1 || !strings.Contains(out, "cửa sổ Sổ Đoàn khác") {
		t.Fatalf("restore under an open window: %d %s", code, out)
	}
	st.Close()
	if out, code := cliProc("--db", db, "restore", backup); code != 0 || !strings.Contains(out, "Đã khôi phục") {
		t.Fatalf("restore: %d %s", code, out)
	}
	out, _ = cliProc("--db", db, "backups", "list")
	if !strings.Contains(out, "Trước khi khôi phục") || !strings.Contains(out, "Tổng cộng: 2 bản") {
		t.Fatalf("backups list: %s", out)
	}

	// A window killed without closing leaves no lock behind.
	win := helperCmd("lock", db)
	pipe, _ := win.StdoutPipe()
	if err := win.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := io.ReadFull(pipe, buf); err != nil || string(buf) != "locked" {
		t.Fatalf("lock helper: %q %v", buf, err)
	}
	if _, err := store.OpenWith(db, store.OpenOptions{Exclusive: true}); err == nil {
		t.Fatal("a second window opened")
	}
	win.Process.Signal(syscall.SIGKILL)
	win.Wait()
	st, err = store.OpenWith(db, store.OpenOptions{Exclusive: true})
	if err != nil {
		t.Fatalf("after the window was killed: %v", err)
	}
	st.Close()
}

// Finding 6 in processes: check changes nothing in the file it checks;
// a newer register is refused unchanged; a register the user may not
// write (file and folder read-only) is listed, searched and reported on,
// and refuses writes with a message.
func TestProcessReadOnly(t *testing.T) {
	root := t.TempDir()
	db := demoRegister(t, root, 200)
	out, code := cliProc("--db", db, "backup")
	if code != 0 {
		t.Fatal(out)
	}
	backup := strings.TrimSpace(strings.TrimPrefix(out, "Đã sao lưu vào"))
	newer := filepath.Join(root, "newer.db")
	os.WriteFile(newer, mustRead(t, db), 0o644)
	raw, err := sql.Open("sqlite", "file:"+newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for _, c := range []struct {
		file string
		args []string
		code int
	}{
		{backup, []string{"check"}, 0},
		{backup, []string{"members", "list"}, 0},
		{newer, []string{"check"}, 1},
		{newer, []string{"members", "list"}, 1},
		{newer, []string{"report", "clubs", "--out", filepath.Join(root, "x.pdf")}, 1},
	} {
		before := mustRead(t, c.file)
		out, code := cliProc(append([]string{"--db", c.file}, c.args...)...)
		if code != c.code {
			t.Fatalf("%s %v: exit %d: %s", filepath.Base(c.file), c.args, code, out)
		}
		if !bytes.Equal(before, mustRead(t, c.file)) {
			t.Fatalf("%s %v changed the file", filepath.Base(c.file), c.args)
		}
	}

	// A read-only folder with a read-only register in it.
	dir := filepath.Join(root, "chi-doc")
	os.Mkdir(dir, 0o755)
	ro := filepath.Join(dir, "so.db")
	os.WriteFile(ro, mustRead(t, db), 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	bin := os.Args[0]
	var cred *syscall.Credential
	if os.Getuid() == 0 {
		// Root writes everywhere: run as nobody to meet the modes.
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		bin = filepath.Join(root, "sodoan-cli")
		os.WriteFile(bin, mustRead(t, os.Args[0]), 0o755)
		for d := root; d != "/" && d != "."; d = filepath.Dir(d) {
			if d == os.TempDir() {
				break
			}
			os.Chmod(d, 0o755)
		}
	}
	before := mustRead(t, ro)
	run := func(args ...string) (string, int) {
		c := exec.Command(bin, append([]string{"--db", ro}, args...)...)
		c.Env = append(os.Environ(), "SODOAN_CLI=1", "LANG=vi_VN.UTF-8")
		c.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		c.Dir = root
		out, err := c.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return string(out), ee.ExitCode()
		} else if err != nil {
			return err.Error(), -1
		}
		return string(out), 0
	}
	for _, args := range [][]string{{"members", "list"}, {"search", "nguyen"}, {"stats", "--year", "2025"}, {"check"},
		{"members", "list", "--format", "xlsx", "--out", filepath.Join(os.TempDir(), fmt.Sprintf("ro-%d.xlsx", os.Getpid()))}} {
		if out, code := run(args...); code != 0 {
			t.Fatalf("read-only register, %v: %s", args, out)
		}
	}
	os.Remove(filepath.Join(os.TempDir(), fmt.Sprintf("ro-%d.xlsx", os.Getpid())))
	if out, code := run("report", "clubs", "--out", filepath.Join(os.TempDir(), "ro.pdf")); code != 1 || !strings.Contains(out, "chỉ đọc") {
		t.Fatalf("a write to a read-only register: %d %s", code, out)
	}
	// The window (which holds its register's lock) opens it too.
	win := exec.Command(bin, ro)
	win.Env = append(os.Environ(), "SODOAN_CLI=lock", "LANG=vi_VN.UTF-8")
	win.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	var winErr bytes.Buffer
	win.Stderr = &winErr
	pipe, _ := win.StdoutPipe()
	if err := win.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	_, err = io.ReadFull(pipe, buf) // "locked", or the end of a failed helper
	win.Process.Signal(syscall.SIGKILL)
	win.Wait()
	if err != nil || string(buf) != "locked" {
		t.Fatalf("a window on a read-only register: %v %s", err, winErr.String())
	}
	if !bytes.Equal(before, mustRead(t, ro)) {
		t.Fatal("the read-only register changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("files made in the read-only folder: %v", entries)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
