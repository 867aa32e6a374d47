package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/model"
)

// SPEC "Access": the public sees public documents only; a restricted document must not
// leak through search hits, facet counts, highlights, validity checks, diffs,
// relations or a guessed URL, and staff see everything.
//
// Each seed generates a library (access_library_test.go) and ingests it twice: whole,
// and bare — without the restricted records and without the public records that a
// restricted version or a same-titled restricted record makes part of a restricted
// work. Every route is then asked, as the public, with queries built from the
// restricted documents' titles, numbers, text markers and ids, and with every facet,
// filter, sort and page. The oracle: the whole library answers the public exactly as
// the bare one does, but for two differences. One is what SPEC's status table makes a
// restricted repeal, lapse, extension or amendment do to a public document: its
// status, reason and 有效期 (the public sees the status the restricted decision causes,
// never which document caused it), and what follows from them (status facets and
// filters, the order of results, status-change events); for those documents the
// answers are compared without these fields. The other is the order of results by
// relevance, which is scored with the statistics of the whole index: hits are compared
// as sets, and pages by their totals and facets. Every answer is also searched for the
// restricted documents' markers, numbers and ids. Staff, asking the same library, find
// every restricted document.

var accessToday = model.Date(20261127)

const accessStaffToken = "staff-token-for-access-tests"

func TestRestrictedDocumentsNeverReachThePublic(t *testing.T) {
	seeds := []int64{1, 2, 3}
	if testing.Short() {
		seeds = seeds[:1]
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { checkAccessSeed(t, seed) })
	}
}

// accessSite is one ingested library behind the full router.
type accessSite struct {
	h       http.Handler
	cat     *catalog.Catalog
	release func()
}

func openAccessSite(t *testing.T, lib, idx string) *accessSite {
	t.Helper()
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	rep, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx, RefusePrivate: true,
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("ingest errors: %+v", rep.Errors)
	}
	gate, err := access.NewGate(accessStaffToken, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Library: lib, Index: idx, NoIngest: true, Gate: gate, Today: func() time.Time { return accessToday.Time() }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Service().Reload(); err != nil {
		t.Fatal(err)
	}
	st, release, err := s.Service().Acquire()
	if err != nil {
		t.Fatal(err)
	}
	return &accessSite{h: s.http.Handler, cat: st.Catalog, release: func() { release(); s.Service().Close() }}
}

// accessRequest is one request, asked of both libraries.
type accessRequest struct {
	method, target string
	body, ctype    string
	staff          bool
	// api are the API requests whose answers this page renders ("POST <body>" for a
	// batch check): the page is compared whole when those answers are the same in both
	// libraries.
	api []string
}

type accessAnswer struct {
	code   int
	header http.Header
	body   []byte
}

func (s *accessSite) do(r accessRequest) accessAnswer {
	var body *strings.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	var req *http.Request
	if body != nil {
		req = httptest.NewRequest(r.method, r.target, body)
	} else {
		req = httptest.NewRequest(r.method, r.target, nil)
	}
	if r.ctype != "" {
		req.Header.Set("Content-Type", r.ctype)
	}
	if r.staff {
		req.Header.Set("Authorization", "Bearer "+accessStaffToken)
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return accessAnswer{code: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

func (s *accessSite) json(t *testing.T, r accessRequest, v any) {
	t.Helper()
	a := s.do(r)
	if a.code != http.StatusOK {
		t.Fatalf("%s %s: %d %s", r.method, r.target, a.code, a.body)
	}
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("%s: %v", r.target, err)
	}
}

// accessCheck holds what one seed's checks need.
type accessCheck struct {
	t          *testing.T
	lib        *accessLibrary
	whole      *accessSite
	bare       *accessSite
	affected   map[string]bool // public works whose status a restricted document decides
	secrets    []string
	restricted map[string]bool // restricted work and version ids
	hitCache   map[string][]any
	forms      map[string][]secretForm
	compared   int // answers compared whole
	loosely    int // answers compared without the status of affected works
}

func checkAccessSeed(t *testing.T, seed int64) {
	c := newAccessCheck(t, seed)
	defer c.close()
	c.staffSeesEverything()
	reqs := c.requests()
	// Staff ask first: what the caches keep (matches, totals and facet counts of a
	// query without text, the data-currency line) must not reach the public.
	for _, r := range reqs {
		if p := r.target; p == "/" || strings.HasPrefix(p, "/api/search") || strings.HasPrefix(p, "/search") {
			r.staff = true
			c.whole.do(r)
		}
	}
	for _, r := range reqs {
		c.compare(r)
	}
	c.pages()
	t.Logf("%d answers compared whole, %d without the status of %d works", c.compared, c.loosely, len(c.affected))
}

// newAccessCheck generates the library of seed and ingests it whole and bare.
func newAccessCheck(t *testing.T, seed int64) *accessCheck {
	lib := newAccessLibrary(seed, 30, 14)
	dir := t.TempDir()
	wholeLib, bareLib := filepath.Join(dir, "whole"), filepath.Join(dir, "bare")
	if err := lib.write(wholeLib, func(*accessRecord) bool { return true }); err != nil {
		t.Fatal(err)
	}
	whole := openAccessSite(t, wholeLib, filepath.Join(dir, "whole-index"))

	// Which public records the whole library made part of a restricted work, and which
	// works and versions are restricted.
	c := &accessCheck{t: t, lib: lib, whole: whole, affected: map[string]bool{}, restricted: map[string]bool{}, hitCache: map[string][]any{}}
	tainted := map[*accessRecord]bool{}
	for _, r := range lib.records {
		v := c.versionOf(r)
		if v == nil {
			t.Fatalf("record %v was not ingested", r.fields["id"])
		}
		w := whole.cat.Works[v.WorkID]
		if r.restricted || r.private {
			if w.Disclosure != model.Restricted {
				t.Fatalf("restricted record %v is in the public work %s", r.fields["id"], w.ID)
			}
		} else if w.Disclosure == model.Restricted {
			tainted[r] = true
		}
	}
	for id, w := range whole.cat.Works {
		if w.Disclosure != model.Restricted {
			continue
		}
		c.restricted[id] = true
		for _, vid := range w.VersionIDs {
			c.restricted[vid] = true
		}
	}
	if err := lib.write(bareLib, func(r *accessRecord) bool { return !r.restricted && !r.private && !tainted[r] }); err != nil {
		t.Fatal(err)
	}
	c.bare = openAccessSite(t, bareLib, filepath.Join(dir, "bare-index"))
	c.findAffected()
	c.findSecrets(tainted)
	t.Logf("seed %d: %d records, %d restricted works, %d public records in restricted works, %d public works whose status a restricted document decides, %d secrets",
		seed, len(lib.records), countTrue(c.restricted, whole.cat), len(tainted), len(c.affected), len(c.secrets))
	return c
}

func (c *accessCheck) close() {
	c.whole.release()
	c.bare.release()
}

func countTrue(ids map[string]bool, cat *catalog.Catalog) int {
	n := 0
	for id := range ids {
		if _, ok := cat.Works[id]; ok {
			n++
		}
	}
	return n
}

func (c *accessCheck) versionOf(r *accessRecord) *model.Version {
	if r.file == "" {
		v, _ := c.whole.cat.Version(r.fields["id"].(string))
		return v
	}
	for _, v := range c.whole.cat.Versions {
		if v.Source.Path == r.file {
			return v
		}
	}
	return nil
}

// findAffected lists the public works whose status, reason or 有效期 a restricted
// document decides: the targets of its repeals, lapses, extensions and amendments, and
// the public works resting on (依据) or explaining (解读) one of those.
func (c *accessCheck) findAffected() {
	cat := c.whole.cat
	for id, w := range cat.Works {
		if w.Disclosure == model.Restricted {
			continue
		}
		for _, r := range cat.Incoming(id) {
			switch r.Type {
			case model.Repeals, model.Lapses, model.Extends, model.Amends:
				if cat.Works[r.FromWork].Disclosure == model.Restricted {
					c.affected[id] = true
				}
			}
		}
	}
	for id, w := range cat.Works {
		if w.Disclosure == model.Restricted {
			continue
		}
		for _, r := range cat.Outgoing(id) {
			if (r.Type == model.Basis || r.Type == model.Interprets) && c.affected[r.TargetWork] {
				c.affected[id] = true
			}
		}
	}
}

// findSecrets lists what only restricted documents hold: their markers, numbers, titles,
// ids and the facet values only they use, less whatever a public record states too (a
// public notice may repeal a restricted one by its number).
func (c *accessCheck) findSecrets(tainted map[*accessRecord]bool) {
	var public strings.Builder
	for _, r := range c.lib.records {
		if !r.restricted && !r.private && !tainted[r] {
			b, _ := json.Marshal(r.fields)
			public.Write(b)
			public.WriteString(r.file)
			public.WriteByte('\n')
		}
	}
	pub := public.String()
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] && !strings.Contains(pub, s) {
			seen[s] = true
			c.secrets = append(c.secrets, s)
		}
	}
	for _, d := range c.lib.restricted {
		add(d.marker)
		add(d.textMarker)
		add(d.title)
		add(d.number)
		if i := strings.Index(d.number, "〕"); i >= 0 {
			add(d.number[i:]) // 〕7012号, in whatever form the number is written
		}
		add(d.key)
		add(d.formerName)
	}
	for id := range c.restricted {
		add(id)
	}
	add(accessSecretAuthority)
	add(accessSecretTopic)
	sort.Strings(c.secrets)
}

// secretForm is one way a secret may be written in an answer: as it is, or escaped
// in a URL, lower-cased (percent escapes and ids are compared without case).
type secretForm struct{ secret, form string }

// secretForms groups the forms of the secrets by their first bytes, which most share
// (内部标记甲乙丙, 机密正文丁戊, secret-): an answer without the prefix holds none of them.
func (c *accessCheck) secretForms() map[string][]secretForm {
	if c.forms != nil {
		return c.forms
	}
	c.forms = map[string][]secretForm{}
	for _, s := range c.secrets {
		for _, f := range []string{s, url.QueryEscape(s), url.PathEscape(s)} {
			f = strings.ToLower(f)
			key := f[:min(len(f), 6)]
			c.forms[key] = append(c.forms[key], secretForm{s, f})
		}
	}
	return c.forms
}

// leaks lists the secrets an answer holds that the request did not ask about itself.
func (c *accessCheck) leaks(r accessRequest, a accessAnswer) []string {
	asked, _ := url.QueryUnescape(r.target)
	asked += "\n" + r.target + "\n" + r.body
	if u, err := url.QueryUnescape(r.body); err == nil {
		asked += "\n" + u
	}
	var hdr strings.Builder
	for k, vs := range a.header {
		hdr.WriteString(k + ": " + strings.Join(vs, ",") + "\n")
	}
	// Cursors are opaque bytes in base64, where a short id may turn up by chance.
	body := nextRe.ReplaceAll(cursorRe.ReplaceAll(a.body, nil), nil)
	low := strings.ToLower(string(body) + "\n" + hdr.String())
	var out []string
	seen := map[string]bool{}
	for key, forms := range c.secretForms() {
		if !strings.Contains(low, key) {
			continue
		}
		for _, f := range forms {
			if !seen[f.secret] && strings.Contains(low, f.form) && !strings.Contains(asked, f.secret) {
				seen[f.secret] = true
				out = append(out, f.secret)
			}
		}
	}
	sort.Strings(out)
	return out
}

// staffSeesEverything: staff find each restricted document by its marker, number and
// id, and see every public document with the status the public sees.
func (c *accessCheck) staffSeesEverything() {
	t := c.t
	for _, d := range c.lib.restricted {
		var res struct {
			Hits []struct {
				WorkID string `json:"work_id"`
				Title  string `json:"title"`
			} `json:"hits"`
		}
		c.whole.json(t, accessRequest{method: "GET", target: "/api/search?size=100&q=" + url.QueryEscape(d.textMarker), staff: true}, &res)
		found := false
		for _, h := range res.Hits {
			found = found || c.restricted[h.WorkID]
		}
		if !found {
			t.Errorf("staff searching %s do not find the restricted document %s", d.textMarker, d.title)
		}
		var vr struct {
			Results []struct {
				WorkID     *string `json:"work_id"`
				Candidates int     `json:"candidates"`
			} `json:"results"`
		}
		// A number a public document shares may match that one first, with the other as
		// a candidate.
		c.whole.json(t, accessRequest{method: "GET", target: "/api/validity?q=" + url.QueryEscape(d.number), staff: true}, &vr)
		if len(vr.Results) != 1 || vr.Results[0].WorkID == nil || !c.restricted[*vr.Results[0].WorkID] && vr.Results[0].Candidates == 0 {
			t.Errorf("staff checking %s do not match the restricted document: %+v", d.number, vr.Results)
		}
	}
	for id := range c.restricted {
		if _, ok := c.whole.cat.Works[id]; !ok {
			continue
		}
		if a := c.whole.do(accessRequest{method: "GET", target: "/api/works/" + url.PathEscape(id), staff: true}); a.code != http.StatusOK {
			t.Errorf("staff cannot open the restricted work %s: %d", id, a.code)
		}
		if a := c.whole.do(accessRequest{method: "GET", target: "/works/" + url.PathEscape(id), staff: true}); a.code != http.StatusOK {
			t.Errorf("staff cannot open the page of the restricted work %s: %d", id, a.code)
		}
	}
	// A restricted decision's effect on a public document's status is the public's to
	// see: the status is the one staff see.
	for _, d := range c.dates() {
		for id, w := range c.whole.cat.Works {
			if w.Disclosure == model.Restricted || !c.affected[id] {
				continue
			}
			var pub, staff struct {
				Status string `json:"status"`
			}
			target := "/api/works/" + url.PathEscape(id) + "?asof=" + d.String()
			c.whole.json(t, accessRequest{method: "GET", target: target}, &pub)
			c.whole.json(t, accessRequest{method: "GET", target: target, staff: true}, &staff)
			if pub.Status != staff.Status {
				t.Errorf("%s: the public sees %s, staff %s", target, pub.Status, staff.Status)
			}
		}
	}
}

// dates are the as-of dates asked: today, and around each relation's date.
func (c *accessCheck) dates() []model.Date {
	seen := map[model.Date]bool{accessToday: true}
	out := []model.Date{accessToday}
	for i, r := range c.lib.relations {
		if !r.restricted || i%2 == 1 {
			continue
		}
		for _, d := range []model.Date{r.date.AddDays(-1), r.date, r.date.AddDays(1)} {
			if d != 0 && !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// ---- the requests ----

func get(target string) accessRequest { return accessRequest{method: "GET", target: target} }

func (c *accessCheck) requests() []accessRequest {
	var out []accessRequest
	add := func(r accessRequest) { out = append(out, r) }
	dates := c.dates()
	var texts []string // what the public may type
	for _, d := range c.lib.restricted {
		texts = append(texts, d.marker, d.textMarker, d.number, d.title, d.subject, strings.NewReplacer("〔", "[", "〕", "]").Replace(d.number))
		if d.formerName != "" {
			texts = append(texts, d.formerName)
		}
	}
	texts = append(texts, accessMarker, accessTextMarker, "内部", "青石内发", "")
	for i, d := range c.lib.public {
		if i%3 == 0 {
			texts = append(texts, d.title, d.number)
		}
	}
	texts = append(texts, accessSubjects...)
	// Search: every text, as of today and two other dates, with each kind of filter.
	filters := []url.Values{{}, {"sort": {"date"}}, {"size": {"100"}}, {"status": {"即将到期"}}, {"kind": {"解读"}}}
	for _, st := range []string{"现行有效", "尚未生效", "已修改", "已废止", "已失效"} {
		filters = append(filters, url.Values{"status": {st}})
	}
	for _, l := range []string{"行政规范性文件", "地方政府规章", accessSecretLevel, "其他"} {
		filters = append(filters, url.Values{"level": {l}})
	}
	for _, a := range append(append([]string{}, accessAuthors...), accessSecretAuthority) {
		filters = append(filters, url.Values{"authority": {a}})
	}
	for _, tp := range append(append([]string{}, accessTopics...), accessSecretTopic) {
		filters = append(filters, url.Values{"topic": {tp}})
	}
	years := map[int]bool{accessSecretYear: true, 2026: true}
	for _, d := range c.lib.restricted {
		years[d.publish.Year()] = true
	}
	for y := range years {
		filters = append(filters, url.Values{"year": {fmt.Sprint(y)}})
	}
	for _, d := range c.lib.restricted[:4] {
		filters = append(filters, url.Values{"from": {d.publish.String()}, "to": {d.publish.String()}})
	}
	sort.Slice(filters, func(i, j int) bool { return filters[i].Encode() < filters[j].Encode() })
	for i, text := range texts {
		for k, f := range filters {
			if (i+k)%5 != 0 && text != "" && len(f) > 0 {
				continue // every filter with a fifth of the texts, all with the empty query
			}
			q := url.Values{}
			for key, vs := range f {
				q[key] = vs
			}
			if text != "" {
				q.Set("q", text)
			}
			if d := dates[(i+k)%len(dates)]; d != accessToday {
				q.Set("asof", d.String())
			}
			c.searchRequests(q, (i+k)%4 == 0, add)
		}
	}
	// Documents: every work and version, public or restricted, by id, at each date.
	var works []string
	for id := range c.whole.cat.Works {
		works = append(works, id)
	}
	sort.Strings(works)
	for i, id := range works {
		w := c.whole.cat.Works[id]
		p := url.PathEscape(id)
		for k, d := range dates {
			if (i+k)%4 != 0 && d != accessToday {
				continue
			}
			asof := "?asof=" + d.String()
			api := "/api/works/" + p + asof
			add(get(api))
			add(accessRequest{method: "GET", target: "/works/" + p + asof, api: []string{api}})
			add(get("/api/works/" + p + "/diff" + asof))
			add(accessRequest{method: "GET", target: "/works/" + p + "/diff" + asof, api: []string{api, "/api/works/" + p + "/diff" + asof}})
		}
		for _, vid := range w.VersionIDs {
			v := url.PathEscape(vid)
			api := []string{"/api/works/" + p, "/api/works/" + p + "/versions/" + v}
			add(get(api[1]))
			add(accessRequest{method: "GET", target: "/works/" + p + "/versions/" + v, api: api})
			add(accessRequest{method: "GET", target: "/files/" + p + "/" + v, api: api})
			add(accessRequest{method: "HEAD", target: "/files/" + p + "/" + v, api: api})
			if len(w.VersionIDs) > 1 {
				diff := "/diff?from=" + url.QueryEscape(w.VersionIDs[0]) + "&to=" + url.QueryEscape(vid)
				add(get("/api/works/" + p + diff))
				add(accessRequest{method: "GET", target: "/works/" + p + diff, api: []string{"/api/works/" + p, "/api/works/" + p + diff}})
			}
		}
	}
	// A restricted version asked under a public work, and a diff against it.
	pubIDs, secIDs := []string{}, []string{}
	for _, id := range works {
		if c.restricted[id] {
			secIDs = append(secIDs, c.whole.cat.Works[id].VersionIDs...)
		} else {
			pubIDs = append(pubIDs, id)
		}
	}
	for i, sv := range secIDs {
		w := c.whole.cat.Works[pubIDs[i%len(pubIDs)]]
		p := url.PathEscape(w.ID)
		add(get("/api/works/" + p + "/versions/" + url.PathEscape(sv)))
		add(get("/api/works/" + p + "/diff?from=" + url.QueryEscape(w.VersionIDs[0]) + "&to=" + url.QueryEscape(sv)))
		add(get("/api/works/" + p + "/diff?from=" + url.QueryEscape(sv)))
		add(get("/works/" + p + "/versions/" + url.PathEscape(sv)))
		add(get("/files/" + p + "/" + url.PathEscape(sv)))
		add(get("/api/works/" + url.PathEscape(sv))) // a version id guessed as a work id
	}
	for _, d := range c.lib.restricted {
		if d.key != "" {
			add(get("/api/works/" + url.PathEscape(d.key)))
			add(get("/works/" + url.PathEscape(d.key)))
		}
	}
	// Validity: each restricted number, title and marker, and each public one, alone and
	// in one batch, by GET and POST, in the API and the /check page.
	var items []string
	for _, d := range c.lib.restricted {
		items = append(items, d.number, d.title, d.marker, "《"+d.title+"》", strings.NewReplacer("〔", "(", "〕", ")").Replace(d.number))
		if d.formerName != "" {
			items = append(items, d.formerName)
		}
	}
	for _, d := range c.lib.public {
		items = append(items, d.number, d.title)
	}
	for i, it := range items {
		d := dates[i%len(dates)]
		api := "/api/validity?q=" + url.QueryEscape(it) + "&asof=" + d.String()
		add(get(api))
		if i%3 == 0 {
			add(accessRequest{method: "GET", target: "/check?q=" + url.QueryEscape(it) + "&asof=" + d.String(), api: []string{api}})
		}
	}
	for i, d := range dates {
		if i%3 != 0 && d != accessToday {
			continue
		}
		batch, _ := json.Marshal(map[string]any{"items": items, "asof": d.String()})
		add(accessRequest{method: "POST", target: "/api/validity", body: string(batch), ctype: "application/json"})
		form := url.Values{"q": {strings.Join(items, "\n")}, "asof": {d.String()}}.Encode()
		api := []string{"POST " + string(batch)}
		add(accessRequest{method: "POST", target: "/check", body: form, ctype: "application/x-www-form-urlencoded", api: api})
		add(accessRequest{method: "POST", target: "/check.csv", body: form, ctype: "application/x-www-form-urlencoded", api: api})
	}
	// Changes, feeds, the catalogue and everything else.
	for _, d := range dates {
		w := "since=" + d.AddDays(-400).String() + "&until=" + d.AddDays(30).String()
		add(get("/api/changes?" + w))
		add(get("/feed.atom?" + w))
		add(get("/api/catalog.jsonl?asof=" + d.String()))
		add(get("/api/catalog.csv?asof=" + d.String()))
	}
	for _, k := range []string{"work_added", "version_added", "relation_added", "status_changed", "version_effective"} {
		add(get("/api/changes?since=2000-01-01&until=2030-12-31&kind=" + k))
		add(get("/feed.atom?since=2000-01-01&until=2030-12-31&kind=" + k))
	}
	for _, p := range []string{"/", "/healthz", "/readyz", "/metrics", "/api/openapi.json", "/api/cleanup", "/api/cleanup.csv",
		"/api/cleanup.xlsx", "/staff/cleanup", "/staff/login", "/check", "/robots.txt", "/sitemap.xml", "/api/search?q=&size=100"} {
		add(get(p))
	}
	return out
}

// searchRequests asks the API with q, on the first page and on a second page of
// three, and, for one query in four (pages render the same answers), the page.
func (c *accessCheck) searchRequests(q url.Values, page bool, add func(accessRequest)) {
	asks := []url.Values{q}
	if q.Get("size") == "" {
		q2 := url.Values{}
		for k, vs := range q {
			q2[k] = vs
		}
		q2.Set("size", "3")
		q2.Set("page", "2")
		asks = append(asks, q2)
	}
	for _, q := range asks {
		add(get("/api/search?" + q.Encode()))
		if page {
			add(accessRequest{method: "GET", target: "/search?" + q.Encode(), api: []string{"/api/search?" + q.Encode()}})
		}
	}
}

// ---- the oracle ----

var (
	timestampRe = regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})`)
	cursorRe    = regexp.MustCompile(`after=[A-Za-z0-9_%-]+`)
	tookRe      = regexp.MustCompile(`"took_ms":[0-9.e-]+`)
	snapshotRe  = regexp.MustCompile(`"snapshot":"[^"]*"`)
	pageTookRe  = regexp.MustCompile(`用时 [0-9.]+ 毫秒`)
	nextRe      = regexp.MustCompile(`"next":"[^"]*"`)
)

// volatile removes what differs between two ingests of the same documents: times,
// snapshot names and page cursors.
func (c *accessCheck) volatile(b []byte) []byte {
	b = timestampRe.ReplaceAll(b, []byte("<time>"))
	b = cursorRe.ReplaceAll(b, []byte("after=<cursor>"))
	b = tookRe.ReplaceAll(b, []byte(`"took_ms":0`))
	b = snapshotRe.ReplaceAll(b, []byte(`"snapshot":""`))
	b = pageTookRe.ReplaceAll(b, []byte("用时 0 毫秒"))
	return b
}

// compare asks r of both libraries as the public and reports any difference the
// restricted documents explain, and any secret in the whole library's answer.
func (c *accessCheck) compare(r accessRequest) {
	t := c.t
	t.Helper()
	w, b := c.whole.do(r), c.bare.do(r)
	name := r.method + " " + r.target
	if r.body != "" {
		name += " " + shorten(r.body, 120)
	}
	if leaked := c.leaks(r, w); len(leaked) > 0 {
		t.Errorf("%s: the public answer holds %q: %s", name, leaked, shorten(string(w.body), 600))
	}
	if w.code != b.code {
		t.Errorf("%s: status %d, %d without the restricted documents: %s", name, w.code, b.code, shorten(string(w.body), 300))
		return
	}
	same := true
	for _, api := range r.api {
		same = same && c.sameAnswer(api)
	}
	for _, h := range []string{"Content-Type", "Content-Disposition", "Cache-Control", "Vary", "Location", "Content-Length", "Allow"} {
		if h == "Content-Length" && (isJSON(w) || !same) {
			continue
		}
		if wv, bv := w.header.Get(h), b.header.Get(h); wv != bv {
			t.Errorf("%s: header %s %q, %q without the restricted documents", name, h, wv, bv)
		}
	}
	wb, bb := c.volatile(w.body), c.volatile(b.body)
	path := r.target
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	switch {
	case path == "/api/search" && w.code == http.StatusOK:
		c.compareSearch(name, r, wb, bb)
	case bytes.Equal(wb, bb):
		c.compared++
	case isJSON(w) || strings.HasSuffix(path, ".jsonl"):
		c.compareJSON(name, wb, bb)
	case strings.HasSuffix(path, ".csv"):
		c.compareCSV(name, wb, bb)
	case path == "/feed.atom":
		c.compareAtom(name, wb, bb)
	case !same:
		c.loosely++ // a page of an answer that differs, compared on its own; secrets were searched for above
	default:
		t.Errorf("%s: the answer differs from the one without the restricted documents:\n%s", name, firstDifference(wb, bb))
	}
}

func isJSON(a accessAnswer) bool {
	return strings.HasPrefix(a.header.Get("Content-Type"), "application/json")
}

// sameAnswer reports whether both libraries give the public the same answer to an API
// request ("POST <body>": a batch check).
func (c *accessCheck) sameAnswer(api string) bool {
	r := get(api)
	if body, ok := strings.CutPrefix(api, "POST "); ok {
		r = accessRequest{method: "POST", target: "/api/validity", body: body, ctype: "application/json"}
	}
	return bytes.Equal(c.volatile(c.whole.do(r).body), c.volatile(c.bare.do(r).body))
}

// statusFields are what a restricted repeal, lapse, extension or amendment may change
// in a public document's answer.
var statusFields = []string{"status", "status_reason", "expires_soon", "expiry_date", "source_claim", "partially_repealed",
	"repealed_articles", "from_status", "to_status", "summary", "reason", "current_version_id"}

// strip removes the status fields of every object about an affected work, and of what
// it holds.
func (c *accessCheck) strip(v any, inside bool) any {
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["work_id"].(string); ok && c.affected[id] {
			inside = true
		}
		if inside {
			for _, f := range statusFields {
				delete(x, f)
			}
		}
		for k, e := range x {
			x[k] = c.strip(e, inside)
		}
	case []any:
		for i, e := range x {
			x[i] = c.strip(e, inside)
		}
	}
	return v
}

func (c *accessCheck) affectedObject(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if id, ok := m["work_id"].(string); ok && c.affected[id] {
		return true
	}
	if rel, ok := m["related"].(map[string]any); ok {
		if id, ok := rel["work_id"].(string); ok && c.affected[id] {
			return true
		}
	}
	return false
}

// decodeAll reads a JSON value, or JSON Lines.
func decodeAll(b []byte) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var out []any
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return nil, err
		}
		out = append(out, v)
	}
}

// compareJSON compares two answers without the status of affected works; a change
// event of an affected work may be on one side only (a lapse the restricted extension
// prevents), and the counts with it.
func (c *accessCheck) compareJSON(name string, wb, bb []byte) {
	wv, err1 := decodeAll(wb)
	bv, err2 := decodeAll(bb)
	if err1 != nil || err2 != nil {
		c.t.Errorf("%s: not JSON: %v %v", name, err1, err2)
		return
	}
	norm := func(vs []any) []any {
		for _, v := range vs {
			if m, ok := v.(map[string]any); ok {
				if evs, ok := m["events"].([]any); ok {
					// The events of affected works left out, the counts are those of the rest.
					kept := []any{}
					counts := map[string]any{}
					for _, e := range evs {
						if !c.affectedObject(e) {
							kept = append(kept, e)
							k, _ := e.(map[string]any)["kind"].(string)
							n, _ := counts[k].(float64)
							counts[k] = n + 1
						}
					}
					if len(kept) != len(evs) || m["truncated"] == true {
						m["counts"], m["total"] = counts, float64(len(kept))
					}
					m["events"] = kept
				}
			}
			c.strip(v, false)
		}
		return vs
	}
	wv, bv = norm(wv), norm(bv)
	if !reflect.DeepEqual(wv, bv) {
		w, _ := json.Marshal(wv)
		b, _ := json.Marshal(bv)
		c.t.Errorf("%s: the answer differs from the one without the restricted documents:\n%s", name, firstDifference(w, b))
		return
	}
	c.loosely++
}

// compareSearch compares two result pages. Relevance ranks with the statistics of the
// whole index, restricted documents included, so the order of hits with a text query
// is not compared, nor which hits fill a page that is not the whole result. An
// affected work is left out of the hits; the total and the level, authority and year
// facets are compared without it (from the query's results on one page of 100), and
// the status facets and topics not at all when the results before the status filter
// hold one.
func (c *accessCheck) compareSearch(name string, r accessRequest, wb, bb []byte) {
	var wv, bv map[string]any
	if json.Unmarshal(wb, &wv) != nil || json.Unmarshal(bb, &bv) != nil {
		c.t.Errorf("%s: not JSON", name)
		return
	}
	q, _ := url.ParseQuery(r.target[strings.IndexByte(r.target, '?')+1:])
	relevance := q.Get("sort") != "date" && strings.TrimSpace(q.Get("q")) != ""
	complete := (q.Get("page") == "" || q.Get("page") == "1") && q.Get("after") == "" && wv["next"] == nil && bv["next"] == nil
	all, unfiltered := url.Values{}, url.Values{}
	for k, vs := range q {
		if k != "page" && k != "after" && k != "size" {
			all[k] = vs
			if k != "status" {
				unfiltered[k] = vs
			}
		}
	}
	all.Set("size", "100")
	unfiltered.Set("size", "100")
	touched := false
	for _, site := range []*accessSite{c.whole, c.bare} {
		for _, h := range c.hits(site, unfiltered) {
			touched = touched || c.affectedObject(h)
		}
	}
	norm := func(m map[string]any, site *accessSite) map[string]any {
		hits, _ := m["hits"].([]any)
		kept := []any{}
		for _, h := range hits {
			if !c.affectedObject(h) {
				kept = append(kept, h)
			}
		}
		// Documents of one date are in the order of the index's document numbers.
		byDate := func(i, j int) bool {
			di, dj := hitDate(kept[i]), hitDate(kept[j])
			return di > dj || di == dj && hitID(kept[i]) < hitID(kept[j])
		}
		switch {
		case !complete && (relevance || touched):
			kept = nil
		case !complete:
			for i, h := range kept {
				kept[i] = hitDate(h) // which of the documents of one date end a page is the index's choice
			}
		case relevance:
			sort.Slice(kept, func(i, j int) bool { return hitID(kept[i]) < hitID(kept[j]) })
		default:
			sort.SliceStable(kept, byDate)
		}
		m["hits"] = kept
		delete(m, "next")
		f, _ := m["facets"].(map[string]any)
		if !touched || f == nil {
			return m
		}
		delete(f, "status")
		delete(f, "expiring")
		delete(f, "topic")
		for _, h := range c.hits(site, all) {
			if !c.affectedObject(h) {
				continue
			}
			hm := h.(map[string]any)
			m["total"] = m["total"].(float64) - 1
			uncount(f, "level", hm["level"])
			for _, a := range hm["authority"].([]any) {
				uncount(f, "authority", a)
			}
			if d, ok := hm["publish_date"].(string); ok && len(d) >= 4 {
				uncount(f, "year", d[:4])
			}
		}
		return m
	}
	wv, bv = norm(wv, c.whole), norm(bv, c.bare)
	if !reflect.DeepEqual(wv, bv) {
		w, _ := json.Marshal(wv)
		b, _ := json.Marshal(bv)
		c.t.Errorf("%s: the results differ from those without the restricted documents (affected works left out):\n%s", name, firstDifference(w, b))
		return
	}
	if touched {
		c.loosely++
	} else {
		c.compared++
	}
}

func hitID(h any) string { id, _ := h.(map[string]any)["version_id"].(string); return id }

func hitDate(h any) string { d, _ := h.(map[string]any)["publish_date"].(string); return d }

func uncount(f map[string]any, facet string, value any) {
	m, _ := f[facet].(map[string]any)
	v, _ := value.(string)
	if n, ok := m[v].(float64); ok {
		if n <= 1 {
			delete(m, v)
		} else {
			m[v] = n - 1
		}
	}
}

// hits are the results of a search on one page of 100, kept per site and query.
func (c *accessCheck) hits(site *accessSite, q url.Values) []any {
	key := fmt.Sprintf("%p?%s", site, q.Encode())
	if h, ok := c.hitCache[key]; ok {
		return h
	}
	var res struct {
		Total int   `json:"total"`
		Hits  []any `json:"hits"`
	}
	site.json(c.t, get("/api/search?"+q.Encode()), &res)
	if res.Total > len(res.Hits) {
		c.t.Fatalf("%s: %d results, more than one page holds", q.Encode(), res.Total)
	}
	c.hitCache[key] = res.Hits
	return res.Hits
}

func (c *accessCheck) compareCSV(name string, wb, bb []byte) {
	read := func(b []byte) [][]string {
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			c.t.Errorf("%s: not CSV: %v", name, err)
		}
		if len(rows) == 0 {
			return nil
		}
		// Blank the status columns of the rows naming an affected work.
		var cols []int
		for i, h := range rows[0] {
			switch h {
			case "status", "status_reason", "expiry_date", "效力状态", "即将到期", "有效期至", "原因":
				cols = append(cols, i)
			}
		}
		for _, row := range rows[1:] {
			line := strings.Join(row, "\x00")
			for id := range c.affected {
				if strings.Contains(line, id) || strings.Contains(line, url.PathEscape(id)) {
					for _, i := range cols {
						if i < len(row) {
							row[i] = ""
						}
					}
				}
			}
		}
		return rows
	}
	w, b := read(wb), read(bb)
	if !reflect.DeepEqual(w, b) {
		var diff []string
		for i := range max(len(w), len(b)) {
			if i >= len(w) || i >= len(b) || !reflect.DeepEqual(w[i], b[i]) {
				diff = append(diff, fmt.Sprintf("row %d:\n  whole: %v\n  bare:  %v", i, w[min(i, len(w)-1)], b[min(i, len(b)-1)]))
			}
		}
		c.t.Errorf("%s: the rows differ from those without the restricted documents:\n%s", name, strings.Join(diff, "\n"))
		return
	}
	c.loosely++
}

var entryRe = regexp.MustCompile(`(?s)<entry>.*?</entry>`)

func (c *accessCheck) compareAtom(name string, wb, bb []byte) {
	entries := func(b []byte) []string {
		var out []string
		for _, e := range entryRe.FindAll(b, -1) {
			keep := true
			for id := range c.affected {
				if bytes.Contains(e, []byte("/works/"+url.PathEscape(id)+"<")) || bytes.Contains(e, []byte("/works/"+url.PathEscape(id)+"\"")) ||
					bytes.Contains(e, []byte("work/"+id+"/")) {
					keep = false
				}
			}
			if keep {
				out = append(out, string(e))
			}
		}
		return out
	}
	if w, b := entries(wb), entries(bb); !reflect.DeepEqual(w, b) {
		c.t.Errorf("%s: the feed differs from the one without the restricted documents:\n%s", name, firstDifference([]byte(strings.Join(w, "\n")), []byte(strings.Join(b, "\n"))))
		return
	}
	c.loosely++
}

// pages follows every page of a few searches, by page number and by cursor: together
// they hold the documents one large page holds, and no restricted one.
func (c *accessCheck) pages() {
	t := c.t
	for _, text := range []string{"", accessMarker, c.lib.restricted[0].subject, "青石县"} {
		for _, site := range []*accessSite{c.whole, c.bare} {
			all := c.ids(site, url.Values{"q": {text}, "size": {"100"}})
			var byPage, byCursor []string
			for p := 1; p <= 40; p++ {
				ids := c.ids(site, url.Values{"q": {text}, "size": {"3"}, "page": {fmt.Sprint(p)}})
				if len(ids) == 0 {
					break
				}
				byPage = append(byPage, ids...)
			}
			after := ""
			for range 40 {
				q := url.Values{"q": {text}, "size": {"3"}}
				if after != "" {
					q.Set("after", after)
				}
				var res struct {
					Hits []struct {
						VersionID string `json:"version_id"`
					} `json:"hits"`
					Next string `json:"next"`
				}
				site.json(t, get("/api/search?"+q.Encode()), &res)
				for _, h := range res.Hits {
					byCursor = append(byCursor, h.VersionID)
				}
				if after = res.Next; after == "" {
					break
				}
			}
			sort.Strings(all)
			sort.Strings(byPage)
			sort.Strings(byCursor)
			if !reflect.DeepEqual(all, byPage) || !reflect.DeepEqual(all, byCursor) {
				t.Errorf("q=%q: pages %v and cursors %v do not hold the results %v", text, byPage, byCursor, all)
			}
			for _, id := range all {
				if c.restricted[id] {
					t.Errorf("q=%q: the public finds the restricted version %s", text, id)
				}
			}
		}
	}
}

func (c *accessCheck) ids(site *accessSite, q url.Values) []string {
	var res struct {
		Hits []struct {
			VersionID string `json:"version_id"`
		} `json:"hits"`
	}
	site.json(c.t, get("/api/search?"+q.Encode()), &res)
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.VersionID)
	}
	return out
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// firstDifference shows where two answers part.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("whole: …%s\nbare:  …%s", shorten(string(a[from:]), 400), shorten(string(b[from:]), 400))
}
