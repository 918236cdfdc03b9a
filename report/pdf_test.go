package report

import (
	"encoding/xml"
	"io"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"sodoan/domain"
	"sodoan/internal/testtool"
)

// These tests read the generated PDFs back with poppler (pdftotext,
// pdfinfo, pdffonts), the way a reader would see them.

// pdfFile writes a document into a temporary file and returns its path.
func pdfFile(t *testing.T, name string, write func(io.Writer) error) string {
	t.Helper()
	return testtool.WritePDF(t, name, write)
}

func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	testtool.Need(t, tool)
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return string(out)
}

var spaces = regexp.MustCompile(`\s+`)

// rawText is the text in content order with white space collapsed: a table
// row reads as its cells one after the other.
func rawText(t *testing.T, path string) string {
	return spaces.ReplaceAllString(poppler(t, "pdftotext", "-raw", path, "-"), " ")
}

type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

type bboxPage struct {
	Width  float64    `xml:"width,attr"`
	Height float64    `xml:"height,attr"`
	Words  []bboxWord `xml:"flow>block>line>word"`
	Plain  []bboxWord `xml:"word"`
}

// bboxPages reads pdftotext -bbox output: every word with its box, by page.
func bboxPages(t *testing.T, path string) []bboxPage {
	t.Helper()
	out := poppler(t, "pdftotext", "-bbox", path, "-")
	// The output is XHTML; only the page and word elements matter.
	var doc struct {
		Pages []bboxPage `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("read bbox: %v", err)
	}
	for i := range doc.Pages {
		doc.Pages[i].Words = append(doc.Pages[i].Words, doc.Pages[i].Plain...)
	}
	return doc.Pages
}

// The header, recipients and signature lines every fixture document
// carries.
var commonLines = []string{
	"TỈNH ĐOÀN ĐỒNG THÁP", "BCH ĐOÀN PHƯỜNG 1", "***", "ĐOÀN TNCS HỒ CHÍ MINH",
	"Phường 1, ngày 05 tháng 3 năm 2026", "Nơi nhận:", "- Lưu VP.",
	"TM. BAN CHẤP HÀNH", "BÍ THƯ", "(Đã ký)", "Nguyễn Thị Thanh Thủy",
}

func TestDocumentsThroughPoppler(t *testing.T) {
	annual := fixtureAnnual()
	var indicatorRows []string
	for _, r := range annual.Results {
		target := domain.FormatValue(r.Indicator.Kind, r.Indicator.Target)
		if r.Indicator.Period {
			target += " (cả giai đoạn)"
		}
		indicatorRows = append(indicatorRows, r.Indicator.Code+" "+r.Indicator.Title+" "+target)
	}
	period := fixturePeriod()
	var periodRows []string
	for _, r := range period.Result.Total {
		periodRows = append(periodRows, r.Indicator.Code+" "+r.Indicator.Title)
	}
	members := fixtureMemberList(60, false)
	personal := fixtureMemberList(30, true)
	coops, years := fixtureCoops()

	cases := []struct {
		name      string
		write     func(io.Writer) error
		landscape bool
		layout    []string // lines (or parts of lines) of pdftotext -layout
		raw       []string // runs of text in content order
		absent    []string // text that must not be printed
		pages     int      // at least
	}{
		{
			name:  "annual",
			write: func(w io.Writer) error { return WriteAnnual(w, annual) },
			layout: []string{"Số: 20-BC/ĐTN", "BÁO CÁO", "Kết quả thực hiện Kế hoạch số 25-KH/ĐTN năm 2025",
				"I/. ĐẶC ĐIỂM TÌNH HÌNH", "II/. KẾT QUẢ THỰC HIỆN", "III/. ĐÁNH GIÁ CHUNG", "IV/. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
				"- Ban Thường vụ Tỉnh Đoàn Đồng Tháp", "- Thường trực Đảng ủy phường 1;"},
			raw: append([]string{
				"412 đoàn viên (nam: 200, nữ: 212) và 1.250 hội viên (nam: 640, nữ: 610)",
				// A recipient too long for its column wraps inside it.
				"- Ban Thường vụ Tỉnh Đoàn Đồng Tháp (qua Văn phòng);",
				"Khóm, ấp 6 300 150 150", "Cộng 9 412 200 212",
				"kết nạp 37 đoàn viên mới", "21 đoàn viên trưởng thành Đoàn",
				"2.3 Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí 100% 85,7% (12/14 chi đoàn) Chưa đạt",
				"2.5a Phát triển đoàn viên mới (cả giai đoạn) 7.500 (cả giai đoạn) 59 Lũy kế 59/7.500 (0,8%), chậm tiến độ",
				"2.5c Tập hợp thanh niên có mặt tại địa bàn vào tổ chức 70% — Chưa có số liệu",
				"2.8 Cán bộ, đoàn viên mặc áo thanh niên và đeo huy hiệu Đoàn theo quy định Có Có Đạt",
				"CLB Thanh niên làm kinh tế Phường 1", "Lê Hoàng Phúc",
				"Tổ hợp tác trồng hoa kiểng Tân Quy Đông", "150.000.000 1.250.000.000 7.500.000",
				"Công tác phát triển đoàn viên mới vượt chỉ tiêu được giao.",
			}, indicatorRows...),
			pages: 2,
		},
		{
			name:  "period",
			write: func(w io.Writer) error { return WritePeriod(w, period) },
			layout: []string{"Số: 21-BC/ĐTN", "BÁO CÁO", "Tổng kết thực hiện Kế hoạch số 25-KH/ĐTN, giai đoạn 2018 - 2022",
				"Kết quả từng năm"},
			raw: append([]string{
				"2018 2019 2020 2021 2022", "Cả giai đoạn",
				"2.5a Phát triển đoàn viên mới (cả giai đoạn) 7.500 (cả giai đoạn) 8 18 28 38 48 140 140/7.500 (1,9%), chưa đạt",
				"2.3 Chi đoàn khóm, ấp đạt chuẩn theo 08 tiêu chí 100% 60,5% 65,5% 70,5% 75,5% 80,5% 80,5% Chưa đạt",
			}, periodRows...),
			pages: 2,
		},
		{
			name:      "members",
			write:     func(w io.Writer) error { return WriteMemberList(w, members) },
			landscape: true,
			layout:    []string{"Số: 3-BC/ĐTN", "DANH SÁCH", "Đoàn viên Đoàn phường 1", "Tổng cộng: 60 đoàn viên (Nam: 30, Nữ: 30)"},
			raw: []string{
				"Chi đoàn Khóm 1 (20 đoàn viên)", "Chi đoàn Trường THPT Nguyễn Đình Chiểu (20 đoàn viên)",
				"1 Nguyễn Văn An 01/01/1996 Hoa Phật giáo 12/12, ĐH, SC 26/03/2012 DT0001000 Bí thư chi đoàn",
				"2 Phạm Ngọc Dũng 04/04/1999 Kinh Không 12/12, ĐH, SC 26/03/2015 DT0001003",
				"Ngày sinh", "Nam", "Nữ", "Dân tộc", "Tôn giáo", "Ngày vào Đoàn", "Số thẻ đoàn viên", "Chức vụ", "Ghi chú",
			},
			absent: []string{"Số CCCD", "087095000000", "0912345678"},
			pages:  3,
		},
		{
			name:      "personal",
			write:     func(w io.Writer) error { return WriteMemberList(w, personal) },
			landscape: true,
			layout:    []string{"Tổng cộng: 30 đoàn viên (Nam: 15, Nữ: 15)"},
			raw:       []string{"Số CCCD", "Điện thoại", "Địa chỉ", "087095000000 0912345678 10 Nguyễn Sinh Sắc, Khóm 1"},
			pages:     2,
		},
		{
			name:   "clubs",
			write:  func(w io.Writer) error { return WriteClubs(w, &ClubList{Meta: fixtureMeta(5), Clubs: fixtureClubs()}) },
			layout: []string{"Số: 5-BC/ĐTN", "DANH SÁCH", "Câu lạc bộ và thành viên"},
			raw: []string{
				"1 CLB Thanh niên làm kinh tế Phường 1 Phát triển kinh tế Lê Hoàng Phúc 3 26/03/2019",
				"1. CLB Thanh niên làm kinh tế Phường 1 (3 thành viên)",
				"2 Phạm Thị Ngọc Ánh Phó Chủ nhiệm", "3 Võ Minh Khôi Thành viên Không sinh hoạt tại đơn vị",
				"2. CLB Bí thư chi đoàn (2 thành viên)", "2 Huỳnh Thị Yến Nhi Thành viên",
			},
			pages: 1,
		},
		{
			name: "coops",
			write: func(w io.Writer) error {
				return WriteCoops(w, &CoopList{Meta: fixtureMeta(6), Year: 2025, Coops: coops, Years: years})
			},
			landscape: true,
			layout:    []string{"Số: 6-BC/ĐTN", "DANH SÁCH", "Tổ hợp tác và kết quả hoạt động năm 2025"},
			raw: []string{
				"1 Tổ hợp tác trồng hoa kiểng Tân Quy Đông Hoa kiểng 01/05/2019 Nghị định 77/2019/NĐ-CP 2 150.000.000 1.250.000.000 7.500.000 Mô hình Đoàn hỗ trợ: vay vốn 50 triệu",
				"Cộng 470.000.000 2.110.000.000", "2 Đặng Thị Mỹ Duyên Thành viên Không sinh hoạt tại đơn vị",
			},
			pages: 1,
		},
		{
			name:   "transfer",
			write:  func(w io.Writer) error { return WriteTransfer(w, fixtureTransfer()) },
			layout: []string{"Số: 4-GGT/ĐTN", "GIẤY GIỚI THIỆU", "Sinh hoạt Đoàn", "- Như trên;"},
			raw: []string{
				"Ban Chấp hành Đoàn phường 1 trân trọng giới thiệu:", "Đồng chí: Phạm Thị Ngọc Ánh", "Sinh ngày: 02/02/1997",
				"Số thẻ đoàn viên: DT0001001", "Đang sinh hoạt tại: Chi đoàn Khóm 2, Đoàn phường 1",
				"Được chuyển sinh hoạt Đoàn đến: Đoàn Phường Tân Quy Đông, thành phố Sa Đéc.",
				"Giấy giới thiệu có giá trị đến hết ngày 04/04/2026.",
			},
			absent: []string{"- TT Tỉnh Đoàn"},
			pages:  1,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := pdfFile(t, c.name, c.write)

			// Page size and orientation.
			info := poppler(t, "pdfinfo", path)
			want := "595.28 x 841.89 pts (A4)"
			if c.landscape {
				want = "841.89 x 595.28 pts (A4)"
			}
			if !strings.Contains(info, "Page size:       "+want) {
				t.Errorf("pdfinfo: want page size %s, got:\n%s", want, info)
			}
			m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
			if m == nil {
				t.Fatalf("pdfinfo: no page count:\n%s", info)
			}
			pages, _ := strconv.Atoi(m[1])
			if pages < c.pages {
				t.Errorf("%d pages, want at least %d", pages, c.pages)
			}

			// The four faces of Liberation Serif used are embedded.
			fonts := poppler(t, "pdffonts", path)
			embedded := 0
			for _, line := range strings.Split(fonts, "\n") {
				f := strings.Fields(line)
				if len(f) > 5 && strings.HasPrefix(strings.ToLower(f[0]), "utf8liberationserif") {
					if f[len(f)-5] != "yes" { // the emb column
						t.Errorf("font not embedded: %s", line)
					}
					embedded++
				}
			}
			if embedded < 3 {
				t.Errorf("pdffonts: want the Liberation Serif faces embedded, got:\n%s", fonts)
			}

			// Text as laid out, with every accent.
			layout := poppler(t, "pdftotext", "-layout", path, "-")
			if !norm.NFC.IsNormalString(layout) {
				t.Errorf("extracted text is not NFC")
			}
			for _, s := range append(append([]string{}, commonLines...), c.layout...) {
				if !strings.Contains(layout, s) {
					t.Errorf("pdftotext -layout lacks %q", s)
				}
			}
			raw := rawText(t, path)
			for _, s := range c.raw {
				if !strings.Contains(raw, s) {
					t.Errorf("pdftotext -raw lacks %q", s)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(raw, s) {
					t.Errorf("text should not contain %q", s)
				}
			}
			// Recipients and signature are level: "Nơi nhận:" shares its
			// line with the signing body (or the place and date of a list).
			for _, line := range strings.Split(layout, "\n") {
				if strings.Contains(line, "Nơi nhận:") && !strings.Contains(line, "TM. BAN CHẤP HÀNH") && !strings.Contains(line, "ngày 05 tháng 3") {
					t.Errorf("Nơi nhận not level with the signature: %q", line)
				}
			}

			// Geometry: the left margin is 30 mm (85 pt); page numbers
			// sit centred in the top margin from page 2 only.
			bb := bboxPages(t, path)
			if len(bb) != pages {
				t.Fatalf("bbox: %d pages, pdfinfo says %d", len(bb), pages)
			}
			left := math.Inf(1)
			for i, p := range bb {
				var top []bboxWord
				for _, w := range p.Words {
					left = math.Min(left, w.XMin)
					if w.YMax < 20/ptMM {
						top = append(top, w)
					}
				}
				if i == 0 {
					if len(top) != 0 {
						t.Errorf("page 1 has %q in the top margin", top[0].Text)
					}
					continue
				}
				if len(top) != 1 || strings.TrimSpace(top[0].Text) != strconv.Itoa(i+1) {
					t.Errorf("page %d: want the number %d alone in the top margin, got %v", i+1, i+1, top)
					continue
				}
				centre := (30/ptMM + p.Width - 20/ptMM) / 2
				if mid := (top[0].XMin + top[0].XMax) / 2; math.Abs(mid-centre) > 2 {
					t.Errorf("page %d: number centred at %.1f pt, want %.1f", i+1, mid, centre)
				}
			}
			if math.Abs(left-30/ptMM) > 1.5 {
				t.Errorf("left margin %.1f pt, want 85 pt (30 mm)", left)
			}
		})
	}
}

// The date of birth goes under Nam or Nữ by the member's gender, and the
// header row is repeated on every page of the table.
func TestMemberListColumns(t *testing.T) {
	path := pdfFile(t, "members", func(w io.Writer) error { return WriteMemberList(w, fixtureMemberList(120, false)) })
	pages := bboxPages(t, path)
	find := func(p bboxPage, text string) (bboxWord, bool) {
		for _, w := range p.Words {
			if w.Text == text {
				return w, true
			}
		}
		return bboxWord{}, false
	}
	nam, ok1 := find(pages[0], "Nam")
	nu, ok2 := find(pages[0], "Nữ")
	if !ok1 || !ok2 {
		t.Fatal("header Nam / Nữ not found")
	}
	male, ok3 := find(pages[0], "01/01/1996")   // member 1, a man
	female, ok4 := find(pages[0], "04/04/1999") // member 2, a woman
	if !ok3 || !ok4 {
		t.Fatal("birth dates not found")
	}
	under := func(w, col bboxWord) bool {
		c := (col.XMin + col.XMax) / 2
		return w.XMin < c && c < w.XMax
	}
	if !under(male, nam) || under(male, nu) {
		t.Errorf("a man's birth date (x %.0f–%.0f) is not under Nam (%.0f)", male.XMin, male.XMax, nam.XMin)
	}
	if !under(female, nu) || under(female, nam) {
		t.Errorf("a woman's birth date (x %.0f–%.0f) is not under Nữ (%.0f)", female.XMin, female.XMax, nu.XMin)
	}
	tablePages := 0
	for i, p := range pages {
		rows := false
		for _, w := range p.Words {
			if strings.HasPrefix(w.Text, "DT000") {
				rows = true
			}
		}
		if !rows {
			continue
		}
		tablePages++
		if _, ok := find(p, "STT"); !ok {
			t.Errorf("page %d has rows but no header row", i+1)
		}
	}
	if tablePages < 3 {
		t.Errorf("the list spans %d pages, want at least 3 to test the repeated header", tablePages)
	}
	if raw := rawText(t, path); !strings.Contains(raw, "Tổng cộng: 120 đoàn viên (Nam: 60, Nữ: 60)") {
		t.Errorf("total line missing")
	}
}

// Decomposed input (as some keyboards and imports produce) is printed as
// composed text: the PDF library would otherwise draw tone marks as
// separate glyphs.
func TestNFC(t *testing.T) {
	tr := fixtureTransfer()
	tr.Person.FamilyName = norm.NFD.String("Đặng")
	tr.Person.GivenName = norm.NFD.String("Ánh")
	tr.To = norm.NFD.String("Đoàn xã Tân Khánh Đông")
	path := pdfFile(t, "nfd", func(w io.Writer) error { return WriteTransfer(w, tr) })
	raw := rawText(t, path)
	for _, s := range []string{"Đồng chí: Đặng Thị Ngọc Ánh", "Đoàn xã Tân Khánh Đông"} {
		if !strings.Contains(raw, s) {
			t.Errorf("text lacks composed %q", s)
		}
	}
	if !norm.NFC.IsNormalString(raw) {
		t.Error("extracted text is not NFC")
	}
}
