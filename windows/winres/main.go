// Command winres writes the Windows resources of Sổ Đoàn's two programs from
// FyneApp.toml: the icon, the version information in Vietnamese and the
// manifest (Windows 10 and 11 only, per-monitor DPI awareness, common
// controls 6). They go into rsrc_windows_amd64.syso files in the programs'
// package folders, which `go build` links into the .exe by itself, and an
// .ico for the installer. `make windows` runs it before each build:
//
//	go run ./windows/winres -toml FyneApp.toml -ico bin/windows/sodoan.ico \
//	    cmd/sodoan=gui cmd/sodoan-cli=cli
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tc-hib/winres"

	"sodoan/windows/winbuild"
)

func main() {
	tomlPath := flag.String("toml", "FyneApp.toml", "tệp mô tả ứng dụng")
	icoPath := flag.String("ico", "", "ghi thêm biểu tượng .ico (cho trình cài đặt)")
	env := flag.Bool("env", false, "chỉ in VERSION, FILEVERSION, COMPANY dạng biến shell (cho windows/package.sh)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "Cách dùng: winres [-toml FyneApp.toml] [-ico TỆP.ico] THƯ-MỤC=gui|cli ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *env {
		if err := printEnv(*tomlPath); err != nil {
			fmt.Fprintln(os.Stderr, "winres:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*tomlPath, *icoPath, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "winres:", err)
		os.Exit(1)
	}
}

// printEnv prints what the installer script needs from FyneApp.toml as
// shell assignments, quoted for eval.
func printEnv(tomlPath string) error {
	a, err := winbuild.LoadApp(tomlPath)
	if err != nil {
		return err
	}
	fv, err := winbuild.FileVersion(a.Details.Version, a.Details.Build)
	if err != nil {
		return err
	}
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
	fmt.Printf("VERSION=%s\nFILEVERSION=%s\nCOMPANY=%s\n", q(a.Details.Version), q(fv), q(a.Release["Company"]))
	return nil
}

func run(tomlPath, icoPath string, targets []string) error {
	if len(targets) == 0 {
		return fmt.Errorf("chưa nêu thư mục chương trình nào (THƯ-MỤC=gui|cli)")
	}
	a, err := winbuild.LoadApp(tomlPath)
	if err != nil {
		return err
	}
	icon, err := a.Icon()
	if err != nil {
		return err
	}
	for _, t := range targets {
		dir, kind, ok := strings.Cut(t, "=")
		if !ok || (winbuild.Kind(kind) != winbuild.GUI && winbuild.Kind(kind) != winbuild.CLI) {
			return fmt.Errorf("%q: cần dạng THƯ-MỤC=gui hoặc THƯ-MỤC=cli", t)
		}
		rs, err := a.Resources(winbuild.Kind(kind), icon)
		if err != nil {
			return err
		}
		if err := writeSyso(filepath.Join(dir, "rsrc_windows_amd64.syso"), rs); err != nil {
			return err
		}
	}
	if icoPath != "" {
		var buf bytes.Buffer
		if err := icon.SaveICO(&buf); err != nil {
			return fmt.Errorf("ghi %s: %w", icoPath, err)
		}
		if err := writeFile(icoPath, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeSyso(path string, rs *winres.ResourceSet) error {
	var buf bytes.Buffer
	if err := rs.WriteObject(&buf, winres.ArchAMD64); err != nil {
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	return writeFile(path, buf.Bytes())
}

// writeFile writes only when the content changed, so that go build's cache
// keeps the package when nothing did.
func writeFile(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("tạo thư mục cho %s: %w", path, err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("ghi %s: %w", path, err)
	}
	return nil
}
