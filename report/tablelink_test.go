package report

import (
	"io"
	"math"
	"strings"
	"testing"

	"sodoan/domain"
)

// A link in a table cell is broken across lines at its "/" and keeps the
// table's font size; a code such as 77/2019/NĐ-CP is never cut, its cell
// shrunk instead (issue 16). Read back with pdftotext -bbox: a word's
// box height is its font size's line box, so a shrunk cell's words are
// lower than the table's.
func TestTableBreaksLinksNotCodes(t *testing.T) {
	annual := fixtureAnnual()
	const link = "(facebook.com/tuoitre.tanphutrung)"
	const code = "123/2026/QĐ-UBND-ĐTN"
	var linkRow, codeRow string
	for i := range annual.Results {
		r := &annual.Results[i]
		if r.Indicator.Kind != domain.KindCheck {
			continue
		}
		switch {
		case linkRow == "":
			linkRow, r.Detail = r.Indicator.Code, "có – trang “Tuổi trẻ xã Tân Phú Trung” "+link
		case codeRow == "":
			codeRow, r.Detail = r.Indicator.Code, "theo "+code
		}
	}
	if codeRow == "" {
		t.Fatal("the fixture has fewer than two yes/no indicators")
	}
	path := pdfFile(t, "link", func(w io.Writer) error { return WriteAnnual(w, annual) })
	raw := rawText(t, path)
	// Broken after the "/", both halves whole: no rune cut off.
	if !strings.Contains(raw, "(facebook.com/ tuoitre.tanphutrung)") {
		t.Errorf("the link is not broken at its slash:\n%s", raw)
	}
	if !strings.Contains(raw, code) {
		t.Errorf("the code %s is cut:\n%s", code, raw)
	}
	height := func(w bboxWord) float64 { return w.YMax - w.YMin }
	var rowCode, first, second, codeWord *bboxWord
	for _, p := range bboxPages(t, path) {
		for i := range p.Words {
			w := &p.Words[i]
			switch w.Text {
			case linkRow:
				rowCode = w
			case "(facebook.com/":
				first = w
			case "tuoitre.tanphutrung)":
				second = w
			case code:
				codeWord = w
			}
		}
	}
	if rowCode == nil || first == nil || second == nil || codeWord == nil {
		t.Fatalf("words not found: row %v, link %v %v, code %v", rowCode, first, second, codeWord)
	}
	// The link's cell is at the table's size: as high as the row's code
	// (2.1b) in the first column.
	for _, w := range []*bboxWord{first, second} {
		if math.Abs(height(*w)-height(*rowCode)) > 0.05 {
			t.Errorf("%s is %.2f pt high, the table's words %.2f: the cell was shrunk", w.Text, height(*w), height(*rowCode))
		}
	}
	// Both halves fit the result column: the second starts on the next line
	// no further right than the column's left edge allows and ends before
	// the verdict column (A4: text width 165 mm, result column 33/143 of
	// it, about 38 mm = 108 pt; each half is well inside that).
	if second.YMin <= first.YMin || second.XMax-second.XMin > 108 || first.XMax-first.XMin > 108 {
		t.Errorf("link halves at %+v and %+v", *first, *second)
	}
	// The code's cell is shrunk (to no less than 70%) rather than cut.
	if h := height(*codeWord); h >= height(*rowCode)-0.05 || h < 0.7*height(*rowCode)-0.05 {
		t.Errorf("code %.2f pt high, table %.2f: want shrunk to between 70%% and 100%%", h, height(*rowCode))
	}
}

// The 2.6 result, the longest a ward prints in the results table
// ("76,9% (10/13 chi đoàn tốt trở lên)"), holds in two lines of the
// result column on A4 at the table's size (issue 16: the old "đạt từ
// hoàn thành tốt nhiệm vụ trở lên" took four).
func TestUnitsGoodResultTwoLines(t *testing.T) {
	for _, phrase := range []string{domain.GoodOrBetter(domain.ScaleTasks), domain.GoodOrBetter(domain.ScaleStrength)} {
		annual := fixtureAnnual()
		found := false
		for i := range annual.Results {
			r := &annual.Results[i]
			if r.Indicator.Code == "2.6" {
				// 10/13 = 76,9%: below the 80% target, "Chưa đạt".
				r.Actual, r.Detail, r.Known, found = 76.9, "10/13 chi đoàn "+phrase, true, true
				r.Verdict = domain.Judge(r.Indicator, r.Actual, true)
			}
		}
		if !found {
			t.Fatal("the fixture has no 2.6")
		}
		path := pdfFile(t, "units", func(w io.Writer) error { return WriteAnnual(w, annual) })
		if raw := rawText(t, path); !strings.Contains(raw, "76,9% (10/13 chi đoàn "+phrase+")") {
			t.Fatalf("%s: the result is not printed whole:\n%s", phrase, raw)
		}
		var lines map[float64]bool
		for _, p := range bboxPages(t, path) {
			var first *bboxWord
			for i := range p.Words {
				if p.Words[i].Text == "76,9%" {
					first = &p.Words[i]
				}
			}
			if first == nil {
				continue
			}
			// The cell's words: from the figure's line down four lines,
			// right of the content column (which also says "trở lên")
			// and left of the verdict, that are words of the result.
			lines = map[float64]bool{}
			for _, w := range p.Words {
				if w.YMin >= first.YMin-0.5 && w.YMin < first.YMin+4*(first.YMax-first.YMin) &&
					w.XMin >= first.XMin-30 && w.XMax <= first.XMax+110 && strings.Contains("76,9% (10/13 chi đoàn "+phrase+")", w.Text) {
					lines[math.Round(w.YMin)] = true
				}
			}
		}
		if n := len(lines); n == 0 || n > 2 {
			t.Errorf("%s: the 2.6 result takes %d lines, want at most 2", phrase, n)
		}
	}
}
