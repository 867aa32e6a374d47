package server

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"
	"github.com/guifan/guifan/internal/api"
)

// routes lists every route the service answers.
func (s *Server) routes() http.Handler {
	a := &api.Handler{Svc: s.svc, Gate: s.cfg.Gate, Log: s.log}
	r := mux.NewRouter()
	s.router = r
	r.HandleFunc("/healthz", a.Healthz).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/readyz", a.Readyz).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/metrics", s.metrics.Handler()).Methods(http.MethodGet)
	r.HandleFunc("/feed.atom", a.Feed).Methods(http.MethodGet)

	ar := r.PathPrefix("/api").Subrouter()
	ar.HandleFunc("/search", a.Search).Methods(http.MethodGet)
	ar.HandleFunc("/works/{work_id}", a.Work).Methods(http.MethodGet)
	ar.HandleFunc("/works/{work_id}/versions/{version_id}", a.Version).Methods(http.MethodGet)
	ar.HandleFunc("/works/{work_id}/diff", a.Diff).Methods(http.MethodGet)
	ar.HandleFunc("/validity", a.Validity).Methods(http.MethodGet, http.MethodPost)
	ar.HandleFunc("/cleanup", a.Cleanup).Methods(http.MethodGet)
	ar.HandleFunc("/cleanup.csv", a.Cleanup).Methods(http.MethodGet)
	ar.HandleFunc("/cleanup.xlsx", a.Cleanup).Methods(http.MethodGet)
	ar.HandleFunc("/changes", a.Changes).Methods(http.MethodGet)
	ar.HandleFunc("/catalog.csv", a.Catalogue).Methods(http.MethodGet)
	ar.HandleFunc("/catalog.jsonl", a.Catalogue).Methods(http.MethodGet)
	ar.HandleFunc("/openapi.json", a.OpenAPI).Methods(http.MethodGet)
	notFound := notFoundOr405(r, http.HandlerFunc(a.NotFound), http.HandlerFunc(a.MethodNotAllowed))
	ar.NotFoundHandler = notFound
	ar.MethodNotAllowedHandler = http.HandlerFunc(a.MethodNotAllowed)

	r.NotFoundHandler = notFound
	r.MethodNotAllowedHandler = http.HandlerFunc(a.MethodNotAllowed)
	// Wrapping the router (rather than mux's Use) covers not-found answers too.
	var h http.Handler = r
	for _, m := range []func(http.Handler) http.Handler{limitRequests(api.MaxBody, 30*time.Second, isStreaming), securityHeaders,
		logRequests(s.log), recoverPanics(s.log), observeRequests(s.metrics, r)} {
		h = m(h)
	}
	return h
}
