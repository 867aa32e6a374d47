package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/snapshot"
)

func build(t *testing.T, lib, idx string) {
	t.Helper()
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
}

// buildJSONL ingests a library of one JSON Lines file with these records and returns
// the index folder.
func buildJSONL(t *testing.T, records string) string {
	t.Helper()
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "lib"), filepath.Join(dir, "idx")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "a.jsonl"), []byte(records), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, lib, idx)
	return idx
}

// A corrupt current snapshot at start-up falls back to the last good one.
func TestCorruptSnapshotFallsBack(t *testing.T) {
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "lib"), filepath.Join(dir, "idx")
	os.MkdirAll(lib, 0o755)
	os.WriteFile(filepath.Join(lib, "a.jsonl"), []byte(`{"id":"x1","title":"某市养老服务条例","publish_date":"2019-01-01","text":"第一条 为了发展养老服务，制定本条例。"}`+"\n"), 0o644)
	build(t, lib, idx)
	root := snapshot.Root(idx)
	good, _ := root.Current()
	os.WriteFile(filepath.Join(lib, "b.jsonl"), []byte(`{"id":"x2","title":"某市物业条例","publish_date":"2020-01-01","text":"第一条 物业。"}`+"\n"), 0o644)
	build(t, lib, idx)
	bad, _ := root.Current()
	if bad == good {
		t.Fatal("second ingest published nothing")
	}
	// Corrupt the newest snapshot's manifest.
	if err := os.WriteFile(filepath.Join(root.Path(bad), "manifest.gob.gz"), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	svc := New(idx, nil)
	defer svc.Close()
	if _, err := svc.Reload(); err != nil {
		t.Fatalf("reload: %v", err)
	}
	st, release, err := svc.Acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if st.Name != good {
		t.Errorf("serving %s, want the last good snapshot %s", st.Name, good)
	}
	if _, ok := st.Catalog.Version("x1"); !ok {
		t.Error("the good snapshot's records are missing")
	}
	// With nothing to fall back to, the error says so.
	os.RemoveAll(root.Path(good))
	svc2 := New(idx, nil)
	if _, err := svc2.Reload(); err == nil {
		t.Error("no error with every snapshot unreadable")
	}
}
