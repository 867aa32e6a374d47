package server

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"
)

// allowedMethods are the methods any route answers.
var allowedMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost}

// notFoundOr405 answers a request no route matched: 405 with an Allow header when the
// path exists under another method, else 404. mux alone reports a wrong method on a
// subrouter's earlier routes as not found.
func notFoundOr405(router *mux.Router, notFound, notAllowed http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range allowedMethods {
			if m == r.Method {
				continue
			}
			probe := r.Clone(r.Context())
			probe.Method = m
			var match mux.RouteMatch
			if router.Match(probe, &match) && match.MatchErr == nil {
				allow = append(allow, m)
			}
		}
		if len(allow) == 0 {
			notFound.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		notAllowed.ServeHTTP(w, r)
	})
}
