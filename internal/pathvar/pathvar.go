// Package pathvar reads path variables, so that handlers never touch the router.
package pathvar

import (
	"net/http"
	"net/url"

	"github.com/gorilla/mux"
)

// Get returns the named path variable of the request's route, unescaped. The router
// matches the escaped path (an id may hold a slash, sent as %2F), so its variables
// are still escaped; a variable that does not unescape is returned as it came.
func Get(r *http.Request, name string) string {
	v := mux.Vars(r)[name]
	if u, err := url.PathUnescape(v); err == nil {
		return u
	}
	return v
}
