package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// A date chosen (asof) stays chosen from page to page: the header's navigation, the
// links of the home page, of an empty result and of the error page carry it, and a
// document page seen on another day offers to go back to today, as the results do.
func TestChosenDateTravelsWithTheLinks(t *testing.T) {
	s := newSite(t)
	nav := func(body string) string {
		i := strings.Index(body, `<nav aria-label="主导航">`)
		if i < 0 {
			t.Fatal("no navigation")
		}
		return body[i : i+strings.Index(body[i:], "</nav>")]
	}
	for _, path := range []string{
		q("/search", "q", "生育", "asof", "2020-01-01"),
		q(work("fx:work:shengyu"), "asof", "2020-01-01"),
		q(work("fx:work:shengyu")+"/versions/fx:shengyu-2019", "asof", "2020-01-01"),
		q(work("fx:work:shengyu")+"/diff", "asof", "2020-01-01"),
		q("/check", "asof", "2020-01-01"),
		q("/", "asof", "2020-01-01"),
		q("/search", "q", "生育", "page", "0", "asof", "2020-01-01"), // an error page
	} {
		r := s.get(t, path)
		n := nav(r.Body)
		mustContain(t, n, `href="/search?asof=2020-01-01"`, `href="/check?asof=2020-01-01"`)
		mustContain(t, r.Body, `<a class="brand" href="/?asof=2020-01-01">`)
		if path == q("/search", "q", "生育", "page", "0", "asof", "2020-01-01") {
			mustContain(t, r.Body, `<a href="/?asof=2020-01-01">返回首页</a>`, `<a href="/search?asof=2020-01-01">检索文件</a>`)
		}
	}
	// Posted, the check form's date is not in the URL, and is still carried on.
	r := s.post(t, "/check", url.Values{"q": {"某政规〔2019〕3号"}, "asof": {"2020-01-01"}}, false)
	mustContain(t, nav(r.Body), `href="/search?asof=2020-01-01"`)
	// Staff see the clean-up list in the navigation, on the same date.
	r = s.getAs(t, q("/search", "q", "生育", "asof", "2020-01-01"), true)
	mustContain(t, nav(r.Body), `href="/staff/cleanup?asof=2020-01-01"`)
	// Without a date, the links name none.
	r = s.get(t, q("/search", "q", "生育"))
	if strings.Contains(nav(r.Body), "asof=") || strings.Contains(r.Body, `class="brand" href="/?`) {
		t.Error("links carry a date nobody chose")
	}

	// The home page's shortcuts search on the date chosen, and it says how to go back.
	r = s.get(t, q("/", "asof", "2020-01-01"))
	mustContain(t, r.Body, `href="/search?asof=2020-01-01&amp;q=%E7%94%9F%E8%82%B2&amp;status=`, // 生育
		`<a href="/check?asof=2020-01-01">批量核对效力</a>`, "效力状态按 <strong>2020年1月1日</strong> 计算", `（<a href="/">改为今天</a>）`,
		`<input type="hidden" name="asof" value="2020-01-01">`, `id="asof-home" type="date" name="asof" value="2020-01-01"`)
	if !regexp.MustCompile(`<a href="/search\?[^"]*asof=2020-01-01[^"]*">即将到期的文件</a>`).MatchString(r.Body) {
		t.Error("the expiring list forgets the date")
	}
	// An empty result's help links keep it too.
	r = s.get(t, q("/search", "q", "火星移民定居补贴", "asof", "2020-01-01", "level", "法律"))
	mustContain(t, r.Body, `<a href="/?asof=2020-01-01">办事主题</a>`, `<a href="/check?asof=2020-01-01">批量核对</a>`)

	// A document page on a chosen day offers today, like the results do.
	r = s.get(t, q(work("fx:work:shengyu"), "asof", "2020-01-01"))
	mustContain(t, r.Body, `截至2020年1月1日（<a href="/works/fx:work:shengyu">改为今天</a>）`)
	r = s.get(t, q(work("fx:work:shengyu")+"/versions/fx:shengyu-2019", "asof", "2020-01-01"))
	mustContain(t, r.Body, `（<a href="/works/fx:work:shengyu/versions/fx:shengyu-2019">改为今天</a>）`)
	r = s.get(t, work("fx:work:shengyu"))
	mustContain(t, r.Body, "截至2026年3月1日（今天）")
	mustNotContain(t, r.Body, "改为今天")
}
