package extract

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Golden tests for the DOCX, DOC, HTML, text and OFD readers: every fixture under
// testdata/{docx,doc,html,text,ofd} with a .golden file beside it is read and
// compared. `go test ./internal/extract -update` rewrites the golden files and
// regenerates the built fixtures.

func init() {
	// Registered here rather than in a package variable so that another test file
	// of the package may define the same flag first.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files and generated fixtures")
	}
}

func updatingFormatGolden() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	b, _ := g.Get().(bool)
	return b
}

var formatGoldenDirs = []string{"docx", "doc", "html", "text", "ofd"}

func TestGoldenFormats(t *testing.T) {
	if updatingFormatGolden() {
		writeFormatFixtures(t)
	}
	for _, dir := range formatGoldenDirs {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range files {
			if strings.HasSuffix(f, ".golden") || !Supported(f) || errorFormatFixture(f) {
				continue
			}
			golden := f + ".golden"
			n++
			t.Run(filepath.ToSlash(f), func(t *testing.T) {
				res, err := File(context.Background(), f, Options{})
				if err != nil {
					t.Fatalf("read: %v", err)
				}
				got := renderFormatGolden(res)
				if updatingFormatGolden() {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if got != string(want) {
					t.Errorf("output differs from %s (run with -update after checking):\n%s", golden, goldenLineDiff(string(want), got))
				}
			})
		}
		if n == 0 {
			t.Errorf("no golden fixtures in testdata/%s", dir)
		}
	}
}

// errorFormatFixture names fixtures that must fail; TestFormatReadErrors covers them.
func errorFormatFixture(path string) bool {
	base := filepath.Base(path)
	for _, p := range []string{"bomb", "truncated", "encrypted", "corrupt"} {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	return false
}

func renderFormatGolden(res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "extractor: %s\n", res.Extractor)
	if res.Title != "" {
		fmt.Fprintf(&b, "title: %s\n", res.Title)
	}
	if res.Pages > 0 {
		fmt.Fprintf(&b, "pages: %d\n", res.Pages)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	b.WriteString("---\n")
	b.WriteString(res.Text)
	b.WriteString("\n")
	return b.String()
}

// goldenLineDiff shows the first differing line, enough to see what changed.
func goldenLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, wl, gl)
		}
	}
	return "(no line differs; whitespace at end?)"
}

// writeFormatFixture writes a generated fixture, creating its folder.
func writeFormatFixture(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readFormatFixture returns a committed fixture's bytes.
func readFormatFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatalf("fixture %s: %v (run go test -update to generate it)", path, err)
	}
	return b
}

// fuzzFormatReader runs one reader on fuzz input: it must not panic, must fail only with
// an *Error, and must keep its output within the text budget.
func fuzzFormatReader(t *testing.T, r reader, name string, data []byte) {
	opt := Options{MaxTextBytes: 1 << 20}.withDefaults()
	res, err := r(context.Background(), name, data, opt)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("error is not an *Error: %v", err)
		}
		return
	}
	if res == nil {
		t.Fatal("nil result without error")
	}
	if int64(len(res.Text)) > 2*opt.MaxTextBytes+4096 {
		t.Errorf("%d bytes of text from %d bytes of input", len(res.Text), len(data))
	}
	if !utf8.ValidString(res.Text) || !utf8.ValidString(res.Title) {
		t.Error("invalid UTF-8 in output")
	}
}

// addFormatSeeds adds committed fixtures to a fuzz corpus.
func addFormatSeeds(f *testing.F, paths ...string) {
	for _, p := range paths {
		f.Add(readFormatFixture(f, p))
	}
}
