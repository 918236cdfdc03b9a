package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Why "Preferences load error: EOF" came once as a copy of Sổ Đoàn closed
// (issue 17's leftover). Fyne rewrites preferences.json in place: it
// truncates the file, then writes it. It does so at each change and once
// more at every exit, changed or not. Every copy running watches the
// folder, and on any change reads the file again, and that read itself
// counts as a change, which the reading copy writes back in place. With
// two copies open (two registers), one closing wrote the file at exit,
// the other read it between the truncation and the writing (EOF) and
// wrote it back, which the closing copy, still watching, read half-written
// in turn (EOF again): 6 such errors in 10 closes under Xvfb.
//
// So the window's preferences are kept here instead, through Fyne's own
// hook for another preferences store (a "cloud provider"), in the same
// file: each change is written through a temporary file renamed into
// place, which a reader sees whole, before or after; nothing is written
// at exit that did not change; and a copy writes only the keys it changed
// over what the file holds, so that two copies open never take back each
// other's choices (the language chosen in one, the window's place in
// the other).

// filePrefs is fyne.Preferences kept in one JSON file.
type filePrefs struct {
	path string
	log  func(string)

	mu        sync.Mutex
	values    map[string]any
	changed   map[string]bool // keys this copy set or removed
	listeners []func()
}

func newFilePrefs(path string, log func(string)) *filePrefs {
	p := &filePrefs{path: path, log: log, values: map[string]any{}, changed: map[string]bool{}}
	if data, err := os.ReadFile(path); err == nil && goodPrefs(data) {
		p.values = decodePrefs(data)
	}
	return p
}

// decodePrefs reads the file as Fyne wrote it: numbers as float64, lists
// as []any (typed here by their first item, as Fyne does).
func decodePrefs(data []byte) map[string]any {
	var m map[string]any
	if json.Unmarshal(data, &m) != nil || m == nil {
		return map[string]any{}
	}
	for k, v := range m {
		items, ok := v.([]any)
		if !ok || len(items) == 0 {
			continue
		}
		switch items[0].(type) {
		case bool:
			m[k] = typedList[bool](items)
		case float64:
			m[k] = typedList[float64](items)
		case string:
			m[k] = typedList[string](items)
		}
	}
	return m
}

func typedList[T any](items []any) []T {
	out := make([]T, 0, len(items))
	for _, it := range items {
		if v, ok := it.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

func (p *filePrefs) get(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[key]
	return v, ok
}

// set keeps value under key and writes the file when it changed.
func (p *filePrefs) set(key string, value any) {
	p.mu.Lock()
	if old, ok := p.values[key]; ok && reflect.DeepEqual(old, value) {
		p.mu.Unlock()
		return
	}
	if value == nil {
		delete(p.values, key)
	} else {
		p.values[key] = value
	}
	p.changed[key] = true
	err := p.saveLocked()
	listeners := append([]func(){}, p.listeners...)
	p.mu.Unlock()
	if err != nil && p.log != nil {
		p.log(fmt.Sprintf("ghi tệp thiết lập của cửa sổ: %v", err))
	}
	for _, l := range listeners {
		l()
	}
}

// saveLocked writes the keys this copy changed over what the file holds
// now, through a temporary file renamed into place. Windows refuses the
// rename while another copy reads the file: it is tried again a little
// later, a few times.
func (p *filePrefs) saveLocked() error {
	m := map[string]any{}
	if data, err := os.ReadFile(p.path); err == nil && goodPrefs(data) {
		m = decodePrefs(data)
	}
	for k := range p.changed {
		if v, ok := p.values[k]; ok {
			m[k] = v
		} else {
			delete(m, k)
		}
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p.path), 0o700); err != nil {
		return err
	}
	for try := 0; ; try++ {
		err = writeAside(p.path, append(data, '\n'))
		if err == nil || try == 4 {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *filePrefs) Bool(key string) bool { return p.BoolWithFallback(key, false) }
func (p *filePrefs) BoolWithFallback(key string, fallback bool) bool {
	if v, ok := p.get(key); ok {
		if b, ok := v.(bool); ok {
			return b
		}
	}
	return fallback
}
func (p *filePrefs) SetBool(key string, value bool) { p.set(key, value) }

func (p *filePrefs) BoolList(key string) []bool { return p.BoolListWithFallback(key, nil) }
func (p *filePrefs) BoolListWithFallback(key string, fallback []bool) []bool {
	if v, ok := p.get(key); ok {
		if b, ok := v.([]bool); ok {
			return b
		}
	}
	return fallback
}
func (p *filePrefs) SetBoolList(key string, value []bool) { p.set(key, value) }

func (p *filePrefs) Float(key string) float64 { return p.FloatWithFallback(key, 0) }
func (p *filePrefs) FloatWithFallback(key string, fallback float64) float64 {
	if v, ok := p.get(key); ok {
		switch f := v.(type) {
		case float64:
			return f
		case int:
			return float64(f)
		}
	}
	return fallback
}
func (p *filePrefs) SetFloat(key string, value float64) { p.set(key, value) }

func (p *filePrefs) FloatList(key string) []float64 { return p.FloatListWithFallback(key, nil) }
func (p *filePrefs) FloatListWithFallback(key string, fallback []float64) []float64 {
	if v, ok := p.get(key); ok {
		if f, ok := v.([]float64); ok {
			return f
		}
	}
	return fallback
}
func (p *filePrefs) SetFloatList(key string, value []float64) { p.set(key, value) }

func (p *filePrefs) Int(key string) int { return p.IntWithFallback(key, 0) }
func (p *filePrefs) IntWithFallback(key string, fallback int) int {
	if v, ok := p.get(key); ok {
		switch i := v.(type) {
		case int:
			return i
		case float64:
			return int(i)
		}
	}
	return fallback
}

// SetInt keeps an int as JSON reads it back (float64), so that a value
// set and the same value read from the file compare equal.
func (p *filePrefs) SetInt(key string, value int) { p.set(key, float64(value)) }

func (p *filePrefs) IntList(key string) []int { return p.IntListWithFallback(key, nil) }
func (p *filePrefs) IntListWithFallback(key string, fallback []int) []int {
	if v, ok := p.get(key); ok {
		if f, ok := v.([]float64); ok {
			out := make([]int, len(f))
			for i, x := range f {
				out[i] = int(x)
			}
			return out
		}
	}
	return fallback
}
func (p *filePrefs) SetIntList(key string, value []int) {
	f := make([]float64, len(value))
	for i, x := range value {
		f[i] = float64(x)
	}
	p.set(key, f)
}

func (p *filePrefs) String(key string) string { return p.StringWithFallback(key, "") }
func (p *filePrefs) StringWithFallback(key, fallback string) string {
	if v, ok := p.get(key); ok {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return fallback
}
func (p *filePrefs) SetString(key string, value string) { p.set(key, value) }

func (p *filePrefs) StringList(key string) []string { return p.StringListWithFallback(key, nil) }
func (p *filePrefs) StringListWithFallback(key string, fallback []string) []string {
	if v, ok := p.get(key); ok {
		if s, ok := v.([]string); ok {
			return s
		}
	}
	return fallback
}
func (p *filePrefs) SetStringList(key string, value []string) { p.set(key, value) }

// RemoveValue forgets key, in this copy and in the file (where another
// copy may have put it).
func (p *filePrefs) RemoveValue(key string) { p.set(key, nil) }

func (p *filePrefs) AddChangeListener(l func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.listeners = append(p.listeners, l)
}

func (p *filePrefs) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]func(){}, p.listeners...)
}

// prefsProvider hands filePrefs to Fyne in place of its own preferences
// (fyne.CloudProviderPreferences); it syncs nothing anywhere else.
type prefsProvider struct{ p *filePrefs }

func (prefsProvider) ProviderDescription() string {
	return "Thiết lập của cửa sổ Sổ Đoàn, trong máy"
}
func (prefsProvider) ProviderIcon() fyne.Resource                   { return nil }
func (prefsProvider) ProviderName() string                          { return "sodoan-preferences" }
func (prefsProvider) Cleanup(fyne.App)                              {}
func (prefsProvider) Setup(fyne.App) error                          { return nil }
func (pp prefsProvider) CloudPreferences(fyne.App) fyne.Preferences { return pp.p }
