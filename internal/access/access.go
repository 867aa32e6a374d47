// Package access decides who is asking: the public, or staff holding the token.
// The token is kept only as its SHA-256 and compared in constant time.
package access

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"strconv"
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
func (g *Gate) IsStaff(r *http.Request) bool { return g.Verify(r) == Staff }

// Verdict is what a request's credentials make of it.
type Verdict int

const (
	Public  Verdict = iota // no credentials: the public
	Staff                  // the staff token, or a staff sign-in that has not expired
	Invalid                // credentials that are not staff's: a wrong token, a forged or expired sign-in, any token where no staff token is configured
	Blocked                // credentials from a client that gave wrong ones too often lately
)

// BearerToken returns the token of an Authorization header of the Bearer scheme,
// whose name is case-insensitive (RFC 9110): Bearer, bearer and BEARER alike. Other
// schemes (Basic, as a proxy in front may send) are not the staff token's.
func BearerToken(r *http.Request) (token string, ok bool) {
	scheme, token, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// Verify reads the request's credentials: a bearer token, else the sign-in cookie (or
// the token itself in that cookie, as scripts may send it). A wrong one counts as a
// failed attempt of the client.
func (g *Gate) Verify(r *http.Request) Verdict {
	token, bearer := BearerToken(r)
	cookie := ""
	if c, err := r.Cookie(CookieName); err == nil {
		cookie = c.Value
	}
	if !bearer && cookie == "" {
		return Public
	}
	if !g.Enabled() {
		return Invalid
	}
	if g.Blocked(r) {
		return Blocked
	}
	ok := false
	switch {
	case bearer:
		ok = g.CheckFrom(r, token) // "Bearer" and nothing is invalid too, but no guess
	case strings.HasPrefix(cookie, sessionPrefix):
		ok = g.checkSession(r, cookie, time.Now())
	default:
		ok = g.CheckFrom(r, cookie)
	}
	if ok {
		return Staff
	}
	return Invalid
}

// sessionPrefix starts a sign-in cookie's value: s1.<expiry, Unix seconds>.<MAC>.
const sessionPrefix = "s1."

// Session is the cookie value of a staff sign-in that lasts until exp: the expiry and a
// MAC of it keyed by the token's hash, so the cookie never holds the token, and every
// node configured with the same token accepts it (replicas behind a load balancer).
func (g *Gate) Session(exp time.Time) string {
	s := sessionPrefix + strconv.FormatInt(exp.Unix(), 10)
	return s + "." + g.mac(s)
}

func (g *Gate) mac(s string) string {
	m := hmac.New(sha256.New, g.hash)
	m.Write([]byte("guifan staff session\x00" + s))
	return hex.EncodeToString(m.Sum(nil))
}

// checkSession accepts a session value made by Session that has not expired; a wrong
// MAC counts as a failed attempt like a wrong token.
func (g *Gate) checkSession(r *http.Request, v string, now time.Time) bool {
	if g.Blocked(r) {
		return false
	}
	i := strings.LastIndexByte(v, '.')
	if i < len(sessionPrefix) {
		return false
	}
	body, sum := v[:i], v[i+1:]
	if !hmac.Equal([]byte(sum), []byte(g.mac(body))) {
		g.fail(r)
		return false
	}
	exp, err := strconv.ParseInt(strings.TrimPrefix(body, sessionPrefix), 10, 64)
	return err == nil && now.Unix() < exp
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
		g.failClient(client)
	}
	return false
}

func (g *Gate) fail(r *http.Request) { g.failClient(clientOf(r)) }

func (g *Gate) failClient(client string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.fails == nil {
		g.fails = map[string]*failures{}
	}
	f := g.fails[client]
	if f == nil || time.Since(f.since) > FailWindow {
		f = &failures{since: time.Now()}
		g.fails[client] = f
	}
	f.n++
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
