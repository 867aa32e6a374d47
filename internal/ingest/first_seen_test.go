package ingest

import (
	"context"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/snapshot"
)

func runAt(t *testing.T, l, idx string, at time.Time) *Report {
	t.Helper()
	rep, err := Run(context.Background(), Options{Library: l, Index: idx, Now: func() time.Time { return at }})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// A record keeps the date it first appeared while it is reused, and while its file is
// corrected; new files and new bulk lines get the date of the ingest that read them.
func TestFirstSeen(t *testing.T) {
	l, idx := lib(t)
	t1 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	t2 := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	runAt(t, l, idx, t1)

	// A sidecar correction, a new file and a new version line in the bulk file.
	writeFile(t, l, "a/就业补贴办法.txt.meta.yaml", "title: 关于印发某县就业补贴办法的通知\npublish_date: 2021-03-01\neffective_date: 2021-04-01\nexpiry_date: 2024-06-30\n")
	writeFile(t, l, "d/新文件.txt", "关于印发某县创业补贴办法的通知\n某政办发〔2023〕9号\n第一条 为促进创业，制定本办法。\n")
	writeFile(t, l, "b/laws.jsonl", `{"id":"law-1","title":"某市养老服务条例","publish_date":"2019-01-01","effective_date":"2019-03-01","level":"地方性法规","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"law-2","title":"某市养老服务条例","publish_date":"2022-06-01","effective_date":"2022-09-01","level":"地方性法规","text":"第一条 为了发展养老服务事业，制定本条例。"}
{"id":"law-3","title":"某市养老服务条例","publish_date":"2025-06-01","effective_date":"2025-09-01","level":"地方性法规","text":"第一条 为了发展养老服务事业，保障老年人权益，制定本条例。"}
`)
	runAt(t, l, idx, t2)
	_, m := current(t, idx)
	byKey := map[string]*catalog.Record{}
	byID := map[string]*catalog.Record{}
	for _, r := range m.Records {
		byKey[r.Key], byID[r.Version.ID] = r, r
	}
	tests := []struct {
		name string
		rec  *catalog.Record
		want time.Time
	}{
		{"corrected sidecar keeps its date", byKey["a/就业补贴办法.txt"], t1},
		{"new file", byKey["d/新文件.txt"], t2},
		{"unchanged bulk line", byID["law-1"], t1},
		{"new bulk line", byID["law-3"], t2},
	}
	for _, tt := range tests {
		if tt.rec == nil {
			t.Errorf("%s: record missing", tt.name)
			continue
		}
		if !tt.rec.FirstSeen.Equal(tt.want) {
			t.Errorf("%s: first seen %s, want %s", tt.name, tt.rec.FirstSeen, tt.want)
		}
	}
	c := catalog.Build(m.Records)
	law3, _ := c.Version("law-3")
	if got := c.WorkFirstSeen(law3.WorkID); !got.Equal(t1) {
		t.Errorf("the law's work first seen %s, want %s (its first version)", got, t1)
	}
	if got := c.VersionFirstSeen("law-3"); !got.Equal(t2) {
		t.Errorf("law-3 first seen %s, want %s", got, t2)
	}
}

// A snapshot written before first-seen dates were kept dates its records by when it
// was built, not by the next ingest.
func TestFirstSeenFromOlderSnapshot(t *testing.T) {
	l, idx := lib(t)
	runAt(t, l, idx, time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC))
	name, m := current(t, idx)
	for _, r := range m.Records {
		r.FirstSeen = time.Time{}
	}
	if err := snapshot.SaveManifest(snapshot.Root(idx).Path(name), m); err != nil {
		t.Fatal(err)
	}
	writeFile(t, l, "d/新文件.txt", "关于印发某县创业补贴办法的通知\n第一条 为促进创业，制定本办法。\n")
	later := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	runAt(t, l, idx, later)
	_, m2 := current(t, idx)
	for _, r := range m2.Records {
		want := m.BuiltAt
		if r.Key == "d/新文件.txt" {
			want = later
		}
		if !r.FirstSeen.Equal(want) {
			t.Errorf("%s first seen %s, want %s", r.Key, r.FirstSeen, want)
		}
	}
}
