package issuing

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// Residence is the letter introducing a member to take part in the Union
// where they reside (giấy giới thiệu sinh hoạt đoàn viên nơi cư trú),
// issued from a residence record of kind "out" (Request.ResidenceID). It
// is numbered in the outgoing register like the transfer letter (GGT), and
// the record keeps the letter's number and date (IssueResidenceLetter).
const Residence Kind = "residence"

// residenceJob prepares the letter of record req.ResidenceID.
func residenceJob(ctx context.Context, st *store.Store, req Request) (job, error) {
	l, r, err := residenceData(ctx, st, req.ResidenceID)
	if err != nil {
		return job{}, err
	}
	return job{docType: report.TransferType, key: identity(Residence, "", domain.Date{}, strconv.FormatInt(r.ID, 10)),
		title: domain.ResidenceTitle(l.Person.FullName()), file: fmt.Sprintf("giay-gioi-thieu-cu-tru-%d.pdf", r.ID),
		write: func(m report.Meta, w io.Writer) error { l.Meta = m; return report.WriteResidenceLetter(w, l) }}, nil
}

// residenceData reads the record and its member as the letter prints
// them.
func residenceData(ctx context.Context, st *store.Store, id int64) (*report.ResidenceLetter, domain.Residence, error) {
	if id == 0 {
		return nil, domain.Residence{}, fieldError("ResidenceID", "Sinh hoạt nơi cư trú", "chọn bản ghi giới thiệu sinh hoạt nơi cư trú")
	}
	r, err := st.ResidenceByID(ctx, id)
	if err != nil {
		return nil, r, err
	}
	if r.Kind != domain.ResidenceOut {
		return nil, r, fieldError("ResidenceID", "Sinh hoạt nơi cư trú",
			"bản ghi mã %d là tiếp nhận đoàn viên đơn vị khác: giấy giới thiệu do đơn vị của đoàn viên cấp", id)
	}
	p, err := st.Person(ctx, r.PersonID)
	if err != nil {
		return nil, r, fmt.Errorf("đoàn viên %d: %w", r.PersonID, err)
	}
	if r.BranchName != "" {
		p.BranchName = r.BranchName
	}
	return &report.ResidenceLetter{Person: p, Place: r.Place, Address: r.Address, From: r.From, To: r.To, Note: r.Note}, r, nil
}

// IssueResidenceLetter issues the letter of a residence record (req.Kind
// is set here) and records its number and date on the record, so that the
// branch book prints them. A draft records nothing.
func IssueResidenceLetter(ctx context.Context, st *store.Store, req Request) (Issued, error) {
	req.Kind = Residence
	out, err := Issue(ctx, st, req)
	if err != nil || req.Draft || out.Symbol == "" {
		return out, err
	}
	if err := st.SetResidenceLetter(ctx, req.ResidenceID, out.Symbol, out.Doc.Issued); err != nil {
		return out, fmt.Errorf("đã tạo %s nhưng chưa ghi số giấy vào bản ghi: %w", out.Path, err)
	}
	return out, nil
}
