package winbuild

import (
	"debug/pe"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Resource types this package reads (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

const (
	// osWin10 is Windows 10 and 11's GUID for <supportedOS> in a manifest.
	osWin10  = "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"
	subsysGU = 2 // IMAGE_SUBSYSTEM_WINDOWS_GUI
	subsysCU = 3 // IMAGE_SUBSYSTEM_WINDOWS_CUI
)

// Exe is what Inspect reads from a Windows .exe, parsed here with
// debug/pe and by hand, independently of the library that wrote it.
type Exe struct {
	Subsystem        uint16    // 2 GUI, 3 console
	OSVersion        [2]uint16 // MajorOperatingSystemVersion, Minor…
	SubsystemVersion [2]uint16 // MajorSubsystemVersion, Minor…
	IconSizes        []int     // the sizes in the first icon group, in pixels
	FileVersion      [4]uint16 // VS_FIXEDFILEINFO
	Strings          map[string]string
	Manifest         string
}

// resource is one leaf of the resource tree: type, name or ID, language.
type resource struct {
	typ, id uint32
	name    string
	data    []byte
}

// Inspect reads the PE header and the resources of an .exe.
func Inspect(path string) (*Exe, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, fmt.Errorf("đọc %s: %w", path, err)
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return nil, fmt.Errorf("%s: không phải chương trình 64-bit", path)
	}
	e := &Exe{
		Subsystem:        oh.Subsystem,
		OSVersion:        [2]uint16{oh.MajorOperatingSystemVersion, oh.MinorOperatingSystemVersion},
		SubsystemVersion: [2]uint16{oh.MajorSubsystemVersion, oh.MinorSubsystemVersion},
		Strings:          map[string]string{},
	}
	res, err := readResources(f, oh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	icons := map[uint32][]byte{}
	for _, r := range res {
		if r.typ == rtIcon {
			icons[r.id] = r.data
		}
	}
	for _, r := range res {
		switch {
		case r.typ == rtGroupIcon && e.IconSizes == nil:
			if e.IconSizes, err = groupSizes(r.data, icons); err != nil {
				return nil, fmt.Errorf("%s: nhóm biểu tượng: %w", path, err)
			}
		case r.typ == rtVersion:
			if err := readVersion(r.data, e); err != nil {
				return nil, fmt.Errorf("%s: thông tin phiên bản: %w", path, err)
			}
		case r.typ == rtManifest:
			e.Manifest = string(r.data)
		}
	}
	return e, nil
}

// readResources walks the three levels of the resource directory (type,
// name, language) to its data entries.
func readResources(f *pe.File, oh *pe.OptionalHeader64) ([]resource, error) {
	dd := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dd.VirtualAddress == 0 || dd.Size == 0 {
		return nil, nil
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dd.VirtualAddress >= s.VirtualAddress && dd.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			sec = s
		}
	}
	if sec == nil {
		return nil, errors.New("thư mục tài nguyên nằm ngoài mọi phần")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("đọc phần %s: %w", sec.Name, err)
	}
	base := dd.VirtualAddress - sec.VirtualAddress
	if int(base) >= len(data) {
		return nil, errors.New("thư mục tài nguyên hỏng")
	}
	root := data[base:]
	u16 := func(b []byte, o uint32) (uint16, error) {
		if int(o)+2 > len(b) {
			return 0, errors.New("thư mục tài nguyên hỏng")
		}
		return binary.LittleEndian.Uint16(b[o:]), nil
	}
	u32 := func(b []byte, o uint32) (uint32, error) {
		if int(o)+4 > len(b) {
			return 0, errors.New("thư mục tài nguyên hỏng")
		}
		return binary.LittleEndian.Uint32(b[o:]), nil
	}
	var out []resource
	var walk func(off uint32, level int, cur resource) error
	walk = func(off uint32, level int, cur resource) error {
		if level > 3 {
			return errors.New("thư mục tài nguyên lồng quá sâu")
		}
		named, err := u16(root, off+12)
		if err != nil {
			return err
		}
		ids, err := u16(root, off+14)
		if err != nil {
			return err
		}
		for i := uint32(0); i < uint32(named)+uint32(ids); i++ {
			ent := off + 16 + 8*i
			nameOrID, err := u32(root, ent)
			if err != nil {
				return err
			}
			target, err := u32(root, ent+4)
			if err != nil {
				return err
			}
			next := cur
			switch level {
			case 0:
				next.typ = nameOrID
			case 1:
				if nameOrID&0x80000000 != 0 {
					if next.name, err = resName(root, nameOrID&0x7fffffff); err != nil {
						return err
					}
				} else {
					next.id = nameOrID
				}
			}
			if target&0x80000000 != 0 {
				if err := walk(target&0x7fffffff, level+1, next); err != nil {
					return err
				}
				continue
			}
			rva, err := u32(root, target)
			if err != nil {
				return err
			}
			size, err := u32(root, target+4)
			if err != nil {
				return err
			}
			start := rva - sec.VirtualAddress
			if rva < sec.VirtualAddress || uint64(start)+uint64(size) > uint64(len(data)) {
				return errors.New("dữ liệu tài nguyên nằm ngoài phần")
			}
			next.data = data[start : start+size]
			out = append(out, next)
		}
		return nil
	}
	return out, walk(0, 0, resource{})
}

// resName reads a resource name: a length, then UTF-16 characters.
func resName(root []byte, off uint32) (string, error) {
	if int(off)+2 > len(root) {
		return "", errors.New("tên tài nguyên hỏng")
	}
	n := uint32(binary.LittleEndian.Uint16(root[off:]))
	if int(off+2+2*n) > len(root) {
		return "", errors.New("tên tài nguyên hỏng")
	}
	u := make([]uint16, n)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(root[off+2+2*uint32(i):])
	}
	return string(utf16.Decode(u)), nil
}

// groupSizes reads a GRPICONDIR and checks that each image it names is an
// RT_ICON resource; a width of 0 means 256.
func groupSizes(b []byte, icons map[uint32][]byte) ([]int, error) {
	if len(b) < 6 {
		return nil, errors.New("quá ngắn")
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	if len(b) < 6+14*n {
		return nil, errors.New("quá ngắn")
	}
	var sizes []int
	for i := 0; i < n; i++ {
		ent := b[6+14*i:]
		w := int(ent[0])
		if w == 0 {
			w = 256
		}
		id := uint32(binary.LittleEndian.Uint16(ent[12:]))
		img, ok := icons[id]
		if !ok || len(img) == 0 {
			return nil, fmt.Errorf("ảnh %d px (RT_ICON %d) không có", w, id)
		}
		sizes = append(sizes, w)
	}
	return sizes, nil
}

// readVersion parses VS_VERSIONINFO: the fixed file version and the
// strings of every StringTable.
func readVersion(b []byte, e *Exe) error {
	key, value, children, err := versionNode(b)
	if err != nil {
		return err
	}
	if key != "VS_VERSION_INFO" || len(value) < 52 || binary.LittleEndian.Uint32(value) != 0xFEEF04BD {
		return errors.New("không phải VS_VERSIONINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(value[8:]), binary.LittleEndian.Uint32(value[12:])
	e.FileVersion = [4]uint16{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
	for len(children) > 0 {
		k, _, tables, n, err := versionChild(children)
		if err != nil {
			return err
		}
		children = children[n:]
		if k != "StringFileInfo" {
			continue
		}
		for len(tables) > 0 {
			_, _, strs, n, err := versionChild(tables)
			if err != nil {
				return err
			}
			tables = tables[n:]
			for len(strs) > 0 {
				k, v, _, n, err := versionChild(strs)
				if err != nil {
					return err
				}
				strs = strs[n:]
				e.Strings[k] = strings.TrimRight(decodeUTF16(v), "\x00")
			}
		}
	}
	return nil
}

// versionChild reads the node at the start of b and returns how many bytes
// it takes, padding to the next 32-bit boundary included.
func versionChild(b []byte) (key string, value, children []byte, n int, err error) {
	if len(b) < 6 {
		return "", nil, nil, 0, errors.New("nút quá ngắn")
	}
	length := int(binary.LittleEndian.Uint16(b))
	if length < 6 || length > len(b) {
		return "", nil, nil, 0, errors.New("độ dài nút sai")
	}
	key, value, children, err = versionNode(b[:length])
	n = (length + 3) &^ 3
	if n > len(b) {
		n = len(b)
	}
	return key, value, children, n, err
}

// versionNode splits one node (wLength, wValueLength, wType, szKey,
// padding, Value, padding, Children). Text values count their length in
// UTF-16 characters.
func versionNode(b []byte) (key string, value, children []byte, err error) {
	if len(b) < 6 {
		return "", nil, nil, errors.New("nút quá ngắn")
	}
	length := int(binary.LittleEndian.Uint16(b))
	if length > len(b) || length < 6 {
		return "", nil, nil, errors.New("độ dài nút sai")
	}
	b = b[:length]
	vlen := int(binary.LittleEndian.Uint16(b[2:]))
	if binary.LittleEndian.Uint16(b[4:]) == 1 {
		vlen *= 2
	}
	i := 6
	var u []uint16
	for ; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	i = (i + 2 + 3) &^ 3
	if i+vlen > len(b) {
		if i > len(b) {
			i = len(b)
		}
		vlen = len(b) - i
	}
	value = b[i : i+vlen]
	j := (i + vlen + 3) &^ 3
	if j < len(b) {
		children = b[j:]
	}
	return string(utf16.Decode(u)), value, children, nil
}

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// manifest is the part of an application manifest that is checked.
type manifest struct {
	SupportedOS []struct {
		ID string `xml:"Id,attr"`
	} `xml:"compatibility>application>supportedOS"`
	DPIAwareness string `xml:"application>windowsSettings>dpiAwareness"`
	Dependencies []struct {
		Name    string `xml:"name,attr"`
		Version string `xml:"version,attr"`
	} `xml:"dependency>dependentAssembly>assemblyIdentity"`
	ExecutionLevel struct {
		Level string `xml:"level,attr"`
	} `xml:"trustInfo>security>requestedPrivileges>requestedExecutionLevel"`
}

// Check lists what an .exe built by `make windows` lacks: the icon with its
// large and small sizes, the version information matching FyneApp.toml in
// Vietnamese, the manifest (Windows 10 and 11 only, per-monitor DPI, common
// controls 6, no elevation), a PE header that declares Windows 10 so that an
// older Windows refuses it with a message, and the right subsystem. An
// empty list means the .exe is fine.
func Check(e *Exe, a *App, k Kind) []string {
	var bad []string
	add := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	wantSub, subName := uint16(subsysGU), "GUI"
	if k == CLI {
		wantSub, subName = subsysCU, "console"
	}
	if e.Subsystem != wantSub {
		add("subsystem %d, cần %d (%s)", e.Subsystem, wantSub, subName)
	}
	if e.OSVersion != [2]uint16{10, 0} || e.SubsystemVersion != [2]uint16{10, 0} {
		add("phần đầu PE khai Windows %d.%d (subsystem %d.%d), cần 10.0 để Windows cũ hơn báo lỗi thay vì im lặng",
			e.OSVersion[0], e.OSVersion[1], e.SubsystemVersion[0], e.SubsystemVersion[1])
	}
	has := map[int]bool{}
	for _, s := range e.IconSizes {
		has[s] = true
	}
	for _, s := range []int{256, 48, 32, 16} {
		if !has[s] {
			add("biểu tượng thiếu cỡ %d px (có %v)", s, e.IconSizes)
		}
	}
	fv, _ := FileVersion(a.Details.Version, a.Details.Build)
	if got := fmt.Sprintf("%d.%d.%d.%d", e.FileVersion[0], e.FileVersion[1], e.FileVersion[2], e.FileVersion[3]); got != fv {
		add("phiên bản tệp %s, FyneApp.toml nói %s", got, fv)
	}
	exe, desc := k.Exe()
	for key, want := range map[string]string{
		"ProductName":      a.Details.Name,
		"ProductVersion":   a.Details.Version,
		"FileVersion":      fv,
		"FileDescription":  desc,
		"CompanyName":      a.Release["Company"],
		"OriginalFilename": exe,
	} {
		if got := e.Strings[key]; got != want || want == "" {
			add("thông tin phiên bản %s = %q, cần %q", key, got, want)
		}
	}
	if e.Manifest == "" {
		add("không có manifest")
		return bad
	}
	var m manifest
	if err := xml.Unmarshal([]byte(e.Manifest), &m); err != nil {
		add("manifest không đọc được: %v", err)
		return bad
	}
	var oses []string
	for _, s := range m.SupportedOS {
		oses = append(oses, strings.ToLower(s.ID))
	}
	if len(oses) != 1 || oses[0] != osWin10 {
		add("manifest supportedOS %v, cần đúng Windows 10/11 %s", oses, osWin10)
	}
	// A list: the first value the running Windows knows is taken.
	first, _, _ := strings.Cut(m.DPIAwareness, ",")
	if !strings.EqualFold(strings.TrimSpace(first), "permonitorv2") {
		add("manifest dpiAwareness %q, cần PerMonitorV2", m.DPIAwareness)
	}
	cc := false
	for _, d := range m.Dependencies {
		cc = cc || (d.Name == "Microsoft.Windows.Common-Controls" && strings.HasPrefix(d.Version, "6."))
	}
	if !cc {
		add("manifest không khai Common Controls 6")
	}
	if m.ExecutionLevel.Level != "asInvoker" {
		add("manifest xin quyền %q, cần asInvoker (không cần quyền quản trị)", m.ExecutionLevel.Level)
	}
	return bad
}
