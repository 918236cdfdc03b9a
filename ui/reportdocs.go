package ui

import (
	"context"

	"sodoan/issuing"
	"sodoan/store"
)

// reportDocuments lists the documents the screen can issue. Each is a
// request to package issuing, the workflow the command line uses too, so
// the window and sodoan-cli give a document the same title, number and
// signer.
func reportDocuments() []document {
	return []document{
		{title: T("Báo cáo năm (kết quả thực hiện kế hoạch)"), kind: issuing.Annual},
		{title: T("Báo cáo sơ kết 6 tháng đầu năm"), kind: issuing.HalfYear},
		{title: T("Báo cáo sơ kết / tổng kết kế hoạch"), kind: issuing.Period},
		{title: T("Kế hoạch (bản in kế hoạch hiện hành)"), kind: issuing.Plan},
		{title: T("Báo cáo công tác Đoàn quý I"), kind: issuing.Work, quarter: 1},
		{title: T("Báo cáo công tác Đoàn quý II"), kind: issuing.Work, quarter: 2},
		{title: T("Báo cáo công tác Đoàn quý III"), kind: issuing.Work, quarter: 3},
		{title: T("Báo cáo công tác Đoàn quý IV"), kind: issuing.Work, quarter: 4},
		{title: T("Báo cáo công tác Đoàn 6 tháng đầu năm"), kind: issuing.Work, half: 1},
		{title: T("Báo cáo công tác Đoàn 6 tháng cuối năm"), kind: issuing.Work, half: 2},
		{title: T("Báo cáo tổng kết công tác Đoàn năm"), kind: issuing.Work},
		{title: T("Danh sách đoàn viên theo chi đoàn"), kind: issuing.Members},
		{title: T("Danh sách câu lạc bộ"), kind: issuing.Clubs},
		{title: T("Danh sách tổ hợp tác và kết quả năm"), kind: issuing.Coops},
	}
}

// issue issues one document of st into dir. Without number the document
// is a trial copy: its number is left blank to fill by hand and nothing is
// entered in the register.
func issue(ctx context.Context, st *store.Store, fs *folders, req issuing.Request, dir string, number bool) (string, error) {
	req.Dir, req.Draft = dir, !number
	// An existing file is replaced only when the user says so.
	req.ConfirmReplace = fs.askReplace
	out, err := issuing.Issue(ctx, st, req)
	if err != nil {
		return "", err
	}
	return out.Path, nil
}

// transferLetter writes the transfer letter of a member to the unit to,
// numbered, in the documents folder of this year; with record it records
// the transfer out of an active member on today's date, and says whether
// it did.
func transferLetter(ctx context.Context, st *store.Store, c clock, fs *folders, memberID int64, to, reason string, record bool) (string, bool, error) {
	dir, err := fs.yearDir(c.thisYear())
	if err != nil {
		return "", false, err
	}
	out, err := issuing.Issue(ctx, st, issuing.Request{Kind: issuing.Transfer, MemberID: memberID, To: to, Reason: reason,
		RecordTransfer: record, Date: c.today(), Dir: dir, ConfirmReplace: fs.askReplace})
	if err != nil {
		return "", false, err
	}
	return out.Path, out.TransferRecorded, nil
}
