package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/ingest"
)

const credentialsToken = "staff-token-of-the-test"

// credentialsSite is a library of one public and one restricted notice behind the
// full router, with a staff token configured (or none when token is "").
func credentialsSite(t *testing.T, token string) http.Handler {
	t.Helper()
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"public.txt":               "关于印发青石县养犬管理办法的通知\n青政发〔2021〕5号\n第一条 为规范养犬，制定本办法。\n本办法自2021年1月1日起施行。\n",
		"restricted.txt":           "关于印发青石县养犬内部工作规程的通知\n青政办发〔2021〕9号\n第一条 为规范养犬执法，制定本规程。\n本规程自2021年2月1日起施行。\n",
		"restricted.txt.meta.yaml": "disclosure: restricted\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(lib, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
	gate, err := access.NewGate(token, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Library: lib, Index: idx, NoIngest: true, Gate: gate})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Service().Reload(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Service().Close)
	return s.http.Handler
}

type credentialsAnswer struct {
	code int
	hdr  http.Header
	body string
}

func ask(h http.Handler, target, authorization string, cookie *http.Cookie) credentialsAnswer {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.RemoteAddr = "192.0.2.10:4000"
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return credentialsAnswer{rec.Code, rec.Header(), rec.Body.String()}
}

// The bearer scheme is case-insensitive, no token is the public, and a token that is
// wrong is refused with 401 (the API's error object, a Chinese page) rather than
// answered as if nothing had been sent.
func TestWrongStaffTokenIsRefused(t *testing.T) {
	h := credentialsSite(t, credentialsToken)
	search := "/api/search?q=" + url.QueryEscape("养犬")
	hits := func(a credentialsAnswer) int {
		var r struct {
			Total int `json:"total"`
		}
		if err := json.Unmarshal([]byte(a.body), &r); err != nil {
			t.Fatalf("%v: %s", err, a.body)
		}
		return r.Total
	}

	for _, auth := range []string{"Bearer " + credentialsToken, "bearer " + credentialsToken, "BEARER  " + credentialsToken} {
		if a := ask(h, search, auth, nil); a.code != 200 || hits(a) != 2 {
			t.Errorf("%q: %d, %d hits, want 200 with the restricted notice too: %s", auth, a.code, hits(a), a.body)
		}
	}
	if a := ask(h, search, "", nil); a.code != 200 || hits(a) != 1 {
		t.Errorf("no token: %d, %d hits, want 200 with the public notice only", a.code, hits(a))
	}
	// A scheme other than Bearer (a proxy's Basic credentials) is not a staff token.
	if a := ask(h, search, "Basic dXNlcjpwYXNz", nil); a.code != 200 || hits(a) != 1 {
		t.Errorf("Basic credentials: %d %s", a.code, a.body)
	}

	for _, target := range []string{search, "/api/validity?q=" + url.QueryEscape("青政发〔2021〕5号"), "/api/cleanup", "/metrics"} {
		for _, auth := range []string{"Bearer wrong-token-entirely", "bearer " + credentialsToken + "x", "Bearer"} {
			a := ask(h, target, auth, nil)
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if a.code != http.StatusUnauthorized {
				t.Errorf("%s with %q: %d, want 401: %.200s", target, auth, a.code, a.body)
				continue
			}
			if err := json.Unmarshal([]byte(a.body), &e); err != nil || e.Error.Code != "unauthorized" || !strings.Contains(e.Error.Message, "令牌不正确") {
				t.Errorf("%s with %q: body %s, want the error object with a Chinese message", target, auth, a.body)
			}
			if !strings.HasPrefix(a.hdr.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s: WWW-Authenticate %q", target, a.hdr.Get("WWW-Authenticate"))
			}
		}
	}

	// Pages: a Chinese 401 page, not the public page.
	a := ask(h, "/search?q="+url.QueryEscape("养犬"), "Bearer wrong-token-entirely", nil)
	if a.code != http.StatusUnauthorized || !strings.Contains(a.hdr.Get("Content-Type"), "text/html") ||
		!strings.Contains(a.body, "工作人员身份验证失败") || strings.Contains(a.body, "养犬管理办法") {
		t.Errorf("page with a wrong token: %d %s\n%.300s", a.code, a.hdr.Get("Content-Type"), a.body)
	}
	if a := ask(h, "/search?q="+url.QueryEscape("养犬"), "bearer "+credentialsToken, nil); a.code != 200 || !strings.Contains(a.body, "内部工作规程") {
		t.Errorf("page with the token in lower case: %d", a.code)
	}
	// A sign-in cookie that is forged or made with another token: the 401 page removes it
	// and offers to sign in again; the sign-in page itself still opens.
	other, _ := access.NewGate("a-token-of-another-server", "")
	stale := &http.Cookie{Name: access.CookieName, Value: other.Session(timeNowPlusHour())}
	a = ask(h, "/works/x?asof=2024-01-01", "", stale)
	if a.code != http.StatusUnauthorized || !strings.Contains(a.body, "重新登录") || !strings.Contains(a.body, "/staff/login?next=") {
		t.Errorf("page with a stale cookie: %d\n%.400s", a.code, a.body)
	}
	if c := a.hdr.Get("Set-Cookie"); !strings.Contains(c, access.CookieName+"=;") || !strings.Contains(c, "Max-Age=0") {
		t.Errorf("stale cookie not removed: Set-Cookie %q", c)
	}
	for _, target := range []string{"/staff/login", "/healthz", "/readyz"} {
		if a := ask(h, target, "", stale); a.code != 200 {
			t.Errorf("%s with a stale cookie: %d", target, a.code)
		}
	}
}

// A client that keeps sending wrong tokens is told to wait (429), in Chinese.
func TestWrongStaffTokensRepeatedAreThrottled(t *testing.T) {
	h := credentialsSite(t, credentialsToken)
	for i := 0; i < access.MaxFailures; i++ {
		if a := ask(h, "/api/search?q=x", "Bearer guess-"+string(rune('a'+i)), nil); a.code != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i, a.code)
		}
	}
	a := ask(h, "/api/search?q=x", "Bearer "+credentialsToken, nil)
	if a.code != http.StatusTooManyRequests || !strings.Contains(a.body, `"code":"too_many_requests"`) || !strings.Contains(a.body, "次数过多") {
		t.Errorf("after %d wrong tokens: %d %s", access.MaxFailures, a.code, a.body)
	}
	if a := ask(h, "/api/search?q=x", "", nil); a.code != 200 {
		t.Errorf("the same client without a token: %d, want the public answer", a.code)
	}
}

// Without a staff token configured every token is wrong: it is refused, not ignored.
func TestTokenWithoutStaffAccessIsRefused(t *testing.T) {
	h := credentialsSite(t, "")
	a := ask(h, "/api/search?q=x", "Bearer "+credentialsToken, nil)
	if a.code != http.StatusUnauthorized || !strings.Contains(a.body, "未开放工作人员访问") {
		t.Errorf("%d %s", a.code, a.body)
	}
	if a := ask(h, "/api/search?q=x", "", nil); a.code != 200 {
		t.Errorf("no token: %d", a.code)
	}
}

func timeNowPlusHour() time.Time { return time.Now().Add(time.Hour) }
