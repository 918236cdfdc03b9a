package writepath

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"testing"
)

// TestTxStaysInside: nothing writepath exports gives out its transaction
// (a *sql.Tx, a statement or a connection), as a result or as an
// exported field, so that code holding a Tx can only write through it.
func TestTxStaysInside(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	leaks := func(e ast.Expr) bool {
		s := types.ExprString(e)
		return strings.Contains(s, "sql.Tx") || strings.Contains(s, "sql.Stmt") || strings.Contains(s, "sql.Conn") || strings.Contains(s, "sql.DB")
	}
	var found int
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		found++
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() || d.Type.Results == nil {
					continue
				}
				for _, r := range d.Type.Results.List {
					if leaks(r.Type) {
						t.Errorf("%s: %s returns %s", name, d.Name.Name, types.ExprString(r.Type))
					}
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					ts, ok := sp.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						if leaks(ts.Type) {
							t.Errorf("%s: type %s is %s", name, ts.Name.Name, types.ExprString(ts.Type))
						}
						continue
					}
					for _, fl := range st.Fields.List {
						for _, n := range fl.Names {
							if n.IsExported() && leaks(fl.Type) {
								t.Errorf("%s: %s.%s is %s", name, ts.Name.Name, n.Name, types.ExprString(fl.Type))
							}
						}
						if len(fl.Names) == 0 && leaks(fl.Type) {
							t.Errorf("%s: %s embeds %s", name, ts.Name.Name, types.ExprString(fl.Type))
						}
					}
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no source file read")
	}
}
