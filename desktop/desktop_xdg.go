//go:build !windows

package desktop

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"sodoan/domain"
)

// openPath opens p with xdg-open, which asks the desktop for the user's
// program for the file's type.
func openPath(p string) error {
	if _, err := exec.LookPath("xdg-open"); err != nil {
		return domain.ErrMsg("máy chưa có lệnh xdg-open (gói xdg-utils) để mở tệp: tệp nằm ở %s", p)
	}
	err := run(true, "xdg-open", p)
	if exitCode(err) == 3 {
		// xdg-open's 3: no program for this kind of file.
		return domain.ErrMsg("máy chưa có chương trình để mở %s", p)
	}
	return err
}

// showPath opens the folder holding p (a folder itself opens as it is):
// xdg-open has no way to select a file in it.
func showPath(p string) error {
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		p = filepath.Dir(p)
	}
	return openPath(p)
}

// Printable reports whether Print can print this kind of file: with lp,
// a PDF or plain text.
func Printable(path string) bool { return printable[strings.ToLower(filepath.Ext(path))] }

// printable are the files lp prints as they are: CUPS turns PDF and plain
// text into pages, a spreadsheet it would print as its bytes.
var printable = map[string]bool{".pdf": true, ".txt": true, ".csv": true}

// printPath sends p to the default printer with lp (CUPS), after checking
// with lpstat that there is one: lp without a printer says so only in
// English.
func printPath(p string) error {
	if !printable[strings.ToLower(filepath.Ext(p))] {
		return domain.ErrMsg("chỉ in thẳng được tệp PDF: hãy mở tệp %s rồi in từ chương trình đã mở nó", filepath.Base(p))
	}
	if _, err := exec.LookPath("lp"); err != nil {
		return domain.ErrMsg("máy chưa cài dịch vụ in (lệnh lp của CUPS): cài máy in rồi bấm In lại, hoặc mở tệp và in từ chương trình đọc PDF")
	}
	if !hasDefaultPrinter() {
		return domain.ErrMsg("máy chưa chọn máy in mặc định: chọn một máy in làm mặc định trong phần Máy in của máy tính rồi bấm In lại")
	}
	return run(false, "lp", p)
}

// hasDefaultPrinter tells whether lp has somewhere to print: $LPDEST or
// $PRINTER, else lpstat -d naming a system default. Without lpstat, lp is
// left to answer for itself.
func hasDefaultPrinter() bool {
	if os.Getenv("LPDEST") != "" || os.Getenv("PRINTER") != "" {
		return true
	}
	if _, err := exec.LookPath("lpstat"); err != nil {
		return true
	}
	cmd := exec.Command("lpstat", "-d")
	// English, whatever the desktop's language, to read the answer.
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
	out, err := cmd.Output()
	if err != nil {
		return false
	}
	return strings.Contains(string(out), "system default destination:")
}

// emailPath starts a message with p attached through xdg-email, which
// asks the desktop's mail program; errNoMail when there is no xdg-email.
func emailPath(p string) error {
	if _, err := exec.LookPath("xdg-email"); err != nil {
		return errNoMail
	}
	err := run(true, "xdg-email", "--attach", p)
	if exitCode(err) == 3 {
		return errNoMail // xdg-email's 3: no mail program set up
	}
	return err
}
