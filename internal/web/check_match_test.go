package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/ingest"
)

// matchLibrary is a library for the batch check over HTTP: a regulation revised under a
// new order, a city's 办法 repealed in 2023, a notice issuing another 办法, and a
// restricted document.
const matchLibrary = `{"id":"gs-2003","version_of":"gongshang","title":"工伤保险条例","doc_number":"国务院令第375号","level":"行政法规","publish_date":"2003-04-27","effective_date":"2004-01-01","text":"第一条 为了保障因工作遭受事故伤害的职工获得医疗救治和经济补偿，制定本条例。"}
{"id":"gs-2010","version_of":"gongshang","title":"工伤保险条例","doc_number":"国务院令第586号","label":"2010年修订","level":"行政法规","publish_date":"2010-12-20","effective_date":"2011-01-01","text":"第一条 为了保障因工作遭受事故伤害的职工获得医疗救治和经济补偿，促进工伤预防和职业康复，分散用人单位的工伤风险，制定本条例。"}
{"id":"jy","version_of":"jiuye","title":"北京市就业补贴管理办法","doc_number":"京政发〔2019〕12号","authority":"北京市人民政府","publish_date":"2019-03-01","text":"第一条 为规范就业补贴，制定本办法。"}
{"id":"fz","version_of":"feizhi","title":"北京市人民政府关于废止部分规范性文件的决定","doc_number":"京政发〔2023〕1号","authority":"北京市人民政府","publish_date":"2023-01-01","text":"一、废止部分文件。","relations":[{"type":"repeals","target":"jiuye","date":"2023-01-01"}]}
{"id":"yl","version_of":"yanglao","title":"北京市人民政府关于印发《北京市养老服务补贴办法》的通知","doc_number":"京政发〔2021〕5号","authority":"北京市人民政府","publish_date":"2021-06-01","text":"现将《北京市养老服务补贴办法》印发给你们。"}
{"id":"nb","version_of":"neibu","title":"北京市社区工作者内部考核办法","doc_number":"京政办发〔2020〕3号","authority":"北京市人民政府办公厅","disclosure":"restricted","publish_date":"2020-05-01","text":"第一条 内部考核。"}
`

func newMatchSite(t *testing.T) *site {
	t.Helper()
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "laws.jsonl"), []byte(matchLibrary), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
	return startSite(t, lib, idx)
}

type matchResult struct {
	Input        string  `json:"input"`
	Status       *string `json:"status"`
	StatusReason string  `json:"status_reason"`
	WorkID       *string `json:"work_id"`
	Title        *string `json:"title"`
	DocNumber    *string `json:"doc_number"`
	MatchedBy    *string `json:"matched_by"`
}

// want is one line's expected answer: work "" for no match at all.
type want struct {
	line, work, by, status string
}

func checkResults(t *testing.T, who string, rs []matchResult, wants []want) {
	t.Helper()
	if len(rs) != len(wants) {
		t.Fatalf("%s: %d results for %d lines", who, len(rs), len(wants))
	}
	for i, w := range wants {
		r := rs[i]
		if r.Input != w.line {
			t.Errorf("%s: result %d is for %q, want %q", who, i, r.Input, w.line)
		}
		if w.work == "" {
			if r.Status != nil || r.WorkID != nil || r.Title != nil || r.DocNumber != nil || r.MatchedBy != nil || r.StatusReason != "未找到匹配的文件" {
				t.Errorf("%s: %q gives %+v, want nothing found", who, w.line, r)
			}
			continue
		}
		if r.WorkID == nil || *r.WorkID != w.work || r.MatchedBy == nil || *r.MatchedBy != w.by || r.Status == nil || *r.Status != w.status {
			t.Errorf("%s: %q gives work %v by %v status %v (%s), want %s by %s %s", who, w.line, deref(r.WorkID), deref(r.MatchedBy), deref(r.Status), r.StatusReason, w.work, w.by, w.status)
		}
	}
}

func deref(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

// The batch check over HTTP — GET and POST /api/validity, the /check page — matches
// pasted lines as staff write them (list numbering, other brackets, full-width digits,
// leading zeros, title and number together, a notice's document by its own title),
// answers a revision's order not yet in force as 尚未生效, finds nothing for a number one
// off, and tells the public nothing of a restricted document, which staff see.
func TestCheckMatchingOverHTTP(t *testing.T) {
	s := newMatchSite(t)
	lines := []want{
		{"1. 京政发[2019]012号", "jiuye", "doc_number", "现行有效"},
		{"（一）《工伤保险条例》（国务院令第０５８６号）", "gongshang", "doc_number", "现行有效"},
		{"北京市养老服务补贴办法；", "yanglao", "title", "现行有效"},
		{"京政发〔2019〕13号", "", "", ""},
		{"京政办发（2020）3号", "", "", ""},
		{"北京市社区工作者内部考核办法", "", "", ""},
	}
	staffLines := append([]want(nil), lines...)
	staffLines[4] = want{"京政办发（2020）3号", "neibu", "doc_number", "现行有效"}
	staffLines[5] = want{"北京市社区工作者内部考核办法", "neibu", "title", "现行有效"}
	var items []string
	for _, l := range lines {
		items = append(items, l.line)
	}

	// GET, one line each in q, and POST of a JSON body, as the public.
	var got struct {
		AsOf    string        `json:"asof"`
		Results []matchResult `json:"results"`
	}
	r := s.get(t, q("/api/validity", "q", strings.Join(items, "\n"), "asof", "2022-06-01"))
	if r.Status != http.StatusOK {
		t.Fatalf("GET: status %d: %s", r.Status, r.Body)
	}
	if err := json.Unmarshal([]byte(r.Body), &got); err != nil {
		t.Fatal(err)
	}
	checkResults(t, "GET public", got.Results, lines)
	for _, res := range got.Results {
		// Beyond the line itself, nothing names the restricted document.
		res.Input = ""
		b, _ := json.Marshal(res)
		if strings.Contains(string(b), "内部考核") || strings.Contains(string(b), "neibu") || strings.Contains(string(b), "京政办发〔2020〕3号") {
			t.Errorf("GET public: the answer names the restricted document: %s", b)
		}
	}
	post := func(body map[string]any, staff bool) []matchResult {
		t.Helper()
		b, _ := json.Marshal(body)
		req, err := http.NewRequest(http.MethodPost, s.URL+"/api/validity", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if staff {
			req.Header.Set("Authorization", "Bearer "+staffToken)
		}
		resp := s.do(t, req, false)
		if resp.Status != http.StatusOK {
			t.Fatalf("POST: status %d: %s", resp.Status, resp.Body)
		}
		var out struct {
			Results []matchResult `json:"results"`
		}
		if err := json.Unmarshal([]byte(resp.Body), &out); err != nil {
			t.Fatal(err)
		}
		return out.Results
	}
	checkResults(t, "POST public", post(map[string]any{"items": items, "asof": "2022-06-01"}, false), lines)
	checkResults(t, "POST staff", post(map[string]any{"items": items, "asof": "2022-06-01"}, true), staffLines)

	// Dates: the repeal of the 办法, and the 2010 revision's order before it took effect.
	dated := []want{
		{"京政发〔2019〕12号", "jiuye", "doc_number", "已废止"},
		{"国务院令第586号", "gongshang", "doc_number", "尚未生效"},
		{"国令第375号", "gongshang", "doc_number", "现行有效"},
		{"工伤保险条例（2010年修订）", "gongshang", "title", "尚未生效"},
	}
	asof := map[string]string{"京政发〔2019〕12号": "2023-01-01"}
	for _, d := range dated {
		day := asof[d.line]
		if day == "" {
			day = "2010-12-31"
		}
		checkResults(t, "POST "+day, post(map[string]any{"items": []string{d.line}, "asof": day}, false), []want{d})
	}

	// The /check page, GET and POST, as the public and as staff.
	input := "1. 京政发[2019]012号\n京政办发（2020）3号\n京政发〔2019〕13号\n"
	for _, r := range []response{
		s.get(t, q("/check", "q", input, "asof", "2022-06-01")),
		s.post(t, "/check", url.Values{"q": {input}, "asof": {"2022-06-01"}}, false),
	} {
		if r.Status != http.StatusOK {
			t.Fatalf("/check: status %d", r.Status)
		}
		mustContain(t, r.Body, "北京市就业补贴管理办法", "/works/jiuye", "现行有效", "未找到匹配的文件")
		mustNotContain(t, r.Body, "内部考核", "/works/neibu")
		if n := strings.Count(r.Body, `<tr class="notfound">`); n != 2 {
			t.Errorf("/check public: %d rows not found, want 2", n)
		}
	}
	r = s.post(t, "/check", url.Values{"q": {input}, "asof": {"2022-06-01"}}, true)
	mustContain(t, r.Body, "北京市社区工作者内部考核办法", "/works/neibu")
	if n := strings.Count(r.Body, `<tr class="notfound">`); n != 1 {
		t.Errorf("/check staff: %d rows not found, want 1", n)
	}
}
