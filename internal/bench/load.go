// Package bench measures guifan the way users meet it: searches and pages over HTTP,
// with a fixed query mix, reported as throughput and latency percentiles.
package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Request is one kind of request in the mix.
type Request struct {
	Kind string // plain, phrase, docnum, filtered, asof, deep, page…
	Path string // path and query, e.g. /api/search?q=…
}

// Mix is the fixed query mix of the search benchmarks: plain words, phrases, doc
// numbers, filtered and faceted searches, as-of searches and deep pages.
func Mix() []Request {
	q := func(kind string, v url.Values) Request { return Request{kind, "/api/search?" + v.Encode()} }
	v := func(kv ...string) url.Values {
		out := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			out.Add(kv[i], kv[i+1])
		}
		return out
	}
	return []Request{
		q("plain", v("q", "公司法")),
		q("plain", v("q", "社会保险")),
		q("plain", v("q", "失业金怎么领")),
		q("plain", v("q", "网购退货")),
		q("plain", v("q", "个人信息")),
		q("plain", v("q", "税")),
		q("phrase", v("q", `"劳动合同"`)),
		q("phrase", v("q", "《中华人民共和国民法典》")),
		q("docnum", v("q", "法释〔2023〕13号")),
		q("docnum", v("q", "法释[2022]17号")),
		q("filtered", v("q", "保险", "status", "现行有效", "level", "行政法规")),
		q("filtered", v("q", "条例", "level", "地方性法规", "sort", "date")),
		q("filtered", v("status", "已修改", "year", "2018")),
		q("asof", v("q", "公司法", "asof", "2015-06-01")),
		q("asof", v("q", "网络安全", "asof", "2020-01-01", "status", "现行有效")),
		q("deep", v("q", "规定", "page", "20", "size", "20")),
		q("all", v()),
	}
}

// Result summarises one run.
type Result struct {
	Requests    int
	Errors      int
	Concurrency int
	Duration    time.Duration
	P50, P95    time.Duration
	P99, Max    time.Duration
	ByKind      map[string]time.Duration // p50 per kind
}

// RPS is requests per second.
func (r Result) RPS() float64 { return float64(r.Requests) / r.Duration.Seconds() }

func (r Result) String() string {
	return fmt.Sprintf("c=%d n=%d errors=%d rps=%.0f p50=%s p95=%s p99=%s max=%s",
		r.Concurrency, r.Requests, r.Errors, r.RPS(), ms(r.P50), ms(r.P95), ms(r.P99), ms(r.Max))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }

// Run sends the mix round-robin from `concurrency` clients for the given duration (or
// until n requests when n > 0) and measures each request's latency.
func Run(ctx context.Context, base string, mix []Request, concurrency int, dur time.Duration, n int) Result {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrency * 2}, Timeout: 30 * time.Second}
	type sample struct {
		kind string
		d    time.Duration
	}
	var (
		mu      sync.Mutex
		samples []sample
		errs    atomic.Int64
		next    atomic.Int64
		wg      sync.WaitGroup
	)
	deadline := time.Now().Add(dur)
	start := time.Now()
	for c := 0; c < concurrency; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []sample
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if n > 0 && i >= int64(n) || n <= 0 && time.Now().After(deadline) {
					break
				}
				r := mix[int(i)%len(mix)]
				t0 := time.Now()
				resp, err := client.Get(base + r.Path)
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode >= 400 {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					errs.Add(1)
				}
				local = append(local, sample{r.Kind, time.Since(t0)})
			}
			mu.Lock()
			samples = append(samples, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	res := Result{Requests: len(samples), Errors: int(errs.Load()), Concurrency: concurrency, Duration: time.Since(start), ByKind: map[string]time.Duration{}}
	all := make([]time.Duration, len(samples))
	byKind := map[string][]time.Duration{}
	for i, s := range samples {
		all[i] = s.d
		byKind[s.kind] = append(byKind[s.kind], s.d)
	}
	res.P50, res.P95, res.P99, res.Max = Percentile(all, 50), Percentile(all, 95), Percentile(all, 99), Percentile(all, 100)
	for k, ds := range byKind {
		res.ByKind[k] = Percentile(ds, 50)
	}
	return res
}

// Percentile returns the p-th percentile (nearest rank) of ds; it sorts ds.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	k := int(float64(len(ds))*p/100+0.999999) - 1
	return ds[max(0, min(k, len(ds)-1))]
}
