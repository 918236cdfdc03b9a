package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"sodoan/domain"
	"sodoan/store"
)

var cmdHistory = &Command{
	Name:  "history",
	Args:  "[--member MÃ] [--kind LOẠI] [--from dd/mm/yyyy] [--to dd/mm/yyyy] [--limit N]",
	Short: "lịch sử thay đổi (của một người, một loại, trong một khoảng ngày)",
	Open:  store.OpenOptions{ReadOnly: true},
	Flags: historyFlags,
}

func historyFlags(fs *flag.FlagSet) Run {
	// Ranged flags: "--limit x" is answered in Vietnamese while the
	// flags are parsed, not in the flag package's English.
	member := int64Flag(fs, "member", 0, domain.IntRange{Field: "Member", Label: "Mã người", Min: 1, Max: math.MaxInt64},
		"mã người (xem bằng search): chỉ lịch sử của người đó")
	limit := intFlag(fs, "limit", 50, domain.IntRange{Field: "Limit", Label: "Số thay đổi", Min: 1, Max: store.MaxHistoryLimit},
		fmt.Sprintf("số thay đổi gần nhất (1 đến %s)", domain.FormatInt(store.MaxHistoryLimit)))
	var codes []string
	for _, k := range store.HistoryKinds {
		codes = append(codes, k.Code+" ("+strings.ToLower(k.Label)+")")
	}
	kind := fs.String("kind", "", "loại thay đổi: "+strings.Join(codes, ", "))
	from := fs.String("from", "", "từ ngày, dd/mm/yyyy")
	to := fs.String("to", "", "đến ngày, dd/mm/yyyy")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usageError{fmt.Errorf("history: tham số thừa %s", quoteArgs(args[:1]))}
		}
		f := store.HistoryFilter{PersonID: *member, Kind: *kind, Limit: *limit}
		for _, d := range []struct {
			flag, v string
			to      *domain.Date
		}{{"--from", *from, &f.From}, {"--to", *to, &f.To}} {
			if d.v == "" {
				continue
			}
			day, err := domain.ParseDate(d.v)
			if err != nil {
				return fmt.Errorf("%s: %w", d.flag, err)
			}
			*d.to = day
		}
		if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
			return fmt.Errorf("--to %s trước --from %s", f.To, f.From)
		}
		if *member > 0 {
			p, err := st.Person(ctx, *member)
			switch {
			case err == nil:
				fmt.Fprintf(stdout, "Lịch sử thay đổi của %s (mã %d)\n", p.FullName(), p.ID)
			case errors.Is(err, store.ErrNotFound):
				// A person in the recycle bin or deleted for good still has
				// the history kept of them.
				fmt.Fprintf(stdout, "Lịch sử thay đổi của người mã %d (không còn trong sổ)\n", *member)
			default:
				return err
			}
		}
		h, err := st.History(ctx, f)
		if err != nil {
			return err
		}
		if len(h) == 0 {
			fmt.Fprintln(stdout, "Chưa có thay đổi nào được ghi.")
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Thời điểm\tNgười\tThay đổi")
		for _, e := range h {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", store.FormatStamp(e.At), e.Person, oneLine(e.Summary()))
		}
		return tw.Flush()
	}
}

// oneLine keeps a note written on several lines on the table's line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// kindsHelp names the kinds of LOẠI MÃ.
const kindsHelp = "LOẠI: person (người), branch (chi đoàn), club (câu lạc bộ), coop (tổ hợp tác)"

var cmdTrash = &Command{
	Name: "trash",
	Long: "Thùng rác: xem, khôi phục, xóa vĩnh viễn.\n" + kindsHelp + "\n",
	Subs: []*Command{
		{Name: "list", Short: "xem thùng rác", Flags: noFlags(runTrashList)},
		{Name: "restore", Args: "LOẠI MÃ", Short: "khôi phục từ thùng rác", Long: kindsHelp, Flags: noFlags(runTrashRestore)},
		{Name: "empty", Args: "[LOẠI MÃ] --yes [--backups]", Short: "xóa vĩnh viễn cả thùng rác, hoặc một mục (--backups: cả khỏi các bản sao lưu)", Long: kindsHelp,
			Flags: trashEmptyFlags, Reorder: flagsFirst},
	},
}

func runTrashList(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	items, err := st.Trash(ctx)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		fmt.Fprintln(stdout, "Thùng rác trống.")
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Loại\tMã\tTên\tXóa lúc\tKèm theo")
	for _, it := range items {
		fmt.Fprintf(tw, "%s (%s)\t%d\t%s\t%s\t%s mục\n", it.Kind.Label(), it.Kind, it.ID, oneLine(it.Label), store.FormatStamp(it.DeletedAt), domain.FormatInt(int64(it.Links)))
	}
	return tw.Flush()
}

func runTrashRestore(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	kind, id, err := trashTarget(args)
	if err != nil {
		return err
	}
	if id == 0 {
		return fmt.Errorf("trash restore: thiếu LOẠI MÃ (xem trash list)")
	}
	res, err := st.RestoreTrash(ctx, kind, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã khôi phục %s %s (mã %d)\n", strings.ToLower(kind.Label()), oneLine(res.Label), res.ID)
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, "- Lưu ý:", n)
	}
	return nil
}

func trashEmptyFlags(fs *flag.FlagSet) Run {
	yes := fs.Bool("yes", false, "xác nhận xóa vĩnh viễn (không hoàn tác được)")
	backups := fs.Bool("backups", false, "xóa cả khỏi các bản sao lưu trong thư mục sao lưu những người đã xóa vĩnh viễn")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		kind, id, err := trashTarget(args)
		if err != nil {
			return err
		}
		items, err := st.Trash(ctx)
		if err != nil {
			return err
		}
		// After the bin, the backups: they keep people erased for good
		// until they rotate out.
		fromBackups := func() error {
			if !*backups {
				return nil
			}
			res, err := st.EraseFromBackups(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã xóa %s người đã xóa vĩnh viễn khỏi %s bản sao lưu\n", domain.FormatInt(int64(res.People)), domain.FormatInt(int64(res.Files)))
			return nil
		}
		if id == 0 && len(items) == 0 {
			fmt.Fprintln(stdout, "Thùng rác trống.")
			if *backups && !*yes {
				return fmt.Errorf("trash empty --backups: sẽ sửa các bản sao lưu, không hoàn tác được; thêm --yes để xác nhận")
			}
			return fromBackups()
		}
		if !*yes {
			what := fmt.Sprintf("%s mục trong thùng rác", domain.FormatInt(int64(len(items))))
			if id != 0 {
				what = fmt.Sprintf("%s mã %d", strings.ToLower(kind.Label()), id)
			}
			return fmt.Errorf("trash empty: sẽ xóa vĩnh viễn %s, không hoàn tác được; thêm --yes để xác nhận", what)
		}
		if id != 0 {
			if err := st.PurgeTrash(ctx, kind, id); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã xóa vĩnh viễn %s mã %d\n", strings.ToLower(kind.Label()), id)
			return fromBackups()
		}
		n, err := st.EmptyTrash(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã dọn thùng rác: xóa vĩnh viễn %s mục\n", domain.FormatInt(int64(n)))
		return fromBackups()
	}
}

// trashTarget reads LOẠI MÃ (none: 0).
func trashTarget(args []string) (domain.TrashKind, int64, error) {
	switch len(args) {
	case 0:
		return "", 0, nil
	case 2:
	default:
		return "", 0, fmt.Errorf("trash: cần LOẠI và MÃ, như: person 12")
	}
	code, ok := domain.CodeOfLabel(domain.TrashKinds, args[0])
	if !ok {
		return "", 0, fmt.Errorf("trash: loại %q không có (person, branch, club hoặc coop)", args[0])
	}
	id, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil || id <= 0 {
		return "", 0, fmt.Errorf("trash: mã %q phải là số nguyên dương", args[1])
	}
	return domain.TrashKind(code), id, nil
}

// flagsFirst puts the flags before LOẠI MÃ, so that "empty person 12
// --yes" reads as typed: Go's flag package stops at the first argument.
func flagsFirst(args []string) []string {
	var flags, rest []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			flags = append(flags, a)
		} else {
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}

var cmdDelete = &Command{
	Name:  "delete",
	Args:  "LOẠI MÃ",
	Short: "chuyển người (person), chi đoàn (branch),\nCLB (club), tổ hợp tác (coop) vào thùng rác",
	Long:  kindsHelp,
	Flags: noFlags(runDelete),
}

func runDelete(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
	kind, id, err := trashTarget(args)
	if err != nil {
		return err
	}
	if id == 0 {
		return fmt.Errorf("delete: thiếu LOẠI MÃ, như: person 12")
	}
	del := map[domain.TrashKind]func(context.Context, int64) error{
		domain.TrashPerson: st.DeletePerson, domain.TrashBranch: st.DeleteBranch,
		domain.TrashClub: st.DeleteClub, domain.TrashCoop: st.DeleteCoop,
	}[kind]
	if err := del(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã chuyển %s mã %d vào thùng rác (khôi phục: trash restore %s %d)\n", strings.ToLower(kind.Label()), id, kind, id)
	return nil
}
