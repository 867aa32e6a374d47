package service

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/guifan/guifan/internal/problem"
)

// The clean-up list names restricted documents: the public is refused at the service,
// whatever the handler in front of it does.
func TestCleanupIsStaffOnly(t *testing.T) {
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "lib"), filepath.Join(dir, "idx")
	os.MkdirAll(lib, 0o755)
	os.WriteFile(filepath.Join(lib, "a.jsonl"), []byte(`{"id":"x1","title":"某县补贴办法","level":"行政规范性文件","disclosure":"restricted","publish_date":"2024-01-01","expiry_date":"2026-12-31","text":"第一条 补贴。"}`+"\n"), 0o644)
	build(t, lib, idx)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	if _, err := st.Cleanup(20261127, 180, Viewer{}); problem.HTTPStatus(err) != 403 {
		t.Errorf("public clean-up: %v, want forbidden", err)
	}
	l, err := st.Cleanup(20261127, 180, Viewer{Staff: true})
	if err != nil || len(l.Rows) != 1 || l.Rows[0].Title != "某县补贴办法" {
		t.Errorf("staff clean-up: %v %+v", err, l)
	}
	if _, err := st.Cleanup(20261127, -1, Viewer{Staff: true}); problem.HTTPStatus(err) != 400 {
		t.Errorf("days=-1: %v", err)
	}
	if _, err := st.Changes(20261127, 20261101, nil, Viewer{}); problem.HTTPStatus(err) != 400 {
		t.Errorf("until before since: %v", err)
	}
}
