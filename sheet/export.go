package sheet

import (
	"context"
	"fmt"
	"io"

	"sodoan/outfile"

	"sodoan/domain"
	"sodoan/store"
)

// ExportOptions chooses what an export holds.
type ExportOptions struct {
	// Personal adds CCCD, phone, address, ethnicity, religion and notes,
	// which stay out of an export unless the user asks (every export is
	// readable by its owner alone: see store.Output).
	Personal bool
}

// MemberFields are the fields a member export writes, in order.
func MemberFields(o ExportOptions) []Field {
	var out []Field
	for _, f := range Fields {
		if f.Get != nil && (o.Personal || !f.Personal) {
			out = append(out, f)
		}
	}
	return out
}

func columnsOf(fields []Field) []Column {
	cols := make([]Column, len(fields))
	for i, f := range fields {
		cols[i] = Column{Title: f.Label, Width: f.Width, Kind: f.Kind}
	}
	return cols
}

// ExportMembers writes the people matching f, in f's order (Vietnamese
// name order by default), as a table in format to w, and returns how many
// rows it wrote. Rows are streamed: a 100,000-member register is never
// held in memory.
func ExportMembers(ctx context.Context, st *store.Store, f store.MemberFilter, w io.Writer, format Format, o ExportOptions) (int, error) {
	fields := MemberFields(o)
	tw, err := NewTableWriter(w, format, "Danh sách", columnsOf(fields))
	if err != nil {
		return 0, err
	}
	n := 0
	vals := make([]any, len(fields))
	err = st.EachMember(ctx, f, func(p *domain.Person) error {
		n++
		for i, fl := range fields {
			vals[i] = fl.Get(p, n)
		}
		return tw.Row(vals...)
	})
	if err != nil {
		tw.Close()
		return 0, fmt.Errorf("xuất danh sách: %w", err)
	}
	return n, tw.Close()
}

// WriteFile writes a spreadsheet to out (its format from the extension)
// through store.Output, which refuses the register and, unless allowed,
// an existing file, and never leaves half a file; the file is readable by
// its owner alone.
func WriteFile(out outfile.Output, write func(w io.Writer, format Format) error) error {
	format, err := FormatOf(out.Path)
	if err != nil {
		return err
	}
	if format == XLS {
		return fmt.Errorf("tệp %s: Sổ Đoàn ghi .xlsx hoặc .csv, không ghi .xls", out.Path)
	}
	return out.Write(func(w io.Writer) error { return write(w, format) })
}

// ExportMembersFile writes the people matching f to out, an .xlsx or .csv
// file, and returns how many rows it wrote.
func ExportMembersFile(ctx context.Context, st *store.Store, f store.MemberFilter, out outfile.Output, o ExportOptions) (int, error) {
	var n int
	err := WriteFile(out, func(w io.Writer, format Format) error {
		var err error
		n, err = ExportMembers(ctx, st, f, w, format, o)
		return err
	})
	return n, err
}
