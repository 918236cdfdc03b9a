package sheet

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"testing"

	"sodoan/demo"
	"sodoan/outfile"

	"sodoan/domain"

	"github.com/xuri/excelize/v2"
)

// TestExportTables writes the branches, clubs, cooperative groups and
// indicators of a demo ward and reads each back: one row per record, in
// Vietnamese order, with the register's figures.
func TestExportTables(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if err := demo.Generate(ctx, s, demo.Options{Members: 300, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	year := domain.Today().Year()
	branches, _ := s.Branches(ctx, true)
	clubs, _ := s.Clubs(ctx)
	coops, _ := s.Coops(ctx)
	plan, err := s.CurrentPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{TableBranches: len(branches), TableClubs: len(clubs), TableCoops: len(coops), TableIndicators: len(plan.Indicators)}
	members := map[string]int{}
	for _, b := range branches {
		members[b.Name] = b.Members
	}
	coll := domain.NewCollator()
	for _, name := range Tables {
		path := filepath.Join(t.TempDir(), name+".xlsx")
		var n int
		err := WriteFile(outfile.Output{Path: path}, func(w io.Writer, f Format) error {
			var err error
			n, err = ExportTable(ctx, s, name, year, w, f)
			return err
		})
		if err != nil || n != want[name] || n == 0 {
			t.Fatalf("%s: %d rows (%v), want %d", name, n, err, want[name])
		}
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := x.GetRows(x.GetSheetList()[0])
		x.Close()
		if err != nil || len(rows) != n+1 {
			t.Fatalf("%s: %d rows in the file (%v)", name, len(rows), err)
		}
		if name == TableIndicators {
			if rows[1][0] != plan.Indicators[0].Code {
				t.Errorf("first indicator %q, want %q", rows[1][0], plan.Indicators[0].Code)
			}
			continue
		}
		for i := 2; i < len(rows); i++ {
			if coll.CompareString(rows[i-1][1], rows[i][1]) > 0 {
				t.Errorf("%s: %q before %q", name, rows[i-1][1], rows[i][1])
			}
		}
		if name == TableBranches {
			for _, r := range rows[1:] {
				if got, _ := strconv.Atoi(r[3]); got != members[r[1]] {
					t.Errorf("%s: %s members, want %d", r[1], r[3], members[r[1]])
				}
			}
		}
	}
	if _, err := ExportTable(ctx, s, "people", year, io.Discard, XLSX); err == nil {
		t.Error("an unknown table was exported")
	}
}
