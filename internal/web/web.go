// Package web serves the Chinese web pages of SPEC "Web UI": search, document pages,
// version comparison (新旧对照) and the batch validity check, rendered on the server
// so that every core flow works without JavaScript. Pages ask the service layer for
// everything they show, so access rules are the ones the JSON API enforces.
package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"sync"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/api"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

// Config is what the pages need.
type Config struct {
	Svc *service.Service
	// Gate tells staff from the public; nil means everyone is public.
	Gate *access.Gate
	// Library is the library folder original files are served from; "" serves none.
	Library string
	Log     *slog.Logger
}

// Handler serves the web pages.
type Handler struct {
	svc     *service.Service
	gate    *access.Gate
	library string
	log     *slog.Logger
	tmpl    *templates
	assets  *assets
	texts   *textCache
	counts  sync.Map // snapshot name and audience → currency, counted once
}

// New parses the templates and prepares the static assets.
func New(cfg Config) (*Handler, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Gate == nil {
		cfg.Gate, _ = access.NewGate("", "")
	}
	as, err := loadAssets()
	if err != nil {
		return nil, err
	}
	t, err := parseTemplates(as)
	if err != nil {
		return nil, err
	}
	return &Handler{svc: cfg.Svc, gate: cfg.Gate, library: cfg.Library, log: cfg.Log, tmpl: t, assets: as,
		texts: newTextCache(32)}, nil
}

func (h *Handler) viewer(r *http.Request) service.Viewer {
	return service.Viewer{Staff: h.gate.IsStaff(r)}
}

// state acquires the current snapshot for one request, or answers with the error page.
func (h *Handler) state(w http.ResponseWriter, r *http.Request) (*service.State, func(), bool) {
	st, release, err := h.svc.Acquire()
	if err != nil {
		h.fail(w, r, err)
		return nil, nil, false
	}
	return st, release, true
}

// asof reads the optional as-of date: the date and whether the request named one
// (links then carry it on).
func (h *Handler) asof(w http.ResponseWriter, r *http.Request) (model.Date, bool, bool) {
	if !h.textParams(w, r, r.URL.Query()) {
		return 0, false, false
	}
	v := r.URL.Query()
	d, err := search.DateParam(v, "asof", h.svc.Today())
	if err != nil {
		h.fail(w, r, err)
		return 0, false, false
	}
	return d, v.Get("asof") != "", true
}

// textParams answers with the error page a request with a parameter that is not
// readable text (api.BadEncoding: bytes that are neither UTF-8 nor GB18030), and
// reports whether the request may go on.
func (h *Handler) textParams(w http.ResponseWriter, r *http.Request, v url.Values) bool {
	if err := textProblem(v); err != nil {
		h.fail(w, r, err)
		return false
	}
	return true
}

func textProblem(v url.Values) error {
	if p, bad := api.BadEncoding(v); bad {
		return problem.Invalidf(p, "%s含有无法识别的字符，可能是链接或输入的文字编码有误，请重新输入", paramName(p))
	}
	return nil
}

// asofQuery is the query string that carries an explicit as-of date on to other pages.
func asofQuery(d model.Date, explicit bool) string {
	if !explicit {
		return ""
	}
	return "?" + url.Values{"asof": {d.String()}}.Encode()
}

// workURL and friends build links; ids are path-escaped since they may hold any character.
func workURL(id string) string { return "/works/" + url.PathEscape(id) }

func versionURL(workID, versionID string) string {
	return workURL(workID) + "/versions/" + url.PathEscape(versionID)
}

func fileURL(workID, versionID string) string {
	return "/files/" + url.PathEscape(workID) + "/" + url.PathEscape(versionID)
}

func diffURL(workID, from, to string, d model.Date, explicit bool) string {
	v := url.Values{}
	if from != "" {
		v.Set("from", from)
	}
	if to != "" {
		v.Set("to", to)
	}
	if explicit {
		v.Set("asof", d.String())
	}
	return workURL(workID) + "/diff?" + v.Encode()
}
