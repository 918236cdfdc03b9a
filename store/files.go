package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a document or export beside its destination and renames
// it into place, so that a failed or interrupted run never leaves half a
// file under the name (nor replaces a good one). The folder is created
// when missing.
func WriteFile(path string, write func(io.Writer) error) error {
	return writeFile(path, 0o644, write)
}

// WritePrivateFile is WriteFile for files holding personal data (CCCD,
// phone, address): the file is readable by its owner alone (0600).
func WritePrivateFile(path string, write func(io.Writer) error) error {
	return writeFile(path, 0o600, write)
}

func writeFile(path string, perm os.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("tạo thư mục %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".sodoan-*"+filepath.Ext(path))
	if err != nil {
		return fmt.Errorf("tạo tệp tạm: %w", err)
	}
	defer os.Remove(f.Name())
	// A temporary file is private; the document is an ordinary file
	// unless it holds personal data.
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return fmt.Errorf("tạo tệp tạm: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	return nil
}
