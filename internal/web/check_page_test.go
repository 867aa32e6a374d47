package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

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
	if r.Status != http.StatusBadRequest {
		t.Errorf("501 items: status %d, want 400", r.Status)
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
		mustContain(t, r.Header.Get("Content-Disposition"), "attachment;", `filename="validity-check_2020-01-01.csv"`, "filename*=UTF-8''")
		if !strings.HasPrefix(r.Body, "\uFEFF序号,输入,核对日期,效力状态") {
			t.Errorf("no BOM and header: %q", r.Body[:min(len(r.Body), 40)])
		}
		lines := strings.Split(strings.TrimSpace(r.Body), "\r\n")
		if len(lines) != 3 {
			t.Fatalf("%d lines, want 3: %q", len(lines), r.Body)
		}
		mustContain(t, lines[1], "1,某政规〔2019〕3号,2020-01-01,现行有效,", "某市城乡居民生育保险办法,某政规〔2019〕3号,发文字号,fx:work:shengyu") // the number in force on the date asked
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
	if strings.Contains(c, staffToken) {
		t.Errorf("the sign-in cookie holds the token: %s", c)
	}
	// The cookie alone lets the browser in.
	session, _, _ := strings.Cut(strings.TrimPrefix(c, "guifan_staff="), ";")
	req, _ := http.NewRequest("GET", s.URL+"/works/fx:work:neibu", nil)
	req.AddCookie(&http.Cookie{Name: "guifan_staff", Value: session})
	if r := s.do(t, req, false); r.Status != http.StatusOK {
		t.Errorf("restricted page with the sign-in cookie: %d", r.Status)
	}
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

// TestCheckRefusalKeepsTheList: a list that cannot be checked (501 lines, a date that
// does not exist) comes back in the form with the reason and status 400, not on the
// error page (TestBadParametersAre400's) that drops what the clerk pasted.
func TestCheckRefusalKeepsTheList(t *testing.T) {
	s := newSite(t)
	var b strings.Builder
	for i := 1; i <= 501; i++ {
		b.WriteString("某政规〔2019〕" + strconv.Itoa(i) + "号\n")
	}
	for _, r := range []response{
		s.post(t, "/check", url.Values{"q": {b.String()}}, false),
		s.get(t, q("/check", "q", "某政规〔2019〕1号\n某政规〔2019〕501号", "asof", "2026-02-30")),
	} {
		if r.Status != http.StatusBadRequest {
			t.Errorf("status %d, want 400", r.Status)
		}
		mustContain(t, r.Body, `<p class="error" role="alert" id="check-error">`, `<form class="check-form" method="post" action="/check">`,
			"某政规〔2019〕1号\n", "某政规〔2019〕501号")
	}
	r := s.post(t, "/check", url.Values{"q": {b.String()}}, false)
	mustContain(t, r.Body, "一次最多核对 500 条，本次填写了 501 条")
}

// A check submitted with nothing in it says what to enter, rather than showing the
// same blank form as if nothing had happened; the form itself, first asked for, does not.
func TestEmptyCheckSaysWhatToEnter(t *testing.T) {
	s := newSite(t)
	const msg = "请输入要核对的发文字号或文件标题"
	for name, r := range map[string]response{
		"POST":             s.post(t, "/check", url.Values{"q": {""}, "asof": {"2026-03-01"}}, false),
		"POST blank lines": s.post(t, "/check", url.Values{"q": {" \r\n \r\n"}}, false),
		"POST without q":   s.post(t, "/check", url.Values{"asof": {"2026-03-01"}}, false),
		"GET q=":           s.get(t, "/check?q=&asof=2026-03-01"),
	} {
		if r.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", name, r.Status)
		}
		mustContain(t, r.Body, `<p class="error" role="alert" id="check-error">`+msg, "<textarea")
	}
	for _, path := range []string{"/check", "/check?asof=2026-03-01"} {
		r := s.get(t, path)
		if r.Status != http.StatusOK || strings.Contains(r.Body, msg) {
			t.Errorf("%s: status %d, or asks for input before any was sent", path, r.Status)
		}
	}
}
