package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/store"
)

// TestDecisionCommands: report decision issues a commendation of a demo
// member, numbered next in the year; a removal without its reason is
// refused and writes nothing; decisions list shows it; report book
// prints the member's branch book and the blank book.
func TestDecisionCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	if _, _, err := cli(t, "--db", db, "demo", "--members", "200", "--year", "2025"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	people, err := st.ListMembers(context.Background(), store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive, Limit: 1})
	// The demo's decisions of 2025 are numbered 1 … next-1 in the ward's
	// one sequence: the new one takes next.
	next, nerr := st.NextDocumentNumber(context.Background(), 2025)
	decs, derr := st.Decisions(context.Background(), 2025)
	st.Close()
	if nerr != nil || derr != nil || next < 2 || len(decs) != next-1 {
		t.Fatalf("the demo's decisions of 2025: next number %d (%v), %d decisions (%v)", next, nerr, len(decs), derr)
	}
	symbol := strconv.Itoa(next) + "-QĐ/ĐTN"
	if err != nil || len(people) == 0 {
		t.Fatalf("no member: %v", err)
	}
	m := people[0]
	id := strconv.FormatInt(m.ID, 10)
	out, _, err := cli(t, "--db", db, "report", "decision", "--kind", "commendation", "--form", "giay_khen", "--reason", "Tích cực tình nguyện",
		"--people", id, "--date", "20/12/2025", "--out", filepath.Join(dir, "qd.pdf"))
	if err != nil || !strings.Contains(out, "số "+symbol) {
		t.Fatalf("commendation: %v\n%s", err, out)
	}
	refused := filepath.Join(dir, "rm.pdf")
	if _, _, err := cli(t, "--db", db, "report", "decision", "--kind", "removal", "--people", id, "--date", "21/12/2025", "--out", refused); err == nil ||
		!strings.Contains(err.Error(), "Lý do") {
		t.Errorf("a removal without a reason: %v", err)
	}
	if _, err := os.Stat(refused); err == nil {
		t.Error("a refused decision wrote its file")
	}
	out, _, err = cli(t, "--db", db, "decisions", "list", "--year", "2025")
	if err != nil || !strings.Contains(out, symbol) || !strings.Contains(out, m.FullName()) || !strings.Contains(out, "Giấy khen: Tích cực tình nguyện") ||
		!strings.Contains(out, "Tổng cộng: "+strconv.Itoa(next)+" quyết định.") {
		t.Errorf("decisions list: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"--branch", m.BranchName, "--year", "2025"}, {"--blank", "--year", "2025"}} {
		pdf := filepath.Join(dir, "book"+strconv.Itoa(len(args))+".pdf")
		if out, _, err := cli(t, append(append([]string{"--db", db, "report", "book"}, args...), "--out", pdf)...); err != nil ||
			!strings.Contains(out, "Đã in sổ chi đoàn") {
			t.Errorf("report book %v: %v\n%s", args, err, out)
		}
		if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("report book %v wrote no PDF: %v", args, err)
		}
	}
}

// TestDecisionReprintAnnulCommands: report decision --reprint prints the
// decision as issued (BẢN SAO, no new number), decisions annul annuls it
// with its reason and number, decisions list --date shows it in force the
// day before and annulled from the day, and a second annulment is
// refused.
func TestDecisionReprintAnnulCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	if _, _, err := cli(t, "--db", db, "demo", "--members", "120", "--year", "2025"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	decs, err := st.Decisions(context.Background(), 2025)
	st.Close()
	if err != nil || len(decs) == 0 {
		t.Fatalf("the demo's decisions of 2025: %v", err)
	}
	// The latest of 2025 (the list is the latest first).
	d := decs[0]
	symbol := strconv.Itoa(d.Number) + "-QĐ/ĐTN"
	out, _, err := cli(t, "--db", db, "report", "decision", "--reprint", symbol, "--year", "2025", "--out", filepath.Join(dir, "ban-sao.pdf"))
	if err != nil || !strings.Contains(out, "Đã in lại quyết định số "+symbol+" ngày "+d.Date.String()+" (bản sao, không lấy số mới)") {
		t.Fatalf("reprint: %v\n%s", err, out)
	}
	// No number taken: the year's next is still the one after its
	// decisions.
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	next, err := st.NextDocumentNumber(context.Background(), 2025)
	st.Close()
	if err != nil || next != len(decs)+1 {
		t.Errorf("the next number of 2025 after a reprint: %d (%v), want %d", next, err, len(decs)+1)
	}
	if _, _, err := cli(t, "--db", db, "report", "decision", "--reprint", symbol, "--kind", "admission", "--out", filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a reprint with --kind")
	}
	id := strconv.FormatInt(d.ID, 10)
	out, _, err = cli(t, "--db", db, "decisions", "annul", "--id", id, "--date", "31/12/2025", "--reason", "Ban hành nhầm", "--by", "99-QĐ/ĐTN")
	// The demo's latest decision of 2025 has no later act (the demo is
	// the same for the same seed).
	if err != nil || !strings.Contains(out, "Đã hủy quyết định số "+symbol) {
		t.Fatalf("annul: %v\n%s", err, out)
	}
	before, _, _ := cli(t, "--db", db, "decisions", "list", "--year", "2025", "--date", "30/12/2025")
	after, _, _ := cli(t, "--db", db, "decisions", "list", "--year", "2025", "--date", "31/12/2025")
	if !strings.Contains(before, "Còn hiệu lực") || strings.Contains(before, "Ban hành nhầm") ||
		!strings.Contains(after, "Đã hủy ngày 31/12/2025 (QĐ 99-QĐ/ĐTN): Ban hành nhầm") {
		t.Errorf("the list before and after the annulment:\n%s\n%s", before, after)
	}
	if _, _, err := cli(t, "--db", db, "decisions", "annul", "--id", id, "--date", "31/12/2025", "--reason", "x"); err == nil ||
		!strings.Contains(err.Error(), "đã hủy ngày 31/12/2025") {
		t.Errorf("a second annulment: %v", err)
	}
}
