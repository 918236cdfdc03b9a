package domain

import (
	"fmt"
)

// Document is one entry of the unit's outgoing-document register (sổ văn
// bản đi): every report, list and letter Sổ Đoàn issues takes its number
// here. Numbers run per type and restart at 1 each calendar year.
type Document struct {
	ID     int64
	Year   int    // the year the number belongs to (that of Issued)
	Type   string // KH, BC, DS, GGT … (see DocumentTypes)
	Number int
	Title  string
	Issued Date
	File   string // where the PDF was saved ("" when not saved)
	// Key names what the document is (its kind, period and cut-off, see
	// issuing), so that writing it again keeps its number; empty for
	// entries made by hand.
	Key string
	// Versions are the document's issues, oldest first: the first is the
	// one the number was given to; a reissue of the same document adds
	// one and never rewrites an earlier one.
	Versions []DocumentVersion
}

// DocumentVersion is one issue of a numbered document: its date, title
// and file as they were when it was written.
type DocumentVersion struct {
	ID     int64
	Issued Date
	Title  string
	File   string
}

// Latest is the document's latest issue (the entry itself when it has
// no versions read).
func (d Document) Latest() DocumentVersion {
	if n := len(d.Versions); n > 0 {
		return d.Versions[n-1]
	}
	return DocumentVersion{Issued: d.Issued, Title: d.Title, File: d.File}
}

// Symbol is the document's number and symbol, "20-BC/ĐTN".
func (d Document) Symbol(issuer string) string {
	if issuer == "" {
		issuer = "ĐTN"
	}
	return fmt.Sprintf("%d-%s/%s", d.Number, d.Type, issuer)
}

// DocumentTypes lists the document types of a Union unit with their names
// (Hướng dẫn 29-HD/TWĐTN-VP). A list has no type of its own: it goes out
// as a report (BC) titled DANH SÁCH.
var DocumentTypes = []Choice{
	{"BC", "Báo cáo"},
	{"KH", "Kế hoạch"},
	{"HD", "Hướng dẫn"},
	{"QĐ", "Quyết định"},
	{"TB", "Thông báo"},
	{"CV", "Công văn"},
	{"TTr", "Tờ trình"},
	{"GGT", "Giấy giới thiệu"},
	{"NQ", "Nghị quyết"},
}
