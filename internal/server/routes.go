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
	r.HandleFunc("/healthz", a.Healthz).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/readyz", a.Readyz).Methods(http.MethodGet, http.MethodHead)

	ar := r.PathPrefix("/api").Subrouter()
	ar.HandleFunc("/search", a.Search).Methods(http.MethodGet)
	ar.HandleFunc("/works/{work_id}", a.Work).Methods(http.MethodGet)
	ar.HandleFunc("/works/{work_id}/versions/{version_id}", a.Version).Methods(http.MethodGet)
	ar.HandleFunc("/works/{work_id}/diff", a.Diff).Methods(http.MethodGet)
	ar.HandleFunc("/validity", a.Validity).Methods(http.MethodGet, http.MethodPost)
	ar.NotFoundHandler = http.HandlerFunc(a.NotFound)
	ar.MethodNotAllowedHandler = http.HandlerFunc(a.MethodNotAllowed)

	r.NotFoundHandler = http.HandlerFunc(a.NotFound)
	r.MethodNotAllowedHandler = http.HandlerFunc(a.MethodNotAllowed)
	// Wrapping the router (rather than mux's Use) covers not-found answers too.
	var h http.Handler = r
	for _, m := range []func(http.Handler) http.Handler{limitRequests(api.MaxBody, 30*time.Second), securityHeaders, logRequests(s.log), recoverPanics(s.log)} {
		h = m(h)
	}
	return h
}
