package store

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// memberSheetColumns are the columns of the exported member sheet, with
// their widths in characters: the register's fields in the order wards
// keep them in Excel.
var memberSheetColumns = []struct {
	title string
	width float64
}{
	{"STT", 6}, {"Họ", 10}, {"Tên đệm", 14}, {"Tên", 9}, {"Ngày sinh", 12}, {"Giới tính", 9},
	{"Dân tộc", 9}, {"Tôn giáo", 11}, {"Số CCCD", 15}, {"Điện thoại", 13}, {"Địa chỉ", 28}, {"Khóm, ấp", 12},
	{"Nghề nghiệp", 24}, {"Học vấn", 9}, {"Chuyên môn", 18}, {"Lý luận chính trị", 16},
	{"Đoàn viên", 10}, {"Ngày vào Đoàn", 14}, {"Số thẻ đoàn viên", 16}, {"Chi đoàn", 26},
	{"Hội viên", 9}, {"Ngày vào Hội", 13}, {"Chức vụ", 20}, {"Trạng thái", 16}, {"Ghi chú", 24},
}

// ExportMembers writes the people matching f, in f's order, as an Excel
// workbook to w and returns how many rows it wrote. Dates are real Excel
// dates shown as dd/mm/yyyy, so that the sheet sorts and filters them;
// rows are streamed, so a 100,000-member register is not held in memory.
func (s *Store) ExportMembers(ctx context.Context, f MemberFilter, w io.Writer) (int, error) {
	x := excelize.NewFile()
	defer x.Close()
	const sheet = "Danh sách"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return 0, fmt.Errorf("tạo bảng tính: %w", err)
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return 0, fmt.Errorf("tạo bảng tính: %w", err)
	}
	head, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return 0, fmt.Errorf("tạo bảng tính: %w", err)
	}
	dateFmt := "dd/mm/yyyy"
	date, err := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return 0, fmt.Errorf("tạo bảng tính: %w", err)
	}
	// Numbers such as CCCD and card numbers keep their leading zeros as text.
	text, err := x.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return 0, fmt.Errorf("tạo bảng tính: %w", err)
	}
	for i, c := range memberSheetColumns {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return 0, fmt.Errorf("tạo bảng tính: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return 0, fmt.Errorf("tạo bảng tính: %w", err)
	}
	header := make([]any, len(memberSheetColumns))
	for i, c := range memberSheetColumns {
		header[i] = excelize.Cell{StyleID: head, Value: c.title}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return 0, fmt.Errorf("ghi bảng tính: %w", err)
	}
	dateCell := func(d Date) any {
		if d.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: date, Value: d.Time()}
	}
	textCell := func(v string) any { return excelize.Cell{StyleID: text, Value: v} }
	mark := func(b bool) string {
		if b {
			return "x"
		}
		return ""
	}
	n := 0
	row := make([]any, len(memberSheetColumns))
	err = s.EachMember(ctx, f, func(p *Person) error {
		n++
		schooling := ""
		if p.Schooling > 0 {
			schooling = strconv.Itoa(p.Schooling) + "/12"
		}
		occupation := ""
		if p.Occupation != "" {
			occupation = p.Occupation.Label()
		}
		row = append(row[:0], n, p.FamilyName, p.MiddleName, p.GivenName, dateCell(p.BirthDate), p.Gender.Label(),
			p.Ethnicity, p.Religion, textCell(p.CitizenID), textCell(p.Phone), p.Address, p.Hamlet,
			occupation, schooling, p.Qualification.Label(), p.TheoryLevel.Label(),
			mark(p.UnionMember), dateCell(p.AdmissionDate), textCell(p.CardNumber), p.BranchName,
			mark(p.FederationMember), dateCell(p.FederationDate), p.Position, p.Status.Label(), p.Note)
		return sw.SetRow("A"+strconv.Itoa(n+1), row)
	})
	if err != nil {
		return 0, fmt.Errorf("ghi bảng tính: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return 0, fmt.Errorf("ghi bảng tính: %w", err)
	}
	if err := x.Write(w); err != nil {
		return 0, fmt.Errorf("ghi tệp Excel: %w", err)
	}
	return n, nil
}
