// Package metrics exposes the service's operating figures in the Prometheus text
// format: request latency by route template, the served index (documents, works, bytes
// on disk), the ingest that built it and its age, and the ingests this process ran.
// Each server has its own registry, so several can run in one process (tests).
//
// A server without staff access serves the metrics to anyone, so they count public
// documents only (New's public): how many restricted documents a library holds is not
// for the public to learn from the metrics any more than from the facet counts.
package metrics

import (
	"io/fs"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/service"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds one server's collectors.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.HistogramVec

	ingestRuns     *prometheus.CounterVec
	ingestFiles    prometheus.Counter
	ingestVersions prometheus.Counter
	ingestErrors   prometheus.Counter
	ingestLast     prometheus.Gauge
	ingestSeconds  prometheus.Histogram
}

// latencyBuckets reach from a cached lookup (1 ms) to a slow export (30 s).
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// New registers the collectors; svc is read on every scrape for the index figures.
// With public, the figures count public documents only, and the ingest figures that
// count every file, version and relation read are left out.
func New(svc *service.Service, public bool) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "guifan_http_request_duration_seconds", Help: "HTTP request latency by route template, method and status code.",
		Buckets: latencyBuckets,
	}, []string{"route", "method", "code"})
	m.ingestRuns = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "guifan_ingest_runs_total", Help: "Ingests run by this process, by result (published, unchanged, failed).",
	}, []string{"result"})
	m.ingestFiles = prometheus.NewCounter(prometheus.CounterOpts{Name: "guifan_ingest_files_total", Help: "Library files examined by ingests this process ran."})
	m.ingestVersions = prometheus.NewCounter(prometheus.CounterOpts{Name: "guifan_ingest_versions_total", Help: "Document versions catalogued by ingests this process ran."})
	m.ingestErrors = prometheus.NewCounter(prometheus.CounterOpts{Name: "guifan_ingest_errors_total", Help: "Library files that could not be read in ingests this process ran."})
	m.ingestLast = prometheus.NewGauge(prometheus.GaugeOpts{Name: "guifan_ingest_last_run_timestamp_seconds", Help: "When the last ingest this process ran finished (Unix time)."})
	m.ingestSeconds = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "guifan_ingest_duration_seconds", Help: "Duration of ingests this process ran.",
		Buckets: []float64{1, 5, 15, 30, 60, 120, 300, 600, 1800}})
	m.reg.MustRegister(m.requests, m.ingestRuns, m.ingestErrors, m.ingestLast, m.ingestSeconds,
		&snapshotCollector{svc: svc, public: public, sizes: map[string]int64{}},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if !public {
		m.reg.MustRegister(m.ingestFiles, m.ingestVersions)
	}
	return m
}

// Handler serves the metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// ObserveRequest records one request under its route template (never the raw path,
// which would make a series per document).
func (m *Metrics) ObserveRequest(route, method string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(code)).Observe(d.Seconds())
}

// IngestResult is what an ingest run reports, as the metrics need it.
type IngestResult struct {
	Files, Versions, Errors int
	Unchanged               bool
	Duration                time.Duration
	Err                     error
}

// ObserveIngest records an ingest run of this process.
func (m *Metrics) ObserveIngest(r IngestResult) {
	m.ingestLast.SetToCurrentTime()
	switch {
	case r.Err != nil:
		m.ingestRuns.WithLabelValues("failed").Inc()
		return
	case r.Unchanged:
		m.ingestRuns.WithLabelValues("unchanged").Inc()
	default:
		m.ingestRuns.WithLabelValues("published").Inc()
	}
	m.ingestFiles.Add(float64(r.Files))
	m.ingestVersions.Add(float64(r.Versions))
	m.ingestErrors.Add(float64(r.Errors))
	m.ingestSeconds.Observe(r.Duration.Seconds())
}

// snapshotCollector reads the served snapshot at scrape time, so its figures follow
// snapshots published by any process (the command-line ingest, another replica).
type snapshotCollector struct {
	svc    *service.Service
	public bool // count public documents only
	mu     sync.Mutex
	sizes  map[string]int64 // a published snapshot never changes: its size is measured once
	counts publicCounts     // the public documents of the snapshot counted last
}

// publicCounts are the public works and versions of one snapshot.
type publicCounts struct {
	snapshot        string
	works, versions int
}

var (
	descDocs      = prometheus.NewDesc("guifan_index_documents", "Documents (versions) in the served full-text index.", nil, nil)
	descWorks     = prometheus.NewDesc("guifan_index_works", "Works in the served catalogue.", nil, nil)
	descBytes     = prometheus.NewDesc("guifan_index_bytes", "Bytes on disk of the served snapshot (index and manifest).", nil, nil)
	descBuilt     = prometheus.NewDesc("guifan_snapshot_built_timestamp_seconds", "When the served snapshot was built, i.e. the last published ingest (Unix time).", nil, nil)
	descAge       = prometheus.NewDesc("guifan_snapshot_age_seconds", "Age of the served snapshot.", nil, nil)
	descInfo      = prometheus.NewDesc("guifan_snapshot_info", "The served snapshot's name.", []string{"snapshot"}, nil)
	descSumFiles  = prometheus.NewDesc("guifan_snapshot_files", "Library files the ingest that built the served snapshot saw.", nil, nil)
	descSumVers   = prometheus.NewDesc("guifan_snapshot_versions", "Versions the ingest that built the served snapshot catalogued.", nil, nil)
	descSumRels   = prometheus.NewDesc("guifan_snapshot_relations", "Relations the ingest that built the served snapshot found.", nil, nil)
	descSumErrors = prometheus.NewDesc("guifan_snapshot_ingest_errors", "Files the ingest that built the served snapshot could not read.", nil, nil)
	descReady     = prometheus.NewDesc("guifan_ready", "1 when a snapshot is being served.", nil, nil)
)

func (c *snapshotCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descDocs, descWorks, descBytes, descBuilt, descAge, descInfo, descSumFiles, descSumVers, descSumRels, descSumErrors, descReady} {
		ch <- d
	}
}

func (c *snapshotCollector) Collect(ch chan<- prometheus.Metric) {
	st, release, err := c.svc.Acquire()
	if err != nil {
		ch <- prometheus.MustNewConstMetric(descReady, prometheus.GaugeValue, 0)
		return
	}
	defer release()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	gauge(descReady, 1)
	if c.public {
		n := c.publicCounts(st.Name, st.Catalog)
		gauge(descDocs, float64(n.versions))
		gauge(descWorks, float64(n.works))
	} else {
		if n, err := st.Index.Count(); err == nil {
			gauge(descDocs, float64(n))
		}
		gauge(descWorks, float64(len(st.Catalog.Works)))
	}
	gauge(descBytes, float64(c.size(st.Name)))
	gauge(descBuilt, float64(st.BuiltAt.UnixNano())/1e9)
	gauge(descAge, time.Since(st.BuiltAt).Seconds())
	gauge(descInfo, 1, st.Name)
	gauge(descSumErrors, float64(st.Summary.Errors))
	if !c.public {
		gauge(descSumFiles, float64(st.Summary.Files))
		gauge(descSumVers, float64(st.Summary.Versions))
		gauge(descSumRels, float64(st.Summary.Relations))
	}
}

// publicCounts counts the public works of the snapshot named name and their public
// versions, once per snapshot.
func (c *snapshotCollector) publicCounts(name string, cat *catalog.Catalog) publicCounts {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts.snapshot == name {
		return c.counts
	}
	n := publicCounts{snapshot: name}
	for _, w := range cat.Works {
		if w.Disclosure != model.Restricted {
			n.works++
		}
	}
	for _, v := range cat.Versions {
		if v.Disclosure != model.Restricted && cat.Works[v.WorkID] != nil && cat.Works[v.WorkID].Disclosure != model.Restricted {
			n.versions++
		}
	}
	c.counts = n
	return n
}

func (c *snapshotCollector) size(name string) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.sizes[name]; ok {
		return n
	}
	var n int64
	_ = filepath.WalkDir(c.svc.Root().Path(name), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	c.sizes = map[string]int64{name: n} // only the served snapshot's size is worth keeping
	return n
}
