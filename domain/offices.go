package domain

import (
	"regexp"
	"strings"
)

// Offices read from a member list's Chức vụ column (issue 17): a ward's
// list says "Bí thư", "PBT chi đoàn", "Ủy viên BCH Đoàn phường", "UV BTV",
// "Bí thư Chi đoàn Khóm 1 kiêm Ủy viên BCH"… The import records them as
// the register's offices instead of dropping them.

// OfficeScope says whose office a wording names.
type OfficeScope int

const (
	// ScopeUnsaid: "Bí thư", "Ủy viên BCH" alone. The register's own
	// lists write the ward's offices so ("Bí thư") and a branch's with
	// "chi đoàn" ("Bí thư chi đoàn"), and an import reads them back the
	// same way: the ward's.
	ScopeUnsaid OfficeScope = iota
	ScopeWard
	ScopeBranch
)

// OfficeClaim is one office a cell names.
type OfficeClaim struct {
	Text  string // the words of the cell that named it (folded)
	Kind  PositionKind
	Scope OfficeScope
	// Branch is the branch a branch office names ("bí thư chi đoàn khóm
	// 1": "khom 1", folded), "" for the holder's own branch.
	Branch string
}

// Resolve gives the office its kind in the register: a branch's when the
// wording says "chi đoàn", the ward's otherwise. ok is false for an
// office no branch has (a branch's Ban Thường vụ).
func (o OfficeClaim) Resolve() (PositionKind, bool) {
	branch := o.Scope == ScopeBranch
	switch o.Kind {
	case "secretary":
		if branch {
			return "branch_secretary", true
		}
	case "deputy":
		if branch {
			return "branch_deputy", true
		}
	case "executive":
		if branch {
			return "branch_executive", true
		}
	case "standing":
		// A branch has no Ban Thường vụ.
		if branch {
			return "", false
		}
	}
	return o.Kind, true
}

// officeSplit separates the offices of one cell.
var officeSplit = regexp.MustCompile(`\s*(?:[,;/+\n]|\bkiem\b|\bva\b|&)\s*`)

// officeWords expands the abbreviations lists use, on folded text.
var officeWords = strings.NewReplacer(
	"pbt ", "pho bi thu ", "bt ", "bi thu ", "uv ", "uy vien ", "btv", "ban thuong vu",
	"bch", "ban chap hanh", "cd ", "chi doan ", "p. ", "pho ", "ub ", "uy vien ban ",
)

// notOffices are words a Chức vụ column holds for members without an
// office.
var notOffices = map[string]bool{"": true, "doan vien": true, "hoi vien": true, "thanh vien": true, "khong": true, "-": true}

// ParseOffices reads the offices a Chức vụ cell names. An empty cell, or
// one saying the person is an ordinary member, names none; a wording it
// does not know is an error naming it, for the row's problems.
func ParseOffices(cell string) ([]OfficeClaim, error) {
	var out []OfficeClaim
	for _, part := range officeSplit.Split(Fold(Clean(cell)), -1) {
		part = strings.TrimSpace(strings.Trim(part, ".:()"))
		if notOffices[part] {
			continue
		}
		words := strings.Join(strings.Fields(officeWords.Replace(part+" ")), " ")
		claim := OfficeClaim{Text: part}
		switch {
		case strings.Contains(words, "chi doan"):
			claim.Scope = ScopeBranch
			claim.Branch = strings.TrimSpace(words[strings.Index(words, "chi doan")+len("chi doan"):])
		case strings.Contains(words, "doan phuong"), strings.Contains(words, "doan xa"), strings.Contains(words, "doan thi tran"),
			strings.Contains(words, "co so"), strings.Contains(words, "ban thuong vu"), strings.Contains(words, "ban chap hanh"):
			claim.Scope = ScopeWard
		}
		switch {
		case strings.HasPrefix(words, "pho bi thu"):
			claim.Kind = "deputy"
		case strings.HasPrefix(words, "bi thu"):
			claim.Kind = "secretary"
		case strings.HasPrefix(words, "uy vien ban thuong vu"):
			claim.Kind = "standing"
		case strings.HasPrefix(words, "uy vien ban chap hanh"), words == "uy vien":
			claim.Kind = "executive"
		default:
			return nil, ErrMsg("%q không phải chức vụ Đoàn sổ nhận ra: ghi Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành (của Đoàn phường, xã) hoặc Bí thư, Phó Bí thư, Ủy viên Ban Chấp hành chi đoàn", strings.TrimSpace(cell))
		}
		out = append(out, claim)
	}
	return out, nil
}

// TermStart is the first day of the Union's current term at the grass
// roots on day d: the terms run five years from the congresses of 2022
// (2022–2027, 2027–2032…). It is the day an office read from a list is
// taken to start when the list does not say.
func TermStart(d Date) Date {
	y := d.Year()
	start := 2022 + 5*floorDiv(y-2022, 5)
	return MustDate(start, 1, 1)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// OfficeStart is the day an office read from a list starts for p: from,
// but never before p's admission to the Union nor their 16th birthday.
func OfficeStart(p *Person, from Date) Date {
	start := from
	if p.UnionMember && !p.AdmissionDate.IsZero() && start.Before(p.AdmissionDate) {
		start = p.AdmissionDate
	}
	if !p.BirthDate.IsZero() {
		if sixteen := p.BirthDate.AddYears(16); start.Before(sixteen) {
			start = sixteen
		}
	}
	return start
}
