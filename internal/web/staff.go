package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/api"
	"github.com/guifan/guifan/internal/problem"
)

// staffSession is how long a staff sign-in lasts in a browser.
const staffSession = 12 * time.Hour

type loginView struct {
	Next     string
	Failed   bool
	Enabled  bool
	Logout   bool // the page was asked for to sign out
	SignedIn bool
}

// Login is GET and POST /staff/login. Posting the staff token sets a sign-in cookie
// (HttpOnly, SameSite=Strict, Secure over HTTPS) that holds an expiry and its MAC, not
// the token, and lasts staffSession.
func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	v := loginView{Enabled: h.gate.Enabled(), SignedIn: h.gate.IsStaff(r)}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			h.fail(w, r, problem.Invalidf("token", "无法读取提交的表单"))
			return
		}
		v.Next = safeNext(r.PostForm.Get("next"))
		token := strings.TrimSpace(r.PostForm.Get("token"))
		if h.gate.Blocked(r) {
			h.fail(w, r, problem.New(problem.TooMany, "尝试次数过多，请稍后再试"))
			return
		}
		if h.gate.CheckFrom(r, token) {
			http.SetCookie(w, &http.Cookie{Name: access.CookieName, Value: h.gate.Session(time.Now().Add(staffSession)), Path: "/",
				MaxAge: int(staffSession.Seconds()), HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteStrictMode})
			target := v.Next
			if target == "" {
				target = "/check"
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		h.log.Warn("staff sign-in refused", "remote", r.RemoteAddr)
		v.Failed = true
		status = http.StatusUnauthorized
		if !v.Enabled {
			status = http.StatusForbidden
		}
	} else {
		v.Next = safeNext(r.URL.Query().Get("next"))
	}
	h.render(w, r, status, "login", page{Title: "工作人员登录", Nav: "staff", Data: v})
}

// BadCredentials answers a page asked with credentials that are not staff's (v is
// access.Invalid or access.Blocked) with a Chinese 401 (or 429) page instead of the
// public page. A refused sign-in cookie is removed, so the browser is the public's
// again on its next request (or signs in anew); a bearer token is the client's to fix.
func (h *Handler) BadCredentials(w http.ResponseWriter, r *http.Request, v access.Verdict) {
	err := api.BadCredentialsProblem(h.gate, v)
	status := problem.HTTPStatus(err)
	_, msg := problem.Code(err)
	ev := errorView{Status: status, Message: msg}
	if _, bearer := access.BearerToken(r); !bearer {
		http.SetCookie(w, &http.Cookie{Name: access.CookieName, Value: "", Path: "/", MaxAge: -1,
			HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteStrictMode})
		ev.Message = "工作人员登录已过期或无效，已退出登录。刷新本页即以公众身份浏览，或重新登录。"
		if v == access.Blocked {
			ev.Message = msg
		}
	}
	switch status {
	case http.StatusUnauthorized:
		ev.Heading = "工作人员身份验证失败"
		if h.gate.Enabled() {
			ev.SignIn = "/staff/login"
			if next := safeNext(r.URL.RequestURI()); next != "" && r.Method == http.MethodGet {
				ev.SignIn += "?next=" + url.QueryEscape(next)
			}
		}
	default:
		ev.Heading = "尝试次数过多"
	}
	h.render(w, r, status, "error", page{Title: ev.Heading, Data: ev})
}

// Logout is POST /staff/logout (GET shows the sign-out button, so that a link from
// another site cannot sign anyone out).
func (h *Handler) Logout(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		h.render(w, r, http.StatusOK, "login", page{Title: "退出登录", Nav: "staff",
			Data: loginView{Enabled: h.gate.Enabled(), Logout: true}})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: access.CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// secure reports whether the browser reached the site over HTTPS, directly or through a
// proxy that says so: the sign-in cookie is then sent over HTTPS only.
func secure(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// safeNext keeps a return address only when it is a path on this site.
func safeNext(next string) string {
	if _, bad := api.BadEncoding(url.Values{"next": {next}}); bad || next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/staff/") {
		return ""
	}
	return next
}
