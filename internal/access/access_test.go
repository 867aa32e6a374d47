package access

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestGate(t *testing.T) {
	const token = "correct-horse-battery"
	sum := sha256.Sum256([]byte(token))
	for _, g := range []func() (*Gate, error){
		func() (*Gate, error) { return NewGate(token, "") },
		func() (*Gate, error) { return NewGate("", hex.EncodeToString(sum[:])) },
	} {
		gate, err := g()
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("GET", "/", nil)
		if gate.IsStaff(r) {
			t.Error("anonymous request counted as staff")
		}
		r.Header.Set("Authorization", "Bearer "+token)
		if !gate.IsStaff(r) {
			t.Error("bearer token not accepted")
		}
		r.Header.Set("Authorization", "Bearer "+token+"x")
		if gate.IsStaff(r) {
			t.Error("wrong token accepted")
		}
	}
	if _, err := NewGate("short", ""); err == nil {
		t.Error("short token accepted")
	}
	if _, err := NewGate("", "zz"); err == nil {
		t.Error("bad hash accepted")
	}
	open, _ := NewGate("", "")
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer ")
	if open.IsStaff(r) {
		t.Error("no token configured, yet a request counted as staff")
	}
}

func TestGateBlocksGuessing(t *testing.T) {
	gate, _ := NewGate("correct-horse-battery", "")
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "203.0.113.7:5555"
	for i := 0; i < MaxFailures; i++ {
		if gate.CheckFrom(r, "guess-number-"+string(rune('a'+i))) {
			t.Fatal("wrong token accepted")
		}
	}
	if !gate.Blocked(r) {
		t.Fatal("client not blocked after repeated failures")
	}
	if gate.CheckFrom(r, "correct-horse-battery") {
		t.Error("a blocked client got in with the right token")
	}
	other := httptest.NewRequest("GET", "/", nil)
	other.RemoteAddr = "198.51.100.1:1"
	if !gate.CheckFrom(other, "correct-horse-battery") {
		t.Error("another client was blocked too")
	}
}

// A sign-in cookie holds an expiry and its MAC, not the token: it works until it
// expires, on any node with the same token, and not once altered.
func TestSession(t *testing.T) {
	g, _ := NewGate("correct-horse-battery", "")
	other, _ := NewGate("another-token-entirely", "")
	now := time.Now()
	v := g.Session(now.Add(time.Hour))
	if strings.Contains(v, "correct-horse-battery") {
		t.Fatalf("session %q holds the token", v)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.AddCookie(&http.Cookie{Name: CookieName, Value: v})
	if !g.IsStaff(r) {
		t.Error("a fresh session is refused")
	}
	again, _ := NewGate("correct-horse-battery", "")
	if !again.IsStaff(r) {
		t.Error("another node with the same token refuses the session")
	}
	if other.IsStaff(r) {
		t.Error("a node with another token accepts the session")
	}
	if g.checkSession(r, v, now.Add(2*time.Hour)) {
		t.Error("an expired session is accepted")
	}
	later := strings.Replace(v, "s1.", "s1.9", 1) // a later expiry under the old MAC
	if g.checkSession(r, later, now) {
		t.Error("a session with its expiry changed is accepted")
	}
}

// Verify tells the public (no credentials) from staff and from credentials that are
// not staff's; the bearer scheme is case-insensitive and other schemes are not read.
func TestVerify(t *testing.T) {
	const token = "correct-horse-battery"
	gate, _ := NewGate(token, "")
	other, _ := NewGate("another-token-entirely", "")
	open, _ := NewGate("", "")
	req := func(auth string, cookie string) *http.Request {
		r := httptest.NewRequest("GET", "/", nil)
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		if cookie != "" {
			r.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
		}
		return r
	}
	session := gate.Session(time.Now().Add(time.Hour))
	for _, tt := range []struct {
		g            *Gate
		auth, cookie string
		want         Verdict
	}{
		{gate, "", "", Public},
		{gate, "Basic dXNlcjpwYXNz", "", Public},
		{gate, "Bearer " + token, "", Staff},
		{gate, "bearer " + token, "", Staff},
		{gate, "BEARER " + token, "", Staff},
		{gate, "  Bearer   " + token + "  ", "", Staff},
		{gate, "", session, Staff},
		{gate, "", token, Staff},
		{gate, "Bearer " + token + "x", "", Invalid},
		{gate, "Bearer", "", Invalid},
		{gate, "bearer ", "", Invalid},
		{gate, "", other.Session(time.Now().Add(time.Hour)), Invalid},
		{gate, "", gate.Session(time.Now().Add(-time.Minute)), Invalid},
		{gate, "", "not-the-token", Invalid},
		{open, "Bearer " + token, "", Invalid},
		{open, "", session, Invalid},
		{open, "", "", Public},
	} {
		if got := tt.g.Verify(req(tt.auth, tt.cookie)); got != tt.want {
			t.Errorf("Verify(%q, cookie %q) = %d, want %d", tt.auth, tt.cookie, got, tt.want)
		}
	}
	// A client refused after too many wrong tokens is Blocked, even with the right one.
	g, _ := NewGate(token, "")
	for i := 0; i < MaxFailures; i++ {
		g.Verify(req("Bearer guess", ""))
	}
	if got := g.Verify(req("Bearer "+token, "")); got != Blocked {
		t.Errorf("after %d wrong tokens: %d, want Blocked", MaxFailures, got)
	}
	if got := g.Verify(req("", "")); got != Public {
		t.Errorf("the blocked client without credentials: %d, want Public", got)
	}
}
