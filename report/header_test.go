package report

import (
	"testing"

	"sodoan/domain"
)

// TestDateLineKeepsItsSize: the place and date stay at 13–14 pt on one
// line for the places and numbers a ward has (it was shrunk to about
// 11,5 pt to fit a half-page column).
func TestDateLineKeepsItsSize(t *testing.T) {
	cases := []struct {
		upper, unit, place string
		number             int
		minSize            float64
	}{
		{"Tỉnh Đoàn Đồng Tháp", "BCH Đoàn phường 1", "Phường 1", 5, 14},
		{"Tỉnh Đoàn Đồng Tháp", "BCH Đoàn phường Hòa Mẫu", "Phường Hòa Mẫu", 4, 14},
		{"Tỉnh Đoàn Đồng Tháp", "BCH Đoàn phường Hòa Mẫu", "Phường Hòa Mẫu", 123, 13},
		{"Thành Đoàn Sa Đéc", "BCH Đoàn xã Tân Khánh Đông", "Xã Tân Khánh Đông", 45, 13},
	}
	for _, c := range cases {
		d := newDoc(DefaultSettings(), false)
		m := Meta{Unit: domain.Unit{UpperBody: c.upper, Name: c.unit, Place: c.place}, Number: c.number, Date: domain.MustDate(2026, 12, 7)}
		d.header(&m, "GGT")
		upper, unit := c.upper, c.unit
		number := "Số: " + Symbol(c.number, "GGT", "ĐTN")
		left, right := d.headerColumns(upper, unit, number)
		date := DateLine(c.place, m.Date)
		y := 40.0
		end, size := d.dateLine(date, d.left+d.w-right, right, y, d.left+left/2+d.numberHalf(number))
		if size < c.minSize || size > 14 {
			t.Errorf("%s, số %d: date at %.1f pt, want %.0f–14", c.place, c.number, size, c.minSize)
		}
		if end-y > d.lh(size) {
			t.Errorf("%s, số %d: date on more than one line", c.place, c.number)
		}
	}
}

// TestMemberColumnsFitTheirContent: every column of the member list is at
// least as wide as its content at the list's one text size (Chức vụ and
// Ghi chú were squeezed to 1 cm in the personal list), and the columns
// fill the page.
func TestMemberColumnsFitTheirContent(t *testing.T) {
	for _, personal := range []bool{false, true} {
		d := newDoc(DefaultSettings(), true)
		cols := memberColumns(personal)
		size := d.fitColumns(cols, DefaultSettings().ListSize)
		if size < minListSize || size > DefaultSettings().ListSize {
			t.Errorf("personal %v: size %.2f", personal, size)
		}
		total := 0.0
		for _, c := range cols {
			total += c.Width
			d.font("", size)
			if need := d.width(memberFits[c.Title].sample) + 2*d.set.CellPadding; c.Width < need {
				t.Errorf("personal %v: %s is %.1f mm, narrower than %q (%.1f mm)", personal, c.Title, c.Width, memberFits[c.Title].sample, need)
			}
			if (c.Title == "Chức vụ" || c.Title == "Ghi chú") && c.Width < 15 {
				t.Errorf("personal %v: %s is %.1f mm", personal, c.Title, c.Width)
			}
		}
		if total < d.w-0.01 || total > d.w+0.01 {
			t.Errorf("personal %v: columns take %.1f of %.1f mm", personal, total, d.w)
		}
	}
}
