package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestKeepPreferences: a good preferences file is copied aside; a broken
// one (left empty or cut short by a copy killed while writing it) is
// replaced by that copy, or removed when there is none, so that Fyne
// never starts on "Preferences load error: EOF" with the user's choices
// lost.
func TestKeepPreferences(t *testing.T) {
	const good = `{"language":"en","documents.folder":"/home/bi-thu/Tài liệu/Sổ Đoàn"}` + "\n"
	const older = `{"language":"vi"}` + "\n"
	cases := []struct {
		name      string
		file, bak *string // nil: no such file
		want      prefsOutcome
		wantFile  *string // the file afterwards (nil: none)
		wantBak   *string
	}{
		{"chưa có tệp", nil, nil, prefsNone, nil, nil},
		{"tệp tốt: chép ra bản dự phòng", p(good), nil, prefsKept, p(good), p(good)},
		{"tệp tốt thay bản dự phòng cũ", p(good), p(older), prefsKept, p(good), p(good)},
		{"tệp rỗng: lấy lại bản trước", p(""), p(older), prefsRestored, p(older), p(older)},
		{"tệp ghi dở: lấy lại bản trước", p(`{"language":"e`), p(older), prefsRestored, p(older), p(older)},
		{"tệp rỗng, không có bản trước: bỏ", p(""), nil, prefsDropped, nil, nil},
		{"tệp rỗng, bản trước cũng hỏng: bỏ", p(""), p("{"), prefsDropped, nil, p("{")},
		{"không phải đối tượng JSON", p(`null`), p(older), prefsRestored, p(older), p(older)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "fyne", appID, "preferences.json")
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			write := func(name string, s *string) {
				if s != nil {
					if err := os.WriteFile(name, []byte(*s), 0o600); err != nil {
						t.Fatal(err)
					}
				}
			}
			write(path, c.file)
			write(path+".bak", c.bak)
			got, err := keepPreferences(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("outcome %d, want %d", got, c.want)
			}
			for name, want := range map[string]*string{path: c.wantFile, path + ".bak": c.wantBak} {
				data, err := os.ReadFile(name)
				switch {
				case want == nil && err == nil:
					t.Errorf("%s holds %q, want no file", filepath.Base(name), data)
				case want != nil && (err != nil || string(data) != *want):
					t.Errorf("%s holds %q (%v), want %q", filepath.Base(name), data, err, *want)
				}
			}
			// Nothing else is left in the folder (no temporary files).
			if es, _ := os.ReadDir(filepath.Dir(path)); len(es) > 2 {
				t.Errorf("%d files in the folder", len(es))
			}
		})
	}
}

func p(s string) *string { return &s }
