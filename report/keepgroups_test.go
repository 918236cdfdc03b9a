package report

import (
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/internal/testtool"
)

// QA finding 16: the cooperative groups' and the clubs' lists keep their
// last rows with the total and the signature, as the member list does:
// whatever the number of members, the last page holds the last member.
func TestGroupListsKeepLastRows(t *testing.T) {
	for n := 4; n <= 40; n += 2 {
		coops, years := fixtureCoops()
		last := &coops[len(coops)-1]
		last.Members = nil
		for i := range n {
			last.Members = append(last.Members, domain.GroupMember{Name: fmt.Sprintf("Thành viên Số %s", strings.Repeat("a", 1+i%3)), Role: "Tổ viên"})
		}
		last.Members[n-1].Name = "Người Cuối Cùng"
		path := pdfFile(t, fmt.Sprintf("coops-%d", n), func(w io.Writer) error {
			return WriteCoops(w, &CoopList{Meta: fixtureMeta(6), Year: 2025, Coops: coops, Years: years})
		})
		lastPage := lastPageText(t, path)
		if !strings.Contains(lastPage, "Người Cuối Cùng") || !strings.Contains(lastPage, "Tổng cộng:") {
			t.Errorf("%d members: the last page lacks the last row:\n%s", n, lastPage)
		}
	}
}

// lastPageText is pdftotext of a file's last page, spaces folded.
func lastPageText(t *testing.T, path string) string {
	t.Helper()
	info := poppler(t, "pdfinfo", path)
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if pages == nil {
		t.Fatalf("pdfinfo: %s", info)
	}
	testtool.Need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-raw", "-f", pages[1], "-l", pages[1], path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return spaces.ReplaceAllString(string(out), " ")
}

// QA finding 16: a caption never ends a page whose table starts on the
// next. The annual report's situation text grows a line at a time, moving
// every caption below it across the page's foot.
func TestCaptionsStayWithTables(t *testing.T) {
	captions := []string{"Đoàn viên theo loại hình chi đoàn:", "Đoàn viên, hội viên theo nhóm đối tượng:",
		"Các câu lạc bộ đang hoạt động:", "Các tổ hợp tác và kết quả hoạt động trong năm:"}
	for n := 0; n <= 24; n++ {
		a := fixtureAnnual()
		a.Narrative = domain.Narrative{"situation": strings.TrimSpace(strings.Repeat("Phường có nhiều thanh niên đi làm ăn xa, sinh hoạt chưa đều, cần nắm lại danh sách từng khóm.\n", n))}
		path := pdfFile(t, fmt.Sprintf("annual-%d", n), func(w io.Writer) error { return WriteAnnual(w, a) })
		testtool.Need(t, "pdftotext")
		out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for p, page := range strings.Split(string(out), "\f") {
			lines := strings.Split(strings.TrimSpace(page), "\n")
			tail := strings.TrimSpace(lines[len(lines)-1])
			for _, c := range captions {
				if tail == c {
					t.Errorf("%d lines of situation: page %d ends on the caption %q", n, p+1, c)
				}
			}
		}
	}
}
