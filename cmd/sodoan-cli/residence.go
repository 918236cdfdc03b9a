package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"sodoan/domain"
	"sodoan/issuing"
	"sodoan/store"
)

// Residence activity (issue 20): members introduced to take part where
// they reside, members of other units received here; the branch book's
// tables 2 and 3 and the letter (report residence) are made from them.
var cmdResidence = &Command{
	Name:  "residence",
	Short: "sinh hoạt nơi cư trú: giới thiệu đoàn viên đi, tiếp nhận đoàn viên đơn vị khác đến",
	Subs: []*Command{
		{Name: "list", Args: "[--branch TÊN] [--year Y] [--person MÃ] [--kind out|in] [--date dd/mm/yyyy] [--format table|csv]",
			Short: "các bản ghi sinh hoạt nơi cư trú diễn ra trong năm Y, như sổ biết đến ngày --date (mặc định: hết năm)",
			Flags: residenceListFlags},
		{Name: "add", Args: "--kind out|in --from dd/mm/yyyy --place \"…\" (out: --person MÃ [--branch TÊN]; in: --branch TÊN --family \"…\" --given \"…\" --birth dd/mm/yyyy [--middle \"…\"] [--gender nam|nu] hoặc --person MÃ) [--to dd/mm/yyyy] [--address \"…\"] [--letter SỐ --letter-date dd/mm/yyyy] [--note \"…\"]",
			Short: "ghi một đoàn viên được giới thiệu sinh hoạt nơi cư trú (out) hoặc được tiếp nhận đến sinh hoạt (in)",
			Long: "--kind out: đoàn viên của sổ (--person) được chi đoàn giới thiệu về sinh hoạt tại nơi cư trú (--place: Đoàn xã, phường nơi cư trú); " +
				"chi đoàn mặc định là chi đoàn của đoàn viên. --kind in: đoàn viên đơn vị khác (--place: đơn vị giới thiệu) đến sinh hoạt tại chi đoàn --branch, " +
				"vẫn sinh hoạt Đoàn và đóng đoàn phí ở đơn vị mình. Giấy giới thiệu in bằng report residence --id MÃ.",
			Flags: residenceAddFlags},
		{Name: "end", Args: "--id MÃ --to dd/mm/yyyy", Short: "ghi ngày kết thúc sinh hoạt nơi cư trú", Flags: residenceEndFlags},
		{Name: "delete", Args: "MÃ", Short: "xóa một bản ghi sinh hoạt nơi cư trú ghi nhầm",
			Flags: noFlags(deleteOne("residence delete", "bản ghi sinh hoạt nơi cư trú", (*store.Store).DeleteResidence))},
	},
}

// cmdReportResidence is `report residence --id MÃ`: the letter of a record.
var cmdReportResidence = reportCmd("residence", "--id MÃ", "giấy giới thiệu sinh hoạt đoàn viên nơi cư trú (GGT) của bản ghi MÃ (residence list), ghi số giấy vào bản ghi",
	issuing.Residence, func(fs *flag.FlagSet) fillRequest {
		id := int64Flag(fs, "id", 0, domain.IDRange, "mã bản ghi giới thiệu sinh hoạt nơi cư trú (bắt buộc)")
		return func(_ context.Context, _ *store.Store, r *issuing.Request) error {
			if *id == 0 {
				return usageError{fmt.Errorf("report residence: cần --id MÃ")}
			}
			r.ResidenceID = *id
			return nil
		}
	})

func residenceListFlags(fs *flag.FlagSet) Run {
	year := thisYearFlag(fs, "year", "năm công tác")
	branch := fs.String("branch", "", "chỉ chi đoàn này (tên)")
	person := int64Flag(fs, "person", 0, domain.IDRange, "chỉ người này (mã)")
	kind := fs.String("kind", "", "out (giới thiệu đi) hoặc in (tiếp nhận đến); bỏ trống: cả hai")
	date := fs.String("date", "", "như sổ biết đến ngày dd/mm/yyyy (mặc định: hết năm, hoặc hôm nay cho năm đang chạy)")
	format := fs.String("format", "table", "table hoặc csv")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("residence list", args); err != nil {
			return err
		}
		k, err := residenceKind(*kind, true)
		if err != nil {
			return err
		}
		cut, err := optionalDate("--date", *date)
		if err != nil {
			return usageError{err}
		}
		bid, err := branchID(ctx, st, *branch)
		if err != nil {
			return err
		}
		y := year(st)
		sp, err := st.YearSpan(ctx, y, domain.Date{})
		if err != nil {
			return err
		}
		if cut.IsZero() {
			cut = sp.To
			if today := st.Today(); today.Before(cut) {
				cut = today
			}
		}
		rs, err := st.Residences(ctx, store.ResidenceFilter{BranchID: bid, PersonID: *person, Kind: k, From: sp.From, To: sp.To, Cutoff: cut})
		if err != nil {
			return err
		}
		header := []string{"Mã", "Loại", "Chi đoàn", "Họ và tên", "Ngày sinh", "Nơi cư trú / đơn vị giới thiệu", "Từ ngày", "Đến ngày", "Giấy giới thiệu", "Ghi chú"}
		var rows [][]string
		for _, r := range rs {
			letter := r.LetterNumber
			if !r.LetterDate.IsZero() {
				letter = strings.TrimSpace(letter + " ngày " + r.LetterDate.String())
			}
			rows = append(rows, []string{strconv.FormatInt(r.ID, 10), string(r.Kind), r.BranchName, r.FullName(), r.BirthDate.String(),
				r.Place, r.From.String(), r.To.String(), letter, strings.ReplaceAll(r.Note, "\n", " ")})
		}
		if err := writeTable(stdout, *format, header, rows); err != nil {
			return err
		}
		if *format != "csv" {
			out, in := 0, 0
			for _, r := range rs {
				if r.Kind == domain.ResidenceOut {
					out++
				} else {
					in++
				}
			}
			fmt.Fprintf(stdout, "Năm %d (đến ngày %s): %d giới thiệu đi, %d tiếp nhận đến\n", y, cut, out, in)
		}
		return nil
	}
}

// residenceKind reads --kind: out or in (empty only when allowed). A
// value of the wrong form is a command line the program cannot read (exit
// 2), as are the dates and the gender below.
func residenceKind(v string, empty bool) (domain.ResidenceKind, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "out", "di", "đi":
		return domain.ResidenceOut, nil
	case "in", "den", "đến":
		return domain.ResidenceIn, nil
	case "":
		if empty {
			return "", nil
		}
	}
	return "", usageError{fmt.Errorf("--kind %q: chọn out (giới thiệu đi) hoặc in (tiếp nhận đến)", v)}
}

func residenceAddFlags(fs *flag.FlagSet) Run {
	kind := fs.String("kind", "", "out (giới thiệu đoàn viên của sổ đi) hoặc in (tiếp nhận đoàn viên đơn vị khác đến), bắt buộc")
	person := int64Flag(fs, "person", 0, domain.IDRange, "mã người trong sổ (out: bắt buộc)")
	branch := fs.String("branch", "", "chi đoàn giới thiệu (out, mặc định chi đoàn của đoàn viên) hoặc tiếp nhận (in, bắt buộc)")
	family := fs.String("family", "", "họ (in)")
	middle := fs.String("middle", "", "tên đệm (in)")
	given := fs.String("given", "", "tên (in)")
	gender := fs.String("gender", "", "nam hoặc nu (in)")
	birth := fs.String("birth", "", "ngày sinh dd/mm/yyyy (in)")
	place := fs.String("place", "", "out: Đoàn xã, phường nơi cư trú; in: đơn vị giới thiệu đến (bắt buộc)")
	address := fs.String("address", "", "địa chỉ nơi cư trú")
	from := fs.String("from", "", "từ ngày dd/mm/yyyy (bắt buộc)")
	to := fs.String("to", "", "đến ngày dd/mm/yyyy (đã kết thúc)")
	letter := fs.String("letter", "", "số giấy giới thiệu")
	letterDate := fs.String("letter-date", "", "ngày giấy giới thiệu dd/mm/yyyy")
	note := fs.String("note", "", "ghi chú (lý do: học tập, làm việc…)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("residence add", args); err != nil {
			return err
		}
		k, err := residenceKind(*kind, false)
		if err != nil {
			return err
		}
		r := domain.Residence{Kind: k, PersonID: *person, FamilyName: *family, MiddleName: *middle, GivenName: *given,
			Place: *place, Address: *address, LetterNumber: *letter, Note: *note}
		switch strings.ToLower(strings.TrimSpace(*gender)) {
		case "":
		case "nam", "male":
			r.Gender = domain.Male
		case "nu", "nữ", "female":
			r.Gender = domain.Female
		default:
			return usageError{fmt.Errorf("--gender %q: chọn nam hoặc nu", *gender)}
		}
		for _, d := range []struct {
			name, v string
			to      *domain.Date
		}{{"--birth", *birth, &r.BirthDate}, {"--from", *from, &r.From}, {"--to", *to, &r.To}, {"--letter-date", *letterDate, &r.LetterDate}} {
			if *d.to, err = optionalDate(d.name, d.v); err != nil {
				return usageError{err}
			}
		}
		if r.BranchID, err = branchID(ctx, st, *branch); err != nil {
			return err
		}
		if err := st.SaveResidence(ctx, &r); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi %s mã %d: %s, %s (%s).\n", domain.LowerFirst(r.Kind.Label()), r.ID, residenceName(ctx, st, &r), r.Place, r.Span())
		return nil
	}
}

// residenceName is the record's person by name (a linked person's from
// the register).
func residenceName(ctx context.Context, st *store.Store, r *domain.Residence) string {
	if got, err := st.ResidenceByID(ctx, r.ID); err == nil {
		return got.FullName()
	}
	return r.FullName()
}

func residenceEndFlags(fs *flag.FlagSet) Run {
	id := int64Flag(fs, "id", 0, domain.IDRange, "mã bản ghi (bắt buộc)")
	to := fs.String("to", "", "ngày kết thúc dd/mm/yyyy (bắt buộc)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("residence end", args); err != nil {
			return err
		}
		if *id == 0 || strings.TrimSpace(*to) == "" {
			return usageError{fmt.Errorf("residence end: cần --id MÃ và --to dd/mm/yyyy")}
		}
		d, err := optionalDate("--to", *to)
		if err != nil {
			return usageError{err}
		}
		if err := st.EndResidence(ctx, *id, d); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi kết thúc sinh hoạt nơi cư trú mã %d ngày %s.\n", *id, d)
		return nil
	}
}
