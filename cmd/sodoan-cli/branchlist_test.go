package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sodoan/domain"
	"sodoan/internal/testtool"
	"sodoan/store"
)

// TestReportMembersOfOneBranch: `report members --branch TÊN` lists that
// branch's active members only, as the window's branch choice does (one
// workflow, in issuing); the count is the register's own for the branch.
func TestReportMembersOfOneBranch(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	if _, _, err := cli(t, "--db", db, "demo", "--members", "200", "--seed", "3"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	branches, err := st.Branches(ctx, false)
	if err != nil || len(branches) < 2 {
		t.Fatalf("branches %v: %v", branches, err)
	}
	b, other := branches[0], branches[1]
	n, err := st.CountMembers(ctx, store.MemberFilter{Kind: store.KindUnion, Status: domain.StatusActive, BranchID: b.ID})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "ds.pdf")
	if _, _, err := cli(t, "--db", db, "report", "members", "--branch", b.Name, "--out", out); err != nil {
		t.Fatal(err)
	}
	raw, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	if !strings.Contains(text, "Đoàn viên "+b.Name) || !strings.Contains(text, "Tổng cộng: "+strconv.Itoa(n)+" đoàn viên") {
		t.Errorf("the list of %s (%d members) reads:\n%s", b.Name, n, text)
	}
	if strings.Contains(text, other.Name) {
		t.Errorf("the list of %s names %s", b.Name, other.Name)
	}
}
