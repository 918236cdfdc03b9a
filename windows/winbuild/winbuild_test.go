package winbuild

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sodoan/internal/testtool"
)

func TestFileVersion(t *testing.T) {
	for _, tc := range []struct {
		v     string
		build int
		want  string
		bad   bool
	}{
		{"0.1.0", 1, "0.1.0.1", false},
		{"2.10.65535", 0, "2.10.65535.0", false},
		{"0.1", 1, "", true},
		{"0.1.0.2", 1, "", true},
		{"0.1.x", 1, "", true},
		{"0.1.65536", 1, "", true},
		{"0.1.-1", 1, "", true},
		{"0.1.0", -1, "", true},
		{"0.1.0", 65536, "", true},
	} {
		got, err := FileVersion(tc.v, tc.build)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("FileVersion(%q, %d) = %q, %v; want %q, error %v", tc.v, tc.build, got, err, tc.want, tc.bad)
		}
	}
}

// The project's FyneApp.toml has what the resources need, the icon path
// taken from its folder.
func TestLoadProjectApp(t *testing.T) {
	a, err := LoadApp("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if a.Details.Name != "Sổ Đoàn" || a.Release["Company"] == "" || a.LinuxAndBSD.Comment == "" {
		t.Fatalf("FyneApp.toml: %+v", a)
	}
	if _, err := os.Stat(a.Details.Icon); err != nil {
		t.Fatalf("icon: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "FyneApp.toml")
	if err := os.WriteFile(bad, []byte("[Details]\nName = \"X\"\nVersion = \"1.0\"\nIcon = \"i.png\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadApp(bad); err == nil || !strings.Contains(err.Error(), "X.Y.Z") {
		t.Fatalf("two-part version accepted: %v", err)
	}
}

// The resources winres writes, linked the way `make windows` links, make an
// .exe that Check passes; the same program without them, or linked without
// the Windows 10 header, fails with the reasons named. Inspect reads the
// .exe with its own PE parser, not with the library that wrote it.
func TestCheckBuiltExe(t *testing.T) {
	testtool.Need(t, "x86_64-w64-mingw32-gcc", "make")
	cc, err := exec.LookPath("x86_64-w64-mingw32-gcc")
	if err != nil {
		t.Fatal(err)
	}
	a, err := LoadApp("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	icon, err := a.Icon()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module tiny\n\ngo 1.26\n")
	write("main.go", "package main\n\nfunc main() { println(\"xin chào\") }\n")
	extld := makeVar(t, "WIN_EXTLDFLAGS")
	build := func(name string, ldflags ...string) string {
		exe := filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags", strings.Join(append([]string{"-s", "-w"}, ldflags...), " "), "-o", exe, ".")
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=1", "CC="+cc, "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", name, err, out)
		}
		return exe
	}
	external := []string{"-linkmode=external", "-extldflags=" + extld}
	bare := build("bare.exe", external...)

	rs, err := a.Resources(GUI, icon)
	if err != nil {
		t.Fatal(err)
	}
	var syso bytes.Buffer
	if err := rs.WriteObject(&syso, "amd64"); err != nil {
		t.Fatal(err)
	}
	write("rsrc_windows_amd64.syso", syso.String())
	good := build("good.exe", append(external, "-H=windowsgui")...)
	oldHeader := build("old-header.exe", "-H=windowsgui") // Go's own linker: Windows 6.1

	inspect := func(path string) *Exe {
		e, err := Inspect(path)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	if bad := Check(inspect(good), a, GUI); len(bad) != 0 {
		t.Fatalf("a correct .exe fails: %q", bad)
	}
	e := inspect(good)
	if e.Strings["ProductName"] != "Sổ Đoàn" || len(e.IconSizes) != 8 || !strings.Contains(e.Manifest, osWin10) {
		t.Fatalf("read back: %+v", e)
	}
	for _, tc := range []struct {
		name string
		exe  string
		kind Kind
		want []string
	}{
		{"no resources", bare, GUI, []string{"subsystem 3", "biểu tượng thiếu cỡ 256", "ProductName", "không có manifest"}},
		{"old header", oldHeader, GUI, []string{"phần đầu PE khai Windows 6.1"}},
		{"GUI checked as CLI", good, CLI, []string{"subsystem 2", "OriginalFilename"}},
	} {
		bad := strings.Join(Check(inspect(tc.exe), a, tc.kind), "\n")
		for _, w := range tc.want {
			if !strings.Contains(bad, w) {
				t.Errorf("%s: problems lack %q:\n%s", tc.name, w, bad)
			}
		}
	}
}

// makeVar reads a variable of the project's Makefile, so that the test
// links with the flags `make windows` uses.
func makeVar(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("make", "-s", "--no-print-directory", "-C", "../..", "--eval", "print-var: ; @echo $("+name+")", "print-var").Output()
	if err != nil {
		t.Fatalf("make print-var %s: %v", name, err)
	}
	v := strings.TrimSpace(string(out))
	if v == "" {
		t.Fatalf("Makefile has no %s", name)
	}
	return v
}
