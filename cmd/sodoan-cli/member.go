package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"sodoan/domain"
	"sodoan/store"
)

// cmdMember writes to one person's record what the member page's buttons
// write; each goes through the store's own call, as the window's does.
var cmdMember = &Command{
	Name: "member",
	Subs: []*Command{{
		Name:  "federation-end",
		Args:  "--person MÃ --date dd/mm/yyyy --reason " + federationReasonCodes() + " | --person MÃ --undo",
		Short: "ghi một hội viên thôi sinh hoạt Hội (hoặc --undo: hội viên trở lại)",
		Long: "Từ ngày thôi sinh hoạt Hội, người đó không còn được tính là hội viên trong mọi số liệu\n" +
			"(báo cáo, danh sách theo ngày); hồ sơ và ngày vào Hội vẫn giữ. Lý do:\n" + federationReasonList(),
		Flags: federationEndFlags,
	}},
}

// federationReasonCodes is "transfer|removal|age|left", from the catalog.
func federationReasonCodes() string {
	codes := make([]string, len(domain.FederationEndReasons))
	for i, c := range domain.FederationEndReasons {
		codes[i] = c.Code
	}
	return strings.Join(codes, "|")
}

func federationReasonList() string {
	var b strings.Builder
	for _, c := range domain.FederationEndReasons {
		fmt.Fprintf(&b, "  %-9s %s\n", c.Code, c.Label)
	}
	return strings.TrimRight(b.String(), "\n")
}

func federationEndFlags(fs *flag.FlagSet) Run {
	person := int64Flag(fs, "person", 0, domain.IntRange{Field: "Person", Label: "Mã người", Min: 1, Max: math.MaxInt64},
		"mã người (xem bằng search)")
	date := fs.String("date", "", "ngày thôi sinh hoạt Hội, dd/mm/yyyy")
	reason := fs.String("reason", "", "lý do: "+federationReasonCodes())
	undo := fs.Bool("undo", false, "bỏ ngày thôi sinh hoạt Hội: hội viên trở lại từ ngày vào Hội")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		const path = "member federation-end"
		if err := extraArgs(path, args); err != nil {
			return err
		}
		if *person == 0 {
			return fmt.Errorf("%s: cần --person MÃ", path)
		}
		p, err := st.Person(ctx, *person)
		if err != nil {
			return err
		}
		if *undo {
			if *date != "" || *reason != "" {
				return fmt.Errorf("%s: --undo không đi cùng --date, --reason", path)
			}
			if p.FederationEnd.IsZero() {
				return fmt.Errorf("%s: %s (mã %d) chưa thôi sinh hoạt Hội; không có gì để bỏ", path, p.FullName(), p.ID)
			}
			if err := st.ReopenFederation(ctx, p.ID); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã ghi %s (mã %d) là hội viên trở lại (bỏ ngày thôi sinh hoạt Hội %s).\n", p.FullName(), p.ID, p.FederationEnd)
			return nil
		}
		if *date == "" {
			return fmt.Errorf("%s: cần --date dd/mm/yyyy", path)
		}
		d, err := domain.ParseDate(*date)
		if err != nil {
			return fmt.Errorf("%s: --date: %w", path, err)
		}
		r := domain.FederationEndReason(*reason)
		if !domain.ValidCode(domain.FederationEndReasons, *reason) {
			return fmt.Errorf("%s: --reason %q: chọn %s", path, *reason, federationReasonCodes())
		}
		if err := st.EndFederation(ctx, p.ID, d, r); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi %s (mã %d) thôi sinh hoạt Hội từ %s: %s.\n", p.FullName(), p.ID, d, r.Label())
		return nil
	}
}
