package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sodoan/outfile"

	"sodoan/assets"
	"sodoan/domain"
	"sodoan/sheet"
	"sodoan/store"
)

// englishTable is translations/en.json.
func englishTable(t *testing.T) map[string]any {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var table map[string]any
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	// The field catalog's English fills in what the file lacks, as
	// SetLanguage does.
	for vi, en := range domain.FieldEnglish() {
		if _, ok := table[vi]; !ok {
			table[vi] = en
		}
	}
	return table
}

// TestFieldCatalogEnglish: every field of the catalog has English, the
// translation file and the catalog agree where both word a label, and the
// English window shows the catalog's words; every word the form puts
// beside a box or in an empty entry has English too.
func TestFieldCatalogEnglish(t *testing.T) {
	data, err := assets.Translations.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	defer SetLanguage(LangVietnamese)
	for _, f := range domain.PersonFields {
		if f.English == "" {
			t.Errorf("%s has no English label", f.Key)
		}
		if v, ok := file[f.Label].(string); ok && v != f.English {
			t.Errorf("%s: the catalog says %q, the translation file %q", f.Label, f.English, v)
		}
		if got := T(f.Label); got != f.English {
			t.Errorf("T(%q) = %q, want %q", f.Label, got, f.English)
		}
		for _, s := range append([]string{f.Check, f.Hint, f.Short, f.Empty}, labels(f.Choices)...) {
			if s != "" && T(s) == s {
				t.Errorf("%s: %q has no English", f.Key, s)
			}
		}
	}
}

func labels(list []domain.Choice) []string {
	var out []string
	for _, c := range list {
		out = append(out, c.Label)
	}
	return out
}

// eachCall calls fn for every call expression in the non-test Go files
// that glob names.
func eachCall(t *testing.T, glob string, fn func(*ast.CallExpr)) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("sources %s: %v", glob, err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				fn(call)
			}
			return true
		})
	}
}

// storeMessages lists the words the store hands to a window: the label of
// every fixed list, and the field label and message format of every rule
// (read from the store's source, so that a new rule without a translation
// fails here, not in front of an English-speaking user).
func storeMessages(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, list := range domain.ChoiceLists() {
		for _, c := range list {
			seen[c.Label] = true
		}
	}
	// The words of history lines and restore notes (store.HistoryEntry.Text).
	for _, w := range append(store.HistoryWords(), store.TrashWords()...) {
		seen[w] = true
	}
	// The rules and their messages are domain's; store adds the ones
	// that need the register (a card number taken, an office held).
	for _, glob := range []string{"../domain/*.go", "../store/*.go", "../desktop/*.go"} {
		eachCall(t, glob, func(call *ast.CallExpr) {
			var first int // index of the first translated argument
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				switch {
				case fn.Sel.Name == "Add" && len(call.Args) >= 3:
					first = 1 // Add(field, label, format, args…)
				case fn.Sel.Name == "ErrMsg": // domain.ErrMsg(format, args…)
				default:
					return
				}
			case *ast.Ident:
				switch fn.Name {
				case "ErrMsg": // ErrMsg(format, args…)
				case "refuse": // refuse(err, format, args…)
					first = 1
				default:
					return
				}
			default:
				return
			}
			last := first // ErrMsg, refuse: the format alone
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Add" {
				last = first + 1 // Add: the label and the format
			}
			for i := first; i <= last && i < len(call.Args); i++ {
				if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						seen[s] = true
					}
				}
			}
		})
	}
	return sortedKeys(seen)
}

func TestEnglishCoversTheStore(t *testing.T) {
	table := englishTable(t)
	msgs := storeMessages(t)
	if len(msgs) < 100 {
		t.Fatalf("only %d store messages found: the source scan is broken", len(msgs))
	}
	reportMissing(t, "store words", msgs, func(s string) string { v, _ := table[s].(string); return v })
}

// reportMissing fails t with every key whose English (from english) is
// empty.
func reportMissing(t *testing.T, what string, keys []string, english func(string) string) {
	t.Helper()
	var missing []string
	for _, s := range keys {
		if english(s) == "" {
			missing = append(missing, strconv.Quote(s))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d %s have no English:\n%s", len(missing), what, strings.Join(missing, "\n"))
	}
}

// uiLiterals lists the string literals the window passes to T and Tc (with
// Tc's context prefix).
func uiLiterals(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	eachCall(t, "*.go", func(call *ast.CallExpr) {
		id, ok := call.Fun.(*ast.Ident)
		if !ok || (id.Name != "T" && id.Name != "Tc") {
			return
		}
		var parts []string
		for _, arg := range call.Args {
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return // a variable: checked where its value is made
			}
			s, _ := strconv.Unquote(lit.Value)
			parts = append(parts, s)
		}
		seen[strings.Join(parts, "|")] = true
	})
	return sortedKeys(seen)
}

func TestEnglishCoversTheWindow(t *testing.T) {
	table := englishTable(t)
	lits := uiLiterals(t)
	if len(lits) < 200 {
		t.Fatalf("only %d literals found: the source scan is broken", len(lits))
	}
	reportMissing(t, "window strings", lits, func(s string) string {
		// A "ctx|text" key falls back to the plain text, as Tc does.
		if v, ok := table[s].(string); ok {
			return v
		}
		_, plain, found := strings.Cut(s, "|")
		if !found {
			return ""
		}
		v, _ := table[plain].(string)
		return v
	})
}

// TestErrorsInEnglish: a refused output path reads in English, detail
// included, and in Vietnamese as the store wrote it.
func TestErrorsInEnglish(t *testing.T) {
	reg := filepath.Join(t.TempDir(), "so.db")
	err := outfile.Output{Path: reg, Register: reg}.Write(func(io.Writer) error { return nil })
	if err == nil {
		t.Fatal("writing over the register was allowed")
	}
	if got := errText(err); !strings.Contains(got, "không ghi được") || !strings.Contains(got, "đây là sổ đang mở (so.db)") {
		t.Errorf("Vietnamese: %q", got)
	}
	if err := SetLanguage(LangEnglish); err != nil {
		t.Fatal(err)
	}
	defer SetLanguage(LangVietnamese)
	if got, want := errText(err), "cannot write "+reg+": this is the open register (so.db)"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	_, derr := domain.ParseDate("31/02/2005")
	if got := errText(derr); got != "31/02/2005 is not a real date" {
		t.Errorf("English date error: %q", got)
	}
}

// TestEnglishCoversTheSheets: the spreadsheet fields' labels (the preview's
// columns) and the messages the sheet package gives a cell have English.
func TestEnglishCoversTheSheets(t *testing.T) {
	table := englishTable(t)
	words := sheet.Labels()
	eachCall(t, "../sheet/*.go", func(call *ast.CallExpr) {
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "msgErr" && len(call.Args) > 0 {
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				words = append(words, s)
			}
		}
	})
	if len(words) < len(sheet.Fields)+5 {
		t.Fatalf("only %d words found: the source scan is broken", len(words))
	}
	for _, w := range words {
		if v, ok := table[w].(string); !ok || v == "" {
			t.Errorf("no English for %q", w)
		}
	}
}

// sortedKeys lists a set's members in order.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
