package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/guifan/guifan/internal/bench"
	"github.com/guifan/guifan/internal/server"
)

const benchUsage = `usage:
  guifan bench search [-index DIR] [-c 1,8] [-d 10s]   search latency over HTTP for the fixed query mix
  guifan bench ingest [-library DIR] [-index DIR]       ingest throughput, index size, peak memory, no-op re-ingest
  guifan bench gen -n 10000 -out FILE                   a deterministic library generated from the real corpus
  guifan bench suite [-sizes 10000,100000] [-c 1,8]     generate, ingest, serve and search at each size: one table per size
`

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{err: errors.New("name a benchmark"), usage: func() { fmt.Fprint(stderr, benchUsage) }}
	}
	switch args[0] {
	case "search":
		return benchSearch(ctx, args[1:], stdout, stderr)
	case "ingest":
		return benchIngest(ctx, args[1:], stdout, stderr)
	case "gen":
		return benchGen(ctx, args[1:], stdout, stderr)
	case "suite":
		return benchSuite(ctx, args[1:], stdout, stderr)
	}
	return usageError{err: fmt.Errorf("unknown benchmark %q", args[0]), usage: func() { fmt.Fprint(stderr, benchUsage) }}
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad number %q", p)
		}
		out = append(out, n)
	}
	return out, nil
}

func benchSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c Config
	fs := newFlagSet("bench search [-index DIR] [-c 1,8] [-d 10s] [-url URL]", stderr)
	c.commonFlags(fs)
	conc := fs.String("c", "1,8", "concurrency levels, comma-separated")
	dur := fs.Duration("d", 10*time.Second, "duration per concurrency level")
	addr := fs.String("url", "", "measure a running server at this base URL instead of starting one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	levels, err := parseInts(*conc)
	if err != nil {
		return badUsage(fs, fmt.Errorf("-c: %w", err))
	}
	base := strings.TrimRight(*addr, "/")
	if base == "" {
		srv, err := server.New(server.Config{Addr: "127.0.0.1:0", Index: c.Index, Library: c.Library, NoIngest: true})
		if err != nil {
			return err
		}
		if err := srv.Listen(); err != nil {
			return err
		}
		sctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- srv.Run(sctx) }()
		defer func() { cancel(); <-done }()
		base = "http://" + srv.Addr()
		if err := waitReady(ctx, base, time.Minute); err != nil {
			return err
		}
	}
	mix := bench.Mix()
	bench.Run(ctx, base, mix, 1, 0, len(mix)*3) // warm caches
	fmt.Fprintf(stdout, "search latency over HTTP, %d-request mix (%s), %s per level\n\n", len(mix), mixKinds(mix), *dur)
	fmt.Fprintln(stdout, "| concurrency | requests | errors | req/s | p50 | p95 | p99 | max |")
	fmt.Fprintln(stdout, "|---:|---:|---:|---:|---:|---:|---:|---:|")
	var last bench.Result
	for _, n := range levels {
		r := bench.Run(ctx, base, mix, n, *dur, 0)
		fmt.Fprintf(stdout, "| %d | %d | %d | %.0f | %s | %s | %s | %s |\n", n, r.Requests, r.Errors, r.RPS(), msf(r.P50), msf(r.P95), msf(r.P99), msf(r.Max))
		last = r
	}
	fmt.Fprintf(stdout, "\np50 by kind at concurrency %d: %s\n", last.Concurrency, byKind(last))
	return nil
}

func msf(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

func mixKinds(mix []bench.Request) string {
	seen := map[string]bool{}
	var kinds []string
	for _, r := range mix {
		if !seen[r.Kind] {
			seen[r.Kind] = true
			kinds = append(kinds, r.Kind)
		}
	}
	return strings.Join(kinds, ", ")
}

func byKind(r bench.Result) string {
	var keys []string
	for k := range r.ByKind {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+" "+msf(r.ByKind[k]))
	}
	return strings.Join(parts, ", ")
}

func benchIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c Config
	fs := newFlagSet("bench ingest [-library DIR] [-index DIR] [-keep]", stderr)
	c.commonFlags(fs)
	fs.IntVar(&c.Workers, "workers", 0, "extraction workers (default: one per CPU)")
	keep := fs.Bool("keep", false, "keep an existing index (measure an incremental ingest) instead of starting empty")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	c.FileTimeout = 5 * time.Minute
	if !*keep {
		if err := os.RemoveAll(c.Index); err != nil {
			return err
		}
	}
	start := time.Now()
	rep, err := doIngest(ctx, c, false, io.Discard)
	if err != nil {
		return err
	}
	full := time.Since(start)
	size, _ := dirSize(c.Index)
	start = time.Now()
	again, err := doIngest(ctx, c, false, io.Discard)
	if err != nil {
		return err
	}
	noop := time.Since(start)
	mb := float64(rep.TextBytes) / (1 << 20)
	fmt.Fprintf(stdout, "| versions | works | text MB | ingest | versions/s | MB/s | index on disk | peak RSS | no-op re-ingest |\n")
	fmt.Fprintf(stdout, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(stdout, "| %d | %d | %.1f | %.1f s | %.0f | %.2f | %.0f MB | %.0f MB | %.2f s (unchanged=%v) |\n",
		rep.Versions, rep.Works, mb, full.Seconds(), float64(rep.Versions)/full.Seconds(), mb/full.Seconds(),
		float64(size)/(1<<20), float64(peakRSS())/(1<<20), noop.Seconds(), again.Unchanged)
	fmt.Fprintf(stdout, "\nextractors: %v; errors: %d\n", rep.Extractors, len(rep.Errors))
	return nil
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n, err
}

// peakRSS is this process's peak resident set size (VmHWM), in bytes.
func peakRSS() int64 { return statusKB("/proc/self/status", "VmHWM:") }

// statusKB reads a kB figure from a /proc status file, in bytes.
func statusKB(path, key string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, key) {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

func numCPU() int { return runtime.NumCPU() }
