// Command testreport reads `go test -json` from the files named (the
// standard input without any) and writes what `go test` writes without -json (the "ok" and "FAIL" lines of
// each package, the output of failed tests, what a test prints itself),
// then the ten slowest tests. It exits with status 1 when a test failed,
// when a test skipped (`make test` installs every program a test needs, so
// a skip there means something is not checked) or when no test ran. It
// uses the standard library only.
//
//	go test -json ./... | go run ./scripts/testreport
//	go run ./scripts/testreport race.json plain.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Time    time.Time
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

// result is a finished test.
type result struct {
	Package, Test string
	Elapsed       float64
}

// report is what the run came to.
type report struct {
	passed, failed, skipped []result
	summary                 []string // the packages' closing lines, in order
	broken                  bool     // a package failed to build or its binary failed
}

func main() {
	var in io.Reader = os.Stdin
	if len(os.Args) > 1 {
		var files []io.Reader
		for _, name := range os.Args[1:] {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, "testreport:", err)
				os.Exit(2)
			}
			defer f.Close()
			files = append(files, f)
		}
		in = io.MultiReader(files...)
	}
	r, err := read(in, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	if !r.close(os.Stdout) {
		os.Exit(1)
	}
}

// read copies the run's text to out as go test would write it and
// collects the results.
func read(in io.Reader, out io.Writer) (*report, error) {
	r := &report{}
	// A test's parallel subtests run after its own function returned, so
	// its Elapsed leaves them out: a top-level test's time is from its
	// start to its end, which waits for the last subtest.
	started := map[string]time.Time{}
	// A test's lines are kept until it ends: written if it failed or
	// skipped, and otherwise only those the test printed itself.
	held := map[string][]string{}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			// go test writes some errors (a package that does not
			// build, before Go 1.24) as plain text.
			fmt.Fprintln(out, string(line))
			continue
		}
		key := e.Package + " " + e.Test
		topLevel := e.Test != "" && !strings.Contains(e.Test, "/")
		if topLevel && e.Action == "run" {
			started[key] = e.Time
		}
		switch {
		case e.Action == "build-output":
			fmt.Fprint(out, e.Output)
		case e.Action == "build-fail":
			r.broken = true
		case e.Test == "" && e.Action == "output":
			if !strings.HasPrefix(e.Output, "PASS\n") {
				fmt.Fprint(out, e.Output)
			}
			if closing(e.Output) {
				r.summary = append(r.summary, strings.TrimRight(e.Output, "\n"))
			}
		case e.Test == "" && e.Action == "fail":
			r.broken = true
		case e.Test == "":
		case e.Action == "output":
			held[key] = append(held[key], e.Output)
		case e.Action == "pass", e.Action == "fail", e.Action == "skip":
			res := result{e.Package, e.Test, e.Elapsed}
			if span := e.Time.Sub(started[key]).Seconds(); topLevel && !started[key].IsZero() && span > res.Elapsed {
				res.Elapsed = span
			}
			lines := held[key]
			delete(held, key)
			switch e.Action {
			case "pass":
				r.passed = append(r.passed, res)
				lines = printed(lines)
			case "fail":
				r.failed = append(r.failed, res)
			case "skip":
				r.skipped = append(r.skipped, res)
			}
			for _, l := range lines {
				fmt.Fprint(out, l)
			}
		}
	}
	return r, sc.Err()
}

// closing reports whether a package's line is its summary: "ok", "FAIL",
// or "?" for one without tests.
func closing(line string) bool {
	return strings.HasPrefix(line, "ok  \t") || strings.HasPrefix(line, "FAIL\t") || strings.HasPrefix(line, "?   \t")
}

// printed keeps the lines a passing test wrote itself (fmt.Print), which
// go test shows without -v, and drops the framing and t.Log lines, which
// it does not.
func printed(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- PASS") || strings.HasPrefix(l, "    ") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// close writes the ten slowest tests and the verdict, and reports whether
// the run is a success.
func (r *report) close(out io.Writer) bool {
	slow := append([]result(nil), r.passed...)
	slow = append(slow, r.failed...)
	// Subtests are counted in their test's time.
	slow = filter(slow, func(x result) bool { return !strings.Contains(x.Test, "/") })
	sort.SliceStable(slow, func(i, j int) bool { return slow[i].Elapsed > slow[j].Elapsed })
	if len(slow) > 10 {
		slow = slow[:10]
	}
	fmt.Fprintln(out, "\nMười kiểm thử lâu nhất:")
	for _, x := range slow {
		fmt.Fprintf(out, "%8.1fs  %s %s\n", x.Elapsed, x.Package, x.Test)
	}
	ok := true
	if len(r.skipped) > 0 {
		ok = false
		fmt.Fprintf(out, "\n%d kiểm thử bị bỏ qua (SKIP): make test cài đủ chương trình cho mọi kiểm thử, nên không được bỏ qua kiểm thử nào:\n", len(r.skipped))
		for _, x := range r.skipped {
			fmt.Fprintf(out, "  %s %s\n", x.Package, x.Test)
		}
	}
	if len(r.passed)+len(r.failed) == 0 {
		ok = false
		fmt.Fprintln(out, "\nKhông có kiểm thử nào chạy.")
	}
	if len(r.failed) > 0 || r.broken {
		ok = false
	}
	// go test's closing lines close the log too.
	fmt.Fprintf(out, "\n%d kiểm thử đạt, %d hỏng, %d bỏ qua:\n", len(r.passed), len(r.failed), len(r.skipped))
	for _, l := range r.summary {
		fmt.Fprintln(out, l)
	}
	return ok
}

func filter(rs []result, keep func(result) bool) []result {
	var out []result
	for _, x := range rs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}
