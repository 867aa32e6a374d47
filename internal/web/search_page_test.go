package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestHomePage(t *testing.T) {
	s := newSite(t)
	r := s.get(t, "/")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	// The fixture has 10 works in 11 versions, one of them restricted: the public
	// must not even learn that it exists.
	mustContain(t, r.Body, `lang="zh-CN"`, "数据更新至", "共 9 份文件 / 10 个版本", `href="#main"`, "办事主题")
	if r := s.getAs(t, "/", true); !strings.Contains(r.Body, "共 10 份文件 / 11 个版本") {
		t.Error("staff do not see the restricted document counted")
	}
	// Every topic shortcut is a search for documents in force.
	links := regexp.MustCompile(`<a href="(/search\?q=[^"]+)"><span class="t">([^<]+)</span>`).FindAllStringSubmatch(r.Body, -1)
	if len(links) < 10 {
		t.Fatalf("found %d topic shortcuts, want at least 10", len(links))
	}
	for _, l := range links {
		u, err := url.Parse(html.UnescapeString(l[1]))
		if err != nil {
			t.Fatal(err)
		}
		if u.Query().Get("q") == "" || u.Query().Get("status") != "现行有效" {
			t.Errorf("topic %s links to %s", l[2], l[1])
		}
	}
}

func TestSearchPage(t *testing.T) {
	s := newSite(t)
	r := s.get(t, q("/search", "q", "生育"))
	if r.Status != http.StatusOK {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	mustContain(t, r.Body,
		"某市城乡居民<mark>生育</mark>保险办法", // highlighted title, as HTML
		`<span class="badge st-inforce">现行有效</span>`,
		"某政规〔2022〕5号",
		"共 <strong>2</strong> 份文件", // the policy and its interpretation; not the restricted one
		`name="asof"`, "查看某日有效的文件",
	)
	mustNotContain(t, r.Body, "内部经办规程", "机密经办口令")
	// The interpretation is listed before the results.
	interp, hits := strings.Index(r.Body, `id="interps-h"`), strings.Index(r.Body, `class="hits"`)
	if interp < 0 || hits < 0 || interp > hits {
		t.Errorf("interpretations box at %d, results at %d: want the box first", interp, hits)
	}
	// Facets are links that add a filter.
	if !strings.Contains(r.Body, `href="/search?level=%E5%9C%B0%E6%96%B9%E6%94%BF%E5%BA%9C%E8%A7%84%E7%AB%A0&amp;q=%E7%94%9F%E8%82%B2"`) {
		t.Error("no level facet link adding level=地方政府规章")
	}
}

func TestSearchStatusDependsOnDate(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		asof       string
		badge      string
		facet      string // a status facet entry that must be offered
		notOffered string
	}{
		{"", `<span class="badge st-repealed">已废止</span>`, "已废止", "尚未生效"},
		{"2018-01-01", `<span class="badge st-inforce">现行有效</span>`, "现行有效", "已废止"},
	}
	for _, tc := range tests {
		path := q("/search", "q", "就业补贴试行办法")
		if tc.asof != "" {
			path = q("/search", "q", "就业补贴试行办法", "asof", tc.asof)
		}
		r := s.get(t, path)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: status %d", path, r.Status)
		}
		mustContain(t, r.Body, `<a href="/works/fx:work:jiuye-old`, tc.badge)
		facets := r.Body[strings.Index(r.Body, `id="filters"`):]
		mustContain(t, facets, `<span class="dot st-`, tc.facet)
		if strings.Contains(facets, ">"+tc.notOffered+" <span class=\"count\">") {
			t.Errorf("asof %q: status facet offers %s", tc.asof, tc.notOffered)
		}
	}
	// Following the status facet keeps the repealed one only.
	r := s.get(t, q("/search", "q", "就业", "status", "已废止"))
	mustContain(t, r.Body, `<a href="/works/fx:work:jiuye-old">`, "效力状态：已废止")
	mustNotContain(t, r.Body, `<a href="/works/fx:work:jiuye">`)
}

func TestSearchNoticeAndEmptyHelp(t *testing.T) {
	s := newSite(t)
	r := s.get(t, q("/search", "q", "生育 火星移民"))
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	mustContain(t, r.Body, "未找到与“生育 火星移民”完全匹配的文件")
	r = s.get(t, q("/search", "q", "生育", "level", "法律"))
	mustContain(t, r.Body, "没有找到符合条件的文件", "清除全部条件后再查")
	if strings.Contains(r.Body, "以下是") {
		t.Error("an empty result announces results below")
	}
	// A page past the last one says so and links the last page.
	r = s.get(t, q("/search", "q", "生育", "page", "40"))
	mustContain(t, r.Body, "第 40 页没有结果", "转到第 1 页")
	if strings.Contains(r.Body, "40/") {
		t.Error("the summary shows a page past the last")
	}
}

func TestBadParametersAre400(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{
		q("/search", "status", "有效吗"),
		q("/search", "asof", "2020-13-45"),
		q("/search", "page", "0"),
		q("/search", "size", "1000"),
		q("/search", "sort", "popular"),
		q("/search", "year", "二〇二〇"),
		q("/search", "level", "通知"),
		q("/search", "from", "2024-01-01", "to", "2020-01-01"),
		q("/search", "q", strings.Repeat("生育", 300)),
		q(work("fx:work:shengyu"), "asof", "yesterday"),
		q(work("fx:work:shengyu")+"/diff", "from", "no-such-version"),
		work("fx:work:script") + "/diff", // one version: nothing to compare
	} {
		r := s.get(t, path)
		if r.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", path, r.Status)
			continue
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: content type %s", path, r.Header.Get("Content-Type"))
		}
		mustContain(t, r.Body, "请求参数有误", "错误代码 400")
	}
}

func TestEscaping(t *testing.T) {
	s := newSite(t)
	pages := map[string]string{
		"query":    q("/search", "q", `<script>alert(1)</script>`),
		"hit":      q("/search", "q", "处理的通知"),
		"document": work("fx:work:script"),
		"check":    q("/check", "q", "<script>alert(2)</script>\n某办发〔2024〕9号"),
		"error":    "/works/%3Cscript%3Ealert(3)%3C%2Fscript%3E",
	}
	for name, path := range pages {
		r := s.get(t, path)
		if strings.Count(r.Body, "<script") != 1 || strings.Contains(r.Body, "<script>") {
			t.Errorf("%s: markup from the query or the text reached the page as a script", name)
		}
		if strings.Contains(r.Body, "<b>粗体</b>") {
			t.Errorf("%s: document markup rendered as HTML", name)
		}
	}
	mustContain(t, s.get(t, pages["query"]).Body, "&lt;script&gt;alert(1)&lt;/script&gt;")
	mustContain(t, s.get(t, pages["document"]).Body, "关于&lt;script&gt;alert(1)&lt;/script&gt;处理的通知", "&lt;b&gt;粗体&lt;/b&gt;")
}

func TestErrorPagesAndHeaders(t *testing.T) {
	s := newSite(t)
	r := s.get(t, "/no/such/page")
	if r.Status != http.StatusNotFound || !strings.Contains(r.Body, "未找到") || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Errorf("unknown page: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	if r := s.get(t, "/api/no-such"); !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		t.Errorf("unknown API path answered with %s", r.Header.Get("Content-Type"))
	}
	if r := s.get(t, work("no-such-work")); r.Status != http.StatusNotFound {
		t.Errorf("unknown work: %d", r.Status)
	}
	// Pages carry the CSP and put no script or style inline.
	inline := regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]|<style|\sstyle=|\son[a-z]+=`)
	for _, path := range []string{"/", q("/search", "q", "生育"), work("fx:work:shengyu"), work("fx:work:shengyu") + "/diff",
		q("/check", "q", "某政规〔2019〕3号"), "/staff/login", "/nope"} {
		r := s.get(t, path)
		if !strings.Contains(r.Header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: no CSP", path)
		}
		if m := inline.FindString(r.Body); m != "" {
			t.Errorf("%s: inline script or style %q", path, m)
		}
		if strings.Contains(r.Body, "http://") || strings.Contains(r.Body, "https://") {
			t.Errorf("%s: links to another origin", path)
		}
	}
	// Static files are served with their hash for long caching.
	r = s.get(t, "/static/style.css")
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/css") {
		t.Errorf("style.css: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	home := s.get(t, "/").Body
	m := regexp.MustCompile(`href="(/static/style\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(home)
	if m == nil {
		t.Fatal("no hashed stylesheet link")
	}
	if r := s.get(t, m[1]); !strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("hashed asset cache: %q", r.Header.Get("Cache-Control"))
	}
	// No folder is ever listed.
	for _, path := range []string{"/static/", "/static", "/files/", "/files/fx:work:shengyu/", "/static/../"} {
		if r := s.get(t, path); r.Status == http.StatusOK || strings.Contains(r.Body, `href="style.css"`) {
			t.Errorf("%s: %d lists a folder", path, r.Status)
		}
	}
}

func TestIndexNotReadyIs503(t *testing.T) {
	s := startSite(t, t.TempDir(), t.TempDir()) // an empty index folder, never built
	for _, path := range []string{"/", q("/search", "q", "生育"), work("fx:work:shengyu")} {
		r := s.get(t, path)
		if r.Status != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503", path, r.Status)
		}
		mustContain(t, r.Body, "索引正在建立，请稍后再试")
	}
}

// 即将到期 is counted like a status: the facet's count is what choosing it finds.
func TestExpiringFacetCount(t *testing.T) {
	s := newSite(t)
	r := s.get(t, q("/search", "asof", "2026-03-01"))
	mustContain(t, r.Body, `即将到期（180天内） <span class="count">1</span>`)
	var all, chosen struct {
		Total  int `json:"total"`
		Facets struct {
			Expiring int `json:"expiring"`
		} `json:"facets"`
	}
	for _, c := range []struct {
		path string
		v    any
	}{{q("/api/search", "asof", "2026-03-01"), &all}, {q("/api/search", "asof", "2026-03-01", "status", "即将到期"), &chosen}} {
		if err := json.Unmarshal([]byte(s.get(t, c.path).Body), c.v); err != nil {
			t.Fatal(err)
		}
	}
	if all.Facets.Expiring != 1 || chosen.Total != all.Facets.Expiring {
		t.Errorf("facet %d, choosing it finds %d", all.Facets.Expiring, chosen.Total)
	}
	// A year later it has lapsed: no 即将到期 to offer.
	if r := s.get(t, q("/search", "asof", "2027-03-01")); strings.Contains(r.Body, "即将到期（180天内）") {
		t.Error("即将到期 offered with nothing to find")
	}
}

// Chosen statuses are alternatives, 即将到期 among them: 已废止 with 即将到期 finds the
// repealed documents and those expiring soon, 现行有效 with 即将到期 every document in
// force; the API and the page agree, and the facets count what choosing finds.
func TestExpiringIsOneOfTheChosenStatuses(t *testing.T) {
	s := newSite(t)
	type result struct {
		Total int `json:"total"`
		Hits  []struct {
			WorkID string `json:"work_id"`
		} `json:"hits"`
		Facets struct {
			Status   map[string]int `json:"status"`
			Expiring int            `json:"expiring"`
		} `json:"facets"`
	}
	api := func(kv ...string) result {
		t.Helper()
		var r result
		if err := json.Unmarshal([]byte(s.get(t, q("/api/search", kv...)).Body), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	all := api("q", "某市")
	if all.Facets.Expiring != 1 || all.Facets.Status["已废止"] != 1 || all.Facets.Status["现行有效"] < 2 {
		t.Fatalf("fixture facets changed: %+v", all.Facets)
	}
	both := api("q", "某市", "status", "已废止", "status", "即将到期")
	var ids []string
	for _, h := range both.Hits {
		ids = append(ids, h.WorkID)
	}
	if both.Total != 2 || !contains(ids, "fx:work:jiuye-old") || !contains(ids, "fx:work:jiuye") {
		t.Errorf("已废止 or 即将到期: %d hits %v, want the repealed one and the expiring one", both.Total, ids)
	}
	if both.Facets.Expiring != all.Facets.Expiring || both.Facets.Status["已废止"] != all.Facets.Status["已废止"] {
		t.Errorf("status facets change with the statuses chosen: %+v, unfiltered %+v", both.Facets, all.Facets)
	}
	if r := api("q", "某市", "status", "现行有效", "status", "即将到期"); r.Total != all.Facets.Status["现行有效"] {
		t.Errorf("现行有效 or 即将到期: %d hits, want the %d in force", r.Total, all.Facets.Status["现行有效"])
	}
	if r := api("q", "某市", "status", "现行有效,即将到期"); r.Total != all.Facets.Status["现行有效"] {
		t.Errorf("status=现行有效,即将到期: %d hits, want the %d in force", r.Total, all.Facets.Status["现行有效"])
	}
	page := s.get(t, q("/search", "q", "某市", "status", "已废止", "status", "即将到期"))
	mustContain(t, page.Body, "共 <strong>2</strong> 份文件", `<a href="/works/fx:work:jiuye-old">`, `<a href="/works/fx:work:jiuye">`,
		"效力状态：已废止", "效力状态：即将到期")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A query of 10,000 characters (some 90 KB in the URL) reaches the handlers, which
// refuse it as they refuse any over-long query: a JSON error from the API, an error
// page from /search, not the bare 431 of the HTTP server.
func TestVeryLongQueryIsRefusedByTheHandler(t *testing.T) {
	s := newSite(t)
	long := strings.Repeat("生育保险待遇", 10000/6+1)[:10000*3]
	r := s.get(t, q("/api/search", "q", long))
	var body struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if r.Status != http.StatusBadRequest || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("/api/search: status %d, %s", r.Status, r.Header.Get("Content-Type"))
	}
	if err := json.Unmarshal([]byte(r.Body), &body); err != nil || body.Error.Code != "invalid_parameter" || !strings.Contains(body.Error.Message, "检索词过长（10000 字）") {
		t.Errorf("/api/search: %v %s", err, r.Body[:min(len(r.Body), 300)])
	}
	r = s.get(t, q("/search", "q", long))
	if r.Status != http.StatusBadRequest || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("/search: status %d, %s", r.Status, r.Header.Get("Content-Type"))
	}
	mustContain(t, r.Body, "请求参数有误", "检索词过长（10000 字）")
}

// TestHeaderSearchKeepsAsOf: a reader who chose a date (查看某日有效的文件) and searches
// again from the header box keeps that date instead of silently going back to today.
func TestHeaderSearchKeepsAsOf(t *testing.T) {
	s := newSite(t)
	hidden := `<input type="hidden" name="asof" value="2020-01-01">`
	for _, path := range []string{
		q("/search", "q", "生育", "asof", "2020-01-01"),
		q(work("fx:work:shengyu"), "asof", "2020-01-01"),
	} {
		r := s.get(t, path)
		form := r.Body[strings.Index(r.Body, `<form class="topsearch"`):]
		form = form[:strings.Index(form, "</form>")]
		if !strings.Contains(form, hidden) {
			t.Errorf("%s: the header's search form lacks %s", path, hidden)
		}
	}
	r := s.get(t, q("/search", "q", "生育"))
	form := r.Body[strings.Index(r.Body, `<form class="topsearch"`):]
	if form = form[:strings.Index(form, "</form>")]; strings.Contains(form, `name="asof"`) {
		t.Error("without a chosen date the header's search form carries one")
	}
}

// Words the text in force no longer has, but an earlier version had, lead to that
// version: the page says which versions hold them, with their status, under a box of
// their own; as of a date when that version was in force, it is a hit like any other.
func TestSearchPageListsEarlierVersionsHoldingTheWords(t *testing.T) {
	s := newSite(t)
	q := url.Values{"q": {"分娩后六个月内"}}
	r := s.get(t, "/search?"+q.Encode())
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	mustContain(t, r.Body, `class="history"`, "历史版本中含有“分娩后六个月内”的文件",
		`href="/works/fx:work:shengyu/versions/fx:shengyu-2019"`, "已修改", "<mark>分娩后六个月内</mark>")
	mustNotContain(t, r.Body, "fx:shengyu-2022\"")
	q.Set("asof", "2020-01-01")
	r = s.get(t, "/search?"+q.Encode())
	mustNotContain(t, r.Body, `class="history"`)
	mustContain(t, r.Body, "<mark>分娩后六个月内</mark>")
	// The JSON API carries the same list.
	r = s.get(t, "/api/search?q="+url.QueryEscape("分娩后六个月内"))
	var res struct {
		Match   string
		History *struct {
			Total uint64
			Hits  []struct {
				VersionID string `json:"version_id"`
				Status    string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.Body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Match == "exact" || res.History == nil || res.History.Total != 1 || len(res.History.Hits) != 1 ||
		res.History.Hits[0].VersionID != "fx:shengyu-2019" || res.History.Hits[0].Status != "已修改" {
		t.Errorf("match %s, history %+v; want the 2019 version, 已修改", res.Match, res.History)
	}
}

// The error page speaks Chinese about the parameters (页码, not page), and its search
// box keeps the words searched for, and the date chosen.
func TestErrorPageMessagesAndSearchBox(t *testing.T) {
	s := newSite(t)
	for _, tc := range []struct{ path, want, bad string }{
		{q("/search", "q", "生育", "page", "0", "asof", "2020-01-01"), "页码应为 1 到 10000 之间的整数", "page 应为"},
		{q("/search", "q", "生育", "size", "1000"), "每页条数应为 1 到 100 之间的整数", "size 应为"},
		{q("/search", "q", "生育", "authority", strings.Repeat("某", 101)), "发文机关过长", "authority"},
		{q("/search", "q", "生育", "page", "2", "after", "x"), "翻页游标与页码不能同时使用", "after 与 page"},
		{q("/search", "q", "生育", "sort", "popular"), "排序方式", "sort"},
	} {
		r := s.get(t, tc.path)
		if r.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d", tc.path, r.Status)
			continue
		}
		msg := between(r.Body, `<p class="message">`, "</p>")
		if !strings.Contains(msg, tc.want) || strings.Contains(msg, tc.bad) {
			t.Errorf("%s: message %q, want %q without %q", tc.path, msg, tc.want, tc.bad)
		}
		mustContain(t, r.Body, `<input id="q-top" name="q" type="search" value="生育"`)
	}
	r := s.get(t, q("/search", "q", "生育", "page", "0", "asof", "2020-01-01"))
	mustContain(t, r.Body, `<input type="hidden" name="asof" value="2020-01-01">`)
	// A bad date is not carried on.
	r = s.get(t, q("/search", "q", "生育", "asof", "1700-01-01"))
	mustNotContain(t, r.Body, `name="asof" value="1700-01-01"`)
	// The staff clean-up list's own parameter.
	r = s.getAs(t, q("/staff/cleanup", "days", "-1"), true)
	if r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "提前天数应为 0 到") {
		t.Errorf("cleanup days=-1: status %d", r.Status)
	}
}

// With no words to rank by, the list is newest first, and the sort control says so
// rather than showing 相关度 chosen.
func TestSortControlShowsTheOrderUsed(t *testing.T) {
	s := newSite(t)
	const byRelevance, byDate = `<strong aria-current="true">相关度</strong>`, `<strong aria-current="true">发布日期</strong>`
	for _, path := range []string{"/search", q("/search", "status", "现行有效"), q("/search", "q", "，。")} {
		r := s.get(t, path)
		sort := between(r.Body, `<p class="sort">`, "</p>")
		if !strings.Contains(sort, byDate) || strings.Contains(sort, "相关度") {
			t.Errorf("%s: sort control %q, want 发布日期 alone", path, sort)
		}
		// And the list is indeed newest first.
		dates := regexp.MustCompile(`<span>发布 (\d+)年(\d+)月(\d+)日</span>`).FindAllStringSubmatch(r.Body, -1)
		day := func(m []string) int {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			return y*10000 + mo*100 + d
		}
		if len(dates) < 2 {
			t.Errorf("%s: %d dated hits", path, len(dates))
		}
		for i := 1; i < len(dates); i++ {
			if day(dates[i]) > day(dates[i-1]) {
				t.Errorf("%s: %s listed after %s", path, dates[i][0], dates[i-1][0])
			}
		}
	}
	r := s.get(t, q("/search", "q", "生育"))
	mustContain(t, between(r.Body, `<p class="sort">`, "</p>"), byRelevance, `>发布日期</a>`)
	r = s.get(t, q("/search", "q", "生育", "sort", "date"))
	mustContain(t, between(r.Body, `<p class="sort">`, "</p>"), byDate, `>相关度</a>`)
}
