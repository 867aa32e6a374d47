package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestHomePage(t *testing.T) {
	s := newSite(t)
	r := s.get(t, "/")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	// The fixture has 9 works in 10 versions, one of them restricted: the public
	// must not even learn that it exists.
	mustContain(t, r.Body, `lang="zh-CN"`, "数据更新至", "共 8 份文件 / 9 个版本", `href="#main"`, "办事主题")
	if r := s.getAs(t, "/", true); !strings.Contains(r.Body, "共 9 份文件 / 10 个版本") {
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
		q("/check", "q", "某政规〔2019〕3号", "asof", "2020-02-30"),
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

func TestWorkPage(t *testing.T) {
	s := newSite(t)
	r := s.get(t, work("fx:work:shengyu"))
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	mustContain(t, r.Body,
		"<h1>某市城乡居民生育保险办法</h1>",
		`<span class="badge st-inforce">现行有效</span>`, "现行版本为2022年6月1日公布的版本",
		"<dt>发文字号</dt><dd>某政规〔2022〕5号</dd>", "<dt>发文机关</dt><dd>某市人民政府</dd>",
		"<dt>施行日期</dt><dd>2022年7月1日</dd>", "<dt>效力级别</dt><dd>地方政府规章</dd>", "<dt>主题分类</dt><dd>生育、社保</dd>",
		`id="第七条"`, `href="#第七条"`, "本办法自2022年7月1日起施行", // the text in effect, with anchors
		`<h3 class="chap">第二章 待遇</h3>`, `class="toc"`, // chapters and their table of contents
		`href="/works/fx:work:shengyu/versions/fx:shengyu-2019"`, "与上一版本对照",
		`id="interpretations"`, `href="/works/fx:work:shengyu-jiedu"`, // the interpretation beside the policy
		`href="/files/fx:work:shengyu/fx:shengyu-2022"`,
	)
	// As of 2020 the 2019 text is the one in effect.
	r = s.get(t, q(work("fx:work:shengyu"), "asof", "2020-01-01"))
	mustContain(t, r.Body, "本办法自2019年5月1日起施行", "截至2020年1月1日",
		`href="/works/fx:work:shengyu/versions/fx:shengyu-2022?asof=2020-01-01"`)
	// Before its first version the work is not yet in force.
	r = s.get(t, q(work("fx:work:shengyu"), "asof", "2019-04-01"))
	mustContain(t, r.Body, `<span class="badge st-pending">尚未生效</span>`)
}

func TestVersionPage(t *testing.T) {
	s := newSite(t)
	r := s.get(t, work("fx:work:shengyu")+"/versions/fx:shengyu-2019")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	mustContain(t, r.Body, "每次定额补助二千元", `<span class="badge st-amended">已修改</span>`, "查看现行版本",
		`<dt>发文字号</dt><dd>某政规〔2019〕3号</dd>`)
	if r := s.get(t, work("fx:work:shengyu")+"/versions/fx:jiuye-2021"); r.Status != http.StatusNotFound {
		t.Errorf("another work's version: status %d, want 404", r.Status)
	}
}

func TestRelationsAndExpiry(t *testing.T) {
	s := newSite(t)
	r := s.get(t, work("fx:work:jiuye-old"))
	mustContain(t, r.Body, `<span class="badge st-repealed">已废止</span>`, "其他文件对本文件",
		`<a href="/works/fx:work:jiuye">《某市就业创业补贴暂行办法》（某人社规〔2021〕2号）</a>`, `<span class="rel-type">废止</span>本文件`,
		"同时废止。")
	r = s.get(t, work("fx:work:jiuye"))
	mustContain(t, r.Body, "本文件对其他文件", `<a href="/works/fx:work:jiuye-old">`, "即将到期", "<dt>有效期</dt><dd>至2026年6月30日</dd>")
	r = s.get(t, work("fx:work:yanglao"))
	mustContain(t, r.Body, `<span class="badge st-lapsed">已失效</span>`, "有效期至2024年12月31日届满")
	r = s.get(t, work("fx:work:shengyu-jiedu"))
	mustContain(t, r.Body, "本解读所解读的文件", `<a href="/works/fx:work:shengyu">某市城乡居民生育保险办法</a>`)
}

func TestRestrictedIsNotFoundForThePublic(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{
		work("fx:work:neibu"),
		work("fx:work:neibu") + "/versions/fx:neibu",
		work("fx:work:neibu") + "/diff",
		"/files/fx:work:neibu/fx:neibu",
	} {
		r := s.get(t, path)
		if r.Status != http.StatusNotFound {
			t.Errorf("public %s: status %d, want 404", path, r.Status)
		}
		mustNotContain(t, r.Body, "内部经办规程", "机密经办口令")
	}
	if r := s.getAs(t, work("fx:work:neibu"), true); r.Status != http.StatusOK || !strings.Contains(r.Body, "机密经办口令") {
		t.Errorf("staff: status %d, text shown %v", r.Status, strings.Contains(r.Body, "机密经办口令"))
	}
	r := s.get(t, q("/search", "q", "经办规程"))
	mustNotContain(t, r.Body, "内部经办规程")
	r = s.get(t, q("/check", "q", "某医保内〔2023〕1号"))
	mustContain(t, r.Body, `<tr class="notfound">`)
	mustNotContain(t, r.Body, "内部经办规程")
	r = s.getAs(t, q("/search", "q", "经办规程"), true)
	mustContain(t, r.Body, "某市生育保险内部<mark>经办规程</mark>", `<a href="/works/fx:work:neibu">`)
}

func TestDiffPage(t *testing.T) {
	s := newSite(t)
	r := s.get(t, work("fx:work:shengyu")+"/diff")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	mustContain(t, r.Body, "新旧对照",
		"每次定额补助<del>二</del>千元", "每次定额补助<ins>三千元；生育第三个子女的，补助五</ins>千元", // changed characters
		"分娩后<del>六</del>个月内", "分娩后<ins>十二</ins>个月内",
		`<option value="fx:shengyu-2019" selected>`, `<option value="fx:shengyu-2022" selected>`,
		`<tr class="op-added">`, "新增",
	)
	if !regexp.MustCompile(`修改 <strong>\d+</strong> 条 · 新增 <strong>[1-9]\d*</strong> 条`).MatchString(r.Body) {
		t.Error("no summary counts")
	}
	// Only the changed articles: the unchanged 第一条 goes.
	r = s.get(t, q(work("fx:work:shengyu")+"/diff", "from", "fx:shengyu-2019", "to", "fx:shengyu-2022", "only", "changed"))
	mustNotContain(t, r.Body, `<tr class="op-same">`)
	mustContain(t, r.Body, "显示全部条文")
}

func TestCheckPage(t *testing.T) {
	s := newSite(t)
	if r := s.get(t, "/check"); r.Status != http.StatusOK || !strings.Contains(r.Body, "<textarea") {
		t.Fatalf("form: status %d", r.Status)
	}
	input := "某政规〔2019〕3号\n某人社发[2015]8号\n某市养老服务补贴办法\n不存在的文件名称\n"
	for _, r := range []response{
		s.post(t, "/check", url.Values{"q": {input}, "asof": {"2026-03-01"}}, false),
		s.get(t, q("/check", "q", input, "asof", "2026-03-01")),
	} {
		if r.Status != http.StatusOK {
			t.Fatalf("status %d", r.Status)
		}
		mustContain(t, r.Body, "核对结果（截至2026年3月1日）",
			`<a href="/works/fx:work:shengyu?asof=2026-03-01">某市城乡居民生育保险办法</a>`,
			`<span class="badge st-repealed">已废止</span>`, `<span class="badge st-lapsed">已失效</span>`,
			`<tr class="notfound">`, "未找到匹配的文件", "发文字号", "标题", "下载 CSV")
		if n := strings.Count(r.Body, "<tr"); n != 5 {
			t.Errorf("%d table rows, want a header and 4 results", n)
		}
	}
	r := s.post(t, "/check", url.Values{"q": {strings.Repeat("某政规〔2019〕3号\n", 501)}}, false)
	if r.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("501 items: status %d, want 413", r.Status)
	}
}

func TestCheckCSV(t *testing.T) {
	s := newSite(t)
	input := "某政规〔2019〕3号\n=HYPERLINK(\"http://x\")\n"
	for _, r := range []response{
		s.post(t, "/check.csv", url.Values{"q": {input}, "asof": {"2020-01-01"}}, false),
		s.get(t, q("/check.csv", "q", input, "asof", "2020-01-01")),
	} {
		if r.Status != http.StatusOK {
			t.Fatalf("status %d: %s", r.Status, r.Body)
		}
		if ct := r.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
			t.Errorf("content type %s", ct)
		}
		mustContain(t, r.Header.Get("Content-Disposition"), "attachment;", "filename*=UTF-8''")
		if !strings.HasPrefix(r.Body, "\uFEFF序号,输入,核对日期,效力状态") {
			t.Errorf("no BOM and header: %q", r.Body[:min(len(r.Body), 40)])
		}
		lines := strings.Split(strings.TrimSpace(r.Body), "\r\n")
		if len(lines) != 3 {
			t.Fatalf("%d lines, want 3: %q", len(lines), r.Body)
		}
		mustContain(t, lines[1], "1,某政规〔2019〕3号,2020-01-01,现行有效,", "某市城乡居民生育保险办法,某政规〔2022〕5号,发文字号,fx:work:shengyu")
		// A pasted formula stays text in a spreadsheet.
		mustContain(t, lines[2], `2,"'=HYPERLINK(""http://x"")",2020-01-01,未找到`)
	}
	if r := s.get(t, "/check.csv"); r.Status != http.StatusBadRequest {
		t.Errorf("empty check: status %d, want 400", r.Status)
	}
}

func TestStaffLogin(t *testing.T) {
	s := newSite(t)
	r := s.get(t, "/staff/login")
	mustContain(t, r.Body, `type="password"`, `<label for="token">`)
	r = s.post(t, "/staff/login", url.Values{"token": {"wrong-token-000000"}}, false)
	if r.Status != http.StatusUnauthorized || r.Header.Get("Set-Cookie") != "" {
		t.Errorf("wrong token: status %d, cookie %q", r.Status, r.Header.Get("Set-Cookie"))
	}
	mustContain(t, r.Body, "访问令牌不正确")
	r = s.post(t, "/staff/login", url.Values{"token": {staffToken}, "next": {"/works/fx:work:neibu"}}, false)
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/works/fx:work:neibu" {
		t.Errorf("sign-in: status %d, location %q", r.Status, r.Header.Get("Location"))
	}
	c := r.Header.Get("Set-Cookie")
	mustContain(t, c, "guifan_staff=", "HttpOnly", "SameSite=Strict", "Path=/")
	// A return address on another site is dropped.
	r = s.post(t, "/staff/login", url.Values{"token": {staffToken}, "next": {"//evil.example/"}}, false)
	if loc := r.Header.Get("Location"); loc != "/check" {
		t.Errorf("foreign next: location %q", loc)
	}
	mustContain(t, s.getAs(t, "/", true).Body, "工作人员已登录", `action="/staff/logout"`)
	r = s.post(t, "/staff/logout", nil, true)
	if r.Status != http.StatusSeeOther || !strings.Contains(r.Header.Get("Set-Cookie"), "Max-Age=0") {
		t.Errorf("sign-out: status %d, cookie %q", r.Status, r.Header.Get("Set-Cookie"))
	}
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
