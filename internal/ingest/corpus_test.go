package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/library"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/testcorpus"
	"github.com/guifan/guifan/internal/validity"
)

// corpusRecords reads the national corpus the way an ingest does.
func corpusRecords(t *testing.T) []*catalog.Record {
	t.Helper()
	laws := testcorpus.Laws(t)
	st, err := os.Stat(laws)
	if err != nil {
		t.Skip(err)
	}
	e := library.Entry{Path: filepath.Base(laws), Abs: laws, Kind: library.Bulk, Size: st.Size()}
	sp, err := newSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	fr := readBulk(context.Background(), e, "h", "h", nil, Options{}, sp, nil)
	if fr.err != nil {
		t.Fatalf("read corpus: %+v", fr.err)
	}
	var recs []*catalog.Record
	for _, r := range fr.reads {
		recs = append(recs, r.record)
	}
	return recs
}

// The national law database (ansvar-flk) states each version's status as gathered in
// February 2026. Computed as of 2026-02-15 from dates alone, every version must agree.
func TestCorpusAgreesWithNationalDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	recs := corpusRecords(t)
	cat := catalog.Build(recs)
	asof := model.Date(20260215)
	want := map[string]validity.Status{"in_force": validity.InForce, "amended": validity.Amended, "not_yet_in_force": validity.NotYetEffective}
	total, agree := 0, 0
	counts := map[string]int{}
	var disagreements []string
	for _, r := range recs {
		if r.Version.SourceStatus == "" || r.Version.Source.Extractor != "jsonl/ansvar-flk" {
			continue
		}
		total++
		v, ok := cat.Version(r.Version.ID)
		if !ok {
			t.Fatalf("version %s lost", r.Version.ID)
		}
		got := cat.Timeline(v.WorkID).Version(v.ID, asof).Status
		counts[r.Version.SourceStatus+"→"+string(got)]++
		if got == want[r.Version.SourceStatus] {
			agree++
			continue
		}
		disagreements = append(disagreements, r.Version.Title+" "+r.Version.PublishDate.String()+": source "+r.Version.SourceStatus+", computed "+string(got))
	}
	sort.Strings(disagreements)
	t.Logf("ansvar-flk versions: %d, agreeing as of %s: %d (%.2f%%); by source→computed: %v", total, asof, agree, 100*float64(agree)/float64(total), counts)
	for _, d := range disagreements {
		t.Errorf("disagreement: %s", d)
	}
	if total != 485 {
		t.Errorf("expected the 485 ansvar-flk versions, found %d", total)
	}
}

// A law read from two sources must be one work: two works with one title would let a
// source that lacks the latest revision show an old text as 现行有效.
func TestCorpusLawsAreNotSplitAcrossSources(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	cat := catalog.Build(corpusRecords(t))
	byTitle := map[string][]string{}
	for _, id := range cat.WorkIDs() {
		w := cat.Works[id]
		switch w.Level {
		case model.LevelLaw, model.LevelAdminRegs, model.LevelJudicial, model.LevelLocalRegs, model.LevelConstitution:
			byTitle[w.Title+"|"+string(w.Level)] = append(byTitle[w.Title+"|"+string(w.Level)], id)
		}
	}
	for title, ids := range byTitle {
		if len(ids) > 1 {
			t.Errorf("%s is split into works %v", title, ids)
		}
	}
}
