// Package pathvar reads path variables, so that handlers never touch the router.
package pathvar

import (
	"net/http"

	"github.com/gorilla/mux"
)

// Get returns the named path variable of the request's route.
func Get(r *http.Request, name string) string { return mux.Vars(r)[name] }
