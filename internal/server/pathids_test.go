package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/ingest"
)

// A JSON Lines record keeps its id as version_id and its version_of as work_id
// (SPEC "Library"), whatever characters they hold: ids with a slash, a space, ? # or %
// are reached at their escaped URLs, by the API and by the pages.
func TestIDsWithReservedCharactersAreReachable(t *testing.T) {
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range []map[string]string{
		{"id": "flk/v/1", "version_of": "flk/work/1", "title": "某市养犬管理条例", "level": "地方性法规",
			"publish_date": "2019-01-01", "text": "某市养犬管理条例\n第一条 为规范养犬，制定本条例。"},
		{"id": "flk/v/2", "version_of": "flk/work/1", "title": "某市养犬管理条例", "level": "地方性法规",
			"publish_date": "2023-01-01", "text": "某市养犬管理条例\n第一条 为规范养犬行为，制定本条例。"},
		{"id": "v 3?x#y%z", "version_of": "w 3?x#y%z", "title": "某市物业管理条例", "level": "地方性法规",
			"publish_date": "2020-01-01", "text": "某市物业管理条例\n第一条 为规范物业管理，制定本条例。"},
	} {
		b, _ := json.Marshal(r)
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(filepath.Join(lib, "laws.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Library: lib, Index: idx, NoIngest: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Service().Reload(); err != nil {
		t.Fatal(err)
	}
	defer s.Service().Close()
	for _, tt := range []struct{ path, want string }{
		{"/api/works/flk%2Fwork%2F1", `"work_id":"flk/work/1"`},
		{"/api/works/flk%2Fwork%2F1/versions/flk%2Fv%2F1", `"version_id":"flk/v/1"`},
		{"/api/works/flk%2Fwork%2F1/diff?from=flk%2Fv%2F1&to=flk%2Fv%2F2", `"rows"`},
		{"/works/flk%2Fwork%2F1", "某市养犬管理条例"},
		{"/works/flk%2Fwork%2F1/versions/flk%2Fv%2F2", "某市养犬管理条例"},
		{"/works/flk%2Fwork%2F1/diff?from=flk%2Fv%2F1&to=flk%2Fv%2F2", "新旧对照"},
		{"/files/flk%2Fwork%2F1/flk%2Fv%2F1", ""},
		{"/api/works/w%203%3Fx%23y%25z", `"work_id":"w 3?x#y%z"`},
		{"/api/works/w%203%3Fx%23y%25z/versions/v%203%3Fx%23y%25z", `"version_id":"v 3?x#y%z"`},
		{"/works/%E4%B8%8D%E5%AD%98%E5%9C%A8", ""}, // still a 404 below
	} {
		rec := httptest.NewRecorder()
		s.http.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		want := http.StatusOK
		if strings.Contains(tt.path, "%E4%B8%8D") {
			want = http.StatusNotFound
		}
		if rec.Code != want || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("GET %s: %d, want %d with %s; body %.200s", tt.path, rec.Code, want, tt.want, rec.Body)
		}
	}
	// The search hit's work id leads to its page: the link on the results page is escaped.
	rec := httptest.NewRecorder()
	s.http.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/search?q=%E5%85%BB%E7%8A%AC", nil))
	if !strings.Contains(rec.Body.String(), `href="/works/flk%2fwork%2f1`) && !strings.Contains(rec.Body.String(), `href="/works/flk%2Fwork%2F1`) {
		t.Errorf("the results page does not link the work at its escaped path")
	}
}
