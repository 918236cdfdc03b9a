package store

import (
	"sodoan/outfile"
)

// Output is an output path checked against this register.
func (s *Store) Output(path string, replace bool) outfile.Output {
	return outfile.Output{Path: path, Register: s.path, Replace: replace}
}
