package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/article"
	"github.com/guifan/guifan/internal/diff"
	"github.com/guifan/guifan/internal/ingest"
)

// diffLibrary is a library of its own for the comparison's pages: a public rule amended
// once (an article inserted, so every later one renumbered; a chapter renamed; an
// article rewritten; markup-like text that must reach the page escaped), another
// public work, and a restricted work with two versions.
var diffLibrary = []map[string]any{
	{"id": "dx:rules-2019", "version_of": "dx:work:rules", "title": "某市网络服务管理办法", "doc_number": "某政规〔2019〕7号",
		"level": "地方政府规章", "publish_date": "2019-01-01", "effective_date": "2019-01-01",
		"text": "# 某市网络服务管理办法\n\n## 第一章 总则\n\n第一条 为了规范网络服务，制定本办法。\n\n" +
			"第二条 本办法适用于本市行政区域内提供网络服务的单位，包括标注为<b>重点</b>的单位。\n\n" +
			"## 第二章 管理\n\n第三条 网络服务单位应当履行下列义务：\n\n（一）建立“安全”制度；\n\n（二）不得传播<script>alert(\"x\")</script>等恶意代码。\n\n" +
			"第四条 市网信部门负责监督管理 & 协调。\n\n第五条 本办法自2019年1月1日起施行。\n"},
	{"id": "dx:rules-2022", "version_of": "dx:work:rules", "title": "某市网络服务管理办法", "doc_number": "某政规〔2022〕3号",
		"level": "地方政府规章", "publish_date": "2022-01-01", "effective_date": "2022-03-01",
		"text": "# 某市网络服务管理办法\n\n## 第一章 总则\n\n第一条 为了规范网络服务，制定本办法。\n\n" +
			"第二条 网络服务管理坚持依法、公开、便民的原则，接受社会监督。\n\n" +
			"第三条 本办法适用于本市行政区域内提供网络服务的单位，包括标注为<b>重点</b>的单位。\n\n" +
			"## 第二章 监督管理\n\n第四条 网络服务单位应当履行下列义务：\n\n（一）建立“安全”制度；\n\n（二）不得传播<script>alert(\"x\")</script>等恶意代码。\n\n" +
			"第五条 市网信部门负责监督管理 & 协调，区网信部门予以配合。\n\n第六条 本办法自2022年3月1日起施行。\n"},
	{"id": "dx:other", "version_of": "dx:work:other", "title": "某市数据开放办法", "doc_number": "某政规〔2020〕1号",
		"level": "地方政府规章", "publish_date": "2020-01-01", "effective_date": "2020-01-01",
		"text": "# 某市数据开放办法\n\n第一条 为了促进公共数据开放，制定本办法。\n\n第二条 本办法自2020年1月1日起施行。\n"},
	{"id": "dx:moved-2020", "version_of": "dx:work:moved", "title": "某市公共数据管理办法", "doc_number": "某政规〔2020〕2号",
		"level": "地方政府规章", "publish_date": "2020-01-01", "effective_date": "2020-01-01",
		"text": "# 某市公共数据管理办法\n\n## 第一章 总则\n\n第一条 为了加强公共数据管理，制定本办法。\n\n第二条 公共数据目录由市大数据中心统一编制。\n\n" +
			"## 第二章 共享\n\n第三条 公共数据以共享为原则，不共享为例外。\n\n第四条 共享数据的使用部门应当保障数据安全。\n"},
	{"id": "dx:moved-2024", "version_of": "dx:work:moved", "title": "某市公共数据管理办法", "doc_number": "某政规〔2024〕2号",
		"level": "地方政府规章", "publish_date": "2024-01-01", "effective_date": "2024-01-01",
		"text": "# 某市公共数据管理办法\n\n## 第一章 总则\n\n第一条 为了加强公共数据管理，制定本办法。\n\n" +
			"## 第二章 共享\n\n第二条 公共数据以共享为原则，不共享为例外。\n\n第三条 公共数据目录由市大数据中心统一编制。\n\n第四条 共享数据的使用部门应当保障数据安全。\n"},
	{"id": "dx:secret-2020", "version_of": "dx:work:secret", "title": "某市网络安全内部规程", "doc_number": "某网内〔2020〕1号",
		"level": "其他", "disclosure": "restricted", "publish_date": "2020-01-01", "effective_date": "2020-01-01",
		"text": "某市网络安全内部规程\n\n第一条 值班口令由专人保管。\n\n第二条 本规程自印发之日起施行。\n"},
	{"id": "dx:secret-2023", "version_of": "dx:work:secret", "title": "某市网络安全内部规程", "doc_number": "某网内〔2023〕2号",
		"level": "其他", "disclosure": "restricted", "publish_date": "2023-01-01", "effective_date": "2023-01-01",
		"text": "某市网络安全内部规程\n\n第一条 值班口令由专人保管，内部机房口令每月更换。\n\n第二条 本规程自印发之日起施行。\n"},
}

func newDiffSite(t *testing.T) *site {
	t.Helper()
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, rec := range diffLibrary {
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(lib, "rules.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := ingest.Run(t.Context(), ingest.Options{Library: lib, Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("library not read: %+v", rep.Errors)
	}
	return startSite(t, lib, idx)
}

// versionText is a version's text as the service keeps it.
func versionText(t *testing.T, s *site, work, version string) string {
	t.Helper()
	r := s.getAs(t, "/api/works/"+work+"/versions/"+version, true)
	var v struct {
		Text string `json:"text"`
	}
	if r.Status != http.StatusOK || json.Unmarshal([]byte(r.Body), &v) != nil || v.Text == "" {
		t.Fatalf("version %s: status %d %.200s", version, r.Status, r.Body)
	}
	return v.Text
}

var (
	oldCell = regexp.MustCompile(`(?s)<td class="old" data-label="旧">(.*?)</td>`)
	newCell = regexp.MustCompile(`(?s)<td class="new" data-label="新">(.*?)</td>`)
	markTag = regexp.MustCompile(`</?(del|ins)>`)
)

// cells returns the texts of a page's old or new cells, unescaped, without the empty
// ones (（无）).
func cells(body string, re *regexp.Regexp) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		if strings.Contains(m[1], `<span class="none">`) {
			continue
		}
		out = append(out, html.UnescapeString(markTag.ReplaceAllString(m[1], "")))
	}
	return out
}

// contents are the texts of a version's items, as the comparison shows them.
func contents(text string) []string {
	var out []string
	for _, a := range article.Split(text, nil) {
		out = append(out, a.Content())
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// The page shows every item of both versions exactly once, on its side, escaped, in
// the order of the API's rows, under the new chapters with the old heading beside a
// renamed one.
func TestDiffPageShowsBothVersionsWhole(t *testing.T) {
	s := newDiffSite(t)
	path := q(work("dx:work:rules")+"/diff", "from", "dx:rules-2019", "to", "dx:rules-2022")
	r := s.get(t, path)
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	oldText, newText := versionText(t, s, "dx:work:rules", "dx:rules-2019"), versionText(t, s, "dx:work:rules", "dx:rules-2022")
	if got, want := sorted(cells(r.Body, oldCell)), sorted(contents(oldText)); !slices.Equal(got, want) {
		t.Errorf("old cells %q\nwant the old version's items %q", got, want)
	}
	if got, want := cells(r.Body, newCell), contents(newText); !slices.Equal(got, want) {
		t.Errorf("new cells %q\nwant the new version's items %q", got, want)
	}
	// Escaped: the text's markup is text.
	mustNotContain(t, r.Body, "<script>alert", "<b>重点</b>", "& 协调")
	mustContain(t, r.Body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "&lt;b&gt;重点&lt;/b&gt;", "&amp; 协调")
	// The renamed chapter shows its old heading; the renumbered articles their numbers.
	mustContain(t, r.Body, `<tr class="chap"><th colspan="3" scope="colgroup">第二章 监督管理<span class="note">本章条文原属：第二章 管理</span></th></tr>`,
		`<tr class="chap"><th colspan="3" scope="colgroup">第一章 总则</th></tr>`, "原第二条", "原第四条")
	// The API's rows are the page's.
	a := s.get(t, "/api/works/dx:work:rules/diff?from=dx:rules-2019&to=dx:rules-2022")
	var res diff.Result
	if a.Status != http.StatusOK || json.Unmarshal([]byte(a.Body), &res) != nil {
		t.Fatalf("API: status %d %.200s", a.Status, a.Body)
	}
	var apiOld, apiNew []string
	for _, row := range res.Rows {
		if row.Old != "" {
			apiOld = append(apiOld, row.Old)
		}
		if row.New != "" {
			apiNew = append(apiNew, row.New)
		}
	}
	if !slices.Equal(apiOld, cells(r.Body, oldCell)) || !slices.Equal(apiNew, cells(r.Body, newCell)) {
		t.Errorf("page cells differ from the API's rows")
	}
	if s := res.Summary; s.Changed != 2 || s.Added != 1 || s.Removed != 0 {
		t.Errorf("summary %+v", s)
	}
}

// A version compared with itself: every item the same, both sides whole.
func TestDiffPageSameVersion(t *testing.T) {
	s := newDiffSite(t)
	r := s.get(t, "/api/works/dx:work:rules/diff?from=dx:rules-2022&to=dx:rules-2022")
	var res diff.Result
	if r.Status != http.StatusOK || json.Unmarshal([]byte(r.Body), &res) != nil {
		t.Fatalf("status %d %.200s", r.Status, r.Body)
	}
	for _, row := range res.Rows {
		if row.Op != diff.OpSame || row.Note != "" || row.OldChapter != "" {
			t.Errorf("row %s %s %q %q", row.Key, row.Op, row.Note, row.OldChapter)
		}
	}
	p := s.get(t, q(work("dx:work:rules")+"/diff", "from", "dx:rules-2022", "to", "dx:rules-2022"))
	// It says the two are one version, rather than counting no changes as if two were compared.
	mustContain(t, p.Body, `<p class="notice diff-same" role="status">所选的旧版本和新版本是同一个版本（“2022年1月1日公布”）`)
	mustNotContain(t, p.Body, "修改 <strong>0</strong> 条")
	text := versionText(t, s, "dx:work:rules", "dx:rules-2022")
	if got := cells(p.Body, newCell); !slices.Equal(got, contents(text)) {
		t.Errorf("new cells %q", got)
	}
}

// A later version picked as the old one is compared the right way round, and the
// page says the two were swapped.
func TestDiffPageSwapsReversedVersions(t *testing.T) {
	s := newDiffSite(t)
	right := s.get(t, q(work("dx:work:rules")+"/diff", "from", "dx:rules-2019", "to", "dx:rules-2022"))
	p := s.get(t, q(work("dx:work:rules")+"/diff", "from", "dx:rules-2022", "to", "dx:rules-2019"))
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	mustContain(t, p.Body, `<p class="notice diff-swapped">所选的“旧版本”晚于“新版本”，已按先后对调：旧版本为“2019年1月1日公布”，新版本为“2022年1月1日公布”。</p>`,
		`<option value="dx:rules-2019" selected>`, `<a href="/works/dx:work:rules/diff?from=dx%3Arules-2019&amp;to=dx%3Arules-2022&amp;only=changed">只看有变化的条文</a>`)
	if got, want := cells(p.Body, newCell), cells(right.Body, newCell); !slices.Equal(got, want) {
		t.Errorf("swapped comparison differs from the one asked the right way:\n%q\n%q", got, want)
	}
	if strings.Contains(right.Body, "diff-swapped") {
		t.Error("versions in order are said to be swapped")
	}
}

// apiError is the API's error body.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// from and to are checked: a version that does not exist, one of another work and one
// the public may not see are refused alike, with a 4xx JSON error in the API and the
// error page on the site, and nothing of a restricted document shows.
func TestDiffVersionsChecked(t *testing.T) {
	s := newDiffSite(t)
	rules := "dx:work:rules"
	secretMarks := []string{"某市网络安全内部规程", "值班口令", "机房口令", "某网内"}
	answers := map[string]string{}
	for _, tc := range []struct {
		name     string
		from, to string
		status   int
	}{
		{"unknown from", "dx:no-such", "dx:rules-2022", http.StatusBadRequest},
		{"unknown to", "dx:rules-2019", "dx:no-such", http.StatusBadRequest},
		{"another work's", "dx:other", "dx:rules-2022", http.StatusBadRequest},
		{"restricted", "dx:secret-2020", "dx:rules-2022", http.StatusBadRequest},
		{"restricted to", "dx:rules-2019", "dx:secret-2023", http.StatusBadRequest},
	} {
		a := s.get(t, "/api/works/"+rules+"/diff?from="+tc.from+"&to="+tc.to)
		var e apiError
		if a.Status != tc.status || !strings.HasPrefix(a.Header.Get("Content-Type"), "application/json") ||
			json.Unmarshal([]byte(a.Body), &e) != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s: API status %d %s %.200s", tc.name, a.Status, a.Header.Get("Content-Type"), a.Body)
		}
		mustNotContain(t, a.Body, secretMarks...)
		// The answer names the parameter and the id given, and nothing else.
		answers[tc.name] = strings.ReplaceAll(strings.ReplaceAll(a.Body, tc.from, "ID"), tc.to, "ID")
		p := s.get(t, q(work(rules)+"/diff", "from", tc.from, "to", tc.to))
		if p.Status != tc.status {
			t.Errorf("%s: page status %d", tc.name, p.Status)
		}
		mustContain(t, p.Body, "请求参数有误")
		mustNotContain(t, p.Body, secretMarks...)
	}
	if answers["restricted"] != answers["unknown from"] || answers["restricted to"] != answers["unknown to"] {
		t.Errorf("a restricted version is told from an unknown one:\n%s\n%s", answers["restricted"], answers["unknown from"])
	}
	// The restricted work's own comparison is not found for the public; staff see it.
	for _, path := range []string{"/api/works/dx:work:secret/diff", "/works/dx:work:secret/diff",
		"/api/works/dx:work:secret/diff?from=dx:secret-2020&to=dx:secret-2023", q("/works/dx:work:secret/diff", "from", "dx:secret-2020", "to", "dx:secret-2023")} {
		if r := s.get(t, path); r.Status != http.StatusNotFound {
			t.Errorf("public %s: status %d", path, r.Status)
		} else {
			mustNotContain(t, r.Body, secretMarks[1:]...)
		}
		if r := s.getAs(t, path, true); r.Status != http.StatusOK || !strings.Contains(r.Body, "机房口令") {
			t.Errorf("staff %s: status %d", path, r.Status)
		}
	}
	if r := s.get(t, "/api/works/dx:work:none/diff?from=dx:rules-2019&to=dx:rules-2022"); r.Status != http.StatusNotFound {
		t.Errorf("unknown work: status %d", r.Status)
	}
}

// An article moved to another chapter says which chapter it was in.
func TestDiffPageArticleMovedBetweenChapters(t *testing.T) {
	s := newDiffSite(t)
	r := s.get(t, q(work("dx:work:moved")+"/diff", "from", "dx:moved-2020", "to", "dx:moved-2024"))
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	// 第三条 (原第二条) now reads under 第二章; the chapter's other articles were there before.
	mustContain(t, r.Body, `<tr class="chap"><th colspan="3" scope="colgroup">第二章 共享</th></tr>`,
		`<span class="note">原第二条</span><span class="note">原属：第一章 总则</span>`)
	if n := strings.Count(r.Body, "原属："); n != 1 {
		t.Errorf("%d rows note another chapter, want 1", n)
	}
}
