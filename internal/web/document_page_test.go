package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

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
	if strings.Contains(r.Body, "interp-ended") {
		t.Error("an interpretation of a policy in force is flagged")
	}
	// An interpretation of a policy that has lapsed says so beside its own status.
	r = s.get(t, work("fx:work:yanglao-jiedu"))
	mustContain(t, r.Body, `<p class="notice interp-ended">本解读所解读的<a href="/works/fx:work:yanglao">《某市养老服务补贴办法》</a>在所选日期<span class="badge st-lapsed">已失效</span>，本解读的内容可能已不再适用。已失效：有效期至2024年12月31日届满`)
	if r := s.get(t, q(work("fx:work:yanglao-jiedu"), "asof", "2023-01-01")); strings.Contains(r.Body, "interp-ended") {
		t.Error("interpretation flagged on a date its policy was in force")
	}
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
	mustContain(t, r.Body, "某市生育保险内部<mark>经办规程</mark>", `<a href="/works/fx:work:neibu">`, `<span class="badge restricted" title="仅工作人员可见">不公开</span>`)
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
	// The rows read under their chapters' headings, each heading once.
	mustContain(t, r.Body, `<tr class="chap"><th colspan="3" scope="colgroup">第一章 总则</th></tr>`,
		`<tr class="chap"><th colspan="3" scope="colgroup">第二章 待遇</th></tr>`)
	if n := strings.Count(r.Body, "第二章 待遇</th>"); n != 1 {
		t.Errorf("第二章 heading shown %d times", n)
	}
	// Only the changed articles: the unchanged 第一条 goes.
	r = s.get(t, q(work("fx:work:shengyu")+"/diff", "from", "fx:shengyu-2019", "to", "fx:shengyu-2022", "only", "changed"))
	mustNotContain(t, r.Body, `<tr class="op-same">`)
	mustContain(t, r.Body, "显示全部条文")
}

// TestWorkPageTextBeforeRelations: on a phone the page is one column in document
// order, so a law cited by a hundred others (民法典) must not put its relations between
// the status and the text. The metadata and versions come first, then the text, then
// the relations, and a jump line reaches both from the top.
func TestWorkPageTextBeforeRelations(t *testing.T) {
	s := newSite(t)
	r := s.get(t, work("fx:work:jiuye-old"))
	meta, text, rels := strings.Index(r.Body, `id="meta-h"`), strings.Index(r.Body, `<section class="text"`), strings.Index(r.Body, `id="rel-h"`)
	if meta < 0 || text < 0 || rels < 0 {
		t.Fatalf("page lacks metadata (%d), text (%d) or relations (%d)", meta, text, rels)
	}
	if !(meta < text && text < rels) {
		t.Errorf("order: metadata at %d, text at %d, relations at %d; want metadata, text, relations", meta, text, rels)
	}
	mustContain(t, r.Body, `<a href="#doc-text">正文</a>`, `id="doc-text"`, `id="relations"`)
	if !regexp.MustCompile(`<a href="#relations">关联文件（[1-9]\d*）</a>`).MatchString(r.Body) {
		t.Error("no link to the relations with their count")
	}
	// Without relations there is no link to them.
	r = s.get(t, work("fx:work:yanglao"))
	mustContain(t, r.Body, `<a href="#doc-text">正文</a>`)
	mustNotContain(t, r.Body, `href="#relations"`)
}

// TestRelationsShownOnce: 某人社规〔2021〕2号 names the document it repeals by number and
// by title; both references resolve to the same work and the page shows one line.
func TestRelationsShownOnce(t *testing.T) {
	s := newSite(t)
	for _, id := range []string{"fx:work:jiuye", "fx:work:jiuye-old"} {
		r := s.get(t, work(id))
		if n := strings.Count(r.Body, `<span class="rel-type">废止</span>`); n != 1 {
			t.Errorf("%s: the repeal is shown %d times, want once", id, n)
		}
	}
}

// The version timeline names a version without a label by its dates, and lists only
// the dates it has, with no separator before the first.
func TestTimelineNamesVersionsByTheirDates(t *testing.T) {
	s := newSiteWith(t, map[string][]byte{"laws/toc.jsonl": []byte(tocLibrary)})
	r := s.get(t, work("fx:work:dates"))
	tl := between(r.Body, `<ol class="timeline">`, "</ol>")
	mustContain(t, tl, ">2023年2月1日公布</strong>", `<p class="v-dates">公布 2023年2月1日 · 施行 2023年3月1日</p>`,
		">2020年5月1日施行</a>", `<p class="v-dates">施行 2020年5月1日</p>`)
	mustNotContain(t, tl, "个版本", `<p class="v-dates"> · `, `<p class="v-dates"></p>`)
	r = s.get(t, work("fx:work:dates")+"/versions/fx:dates-1")
	mustContain(t, r.Body, "您正在查看的是2020年5月1日施行的版本，")
}
