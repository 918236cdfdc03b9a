package domain

import (
	"strings"
	"unicode"
)

// CleanUnit normalises the unit's texts; header names are kept in
// capitals, as documents print them.
func CleanUnit(u *Unit) {
	u.UpperBody = strings.ToUpper(Clean(u.UpperBody))
	u.Name = strings.ToUpper(Clean(u.Name))
	u.Place = Clean(u.Place)
	u.IssuerCode = strings.ToUpper(Clean(u.IssuerCode))
	u.SecretaryName = Clean(u.SecretaryName)
	u.DeputyName = Clean(u.DeputyName)
}

// Unit holds the settings of the ward Union that owns the register: what its
// documents print in their header and signature.
type Unit struct {
	UpperBody     string // TỈNH ĐOÀN ĐỒNG THÁP
	Name          string // BCH ĐOÀN PHƯỜNG 1
	Place         string // Phường 1 (the date line: "Phường 1, ngày …")
	IssuerCode    string // ĐTN
	SecretaryName string
	DeputyName    string
}

// WardYear holds the yearly ward figures the register cannot derive.
type WardYear struct {
	Year            int
	ResidentYouth   int    // youth living in the ward
	NewPartyMembers int    // admitted to the Party in the ward this year
	Rating          string // the ward Union's own rating (UnitRatings)
	// Rated is the day the ward rated itself; PartyCounted the day
	// NewPartyMembers was counted (the year's count up to that day). Zero
	// when saving: the day already recorded if the figure did not change,
	// else the year's last day. Read as of a cut-off, they are the facts
	// known on it.
	Rated, PartyCounted Date
	// Report texts written by the secretary for the annual report.
	Achievements string
	Shortcomings string
	NextSteps    string
}

// Signer is who signs a document for the Executive Committee.
type Signer struct {
	Name string
	// Deputy is true when a deputy secretary signs on the secretary's
	// behalf (KT. BÍ THƯ / PHÓ BÍ THƯ).
	Deputy bool
}

// CheckIssuerCode checks the issuer's code: it follows the number and the type in
// a document's symbol ("6-BC/ĐTN"), so it holds letters and digits only;
// a slash would print "6-BC//TN".
func CheckIssuerCode(c *Checker, code string) {
	for _, r := range code {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			c.Add("IssuerCode", "Ký hiệu cơ quan ban hành", "%q chỉ gồm chữ cái và chữ số (ví dụ ĐTN), có ký tự %q", code, r)
			return
		}
	}
}
