package article

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", name, got)
	}
}

// The tables of contents of real texts: headings broken over two lines (监督法),
// Markdown parts with unmarked sub-parts (担保制度解释), chapters and sections
// (民法典 总则编).
func TestTOCGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	cases := map[string]string{
		"lawrefbook:3d77d578166d4baf8858cd9edc158c90": "toc_jiandufa.golden",
		"lawrefbook:48c4dfeb80394f02a909d4fadac91e25": "toc_danbao.golden",
		"lawrefbook:48c29fef2d7a4e5d8016cec60aa70eb7": "toc_minfadian_zongze.golden",
	}
	found := 0
	for _, r := range loadLaws(t) {
		name, ok := cases[r.ID]
		if !ok {
			continue
		}
		found++
		arts := Split(r.Text, nil)
		var b strings.Builder
		fmt.Fprintf(&b, "%s (%s): %d items\n", r.Title, r.ID, len(arts))
		for _, e := range TOC(arts) {
			fmt.Fprintf(&b, "%s%s #%s %s–%s\n", strings.Repeat("  ", e.Level-1), e.Title, e.Anchor, e.First, e.Last)
		}
		golden(t, name, b.String())
	}
	if found != len(cases) {
		t.Fatalf("found %d of %d records", found, len(cases))
	}
}
