package report

import "sodoan/domain"

// BranchTitle names a branch as a list title does: "Chi đoàn Khóm 1".
func BranchTitle(name string) string {
	name = nfc(name)
	if len(name) >= len("Chi đoàn") && foldPrefix(name, "chi đoàn") {
		return name
	}
	return "Chi đoàn " + name
}

func foldPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// UnitName is the unit's name for running text and titles: "BCH ĐOÀN
// PHƯỜNG 1" → "Đoàn Phường 1".
func UnitName(u domain.Unit) string { return unitShort(u) }
