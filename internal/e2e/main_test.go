// Package e2e tests the real program end to end: the whole shared corpus ingested into
// an on-disk index, the real server on 127.0.0.1:0, and requests over HTTP.
package e2e

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/server"
	"github.com/guifan/guifan/internal/testcorpus"
)

const staffToken = "e2e-staff-token-0123456789"

var (
	indexDir string // the index folder built for the tests
	base     string // http://127.0.0.1:port of the running server
	report   *ingest.Report
	skipMsg  string
)

// TestMain builds one index from the whole corpus (laws.jsonl, the real files and the
// seed) and starts the server on it for all tests of the package.
func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	flag.Parse()
	shared := testcorpus.Dir()
	if shared == "" || testing.Short() {
		skipMsg = "end-to-end tests need the real corpus (../shared) and are skipped in -short"
		return m.Run()
	}
	tmp, err := os.MkdirTemp("", "guifan-e2e-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(tmp)
	lib := filepath.Join(tmp, "library")
	must(os.MkdirAll(lib, 0o755))
	must(os.Symlink(filepath.Join(shared, "corpus", "laws.jsonl"), filepath.Join(lib, "laws.jsonl")))
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "files", "*"))
	must(os.MkdirAll(filepath.Join(lib, "files"), 0o755))
	for _, f := range files {
		if filepath.Ext(f) != ".tsv" {
			must(os.Symlink(f, filepath.Join(lib, "files", filepath.Base(f))))
		}
	}
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*"))
	for _, f := range seeds {
		must(os.Symlink(f, filepath.Join(lib, filepath.Base(f))))
	}
	index := filepath.Join(tmp, "index")
	indexDir = index
	start := time.Now()
	report, err = ingest.Run(context.Background(), ingest.Options{Library: lib, Index: index, Extract: extract.Options{Timeout: 5 * time.Minute}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e ingest:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "e2e: ingested %d versions, %d works, %d relations in %s\n", report.Versions, report.Works, report.Relations, time.Since(start).Round(time.Millisecond))
	gate, _ := access.NewGate(staffToken, "")
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", Library: lib, Index: index, Gate: gate, NoIngest: true,
		Today: func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }})
	must(err)
	must(srv.Listen())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	base = "http://" + srv.Addr()
	for i := 0; i < 100; i++ {
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	code := m.Run()
	cancel()
	<-done
	return code
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func need(t testing.TB) {
	t.Helper()
	if base == "" {
		t.Skip(skipMsg)
	}
}

// get fetches path and decodes its JSON into v, returning the status.
func get(t testing.TB, path string, v any, staff bool) int {
	t.Helper()
	req, _ := http.NewRequest("GET", base+path, nil)
	if staff {
		req.Header.Set("Authorization", "Bearer "+staffToken)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("%s: decode: %v", path, err)
		}
	}
	return resp.StatusCode
}

func searchPath(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return "/api/search?" + v.Encode()
}
