package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"
)

// Usage is printed for guifan -h.
const Usage = `guifan — 规范性文件库: search Chinese normative documents and check their validity

usage:
  guifan serve   [-addr ADDR] [-library DIR] [-index DIR]   serve the web UI and JSON API
  guifan ingest  [-library DIR] [-index DIR] [-force]       (re)index the library
  guifan check   [-asof DATE] [-index DIR] NUMBER_OR_TITLE…  print the status of documents
  guifan extract [-json] FILE…                              show what the ingester reads from files
  guifan bench   search|ingest …                           measure search latency and ingest throughput

Run "guifan COMMAND -h" for a command's flags.

Exit status: 0 done, 1 failed, 2 usage error, 3 ingest done but some files could not be
read (listed in its report; everything else is indexed and published).
`

// exitCoder is an error that asks for an exit status other than 1.
type exitCoder interface {
	error
	ExitCode() int
}

// partialIngest is an ingest that published its snapshot but skipped unreadable files:
// a scheduled job must see that something needs attention, and a script must not
// mistake it for a failure to publish.
type partialIngest int

func (n partialIngest) Error() string {
	return fmt.Sprintf("%d files could not be read and were skipped (see the report); everything else is indexed and published", int(n))
}

// ExitCode is 3.
func (partialIngest) ExitCode() int { return 3 }

// usageError is a command line that cannot run as written: an unknown flag, a
// missing or stray argument, a value of the wrong form. It exits with status 2 and
// the command's usage on standard error.
type usageError struct {
	err   error
	usage func() // prints the command's usage
	shown bool   // the flag package printed the error and the usage already
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// ExitCode is 2.
func (usageError) ExitCode() int { return 2 }

// badUsage is a usage error of the command whose flags are fs.
func badUsage(fs *flag.FlagSet, err error) error { return usageError{err: err, usage: fs.Usage} }

// newFlagSet is a sub-command's flags; synopsis is its usage line without "guifan ".
func newFlagSet(synopsis string, stderr io.Writer) *flag.FlagSet {
	name, _, _ := strings.Cut(synopsis, " [")
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: guifan %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs. A flag it does not know, or a value of the wrong
// form, is a usage error, which the flag package has already shown with the usage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err: err, shown: true}
	}
	return nil
}

// noArgs is a usage error when a command that takes only flags was given arguments.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return badUsage(fs, fmt.Errorf("unexpected argument %q (this command takes flags only)", fs.Arg(0)))
	}
	return nil
}

// Main runs a sub-command and returns the process exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, Usage)
		return 2
	}
	cmds := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"serve": runServe, "ingest": runIngest, "check": runCheck, "extract": runExtract, "bench": runBench,
	}
	run, ok := cmds[args[0]]
	if !ok {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			fmt.Fprint(stdout, Usage)
			return 0
		}
		fmt.Fprintf(stderr, "guifan: unknown command %q\n\n%s", args[0], Usage)
		return 2
	}
	if err := run(ctx, args[1:], stdout, stderr); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		if ue, ok := errors.AsType[usageError](err); ok {
			if !ue.shown {
				fmt.Fprintf(stderr, "guifan %s: %v\n", args[0], err)
				if ue.usage != nil {
					ue.usage()
				}
			}
			return 2
		}
		fmt.Fprintf(stderr, "guifan %s: %v\n", args[0], err)
		if ec, ok := errors.AsType[exitCoder](err); ok {
			return ec.ExitCode()
		}
		return 1
	}
	return 0
}

func newLogger(format string, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// waitReady polls base/readyz until it answers 200.
func waitReady(ctx context.Context, base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return fmt.Errorf("%s not ready after %s", base, limit)
}
