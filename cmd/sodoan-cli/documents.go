package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/store"
)

var cmdDocuments = &Command{
	Name: "documents",
	Open: store.OpenOptions{ReadOnly: true},
	Subs: []*Command{{
		Name:  "list",
		Args:  "[--year Y]",
		Short: "sổ văn bản đi: số, ngày, loại, trích yếu, các lần ban hành, tệp",
		Flags: documentsListFlags,
	}},
}

// documentsListFlags prints the outgoing register, the latest number
// first, each document with every issue of it (the first is the one its
// number was given to).
func documentsListFlags(fs *flag.FlagSet) Run {
	year := intFlag(fs, "year", 0, domain.YearRange, "chỉ một năm (mặc định: mọi năm)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if err := extraArgs("documents list", args); err != nil {
			return err
		}
		docs, err := st.Documents(ctx, *year)
		if err != nil {
			return err
		}
		if len(docs) == 0 {
			fmt.Fprintln(stdout, "Sổ văn bản đi chưa có văn bản nào.")
			return nil
		}
		u, err := st.Unit(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Số, ký hiệu\tNgày\tLoại\tTrích yếu\tSố lần\tTệp")
		for _, d := range docs {
			latest := d.Latest()
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", d.Symbol(u.IssuerCode), d.Issued, documentKind(d.Type), d.Title,
				max(len(d.Versions), 1), latest.File)
			// Every issue after the first, with what it was then.
			for i, v := range d.Versions {
				if i == 0 {
					continue
				}
				fmt.Fprintf(tw, "  lần %s\t%s\t\t%s\t\t%s\n", strconv.Itoa(i+1), v.Issued, v.Title, v.File)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Tổng cộng: %s văn bản.\n", domain.FormatInt(int64(len(docs))))
		return nil
	}
}

// documentKind names a document type ("Báo cáo" for BC).
func documentKind(code string) string {
	for _, c := range domain.DocumentTypes {
		if c.Code == code {
			return c.Label
		}
	}
	return code
}
