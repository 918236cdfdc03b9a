//go:build ignore

// gen-strings writes strings.xlsx, which LibreOffice turns into
// strings.xls (see README.md): every BIFF8 string form in one sheet.
package main

import (
	"fmt"
	"log"

	"github.com/xuri/excelize/v2"
)

// stringsRows must match xlsText in ../xls_test.go.
const stringsRows = 900

func main() {
	x := excelize.NewFile()
	const sh = "Chuỗi"
	x.SetSheetName("Sheet1", sh)
	for i := 1; i <= stringsRows; i++ {
		a := fmt.Sprintf("A%d", i)
		switch i % 3 {
		case 0:
			x.SetCellValue(sh, a, fmt.Sprintf("row %d plain ascii text long enough to fill the records %d", i, i*7))
		case 1:
			x.SetCellValue(sh, a, fmt.Sprintf("dòng %d Nguyễn Thị Ánh Tuyết ở ấp Hòa Khánh số %d 😀", i, i*7))
		case 2:
			x.SetCellRichText(sh, a, []excelize.RichTextRun{
				{Text: fmt.Sprintf("Phạm %d ", i), Font: &excelize.Font{Bold: true}},
				{Text: "Ngọc Ân", Font: &excelize.Font{Italic: true}}})
		}
		x.SetCellValue(sh, fmt.Sprintf("B%d", i), i)
		x.SetCellValue(sh, fmt.Sprintf("C%d", i), float64(i)+0.25)
	}
	x.SetCellFormula(sh, "D1", `"Lê "&"Văn Tám"`)
	x.SetCellValue(sh, "E1", 87201001234)
	if err := x.SaveAs("strings.xlsx"); err != nil {
		log.Fatal(err)
	}
}
