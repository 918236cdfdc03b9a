package report

import (
	"fmt"
	"io"
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
		last := lastPageText(t, path)
		for _, want := range []string{fmt.Sprintf(" %d %s", n-1, ""), fmt.Sprintf(" %d ", n), "Tổng cộng: " + fmt.Sprint(n) + " đoàn viên", "Nguyễn Thị Thanh Thủy"} {
			if !strings.Contains(" "+last, want) {
				t.Errorf("%d members: the last page lacks %q:\n%s", n, want, last)
				break
			}
		}
	}
}
