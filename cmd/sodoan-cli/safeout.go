package main

import "io"

// safeWriter keeps control characters from the register off the terminal:
// an ESC in a name (stored before the text rules, or by another program)
// must not recolour, move or clear the user's terminal, nor ride along
// into a CSV. Tabs and line breaks pass; every other C0 control, DEL and
// the C1 controls (U+0080–U+009F, two bytes in UTF-8) become '?'.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	var out []byte // allocated only when something is replaced
	for i := 0; i < len(p); i++ {
		c := p[i]
		bad := c < 0x20 && c != '\t' && c != '\n' || c == 0x7f
		width := 1
		if c == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] <= 0x9f {
			bad, width = true, 2
		}
		if bad && out == nil {
			out = append(make([]byte, 0, len(p)), p[:i]...)
		}
		switch {
		case bad:
			out = append(out, '?')
			i += width - 1
		case out != nil:
			out = append(out, c)
		}
	}
	if out == nil {
		return s.w.Write(p)
	}
	if _, err := s.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
