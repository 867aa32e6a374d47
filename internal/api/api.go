// Package api serves the JSON API of SPEC "HTTP API". Errors are
// {"error":{"code":…,"message":…}} with a 4xx/5xx status; handlers never leak
// internal details, which go to the log.
package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/pathvar"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

// Handler holds what the API handlers need.
type Handler struct {
	Svc  *service.Service
	Gate *access.Gate
	Log  *slog.Logger
}

// MaxBody bounds a POST body.
const MaxBody = 1 << 20

func (h *Handler) viewer(r *http.Request) service.Viewer {
	return service.Viewer{Staff: h.Gate.IsStaff(r)}
}

// state acquires the current snapshot for one request.
func (h *Handler) state(w http.ResponseWriter, r *http.Request) (*service.State, func(), bool) {
	st, release, err := h.Svc.Acquire()
	if err != nil {
		h.fail(w, r, err)
		return nil, nil, false
	}
	return st, release, true
}

// JSON writes v with the given status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

type errorBody struct {
	Error errorObject `json:"error"`
}

type errorObject struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := problem.HTTPStatus(err)
	code, msg := problem.Code(err)
	body := errorBody{Error: errorObject{Code: code, Message: msg}}
	if p, ok := problem.As(err); ok {
		body.Error.Param = p.Param
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	}
	if status >= 500 && status != 503 {
		h.Log.Error("api error", "path", r.URL.Path, "err", err)
	}
	JSON(w, status, body)
}

// BadEncoding names the first parameter whose name or value is not readable text:
// invalid UTF-8, or holding U+FFFD, which the server's query filter puts in place of
// bytes that are neither UTF-8 nor GB18030 (%ff%fe). Such a value is refused rather
// than searched for or echoed as garbled or empty text. The pages make the same check.
func BadEncoding(v url.Values) (param string, bad bool) {
	for _, k := range slices.Sorted(maps.Keys(v)) {
		if !isText(k) {
			return strings.ToValidUTF8(k, "\uFFFD"), true
		}
		for _, s := range v[k] {
			if !isText(s) {
				return k, true
			}
		}
	}
	return "", false
}

func isText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError)
}

// textParams answers a request whose query holds a parameter that is not text.
func (h *Handler) textParams(w http.ResponseWriter, r *http.Request) bool {
	if p, bad := BadEncoding(r.URL.Query()); bad {
		h.fail(w, r, problem.Invalidf(p, "参数 %s 含有无法识别的字符，应为 UTF-8 编码的文字", p))
		return false
	}
	return true
}

func (h *Handler) asof(w http.ResponseWriter, r *http.Request) (model.Date, bool) {
	if !h.textParams(w, r) {
		return 0, false
	}
	d, err := search.DateParam(r.URL.Query(), "asof", h.Svc.Today())
	if err != nil {
		h.fail(w, r, err)
		return 0, false
	}
	return d, true
}

// answer runs f on the current snapshot with the request's as-of date and writes
// what it returns as JSON, or its error.
func (h *Handler) answer(w http.ResponseWriter, r *http.Request, f func(st *service.State, d model.Date) (any, error)) {
	d, ok := h.asof(w, r)
	if !ok {
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	v, err := f(st, d)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	JSON(w, http.StatusOK, v)
}

// Search is GET /api/search.
func (h *Handler) Search(w http.ResponseWriter, r *http.Request) {
	if !h.textParams(w, r) {
		return
	}
	q, err := search.FromValues(r.URL.Query(), h.Svc.Today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.answer(w, r, func(st *service.State, _ model.Date) (any, error) { return st.Search(r.Context(), q, h.viewer(r)) })
}

// Work is GET /api/works/{work_id}.
func (h *Handler) Work(w http.ResponseWriter, r *http.Request) {
	h.answer(w, r, func(st *service.State, d model.Date) (any, error) {
		return st.Work(pathvar.Get(r, "work_id"), d, h.viewer(r))
	})
}

// Version is GET /api/works/{work_id}/versions/{version_id}.
func (h *Handler) Version(w http.ResponseWriter, r *http.Request) {
	h.answer(w, r, func(st *service.State, d model.Date) (any, error) {
		return st.Version(pathvar.Get(r, "work_id"), pathvar.Get(r, "version_id"), d, h.viewer(r))
	})
}

// Diff is GET /api/works/{work_id}/diff?from=&to=.
func (h *Handler) Diff(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	h.answer(w, r, func(st *service.State, d model.Date) (any, error) {
		return st.Diff(pathvar.Get(r, "work_id"), q.Get("from"), q.Get("to"), d, h.viewer(r))
	})
}

// validityRequest is the POST /api/validity body.
type validityRequest struct {
	Items []string `json:"items"`
	AsOf  string   `json:"asof"`
}

// Validity is GET /api/validity?q=…&asof=… (q repeated, or one item per line) and
// POST /api/validity {"items":[…],"asof":"…"}.
func (h *Handler) Validity(w http.ResponseWriter, r *http.Request) {
	if !h.textParams(w, r) {
		return
	}
	var items []string
	asof := r.URL.Query().Get("asof")
	if r.Method == http.MethodPost {
		if !declaresJSON(r) {
			h.fail(w, r, problem.New(problem.Unsupported, "请求体应为 JSON（Content-Type: application/json），收到 %s", r.Header.Get("Content-Type")))
			return
		}
		var req validityRequest
		// Fields other than items and asof are ignored, so a client may send more
		// (an id of its own, a field of a later version) without being refused.
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
		err := dec.Decode(&req)
		if err == nil {
			// One object and nothing after it: a second value or stray text means the
			// body is not what the client thinks it sent.
			if extra := dec.Decode(&json.RawMessage{}); extra != io.EOF {
				err = errors.New("请求体在 JSON 对象之后还有内容")
				if extra != nil && errors.As(extra, new(*http.MaxBytesError)) {
					err = extra
				}
			}
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				h.fail(w, r, problem.New(problem.TooLarge, "请求体超过 %d 字节", MaxBody))
				return
			}
			h.fail(w, r, problem.Invalidf("body", "%s", validityBodyMessage(err)))
			return
		}
		items = req.Items
		if req.AsOf != "" {
			asof = req.AsOf
		}
	} else {
		for _, q := range r.URL.Query()["q"] {
			items = append(items, SplitLines(q)...)
		}
	}
	if len(items) == 0 {
		h.fail(w, r, problem.Invalidf("q", "请提供至少一个发文字号或标题"))
		return
	}
	d, err := search.DateParam(map[string][]string{"asof": {asof}}, "asof", h.Svc.Today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	res, err := st.Validity(items, d, h.viewer(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	JSON(w, http.StatusOK, map[string]any{"asof": d, "results": res})
}

// validityBodyShape is the body POST /api/validity reads.
const validityBodyShape = `{"items":["…"],"asof":"YYYY-MM-DD"}`

// validityBodyMessage tells a client in Chinese what is wrong with a body that is not
// the JSON object POST /api/validity reads, without the decoder's Go wording.
func validityBodyMessage(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	what := ""
	switch {
	case errors.Is(err, io.EOF):
		what = "请求体为空"
	case errors.Is(err, io.ErrUnexpectedEOF):
		what = "请求体不是完整的 JSON"
	case errors.As(err, &syntax):
		what = fmt.Sprintf("请求体不是有效的 JSON（第 %d 字节处有误）", syntax.Offset)
	case errors.As(err, &typ):
		switch field, _, _ := strings.Cut(typ.Field, "."); field {
		case "":
			return "请求体应为 JSON 对象：" + validityBodyShape
		case "items":
			what = "items 应为字符串数组，每项一个发文字号或标题"
		case "asof":
			what = "asof 应为 YYYY-MM-DD 格式的日期字符串"
		default:
			what = "字段 " + field + " 的类型不对"
		}
	default:
		what = err.Error() // our own messages, already in Chinese
	}
	return what + "。请求体应为 JSON 对象：" + validityBodyShape
}

// declaresJSON reports whether a request body may be read as JSON: application/json or
// another type with a +json suffix, no Content-Type at all, plain text, or a form type,
// which is what `curl -d '{"items":…}'` labels a body it is not told the type of (the
// body must still parse as JSON).
func declaresJSON(r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	switch mt {
	case "application/json", "text/plain", "application/x-www-form-urlencoded":
		return true
	}
	return strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// SplitLines splits pasted text into non-empty trimmed lines.
func SplitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Healthz is GET /healthz: the process is up.
func (h *Handler) Healthz(w http.ResponseWriter, r *http.Request) {
	JSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Readyz is GET /readyz: a snapshot is loaded and searchable.
func (h *Handler) Readyz(w http.ResponseWriter, r *http.Request) {
	st, release, err := h.Svc.Acquire()
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer release()
	c := st.Counts(h.viewer(r)) // the public does not learn how many restricted documents there are
	JSON(w, http.StatusOK, map[string]any{"status": "ready", "snapshot": st.Name, "built_at": st.BuiltAt,
		"versions": c.Versions, "works": c.Works})
}

// Forbidden answers a staff-only endpoint asked without the staff token.
func (h *Handler) Forbidden(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, problem.New(problem.Forbidden, "仅限工作人员访问，请提供工作人员令牌"))
}

// BadCredentials answers a request whose credentials are not staff's (v is
// access.Invalid or access.Blocked): 401, or 429 for a client refused after too many
// wrong tokens. It is never answered as the public: a client that sends a token
// expects staff's answer, and must learn that its token is wrong.
func (h *Handler) BadCredentials(w http.ResponseWriter, r *http.Request, v access.Verdict) {
	h.fail(w, r, BadCredentialsProblem(h.Gate, v))
}

// BadCredentialsProblem is the problem a request with credentials that are not
// staff's is told about, for the API and the pages alike.
func BadCredentialsProblem(g *access.Gate, v access.Verdict) error {
	switch {
	case v == access.Blocked:
		return problem.New(problem.TooMany, "令牌错误次数过多，请%d分钟后再试", int(access.FailWindow.Minutes()))
	case !g.Enabled():
		return problem.New(problem.Unauthorized, "本服务未开放工作人员访问，令牌无从核对；以公众身份访问请不要发送令牌")
	}
	return problem.New(problem.Unauthorized, "工作人员令牌不正确或登录已过期；请核对令牌后重试，以公众身份访问请不要发送令牌")
}

// NotFound answers unknown API paths.
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, problem.NotFoundf("没有这个接口：%s", r.URL.Path))
}

// MethodNotAllowed answers a known path with the wrong method.
func (h *Handler) MethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	JSON(w, http.StatusMethodNotAllowed, errorBody{Error: errorObject{Code: "method_not_allowed", Message: "不支持的请求方法 " + r.Method}})
}
