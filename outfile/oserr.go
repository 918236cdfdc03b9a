package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// The system's own words for a failed write ("rename …\.sodoan-3138657145.pdf
// …: Access denied.", "open …: Access denied.") tell a secretary nothing:
// she does not know there was a temporary file, nor why access would be
// denied. The usual causes are few, and each has something to do.

// Why a write failed, in words the user can act on.
const (
	whyInUse    = "tệp đang mở trong một chương trình khác (trình đọc PDF, Excel…) hoặc chỉ cho đọc; hãy đóng tệp đó rồi làm lại, hoặc lưu với tên khác"
	whyReadOnly = "thư mục %s chỉ cho đọc, hoặc tài khoản này không có quyền ghi vào đó; hãy chọn thư mục khác"
	whyDiskFull = "ổ đĩa đã đầy; hãy xóa bớt tệp hoặc chọn ổ khác"
	whyNoFolder = "không có thư mục %s (ổ USB đã rút ra?); hãy chọn thư mục khác"
)

// replaceFailed explains a failure to put the finished file under its
// name: the old file is held open by another program, or cannot be
// replaced.
func replaceFailed(path string, err error) error {
	switch {
	case inUse(err) || errors.Is(err, fs.ErrPermission):
		return &OutputError{Path: path, Err: err, Why: whyInUse, whyFormat: whyInUse}
	case diskFull(err):
		return &OutputError{Path: path, Err: err, Why: whyDiskFull, whyFormat: whyDiskFull}
	}
	return &OutputError{Path: path, Err: err, Why: err.Error()}
}

// FolderFailed explains a failure to create a file or a folder in dir on
// the way to writing path: the folder is read-only, gone, or the disk is
// full. Other errors keep the system's words.
func FolderFailed(path, dir string, err error) error {
	switch {
	case inUse(err) || errors.Is(err, fs.ErrPermission):
		return &OutputError{Path: path, Err: err, Why: fmt.Sprintf(whyReadOnly, dir), whyFormat: whyReadOnly, whyArgs: []any{dir}}
	case errors.Is(err, fs.ErrNotExist):
		return &OutputError{Path: path, Err: err, Why: fmt.Sprintf(whyNoFolder, dir), whyFormat: whyNoFolder, whyArgs: []any{dir}}
	case diskFull(err):
		return &OutputError{Path: path, Err: err, Why: whyDiskFull, whyFormat: whyDiskFull}
	}
	return &OutputError{Path: path, Err: err, Why: err.Error()}
}

// diskFull: ENOSPC on Unix; ERROR_DISK_FULL (112) and
// ERROR_HANDLE_DISK_FULL (39) on Windows.
func diskFull(err error) bool {
	var e syscall.Errno
	if !errors.As(err, &e) {
		return false
	}
	return e == syscall.ENOSPC || isWindowsDiskFull(e)
}
