// Package issuing issues Sổ Đoàn's documents: it gathers a document's
// data from the register, finds its signer and recipients, gives it its
// number from the outgoing-document register, writes the PDF and records
// the number with the file. The window and the command line both issue
// through Issue, so that a document has one title, one number and one
// signer whichever way it was made.
package issuing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/report"
	"sodoan/store"
)

// Kind is what document to issue.
type Kind string

// The documents Sổ Đoàn issues.
const (
	Annual   Kind = "annual"   // báo cáo kết quả thực hiện kế hoạch năm
	Period   Kind = "period"   // báo cáo sơ kết / tổng kết kế hoạch
	Plan     Kind = "plan"     // kế hoạch (prints the plan's own number)
	Members  Kind = "members"  // danh sách đoàn viên
	Clubs    Kind = "clubs"    // danh sách câu lạc bộ
	Coops    Kind = "coops"    // danh sách tổ hợp tác
	Transfer Kind = "transfer" // giấy giới thiệu sinh hoạt Đoàn
	// Consolidated is an upper level's report on its wards (from a
	// consolidation register).
	Consolidated Kind = "consolidated"
)

// Kinds lists the documents with their Vietnamese names (for the
// recipients editor).
var Kinds = []domain.Choice{
	{Code: string(Annual), Label: "Báo cáo năm"},
	{Code: string(HalfYear), Label: "Báo cáo sơ kết 6 tháng đầu năm"},
	{Code: string(Period), Label: "Báo cáo sơ kết, tổng kết kế hoạch"},
	{Code: string(Plan), Label: "Kế hoạch"},
	{Code: string(Members), Label: "Danh sách đoàn viên"},
	{Code: string(Clubs), Label: "Danh sách câu lạc bộ"},
	{Code: string(Coops), Label: "Danh sách tổ hợp tác"},
	{Code: string(Transfer), Label: "Giấy giới thiệu sinh hoạt Đoàn"},
	{Code: string(Residence), Label: "Giấy giới thiệu sinh hoạt đoàn viên nơi cư trú"},
	{Code: string(Consolidated), Label: "Báo cáo tổng hợp các cơ sở"},
	{Code: string(Work), Label: "Báo cáo công tác Đoàn (quý, 6 tháng, năm)"},
	{Code: string(Decision), Label: "Quyết định"},
}

// Request is one document to issue.
type Request struct {
	Kind Kind
	// Year is the annual report's working year, or the year of the
	// cooperative groups' results (0: the year of Date).
	Year int
	// Cutoff is the day the annual or period report counts to (zero:
	// Date, the report's own date).
	Cutoff domain.Date
	PlanID int64 // the plan to print (0: the current one)
	// Quarter (1–4) is the work report's or the dues summary's quarter;
	// Half (1–2) the work report's half; neither: the work report of the
	// year (tổng kết).
	Quarter, Half int

	BranchID int64 // members: one branch (0: all)
	Personal bool  // members: with CCCD, phone and address

	MemberID   int64  // transfer: who moves
	To, Reason string // transfer: the receiving unit (empty: that of a recorded transfer), why
	// RecordTransfer records the transfer out of an active member on the
	// letter's date, with the letter (see transfer.go).
	RecordTransfer bool
	// ResidenceID is the residence record whose letter to issue.
	ResidenceID int64

	Date domain.Date // the issue date (zero: today)
	// Number is a number chosen by hand; 0 keeps the number the same
	// document took before, or takes the next one.
	Number int
	// Renumber takes a new number even if the document was issued before.
	Renumber bool
	// Draft writes a trial copy: no number (a blank to fill by hand) and
	// nothing entered in the register.
	Draft bool
	// Deputy has the deputy secretary sign on the secretary's behalf.
	Deputy bool
	// Unsigned prints "(Đã ký)" for a copy sent by e-mail.
	Unsigned bool

	// Dir is the folder the file is written to, under a name made from
	// the document; Path, when set, is the file itself.
	Dir, Path string
	// Replace allows replacing an existing file (--force); otherwise
	// ConfirmReplace, when set, is asked (the window's "Thay thế tệp?"),
	// and without it an existing file is refused. The register, its
	// companion files and its backups folder are never written
	// (store.Output).
	Replace        bool
	ConfirmReplace func(path string) bool
	// Progress, when set, is told how far the work is (0 to 1).
	Progress func(float64)
}

// Issued is what was issued.
type Issued struct {
	Path   string
	Title  string
	Doc    domain.Document // the register's entry (zero for a draft or a plan)
	Symbol string          // "12-BC/ĐTN"; empty for a draft
	Kept   bool            // the number is the one the same document took before
	// TransferRecorded is true when issuing the transfer letter recorded
	// the member's transfer out.
	TransferRecorded bool
	// Omitted names the report's sections left out for want of text (no
	// dotted lines are printed): what the secretary may still write.
	Omitted []string
}

// job is a document ready to be numbered and written.
type job struct {
	docType, key, title, file string
	recipients                []string // nil: the kind's defaults
	// own is true for a document that prints a number of its own (a
	// plan) and takes none from the register.
	own     bool
	date    domain.Date // the document's own date, when it has one
	omitted []string    // sections left out for want of text
	write   func(m report.Meta, w io.Writer) error
}

// Issue issues one document (see the package comment). A document whose
// signer is missing from the register is not written: the error asks for
// the officer. A file that cannot be written takes no number.
func Issue(ctx context.Context, st *store.Store, req Request) (Issued, error) {
	if err := settleDates(ctx, st, &req); err != nil {
		return Issued{}, err
	}
	if err := settleTransfer(ctx, st, &req); err != nil {
		return Issued{}, err
	}
	undo, err := recordTransferOut(ctx, st, req)
	if err != nil {
		return Issued{}, err
	}
	out, err := issue(ctx, st, req)
	if err == nil {
		err = recordResidenceLetter(ctx, st, req, out)
	}
	if err != nil && undo != nil {
		// No letter, no transfer: the member stays as they were.
		if uerr := undo(); uerr != nil {
			err = errors.Join(err, uerr)
		}
	}
	out.TransferRecorded = err == nil && undo != nil
	return out, err
}

// issue writes and numbers a document whose request is settled.
func issue(ctx context.Context, st *store.Store, req Request) (Issued, error) {
	progress := req.Progress
	if progress == nil {
		progress = func(float64) {}
	}
	progress(0.1)
	j, err := prepare(ctx, st, req)
	if err != nil {
		return Issued{}, err
	}
	progress(0.5)
	date := req.Date
	if !j.date.IsZero() {
		date = j.date
	}
	signer, err := st.SignerOn(ctx, date, req.Deputy)
	if err != nil {
		return Issued{}, err
	}
	unit, err := st.Unit(ctx)
	if err != nil {
		return Issued{}, err
	}
	recipients := j.recipients
	if saved, ok, err := st.Recipients(ctx, string(req.Kind)); err != nil {
		return Issued{}, err
	} else if ok {
		recipients = saved
	} else if recipients == nil {
		recipients = report.DefaultRecipients(unit)
	}
	meta := report.Meta{Unit: unit, Date: date, Recipients: recipients, Signer: signer, Unsigned: req.Unsigned}

	out := Issued{Title: j.title, Omitted: j.omitted}
	doc := domain.Document{Type: j.docType, Title: j.title, Issued: date, Year: date.Year(), Key: j.key, Number: req.Number}
	numbered := !req.Draft && !j.own
	if numbered {
		if err := number(ctx, st, req, date, &doc, &out); err != nil {
			return Issued{}, err
		}
		meta.Number = doc.Number
	}

	path := req.Path
	if path == "" {
		name := j.file
		if numbered {
			// Numbers restart each year: the year keeps 1-BC of 2025 and
			// 1-BC of 2026 in two files, and a reissue goes beside the
			// earlier issue ("-lan-2"), so that writing one never changes
			// the file another entry or version names.
			name = j.docType + "-" + strconv.Itoa(doc.Number) + "-" + strconv.Itoa(doc.Year) + "-" + name
			if n := len(doc.Versions); n > 0 {
				name = strings.TrimSuffix(name, ".pdf") + "-lan-" + strconv.Itoa(n+1) + ".pdf"
			}
		}
		path = filepath.Join(req.Dir, name)
	}
	if path, err = filepath.Abs(path); err != nil {
		return Issued{}, fmt.Errorf("đường dẫn %s: %w", path, err)
	}
	output := st.Output(path, req.Replace)
	output.Ask = req.ConfirmReplace
	if err := output.Write(func(w io.Writer) error { return j.write(meta, w) }); err != nil {
		return Issued{}, err
	}
	progress(0.9)
	out.Path = path
	if !numbered {
		return out, nil
	}
	doc.File = path
	if err := st.RecordDocument(ctx, &doc); err != nil {
		// The number is recorded only with its file: without the entry
		// the file must not stay, carrying a number the register lacks.
		if rerr := os.Remove(path); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return Issued{}, err
	}
	out.Doc = doc
	out.Symbol = doc.Symbol(unit.IssuerCode)
	progress(1)
	return out, nil
}

// issueDay is the day a report is issued (today when the request gives
// none): its texts are read as saved by then.
func issueDay(st *store.Store, req Request) domain.Date {
	if req.Date.IsZero() {
		return st.Today()
	}
	return req.Date
}

// prepare reads a document's data and names it.
func prepare(ctx context.Context, st *store.Store, req Request) (job, error) {
	switch req.Kind {
	case HalfYear:
		return halfYearJob(ctx, st, req)
	case Work:
		return workJob(ctx, st, req)
	case Annual:
		a, err := annualData(ctx, st, req.Year, req.Cutoff, issueDay(st, req), false)
		if err != nil {
			return job{}, err
		}
		return job{docType: report.AnnualType, key: identity(Annual, yearPeriod(req.Year), req.Cutoff), omitted: omitted(a.Narrative),
			title: report.AnnualSummary(a.Plan, req.Year), file: fmt.Sprintf("bao-cao-nam-%d.pdf", req.Year),
			write: func(m report.Meta, w io.Writer) error { a.Meta = m; return report.WriteAnnual(w, a) }}, nil
	case Period:
		p, err := periodData(ctx, st, req.Cutoff, issueDay(st, req))
		if err != nil {
			return job{}, err
		}
		plan := p.Result.Plan
		return job{docType: report.AnnualType, key: identity(Period, "plan-"+strconv.FormatInt(plan.ID, 10), req.Cutoff), omitted: omitted(p.Narrative),
			title: report.PeriodSummary(p.Result), file: fmt.Sprintf("so-ket-ke-hoach-%d-%d.pdf", plan.StartYear, plan.EndYear),
			write: func(m report.Meta, w io.Writer) error { p.Meta = m; return report.WritePeriod(w, p) }}, nil
	case Plan:
		p, err := planData(ctx, st, req.PlanID)
		if err != nil {
			return job{}, err
		}
		return job{docType: report.PlanType, own: true, date: p.Plan.Issued,
			title: "Kế hoạch " + p.Plan.Number, file: fmt.Sprintf("ke-hoach-%d-%d.pdf", p.Plan.StartYear, p.Plan.EndYear),
			write: func(m report.Meta, w io.Writer) error { p.Meta = m; return report.WritePlan(w, p) }}, nil
	case Members:
		l, err := memberList(ctx, st, req.BranchID, req.Personal, req.Cutoff)
		if err != nil {
			return job{}, err
		}
		if l.Summary == "" {
			unit, err := st.Unit(ctx)
			if err != nil {
				return job{}, err
			}
			l.Summary = "Đoàn viên " + report.UnitName(unit)
		}
		if req.Cutoff != req.Date {
			// A list as of another day than its own says which.
			l.Summary += " (đến ngày " + req.Cutoff.String() + ")"
		}
		file := "danh-sach-doan-vien.pdf"
		if req.BranchID != 0 {
			// Named by the branch, as the secretary finds and sends it.
			b, err := st.Branch(ctx, req.BranchID)
			if err != nil {
				return job{}, err
			}
			file = "danh-sach-doan-vien-" + domain.FileSlug(b.Name) + ".pdf"
			if domain.FileSlug(b.Name) == "" {
				file = fmt.Sprintf("danh-sach-doan-vien-chi-doan-%d.pdf", req.BranchID)
			}
		}
		return job{docType: report.ListType, key: identity(Members, "", req.Cutoff, strconv.FormatInt(req.BranchID, 10), strconv.FormatBool(req.Personal)),
			title: "Danh sách " + domain.LowerFirst(l.Summary), file: file,
			write: func(m report.Meta, w io.Writer) error { l.Meta = m; return report.WriteMemberList(w, l) }}, nil
	case Clubs:
		c, err := clubList(ctx, st)
		if err != nil {
			return job{}, err
		}
		return job{docType: report.ListType, key: identity(Clubs, "", req.Cutoff), title: "Danh sách câu lạc bộ và thành viên", file: "cau-lac-bo.pdf",
			write: func(m report.Meta, w io.Writer) error { c.Meta = m; return report.WriteClubs(w, c) }}, nil
	case Coops:
		c, err := coopList(ctx, st, req.Year, req.Cutoff)
		if err != nil {
			return job{}, err
		}
		return job{docType: report.ListType, key: identity(Coops, yearPeriod(req.Year), req.Cutoff),
			title: fmt.Sprintf("Danh sách tổ hợp tác và kết quả hoạt động năm %d", req.Year), file: fmt.Sprintf("to-hop-tac-%d.pdf", req.Year),
			write: func(m report.Meta, w io.Writer) error { c.Meta = m; return report.WriteCoops(w, c) }}, nil
	case Transfer:
		t, err := transferData(ctx, st, req.MemberID, req.To, req.Reason, req.Date)
		if err != nil {
			return job{}, err
		}
		return job{docType: report.TransferType, key: identity(Transfer, "", domain.Date{}, strconv.FormatInt(req.MemberID, 10), domain.Fold(req.To)),
			title: "Giấy giới thiệu sinh hoạt Đoàn cho " + t.Person.FullName(), file: fmt.Sprintf("giay-gioi-thieu-%d.pdf", req.MemberID),
			recipients: t.Recipients,
			write:      func(m report.Meta, w io.Writer) error { t.Meta = m; return report.WriteTransfer(w, t) }}, nil
	case Residence:
		return residenceJob(ctx, st, req)
	case Consolidated:
		return consolidatedJob(ctx, st, req)
	case DuesLedger, DuesSummary, DuesUnpaid:
		return duesJob(ctx, st, req)
	}
	return job{}, fmt.Errorf("không có loại văn bản %q", req.Kind)
}
