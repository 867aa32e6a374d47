package server

import (
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// statusWriter remembers the status and size of a response for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (to flush a stream).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// logRequests writes one log line per request.
func logRequests(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			sw := &statusWriter{ResponseWriter: w}
			next.ServeHTTP(sw, r)
			if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
				return
			}
			log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "bytes", sw.bytes,
				"ms", float64(time.Since(start).Microseconds())/1000)
		})
	}
}

// recoverPanics turns a handler panic into a 500 and a log entry; the process lives on.
func recoverPanics(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if p := recover(); p != nil {
					if p == http.ErrAbortHandler {
						panic(p)
					}
					log.Error("panic", "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
					http.Error(w, "服务器内部错误", http.StatusInternalServerError)
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// contentSecurityPolicy allows nothing inline and nothing from other origins.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// limitRequests bounds request bodies and gives every request a deadline; a streamed
// response (stream reports which) is not buffered by the deadline's handler.
func limitRequests(maxBody int64, timeout time.Duration, stream func(*http.Request) bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		limited := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body != nil {
				r.Body = http.MaxBytesReader(w, r.Body, maxBody)
			}
			next.ServeHTTP(w, r)
		})
		timed := http.TimeoutHandler(limited, timeout, "请求超时，请稍后再试")
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if stream(r) {
				limited.ServeHTTP(w, r)
				return
			}
			timed.ServeHTTP(w, r)
		})
	}
}

// utf8Query makes every query parameter valid UTF-8 before a handler reads it. Links
// from older government sites percent-encode their Chinese in GBK (%C9%FA%D3%FD for
// 生育): a value that is not UTF-8 but reads as GB18030 is taken as such; any other
// invalid byte becomes U+FFFD, so no page echoes a broken byte back.
func utf8Query(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if raw := r.URL.RawQuery; raw != "" {
			if fixed, changed := fixQuery(raw); changed {
				r2 := r.Clone(r.Context())
				r2.URL.RawQuery = fixed
				r = r2
			}
		}
		next.ServeHTTP(w, r)
	})
}

// fixQuery re-encodes a raw query whose values are not all valid UTF-8.
func fixQuery(raw string) (string, bool) {
	changed := false
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, v, _ := strings.Cut(p, "=")
		kk, err1 := url.QueryUnescape(k)
		vv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil || utf8.ValidString(kk) && utf8.ValidString(vv) {
			continue
		}
		parts[i] = url.QueryEscape(asUTF8(kk)) + "=" + url.QueryEscape(asUTF8(vv))
		changed = true
	}
	return strings.Join(parts, "&"), changed
}

func asUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	if d, err := simplifiedchinese.GB18030.NewDecoder().String(s); err == nil && utf8.ValidString(d) && !strings.ContainsRune(d, utf8.RuneError) {
		return d
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
