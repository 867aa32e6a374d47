package cli

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/ingest"
)

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c Config
	fs := newFlagSet("ingest [-library DIR] [-index DIR] [-force] [-json]", stderr)
	c.commonFlags(fs)
	fs.IntVar(&c.Workers, "workers", 0, "extraction workers (default: one per CPU)")
	fs.DurationVar(&c.FileTimeout, "file-timeout", envDuration("GUIFAN_FILE_TIMEOUT", 2*time.Minute), "time limit per file (env GUIFAN_FILE_TIMEOUT)")
	force := fs.Bool("force", false, "read every file again, even unchanged ones")
	fs.BoolVar(&c.RefusePrivate, "refuse-private", env("GUIFAN_REFUSE_PRIVATE", "") != "", "withhold public documents that contain ID or mobile numbers (env GUIFAN_REFUSE_PRIVATE)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := c.validate(); err != nil {
		return badUsage(fs, err)
	}
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	rep, err := doIngest(ctx, c, *force, stderr)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		rep.Print(stdout)
	}
	if len(rep.Errors) > 0 {
		return partialIngest(len(rep.Errors))
	}
	return nil
}

func doIngest(ctx context.Context, c Config, force bool, progressOut io.Writer) (*ingest.Report, error) {
	ingestGC()
	opt := ingest.Options{
		Library: c.Library, Index: c.Index, Workers: c.Workers, Force: force, RefusePrivate: c.RefusePrivate,
		Extract: extract.Options{Timeout: c.FileTimeout},
		Log:     newLogger(c.LogFormat, progressOut),
	}
	if isTerminal(progressOut) {
		opt.Progress = ingest.NewBar(progressOut)
	}
	return ingest.Run(ctx, opt)
}

// startCPUProfile writes a CPU profile to path (none when it is empty) until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// ingestGC sets the collector for an ingest process. An ingest allocates the analysis
// of every batch and keeps little of it: collecting half as often (GOGC=200) took a
// sixth to a quarter off the CPU time of a 10,000-version ingest, for half as much
// memory again at its peak (docs/benchmarks.md). A soft limit of three quarters of the
// machine's memory (or of the control group's limit) keeps that headroom from carrying a
// large build's heap past it. GOGC and GOMEMLIMIT in the environment override both.
func ingestGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		if m := machineMemory(); m > 0 {
			debug.SetMemoryLimit(m / 4 * 3)
		}
	}
}

// machineMemory is the memory this process may use: the machine's, or its control
// group's limit when that is lower; 0 when unknown.
func machineMemory() int64 {
	m := statusKB("/proc/meminfo", "MemTotal:")
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (m == 0 || n < m) {
			m = n
		}
	}
	return m
}
