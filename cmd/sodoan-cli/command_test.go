package main

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sodoan/store"
)

// TestCommandTable walks the table of commands: every command says what
// it does and takes --help without a register, the usage lists it, and
// a mistyped command or subcommand is refused.
func TestCommandTable(t *testing.T) {
	none := filepath.Join(t.TempDir(), "none.db")
	db := filepath.Join(t.TempDir(), "so.db")
	if _, _, err := cli(t, "--db", db, "init"); err != nil {
		t.Fatal(err)
	}
	// Help asked for is output (stdout), so that it can be saved to a file.
	usage, helpErr, err := cli(t, "--help")
	if exitCode(err) != 0 || helpErr != "" {
		t.Fatalf("--help: %v, stderr %q", err, helpErr)
	}
	n := 0
	eachLeaf(func(path string, c, top *Command) {
		n++
		syn := synopsis(path, c.Args)
		if c.Short == "" || c.Flags == nil || len(c.Subs) > 0 {
			t.Errorf("%s: needs a description and a run (Short %q)", path, c.Short)
		}
		if c != top && (c.New || !reflect.DeepEqual(c.Open, store.OpenOptions{})) {
			t.Errorf("%s: a subcommand opens the register as its group %s does", path, top.Name)
		}
		if !strings.Contains(usage, "\n  "+syn+" ") && !strings.Contains(usage, "\n  "+syn+"\n") {
			t.Errorf("the usage does not list %q:\n%s", syn, usage)
		}
		args := append(append([]string{"--db", none}, strings.Fields(path)...), "--help")
		stdout, stderr, err := cli(t, args...)
		if exitCode(err) != 0 || !strings.HasPrefix(stdout, "Cách dùng: sodoan-cli "+dbArg(c)+syn+"\n") || stderr != "" {
			t.Errorf("%s --help: %v\nstdout %s\nstderr %s", path, err, stdout, stderr)
		}
	})
	if n < 25 {
		t.Errorf("%d commands in the table", n)
	}
	for _, top := range commands {
		if len(top.Subs) == 0 {
			continue
		}
		help, _, err := cli(t, "--db", none, top.Name, "--help")
		if exitCode(err) != 0 {
			t.Errorf("%s --help: %v", top.Name, err)
		}
		for _, s := range top.Subs {
			if !strings.Contains(help, "\n  "+synopsis(s.Name, s.Args)) {
				t.Errorf("%s --help does not list %s:\n%s", top.Name, s.Name, help)
			}
		}
		// A missing or mistyped subcommand is a wrong command line: exit 2,
		// the group's list with the error on stderr.
		for _, args := range [][]string{{top.Name}, {top.Name, "dance"}} {
			stdout, stderr, err := cli(t, append([]string{"--db", db}, args...)...)
			if err == nil || exitCode(err) != exitUsage || !strings.Contains(err.Error(), top.Name+": ") || stdout != "" || !strings.Contains(stderr, "Cách dùng") {
				t.Errorf("%v: %v (exit %d)", args, err, exitCode(err))
			}
		}
	}

	_, stderr, err := cli(t, "--db", none, "dance")
	if err == nil || err.Error() != `lệnh "dance" không có` || exitCode(err) != exitUsage || stderr != usage {
		t.Errorf("unknown command: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(none); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("help or an unknown command touched the register: %v", err)
	}
}

// TestOpenOptions keeps how each command opens the register: only init
// and demo create one, commands that only read never write to it, and a
// restore holds the register's lock (no window may have it open) and is
// the one command that may open a damaged register (to replace it).
func TestOpenOptions(t *testing.T) {
	want := map[string]store.OpenOptions{
		"demo":      {Create: true},
		"members":   {ReadOnly: true},
		"search":    {ReadOnly: true},
		"stats":     {ReadOnly: true},
		"check":     {ReadOnly: true, AnyVersion: true},
		"backup":    {ReadOnly: true, AnyVersion: true},
		"backups":   {ReadOnly: true, AnyVersion: true},
		"restore":   {Exclusive: true, Damaged: true},
		"history":   {ReadOnly: true},
		"documents": {ReadOnly: true},
	}
	for _, c := range commands {
		if !reflect.DeepEqual(c.Open, want[c.Name]) {
			t.Errorf("%s opens the register with %+v, want %+v", c.Name, c.Open, want[c.Name])
		}
		if c.New != (c.Name == "init") {
			t.Errorf("%s: New %v", c.Name, c.New)
		}
	}
}
