package e2e

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/go-ego/gse"
	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/snapshot"
)

// TestSegmenterChoice measures the query analysis against the alternative of a
// dictionary segmenter (go-ego/gse with its full Chinese dictionary) on the colloquial
// queries: the success rate in the top five, the mean reciprocal rank, and what the
// segmenter costs in start-up time and memory. It prints the figures the choice rests on.
func TestSegmenterChoice(t *testing.T) {
	need(t)
	if testing.Short() {
		t.Skip("loads a 190 MB dictionary")
	}
	root := snapshot.Root(indexDir)
	name, err := root.Current()
	if err != nil {
		t.Fatal(err)
	}
	x, err := search.OpenReadOnly(filepath.Join(root.Path(name), snapshot.IndexDir))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	m, err := snapshot.LoadManifest(root.Path(name))
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.Build(m.Records)
	if err := x.Attach(search.AttributesFrom(cat), name, nil); err != nil {
		t.Fatal(err)
	}

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	var seg gse.Segmenter
	if err := seg.LoadDict("zh_s"); err != nil {
		t.Fatal(err)
	}
	load := time.Since(start)
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	gseSeg := func(chunk string) []string {
		var out []string
		for _, w := range seg.Cut(chunk, true) {
			if !search.IsStopword(w) {
				out = append(out, w)
			}
		}
		return out
	}
	measure := func(s search.Segmenter) (found int, mrr float64, took time.Duration) {
		x.Segmenter = s
		for _, c := range colloquial {
			t0 := time.Now()
			r, err := x.Search(context.Background(), search.Query{Text: c.q, AsOf: model.Date(20261127), Size: 5, NoFacets: true})
			took += time.Since(t0)
			if err != nil {
				t.Fatal(err)
			}
			for i, h := range r.Hits {
				v, _ := cat.Version(h.VersionID)
				hit := false
				for _, w := range c.want {
					hit = hit || v.Title == w
				}
				if hit {
					found++
					mrr += 1 / float64(i+1)
					break
				}
			}
		}
		return found, mrr / float64(len(colloquial)), took / time.Duration(len(colloquial))
	}
	f1, m1, t1 := measure(nil)
	f2, m2, t2 := measure(gseSeg)
	t.Logf("\n| query analysis | top-5 success | MRR | mean search | start-up | heap |\n|---|---|---|---|---|---|\n"+
		"| n-gram index (bigrams + trigrams) + colloquial dictionary (chosen) | %d/%d | %.2f | %s | 0 | 0 |\n"+
		"| n-gram index + gse segmentation (zh_s) | %d/%d | %.2f | %s | %s | %d MB |",
		f1, len(colloquial), m1, t1.Round(time.Microsecond), f2, len(colloquial), m2, t2.Round(time.Microsecond),
		load.Round(time.Millisecond), (int64(after.HeapAlloc)-int64(before.HeapAlloc))>>20)
	if f1 < f2 {
		t.Errorf("the segmenter finds more (%d vs %d): reconsider the choice", f2, f1)
	}
}
