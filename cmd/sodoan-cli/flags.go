package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"

	"sodoan/domain"
	"sodoan/store"
)

// rangedInt is a number flag whose value must lie in a domain.IntRange:
// out-of-range and malformed values get the store's Vietnamese message
// while the flags are parsed, before any register is touched.
type rangedInt[T int | int64] struct {
	v   *T
	r   domain.IntRange
	err error // the last refusal, kept whole: the flag package flattens it
}

func (f *rangedInt[T]) refusal() error { return f.err }

func (f *rangedInt[T]) String() string {
	if f.v == nil {
		return "0"
	}
	return strconv.FormatInt(int64(*f.v), 10)
}

func (f *rangedInt[T]) Set(s string) error {
	v, err := f.r.Parse(s)
	if err != nil {
		f.err = err
		return err
	}
	*f.v = T(v)
	return nil
}

// intFlag defines an int flag checked against r (the default, not typed by
// the user, is not checked: 0 often means "the usual").
func intFlag(fs *flag.FlagSet, name string, def int, r domain.IntRange, usage string) *int {
	v := def
	fs.Var(&rangedInt[int]{v: &v, r: r}, name, usage)
	return &v
}

// thisYearFlag defines --name, a year that defaults to this year, and returns
// how to read it once the register is open: a year not given is the
// register's clock's (the default --help prints is the machine's, since
// help is answered before a register is opened).
func thisYearFlag(fs *flag.FlagSet, name, usage string) func(st *store.Store) int {
	v := intFlag(fs, name, domain.Today().Year(), domain.YearRange, usage)
	return func(st *store.Store) int {
		given := false
		fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
		if !given {
			return st.Today().Year()
		}
		return *v
	}
}

// int64Flag is intFlag for int64 values (IDs, seeds).
func int64Flag(fs *flag.FlagSet, name string, def int64, r domain.IntRange, usage string) *int64 {
	v := def
	fs.Var(&rangedInt[int64]{v: &v, r: r}, name, usage)
	return &v
}

// anyInt64 is the range of a seed: any whole number.
var anyInt64 = domain.IntRange{Field: "Seed", Label: "Hạt giống", Min: math.MinInt64, Max: math.MaxInt64}

// parseFlags parses args like fs.Parse, but speaks Vietnamese: the flag
// package's own English messages are translated, and --help prints the
// usage alone.
func parseFlags(fs *flag.FlagSet, args []string) error {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return err
	}
	if err != nil {
		e := translateFlagError(fs, err)
		var ve *domain.ValidationError
		if errors.As(e, &ve) {
			return e // a value out of its range: the data's rule, exit 3
		}
		return usageError{e}
	}
	return nil
}

// The flag package's messages (Go 1.26), and their Vietnamese.
var flagMessages = []struct {
	re  *regexp.Regexp
	say func(m []string) string
}{
	{regexp.MustCompile(`(?s)^flag provided but not defined: -(.*)$`), func(m []string) string { return fmt.Sprintf("không có tham số -%s (xem --help)", m[1]) }},
	{regexp.MustCompile(`(?s)^bad flag syntax: (.*)$`), func(m []string) string { return fmt.Sprintf("tham số %s sai cú pháp", quoteArgs(m[1:2])) }},
	{regexp.MustCompile(`(?s)^flag needs an argument: -(.*)$`), func(m []string) string { return fmt.Sprintf("tham số -%s cần một giá trị", m[1]) }},
	{regexp.MustCompile(`(?s)^invalid boolean value (".*") for -(.*?): .*$`), func(m []string) string {
		return fmt.Sprintf("-%s: %s không phải true hoặc false", m[2], m[1])
	}},
	{regexp.MustCompile(`(?s)^invalid boolean flag (.*?): .*$`), func(m []string) string { return fmt.Sprintf("-%s: giá trị không phải true hoặc false", m[1]) }},
}

var invalidValue = regexp.MustCompile(`(?s)^invalid value ".*" for flag -(.*?): (.*)$`)

// translateFlagError returns the Vietnamese of a flag package error; the
// store's own errors (from rangedInt) are returned whole, so that the exit
// code of a validation error stays 3.
func translateFlagError(fs *flag.FlagSet, err error) error {
	s := err.Error()
	if g := invalidValue.FindStringSubmatch(s); g != nil {
		if f := fs.Lookup(g[1]); f != nil {
			if r, ok := f.Value.(interface{ refusal() error }); ok && r.refusal() != nil {
				return fmt.Errorf("-%s: %w", g[1], r.refusal())
			}
		}
		return fmt.Errorf("-%s: %s", g[1], g[2])
	}
	for _, m := range flagMessages {
		if g := m.re.FindStringSubmatch(s); g != nil {
			return errors.New(m.say(g))
		}
	}
	return err
}
