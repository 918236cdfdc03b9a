package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sodoan/domain"
)

// fileBytes reads a file whole, failing the test when it cannot.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rawExec runs statements on a file through plain SQLite, as another
// program (or another Sổ Đoàn) would.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// Finding 6: a refused register and a checked one stay byte for byte.
func TestOpenWritesNothingUntilAWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "so.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SavePerson(ctx, member("Trần", "Thị", "Mai", domain.MustDate(2001, 2, 3), "T1")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// A register of a newer Sổ Đoàn, in rollback-journal mode (as a copy
	// from another machine may be): the switch to WAL would change its
	// header.
	newer := filepath.Join(dir, "newer.db")
	if err := os.WriteFile(newer, fileBytes(t, path), 0o644); err != nil {
		t.Fatal(err)
	}
	rawExec(t, newer, "PRAGMA journal_mode = DELETE", "PRAGMA user_version = 99")
	before := fileBytes(t, newer)
	for _, o := range []OpenOptions{{}, {Create: true}, {ReadOnly: true}, {ReadOnly: true, AnyVersion: true}} {
		if _, err := OpenWith(newer, o); err == nil || !strings.Contains(err.Error(), "mới hơn") {
			t.Fatalf("%+v: a newer register opened: %v", o, err)
		}
	}
	if !bytes.Equal(before, fileBytes(t, newer)) {
		t.Fatal("the refused register was changed")
	}

	// Checking a backup changes nothing in it, nor leaves files beside it.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.BackupNow(ctx, BackupManual)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	before = fileBytes(t, b.Path)
	if before[18] != 1 || before[19] != 1 {
		t.Fatalf("a backup is a single file in rollback mode, header has %d %d", before[18], before[19])
	}
	c, err := OpenWith(b.Path, OpenOptions{ReadOnly: true, AnyVersion: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, problems, err := c.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	if n, err := c.CountMembers(ctx, MemberFilter{}); err != nil || n != 1 {
		t.Fatalf("read-only count %d %v", n, err)
	}
	if err := c.SavePerson(ctx, member("Lê", "Văn", "Tư", domain.MustDate(2001, 2, 3), "")); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write to a read-only register: %v", err)
	}
	c.Close()
	if !bytes.Equal(before, fileBytes(t, b.Path)) {
		t.Fatal("check changed the backup")
	}
	if m, _ := filepath.Glob(b.Path + "-*"); len(m) > 0 {
		t.Fatalf("check left %v beside the backup", m)
	}
}

// Finding 7: only a creating open makes a register; foreign files are
// refused unchanged.
func TestOpenRefusesWhatIsNotARegister(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "ghi-chu.txt")
	os.WriteFile(text, []byte("Danh sách đoàn viên\n"), 0o644)
	empty := filepath.Join(dir, "rong.db")
	os.WriteFile(empty, nil, 0o644)
	other := filepath.Join(dir, "khac.db")
	rawExec(t, other, "CREATE TABLE foo(x)", "INSERT INTO foo VALUES (1)")
	blank := filepath.Join(dir, "trong.sqlite")
	rawExec(t, blank, "PRAGMA user_version = 0", "VACUUM")
	missing := filepath.Join(dir, "go-nham", "so.db")
	tests := []struct {
		path string
		o    OpenOptions
		want error
		msg  string
	}{
		{missing, OpenOptions{}, ErrNoRegister, "init"},
		{missing, OpenOptions{ReadOnly: true}, ErrNoRegister, "kiểm tra lại đường dẫn"},
		{"", OpenOptions{Create: true}, ErrNoRegister, "trống"},
		{"  ", OpenOptions{}, ErrNoRegister, "trống"},
		{empty, OpenOptions{}, ErrNotRegister, "rỗng"},
		{text, OpenOptions{}, ErrNotRegister, "SQLite"},
		{text, OpenOptions{Create: true}, ErrNotRegister, "SQLite"},
		{other, OpenOptions{}, ErrNotRegister, "SQLite khác"},
		{other, OpenOptions{Create: true}, ErrNotRegister, "SQLite khác"},
		{blank, OpenOptions{}, ErrNotRegister, "SQLite khác"},
		{dir, OpenOptions{}, ErrNotRegister, "thư mục"},
	}
	for _, tt := range tests {
		var before []byte
		if fi, err := os.Stat(tt.path); err == nil && !fi.IsDir() {
			before = fileBytes(t, tt.path)
		}
		s, err := OpenWith(tt.path, tt.o)
		if err == nil {
			s.Close()
		}
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%q %+v: %v, want %v with %q", tt.path, tt.o, err, tt.want, tt.msg)
		}
		if before != nil && !bytes.Equal(before, fileBytes(t, tt.path)) {
			t.Errorf("%q was changed", tt.path)
		}
		if m, _ := filepath.Glob(tt.path + "-*"); len(m) > 0 {
			t.Errorf("%q: files left beside it: %v", tt.path, m)
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("opening a missing register made its folder")
	}
	// Creating: a missing file, an empty one; never over a register.
	for _, p := range []string{missing, empty} {
		s, err := Create(p)
		if err != nil {
			t.Fatalf("create %s: %v", p, err)
		}
		s.Close()
		if _, err := Create(p); err == nil || !strings.Contains(err.Error(), "đã có") {
			t.Fatalf("created over a register: %v", err)
		}
		s, err = OpenWith(p, OpenOptions{})
		if err != nil {
			t.Fatalf("reopen %s: %v", p, err)
		}
		s.Close()
	}
}

// Finding 8: two processes (here two connections pools, which SQLite
// locks as it locks processes) creating one register at once.
func TestConcurrentCreate(t *testing.T) {
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), "so.db")
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := OpenWith(path, OpenOptions{Create: true})
				if err == nil {
					err = s.SetSetting(context.Background(), "k", "v")
					s.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", round, i, err)
			}
		}
		s, err := OpenWith(path, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		v, problems, err := s.Check(context.Background())
		// Seeded once: the checklist (and no plan: the ward enters its own).
		var criteria, plans int
		s.db.QueryRow(`SELECT count(*) FROM criteria`).Scan(&criteria)
		s.db.QueryRow(`SELECT count(*) FROM plans`).Scan(&plans)
		s.Close()
		if err != nil || len(problems) > 0 || v != SchemaVersion || criteria != len(domain.DefaultCriteria) || plans != 0 {
			t.Fatalf("round %d: version %d, %d criteria, %d plans, %v %v", round, v, criteria, plans, problems, err)
		}
	}
}

// Finding 8: readers never wait for a writer; a writer waits its turn,
// then gives up with a message.
func TestWriterDoesNotBlockReaders(t *testing.T) {
	ctx := context.Background()
	old := busyTimeoutMS
	busyTimeoutMS = 300
	t.Cleanup(func() { busyTimeoutMS = old })
	path := filepath.Join(t.TempDir(), "so.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	fillWard(t, w, 200, 1)
	// A long write, not yet committed.
	conn, err := w.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `UPDATE people SET note = 'đang sửa'`); err != nil {
		t.Fatal(err)
	}
	for _, o := range []OpenOptions{{ReadOnly: true}, {}} {
		r, err := OpenWith(path, o)
		if err != nil {
			t.Fatalf("%+v: open during a write: %v", o, err)
		}
		// A reader that waited for the writer would fail after the (short)
		// busy timeout: an error here is a blocked read.
		n, err := r.CountMembers(ctx, MemberFilter{})
		if err != nil || n == 0 {
			t.Fatalf("%+v: read during a write: %d %v", o, n, err)
		}
		if _, err := r.Search(ctx, "nguyen", 10); err != nil {
			t.Fatalf("search during a write: %v", err)
		}
		if !o.ReadOnly {
			err := r.SetSetting(ctx, "k", "v")
			if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "thử lại") {
				t.Fatalf("a second writer: %v", err)
			}
		}
		r.Close()
	}
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		t.Fatal(err)
	}
}

// A register of an older schema opened read-only is not migrated: check
// (AnyVersion) reads it as it is, other reads are told how to upgrade.
func TestReadOnlyOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "so.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	orig := migrations
	t.Cleanup(func() { migrations = orig })
	migrations = append(append([]string(nil), orig...), `CREATE TABLE dues (id INTEGER PRIMARY KEY)`)
	before := fileBytes(t, path)
	if _, err := OpenWith(path, OpenOptions{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "upgrade") {
		t.Fatalf("an older register read-only: %v", err)
	}
	c, err := OpenWith(path, OpenOptions{ReadOnly: true, AnyVersion: true})
	if err != nil {
		t.Fatal(err)
	}
	v, problems, err := c.Check(context.Background())
	c.Close()
	if err != nil || v != len(orig) || len(problems) != 1 || !strings.Contains(problems[0], "lược đồ") {
		t.Fatalf("check of an older register: %d %v %v", v, problems, err)
	}
	if !bytes.Equal(before, fileBytes(t, path)) {
		t.Fatal("reading an older register changed it")
	}
}
