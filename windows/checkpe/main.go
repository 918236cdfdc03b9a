// Command checkpe checks that the .exe files `make windows` built are
// Windows programs a ward can trust: icon, version information matching
// FyneApp.toml, manifest, and a PE header declaring Windows 10. It prints
// each file's figures and exits 1 when anything is missing.
//
//	go run ./windows/checkpe [-toml FyneApp.toml] bin/windows/sodoan.exe=gui bin/windows/sodoan-cli.exe=cli
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sodoan/windows/winbuild"
)

func main() {
	tomlPath := flag.String("toml", "FyneApp.toml", "tệp mô tả ứng dụng")
	flag.Parse()
	if err := run(*tomlPath, flag.Args(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "checkpe:", err)
		os.Exit(1)
	}
}

func run(tomlPath string, targets []string, out io.Writer) error {
	if len(targets) == 0 {
		return fmt.Errorf("chưa nêu tệp .exe nào (TỆP.exe=gui|cli)")
	}
	a, err := winbuild.LoadApp(tomlPath)
	if err != nil {
		return err
	}
	failed := 0
	for _, t := range targets {
		path, kind, ok := strings.Cut(t, "=")
		if !ok || (winbuild.Kind(kind) != winbuild.GUI && winbuild.Kind(kind) != winbuild.CLI) {
			return fmt.Errorf("%q: cần dạng TỆP.exe=gui hoặc TỆP.exe=cli", t)
		}
		e, err := winbuild.Inspect(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: Windows %d.%d, biểu tượng %v px, phiên bản %s, %q\n",
			path, e.SubsystemVersion[0], e.SubsystemVersion[1], e.IconSizes, e.Strings["FileVersion"], e.Strings["FileDescription"])
		for _, p := range winbuild.Check(e, a, winbuild.Kind(kind)) {
			fmt.Fprintf(out, "  THIẾU: %s\n", p)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d điều chưa đạt", failed)
	}
	return nil
}
