package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

// searchParams are the parameters of /search, the same as /api/search's; anything
// else in a URL is dropped from the links the page builds.
var searchParams = []string{"q", "asof", "status", "level", "authority", "topic", "kind", "year", "from", "to", "sort", "size"}

type searchView struct {
	Q            string
	AsOf         model.Date
	AsOfSet      bool
	AsOfQ        string // ?asof=… for links to documents, when the date was chosen
	Today        model.Date
	Res          *service.SearchResult
	Interps      *service.SearchResult // interpretations (政策解读) shown before the results
	InterpsURL   string
	Groups       []facetGroup
	Active       []chip
	ClearURL     string // the same words without any filter
	ClearAsOfURL string
	Start        int // the number of the first hit on the page
	Pages        []pageLink
	Prev         string
	Next         string
	LastPage     int
	PastLast     string    // the last page's link, when the page asked for is past it
	SortDate     bool      // the results are newest first
	ByDateOnly   bool      // no words to rank by relevance: the list is by date whatever was asked
	SortURLs     [2]string // relevance, date
	Notice       string
	AsOfForm     []hidden // what the as-of form carries over
	DateForm     []hidden // what the publish-date form carries over
	From, To     model.Date
}

type hidden struct{ Name, Value string }

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // an ellipsis between page numbers
}

// Search is GET /search.
func (h *Handler) Search(w http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query()
	if !h.textParams(w, r, raw) {
		return
	}
	q, err := search.FromValues(raw, h.svc.Today())
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
	cur := keep(raw)
	// Interpretations first: people understand them before the policy. Their search
	// runs beside the main one, and only where the library has any, since a search
	// that matches nothing tries ever looser matches before it gives up.
	var interps chan *service.SearchResult
	if q.Text != "" && q.Kind == "" && q.Offset == 0 && h.hasInterpretations(r.Context(), st, who) {
		interps = make(chan *service.SearchResult, 1)
		go func() {
			iq := q
			iq.Kind, iq.Offset, iq.Size, iq.NoFacets, iq.ExactOnly = string(model.KindInterpretation), 0, 3, true, true
			ir, err := st.Search(r.Context(), iq, who)
			if err != nil || len(ir.Hits) == 0 || ir.Match == "loose" {
				ir = nil // loosely related interpretations would mislead more than help
			}
			interps <- ir
		}()
	}
	res, err := st.Search(r.Context(), q, who)
	var ir *service.SearchResult
	if interps != nil {
		ir = <-interps // wait even on error: the search holds the snapshot
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &searchView{Q: q.Text, AsOf: q.AsOf, AsOfSet: raw.Get("asof") != "", Today: h.svc.Today(), Res: res,
		SortDate: q.SortDate, From: q.From, To: q.To, Interps: ir}
	v.AsOfQ = asofQuery(q.AsOf, v.AsOfSet)
	if ir != nil {
		v.InterpsURL = searchURL(with(cur, "kind", string(model.KindInterpretation)))
	}
	switch {
	case res.Total == 0:
	case res.Match == "partial":
		v.Notice = "未找到与“" + q.Text + "”完全匹配的文件，以下是部分词语匹配的结果。"
	case res.Match == "loose":
		v.Notice = "未找到与“" + q.Text + "”完全匹配的文件，以下是相近的结果，请注意核对。"
	}
	v.Groups, v.Active = facetGroups(cur, res.Facets, q)
	clear := url.Values{}
	for _, k := range []string{"q", "asof", "sort", "size"} {
		if s := cur.Get(k); s != "" {
			clear.Set(k, s)
		}
	}
	v.ClearURL = searchURL(clear)
	v.ClearAsOfURL = searchURL(without(cur, "asof"))
	v.Start = q.Offset + 1
	// Without words to match (no q, or only punctuation) the search layer lists newest
	// first: the control shows that, not a relevance that is not used.
	v.ByDateOnly = res.Match == "all"
	v.SortDate = v.SortDate || v.ByDateOnly
	v.SortURLs = [2]string{searchURL(without(cur, "sort")), searchURL(with(cur, "sort", "date"))}
	v.AsOfForm = hiddenFields(cur, "asof")
	v.DateForm = hiddenFields(cur, "from", "to")
	v.paginate(cur, res)
	title := "检索"
	if q.Text != "" {
		title = q.Text + " - 检索"
	}
	h.render(w, r, http.StatusOK, "search", page{Title: title, Nav: "search", Query: q.Text, Data: v})
}

// keep copies the search parameters of a request, without empty values and the page.
func keep(raw url.Values) url.Values {
	out := url.Values{}
	for _, k := range searchParams {
		for _, s := range raw[k] {
			if s != "" {
				out.Add(k, s)
			}
		}
	}
	return out
}

func searchURL(v url.Values) string {
	if len(v) == 0 {
		return "/search"
	}
	return "/search?" + v.Encode()
}

// with returns v with key set to val (and the page reset, as every link here changes
// the result set).
func with(v url.Values, key, val string) url.Values {
	out := clone(v)
	out.Set(key, val)
	return out
}

func without(v url.Values, keys ...string) url.Values {
	out := clone(v)
	for _, k := range keys {
		out.Del(k)
	}
	return out
}

func clone(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func hiddenFields(v url.Values, except ...string) []hidden {
	skip := map[string]bool{}
	for _, k := range except {
		skip[k] = true
	}
	var out []hidden
	for _, k := range searchParams {
		if skip[k] {
			continue
		}
		for _, s := range v[k] {
			out = append(out, hidden{k, s})
		}
	}
	return out
}

// paginate builds the page links: the first and last pages, and two either side of
// the current one.
func (v *searchView) paginate(cur url.Values, res *service.SearchResult) {
	size := max(res.Size, 1)
	last := int((res.Total + uint64(size) - 1) / uint64(size))
	last = min(last, search.MaxDepth/size)
	v.LastPage = last
	link := func(n int) string {
		if n == 1 {
			return searchURL(without(cur, "page"))
		}
		return searchURL(with(cur, "page", strconv.Itoa(n)))
	}
	if last >= 1 && res.Page > last {
		v.PastLast = link(last) // a page past the end: say so and link the last one
	}
	if last <= 1 {
		return
	}
	p := res.Page
	if p > 1 {
		v.Prev = link(p - 1)
	}
	if p < last {
		v.Next = link(p + 1)
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < p-2 || n > p+2) {
			continue
		}
		if prev != 0 && n > prev+1 {
			v.Pages = append(v.Pages, pageLink{Gap: true})
		}
		v.Pages = append(v.Pages, pageLink{N: n, URL: link(n), Current: n == p})
		prev = n
	}
}

// hasInterpretations says whether the viewer can see any interpretation at all,
// counted once per snapshot.
func (h *Handler) hasInterpretations(ctx context.Context, st *service.State, who service.Viewer) bool {
	key := st.Name + "|interpretations|" + strconv.FormatBool(who.Staff)
	if v, ok := h.counts.Load(key); ok {
		return v.(bool)
	}
	res, err := st.Search(ctx, search.Query{AsOf: h.svc.Today(), Kind: string(model.KindInterpretation), Size: 1, NoFacets: true}, who)
	if err != nil {
		return true // unknown: look for them
	}
	has := res.Total > 0
	h.counts.Store(key, has)
	return has
}
