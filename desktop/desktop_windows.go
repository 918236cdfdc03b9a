//go:build windows

package desktop

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"

	"sodoan/domain"
)

var (
	shell32       = windows.NewLazySystemDLL("shell32.dll")
	shellExecuteW = shell32.NewProc("ShellExecuteW")
	mapi32        = windows.NewLazySystemDLL("mapi32.dll")
	mapiSendMailW = mapi32.NewProc("MAPISendMailW")
)

// openPath asks the shell to open p: a folder opens in Explorer, a file
// in the program its type is associated with.
func openPath(p string) error { return shellExecute("open", p) }

// Printable reports whether Print can print this kind of file: on
// Windows any whose program has a print verb (a PDF reader, Excel), which
// only asking finds out.
func Printable(path string) bool { return filepath.Ext(path) != ".sodoan" }

// printPath asks the shell to print p with its type's print verb (the
// PDF reader's, Excel's), on the default printer.
func printPath(p string) error { return shellExecute("print", p) }

// shellExecute runs ShellExecuteW with verb on p on a thread of its own
// with COM initialised, as the shell's verbs may need it.
func shellExecute(verb, p string) error {
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return domain.ErrMsg("đường dẫn %s không dùng được: %v", p, err)
	}
	f, err := windows.UTF16PtrFromString(p)
	if err != nil {
		return domain.ErrMsg("đường dẫn %s không dùng được: %v", p, err)
	}
	done := make(chan uintptr, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE) == nil {
			defer windows.CoUninitialize()
		}
		r, _, _ := shellExecuteW.Call(0, uintptr(unsafe.Pointer(v)), uintptr(unsafe.Pointer(f)), 0, 0, windows.SW_SHOWNORMAL)
		done <- r
	}()
	r := <-done
	if r > 32 {
		return nil
	}
	// ShellExecute's own codes (SE_ERR_*), at most 32.
	switch r {
	case 2, 3:
		return domain.ErrMsg("không thấy %s: tệp hoặc thư mục đã bị xóa hay chuyển đi", p)
	case 5:
		return domain.ErrMsg("Windows không cho mở %s (không có quyền)", p)
	case 26:
		return domain.ErrMsg("tệp %s đang bị chương trình khác giữ: đóng chương trình đó rồi thử lại", p)
	case 27, 31:
		if verb == "print" {
			return domain.ErrMsg("máy chưa có chương trình in được loại tệp này (%s): mở tệp rồi in từ chương trình đã mở nó, hoặc cài một trình đọc PDF", filepath.Ext(p))
		}
		return domain.ErrMsg("máy chưa có chương trình để mở %s", p)
	}
	return domain.ErrMsg("Windows không mở được %s (mã lỗi %d)", p, int(r))
}

// showPath opens Explorer on the folder of p with p selected. Explorer
// exits with 1 even when it did so: its status says nothing.
func showPath(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return domain.ErrMsg("không thấy %s: tệp hoặc thư mục đã bị xóa hay chuyển đi", p)
	}
	if fi.IsDir() {
		return openPath(p)
	}
	explorer := filepath.Join(os.Getenv("SystemRoot"), "explorer.exe")
	if os.Getenv("SystemRoot") == "" {
		explorer = "explorer.exe"
	}
	cmd := exec.Command(explorer)
	// Explorer reads its own command line: /select,"path" exactly, which
	// Go's quoting of arguments would spoil.
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `explorer.exe /select,"` + p + `"`}
	if err := cmd.Start(); err != nil {
		return domain.ErrMsg("không chạy được lệnh %s: %v", "explorer.exe", err)
	}
	go cmd.Wait()
	return nil
}

// Simple MAPI's structures (mapi.h), for MAPISendMailW.
type mapiFileDescW struct {
	reserved uint32
	flags    uint32
	position uint32
	pathName *uint16
	fileName *uint16
	fileType uintptr
}

type mapiMessageW struct {
	reserved       uint32
	subject        *uint16
	noteText       *uint16
	messageType    *uint16
	dateReceived   *uint16
	conversationID *uint16
	flags          uint32
	originator     uintptr
	recipCount     uint32
	recips         uintptr
	fileCount      uint32
	files          *mapiFileDescW
}

const (
	mapiLogonUI   = 0x1
	mapiDialog    = 0x8
	mapiUserAbort = 1
)

// emailPath opens the default mail program's new message with p attached
// through Simple MAPI (Outlook, Thunderbird and the like register it);
// errNoMail when no mail program answers.
func emailPath(p string) error {
	if mapiSendMailW.Find() != nil {
		return errNoMail
	}
	path, err := windows.UTF16PtrFromString(p)
	if err != nil {
		return domain.ErrMsg("đường dẫn %s không dùng được: %v", p, err)
	}
	name, _ := windows.UTF16PtrFromString(filepath.Base(p))
	subject, _ := windows.UTF16PtrFromString(filepath.Base(p))
	file := mapiFileDescW{position: 0xFFFFFFFF, pathName: path, fileName: name}
	msg := mapiMessageW{subject: subject, fileCount: 1, files: &file}
	done := make(chan uintptr, 1)
	go func() {
		// The mail program's window is modal to this thread until the
		// message is sent or closed.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		r, _, _ := mapiSendMailW.Call(0, 0, uintptr(unsafe.Pointer(&msg)), mapiLogonUI|mapiDialog, 0)
		done <- r
	}()
	r := <-done
	runtime.KeepAlive(&msg)
	runtime.KeepAlive(&file)
	if r == 0 || r == mapiUserAbort {
		return nil
	}
	return errNoMail
}
