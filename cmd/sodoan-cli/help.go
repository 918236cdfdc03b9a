package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The texts below are all made from the table of commands, so that the
// usage, a group's help and a command's --help cannot disagree.

// synopsis is a command's usage line after "sodoan-cli --db TỆP".
func synopsis(path, args string) string {
	return strings.TrimSpace(path + " " + args)
}

// writeUsage writes the program's usage: every command, a group's
// subcommands each on its own line with its required flags.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "Cách dùng: sodoan-cli --db TỆP LỆNH [tham số]\n       sodoan-cli open|show ĐƯỜNG-DẪN\n       sodoan-cli --version\n\nLệnh:\n")
	var list []entry
	eachLeaf(func(path string, c, _ *Command) {
		list = append(list, entry{synopsis(path, c.Args), c.Short})
	})
	writeEntries(w, list)
	fmt.Fprint(w, "\nMỗi lệnh có --help (in ra đầu ra chuẩn: sodoan-cli --help > tro-giup.txt).\n"+
		"Mã thoát: 0 xong; 1 không làm được (tệp, sổ, sổ đang mở ở nơi khác); 2 dòng lệnh sai\n"+
		"(lệnh hoặc tham số không có, giá trị sai dạng); 3 số liệu bị từ chối theo quy tắc của sổ,\n"+
		"không ghi gì.\n\n")
}

// writeHelp is a command's --help: its usage line, its long text, its
// flags.
func writeHelp(w io.Writer, path string, c *Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Cách dùng: sodoan-cli %s%s\n", dbArg(c), synopsis(path, c.Args))
	writeLong(w, c.Long)
	fs.PrintDefaults()
}

// dbArg is "--db TỆP " for a command that works on a register.
func dbArg(c *Command) string {
	if c.NoRegister {
		return ""
	}
	return "--db TỆP "
}

// writeGroupHelp is a group's help: its subcommands, then (asked with
// --help) each one's flags, so that one help answers for the whole group.
func writeGroupHelp(w io.Writer, path string, g *Command, withFlags bool) {
	args := g.Args
	if args == "" {
		args = "LỆNH [tham số]"
	}
	fmt.Fprintf(w, "Cách dùng: sodoan-cli --db TỆP %s\n\n", synopsis(path, args))
	if g.Long == "" {
		fmt.Fprintln(w, "Lệnh con:")
	}
	writeLong(w, g.Long)
	list := make([]entry, len(g.Subs))
	for i, s := range g.Subs {
		list[i] = entry{synopsis(s.Name, s.Args), s.Short}
	}
	writeEntries(w, list)
	for _, s := range g.Subs {
		if !withFlags {
			break
		}
		sub := path + " " + s.Name
		fs, _ := s.flagSet(sub, w)
		if countFlags(fs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", synopsis(sub, s.Args))
		fs.PrintDefaults()
	}
}

// writeLong writes a help's long text, ending its last line.
func writeLong(w io.Writer, long string) {
	if long == "" {
		return
	}
	fmt.Fprint(w, long)
	if !strings.HasSuffix(long, "\n") {
		fmt.Fprintln(w)
	}
}

func countFlags(fs *flag.FlagSet) int {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n
}

// entry is one line of a list of commands: a synopsis and what it does.
type entry struct{ synopsis, short string }

// entryColumn is where the descriptions of a list of commands begin: a
// longer synopsis has its description on the next line.
const entryColumn = 37

func writeEntries(w io.Writer, list []entry) {
	indent := strings.Repeat(" ", entryColumn)
	for _, e := range list {
		line := "  " + e.synopsis
		if n := utf8.RuneCountInString(line); n < entryColumn-1 {
			line += strings.Repeat(" ", entryColumn-n)
		} else {
			line += "\n" + indent
		}
		fmt.Fprintln(w, line+strings.ReplaceAll(e.short, "\n", "\n"+indent))
	}
}
