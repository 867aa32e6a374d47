package cli

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// An ingest collects half as often as Go's default unless GOGC says otherwise, under a
// soft limit below the machine's memory unless GOMEMLIMIT says otherwise.
func TestIngestGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	ingestGC()
	if got := debug.SetGCPercent(100); got != 200 {
		t.Errorf("GOGC %d, want 200", got)
	}
	if m := machineMemory(); m > 0 {
		if got := debug.SetMemoryLimit(-1); got != m/4*3 {
			t.Errorf("memory limit %d, want %d (three quarters of %d)", got, m/4*3, m)
		}
	}
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	ingestGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set in the environment: the ingest changed it to %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set in the environment: the ingest changed the limit to %d", got)
	}
}

// An ingest that skipped an unreadable file still publishes the rest, prints the file
// and its reason in the report, and exits 3: a scheduled job sees something needs
// attention without taking it for a failure to publish. A clean re-ingest exits 0
// once the file is mended.
func TestIngestExitStatusForUnreadableFiles(t *testing.T) {
	lib, idx := t.TempDir(), filepath.Join(t.TempDir(), "index")
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(lib, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "关于印发某县就业补贴办法的通知\n某政发〔2020〕5号\n\n第一条 为促进就业，制定本办法。\n")
	write("broken.pdf", "%PDF-1.4 this is not a PDF")
	run := func(args ...string) (int, string, string) {
		var out, errOut strings.Builder
		code := Main(context.Background(), append([]string{"ingest", "-library", lib, "-index", idx}, args...), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	code, out, errOut := run()
	if code != 3 || !strings.Contains(out, "broken.pdf") || !strings.Contains(errOut, "1 files could not be read") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(idx, "CURRENT")); err != nil {
		t.Fatalf("no snapshot published: %v", err)
	}
	code, out, _ = run("-json")
	var rep struct {
		Versions int               `json:"versions"`
		Errors   []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &rep); code != 3 || err != nil || rep.Versions != 1 || len(rep.Errors) != 1 {
		t.Fatalf("-json: exit %d, %v, %+v\n%s", code, err, rep, out)
	}
	if err := os.Remove(filepath.Join(lib, "broken.pdf")); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(); code != 0 {
		t.Fatalf("clean library: exit %d\n%s\n%s", code, out, errOut)
	}
}
