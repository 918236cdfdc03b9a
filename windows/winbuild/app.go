// Package winbuild makes and checks what turns Sổ Đoàn's two .exe files
// into Windows programs: the resources (icon, version information in
// Vietnamese, manifest) taken from FyneApp.toml, built with
// github.com/tc-hib/winres (the library of the go-winres tool), and the
// check that a built .exe carries them and declares Windows 10 as its
// minimum (pe.go). Used by the commands winres and checkpe, which `make
// windows` runs.
package winbuild

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // the icon in FyneApp.toml is a PNG
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// LangVietnamese is the LCID of the version information's strings (vi-VN).
const LangVietnamese = 0x042A

// App is what FyneApp.toml says about Sổ Đoàn.
type App struct {
	Details struct {
		Icon, Name, ID, Version string
		Build                   int
	}
	LinuxAndBSD struct {
		Comment string // the one-line description
	}
	Release map[string]string // Company
}

// LoadApp reads FyneApp.toml; relative paths in it (the icon) are taken
// from its folder.
func LoadApp(path string) (*App, error) {
	var a App
	if _, err := toml.DecodeFile(path, &a); err != nil {
		return nil, fmt.Errorf("đọc %s: %w", path, err)
	}
	if a.Details.Name == "" || a.Details.Version == "" || a.Details.Icon == "" {
		return nil, fmt.Errorf("%s: thiếu Name, Version hoặc Icon trong [Details]", path)
	}
	if _, err := FileVersion(a.Details.Version, a.Details.Build); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !filepath.IsAbs(a.Details.Icon) {
		a.Details.Icon = filepath.Join(filepath.Dir(path), a.Details.Icon)
	}
	return &a, nil
}

// FileVersion is Windows' four-part version: FyneApp.toml's three-part
// Version and its Build number ("0.1.0", 1 → "0.1.0.1").
func FileVersion(v string, build int) (string, error) {
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return "", fmt.Errorf("phiên bản %q không có dạng X.Y.Z", v)
	}
	for _, p := range parts {
		if n, err := strconv.Atoi(p); err != nil || n < 0 || n > 65535 {
			return "", fmt.Errorf("phiên bản %q: %q không phải số từ 0 đến 65535", v, p)
		}
	}
	if build < 0 || build > 65535 {
		return "", fmt.Errorf("số bản dựng %d không nằm trong 0–65535", build)
	}
	return v + "." + strconv.Itoa(build), nil
}

// Kind tells the two programs apart in their resources.
type Kind string

// The two programs.
const (
	GUI Kind = "gui"
	CLI Kind = "cli"
)

// Exe is the file name and the description of a program.
func (k Kind) Exe() (name, description string) {
	if k == CLI {
		return "sodoan-cli.exe", "Sổ Đoàn – dòng lệnh (xuất báo cáo, danh sách không cần cửa sổ)"
	}
	return "sodoan.exe", "Sổ Đoàn – sổ đoàn viên, hội viên và báo cáo của Đoàn phường, xã"
}

// Icon is the application icon at the sizes Windows asks for, from the
// desktop's 256 px down to the task bar's 16 px.
func (a *App) Icon() (*winres.Icon, error) {
	f, err := os.ReadFile(a.Details.Icon)
	if err != nil {
		return nil, fmt.Errorf("đọc biểu tượng: %w", err)
	}
	img, _, err := image.Decode(bytes.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("đọc biểu tượng %s: %w", a.Details.Icon, err)
	}
	icon, err := winres.NewIconFromResizedImage(img, []int{256, 64, 48, 40, 32, 24, 20, 16})
	if err != nil {
		return nil, fmt.Errorf("biểu tượng: %w", err)
	}
	return icon, nil
}

// Resources is the resource set of one program: icon "APP" (the first, so
// the one Explorer shows), version information and manifest.
func (a *App) Resources(k Kind, icon *winres.Icon) (*winres.ResourceSet, error) {
	rs := &winres.ResourceSet{}
	if err := rs.SetIcon(winres.Name("APP"), icon); err != nil {
		return nil, fmt.Errorf("biểu tượng: %w", err)
	}
	fv, err := FileVersion(a.Details.Version, a.Details.Build)
	if err != nil {
		return nil, err
	}
	exe, desc := k.Exe()
	var vi version.Info
	vi.SetFileVersion(fv)
	vi.SetProductVersion(fv)
	company := a.Release["Company"]
	for key, val := range map[string]string{
		version.ProductName:      a.Details.Name,
		version.ProductVersion:   a.Details.Version,
		version.FileVersion:      fv,
		version.FileDescription:  desc,
		version.CompanyName:      company,
		version.LegalCopyright:   "© " + company,
		version.OriginalFilename: exe,
		version.InternalName:     strings.TrimSuffix(exe, ".exe"),
		version.Comments:         a.LinuxAndBSD.Comment,
	} {
		if val == "" {
			continue
		}
		if err := vi.Set(LangVietnamese, key, val); err != nil {
			return nil, fmt.Errorf("thông tin phiên bản %s: %w", key, err)
		}
	}
	rs.SetVersionInfo(vi)
	rs.SetManifest(winres.AppManifest{
		Description: desc,
		// Go 1.24+ needs Windows 10 (ProcessPrng): say so to the loader.
		Compatibility:       winres.Win10AndAbove,
		DPIAwareness:        winres.DPIPerMonitorV2,
		UseCommonControlsV6: true,
		LongPathAware:       true,
	})
	return rs, nil
}
