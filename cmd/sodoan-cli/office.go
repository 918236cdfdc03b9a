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

// The offices of a person from a script (issue 21, finding 6): a register
// made by init and import could not sign a report without the window,
// since the Bí thư is an office recorded on the member page. These
// commands go through the same SavePosition the member page uses, so the
// rules (one holder at a time, age, membership) are the page's.

// cmdOffices is the offices of a person: listed, added, ended.
var cmdOffices = &Command{
	Name: "offices",
	Subs: []*Command{{
		Name:  "list",
		Args:  "--member MÃ",
		Short: "liệt kê các chức vụ của một người (mã chức vụ để ghi ngày thôi giữ)",
		Flags: officesFlags,
	}, {
		Name:  "add",
		Args:  `--member MÃ --kind CHỨC_VỤ --from dd/mm/yyyy [--to dd/mm/yyyy] [--branch "CHI ĐOÀN"]`,
		Short: "ghi một chức vụ của một người (Bí thư, Phó Bí thư, Ủy viên BCH…, của phường hoặc chi đoàn)",
		Long: "Chức vụ (--kind) bằng mã: " + positionCodes() + ",\n" +
			"hoặc viết như trong danh sách của phường (\"Bí thư\", \"PBT chi đoàn\", \"Ủy viên BCH\").\n" +
			"Chức vụ của chi đoàn thuộc chi đoàn của người đó, trừ khi có --branch. Mỗi lúc chỉ một người\n" +
			"giữ chức Bí thư, Phó Bí thư (của phường; Bí thư của mỗi chi đoàn): người đang giữ phải có\n" +
			"ngày thôi giữ trước (offices end).",
		Flags: officeFlags,
	}, {
		Name:  "end",
		Args:  "--member MÃ --id MÃ_CHỨC_VỤ --to dd/mm/yyyy",
		Short: "ghi ngày thôi giữ một chức vụ (mã chức vụ: xem offices list)",
		Flags: officeEndFlags,
	}},
}

// positionCodes is "secretary|deputy|…", from the catalog.
func positionCodes() string {
	codes := make([]string, len(domain.Positions))
	for i, c := range domain.Positions {
		codes[i] = c.Code
	}
	return strings.Join(codes, "|")
}

// parseOffice reads --kind: a code of the catalog, or one office in the
// words a ward's list uses. It returns the kind and the branch the words
// name ("" for the holder's own).
func parseOffice(s string) (domain.PositionKind, string, error) {
	if domain.ValidCode(domain.Positions, s) {
		return domain.PositionKind(s), "", nil
	}
	claims, err := domain.ParseOffices(s)
	if err != nil {
		return "", "", err
	}
	if len(claims) != 1 {
		return "", "", fmt.Errorf("--kind %q: ghi một chức vụ mỗi lần (%s hoặc lời như “Bí thư chi đoàn”)", s, positionCodes())
	}
	k, ok := claims[0].Resolve()
	if !ok {
		return "", "", fmt.Errorf("--kind %q: chi đoàn không có Ban Thường vụ", s)
	}
	return k, claims[0].Branch, nil
}

func isBranchOffice(k domain.PositionKind) bool {
	return k == "branch_secretary" || k == "branch_deputy" || k == "branch_executive"
}

func officeFlags(fs *flag.FlagSet) Run {
	person := int64Flag(fs, "member", 0, personRange, "mã người (xem bằng search)")
	office := fs.String("kind", "", "chức vụ: mã "+positionCodes()+" hoặc lời như trong danh sách (\"Bí thư\")")
	branch := fs.String("branch", "", "chi đoàn của chức vụ chi đoàn (mặc định: chi đoàn của người đó)")
	from := fs.String("from", "", "ngày bắt đầu giữ chức, dd/mm/yyyy")
	to := fs.String("to", "", "ngày thôi giữ chức, dd/mm/yyyy (bỏ trống: đang giữ)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		const path = "offices add"
		if err := extraArgs(path, args); err != nil {
			return err
		}
		switch {
		case *person == 0:
			return fmt.Errorf("%s: cần --member MÃ", path)
		case strings.TrimSpace(*office) == "":
			return fmt.Errorf("%s: cần --kind (%s)", path, positionCodes())
		case *from == "":
			return fmt.Errorf("%s: cần --from dd/mm/yyyy", path)
		}
		kind, named, err := parseOffice(*office)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		p, err := st.Person(ctx, *person)
		if err != nil {
			return err
		}
		pos := &domain.Position{PersonID: p.ID, Kind: kind}
		if pos.Start, err = domain.ParseDate(*from); err != nil {
			return fmt.Errorf("%s: --from: %w", path, err)
		}
		if *to != "" {
			if pos.End, err = domain.ParseDate(*to); err != nil {
				return fmt.Errorf("%s: --to: %w", path, err)
			}
		}
		if *branch != "" && named != "" {
			return fmt.Errorf("%s: chi đoàn nêu hai lần (trong --kind và --branch): chỉ nêu một", path)
		}
		if *branch != "" {
			named = *branch
		}
		if isBranchOffice(kind) {
			pos.BranchID = p.BranchID
			if named != "" {
				b, err := st.BranchByName(ctx, named)
				if err != nil {
					return fmt.Errorf("%s: chi đoàn %q: %w", path, named, err)
				}
				pos.BranchID = b.ID
			}
			if pos.BranchID == 0 {
				return fmt.Errorf("%s: %s không thuộc chi đoàn nào: nêu --branch", path, p.FullName())
			}
		} else if named != "" {
			return fmt.Errorf("%s: %s là chức vụ của phường, không có chi đoàn", path, kind.Label())
		}
		if err := st.SavePosition(ctx, pos); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã ghi %s (mã %d): %s%s từ %s%s (mã chức vụ %d).\n", p.FullName(), p.ID, kind.Label(),
			branchSuffix(ctx, st, pos.BranchID), pos.Start, untilSuffix(pos.End), pos.ID)
		return nil
	}
}

func branchSuffix(ctx context.Context, st *store.Store, id int64) string {
	if id == 0 {
		return ""
	}
	b, err := st.Branch(ctx, id)
	if err != nil {
		return fmt.Sprintf(" (chi đoàn mã %d)", id)
	}
	return " (" + b.Name + ")"
}

func untilSuffix(end domain.Date) string {
	if end.IsZero() {
		return ""
	}
	return " đến " + end.String()
}

func officesFlags(fs *flag.FlagSet) Run {
	person := int64Flag(fs, "member", 0, personRange, "mã người (xem bằng search)")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		const path = "offices list"
		if err := extraArgs(path, args); err != nil {
			return err
		}
		if *person == 0 {
			return fmt.Errorf("%s: cần --member MÃ", path)
		}
		p, err := st.Person(ctx, *person)
		if err != nil {
			return err
		}
		list, err := st.Positions(ctx, p.ID)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			fmt.Fprintf(stdout, "%s (mã %d) chưa có chức vụ nào.\n", p.FullName(), p.ID)
			return nil
		}
		for _, pos := range list {
			fmt.Fprintf(stdout, "%d\t%s%s\ttừ %s%s\n", pos.ID, pos.Kind.Label(), branchSuffix(ctx, st, pos.BranchID), pos.Start, untilSuffix(pos.End))
		}
		return nil
	}
}

func officeEndFlags(fs *flag.FlagSet) Run {
	id := int64Flag(fs, "id", 0, domain.IntRange{Field: "ID", Label: "Mã chức vụ", Min: 1, Max: math.MaxInt64}, "mã chức vụ (xem offices list)")
	to := fs.String("to", "", "ngày thôi giữ chức, dd/mm/yyyy")
	person := int64Flag(fs, "member", 0, personRange, "mã người giữ chức vụ")
	return func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error {
		const path = "offices end"
		if err := extraArgs(path, args); err != nil {
			return err
		}
		switch {
		case *id == 0:
			return fmt.Errorf("%s: cần --id MÃ_CHỨC_VỤ (xem offices list)", path)
		case *person == 0:
			return fmt.Errorf("%s: cần --member MÃ (người giữ chức vụ)", path)
		case *to == "":
			return fmt.Errorf("%s: cần --to dd/mm/yyyy", path)
		}
		end, err := domain.ParseDate(*to)
		if err != nil {
			return fmt.Errorf("%s: --to: %w", path, err)
		}
		list, err := st.Positions(ctx, *person)
		if err != nil {
			return err
		}
		for _, pos := range list {
			if pos.ID != *id {
				continue
			}
			pos.End = end
			if err := st.SavePosition(ctx, &pos); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã ghi: %s thôi giữ chức %s%s từ %s.\n", personName(ctx, st, pos.PersonID), pos.Kind.Label(), branchSuffix(ctx, st, pos.BranchID), end)
			return nil
		}
		return fmt.Errorf("%s: người mã %d không có chức vụ mã %d (xem offices list --member %d)", path, *person, *id, *person)
	}
}

func personName(ctx context.Context, st *store.Store, id int64) string {
	p, err := st.Person(ctx, id)
	if err != nil {
		return fmt.Sprintf("mã %d", id)
	}
	return p.FullName()
}
