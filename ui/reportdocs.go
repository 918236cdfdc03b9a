package ui

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"sodoan/report"
	"sodoan/store"
)

// reportDocuments lists the documents of package report the screen can
// generate. Each gathers its data from the store and hands it to the
// report package, which owns every layout decision.
func reportDocuments() []document {
	return []document{
		{title: T("Báo cáo năm (kết quả thực hiện kế hoạch)"), generate: genAnnual},
		{title: T("Báo cáo sơ kết / tổng kết kế hoạch"), generate: genPeriod},
		{title: T("Danh sách đoàn viên theo chi đoàn"), generate: genMemberList},
		{title: T("Danh sách câu lạc bộ"), generate: genClubs},
		{title: T("Danh sách tổ hợp tác và kết quả năm"), generate: genCoops},
	}
}

// writeDoc writes one PDF into dir as name. When number is set the
// document is entered in the register of outgoing documents first and gets
// the next number of its type; otherwise the number is left blank for the
// office to fill by hand, so that trial runs use up no numbers.
func (a *App) writeDoc(dir, name, docType, title string, number bool, write func(report.Meta, io.Writer) error) (string, error) {
	u, err := a.st.Unit(a.ctx)
	if err != nil {
		return "", err
	}
	meta := report.Meta{Unit: u, Date: store.Today(), Recipients: report.DefaultRecipients(u)}
	var doc *store.Document
	if number {
		doc = &store.Document{Type: docType, Title: title, Issued: meta.Date}
		if err := a.st.IssueDocument(a.ctx, doc); err != nil {
			return "", err
		}
		meta.Number = doc.Number
		name = docType + "-" + strconv.Itoa(doc.Number) + "-" + name
	}
	path := filepath.Join(dir, name)
	err = store.WriteFile(path, func(w io.Writer) error { return write(meta, w) })
	if doc != nil {
		if err != nil {
			// The number goes back to the register when the file failed.
			if derr := a.st.DeleteDocument(a.ctx, doc.ID); derr != nil {
				err = errors.Join(err, derr)
			}
		} else {
			err = a.st.SetDocumentFile(a.ctx, doc.ID, path)
		}
	}
	if err != nil {
		return "", err
	}
	return path, nil
}

// The generators below read through report's loaders (the same the
// command line uses), so the window and sodoan-cli print the same data.

func genAnnual(a *App, year int, dir string, number bool, progress func(float64)) (string, error) {
	progress(0.1)
	an, err := report.AnnualFrom(a.ctx, a.st, year)
	if err != nil {
		return "", err
	}
	progress(0.6)
	return a.writeDoc(dir, fmt.Sprintf("bao-cao-nam-%d.pdf", year), report.AnnualType, report.AnnualSummary(an.Plan, year), number,
		func(m report.Meta, w io.Writer) error { an.Meta = m; return report.WriteAnnual(w, an) })
}

func genPeriod(a *App, year int, dir string, number bool, progress func(float64)) (string, error) {
	progress(0.1)
	p, err := report.PeriodFrom(a.ctx, a.st)
	if err != nil {
		return "", err
	}
	progress(0.6)
	plan := p.Result.Plan
	return a.writeDoc(dir, fmt.Sprintf("so-ket-ke-hoach-%d-%d.pdf", plan.StartYear, plan.EndYear), report.AnnualType, report.PeriodSummary(p.Result), number,
		func(m report.Meta, w io.Writer) error { p.Meta = m; return report.WritePeriod(w, p) })
}

func genMemberList(a *App, year int, dir string, number bool, progress func(float64)) (string, error) {
	progress(0.1)
	l, err := report.MemberListFrom(a.ctx, a.st, 0, false)
	if err != nil {
		return "", err
	}
	progress(0.6)
	return a.writeDoc(dir, fmt.Sprintf("danh-sach-doan-vien-%d.pdf", year), report.ListType, "Danh sách đoàn viên", number,
		func(m report.Meta, w io.Writer) error { l.Meta = m; return report.WriteMemberList(w, l) })
}

func genClubs(a *App, year int, dir string, number bool, progress func(float64)) (string, error) {
	progress(0.1)
	c, err := report.ClubsFrom(a.ctx, a.st)
	if err != nil {
		return "", err
	}
	progress(0.5)
	return a.writeDoc(dir, fmt.Sprintf("cau-lac-bo-%d.pdf", year), report.ListType, "Danh sách câu lạc bộ", number,
		func(m report.Meta, w io.Writer) error { c.Meta = m; return report.WriteClubs(w, c) })
}

func genCoops(a *App, year int, dir string, number bool, progress func(float64)) (string, error) {
	progress(0.1)
	c, err := report.CoopsFrom(a.ctx, a.st, year)
	if err != nil {
		return "", err
	}
	progress(0.5)
	return a.writeDoc(dir, fmt.Sprintf("to-hop-tac-%d.pdf", year), report.ListType, fmt.Sprintf("Danh sách tổ hợp tác năm %d", year), number,
		func(m report.Meta, w io.Writer) error { c.Meta = m; return report.WriteCoops(w, c) })
}

// transferLetter writes the transfer letter of a member to the unit to,
// numbered, in the reports folder of this year.
func (a *App) transferLetter(memberID int64, to, reason string) (string, error) {
	tr, err := report.TransferFrom(a.ctx, a.st, memberID, to, reason)
	if err != nil {
		return "", err
	}
	dir, err := a.yearDir(thisYear())
	if err != nil {
		return "", err
	}
	name := fmt.Sprintf("giay-gioi-thieu-%d.pdf", memberID)
	return a.writeDoc(dir, name, report.TransferType, "Giấy giới thiệu sinh hoạt Đoàn: "+tr.Person.FullName(), true,
		func(m report.Meta, w io.Writer) error {
			// The letter keeps its own recipients (the receiving unit).
			m.Recipients = tr.Recipients
			tr.Meta = m
			return report.WriteTransfer(w, tr)
		})
}
