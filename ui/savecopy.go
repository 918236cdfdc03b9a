package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sodoan/outfile"
)

// saveCopy asks where to keep a copy of a file the app wrote (a PDF, a
// sheet, a package: onto a USB stick, into a shared folder) and copies
// it there, off the UI goroutine. The Save dialog refuses the register
// and its backups; the copy is written as every output is (outfile), so
// a failure is said in the user's words and leaves no half file. It
// returns the dialog's box (nil for Windows' own dialog).
func (fs *folders) saveCopy(src string) *saveBox {
	spec := saveSpec{
		title:    T("Lưu bản sao"),
		name:     filepath.Base(src),
		exts:     []string{strings.ToLower(filepath.Ext(src))},
		start:    documentsDir(),
		register: fs.register,
	}
	return chooseSave(fs.f, fs.win, spec, func(dest string) {
		if outfile.SameFile(dest, src) {
			fs.f.notify(fmt.Sprintf(T("Tệp đã ở %s."), dest))
			return
		}
		go func() {
			err := copyOut(src, dest, fs.register)
			fs.do(func() {
				if err != nil {
					fs.f.showError(err)
					return
				}
				fs.f.notify(fmt.Sprintf(T("Đã lưu bản sao vào %s"), dest))
			})
		}()
	})
}

// copyOut copies src to dest, replacing a file there (the Save dialog
// asked), never the register.
func copyOut(src, dest, register string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("đọc %s: %w", src, err)
	}
	defer in.Close()
	out := outfile.Output{Path: dest, Register: register, Replace: true, Inputs: []string{src}}
	return out.Write(func(w io.Writer) error {
		if _, err := io.Copy(w, in); err != nil {
			return fmt.Errorf("đọc %s: %w", src, err)
		}
		return nil
	})
}
