package main

import (
	"strings"
	"testing"
)

// run is go test -json's lines for a run where TestA passed printing a line
// itself, TestB failed, TestC skipped and a package had no tests.
const run = `{"Action":"start","Package":"p"}
{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: a log line\n"}
{"Action":"output","Package":"p","Test":"TestA","Output":"summary: 3 screens\n"}
{"Action":"output","Package":"p","Test":"TestA","Output":"--- PASS: TestA (2.50s)\n"}
{"Action":"pass","Package":"p","Test":"TestA","Elapsed":2.5}
{"Action":"output","Package":"p","Test":"TestB","Output":"--- FAIL: TestB (0.10s)\n"}
{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:3: wrong total\n"}
{"Action":"fail","Package":"p","Test":"TestB","Elapsed":0.1}
{"Action":"output","Package":"p","Test":"TestC","Output":"--- SKIP: TestC (0.00s)\n"}
{"Action":"output","Package":"p","Test":"TestC","Output":"    c_test.go:5: pdftotext không có trên máy\n"}
{"Action":"skip","Package":"p","Test":"TestC","Elapsed":0}
{"Action":"output","Package":"p","Output":"FAIL\n"}
{"Action":"output","Package":"p","Output":"FAIL\tp\t2.7s\n"}
{"Action":"fail","Package":"p","Elapsed":2.7}
{"Action":"output","Package":"q","Output":"?   \tq\t[no test files]\n"}
{"Action":"skip","Package":"q","Elapsed":0}
`

func TestReport(t *testing.T) {
	var out strings.Builder
	r, err := read(strings.NewReader(run), &out)
	if err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"summary: 3 screens\n", "--- FAIL: TestB", "wrong total", "--- SKIP: TestC", "pdftotext không có", "FAIL\tp\t2.7s\n", "?   \tq\t[no test files]\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	for _, noise := range []string{"=== RUN", "a log line", "--- PASS"} {
		if strings.Contains(text, noise) {
			t.Errorf("output has %q, which go test shows only with -v:\n%s", noise, text)
		}
	}
	if len(r.passed) != 1 || len(r.failed) != 1 || len(r.skipped) != 1 || !r.broken {
		t.Errorf("passed %v failed %v skipped %v broken %v", r.passed, r.failed, r.skipped, r.broken)
	}
	out.Reset()
	if r.close(&out) {
		t.Error("a run with a failure and a skip is a success")
	}
	tail := out.String()
	if !strings.Contains(tail, "2.5s  p TestA\n") || !strings.Contains(tail, "p TestC") || !strings.HasSuffix(tail, "FAIL\tp\t2.7s\n?   \tq\t[no test files]\n") {
		t.Errorf("closing lines:\n%s", tail)
	}
}

// TestSkipAloneFails: a run where everything passed but one test skipped
// fails; the same run without the skip succeeds.
func TestSkipAloneFails(t *testing.T) {
	pass := `{"Action":"pass","Package":"p","Test":"TestA","Elapsed":1}
{"Action":"output","Package":"p","Output":"ok  \tp\t1.0s\n"}
{"Action":"pass","Package":"p","Elapsed":1}
`
	skip := `{"Action":"skip","Package":"p","Test":"TestB","Elapsed":0}
`
	for _, tc := range []struct {
		in   string
		want bool
	}{{pass, true}, {skip + pass, false}, {"", false}} {
		r, err := read(strings.NewReader(tc.in), &strings.Builder{})
		if err != nil {
			t.Fatal(err)
		}
		if got := r.close(&strings.Builder{}); got != tc.want {
			t.Errorf("success %v, want %v, for:\n%s", got, tc.want, tc.in)
		}
	}
}

// TestParallelSubtestsCount: a test whose parallel subtests ran after its
// own function returned is ranked by its whole span, not its Elapsed.
func TestParallelSubtestsCount(t *testing.T) {
	in := `{"Time":"2026-12-07T10:00:00Z","Action":"run","Package":"p","Test":"TestW"}
{"Time":"2026-12-07T10:00:01Z","Action":"run","Package":"p","Test":"TestW/a"}
{"Time":"2026-12-07T10:03:20Z","Action":"pass","Package":"p","Test":"TestW/a","Elapsed":199}
{"Time":"2026-12-07T10:03:20Z","Action":"pass","Package":"p","Test":"TestW","Elapsed":1}
{"Time":"2026-12-07T10:03:21Z","Action":"run","Package":"p","Test":"TestV"}
{"Time":"2026-12-07T10:03:23Z","Action":"pass","Package":"p","Test":"TestV","Elapsed":2}
`
	if out := closingLines(t, in); !strings.Contains(out, "   200.0s  p TestW\n     2.0s  p TestV\n") {
		t.Errorf("slowest:\n%s", out)
	}
}

// closingLines is what testreport writes after reading in.
func closingLines(t *testing.T, in string) string {
	t.Helper()
	r, err := read(strings.NewReader(in), &strings.Builder{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	r.close(&out)
	return out.String()
}

// TestSameTestInTwoRuns: a package run with and without the race detector,
// one file after the other, ranks each run of a test by its own span.
func TestSameTestInTwoRuns(t *testing.T) {
	in := `{"Time":"2026-12-07T10:00:00Z","Action":"run","Package":"p","Test":"TestS"}
{"Time":"2026-12-07T10:00:30Z","Action":"pass","Package":"p","Test":"TestS","Elapsed":30}
{"Time":"2026-12-07T09:59:50Z","Action":"run","Package":"p","Test":"TestS"}
{"Time":"2026-12-07T09:59:53Z","Action":"pass","Package":"p","Test":"TestS","Elapsed":3}
`
	if out := closingLines(t, in); !strings.Contains(out, "    30.0s  p TestS\n     3.0s  p TestS\n") {
		t.Errorf("slowest:\n%s", out)
	}
}
