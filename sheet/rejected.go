package sheet

import (
	"io"
	"strings"

	"sodoan/outfile"

	"sodoan/domain"
)

// reasonTitle is the header of the column that says why a row was
// rejected.
const reasonTitle = "Lý do chưa nhập"

// WriteRejected writes the rows that have problems to out (.xlsx or
// .csv) with the sheet's own columns and a last column saying why, so that
// the user fixes them there and imports the file again. The rows are read
// again from the sheet: the preview keeps no copy of the cells. It
// returns how many rows it wrote.
func (pv *Preview) WriteRejected(out outfile.Output) (int, error) {
	// Never over the sheet it reads the rows from (--errors F --force
	// with F the import's own file).
	out.Inputs = append(out.Inputs, pv.Path)
	reasons := map[int]string{}
	for _, r := range pv.Rows {
		if len(r.Problems) == 0 {
			continue
		}
		msgs := make([]string, len(r.Problems))
		for i, p := range r.Problems {
			msgs[i] = p.Column + ": " + p.Reason
		}
		reasons[r.SheetRow] = strings.Join(msgs, "; ")
	}
	format, err := sniff(pv.Path)
	if err != nil {
		return 0, err
	}
	src := &source{path: pv.Path, format: format, sheet: pv.Sheet, fillFrom: pv.layout.dataRow}
	l := pv.layout
	cols := make([]Column, 0, len(l.columns)+1)
	for _, c := range l.columns {
		col := Column{Title: c.title, Width: 14}
		if c.field >= 0 {
			col.Kind = Fields[c.field].Kind
			col.Width = max(Fields[c.field].Width, 12)
		}
		cols = append(cols, col)
	}
	cols = append(cols, Column{Title: reasonTitle, Width: 60})
	n := 0
	err = WriteFile(out, func(w io.Writer, f Format) error {
		tw, err := NewTableWriter(w, f, "Chưa nhập", cols)
		if err != nil {
			return err
		}
		vals := make([]any, len(cols))
		err = src.each(func(row int, cells []string) error {
			reason, bad := reasons[row]
			if !bad {
				return nil
			}
			for i, c := range l.columns {
				v := unescapeFormula(cell(cells, c.index))
				vals[i] = v
				if c.field >= 0 && Fields[c.field].Kind == DateKind {
					// A date cell read as its serial goes back as a date.
					var d domain.Date
					if !strings.ContainsAny(v, "/-") && setDate(&d, l.serial1900(v)) == nil {
						vals[i] = d
					}
				}
			}
			vals[len(vals)-1] = reason
			n++
			return tw.Row(vals...)
		})
		if err != nil {
			tw.Close()
			return err
		}
		return tw.Close()
	})
	return n, err
}
