package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/api"
	"github.com/guifan/guifan/internal/web"
)

// routes lists every route the service answers.
func (s *Server) routes() (http.Handler, error) {
	a := &api.Handler{Svc: s.svc, Gate: s.cfg.Gate, Log: s.log}
	wh, err := web.New(web.Config{Svc: s.svc, Gate: s.cfg.Gate, Library: s.cfg.Library, Log: s.log})
	if err != nil {
		return nil, err
	}
	r := mux.NewRouter()
	// Routes match the escaped path, so an id holding a slash (a JSON Lines record's
	// version_of such as flk/work/1, linked as flk%2Fwork%2F1) is one path variable
	// rather than a path no route knows; pathvar.Get unescapes it.
	r.UseEncodedPath()
	s.router = r
	r.HandleFunc("/healthz", a.Healthz).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/readyz", a.Readyz).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/metrics", staffOnlyWhenGated(s.cfg.Gate, s.metrics.Handler(), a.Forbidden)).Methods(http.MethodGet)
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

	// Web pages (SPEC "Web UI"): every page takes its API's parameters.
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc("/", wh.Home).Methods(get...)
	r.HandleFunc("/search", wh.Search).Methods(get...)
	r.HandleFunc("/works/{work_id}", wh.Work).Methods(get...)
	r.HandleFunc("/works/{work_id}/versions/{version_id}", wh.Version).Methods(get...)
	r.HandleFunc("/works/{work_id}/diff", wh.Diff).Methods(get...)
	r.HandleFunc("/files/{work_id}/{version_id}", wh.File).Methods(get...)
	r.HandleFunc("/check", wh.Check).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
	r.HandleFunc("/check.csv", wh.CheckCSV).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
	r.HandleFunc("/staff/login", wh.Login).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
	r.HandleFunc("/staff/cleanup", wh.Cleanup).Methods(get...)
	r.HandleFunc("/staff/logout", wh.Logout).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
	r.PathPrefix("/static/").HandlerFunc(wh.Static).Methods(get...)

	// Outside /api, people are asking: they get the Chinese error page.
	// Machine endpoints answer JSON errors, pages the Chinese error page.
	byClient := func(machine, page http.HandlerFunc) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if isMachinePath(req.URL.Path) {
				machine(w, req)
				return
			}
			page(w, req)
		})
	}
	r.NotFoundHandler = notFoundOr405(r, byClient(a.NotFound, wh.NotFound), byClient(a.MethodNotAllowed, wh.MethodNotAllowed))
	r.MethodNotAllowedHandler = byClient(a.MethodNotAllowed, wh.MethodNotAllowed)
	// Wrapping the router (rather than mux's Use) covers not-found answers too.
	var h http.Handler = r
	refuse := func(w http.ResponseWriter, req *http.Request, v access.Verdict) {
		if isMachinePath(req.URL.Path) {
			a.BadCredentials(w, req, v)
			return
		}
		wh.BadCredentials(w, req, v)
	}
	for _, m := range []func(http.Handler) http.Handler{refuseBadCredentials(s.cfg.Gate, refuse), utf8Query, limitRequests(api.MaxBody, 30*time.Second, isStreaming), securityHeaders,
		logRequests(s.log), recoverPanics(s.log), observeRequests(s.metrics, r)} {
		h = m(h)
	}
	return h, nil
}

// isMachinePath reports whether a path belongs to the API rather than to the pages.
func isMachinePath(p string) bool {
	switch p {
	case "/healthz", "/readyz", "/metrics", "/feed.atom":
		return true
	}
	return strings.HasPrefix(p, "/api/") || p == "/api"
}

// refuseBadCredentials answers a request that presents credentials which are not
// staff's (a wrong bearer token, a forged or expired sign-in cookie) with refuse instead
// of serving it as the public: the client expects staff's answer and would take the
// public one for it. A request without credentials is the public's as ever. Health
// checks, static files and the sign-in and sign-out pages are served whatever the
// credentials, so a browser with a stale cookie can still sign in again or out.
func refuseBadCredentials(g *access.Gate, refuse func(http.ResponseWriter, *http.Request, access.Verdict)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch p := r.URL.Path; {
			case p == "/healthz", p == "/readyz", p == "/staff/login", p == "/staff/logout", strings.HasPrefix(p, "/static/"):
				next.ServeHTTP(w, r)
				return
			}
			if v := g.Verify(r); v == access.Invalid || v == access.Blocked {
				refuse(w, r, v)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// staffOnlyWhenGated serves h to staff only when a staff token is configured: the
// metrics then count restricted documents too (without one they count public documents
// only, and anyone may read them). Scrapers send the token as a bearer token.
func staffOnlyWhenGated(g *access.Gate, h http.Handler, forbidden http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.Enabled() && !g.IsStaff(r) {
			forbidden(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}
