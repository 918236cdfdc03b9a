package store

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"sodoan/outfile"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bao-cao", "2026")
	path := filepath.Join(dir, "danh-sach.pdf")
	if err := outfile.WriteFile(path, writeString("bản đầu")); err != nil {
		t.Fatal(err)
	}
	// A write that fails half-way leaves the earlier file whole and no
	// temporary file behind.
	boom := errors.New("hết giấy")
	err := outfile.Output{Path: path, Replace: true}.Write(func(w io.Writer) error { io.WriteString(w, "bản hỏng"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	// So does a writer that panics (a PDF library fault): an error, no file.
	err = outfile.Output{Path: path, Replace: true}.Write(func(w io.Writer) error { io.WriteString(w, "bản hỏng"); panic("index out of range") })
	if err == nil {
		t.Fatal("a panicking writer gave no error")
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "bản đầu" || len(entries) != 1 {
		t.Fatalf("after a failed write: %q, %d files", got, len(entries))
	}
}

// TestOutputRefusesRegister is finding 1 of issue 9: `report clubs --out
// so.db` replaced the register with a PDF. Every way of naming the
// register, its companion files and its backups folder is refused, even
// with replacing allowed, and the register is left byte for byte.
func TestOutputRefusesRegister(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.SetSetting(ctx, "test", "x"); err != nil { // a -wal file exists
		t.Fatal(err)
	}
	reg := s.Path()
	dir := filepath.Dir(reg)
	other := filepath.Join(t.TempDir(), "khac")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(other, 0o755))
	must(os.Symlink(reg, filepath.Join(other, "link.pdf")))
	must(os.Symlink(dir, filepath.Join(other, "dirlink")))
	must(os.Link(reg, filepath.Join(other, "hard.pdf")))
	must(os.MkdirAll(filepath.Join(dir, outfile.BackupsFolderName, "2026"), 0o755))
	backup := filepath.Join(other, "sao-luu-cu.db")
	must(s.Backup(ctx, backup))
	t.Chdir(dir)
	before, err := os.ReadFile(reg)
	must(err)

	for _, path := range []string{
		reg, "so-doan.db", "./so-doan.db", "khong-co/../so-doan.db", dir + "//so-doan.db",
		reg + "-wal", reg + "-shm", reg + "-journal", "./so-doan.db-journal",
		filepath.Join(other, "link.pdf"), filepath.Join(other, "dirlink", "so-doan.db"),
		filepath.Join(other, "hard.pdf"),
		filepath.Join(dir, outfile.BackupsFolderName, "bao-cao.pdf"), filepath.Join(dir, outfile.BackupsFolderName, "2026", "moi.xlsx"),
		filepath.Join(other, "dirlink", outfile.BackupsFolderName, "x.pdf"),
		backup, backup + "-wal",
	} {
		for _, replace := range []bool{false, true} {
			out := s.Output(path, replace)
			if err := out.Check(); !errors.Is(err, outfile.ErrOutputIsRegister) {
				t.Errorf("Check(%s, replace %v) = %v, want ErrOutputIsRegister", path, replace, err)
			}
			if err := out.Write(writeString("%PDF-1.4")); !errors.Is(err, outfile.ErrOutputIsRegister) {
				t.Errorf("Write(%s, replace %v) = %v, want ErrOutputIsRegister", path, replace, err)
			}
		}
	}
	// Where names ignore case, SO-DOAN.DB is the register.
	defer func(f bool) { outfile.FoldPaths = f }(outfile.FoldPaths)
	outfile.FoldPaths = true
	if err := s.Output(filepath.Join(dir, "SO-DOAN.DB"), true).Check(); !errors.Is(err, outfile.ErrOutputIsRegister) {
		t.Errorf("SO-DOAN.DB: %v", err)
	}
	if err := s.Output(filepath.Join(dir, "Sao-Luu", "x.pdf"), true).Check(); !errors.Is(err, outfile.ErrOutputIsRegister) {
		t.Errorf("Sao-Luu/x.pdf: %v", err)
	}
	// Where names follow Windows' rules, "so-doan.db. " is the register
	// and a stream of it is refused.
	defer func(w bool) { outfile.WindowsNames = w }(outfile.WindowsNames)
	outfile.WindowsNames = true
	for _, path := range []string{filepath.Join(dir, "so-doan.db-wal. "), filepath.Join(dir, "so-doan.db-journal..."), filepath.Join(dir, "so-doan.db:bao-cao.pdf")} {
		if err := s.Output(path, true).Check(); err == nil {
			t.Errorf("%q: accepted", path)
		}
	}
	after, err := os.ReadFile(reg)
	must(err)
	if !bytes.Equal(before, after) {
		t.Fatal("the register changed")
	}
	if v, err := s.Setting(ctx, "test"); err != nil || v != "x" {
		t.Fatalf("register after the attempts: %q, %v", v, err)
	}
	// A backup goes in the backups folder, never onto the register.
	if err := s.Backup(ctx, filepath.Join(dir, outfile.BackupsFolderName, "2026", "sao-luu.db")); err != nil {
		t.Errorf("a backup in the backups folder: %v", err)
	}
	for _, path := range []string{reg + "-journal", "./so-doan.db-shm", filepath.Join(other, "link.pdf")} {
		if err := s.Backup(ctx, path); !errors.Is(err, outfile.ErrOutputIsRegister) {
			t.Errorf("backup onto %s: %v", path, err)
		}
	}
}

// TestOutputExisting: an existing file is replaced only when asked, and a
// new file is written; a folder is never a file.
func TestOutputExisting(t *testing.T) {
	s := openTemp(t)
	dir := t.TempDir()
	precious := filepath.Join(dir, "quy.txt")
	if err := os.WriteFile(precious, []byte("quý"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := s.Output(precious, false).Write(writeString("mới"))
	var oe *outfile.OutputError
	if !errors.Is(err, outfile.ErrOutputExists) || !errors.As(err, &oe) || oe.Path != precious {
		t.Fatalf("existing file without replace: %v", err)
	}
	if got, _ := os.ReadFile(precious); string(got) != "quý" {
		t.Fatalf("the file was replaced: %q", got)
	}
	if err := s.Output(precious, true).Write(writeString("mới")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(precious); string(got) != "mới" {
		t.Fatalf("not replaced: %q", got)
	}
	if err := s.Output(dir, true).Check(); err == nil || errors.Is(err, outfile.ErrOutputExists) {
		t.Fatalf("a folder: %v", err)
	}
	if err := s.Output("", true).Check(); err == nil {
		t.Fatal("an empty path was accepted")
	}
	fresh := filepath.Join(dir, "moi", "danh-sach.xlsx")
	if err := s.Output(fresh, false).Write(writeString("x")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(fresh))
	if len(entries) != 1 {
		t.Fatalf("%d files beside the new one", len(entries))
	}
}
