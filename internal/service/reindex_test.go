package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/validity"
)

// A document that repeals another changes the other's status without re-indexing it:
// statuses come from the catalog through the document table, not from the index.
func TestRepealReindexesOnlyTheNewDocument(t *testing.T) {
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	write := func(name, text string) {
		p := filepath.Join(lib, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("就业补贴办法.txt", `某县人民政府办公室文件
某政办发〔2021〕5号
关于印发某县就业补贴办法的通知
某县人民政府办公室
2021年3月1日
第一条 为促进就业，制定本办法。
第二条 本办法自2021年4月1日起施行。
`)
	ingestNow := func() *ingest.Report {
		rep, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := ingestNow(); rep.Indexed != 1 {
		t.Fatalf("first ingest indexed %d", rep.Indexed)
	}
	write("废止决定.txt", `某县人民政府文件
某政发〔2022〕1号
关于废止部分行政规范性文件的决定
某县人民政府
2022年5月10日
经清理，决定对《关于印发某县就业补贴办法的通知》（某政办发〔2021〕5号）予以废止。本决定自2022年6月1日起施行。
`)
	if rep := ingestNow(); rep.Indexed != 1 || rep.Unchanged {
		t.Fatalf("second ingest indexed %d documents, want only the decision", rep.Indexed)
	}
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for _, c := range []struct {
		asof model.Date
		want validity.Status
	}{{20220531, validity.InForce}, {20220601, validity.Repealed}} {
		res, err := st.Search(context.Background(), search.Query{Text: "就业补贴", AsOf: c.asof, Size: 10, Statuses: []validity.Status{c.want}}, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Hits {
			found = found || h.Title == "关于印发某县就业补贴办法的通知" && h.Status == string(c.want)
		}
		if !found || res.Facets.Status[string(c.want)] == 0 {
			t.Errorf("as of %s: the notice is not found as %s (%d hits, facets %v)", c.asof, c.want, len(res.Hits), res.Facets.Status)
		}
	}
}
