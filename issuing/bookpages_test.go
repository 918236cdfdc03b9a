package issuing

import (
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sodoan/internal/testtool"
	"sodoan/report"
)

// bookPage is one page of a printed book: its orientation (pdfinfo) and
// its text (pdftotext of that page alone).
type bookPage struct {
	landscape bool
	text      string
}

var pageSize = regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)

// bookPages reads every page of a PDF with its size and text.
func bookPages(t *testing.T, path string) []bookPage {
	t.Helper()
	testtool.Need(t, "pdfinfo", "pdftotext")
	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "500", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	var pages []bookPage
	for _, m := range pageSize.FindAllStringSubmatch(string(info), -1) {
		n, _ := strconv.Atoi(m[1])
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		out, err := exec.Command("pdftotext", "-raw", "-f", m[1], "-l", m[1], path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", n, err)
		}
		pages = append(pages, bookPage{landscape: w > h, text: spaces.ReplaceAllString(string(out), " ")})
	}
	return pages
}

// checkBookPages checks a book's pages: the cover portrait and unnumbered,
// each section from a new page in the orientation wanted (true:
// landscape), under the branch's header, the pages numbered 2, 3, … on
// through the turns, and each section's continuation pages in its own
// orientation.
func checkBookPages(t *testing.T, name, path, branchHeader string, wide map[int]bool) {
	t.Helper()
	pages := bookPages(t, path)
	if len(pages) < 14 {
		t.Fatalf("%s: %d pages, want the cover and 13 sections at least", name, len(pages))
	}
	if pages[0].landscape || !strings.Contains(pages[0].text, "SỔ CHI ĐOÀN") {
		t.Errorf("%s: the cover is not a portrait page: %.100s", name, pages[0].text)
	}
	section := -1
	for n, p := range pages[1:] {
		no := n + 2
		if !strings.HasPrefix(strings.TrimSpace(p.text), strconv.Itoa(no)+" ") {
			t.Errorf("%s: page %d does not start with its number: %.60s", name, no, p.text)
		}
		for i, s := range report.BookSections {
			if strings.Contains(p.text, strconv.Itoa(i+1)+". "+strings.ToUpper(s.Title)) {
				section = i
				if !strings.Contains(p.text, branchHeader) || !strings.Contains(p.text, "SỔ CHI ĐOÀN NĂM") {
					t.Errorf("%s: section %d starts on page %d without the branch's header", name, i+1, no)
				}
			}
		}
		if section < 0 {
			t.Fatalf("%s: page %d before any section", name, no)
		}
		if p.landscape != wide[section+1] {
			t.Errorf("%s: page %d (section %d) landscape %v, want %v", name, no, section+1, p.landscape, wide[section+1])
		}
	}
	if section != len(report.BookSections)-1 {
		t.Errorf("%s: the last section found is %d", name, section+1)
	}
}
