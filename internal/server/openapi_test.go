package server

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gorilla/mux"
	"github.com/guifan/guifan/internal/api"
)

// apiRoute reports whether a route belongs to the machine interface the OpenAPI document
// describes; the HTML pages and their assets do not.
func apiRoute(path string) bool {
	if strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/readyz" || path == "/metrics" {
		return true
	}
	for _, ext := range []string{".json", ".atom", ".csv", ".jsonl", ".xlsx", ".xml"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}

// routeMethods walks the real router: path template → methods.
func routeMethods(t *testing.T) map[string][]string {
	t.Helper()
	s, err := New(Config{Index: filepath.Join(t.TempDir(), "index")})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	err = s.router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		path, err := route.GetPathTemplate()
		if err != nil {
			return nil // a subrouter's prefix alone
		}
		methods, err := route.GetMethods()
		if err != nil || !apiRoute(path) {
			return nil
		}
		for _, m := range methods {
			got[path] = append(got[path], strings.ToLower(m))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// Every route is in the OpenAPI document with its methods, and the document has
// nothing the router does not serve.
func TestOpenAPIMatchesRouter(t *testing.T) {
	routes := routeMethods(t)
	if len(routes) < 15 {
		t.Fatalf("walked only %d routes: %v", len(routes), routes)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(api.OpenAPIDocument(), &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string][]string{}
	for path, ops := range doc.Paths {
		for m := range ops {
			if m != "parameters" && m != "summary" && m != "description" {
				documented[path] = append(documented[path], m)
			}
		}
	}
	for path, methods := range routes {
		for _, m := range methods {
			if !contains(documented[path], m) {
				t.Errorf("route %s %s is not in the OpenAPI document", strings.ToUpper(m), path)
			}
		}
	}
	for path, methods := range documented {
		for _, m := range methods {
			if !contains(routes[path], m) {
				t.Errorf("the OpenAPI document has %s %s, which the router does not serve", strings.ToUpper(m), path)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The document is valid OpenAPI 3: every reference resolves, every operation has
// responses, path parameters are declared, and errors use the error object.
func TestOpenAPIDocumentIsValid(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.OpenAPIDocument())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("invalid OpenAPI document: %v", err)
	}
	if doc.Components.Schemas["Error"] == nil {
		t.Fatal("no Error schema")
	}
	var paths []string
	for p := range doc.Paths.Map() {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		for method, op := range doc.Paths.Value(p).Operations() {
			if op.OperationID == "" || op.Summary == "" {
				t.Errorf("%s %s lacks an operationId or summary", method, p)
			}
			for code, resp := range op.Responses.Map() {
				if code[0] != '4' && code[0] != '5' || method == "HEAD" {
					continue
				}
				mt := resp.Value.Content.Get("application/json")
				if mt == nil || mt.Schema == nil || mt.Schema.Ref != "#/components/schemas/Error" {
					t.Errorf("%s %s: response %s does not use the error object", method, p, code)
				}
			}
			if _, ok := op.Responses.Map()["200"]; !ok {
				t.Errorf("%s %s has no 200 response", method, p)
			}
		}
	}
}
