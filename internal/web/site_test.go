package web_test

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/server"
)

// staffToken signs staff in on the test sites.
const staffToken = "fixture-staff-token-0123"

// fixtureToday is the as-of date the test sites treat as today: the fixture's
// 就业创业补贴暂行办法 expires within 180 days of it, its 养老服务补贴办法 has lapsed
// and its 住房公积金提取管理办法 is not yet in force.
var fixtureToday = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

// site is a real guifan server over an index built from the fixture library.
type site struct {
	URL     string
	Library string // the library folder the server serves originals from
	client  *http.Client
}

// newSite copies the fixture library into a temporary folder (tests may change it),
// ingests it and starts the server on a free port until the test ends.
func newSite(t testing.TB) *site {
	t.Helper()
	return newSiteWith(t, nil)
}

// newSiteWith is newSite with more files in the library: path (slash-separated,
// relative to the library) → content.
func newSiteWith(t testing.TB, extra map[string][]byte) *site {
	t.Helper()
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := copyTree("testdata/library", lib); err != nil {
		t.Fatal(err)
	}
	for name, b := range extra {
		p := filepath.Join(lib, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx})
	if err != nil {
		t.Fatalf("ingest fixture: %v", err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("fixture files not read: %+v", rep.Errors)
	}
	return startSite(t, lib, idx)
}

func startSite(t testing.TB, lib, idx string) *site {
	t.Helper()
	gate, err := access.NewGate(staffToken, "")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", Library: lib, Index: idx, Gate: gate, NoIngest: true,
		Today: func() time.Time { return fixtureToday }})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server run: %v", err)
		}
	})
	return &site{URL: "http://" + srv.Addr(), Library: lib, client: &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// response is what a test looks at.
type response struct {
	Status int
	Header http.Header
	Body   string
}

func (s *site) do(t testing.TB, req *http.Request, staff bool) response {
	t.Helper()
	if staff {
		req.AddCookie(&http.Cookie{Name: access.CookieName, Value: staffToken})
	}
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func (s *site) get(t testing.TB, path string) response {
	t.Helper()
	return s.getAs(t, path, false)
}

func (s *site) getAs(t testing.TB, path string, staff bool) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s.do(t, req, staff)
}

func (s *site) post(t testing.TB, path string, form url.Values, staff bool) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return s.do(t, req, staff)
}

// q builds a path with a query.
func q(path string, kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return path + "?" + v.Encode()
}

// work is a fixture work's page path.
func work(id string) string { return "/works/" + url.PathEscape(id) }

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return errors.New("unexpected file type: " + p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

func mustContain(t testing.TB, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func mustNotContain(t testing.TB, body string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(body, b) {
			t.Errorf("page contains %q", b)
		}
	}
}
