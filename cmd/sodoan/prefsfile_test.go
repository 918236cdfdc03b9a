package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestFilePrefsTwoCopies: two copies of Sổ Đoàn on one preferences file
// (two registers open): each writes only what it changed over what the
// file holds, so neither takes back the other's choice; a value set again
// unchanged writes nothing; numbers and lists read back as set; a reader
// of the file while one copy writes it again and again never finds it
// empty or cut short (Fyne's rewrite in place gave "Preferences load
// error: EOF" in the other copy).
func TestFilePrefsTwoCopies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fyne", appID, "preferences.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"language":"vi","screen":"members"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, b := newFilePrefs(path, func(s string) { t.Error(s) }), newFilePrefs(path, func(s string) { t.Error(s) })
	changes := 0
	a.AddChangeListener(func() { changes++ })
	a.SetString("language", "en")
	b.SetString("window.placement", "1240,660,0,0")
	b.SetString("screen", "plan")
	c := newFilePrefs(path, func(s string) { t.Error(s) })
	for key, want := range map[string]string{"language": "en", "window.placement": "1240,660,0,0", "screen": "plan"} {
		if got := c.String(key); got != want {
			t.Errorf("%s = %q in the file, want %q", key, got, want)
		}
	}
	if changes != 1 {
		t.Errorf("%d changes heard, want 1", changes)
	}

	// Set again unchanged: the file is not written (here: what another
	// program put there stays).
	if err := os.WriteFile(path, []byte(`{"language":"en","other":"x"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a.SetString("language", "en")
	if data, _ := os.ReadFile(path); string(data) != `{"language":"en","other":"x"}`+"\n" {
		t.Errorf("an unchanged value rewrote the file: %s", data)
	}

	a.SetInt("view", 3)
	a.SetStringList("recent", []string{"/home/bí thư/Tài liệu", "/tmp"})
	a.SetIntList("sizes", []int{1280, 720})
	a.SetBool("flag", true)
	a.RemoveValue("other")
	d := newFilePrefs(path, func(s string) { t.Error(s) })
	if d.Int("view") != 3 || len(d.StringList("recent")) != 2 || d.StringList("recent")[0] != "/home/bí thư/Tài liệu" ||
		fmt.Sprint(d.IntList("sizes")) != "[1280 720]" || !d.Bool("flag") || d.String("other") != "" {
		t.Errorf("read back: view %d, recent %q, sizes %v, flag %v, other %q", d.Int("view"), d.StringList("recent"),
			d.IntList("sizes"), d.Bool("flag"), d.String("other"))
	}

	// A reader while the file is written 300 times: always whole.
	var wg sync.WaitGroup
	stop := make(chan struct{})
	broken := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if data, err := os.ReadFile(path); err != nil || !goodPrefs(data) {
				broken++
			}
		}
	}()
	for i := range 300 {
		a.SetString("screen", fmt.Sprintf("s%d", i))
	}
	close(stop)
	wg.Wait()
	if broken > 0 {
		t.Errorf("the file was read %d times empty, cut short or missing", broken)
	}
}
