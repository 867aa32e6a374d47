package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/model"
	"github.com/xuri/excelize/v2"
)

// fetch returns the status, headers and body of a GET.
func fetch(t testing.TB, root, path string, staff bool) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", root+path, nil)
	if staff {
		req.Header.Set("Authorization", "Bearer "+staffToken)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, body
}

type cleanupResp struct {
	AsOf   string         `json:"asof"`
	Counts map[string]int `json:"counts"`
	Rows   []cleanupRow   `json:"rows"`
}

type cleanupRow struct {
	Category  string `json:"category"`
	WorkID    string `json:"work_id"`
	Title     string `json:"title"`
	DocNumber string `json:"doc_number"`
	Status    string `json:"status"`
	DaysLeft  *int   `json:"days_left"`
	Reason    string `json:"reason"`
	Evidence  string `json:"evidence"`
	Related   *struct {
		WorkID string `json:"work_id"`
		Title  string `json:"title"`
		Status string `json:"status"`
	} `json:"related"`
}

func (c cleanupResp) row(cat, title string) *cleanupRow {
	for i := range c.Rows {
		if c.Rows[i].Category == cat && c.Rows[i].Title == title {
			return &c.Rows[i]
		}
	}
	return nil
}

func cleanupList(t *testing.T, root, query string) cleanupResp {
	t.Helper()
	code, _, body := fetch(t, root, "/api/cleanup?"+query, true)
	if code != 200 {
		t.Fatalf("cleanup %s: %d %s", query, code, body)
	}
	var c cleanupResp
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// The real corpus: the Hainan subsidy plan expires on 2026-12-31, Shanghai's water
// regulation rests on the national 城市供水条例 repealed on 2026-06-01, Beijing's noise
// measures rest on the repealed 环境噪声污染防治法.
func TestCleanupOnCorpus(t *testing.T) {
	need(t)
	code, _, body := fetch(t, base, "/api/cleanup", false)
	if code != 403 || !strings.Contains(string(body), `"code":"forbidden"`) {
		t.Errorf("public clean-up list: %d %s", code, body)
	}
	for _, p := range []string{"/api/cleanup.csv", "/api/cleanup.xlsx", "/api/cleanup?format=xlsx"} {
		if code, _, _ := fetch(t, base, p, false); code != 403 {
			t.Errorf("public %s: %d", p, code)
		}
	}
	c := cleanupList(t, base, "asof=2026-11-27")
	hainan := c.row("expiring", "关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知")
	if hainan == nil || hainan.DaysLeft == nil || *hainan.DaysLeft != 34 || !strings.Contains(hainan.Evidence, "标题载明期限") {
		t.Errorf("Hainan plan: %+v", hainan)
	}
	water := c.row("basis_ended", "上海市供水管理条例")
	if water == nil || water.Related == nil || water.Related.Title != "城市供水条例" || water.Related.Status != "已废止" ||
		!strings.Contains(water.Evidence, "根据有关法律和国务院《城市供水条例》") || !strings.Contains(water.Reason, "《供水条例》") {
		t.Errorf("上海市供水管理条例: %+v", water)
	}
	if noise := c.row("basis_ended", "北京市环境噪声污染防治办法"); noise == nil || noise.Related.Title != "中华人民共和国环境噪声污染防治法" {
		t.Errorf("北京市环境噪声污染防治办法: %+v", noise)
	}
	for _, r := range c.Rows {
		t.Logf("%s | %s | %s | %s | %s", r.Category, r.Title, r.Status, r.Reason, r.Evidence)
	}
	// Before the new 供水条例 took effect the Shanghai regulation's basis stood.
	if early := cleanupList(t, base, "asof=2026-05-01"); early.row("basis_ended", "上海市供水管理条例") != nil {
		t.Error("上海市供水管理条例 listed before its basis was repealed")
	}
	// days=30 leaves the Hainan plan (34 days) out.
	if narrow := cleanupList(t, base, "asof=2026-11-27&days=30"); narrow.row("expiring", hainan.Title) != nil {
		t.Error("days=30 still lists a plan expiring in 34 days")
	}
	if code, _, body := fetch(t, base, "/api/cleanup?days=-1", true); code != 400 || !strings.Contains(string(body), `"param":"days"`) {
		t.Errorf("days=-1: %d %s", code, body)
	}

	// CSV: BOM, Chinese header, one line per row, as an attachment.
	code, h, csvBody := fetch(t, base, "/api/cleanup.csv?asof=2026-11-27", true)
	if code != 200 || !bytes.HasPrefix(csvBody, []byte("\xEF\xBB\xBF序号,类别")) || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("CSV: %d %v %q", code, h, csvBody[:min(40, len(csvBody))])
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(csvBody, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil || len(recs) != len(c.Rows)+1 {
		t.Errorf("CSV has %d records for %d rows: %v", len(recs), len(c.Rows), err)
	}
	// XLSX: the same rows.
	code, h, xlsx := fetch(t, base, "/api/cleanup?format=xlsx&asof=2026-11-27", true)
	if code != 200 || !strings.Contains(h.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("XLSX: %d %v", code, h)
	}
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("定期清理")
	if len(rows) != len(c.Rows)+1 || rows[1][2] != c.Rows[0].Title {
		t.Errorf("XLSX: %d rows, first %v; want %d rows starting with %s", len(rows), rows[min(1, len(rows)-1)], len(c.Rows)+1, c.Rows[0].Title)
	}
	if code, _, _ := fetch(t, base, "/api/cleanup.csv?format=xlsx", true); code != 400 {
		t.Errorf("conflicting format and suffix: %d", code)
	}
}

type changesResp struct {
	Since  string         `json:"since"`
	Until  string         `json:"until"`
	Total  int            `json:"total"`
	Counts map[string]int `json:"counts"`
	Events []struct {
		ID         string `json:"id"`
		Kind       string `json:"kind"`
		Date       string `json:"date"`
		WorkID     string `json:"work_id"`
		Title      string `json:"title"`
		FromStatus string `json:"from_status"`
		ToStatus   string `json:"to_status"`
		Summary    string `json:"summary"`
		Reason     string `json:"reason"`
	} `json:"events"`
}

func changesOf(t *testing.T, root, query string, staff bool) changesResp {
	t.Helper()
	code, _, body := fetch(t, root, "/api/changes?"+query, staff)
	if code != 200 {
		t.Fatalf("changes %s: %d %s", query, code, body)
	}
	var c changesResp
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

func atomOf(t *testing.T, root, query string, staff bool) (atomDoc, string) {
	t.Helper()
	code, h, body := fetch(t, root, "/feed.atom?"+query, staff)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed %s: %d %s", query, code, body)
	}
	var doc atomDoc
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("feed is not well-formed Atom: %v", err)
	}
	return doc, string(body)
}

// Status changes come from the timelines alone: the 2026 water regulation repeals the
// 1994 one on 1 June, the VAT law replaces the provisional regulation on 1 January.
func TestChangesOnCorpus(t *testing.T) {
	need(t)
	c := changesOf(t, base, "since=2026-05-01&until=2026-06-30&kind=status_changed", false)
	want := map[string]string{"城市供水条例": "已废止", "供水条例": "现行有效"}
	for _, e := range c.Events {
		if e.Kind != "status_changed" || e.Date < "2026-05-01" || e.Date > "2026-06-30" {
			t.Errorf("event outside the asked window or kinds: %+v", e)
		}
		if to, ok := want[e.Title]; ok && e.Date == "2026-06-01" && e.ToStatus == to {
			delete(want, e.Title)
		}
	}
	if len(want) != 0 {
		t.Errorf("missing status changes on 2026-06-01: %v in %+v", want, c.Events)
	}
	vat := changesOf(t, base, "since=2026-01-01&until=2026-01-01", false)
	found := false
	for _, e := range vat.Events {
		if e.Title == "中华人民共和国增值税暂行条例" && e.ToStatus == "已废止" && strings.Contains(e.Reason, "增值税法") {
			found = true
			if !regexp.MustCompile(`^tag:guifan,2026:work/[^/]+/status/2026-01-01$`).MatchString(e.ID) {
				t.Errorf("entry id %s", e.ID)
			}
		}
	}
	if !found {
		t.Errorf("VAT regulation repeal on 2026-01-01 missing: %+v", vat.Events)
	}

	// Every work was added by the ingest this test run did (today, by the real clock).
	today := model.Today().String()
	added := changesOf(t, base, "since="+today+"&until="+today+"&kind=work_added&limit=1", false)
	var ready struct {
		Works int `json:"works"`
	}
	get(t, "/readyz", &ready, false)
	if added.Total != ready.Works || len(added.Events) != 1 {
		t.Errorf("works added today: %d (returned %d), catalogue has %d", added.Total, len(added.Events), ready.Works)
	}

	// The Atom feed carries the same entries with the same ids.
	doc, _ := atomOf(t, base, "since=2026-05-01&until=2026-06-30&kind=status_changed", false)
	if len(doc.Entries) != len(c.Events) {
		t.Errorf("feed has %d entries, the JSON %d events", len(doc.Entries), len(c.Events))
	}
	for i, e := range doc.Entries {
		if i < len(c.Events) && e.ID != c.Events[i].ID {
			t.Errorf("entry %d id %s, JSON %s", i, e.ID, c.Events[i].ID)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || !strings.HasPrefix(e.Title, "《") {
			t.Errorf("entry %+v", e)
		}
	}
	for _, q := range []string{"", "since=2026-13-01", "since=2026-06-01&until=2026-05-01", "since=2026-06-01&kind=nope"} {
		if code, _, body := fetch(t, base, "/api/changes?"+q, false); code != 400 || !strings.Contains(string(body), `"error"`) {
			t.Errorf("changes?%s: %d %s", q, code, body)
		}
	}
}
