package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A demo refused for its flags leaves no register behind (issue 18): the
// empty file it created would make the corrected command refuse to write
// over it. A register that existed before stays.
func TestRefusedDemoLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--members", "x"}, {"--members", "0"}, {"--year", "1800"}, {"--seed", "q"}} {
		db := filepath.Join(dir, "moi.db")
		if _, _, err := cli(t, append([]string{"--db", db, "demo"}, args...)...); err == nil {
			t.Fatalf("demo %v succeeded", args)
		}
		if left, _ := filepath.Glob(db + "*"); len(left) > 0 {
			t.Fatalf("demo %v left %v", args, left)
		}
	}
	db := filepath.Join(dir, "co-san.db")
	if _, _, err := cli(t, "--db", db, "init"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cli(t, "--db", db, "demo", "--members", "x"); err == nil {
		t.Fatal("demo --members x succeeded")
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("a refused demo removed the register that was there: %v", err)
	}
}
