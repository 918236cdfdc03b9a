// Package desktop hands a file the program wrote to the operating
// system: opens it or its folder with the user's own programs, shows it
// selected in its folder, prints it on the default printer and starts an
// e-mail with it attached. It always passes the plain path (never a
// file:// link, whose percent-encoded Vietnamese letters the Windows shell
// does not decode), and a command that fails or exits with an error comes
// back as a Vietnamese message (a *domain.MessageError, which a window
// translates), never as silence.
//
// It imports only domain: it knows nothing of the register or the window.
package desktop

import (
	"errors"
	"os"
	"path/filepath"

	"sodoan/domain"
)

// EmailOutcome says what Email did.
type EmailOutcome int

const (
	// MailStarted: the mail program opened a new message with the file.
	MailStarted EmailOutcome = iota
	// FolderShown: there is no mail program to ask, so the file's folder
	// was opened with the file in it, to attach by hand.
	FolderShown
)

// Open opens a file or folder with the system's program for it.
func Open(path string) error {
	p, err := existing(path)
	if err != nil {
		return err
	}
	return openPath(p)
}

// Show opens the folder of a file with the file selected where the system
// can (Explorer); elsewhere it opens the folder.
func Show(path string) error {
	p, err := existing(path)
	if err != nil {
		return err
	}
	return showPath(p)
}

// Print sends a file to the default printer.
func Print(path string) error {
	p, err := existing(path)
	if err != nil {
		return err
	}
	return printPath(p)
}

// Email starts a new message in the default mail program with the file
// attached. Where there is no mail program it opens the file's folder
// instead and says so (FolderShown); an error means neither happened.
func Email(path string) (EmailOutcome, error) {
	p, err := existing(path)
	if err != nil {
		return 0, err
	}
	if err := emailPath(p); err == nil {
		return MailStarted, nil
	} else if !errors.Is(err, errNoMail) {
		return 0, err
	}
	if err := showPath(p); err != nil {
		return 0, err
	}
	return FolderShown, nil
}

// errNoMail is what emailPath returns when no mail program can be asked.
var errNoMail = errors.New("no mail program")

// existing is path made absolute and clean, in the system's own spelling
// (one separator, the OS's), or a Vietnamese message when nothing is there.
func existing(path string) (string, error) {
	if path == "" {
		return "", domain.ErrMsg("chưa có tệp để mở")
	}
	p, err := filepath.Abs(path)
	if err != nil {
		return "", domain.ErrMsg("đường dẫn %s không dùng được: %v", path, err)
	}
	if _, err := os.Stat(p); err != nil {
		return "", domain.ErrMsg("không thấy %s: tệp hoặc thư mục đã bị xóa hay chuyển đi", p)
	}
	return p, nil
}
