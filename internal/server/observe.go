package server

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/metrics"
)

// observeRequests times every request under the template of the route it matches
// (/api/works/{work_id}), so a crawler walking every document adds no series.
func observeRequests(m *metrics.Metrics, router *mux.Router) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			route := routeOf(router, r)
			sw := &statusWriter{ResponseWriter: w}
			next.ServeHTTP(sw, r)
			if sw.status == 0 {
				sw.status = http.StatusOK
			}
			m.ObserveRequest(route, methodLabel(r.Method), sw.status, time.Since(start))
		})
	}
}

// routeOf is the template of the route the request matches, or of the route its path
// matches under another method (a 405); "unmatched" for a 404.
func routeOf(router *mux.Router, r *http.Request) string {
	for _, m := range append([]string{r.Method}, allowedMethods...) {
		probe := r
		if m != r.Method {
			probe = r.Clone(r.Context())
			probe.Method = m
		}
		var match mux.RouteMatch
		if router.Match(probe, &match) && match.MatchErr == nil && match.Route != nil {
			if t, err := match.Route.GetPathTemplate(); err == nil {
				return t
			}
		}
	}
	return "unmatched"
}

// methodLabel keeps the method label to the known methods: clients may send anything.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch:
		return m
	}
	return "other"
}

// streaming are the routes whose responses are written as they are produced; they
// are not buffered by the request timeout (the server's write timeout still bounds them).
var streaming = map[string]bool{"/api/catalog.csv": true, "/api/catalog.jsonl": true}

func isStreaming(r *http.Request) bool { return streaming[r.URL.Path] }

func ingestResult(rep *ingest.Report, err error) metrics.IngestResult {
	if err != nil || rep == nil {
		return metrics.IngestResult{Err: err}
	}
	return metrics.IngestResult{Files: rep.Files, Versions: rep.Versions, Errors: len(rep.Errors), Unchanged: rep.Unchanged, Duration: rep.Duration}
}
