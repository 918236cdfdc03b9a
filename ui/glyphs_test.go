package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"sodoan/assets"
)

// TestEveryDrawnCharacterIsInTheBundledFont checks that each character of
// every string the window can draw (the UI's and the store's string
// literals, domain's and store's, which hold the labels, statuses and messages, and both
// translation files) is in the font Fyne bundles, regular and bold. A
// character missing there is looked up in the system's fonts, and a Windows
// laptop may have none with it: it then draws as an empty box (▲/▼ did).
// Symbols that are not letters belong in an icon instead.
func TestEveryDrawnCharacterIsInTheBundledFont(t *testing.T) {
	runes := map[rune][]string{} // character → where it was found
	inspectSources(t, []string{".", "../domain", "../outfile", "../store"}, func(fset *token.FileSet, n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		for _, r := range s {
			runes[r] = append(runes[r], fset.Position(lit.Pos()).String())
		}
		return true
	})
	for _, code := range []string{"vi", "en"} {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]any
		if err := json.Unmarshal(data, &tr); err != nil {
			t.Fatal(err)
		}
		for k, v := range tr {
			s := k
			if str, ok := v.(string); ok {
				s += str
			} else if m, ok := v.(map[string]any); ok {
				for _, o := range m {
					if str, ok := o.(string); ok {
						s += str
					}
				}
			}
			for _, r := range s {
				runes[r] = append(runes[r], "translations/"+code+".json")
			}
		}
	}
	if len(runes) < 100 {
		t.Fatalf("only %d distinct characters found: the scan is broken", len(runes))
	}
	var missing []string
	for _, res := range []struct {
		name string
		data []byte
	}{
		{"regular", theme.DefaultTextFont().Content()},
		{"bold", theme.DefaultTextBoldFont().Content()},
	} {
		f, err := sfnt.Parse(res.data)
		if err != nil {
			t.Fatalf("%s: %v", res.name, err)
		}
		var buf sfnt.Buffer
		for r, where := range runes {
			if unicode.IsControl(r) || r == unicode.ReplacementChar {
				continue
			}
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				missing = append(missing, res.name+" "+strconv.QuoteRune(r)+" at "+where[0])
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("not in Fyne's bundled font: %s", m)
	}
}

// inspectSources walks the syntax of every non-test Go file in dirs with
// visit, as ast.Inspect does.
func inspectSources(t *testing.T, dirs []string, visit func(*token.FileSet, ast.Node) bool) {
	t.Helper()
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("sources in %s: %v", dir, err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool { return visit(fset, n) })
		}
	}
}
