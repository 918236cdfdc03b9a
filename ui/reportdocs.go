package ui

// reportDocuments lists the documents of package report the screen can
// generate.
func reportDocuments() []document {
	return []document{
		{title: T("Báo cáo năm (kết quả thực hiện kế hoạch)"), generate: func(a *App, year int, dir string, progress func(float64)) (string, error) {
			return "", errNoGenerator
		}},
	}
}
