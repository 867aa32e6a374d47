package service

import (
	"context"
	"net/url"
	"os"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/bench"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
)

func TestProfMix(t *testing.T) {
	dir := os.Getenv("PROF_INDEX")
	if dir == "" {
		t.Skip()
	}
	svc := New(dir, nil)
	if _, err := svc.Reload(); err != nil {
		t.Fatal(err)
	}
	st, rel, _ := svc.Acquire()
	defer rel()
	mix := bench.Mix()
	run := func(n int) map[string]time.Duration {
		out := map[string]time.Duration{}
		for i := 0; i < n; i++ {
			for _, r := range mix {
				u, _ := url.Parse(r.Path)
				q, err := search.FromValues(u.Query(), model.Date(20261127))
				if err != nil {
					t.Fatal(err)
				}
				t0 := time.Now()
				if _, err := st.Search(context.Background(), q, Viewer{}); err != nil {
					t.Fatal(err)
				}
				out[r.Kind+" "+strings.TrimPrefix(r.Path, "/api/search?")] += time.Since(t0)
			}
		}
		return out
	}
	run(2)
	f, _ := os.Create("/tmp/prof/mix.prof")
	pprof.StartCPUProfile(f)
	res := run(20)
	pprof.StopCPUProfile()
	for k, v := range res {
		u, _ := url.QueryUnescape(k)
		t.Logf("%8.2f ms  %s", float64(v.Microseconds())/20/1000, u)
	}
}
