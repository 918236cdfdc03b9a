package demo

import (
	"fmt"
	"strings"
	"unicode"

	"sodoan/domain"
)

// ward is who the demo ward is: a phường (whose residential areas are
// khóm) or a xã (whose are ấp), and its name, used in every text the demo
// writes: branch names, the plan, the narratives.
type ward struct {
	commune bool   // a xã, not a phường
	name    string // Hòa Mẫu
	unit    domain.Unit
}

// demoWards are the invented wards a seed picks from, a phường and a xã in
// turn, so that three demos of seeds 1, 2, 3 make three different wards
// for a consolidation.
var demoWards = []struct {
	commune bool
	name    string
}{
	{false, "Hòa Mẫu"}, {true, "Tân Phú Trung"}, {false, "Mỹ Sen"}, {true, "Bình Thành"},
	{false, "An Lạc"}, {true, "Long Hậu"}, {false, "Tân Quy"}, {true, "Phú Hựu"},
}

// pickWard is the invented ward of a seed (seed 1: phường Hòa Mẫu).
func pickWard(seed int64) ward {
	i := int((seed - 1) % int64(len(demoWards)))
	if i < 0 {
		i += len(demoWards)
	}
	d := demoWards[i]
	w := ward{commune: d.commune, name: d.name}
	w.unit = domain.Unit{UpperBody: "TỈNH ĐOÀN ĐỒNG THÁP", Name: "BCH ĐOÀN " + strings.ToUpper(w.lower()),
		Place: w.Place(), IssuerCode: "ĐTN"}
	return w
}

// wardOf reads the ward from a unit the user has set (init --unit, the
// welcome screen): its place "Xã Tân Khánh Trung" or, lacking one, its
// name "BCH ĐOÀN XÃ TÂN KHÁNH TRUNG". Blank settings are filled so that
// the documents have a place line.
func wardOf(u domain.Unit) ward {
	src := strings.TrimSpace(u.Place)
	if src == "" {
		src = titleCase(strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(u.Name), "BCH ĐOÀN")))
	}
	w := ward{unit: u}
	low := strings.ToLower(src)
	switch {
	case strings.HasPrefix(low, "xã "):
		w.commune, w.name = true, strings.TrimSpace(src[len("xã "):])
	case strings.HasPrefix(low, "phường "):
		w.name = strings.TrimSpace(src[len("phường "):])
	default:
		w.name = src
	}
	if w.name == "" {
		w.name = "Hòa Mẫu"
	}
	if w.unit.Place == "" {
		w.unit.Place = w.Place()
	}
	if w.unit.UpperBody == "" {
		w.unit.UpperBody = "TỈNH ĐOÀN ĐỒNG THÁP"
	}
	if w.unit.Name == "" {
		w.unit.Name = "BCH ĐOÀN " + strings.ToUpper(w.lower())
	}
	return w
}

// titleCase writes each word with a capital first letter: "TÂN KHÁNH" →
// "Tân Khánh".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// kind is "phường" or "xã", as inside a sentence.
func (w ward) kind() string {
	if w.commune {
		return "xã"
	}
	return "phường"
}

// Place is "Phường Hòa Mẫu", "Xã Bình Thành".
func (w ward) Place() string {
	if w.commune {
		return "Xã " + w.name
	}
	return "Phường " + w.name
}

// lower is "phường Hòa Mẫu" (inside a sentence).
func (w ward) lower() string { return w.kind() + " " + w.name }

// areaWord is what the ward's residential areas are called: Khóm in a
// phường, Ấp in a xã.
func (w ward) areaWord() string {
	if w.commune {
		return "Ấp"
	}
	return "Khóm"
}

// communeAreas name a xã's ấp; past the list they are numbered.
var communeAreas = []string{"Tân Hòa", "Phú Mỹ", "Long Thạnh", "An Khánh", "Bình Hòa", "Mỹ Điền",
	"Hòa Long", "Tân An", "Phú Thuận", "Thạnh Lợi", "Bình Tân", "Tân Lập"}

// areas are the names of the ward's n khóm or ấp: "Khóm 1" …, "Ấp Tân
// Hòa" ….
func (w ward) areas(n int) []string {
	out := make([]string, n)
	for i := range out {
		if w.commune && i < len(communeAreas) {
			out[i] = "Ấp " + communeAreas[i]
		} else {
			out[i] = fmt.Sprintf("%s %d", w.areaWord(), i+1)
		}
	}
	return out
}

// otherUnits are the Union units members transfer from and to: never the
// ward itself.
func (w ward) otherUnits() []string {
	var out []string
	for _, d := range demoWards {
		if d.name == w.name {
			continue
		}
		k := "phường"
		if d.commune {
			k = "xã"
		}
		out = append(out, "Đoàn "+k+" "+d.name)
	}
	return append(out, "Đoàn Trường Đại học Đồng Tháp", "Đoàn Trường Cao đẳng Cộng đồng Đồng Tháp")
}
