package api

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/changes"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
)

// formatOf is the export format a request asks for: the path's extension
// (/api/cleanup.csv) or the format parameter.
func formatOf(r *http.Request, allowed ...string) (string, error) {
	f := strings.TrimSpace(r.URL.Query().Get("format"))
	if i := strings.LastIndexByte(r.URL.Path, '.'); i > 0 && !strings.Contains(r.URL.Path[i:], "/") {
		ext := r.URL.Path[i+1:]
		if f != "" && f != ext {
			return "", problem.Invalidf("format", "format=%s 与路径后缀 .%s 不一致", f, ext)
		}
		f = ext
	}
	if f == "" {
		return allowed[0], nil
	}
	for _, a := range allowed {
		if f == a {
			return f, nil
		}
	}
	return "", problem.Invalidf("format", "format 应为 %s 之一，收到 %q", strings.Join(allowed, "、"), f)
}

// attachment names a download; the ASCII name is for old clients, the UTF-8 one (RFC 6266)
// for everyone else.
func attachment(w http.ResponseWriter, ascii, chinese string) {
	w.Header().Set("Content-Disposition", `attachment; filename="`+ascii+`"; filename*=UTF-8''`+url.PathEscape(chinese))
}

const (
	contentCSV  = "text/csv; charset=utf-8"
	contentXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// Cleanup is GET /api/cleanup (also .csv and .xlsx): the clean-up list, staff only.
func (h *Handler) Cleanup(w http.ResponseWriter, r *http.Request) {
	if !h.Gate.IsStaff(r) {
		h.fail(w, r, problem.New(problem.Forbidden, "定期清理清单仅限工作人员使用，请先登录"))
		return
	}
	format, err := formatOf(r, "json", "csv", "xlsx")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, ok := h.asof(w, r)
	if !ok {
		return
	}
	days, err := search.IntParam(r.URL.Query(), "days", 180, 0, 3660)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	list, err := st.Cleanup(d, days, h.viewer(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if format == "json" {
		JSON(w, http.StatusOK, list)
		return
	}
	// The list names restricted documents: no shared cache may keep it.
	w.Header().Set("Cache-Control", "no-store")
	var buf bytes.Buffer
	ctype := contentCSV
	if format == "csv" {
		err = list.WriteCSV(&buf)
	} else {
		ctype = contentXLSX
		err = list.WriteXLSX(&buf)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	attachment(w, "cleanup-"+d.String()+"."+format, "定期清理-"+d.String()+"."+format)
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	_, _ = buf.WriteTo(w)
}

// changeWindow reads since and until; since defaults to defSince days before until
// (required when defSince is negative).
func (h *Handler) changeWindow(q url.Values, defSince int) (since, until model.Date, kinds []changes.Kind, err error) {
	if until, err = search.DateParam(q, "until", h.Svc.Today()); err != nil {
		return
	}
	if strings.TrimSpace(q.Get("since")) == "" && defSince < 0 {
		return 0, 0, nil, problem.Invalidf("since", "请提供 since=YYYY-MM-DD")
	}
	if since, err = search.DateParam(q, "since", until.AddDays(-defSince)); err != nil {
		return
	}
	for _, k := range q["kind"] {
		kind, ok := changes.ParseKind(k)
		if !ok {
			return 0, 0, nil, problem.Invalidf("kind", "未知的变化类型 %q", k)
		}
		kinds = append(kinds, kind)
	}
	return since, until, kinds, nil
}

// ChangesResponse is GET /api/changes: the events of the window, newest first.
type ChangesResponse struct {
	Since     model.Date           `json:"since"`
	Until     model.Date           `json:"until"`
	Total     int                  `json:"total"`
	Truncated bool                 `json:"truncated"`
	Counts    map[changes.Kind]int `json:"counts"`
	Events    []changes.Event      `json:"events"`
}

// Changes is GET /api/changes?since=&until=.
func (h *Handler) Changes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	since, until, kinds, err := h.changeWindow(q, -1)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	limit, err := search.IntParam(q, "limit", 1000, 1, 10000)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	feed, err := st.Changes(since, until, kinds, h.viewer(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res := ChangesResponse{Since: feed.Since, Until: feed.Until, Total: len(feed.Events), Counts: feed.Counts, Events: feed.Events}
	if len(res.Events) > limit {
		res.Events, res.Truncated = res.Events[:limit], true
	}
	JSON(w, http.StatusOK, res)
}

// FeedWindowDays is the default window of the Atom feed.
const FeedWindowDays = 30

// Feed is GET /feed.atom: the change feed as Atom 1.0.
func (h *Handler) Feed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	since, until, kinds, err := h.changeWindow(q, FeedWindowDays)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	limit, err := search.IntParam(q, "limit", 100, 1, 1000)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	who := h.viewer(r)
	feed, err := st.Changes(since, until, kinds, who)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	events := feed.Events[:min(limit, len(feed.Events))]
	var buf bytes.Buffer
	if err := feed.WriteAtom(&buf, events, changes.AtomOptions{
		Base: BaseURL(r), Self: r.URL.RequestURI(), Title: "规范库 · 文件变化", Now: changes.Midnight(until),
	}); err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Vary", "Authorization, Cookie") // staff see restricted works in the same URL
	if who.Staff {
		w.Header().Set("Cache-Control", "no-store")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=300")
	}
	_, _ = buf.WriteTo(w)
}

// BaseURL is the scheme and host the request reached, for absolute links.
func BaseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// flushWriter lets the catalogue writers push rows to the client as they go.
type flushWriter struct {
	http.ResponseWriter
	rc *http.ResponseController
}

func (f flushWriter) Flush() { _ = f.rc.Flush() }

// Catalogue is GET /api/catalog.csv and /api/catalog.jsonl: the public catalogue as of
// asof, streamed. It lists public works only, whoever asks.
func (h *Handler) Catalogue(w http.ResponseWriter, r *http.Request) {
	format, err := formatOf(r, "csv", "jsonl")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, ok := h.asof(w, r)
	if !ok {
		return
	}
	bom := false
	if s := r.URL.Query().Get("bom"); s != "" {
		if bom, err = strconv.ParseBool(s); err != nil {
			h.fail(w, r, problem.Invalidf("bom", "bom 应为 true 或 false"))
			return
		}
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	fw := flushWriter{ResponseWriter: w, rc: http.NewResponseController(w)}
	w.Header().Set("Cache-Control", "public, max-age=300")
	if format == "csv" {
		w.Header().Set("Content-Type", contentCSV)
		w.Header().Set("Content-Disposition", `inline; filename="catalog-`+d.String()+`.csv"`)
		err = st.CatalogueCSV(fw, d, BaseURL(r), bom)
	} else {
		w.Header().Set("Content-Type", "application/jsonl; charset=utf-8")
		err = st.CatalogueJSONL(fw, d, BaseURL(r))
	}
	if err != nil {
		// The status line is gone; the log says why the body stopped.
		h.Log.Warn("catalogue export interrupted", "format", format, "err", err)
	}
}
