package e2e

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"testing"
)

type searchResp struct {
	Total  int    `json:"total"`
	Match  string `json:"match"`
	Hits   []hit  `json:"hits"`
	Facets struct {
		Status map[string]int `json:"status"`
		Level  map[string]int `json:"level"`
		Year   map[string]int `json:"year"`
	} `json:"facets"`
}

type hit struct {
	WorkID       string `json:"work_id"`
	VersionID    string `json:"version_id"`
	Title        string `json:"title"`
	DocNumber    string `json:"doc_number"`
	Status       string `json:"status"`
	StatusReason string `json:"status_reason"`
	Highlights   struct {
		Title string   `json:"title"`
		Text  []string `json:"text"`
	} `json:"highlights"`
}

// colloquial are questions as people ask them at a service-hall window, with the
// documents a good answer starts from (any one of them in the top five counts).
var colloquial = []struct {
	q    string
	want []string
}{
	{"失业金怎么领", []string{"失业保险条例"}},
	{"网购退货", []string{"中华人民共和国消费者权益保护法", "最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）"}},
	{"产假有多少天", []string{"女职工劳动保护特别规定"}},
	{"生孩子", []string{"中华人民共和国人口与计划生育法", "女职工劳动保护特别规定"}},
	{"工伤怎么认定", []string{"工伤保险条例"}},
	{"公积金怎么提取", []string{"住房公积金管理条例"}},
	{"孩子上学", []string{"中华人民共和国义务教育法"}},
	{"讨薪", []string{"保障农民工工资支付条例"}},
	{"被公司辞退有没有补偿", []string{"中华人民共和国劳动合同法", "中华人民共和国劳动合同法实施条例"}}, // both set the 经济补偿
	{"身份证丢了怎么办", []string{"中华人民共和国居民身份证法"}},
	{"低保怎么申请", []string{"社会救助暂行办法"}},
	{"个人信息泄露", []string{"中华人民共和国个人信息保护法"}},
	{"个税", []string{"中华人民共和国个人所得税法", "中华人民共和国个人所得税法实施条例"}},
	{"家暴", []string{"中华人民共和国反家庭暴力法"}},
	{"年假", []string{"职工带薪年休假条例", "企业职工带薪年休假实施办法"}},
	{"养狗", []string{"北京市养犬管理规定", "上海市养犬管理条例"}},
	{"垃圾分类", []string{"上海市生活垃圾管理条例", "北京市生活垃圾管理条例"}},
	{"医保报销", []string{"医疗保障基金使用监督管理条例", "中华人民共和国社会保险法"}},
	{"开公司", []string{"中华人民共和国公司法", "中华人民共和国市场主体登记管理条例"}},
	{"请不起律师", []string{"中华人民共和国法律援助法", "法律援助条例"}},
	{"酒驾", []string{"中华人民共和国道路交通安全法"}},
	{"物业费", []string{"物业管理条例"}},
	{"网上买的东西能退吗", []string{"中华人民共和国消费者权益保护法", "最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）", "中华人民共和国电子商务法"}},
	{"孩子几岁上小学", []string{"中华人民共和国义务教育法"}},
	{"入学", []string{"中华人民共和国义务教育法"}},
	{"退休", []string{"中华人民共和国社会保险法"}},
	{"生孩子有什么补贴", []string{"中华人民共和国社会保险法", "女职工劳动保护特别规定", "中华人民共和国人口与计划生育法"}}, // 生育津贴
	{"网上开店要办执照吗", []string{"中华人民共和国电子商务法"}},                                  // 第十条: 电子商务经营者应当依法办理市场主体登记
}

func TestColloquialQueries(t *testing.T) {
	need(t)
	found := 0
	var lines []string
	for _, c := range colloquial {
		var r searchResp
		if code := get(t, searchPath("q", c.q, "size", "5"), &r, false); code != 200 {
			t.Fatalf("%s: status %d", c.q, code)
		}
		rank := 0
		for i, h := range r.Hits {
			for _, w := range c.want {
				if h.Title == w && rank == 0 {
					rank = i + 1
				}
			}
		}
		mark := "✗"
		if rank > 0 {
			found++
			mark = fmt.Sprintf("#%d", rank)
		}
		var top []string
		for _, h := range r.Hits {
			top = append(top, h.Title)
		}
		lines = append(lines, fmt.Sprintf("%-4s %-14s (%s, %d hits) top: %s", mark, c.q, r.Match, r.Total, strings.Join(top, " | ")))
	}
	rate := float64(found) / float64(len(colloquial))
	t.Logf("colloquial queries: %d of %d found in the top 5 (%.0f%%)\n%s", found, len(colloquial), 100*rate, strings.Join(lines, "\n"))
	if rate < 0.9 {
		t.Errorf("success rate %.0f%% is under 90%%", 100*rate)
	}
}

// A law's short name, as people and officials say it, finds the law first; everyday
// words find the documents that use the formal term.
func TestShortNamesFindTheLaw(t *testing.T) {
	need(t)
	for _, c := range []struct{ q, title string }{
		{"税收征管法", "中华人民共和国税收征收管理法"}, {"劳动仲裁", "中华人民共和国劳动争议调解仲裁法"},
		{"个保法", "中华人民共和国个人信息保护法"}, {"电商法", "中华人民共和国电子商务法"},
		{"网安法", "中华人民共和国网络安全法"}, {"道交法", "中华人民共和国道路交通安全法"},
		{"未保法", "中华人民共和国未成年人保护法"}, {"消法", "中华人民共和国消费者权益保护法"},
		{"妇女法", "中华人民共和国妇女权益保障法"}, {"环保税", "中华人民共和国环境保护税法"},
		{"自考", "高等教育自学考试暂行条例"},
	} {
		var r searchResp
		get(t, searchPath("q", c.q, "size", "3"), &r, false)
		if len(r.Hits) == 0 || r.Hits[0].Title != c.title {
			var top []string
			for _, h := range r.Hits {
				top = append(top, h.Title)
			}
			t.Errorf("%s: first hits %v, want %s", c.q, top, c.title)
		}
	}
	for _, c := range []struct{ q, title string }{
		{"三孩", "中华人民共和国人口与计划生育法"}, // it says 三个子女
		{"居委会", "中华人民共和国城市居民委员会组织法"},
	} {
		var r searchResp
		get(t, searchPath("q", c.q, "size", "5"), &r, false)
		found := false
		for _, h := range r.Hits {
			found = found || h.Title == c.title
		}
		if !found {
			t.Errorf("%s misses %s in the first five: %+v", c.q, c.title, r.Hits)
		}
	}
}

// A law's name finds the law first, shown by its version in effect.
func TestLawNameFindsCurrentVersion(t *testing.T) {
	need(t)
	for _, c := range []struct{ q, title, asof, effective string }{
		{"公司法", "中华人民共和国公司法", "2026-11-27", "2024-07-01"},
		{"公司法", "中华人民共和国公司法", "2024-01-15", "2018-10-26"}, // the 2023 revision was not yet in effect
		{"民法典", "中华人民共和国民法典", "2026-11-27", ""},
	} {
		var r struct {
			searchResp
			Hits []struct {
				hit
				Effective string `json:"effective_date"`
			} `json:"hits"`
		}
		get(t, searchPath("q", c.q, "asof", c.asof), &r, false)
		if len(r.Hits) == 0 || r.Hits[0].Title != c.title {
			t.Fatalf("%s as of %s: first hit %+v, want %s", c.q, c.asof, r.Hits, c.title)
		}
		if c.effective != "" && r.Hits[0].Effective != c.effective {
			t.Errorf("%s as of %s: shown version effective %s, want %s", c.q, c.asof, r.Hits[0].Effective, c.effective)
		}
		if r.Hits[0].Status != "现行有效" {
			t.Errorf("%s: status %s", c.q, r.Hits[0].Status)
		}
		seen := map[string]bool{}
		for _, h := range r.Hits {
			if seen[h.WorkID] {
				t.Errorf("%s: work %s appears twice", c.q, h.WorkID)
			}
			seen[h.WorkID] = true
		}
	}
}

// Words of two or more characters match as words, and highlights mark whole words.
func TestPhrasesAndHighlights(t *testing.T) {
	need(t)
	var r searchResp
	get(t, searchPath("q", "劳动合同", "size", "20"), &r, false)
	if r.Total == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		joined := h.Highlights.Title + strings.Join(h.Highlights.Text, "")
		if !strings.Contains(joined, "<mark>劳动合同</mark>") {
			t.Errorf("%s: highlight does not mark the whole word: %q", h.Title, joined)
		}
		if strings.Contains(joined, "<mark>劳动</mark>") {
			t.Errorf("%s: a part of the word is marked alone: %q", h.Title, joined)
		}
	}
	get(t, searchPath("q", "<script>alert(1)</script>"), &r, false)
	for _, h := range r.Hits {
		for _, s := range h.Highlights.Text {
			if strings.Contains(s, "<script") {
				t.Errorf("unescaped markup in highlight: %q", s)
			}
		}
	}
}

// Bad parameters are a 400 with a JSON error, never a 5xx.
func TestBadParameters(t *testing.T) {
	need(t)
	for _, p := range []string{
		searchPath("asof", "2024-02-30"), searchPath("size", "0"), searchPath("size", "101"), searchPath("page", "-1"),
		searchPath("status", "valid-ish"), searchPath("sort", "random"), searchPath("year", "20x4"),
		searchPath("from", "2024-05-01", "to", "2024-01-01"), searchPath("level", "规章制度"),
		searchPath("q", strings.Repeat("法", 300)), searchPath("page", "1000", "size", "100"),
		"/api/works/no-such-work", "/api/validity", "/api/validity?q=x&asof=yesterday", "/api/nothing-here",
	} {
		var e struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		code := get(t, p, &e, false)
		if code < 400 || code >= 500 || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s: status %d, error %+v", p, code, e.Error)
		}
	}
}

// Cursors (after=) walk every hit of a broad search once, in the order pages give, and
// a cursor that does not belong to the served snapshot is a 400.
func TestSearchAfterWalksEveryHit(t *testing.T) {
	need(t)
	type page struct {
		Total int    `json:"total"`
		Next  string `json:"next"`
		Hits  []hit  `json:"hits"`
	}
	for _, kv := range [][]string{{"q", "规定"}, {"sort", "date"}, {"q", "保险", "status", "现行有效"}} {
		var walked []string
		seen := map[string]bool{}
		total, next := -1, ""
		for n := 0; ; n++ {
			args := append([]string{"size", "100"}, kv...)
			if next != "" {
				args = append(args, "after", next)
			}
			var p page
			if code := get(t, searchPath(args...), &p, false); code != 200 {
				t.Fatalf("%v page %d: status %d", kv, n+1, code)
			}
			if total >= 0 && p.Total != total {
				t.Fatalf("%v: total changed from %d to %d", kv, total, p.Total)
			}
			total = p.Total
			for _, h := range p.Hits {
				if seen[h.VersionID] {
					t.Fatalf("%v: %s twice", kv, h.VersionID)
				}
				seen[h.VersionID] = true
				walked = append(walked, h.VersionID)
			}
			if p.Next == "" {
				break
			}
			next = p.Next
		}
		if len(walked) != total || total == 0 {
			t.Errorf("%v: walked %d of %d", kv, len(walked), total)
		}
		for pg := 1; pg <= 3 && (pg-1)*100 < total; pg++ {
			var p page
			get(t, searchPath(append([]string{"size", "100", "page", fmt.Sprint(pg)}, kv...)...), &p, false)
			for i, h := range p.Hits {
				if w := walked[(pg-1)*100+i]; h.VersionID != w {
					t.Fatalf("%v page %d hit %d: %s by page, %s by cursor", kv, pg, i, h.VersionID, w)
				}
			}
		}
		t.Logf("%v: %d hits walked by cursor", kv, total)
	}
	var p page
	get(t, searchPath("q", "规定", "size", "1"), &p, false)
	raw, _ := base64.RawURLEncoding.DecodeString(p.Next)
	raw[len(raw)-1] ^= 1 // a sealed cursor altered, or one sealed for another snapshot
	stale := base64.RawURLEncoding.EncodeToString(raw)
	for _, args := range [][]string{{"after", stale}, {"after", "not-a-cursor"}, {"after", p.Next, "page", "2"}} {
		if code := get(t, searchPath(append([]string{"q", "规定"}, args...)...), nil, false); code != 400 {
			t.Errorf("%v: status %d, want 400", args, code)
		}
	}
}

// A question naming its topic with generic words around it (…领取条件, …流程, 办理…)
// matches the topic exactly: the generic words add to the score, they do not send the
// search to looser matching.
func TestGenericWordsAroundTheTopic(t *testing.T) {
	need(t)
	for _, c := range []struct{ q, want string }{
		{"失业保险金领取条件", "失业保险条例"},
		{"工伤认定流程", "工伤保险条例"},
		{"办理居住证", "居住证暂行条例"},
	} {
		var r searchResp
		if code := get(t, searchPath("q", c.q, "size", "5"), &r, false); code != 200 {
			t.Fatalf("%s: status %d", c.q, code)
		}
		var top []string
		for _, h := range r.Hits {
			top = append(top, h.Title)
		}
		if r.Match != "exact" || !slices.Contains(top, c.want) {
			t.Errorf("%s: %s match, top %v; want exact with %s", c.q, r.Match, top, c.want)
		}
	}
}

// A topic word the national law and local regulations share in their titles finds the
// law first: 中华人民共和国 counts as one word of the law's title, not seven bigrams
// that made it longer than 北京市人口与计划生育条例.
func TestNationalLawBeforeLocalRegulationsOfItsSubject(t *testing.T) {
	need(t)
	for _, c := range []struct{ q, want string }{
		{"生育", "中华人民共和国人口与计划生育法"},
		{"就业", "中华人民共和国就业促进法"},
		{"劳动合同", "中华人民共和国劳动合同法"},
	} {
		var r searchResp
		if code := get(t, searchPath("q", c.q, "status", "现行有效", "size", "3"), &r, false); code != 200 {
			t.Fatalf("%s: status %d", c.q, code)
		}
		if len(r.Hits) == 0 || r.Hits[0].Title != c.want {
			var top []string
			for _, h := range r.Hits {
				top = append(top, h.Title)
			}
			t.Errorf("%s: top %v; want %s first", c.q, top, c.want)
		}
	}
}
