package outfile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// WriteFile writes a new file at path (see Output.Write); it refuses an
// existing file and any register. Callers that know the open register,
// or may replace a file, use Store.Output.
func WriteFile(path string, write func(io.Writer) error) error {
	return Output{Path: path}.Write(write)
}

// ErrNotRegular is wrapped by the error of a path that names a device, a
// FIFO or a socket where a file is read or written.
var ErrNotRegular = errors.New("không phải tệp thường (thiết bị, ống dẫn hoặc socket)")

// Regular refuses, before it is opened, an input that is not an ordinary
// file: opening a FIFO blocks for ever and a device reads without end.
// A missing file or a folder is left to the caller's own message.
func Regular(path string) error {
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() || fi.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("%s %w", path, ErrNotRegular)
}
