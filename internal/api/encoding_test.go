package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// A parameter that is not text (bytes neither UTF-8 nor GB18030, which the server's
// query filter turns into U+FFFD) is a 400 with the error object, not a search for
// nothing or for garbled words.
func TestParametersMustBeText(t *testing.T) {
	h := validityHandler(t)
	for _, tt := range []struct {
		target string
		serve  http.HandlerFunc
		param  string
	}{
		{"/api/search?q=%ff%fe", h.Search, "q"},
		{"/api/search?q=%EF%BF%BD", h.Search, "q"}, // as the server's filter hands it on
		{"/api/search?q=%E7%94%9F&authority=%ff", h.Search, "authority"},
		{"/api/search?%ff=1", h.Search, "\uFFFD"},
		{"/api/validity?q=%ff", h.Validity, "q"},
		{"/api/works/x?asof=%EF%BF%BD", h.Work, "asof"},
		{"/api/works/x/diff?from=%ff", h.Diff, "from"},
	} {
		rec := httptest.NewRecorder()
		tt.serve(rec, httptest.NewRequest(http.MethodGet, tt.target, nil))
		var got struct{ Error errorObject }
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("%s: %v: %s", tt.target, err, rec.Body)
		}
		if rec.Code != http.StatusBadRequest || got.Error.Code != "invalid_parameter" || got.Error.Param != tt.param || got.Error.Message == "" {
			t.Errorf("%s: %d %+v, want 400 invalid_parameter for %q", tt.target, rec.Code, got.Error, tt.param)
		}
	}
	// Chinese in UTF-8 is text.
	rec := httptest.NewRecorder()
	h.Search(rec, httptest.NewRequest(http.MethodGet, "/api/search?q=%E5%85%BB%E7%8A%AC", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("a UTF-8 query: %d %s", rec.Code, rec.Body)
	}
}
