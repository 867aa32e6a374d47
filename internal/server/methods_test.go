package server

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// A known path asked with the wrong method is 405 with Allow, on every route; an
// unknown path is 404; both with the error object.
func TestWrongMethod(t *testing.T) {
	s, err := New(Config{Index: filepath.Join(t.TempDir(), "index")})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path string
		status       int
		allow        string
	}{
		{"DELETE", "/api/search", 405, "GET"},
		{"PUT", "/api/works/abc", 405, "GET"},
		{"DELETE", "/api/validity", 405, "GET, POST"},
		{"POST", "/api/changes", 405, "GET"},
		{"POST", "/healthz", 405, ""},
		{"GET", "/api/nothing-here", 404, ""},
		{"DELETE", "/api/nothing-here", 404, ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.http.Handler.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), `"error":{"code":`) {
			t.Errorf("%s %s: %d %s, want %d", tt.method, tt.path, rec.Code, rec.Body, tt.status)
		}
		if tt.allow != "" && rec.Header().Get("Allow") != tt.allow {
			t.Errorf("%s %s: Allow %q, want %q", tt.method, tt.path, rec.Header().Get("Allow"), tt.allow)
		}
	}
	// The requests above are counted under their route templates, never their paths.
	rec := httptest.NewRecorder()
	s.http.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{`code="405",method="PUT",route="/api/works/{work_id}"`, `code="404",method="GET",route="unmatched"`, "guifan_ready 0"} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, "/api/works/abc") || strings.Contains(body, "nothing-here") {
		t.Error("a raw path became a metric label")
	}
}
