package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"sodoan/store"
)

// A Command is one thing sodoan-cli does, described once (as Go's own
// cmd/go describes its commands): the top-level usage, its --help, the
// check that a command exists and how the register is opened for it are
// all read from this description, so that a new command is one value in
// the table and nothing else to keep in step.
type Command struct {
	// Name is the command's word; a subcommand's is its own word, the
	// group's comes before it ("trash" and "list" make "trash list").
	Name string
	// Args is what follows the name in the usage line: flags and
	// positional arguments, the required ones first.
	Args string
	// Short is the description in the list of commands (lines after the
	// first are indented under it).
	Short string
	// Long is printed under the usage line of the command's --help, for
	// what the flags' own texts cannot say.
	Long string

	// Open is how a top-level command opens the register; a subcommand
	// opens it as its group does (the lists of a group share the needs of
	// the group). The zero value opens an existing register for writing.
	Open store.OpenOptions
	// New makes a new register, refusing an existing file (init); one the
	// command could not finish is removed while it holds nothing, so that
	// the corrected command is not refused.
	New bool
	// NoRegister: the command needs no register (open, show), and its
	// help does not ask for --db.
	NoRegister bool

	// Flags defines the command's flags on fs and returns the command's
	// run, which reads them once they are parsed. The values live in the
	// closure, so that every run (and every test) has its own.
	Flags func(fs *flag.FlagSet) Run
	// Reorder, when set, moves positional arguments out of the flags' way
	// before they are parsed: Go's flag package stops at the first
	// argument that is not a flag, and some commands take their file (or
	// LOẠI MÃ) before or after the flags.
	Reorder func(args []string) []string

	// Subs are a group's subcommands; a group has no Flags of its own.
	Subs []*Command
	// SubNoun is what the group's messages call a subcommand, when
	// "lệnh con" is not the user's word for it (report: "loại văn bản").
	SubNoun string
}

// Run carries out a command on the open register; args are the positional
// arguments left after the flags.
type Run func(ctx context.Context, st *store.Store, args []string, stdout, stderr io.Writer) error

// commands is the table of every command, in the order the usage lists
// them.
var commands = []*Command{
	cmdInit, cmdDemo, cmdMembers, cmdMember, cmdOffices, cmdImport, cmdExport, cmdSearch, cmdStats, cmdCheck,
	cmdBackup, cmdBackups, cmdRestore, cmdUpgrade, cmdHistory, cmdDelete, cmdTrash,
	cmdReport, cmdDocuments, cmdDecisions, cmdPackage, cmdTrainings, cmdModels, cmdStandards, cmdPlan,
	cmdActivities, cmdMeetings, cmdResidence,
	cmdOpen, cmdShow,
}

// eachLeaf calls fn for every command that runs (not a group), with its
// full name and its top-level command, in the table's order.
func eachLeaf(fn func(path string, c, top *Command)) {
	for _, top := range commands {
		if len(top.Subs) == 0 {
			fn(top.Name, top, top)
		}
		for _, s := range top.Subs {
			fn(top.Name+" "+s.Name, s, top)
		}
	}
}

// find returns the command of the given name among cmds, or nil.
func find(cmds []*Command, name string) *Command {
	for _, c := range cmds {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// flagSet is the command's flags, its usage (the command's --help)
// written to stderr, and the run bound to them.
func (c *Command) flagSet(path string, stderr io.Writer) (*flag.FlagSet, Run) {
	fs := flag.NewFlagSet(path, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { writeHelp(stderr, path, c, fs) }
	var run Run
	if c.Flags != nil {
		run = c.Flags(fs)
	}
	return fs, run
}

func (c *Command) subNoun() string {
	if c.SubNoun == "" {
		return "lệnh con"
	}
	return c.SubNoun
}

// subNames lists a group's subcommands the Vietnamese way: "a, b hoặc c".
func (c *Command) subNames() string {
	names := make([]string, len(c.Subs))
	for i, s := range c.Subs {
		names[i] = s.Name
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " hoặc " + names[len(names)-1]
}

// noFlags is the Flags of a command that takes none.
func noFlags(run Run) func(*flag.FlagSet) Run {
	return func(*flag.FlagSet) Run { return run }
}

// extraArgs refuses positional arguments a command does not take: a
// wrong command line, exit code 2.
func extraArgs(path string, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return usageError{fmt.Errorf("%s: tham số thừa %s", path, quoteArgs(args))}
}

// quoteArgs writes arguments the user typed as typed, each in “ ”: Go's
// %q would double every backslash of a Windows path (“C:\\…”).
func quoteArgs(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "“" + a + "”"
	}
	return strings.Join(q, " ")
}
