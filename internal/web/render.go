package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
)

//go:embed templates/*.html
var templateFS embed.FS

// templates holds one parsed template set per page, each the layout plus the page.
type templates struct {
	pages map[string]*template.Template
}

func parseTemplates(as *assets) (*templates, error) {
	base, err := template.New("layout").Funcs(funcs(as)).ParseFS(templateFS, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name == "layout" || name == "partials" {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if t.pages[name], err = clone.ParseFS(templateFS, n); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// page is what the layout needs besides the page's own data.
type page struct {
	Title     string // the page's part of <title>; the site name is added
	Nav       string // the active navigation item: search, check, staff
	Staff     bool
	StaffGate bool   // staff sign-in is configured
	Here      string // path and query of this page, where sign-in returns to
	Query     string // the search box's value in the header
	AsOf      string // the as-of date chosen on this page (YYYY-MM-DD), kept by the header's search and links
	Data      any
}

// render writes a page. It renders into a buffer first, so a template failure becomes
// a clean error page rather than half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t, ok := h.tmpl.pages[name]
	if !ok {
		h.log.Error("no such template", "name", name)
		http.Error(w, "服务器内部错误", http.StatusInternalServerError)
		return
	}
	if status != http.StatusUnauthorized && status != http.StatusTooManyRequests {
		// (A refused request's credentials were read once already: reading them again
		// would count a wrong token twice against the client.)
		p.Staff = h.gate.IsStaff(r)
	}
	p.StaffGate = h.gate.Enabled()
	if p.Here == "" {
		p.Here = r.URL.RequestURI()
	}
	if p.AsOf == "" {
		p.AsOf = chosenAsOf(r)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		h.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		if name != "error" {
			h.fail(w, r, err)
			return
		}
		http.Error(w, "服务器内部错误", http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	// Pages differ for staff (restricted documents), so no shared cache may keep them.
	hd.Set("Cache-Control", "private, no-cache")
	hd.Set("Vary", "Cookie, Authorization")
	if p.Staff {
		hd.Set("Cache-Control", "private, no-store")
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// chosenAsOf is the as-of date a request names (YYYY-MM-DD), or "". A date chosen to
// see the library as it stood (查看某日有效的文件) stays chosen when the reader
// searches again from the header or goes to another page, even from an error page
// (unless the date is what was wrong).
func chosenAsOf(r *http.Request) string {
	if r.URL.Query().Get("asof") == "" {
		return ""
	}
	d, err := search.DateParam(r.URL.Query(), "asof", 0)
	if err != nil {
		return ""
	}
	return d.String()
}

// errorView is what the error page shows.
type errorView struct {
	Status  int
	Heading string
	Message string
	AsOfQ   string // the chosen date for the page's links
	SignIn  string // where to sign in again, when the credentials were refused
}

// fail answers with the Chinese error page for err; details of unexpected errors go
// to the log only.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := problem.HTTPStatus(err)
	_, msg := problem.Code(err)
	if p, ok := problem.As(err); ok {
		msg = userMessage(p)
	}
	ev := errorView{Status: status, Message: msg}
	if a := chosenAsOf(r); a != "" {
		ev.AsOfQ = "?" + url.Values{"asof": {a}}.Encode()
	}
	switch status {
	case http.StatusBadRequest:
		ev.Heading = "请求参数有误"
	case http.StatusUnauthorized:
		ev.Heading = "工作人员身份验证失败"
	case http.StatusTooManyRequests:
		ev.Heading = "尝试次数过多"
	case http.StatusForbidden:
		ev.Heading = "无权访问"
	case http.StatusNotFound:
		ev.Heading = "未找到"
	case http.StatusRequestEntityTooLarge:
		ev.Heading = "内容过多"
	case http.StatusServiceUnavailable:
		ev.Heading = "索引正在建立，请稍后再试"
		ev.Message = "文件库正在建立检索索引，通常只需几分钟。请稍后刷新本页。"
		w.Header().Set("Retry-After", "30")
	default:
		ev.Heading = "服务器内部错误"
		ev.Message = "页面暂时无法显示，请稍后再试。"
		h.log.Error("web error", "path", r.URL.Path, "err", err)
	}
	// The header's search box keeps the words searched for, to correct and search again.
	q := r.URL.Query().Get("q")
	if textProblem(url.Values{"q": {q}}) != nil || strings.ContainsAny(q, "\r\n") {
		q = "" // unreadable, or a pasted list of the batch check
	}
	h.render(w, r, status, "error", page{Title: ev.Heading, Query: strings.TrimSpace(q), Data: ev})
}

// userMessage is a problem's message as a page shows it. The search layer names a
// parameter as the API does (page 应为 1 到 10000 之间的整数); a reader of the page
// knows it by its words (页码应为…).
func userMessage(p *problem.Error) string {
	msg := p.Message
	if p.Kind != problem.Invalid {
		return msg
	}
	if name, ok := paramNames[p.Param]; ok {
		if rest, ok := strings.CutPrefix(msg, p.Param+" "); ok {
			msg = name + rest
		}
	}
	return strings.Replace(msg, "与 page 不能同时使用", "与页码不能同时使用", 1) // after 与 page
}

// paramNames are the request parameters in words, for messages about them.
var paramNames = map[string]string{
	"q": "检索词", "asof": "日期", "status": "效力状态", "level": "效力级别", "authority": "发文机关",
	"topic": "主题分类", "kind": "文件类型", "year": "年份", "from": "起始日期", "to": "截止日期",
	"sort": "排序方式", "page": "页码", "size": "每页条数", "after": "翻页游标", "days": "提前天数",
	"alt": "原文件序号", "only": "显示范围", "next": "返回地址",
}

// paramName is a parameter in words, or 参数 and its name when it has none.
func paramName(p string) string {
	if n, ok := paramNames[p]; ok {
		return n
	}
	if strings.ContainsRune(p, utf8.RuneError) {
		return "链接中的参数名" // unreadable itself: not echoed
	}
	return "参数 " + p + " "
}

// NotFound answers unknown paths with the error page.
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, problem.NotFoundf("没有这个页面：%s", r.URL.Path))
}

// MethodNotAllowed answers a known page asked with the wrong method.
func (h *Handler) MethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	ev := errorView{Status: http.StatusMethodNotAllowed, Heading: "不支持的请求方式",
		Message: fmt.Sprintf("本页面不接受 %s 请求。", r.Method)}
	h.render(w, r, http.StatusMethodNotAllowed, "error", page{Title: ev.Heading, Data: ev})
}
