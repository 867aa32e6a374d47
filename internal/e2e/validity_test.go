package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Judicial interpretations print their 法释 number in the text; every written form finds it.
func TestDocNumberVariants(t *testing.T) {
	need(t)
	const title = "最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释"
	for _, q := range []string{"法释〔2023〕13号", "法释[2023]13号", "法释（2023）13号", "法释(2023)13号", "法释【2023】13号", "法释〔２０２３〕１３号", "法释〔2023〕013号", "法释 〔 2023 〕 13 号"} {
		var r searchResp
		get(t, searchPath("q", q), &r, false)
		if len(r.Hits) == 0 || r.Hits[0].Title != title {
			t.Errorf("search %q: %d hits, first %+v", q, r.Total, r.Hits)
		}
		var v struct {
			Results []struct {
				Status    *string `json:"status"`
				Title     *string `json:"title"`
				MatchedBy *string `json:"matched_by"`
			} `json:"results"`
		}
		get(t, "/api/validity?q="+url.QueryEscape(q), &v, false)
		if len(v.Results) != 1 || v.Results[0].Title == nil || *v.Results[0].Title != title || *v.Results[0].MatchedBy != "doc_number" {
			t.Errorf("validity %q: %+v", q, v.Results)
		}
	}
}

type validityResp struct {
	AsOf    string `json:"asof"`
	Results []struct {
		Input        string  `json:"input"`
		Status       *string `json:"status"`
		StatusReason string  `json:"status_reason"`
		Title        *string `json:"title"`
		MatchedBy    *string `json:"matched_by"`
	} `json:"results"`
}

func TestValidityBatch(t *testing.T) {
	need(t)
	body, _ := json.Marshal(map[string]any{"asof": "2021-06-01", "items": []string{
		"抚县政公领发〔2022〕3号", "中华人民共和国公司登记管理条例", "公司法", "不存在的文件名称", "中华人民共和国增值税暂行条例",
	}})
	resp, err := http.Post(base+"/api/validity", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v validityResp
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	want := []string{"尚未生效", "现行有效", "现行有效", "", "现行有效"}
	for i, r := range v.Results {
		got := ""
		if r.Status != nil {
			got = *r.Status
		}
		if got != want[i] {
			t.Errorf("%s as of 2021-06-01: %q (%s), want %q", r.Input, got, r.StatusReason, want[i])
		}
	}
	// As of today the registration regulation was repealed by the 2022 market-entity regulation.
	var now validityResp
	get(t, "/api/validity?q="+url.QueryEscape("中华人民共和国公司登记管理条例"), &now, false)
	if r := now.Results[0]; r.Status == nil || *r.Status != "已废止" || !strings.Contains(r.StatusReason, "市场主体登记管理条例") {
		t.Errorf("公司登记管理条例 today: %+v", r)
	}
	big := make([]string, 501)
	for i := range big {
		big[i] = "公司法"
	}
	body, _ = json.Marshal(map[string]any{"items": big})
	resp2, err := http.Post(base+"/api/validity", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var e struct {
		Error struct{ Code, Message string }
	}
	json.NewDecoder(resp2.Body).Decode(&e)
	resp2.Body.Close()
	if resp2.StatusCode != 400 || e.Error.Code == "" || !strings.Contains(e.Error.Message, "500") {
		t.Errorf("501 items: status %d, error %+v; want 400 with a message", resp2.StatusCode, e.Error)
	}
}

// The seed notice comes out with its number, issuer, date and title.
func TestSeedDocument(t *testing.T) {
	need(t)
	var r searchResp
	get(t, searchPath("q", "抚县政公领发[2022]3号"), &r, false)
	if len(r.Hits) == 0 {
		t.Fatal("seed not found by its number")
	}
	var w struct {
		Title     string   `json:"title"`
		DocNumber string   `json:"doc_number"`
		Authority []string `json:"authority"`
		Status    string   `json:"status"`
		Relations []struct {
			Type   string `json:"type"`
			Target string `json:"target"`
		} `json:"relations"`
		Versions []struct {
			PublishDate string `json:"publish_date"`
		} `json:"versions"`
	}
	get(t, "/api/works/"+url.PathEscape(r.Hits[0].WorkID), &w, false)
	if w.DocNumber != "抚县政公领发〔2022〕3号" || len(w.Authority) != 1 || w.Authority[0] != "抚顺县政务公开领导小组" ||
		w.Title != "关于印发《抚顺县2022年政务公开工作要点》的通知" || w.Versions[0].PublishDate != "2022-06-20" {
		t.Errorf("seed read as %+v", w)
	}
	cited := map[string]bool{}
	for _, rel := range w.Relations {
		if rel.Type == "cites" {
			cited[rel.Target] = true
		}
	}
	for _, n := range []string{"国办发〔2022〕8号", "辽政公领发〔2022〕1号", "抚政办公开〔2022〕3号"} {
		if !cited[n] {
			t.Errorf("seed does not cite %s: %+v", n, w.Relations)
		}
	}
	// A 2022 work plan that states no 有效期 lapses with its year; the reason says how
	// the date was arrived at.
	var v validityResp
	get(t, "/api/validity?asof=2026-11-27&q="+url.QueryEscape("抚县政公领发〔2022〕3号"), &v, false)
	if len(v.Results) != 1 || v.Results[0].Status == nil || *v.Results[0].Status != "已失效" ||
		!strings.Contains(v.Results[0].StatusReason, "有效期至2022年12月31日届满") || !strings.Contains(v.Results[0].StatusReason, "根据标题") {
		t.Errorf("seed as of 2026-11-27: %+v", v.Results)
	}
}

// Titles as staff shorten them: the issuer left out or shortened (最高法), the law's
// 中华人民共和国 left out.
func TestShortenedTitles(t *testing.T) {
	need(t)
	const title = "最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（一）"
	for _, q := range []string{"最高法关于适用民法典婚姻家庭编的解释（一）", "关于适用民法典婚姻家庭编的解释（一）",
		"关于适用《中华人民共和国民法典》婚姻家庭编的解释（一）", "最高人民法院关于适用民法典婚姻家庭编的解释（一）"} {
		var v validityResp
		get(t, "/api/validity?q="+url.QueryEscape(q), &v, false)
		if len(v.Results) != 1 || v.Results[0].Title == nil || *v.Results[0].Title != title || *v.Results[0].MatchedBy != "title" {
			t.Errorf("validity %q: %+v", q, v.Results)
		}
	}
	var v validityResp
	get(t, "/api/validity?q="+url.QueryEscape("最高检关于适用民法典婚姻家庭编的解释（一）"), &v, false)
	if len(v.Results) != 1 || v.Results[0].MatchedBy != nil {
		t.Errorf("another issuer's title: %+v", v.Results)
	}
}
