package diff

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/article"
)

var update = flag.Bool("update", false, "rewrite testdata/: fixtures from the corpus, and golden files")

// A real amendment: 互联网上网服务营业场所管理条例 as revised in 2019 and in 2022
// (LawRefBook). The 2022 revision rewrote 第十一条 and inserted a new 第三十二条, so
// the articles after it shifted by one. The fixtures keep a handful of articles.
var goldenPair = struct {
	oldID, newID string
	anchors      []string
	oldFile      string
	newFile      string
	golden       string
}{
	oldID:   "lawrefbook:f0276212078f47aa9a7a5dc0f0246a21",
	newID:   "lawrefbook:acd18e50c1ab447fbccff2756a7f82d2",
	anchors: []string{"preamble", "第十条", "第十一条", "第三十一条", "第三十二条", "第三十三条", "第三十四条", "第三十五条"},
	oldFile: "wangba_2019.md",
	newFile: "wangba_2022.md",
	golden:  "wangba_2019_2022.golden",
}

// excerpt keeps the named items of a text, each after its chapter heading when
// that changes, so the excerpt splits as the whole text did.
func excerpt(text string, anchors []string) string {
	keep := map[string]bool{}
	for _, a := range anchors {
		keep[a] = true
	}
	var parts []string
	chapter := ""
	for _, a := range article.Split(text, nil) {
		if !keep[a.Anchor] {
			continue
		}
		if a.Chapter != chapter && a.Chapter != "" {
			parts = append(parts, "## "+a.Chapter)
		}
		chapter = a.Chapter
		parts = append(parts, a.Body)
	}
	return strings.Join(parts, "\n\n") + "\n"
}

func TestCompareGolden(t *testing.T) {
	g := goldenPair
	oldPath := filepath.Join("testdata", g.oldFile)
	newPath := filepath.Join("testdata", g.newFile)
	if *update {
		recs := byID(t, g.oldID, g.newID)
		for k, path := range []string{oldPath, newPath} {
			if err := os.WriteFile(path, []byte(excerpt(recs[k].Text, g.anchors)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	oldText, err := os.ReadFile(oldPath)
	if err != nil {
		t.Fatal(err)
	}
	newText, err := os.ReadFile(newPath)
	if err != nil {
		t.Fatal(err)
	}
	res := Compare(string(oldText), string(newText), nil, nil)
	got := render(res)
	goldenPath := filepath.Join("testdata", g.golden)
	if *update {
		if err := os.WriteFile(goldenPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("comparison differs from %s (go test -update rewrites it):\n%s", goldenPath, got)
	}
	// What the golden file records, stated: the inserted article is aligned by
	// number and the shifted ones carry their old numbers.
	for _, r := range res.Rows {
		if r.Key == "第三十三条" && r.MovedFrom != "第三十二条" {
			t.Errorf("第三十三条 moved from %q, want 第三十二条", r.MovedFrom)
		}
		if r.Key == "第十条" && r.Op != OpSame {
			t.Errorf("第十条 is %s", r.Op)
		}
	}
}
