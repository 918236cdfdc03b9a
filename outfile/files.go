package outfile

import "io"

// WriteFile writes a new file at path (see Output.Write); it refuses an
// existing file and any register. Callers that know the open register,
// or may replace a file, use Store.Output.
func WriteFile(path string, write func(io.Writer) error) error {
	return Output{Path: path}.Write(write)
}
