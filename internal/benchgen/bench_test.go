package benchgen

import (
	"bytes"
	"context"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
)

func lawsBytes(b *testing.B) []byte {
	b.Helper()
	src, err := os.ReadFile(testcorpus.Laws(b))
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkGenerate measures generation from the real corpus, read once, 2,000
// versions per operation, at the default and the short text size. MB/s counts JSON Lines
// output; cpu-MB/s divides by the process's CPU time, which a busy machine disturbs less.
func BenchmarkGenerate(b *testing.B) {
	p, err := loadPool(context.Background(), bytes.NewReader(lawsBytes(b)))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		avg  int
	}{{"default", DefaultAvgTextBytes}, {"short", ShortAvgTextBytes}} {
		b.Run(c.name, func(b *testing.B) {
			var total int64
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				opt := Options{N: 2000, Seed: int64(i), AvgTextBytes: c.avg, AsOf: DefaultAsOf}
				st := newStats(opt)
				if err := generateFrom(context.Background(), p, io.Discard, opt, st); err != nil {
					b.Fatal(err)
				}
				total += st.Bytes
			}
			if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
				b.ReportMetric(float64(total)/1e6/cpu, "cpu-MB/s")
			}
			b.SetBytes(total / int64(b.N))
		})
	}
}

// BenchmarkLoadSource measures reading laws.jsonl into the pool, once per generation.
func BenchmarkLoadSource(b *testing.B) {
	src := lawsBytes(b)
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := loadPool(context.Background(), bytes.NewReader(src)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateScale generates the benchmark sizes once each and prints their Stats:
// go test ./internal/benchgen -run '^$' -bench Scale -benchtime 1x -v
func BenchmarkGenerateScale(b *testing.B) {
	src := lawsBytes(b)
	for _, c := range []struct {
		name string
		n    int
		avg  int
	}{{"10k", 10_000, DefaultAvgTextBytes}, {"100k", 100_000, DefaultAvgTextBytes}, {"1M_short", 1_000_000, ShortAvgTextBytes}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				runtime.GC()
				cpu0 := cpuTime()
				st, err := GenerateWith(context.Background(), bytes.NewReader(src), io.Discard,
					Options{N: c.n, Seed: 1, AvgTextBytes: c.avg})
				if err != nil {
					b.Fatal(err)
				}
				cpu := (cpuTime() - cpu0).Seconds()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				b.SetBytes(st.Bytes)
				b.ReportMetric(float64(st.Bytes)/1e6, "MB")
				b.ReportMetric(st.MBPerSecond(), "gen-MB/s")
				if cpu > 0 {
					b.ReportMetric(float64(st.Bytes)/1e6/cpu, "cpu-MB/s")
				}
				b.ReportMetric(float64(maxRSS())/1e6, "maxRSS-MB")
				b.ReportMetric(float64(ms.HeapSys)/1e6, "heapSys-MB")
				b.Logf("%s\n%s", c.name, st)
			}
		})
	}
}
