package report

import "sodoan/domain"

// BranchTitle names a branch as a list title does: "Chi đoàn Khóm 1"
// (domain.BranchTitle, on NFC text).
func BranchTitle(name string) string { return domain.BranchTitle(nfc(name)) }

// UnitName is the unit's name for running text and titles: "BCH ĐOÀN
// PHƯỜNG 1" → "Đoàn Phường 1".
func UnitName(u domain.Unit) string { return unitShort(u) }
