package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"sodoan/store"
)

// An opener opens the register for a top-level command. done ends the
// command's use of it, given the command's error, and returns the error to
// report.
type opener func(ctx context.Context, top *Command) (st *store.Store, done func(error) error, err error)

// registerAt opens the register db as each command's description says:
// only init and demo create one, commands that only read never write to
// it, and every command that writes holds the register's lock (a window
// holding it refuses them). now is the register's clock.
func registerAt(db string, now func() time.Time) opener {
	return func(ctx context.Context, top *Command) (*store.Store, func(error) error, error) {
		if !top.New {
			o := top.Open
			o.Now = now
			if !o.ReadOnly {
				// One writer per register (issue 18): a command that writes
				// holds the register's lock too, waiting its turn behind
				// another command and refused by an open window.
				o.Exclusive, o.Command = true, true
			}
			// A command that may create the register (demo) and is then
			// refused (its flags, its checks) leaves no empty file behind.
			_, statErr := os.Stat(db)
			made := o.Create && errors.Is(statErr, os.ErrNotExist)
			st, err := store.OpenWith(db, o)
			if err != nil {
				return nil, nil, err
			}
			return st, func(err error) error {
				if err != nil && made {
					if derr := st.DiscardEmpty(ctx); derr != nil {
						return errors.Join(err, derr)
					}
					return err
				}
				st.Close() // a read, or a write already committed: nothing left to lose
				return err
			}, nil
		}
		st, err := store.CreateWith(db, store.OpenOptions{Now: now, Exclusive: true, Command: true})
		if err != nil {
			return nil, nil, err
		}
		return st, func(err error) error {
			if err == nil {
				return st.Close()
			}
			// Left behind, a register the command could not finish would
			// refuse the corrected command.
			if derr := st.DiscardEmpty(ctx); derr != nil {
				return errors.Join(err, derr)
			}
			return err
		}, nil
	}
}

// invoke runs the top-level command top on args: it finds the
// subcommand, answers --help without the register, opens the register,
// refuses a missing or unknown subcommand, parses the flags and runs the
// command. The register is opened before the flags are read, as it always
// was; a demo refused for its flags removes the register it created.
func invoke(ctx context.Context, top *Command, args []string, open opener, stdout, stderr io.Writer) error {
	c, path, args := resolve(top, args)
	group := len(c.Subs) > 0
	fs, run := c.flagSet(path, stderr)
	// Help asked for is the command's output: stdout.
	switch {
	case group && (wantsHelp(args) || len(args) > 0 && args[0] == "help"):
		writeGroupHelp(stdout, path, c, true)
		return flag.ErrHelp
	case wantsHelp(args):
		// Asked anywhere on the line, help is all the command does.
		fs.SetOutput(stdout)
		writeHelp(stdout, path, c, fs)
		return flag.ErrHelp
	}
	if top.NoRegister {
		open = noRegister
	}
	st, done, err := open(ctx, top)
	if err != nil {
		return err
	}
	if group {
		writeGroupHelp(stderr, path, c, false)
		if len(args) == 0 {
			return done(usageError{fmt.Errorf("%s: thiếu %s (%s)", path, c.subNoun(), c.subNames())})
		}
		return done(usageError{fmt.Errorf("%s: không có %s %q (%s)", path, c.subNoun(), args[0], c.subNames())})
	}
	if c.Reorder != nil {
		args = c.Reorder(args)
	}
	if err := parseFlags(fs, args); err != nil {
		return done(err)
	}
	return done(run(ctx, st, fs.Args(), stdout, stderr))
}

// resolve walks from a top-level command down to the subcommand that args
// name, and returns it with its full name ("trash list") and the
// arguments left for it; a group whose subcommand is missing or unknown
// is returned itself.
func resolve(c *Command, args []string) (*Command, string, []string) {
	path := c.Name
	for len(args) > 0 {
		s := find(c.Subs, args[0])
		if s == nil {
			break
		}
		c, path, args = s, path+" "+s.Name, args[1:]
	}
	return c, path, args
}

// given is the opener of a register the caller has opened (and closes).
func given(st *store.Store) opener {
	return func(context.Context, *Command) (*store.Store, func(error) error, error) {
		if st == nil {
			return nil, nil, errors.New("chưa mở sổ")
		}
		return st, func(err error) error { return err }, nil
	}
}

// wantsHelp tells whether help is asked anywhere on the line: help needs
// no register, so it is answered before one is opened (or created).
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			return true
		}
	}
	return false
}
