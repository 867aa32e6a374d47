package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A command line that cannot run as written exits with status 2 and shows the
// command's usage on standard error; a command that ran and failed exits with 1.
func TestUsageErrorsExit2(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	tests := []struct {
		args  []string
		code  int
		usage string // expected on stderr
	}{
		{[]string{"ingest", "-bogus"}, 2, "usage: guifan ingest"},
		{[]string{"ingest", "-index", idx, "somewhere"}, 2, "usage: guifan ingest"},
		{[]string{"ingest", "-index", idx, "-log", "xml"}, 2, "usage: guifan ingest"},
		{[]string{"serve", "-addr", "127.0.0.1:0", "-index", idx, "extra"}, 2, "usage: guifan serve"},
		{[]string{"serve", "-addr", "127.0.0.1:0", "-index", idx, "-match-cache", "-5"}, 2, "usage: guifan serve"},
		{[]string{"check"}, 2, "usage: guifan check"},
		{[]string{"check", "-asof", "bad", "x"}, 2, "usage: guifan check"},
		{[]string{"check", "-nope", "x"}, 2, "usage: guifan check"},
		{[]string{"extract"}, 2, "usage: guifan extract"},
		{[]string{"extract", "-x", "a.txt"}, 2, "usage: guifan extract"},
		{[]string{"bench"}, 2, "guifan bench search"},
		{[]string{"bench", "nope"}, 2, "guifan bench search"},
		{[]string{"bench", "search", "-c", "x"}, 2, "usage: guifan bench search"},
		{[]string{"nope"}, 2, "usage:"},
		{nil, 2, "usage:"},
		// Not usage errors.
		{[]string{"-h"}, 0, ""},
		{[]string{"check", "-h"}, 0, "usage: guifan check"},
		{[]string{"check", "-index", idx, "国办发〔2022〕8号"}, 1, ""},
		{[]string{"extract", filepath.Join(t.TempDir(), "missing.txt")}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			// A command that does run (a serve not refused) is stopped rather than left serving.
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			var out, errb bytes.Buffer
			code := Main(ctx, tt.args, &out, &errb)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tt.code, errb.String())
			}
			if !strings.Contains(errb.String(), tt.usage) {
				t.Errorf("stderr lacks %q:\n%s", tt.usage, errb.String())
			}
			if tt.code == 2 && out.Len() > 0 {
				t.Errorf("a usage error printed to stdout: %s", out.String())
			}
		})
	}
}

// The message of a usage error is the problem, not the error's internal kind.
func TestUsageErrorSaysWhatIsWrong(t *testing.T) {
	var out, errb bytes.Buffer
	Main(context.Background(), []string{"check", "-asof", "2024-13-01", "x"}, &out, &errb)
	first, _, _ := strings.Cut(errb.String(), "\n")
	if !strings.Contains(first, "guifan check: -asof: ") || !strings.Contains(first, "YYYY-MM-DD") || strings.Contains(first, "invalid_parameter") {
		t.Errorf("first line %q", first)
	}
}
