package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/guifan/guifan/internal/bench"
	"github.com/guifan/guifan/internal/benchgen"
	"github.com/guifan/guifan/internal/ingest"
)

// benchGen writes a generated library: guifan bench gen -n 10000 -out lib/gen.jsonl.
func benchGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench gen [-n 10000] [-seed 1] -out FILE", stderr)
	n := fs.Int("n", 10000, "versions to generate")
	seed := fs.Int64("seed", 1, "seed: the same n and seed give the same bytes")
	avg := fs.Int("avg-text", 0, "mean text size in bytes (default 18000, the real corpus's)")
	laws := fs.String("laws", "../shared/corpus/laws.jsonl", "the real corpus to recombine")
	out := fs.String("out", "", "output JSONL file (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return badUsage(fs, errors.New("-out is required"))
	}
	st, err := generate(ctx, *laws, *out, *n, *seed, *avg)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, st.String())
	return nil
}

func generate(ctx context.Context, laws, out string, n int, seed int64, avg int) (benchgen.Stats, error) {
	src, err := os.Open(laws)
	if err != nil {
		return benchgen.Stats{}, fmt.Errorf("the generator recombines the real corpus: %w", err)
	}
	defer src.Close()
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return benchgen.Stats{}, err
	}
	f, err := os.Create(out)
	if err != nil {
		return benchgen.Stats{}, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	st, err := benchgen.GenerateWith(ctx, src, w, benchgen.Options{N: n, Seed: seed, AvgTextBytes: avg})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return st, err
}

// suiteRow is one size's measurements.
type suiteRow struct {
	size                     int
	textMB, jsonlMB          float64
	gen, ingest, noop, ready time.Duration
	versions, works, errs    int
	indexMB                  float64
	ingestRSS, serveRSS      int64
	serveAnon, serveFile     int64 // resident after the search load: heap and the like, and mapped index pages
	search                   []bench.Result
}

// benchSuite measures guifan at each library size: generate, ingest, re-ingest, serve.
func benchSuite(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench suite [-sizes 10000,100000] [-c 1,8] [-d 10s]", stderr)
	sizes := fs.String("sizes", "10000", "library sizes in versions, comma-separated (e.g. 10000,100000,1000000)")
	conc := fs.String("c", "1,8", "search concurrency levels")
	dur := fs.Duration("d", 10*time.Second, "search load duration per concurrency level")
	avg := fs.Int("avg-text", 0, "mean generated text size in bytes (default: the real corpus's 18 KB; 2000 suits 1M)")
	laws := fs.String("laws", "../shared/corpus/laws.jsonl", "the real corpus to recombine")
	work := fs.String("work", "", "working folder (default: a temporary one, removed afterwards)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ns, err := parseInts(*sizes)
	if err != nil {
		return badUsage(fs, fmt.Errorf("-sizes: %w", err))
	}
	levels, err := parseInts(*conc)
	if err != nil {
		return badUsage(fs, fmt.Errorf("-c: %w", err))
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "guifan-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	fmt.Fprintf(stdout, "guifan bench suite -sizes %s -c %s -d %s (avg text %d bytes; 0 = corpus mean) on %s, %d CPUs, %s\n\n",
		*sizes, *conc, *dur, *avg, host, numCPU(), time.Now().UTC().Format(time.RFC3339))
	for _, n := range ns {
		row, err := suiteSize(ctx, self, filepath.Join(dir, fmt.Sprint(n)), *laws, n, *avg, levels, *dur, stderr)
		if err != nil {
			return fmt.Errorf("size %d: %w", n, err)
		}
		printRow(stdout, row)
	}
	return nil
}

func suiteSize(ctx context.Context, self, dir, laws string, n, avg int, levels []int, dur time.Duration, stderr io.Writer) (*suiteRow, error) {
	row := &suiteRow{size: n}
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	_ = os.RemoveAll(dir)
	fmt.Fprintf(stderr, "[%d] generating…\n", n)
	start := time.Now()
	st, err := generate(ctx, laws, filepath.Join(lib, "generated.jsonl"), n, 1, avg)
	if err != nil {
		return nil, err
	}
	row.gen, row.textMB, row.jsonlMB = time.Since(start), float64(st.TextBytes)/(1<<20), float64(st.Bytes)/(1<<20)

	fmt.Fprintf(stderr, "[%d] ingesting…\n", n)
	rep, took, rss, err := runIngestChild(ctx, self, lib, idx)
	if err != nil {
		return nil, err
	}
	row.ingest, row.ingestRSS, row.versions, row.works, row.errs = took, rss, rep.Versions, rep.Works, len(rep.Errors)
	size, _ := dirSize(idx)
	row.indexMB = float64(size) / (1 << 20)
	if _, row.noop, _, err = runIngestChild(ctx, self, lib, idx); err != nil {
		return nil, err
	}

	fmt.Fprintf(stderr, "[%d] serving…\n", n)
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	base := "http://127.0.0.1:" + port
	srv := exec.CommandContext(ctx, self, "serve", "-no-ingest", "-addr", "127.0.0.1:"+port, "-index", idx, "-log", "json")
	srv.Stderr = io.Discard
	start = time.Now()
	if err := srv.Start(); err != nil {
		return nil, err
	}
	defer func() {
		_ = srv.Process.Signal(syscall.SIGTERM)
		_ = srv.Wait()
	}()
	if err := waitReady(ctx, base, 10*time.Minute); err != nil {
		return nil, err
	}
	row.ready = time.Since(start)
	mix := bench.Mix()
	bench.Run(ctx, base, mix, 1, 0, len(mix)*2)
	for _, c := range levels {
		row.search = append(row.search, bench.Run(ctx, base, mix, c, dur, 0))
	}
	status := fmt.Sprintf("/proc/%d/status", srv.Process.Pid)
	row.serveRSS, row.serveAnon, row.serveFile = statusKB(status, "VmHWM:"), statusKB(status, "RssAnon:"), statusKB(status, "RssFile:")
	return row, nil
}

func runIngestChild(ctx context.Context, self, lib, idx string) (*ingest.Report, time.Duration, int64, error) {
	cmd := exec.CommandContext(ctx, self, "ingest", "-json", "-library", lib, "-index", idx, "-file-timeout", "10m")
	var out strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != (partialIngest(0)).ExitCode() {
		return nil, 0, 0, fmt.Errorf("ingest: %w", err) // unreadable files are counted in the report
	}
	took := time.Since(start)
	var rep ingest.Report
	if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
		return nil, 0, 0, err
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // kilobytes on Linux
	}
	return &rep, took, rss, nil
}

func printRow(w io.Writer, r *suiteRow) {
	fmt.Fprintf(w, "### %d versions\n\n", r.size)
	fmt.Fprintln(w, "| measure | value |")
	fmt.Fprintln(w, "|---|---|")
	fmt.Fprintf(w, "| generated | %.0f MB JSONL, %.0f MB of text, in %s |\n", r.jsonlMB, r.textMB, r.gen.Round(time.Millisecond))
	fmt.Fprintf(w, "| ingested | %d versions, %d works, %d errors |\n", r.versions, r.works, r.errs)
	fmt.Fprintf(w, "| ingest time | %s (%.0f versions/s, %.2f MB/s of text) |\n", r.ingest.Round(time.Millisecond),
		float64(r.versions)/r.ingest.Seconds(), r.textMB/r.ingest.Seconds())
	fmt.Fprintf(w, "| no-op re-ingest | %s |\n", r.noop.Round(time.Millisecond))
	fmt.Fprintf(w, "| index on disk | %.0f MB |\n", r.indexMB)
	fmt.Fprintf(w, "| peak RSS ingesting | %.0f MB |\n", float64(r.ingestRSS)/(1<<20))
	fmt.Fprintf(w, "| peak RSS serving | %.0f MB (after the searches: %.0f MB anonymous, %.0f MB mapped index pages) |\n",
		float64(r.serveRSS)/(1<<20), float64(r.serveAnon)/(1<<20), float64(r.serveFile)/(1<<20))
	fmt.Fprintf(w, "| cold start to /readyz | %s |\n", r.ready.Round(time.Millisecond))
	for _, s := range r.search {
		fmt.Fprintf(w, "| search c=%d | %.0f req/s, p50 %s, p95 %s, p99 %s, errors %d |\n", s.Concurrency, s.RPS(), msf(s.P50), msf(s.P95), msf(s.P99), s.Errors)
	}
	if n := len(r.search); n > 0 {
		fmt.Fprintf(w, "| p50 by kind (c=%d) | %s |\n", r.search[n-1].Concurrency, byKind(r.search[n-1]))
	}
	fmt.Fprintln(w)
}

func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port, nil
}
