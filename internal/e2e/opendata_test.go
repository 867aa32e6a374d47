package e2e

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The open-data catalogue lists every public work once, with its status on the date.
func TestCatalogueOnCorpus(t *testing.T) {
	need(t)
	var ready struct {
		Works int `json:"works"`
	}
	get(t, "/readyz", &ready, false)
	code, h, body := fetch(t, base, "/api/catalog.csv?asof=2026-11-27", false)
	if code != 200 || h.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("catalog.csv: %d %v", code, h)
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[string]int{}
	byTitle := map[string][]string{}
	for _, r := range recs[1:] {
		statuses[r[8]]++
		byTitle[r[1]] = r
	}
	if len(recs)-1 != ready.Works {
		t.Errorf("catalog.csv has %d works, the catalogue %d", len(recs)-1, ready.Works)
	}
	if r := byTitle["城市供水条例"]; r == nil || r[8] != "已废止" || !strings.Contains(r[9], "供水条例") {
		t.Errorf("城市供水条例 in catalog.csv: %v", r)
	}
	t.Logf("catalog.csv as of 2026-11-27: %d works, %d bytes, statuses %v", len(recs)-1, len(body), statuses)

	// JSON Lines: the same works, status as of another date.
	code, _, body = fetch(t, base, "/api/catalog.jsonl?asof=2026-05-01", false)
	if code != 200 {
		t.Fatalf("catalog.jsonl: %d", code)
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var r struct {
			Title  string `json:"title"`
			Status string `json:"status"`
			URL    string `json:"url"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if r.Title == "城市供水条例" && r.Status != "现行有效" {
			t.Errorf("城市供水条例 as of 2026-05-01: %s", r.Status)
		}
		if !strings.HasPrefix(r.URL, base+"/works/") {
			t.Errorf("url %s", r.URL)
		}
		n++
	}
	if n != ready.Works {
		t.Errorf("catalog.jsonl has %d lines, want %d", n, ready.Works)
	}
}

var metricLine = regexp.MustCompile(`^([a-z_]+)(\{.*\})? ([0-9.e+-]+)$`)

// /metrics labels requests by route template and reports the served index.
func TestMetricsOnCorpus(t *testing.T) {
	need(t)
	for _, id := range []string{"nope-1", "nope-2", url.PathEscape("城市供水条例")} {
		fetch(t, base, "/api/works/"+id, false)
	}
	if code, _, _ := fetch(t, base, "/metrics", false); code != 403 {
		t.Errorf("metrics for the public with a staff token configured: %d, want 403", code)
	}
	code, _, body := fetch(t, base, "/metrics", true)
	if code != 200 {
		t.Fatalf("metrics: %d", code)
	}
	values := map[string]float64{}
	for _, l := range strings.Split(string(body), "\n") {
		if m := metricLine.FindStringSubmatch(l); m != nil {
			v, _ := strconv.ParseFloat(m[3], 64)
			values[m[1]+m[2]] = v
		}
	}
	var ready struct {
		Versions int `json:"versions"`
	}
	get(t, "/readyz", &ready, true) // staff: the metrics count restricted documents too
	if values["guifan_index_documents"] != float64(ready.Versions) || values["guifan_index_bytes"] < 1e6 || values["guifan_ready"] != 1 {
		t.Errorf("index figures: documents %v (want %d), bytes %v", values["guifan_index_documents"], ready.Versions, values["guifan_index_bytes"])
	}
	if age, ok := values["guifan_snapshot_age_seconds"]; !ok || age < 0 {
		t.Errorf("snapshot age %v", age)
	}
	if values[`guifan_http_request_duration_seconds_count{code="404",method="GET",route="/api/works/{work_id}"}`] < 2 {
		t.Errorf("404s on /api/works/{work_id} not counted under the template")
	}
	if strings.Contains(string(body), "nope-1") || strings.Contains(string(body), "route=\"/api/works/nope") {
		t.Error("a raw path became a label")
	}
	t.Logf("metrics: %d series, documents %.0f, bytes %.0f, snapshot files %.0f", len(values), values["guifan_index_documents"], values["guifan_index_bytes"], values["guifan_snapshot_files"])
}
