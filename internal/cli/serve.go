package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c Config
	fs := newFlagSet("serve [-addr ADDR] [-library DIR] [-index DIR]", stderr)
	c.commonFlags(fs)
	fs.StringVar(&c.Addr, "addr", env("GUIFAN_ADDR", ":8080"), "listen address; the default listens on IPv4 and IPv6 (env GUIFAN_ADDR)")
	fs.StringVar(&c.StaffTokenSHA, "staff-token-sha256", env("GUIFAN_STAFF_TOKEN_SHA256", ""), "SHA-256 (hex) of the staff access token (env GUIFAN_STAFF_TOKEN_SHA256)")
	fs.DurationVar(&c.Reload, "reload", envDuration("GUIFAN_RELOAD", 2*time.Second), "how often to look for a newly published index snapshot")
	fs.BoolVar(&c.NoIngest, "no-ingest", env("GUIFAN_NO_INGEST", "") != "", "never build the index, only serve published snapshots (read replicas)")
	syncOnStart := fs.Bool("sync", env("GUIFAN_SYNC", "1") != "0", "when an index exists, bring it up to date with the library in the background at start (changed files only) while serving it (env GUIFAN_SYNC=0 turns it off)")
	fs.BoolVar(&c.RefusePrivate, "refuse-private", env("GUIFAN_REFUSE_PRIVATE", "") != "", "when building the index, withhold public documents that contain ID or mobile numbers")
	fs.DurationVar(&c.FileTimeout, "file-timeout", envDuration("GUIFAN_FILE_TIMEOUT", 2*time.Minute), "time limit per file when building the index")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the server to this file until it stops")
	matchCache := fs.Int("match-cache", -1, "MiB of scored matches kept per snapshot for queries already asked; -1 sizes it by the index (96 bytes per version, at least 32 MiB); 0 keeps none, nor the totals of queries without text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	switch {
	case *matchCache == -1:
		search.MatchCacheBytes = search.MatchCacheAuto
	case *matchCache < 0:
		return badUsage(fs, fmt.Errorf("-match-cache: %d MiB is neither a size nor -1", *matchCache))
	default:
		search.MatchCacheBytes = *matchCache << 20
	}
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	// The plain token only ever comes from the environment, so it never shows in a process list.
	c.StaffToken = env("GUIFAN_STAFF_TOKEN", "")
	if err := c.validate(); err != nil {
		return badUsage(fs, err)
	}
	gate, err := access.NewGate(c.StaffToken, c.StaffTokenSHA)
	if err != nil {
		return err
	}
	log := newLogger(c.LogFormat, stderr)
	if os.Getenv("GOGC") == "" {
		// Searches allocate briskly while the live heap stays small: collecting half as
		// often cut the median search latency by a sixth in the benchmark (docs/benchmarks.md).
		debug.SetGCPercent(200)
	}
	afterLoad := func() {}
	if os.Getenv("GOMEMLIMIT") == "" {
		afterLoad = boundHeap
	}
	srv, err := server.New(server.Config{
		Addr: c.Addr, Library: c.Library, Index: c.Index, Gate: gate, Reload: c.Reload, NoIngest: c.NoIngest, SyncOnStart: *syncOnStart,
		Ingest: ingest.Options{Extract: extract.Options{Timeout: c.FileTimeout}, RefusePrivate: c.RefusePrivate}, Log: log,
		AfterLoad: afterLoad,
	})
	if err != nil {
		return err
	}
	return srv.Run(ctx)
}

// boundHeap runs after a snapshot is loaded: it returns the garbage of loading to the
// system and sets a soft memory limit of twice the live heap plus 256 MiB. A small
// library keeps GOGC=200's headroom; a large catalog (hundreds of MB live) collects as
// if GOGC were 100 instead of letting the heap grow to three times its size. GOMEMLIMIT
// in the environment overrides it.
func boundHeap() {
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	debug.SetMemoryLimit(int64(2*m.HeapAlloc) + 256<<20)
}
