package metrics

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/service"
)

func scrape(t *testing.T, m *Metrics) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	line := regexp.MustCompile(`(?m)^(guifan_[a-z_]+(?:\{.*\})?) ([0-9.e+-]+)$`)
	out := map[string]float64{}
	for _, s := range line.FindAllStringSubmatch(rec.Body.String(), -1) {
		v, _ := strconv.ParseFloat(s[2], 64)
		out[s[1]] = v
	}
	return out
}

// library writes a library of one JSON Lines file; it returns its folder and the index
// folder beside it.
func library(t *testing.T, records string) (lib, idx string) {
	t.Helper()
	dir := t.TempDir()
	lib, idx = filepath.Join(dir, "lib"), filepath.Join(dir, "idx")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "a.jsonl"), []byte(records), 0o644); err != nil {
		t.Fatal(err)
	}
	return lib, idx
}

func TestIndexAndIngestFigures(t *testing.T) {
	lib, idx := library(t, `{"id":"x1","title":"某市养老服务条例","publish_date":"2019-01-01","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"x2","title":"某市物业管理条例","publish_date":"2020-01-01","text":"第一条 物业。"}
`)
	os.WriteFile(filepath.Join(lib, "broken.pdf"), []byte("%PDF-1.7 not really"), 0o644)
	svc := service.New(idx, nil)
	m := New(svc, false)
	if v := scrape(t, m); v["guifan_ready"] != 0 || v["guifan_index_documents"] != 0 {
		t.Errorf("before any snapshot: %v", v)
	}
	rep, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	m.ObserveIngest(IngestResult{Files: rep.Files, Versions: rep.Versions, Errors: len(rep.Errors), Duration: rep.Duration})
	m.ObserveIngest(IngestResult{Err: errors.New("disk full")})
	if _, err := svc.Reload(); err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	v := scrape(t, m)
	want := map[string]float64{
		"guifan_ready": 1, "guifan_index_documents": 2, "guifan_index_works": 2, "guifan_snapshot_files": 2, "guifan_snapshot_versions": 2,
		"guifan_snapshot_ingest_errors": 1, "guifan_ingest_files_total": 2, "guifan_ingest_versions_total": 2, "guifan_ingest_errors_total": 1,
		`guifan_ingest_runs_total{result="published"}`: 1, `guifan_ingest_runs_total{result="failed"}`: 1,
	}
	for k, w := range want {
		if v[k] != w {
			t.Errorf("%s = %v, want %v", k, v[k], w)
		}
	}
	if v["guifan_index_bytes"] < 1000 || v["guifan_snapshot_age_seconds"] < 0 || v["guifan_snapshot_age_seconds"] > 600 {
		t.Errorf("bytes %v age %v", v["guifan_index_bytes"], v["guifan_snapshot_age_seconds"])
	}
	if last := v["guifan_ingest_last_run_timestamp_seconds"]; time.Since(time.Unix(int64(last), 0)) > time.Minute {
		t.Errorf("last ingest run at %v", last)
	}
}

// Served to anyone (no staff access configured), the figures count public documents
// only: the restricted one adds to no count the public can read.
func TestPublicFiguresLeaveRestrictedDocumentsOut(t *testing.T) {
	lib, idx := library(t, `{"id":"x1","title":"某市养老服务条例","publish_date":"2019-01-01","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"x2","title":"某市物业管理条例","publish_date":"2020-01-01","text":"第一条 物业。"}
{"id":"x3","title":"某市物业管理条例","version_of":"x2","publish_date":"2022-01-01","text":"第一条 物业服务。"}
{"id":"x4","title":"某市内部督查办法","publish_date":"2021-01-01","disclosure":"restricted","text":"第一条 督查。"}
`)
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
	svc := service.New(idx, nil)
	if _, err := svc.Reload(); err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	public, staff := scrape(t, New(svc, true)), scrape(t, New(svc, false))
	if public["guifan_index_documents"] != 3 || public["guifan_index_works"] != 2 {
		t.Errorf("public figures: %v documents, %v works; want 3 and 2", public["guifan_index_documents"], public["guifan_index_works"])
	}
	for _, k := range []string{"guifan_snapshot_versions", "guifan_snapshot_files", "guifan_snapshot_relations"} {
		if _, ok := public[k]; ok {
			t.Errorf("public figures include %s", k)
		}
	}
	if staff["guifan_index_documents"] != 4 || staff["guifan_index_works"] != 3 || staff["guifan_snapshot_versions"] != 4 {
		t.Errorf("staff figures: %v documents, %v works, %v versions; want 4, 3 and 4",
			staff["guifan_index_documents"], staff["guifan_index_works"], staff["guifan_snapshot_versions"])
	}
}
