package issuing

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// Residence is the letter introducing a member to take part in the Union
// where they reside (giấy giới thiệu sinh hoạt đoàn viên nơi cư trú),
// issued from a residence record of kind "out" (Request.ResidenceID). It
// is numbered in the outgoing register like the transfer letter (GGT), and
// the record keeps the letter's number and date (recordResidenceLetter).
const Residence Kind = "residence"

// residenceJob prepares the letter of record req.ResidenceID.
func residenceJob(ctx context.Context, st *store.Store, req Request) (job, error) {
	l, r, err := residenceData(ctx, st, req.ResidenceID)
	if err != nil {
		return job{}, err
	}
	// A letter introduces a member to a stay still to come or going on:
	// one dated after the stay ended would introduce no one.
	if !r.To.IsZero() && req.Date.After(r.To) {
		return job{}, fieldError("Date", "Ngày giấy giới thiệu", "%s sau ngày kết thúc sinh hoạt nơi cư trú %s (bản ghi mã %d): không cấp giấy giới thiệu",
			req.Date, r.To, r.ID)
	}
	return job{docType: report.TransferType, key: identity(Residence, "", domain.Date{}, strconv.FormatInt(r.ID, 10)),
		// The letter goes to the Union of the residence (Như trên), the
		// member's branch keeps a copy.
		recipients: []string{"Như trên", strings.TrimSpace(l.Person.BranchName + " (để theo dõi)")},
		title:      domain.ResidenceTitle(l.Person.FullName()), file: fmt.Sprintf("giay-gioi-thieu-cu-tru-%d.pdf", r.ID),
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

// recordResidenceLetter records the number and date of a residence
// letter just issued on its record, so that the branch book prints them.
// A draft, or another document, records nothing.
func recordResidenceLetter(ctx context.Context, st *store.Store, req Request, out Issued) error {
	if req.Kind != Residence || req.Draft || out.Symbol == "" {
		return nil
	}
	if err := st.SetResidenceLetter(ctx, req.ResidenceID, out.Symbol, out.Doc.Issued); err != nil {
		return fmt.Errorf("đã tạo %s nhưng chưa ghi số giấy vào bản ghi sinh hoạt nơi cư trú: %w", out.Path, err)
	}
	return nil
}
