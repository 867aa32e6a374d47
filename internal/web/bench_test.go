package web

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/gorilla/mux"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/service"
	"github.com/guifan/guifan/internal/testcorpus"
)

// BenchmarkPages renders pages on the shipped sample library and reports the median
// and 95th percentile render time of each. The index is built from ../../library
// first (about a minute, most of it OCR of one scanned PDF) unless GUIFAN_BENCH_INDEX
// names an index folder already built from it.
//
//	go test -run '^$' -bench Pages ./internal/web/
func BenchmarkPages(b *testing.B) {
	idx := os.Getenv("GUIFAN_BENCH_INDEX")
	if idx == "" {
		idx = filepath.Join(b.TempDir(), "index")
		start := time.Now()
		if _, err := ingest.Run(context.Background(), ingest.Options{Library: filepath.Join("..", "..", "library"), Index: idx}); err != nil {
			b.Fatalf("ingest the shipped library: %v", err)
		}
		b.Logf("index built in %s", time.Since(start).Round(time.Millisecond))
	}
	svc := service.New(idx, nil)
	if _, err := svc.Reload(); err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	h, err := New(Config{Svc: svc})
	if err != nil {
		b.Fatal(err)
	}
	r := mux.NewRouter()
	r.HandleFunc("/search", h.Search)
	r.HandleFunc("/works/{work_id}/versions/{version_id}", h.Version)

	// The largest text in the library (the 民法典 part of the sample) is the worst case.
	st, release, err := svc.Acquire()
	if err != nil {
		b.Fatal(err)
	}
	var largest string
	size := 0
	for id, v := range st.Catalog.Versions {
		if v.TextLen > size || v.TextLen == size && id < largest {
			largest, size = id, v.TextLen
		}
	}
	doc := versionURL(st.Catalog.Versions[largest].WorkID, largest)
	b.Logf("largest document: %s (%d characters, %s)", st.Catalog.Versions[largest].Title, size, doc)
	release()

	pages := []struct {
		name, path string
		cold       bool // render the text anew on every request
	}{
		{"search-生育", "/search?" + url.Values{"q": {"生育"}}.Encode(), false},
		{"search-broad", "/search?" + url.Values{"q": {"人民政府"}, "sort": {"date"}}.Encode(), false},
		{"search-all", "/search", false},
		{"document-largest", doc, false},
		{"document-largest-uncached", doc, true},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			texts := h.texts
			if p.cold {
				h.texts = newTextCache(0)
				defer func() { h.texts = texts }()
			}
			times := make([]time.Duration, 0, b.N)
			bytes := 0
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				w := httptest.NewRecorder()
				req := httptest.NewRequest(http.MethodGet, p.path, nil)
				start := time.Now()
				r.ServeHTTP(w, req)
				times = append(times, time.Since(start))
				if w.Code != http.StatusOK {
					b.Fatalf("%s: status %d", p.path, w.Code)
				}
				bytes = w.Body.Len()
			}
			b.StopTimer()
			slices.Sort(times)
			pct := func(q float64) float64 {
				return float64(times[min(len(times)-1, int(q*float64(len(times))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(float64(bytes), "page-bytes")
		})
	}
}

// BenchmarkRenderText renders the largest text of the national corpus (over 100,000
// characters, twice the sample's largest) into article blocks, as a document page
// does on its first request.
func BenchmarkRenderText(b *testing.B) {
	f, err := os.Open(testcorpus.Laws(b))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var title, text string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		if len(rec.Text) > len(text) {
			title, text = rec.Title, rec.Text
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	rt := renderText(text, nil)
	b.Logf("%s: %d characters, %d articles, %d bytes of HTML", title, rt.Runes, rt.Articles, len(rt.HTML))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		renderText(text, nil)
	}
}
