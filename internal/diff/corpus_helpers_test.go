package diff

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
)

type lawRecord struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	PublishDate string          `json:"publish_date"`
	VersionOf   string          `json:"version_of"`
	Collection  string          `json:"collection"`
	Text        string          `json:"text"`
	Provisions  json.RawMessage `json:"provisions"`
}

// loadLaws reads the records of laws.jsonl that keep returns true for.
func loadLaws(t testing.TB, keep func(lawRecord) bool) []lawRecord {
	t.Helper()
	f, err := os.Open(testcorpus.Laws(t))
	if err != nil {
		t.Skipf("laws.jsonl: %v", err)
	}
	defer f.Close()
	return scanLaws(t, f, keep)
}

// scanLaws reads the JSON Lines records of r that keep returns true for.
func scanLaws(t testing.TB, r io.Reader, keep func(lawRecord) bool) []lawRecord {
	t.Helper()
	var recs []lawRecord
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r lawRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if keep(r) {
			recs = append(recs, r)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// byID returns the records with the given ids, in that order, skipping the test if
// one is missing.
func byID(t testing.TB, ids ...string) []lawRecord {
	t.Helper()
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	recs := loadLaws(t, func(r lawRecord) bool { return want[r.ID] })
	out := make([]lawRecord, 0, len(ids))
	for _, id := range ids {
		for _, r := range recs {
			if r.ID == id {
				out = append(out, r)
			}
		}
	}
	if len(out) != len(ids) {
		t.Skipf("corpus records %v not all found", ids)
	}
	return out
}
