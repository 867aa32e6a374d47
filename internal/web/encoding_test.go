package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// A parameter that is not text (%ff%fe: bytes neither UTF-8 nor GB18030) is a 400 with
// the Chinese error page that names it, on every page, rather than a search for
// nothing or for garbled words. A query percent-encoded in GBK by an older site still
// searches.
func TestParametersThatAreNotTextAre400(t *testing.T) {
	s := newSite(t)
	for path, want := range map[string]string{
		"/search?q=%ff%fe":                               "检索词含有无法识别的字符",
		"/search?q=%E7%94%9F%E8%82%B2&topic=%ff":         "主题分类含有无法识别的字符",
		"/search?%ff=1":                                  "含有无法识别的字符",
		"/works/fx:work:shengyu?asof=%ff":                "日期含有无法识别的字符",
		"/works/fx:work:shengyu/diff?from=%ff%fe":        "含有无法识别的字符",
		"/files/fx:work:shengyu/fx:shengyu-2019?alt=%ff": "含有无法识别的字符",
		"/check?q=%ff":                                   "检索词含有无法识别的字符",
		"/check.csv?q=%ff":                               "检索词含有无法识别的字符",
		"/?q=%ff":                                        "含有无法识别的字符",
	} {
		r := s.get(t, path)
		if r.Status != http.StatusBadRequest || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: status %d, %s; want a 400 page", path, r.Status, r.Header.Get("Content-Type"))
			continue
		}
		mustContain(t, r.Body, "请求参数有误", want)
		mustNotContain(t, r.Body, "\uFFFD")
	}
	// A form posted with bytes that are not UTF-8.
	req, err := http.NewRequest(http.MethodPost, s.URL+"/check", strings.NewReader("q=%ff%fe&asof="))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if r := s.do(t, req, false); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "含有无法识别的字符") {
		t.Errorf("POST /check with bytes that are not UTF-8: status %d", r.Status)
	}
	// The JSON API says the same, as its error object.
	if r := s.get(t, "/api/search?q=%ff%fe"); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, `"invalid_parameter"`) {
		t.Errorf("/api/search: status %d %s", r.Status, r.Body)
	}
	// GBK from an older site's link: 生育.
	r := s.get(t, "/search?q=%C9%FA%D3%FD")
	if r.Status != http.StatusOK {
		t.Fatalf("a GBK-encoded query: status %d", r.Status)
	}
	mustContain(t, r.Body, "“生育”的检索结果", `<a href="/works/fx:work:shengyu">某市城乡居民<mark>生育</mark>保险办法</a>`)
}
