// Package access decides who is asking: the public, or staff holding the token.
// The token is kept only as its SHA-256 and compared in constant time.
package access

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// CookieName carries a staff token for browsers after signing in at /staff/login.
const CookieName = "guifan_staff"

// Gate recognises staff requests.
type Gate struct {
	hash []byte // nil: no staff token configured, everyone is public

	mu    sync.Mutex
	fails map[string]*failures // by client address
}

// A client that gives a wrong token MaxFailures times within FailWindow is refused for
// the rest of the window, whatever token it sends: guessing the token is hopeless.
const (
	MaxFailures = 10
	FailWindow  = 10 * time.Minute
)

type failures struct {
	n     int
	since time.Time
}

// NewGate takes the plain token (hashed at once) or its SHA-256 in hex; both empty
// means there is no staff access.
func NewGate(token, sha256Hex string) (*Gate, error) {
	switch {
	case token != "" && sha256Hex != "":
		return nil, fmt.Errorf("give the staff token or its SHA-256, not both")
	case token != "":
		if len(token) < 12 {
			return nil, fmt.Errorf("the staff token must be at least 12 characters")
		}
		sum := sha256.Sum256([]byte(token))
		return &Gate{hash: sum[:]}, nil
	case sha256Hex != "":
		h, err := hex.DecodeString(strings.TrimSpace(sha256Hex))
		if err != nil || len(h) != sha256.Size {
			return nil, fmt.Errorf("the staff token hash must be 64 hex digits")
		}
		return &Gate{hash: h}, nil
	}
	return &Gate{}, nil
}

// Enabled reports whether staff access is configured at all.
func (g *Gate) Enabled() bool { return len(g.hash) > 0 }

// Check reports whether token is the staff token.
func (g *Gate) Check(token string) bool {
	if !g.Enabled() || token == "" {
		return false
	}
	sum := sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(sum[:], g.hash) == 1
}

// IsStaff reports whether the request carries the staff token, as a bearer token or
// in the sign-in cookie.
func (g *Gate) IsStaff(r *http.Request) bool {
	if !g.Enabled() {
		return false
	}
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return g.CheckFrom(r, strings.TrimSpace(strings.TrimPrefix(h, "Bearer ")))
	}
	if c, err := r.Cookie(CookieName); err == nil {
		return g.CheckFrom(r, c.Value)
	}
	return false
}

// CheckFrom checks a token sent by the request's client, counting failures per client.
func (g *Gate) CheckFrom(r *http.Request, token string) bool {
	client := clientOf(r)
	if g.Blocked(r) {
		return false
	}
	if g.Check(token) {
		return true
	}
	if token != "" && g.Enabled() {
		g.mu.Lock()
		if g.fails == nil {
			g.fails = map[string]*failures{}
		}
		f := g.fails[client]
		if f == nil || time.Since(f.since) > FailWindow {
			f = &failures{since: time.Now()}
			g.fails[client] = f
		}
		f.n++
		g.mu.Unlock()
	}
	return false
}

// Blocked reports whether the request's client has failed too often lately.
func (g *Gate) Blocked(r *http.Request) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	f := g.fails[clientOf(r)]
	if f == nil {
		return false
	}
	if time.Since(f.since) > FailWindow {
		delete(g.fails, clientOf(r))
		return false
	}
	return f.n >= MaxFailures
}

func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
