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
