package service

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/bench"
	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/snapshot"
)

// benchIndex is an index folder built beforehand (a generated library at scale, or the
// corpus), named by GUIFAN_BENCH_INDEX:
//
//	guifan bench gen -n 100000 -avg-text 2000 -out /tmp/l100k/gen.jsonl
//	guifan ingest -library /tmp/l100k -index /tmp/i100k
//	GUIFAN_BENCH_INDEX=/tmp/i100k go test -run '^$' -bench . ./internal/service/
func benchIndex(b *testing.B) string {
	dir := os.Getenv("GUIFAN_BENCH_INDEX")
	if dir == "" {
		b.Skip("GUIFAN_BENCH_INDEX names no index folder")
	}
	return dir
}

// BenchmarkOpenSnapshot reports what opening a snapshot costs, step by step: the
// manifest, the catalog, the document table, and the live heap they leave: its bytes,
// its objects, and how long a full collection of it takes (ms-gc; the collector marks
// the live heap in every cycle, concurrently with the searches).
func BenchmarkOpenSnapshot(b *testing.B) {
	root := snapshot.Root(benchIndex(b))
	name, err := root.Current()
	if err != nil {
		b.Fatal(err)
	}
	var manifest, build, attach time.Duration
	var heap, objects uint64
	var gc time.Duration
	for b.Loop() {
		t0 := time.Now()
		m, err := snapshot.LoadManifest(root.Path(name))
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		cat := catalog.Build(m.Records)
		t2 := time.Now()
		x, err := search.OpenReadOnly(filepath.Join(root.Path(name), snapshot.IndexDir))
		if err != nil {
			b.Fatal(err)
		}
		if err := x.Attach(search.AttributesFrom(cat), name, nil); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		files := m.Files // a serving state keeps the files, the catalog and the index, not the records
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		manifest, build, attach, heap, objects = manifest+t1.Sub(t0), build+t2.Sub(t1), attach+t3.Sub(t2), ms.HeapAlloc, ms.HeapObjects
		// What one collection costs while the snapshot is served: the least of a few, as
		// other work on the machine only ever adds to it.
		least := time.Hour
		for range 5 {
			t := time.Now()
			runtime.GC()
			least = min(least, time.Since(t))
		}
		gc += least
		runtime.KeepAlive(cat)
		runtime.KeepAlive(files)
		_ = x.Close()
	}
	n := float64(b.N)
	b.ReportMetric(manifest.Seconds()/n, "s-manifest")
	b.ReportMetric(build.Seconds()/n, "s-catalog")
	b.ReportMetric(attach.Seconds()/n, "s-table")
	b.ReportMetric(float64(heap)/(1<<20), "MB-live-heap")
	b.ReportMetric(float64(objects), "heap-objects")
	b.ReportMetric(gc.Seconds()*1000/n, "ms-gc")
}

// BenchmarkSearchMix runs the fixed query mix of `guifan bench search` in process (no
// HTTP) and reports the mean time of each query, for profiling the search path:
//
//	GUIFAN_BENCH_INDEX=/tmp/i100k go test -run '^$' -bench SearchMix -cpuprofile /tmp/cpu.prof ./internal/service/
func BenchmarkSearchMix(b *testing.B) {
	st, done, err := Open(benchIndex(b))
	if err != nil {
		b.Fatal(err)
	}
	defer done()
	for _, r := range bench.Mix() {
		u, err := url.Parse(r.Path)
		if err != nil {
			b.Fatal(err)
		}
		q, err := search.FromValues(u.Query(), model.Date(20261127))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(r.Kind+"/"+u.RawQuery, func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Search(context.Background(), q, Viewer{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
