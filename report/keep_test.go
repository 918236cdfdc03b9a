package report

import (
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// A signature never stands alone on a page: whatever the length of a
// member list, its last page carries its last two rows, the total and
// the signature.
func TestListSignatureKeepsRows(t *testing.T) {
	for n := 10; n <= 44; n++ {
		l := fixtureMemberList(n, false)
		path := pdfFile(t, fmt.Sprintf("list-%d", n), func(w io.Writer) error { return WriteMemberList(w, l) })
		info := poppler(t, "pdfinfo", path)
		pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
		if pages == nil {
			t.Fatalf("pdfinfo: %s", info)
		}
		out, err := exec.Command("pdftotext", "-raw", "-f", pages[1], "-l", pages[1], path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		last := spaces.ReplaceAllString(string(out), " ")
		for _, want := range []string{fmt.Sprintf(" %d %s", n-1, ""), fmt.Sprintf(" %d ", n), "Tổng cộng: " + fmt.Sprint(n) + " đoàn viên", "Nguyễn Thị Thanh Thủy"} {
			if !strings.Contains(" "+last, want) {
				t.Errorf("%d members: the last page (%s) lacks %q:\n%s", n, pages[1], want, last)
				break
			}
		}
	}
}
