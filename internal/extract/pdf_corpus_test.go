package extract

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/testcorpus"
)

func init() {
	// Registered with a lookup so that another test file of the package may define it too.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files and generated fixtures")
	}
}

func pdfUpdating() bool {
	if f := flag.Lookup("update"); f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			b, _ := g.Get().(bool)
			return b
		}
	}
	return false
}

// pdfGoldens are real corpus files whose built-in reading is kept under testdata/pdf:
// a policy document in running text and a budget disclosure made of tables.
var pdfGoldens = []struct{ file, golden string }{
	{"2026年中央一号文件.pdf", "zhongyang-2026.golden"},
	{"上海市普陀区人民政府办公室25年预算.pdf", "putuo-office-budget-2025.golden"},
}

func TestPDFGolden(t *testing.T) {
	for _, g := range pdfGoldens {
		t.Run(g.golden, func(t *testing.T) {
			path := testcorpus.File(t, g.file)
			res, err := File(context.Background(), path, Options{NoExternal: true})
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprintf("extractor: %s\npages: %d\nwarnings: %q\n\n%s\n", res.Extractor, res.Pages, res.Warnings, res.Text)
			goldenPath := filepath.Join("testdata", "pdf", g.golden)
			if pdfUpdating() {
				if err := os.WriteFile(goldenPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s at %s (run with -update after checking the change)", goldenPath, diffAt(string(want), got))
			}
		})
	}
}

func diffAt(want, got string) string {
	w, g := []rune(want), []rune(got)
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	lo := max(0, i-20)
	return fmt.Sprintf("rune %d: want …%q…, got …%q…", i, string(w[lo:min(len(w), i+20)]), string(g[lo:min(len(g), i+20)]))
}

// pdfSeeds are one-page copies of real pages without font programs (a few KB each):
// a page of running text, a table page and a page of the scanned file (a GBK-EUC-H
// stamp over an image). -update regenerates them from the corpus.
var pdfSeeds = []struct {
	file    string
	page    int
	seed    string
	scanned bool
}{
	{"2026年中央一号文件.pdf", 2, "seed-text.pdf", false},
	{"上海市普陀区人民政府办公室25年预算.pdf", 9, "seed-table.pdf", false},
	{"海南省农机购置与应用补贴实施方案的通知.pdf", 1, "seed-notice.pdf", false},
	{"关于加力推进农机购置与应用补贴“优机优补““有进有出”的意见.pdf", 1, "seed-scanned.pdf", true},
}

func TestPDFSeedCopies(t *testing.T) {
	for _, s := range pdfSeeds {
		t.Run(s.seed, func(t *testing.T) {
			seedPath := filepath.Join("testdata", "pdf", s.seed)
			if pdfUpdating() {
				data, err := os.ReadFile(testcorpus.File(t, s.file))
				if err != nil {
					t.Fatal(err)
				}
				cp, err := copyPage(data, s.page)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(seedPath, cp, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			seed, err := os.ReadFile(seedPath)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Bytes(context.Background(), s.seed, seed, Options{NoExternal: true})
			if s.scanned {
				// Only the scanning app's stamp is text, and the reader decodes it.
				p, perr := builtinPages(context.Background(), seed, 0)
				if ReasonOf(err) != ReasonScanned || perr != nil || !strings.Contains(linesText(p.lines), "扫描全能王") {
					t.Errorf("scanned page copy: err %v, page text %q", err, linesText(p.lines))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// The copy must read as the page did in the original file.
			orig, err := builtinPages(context.Background(), mustReadFile(t, testcorpus.File(t, s.file)), 0)
			if err != nil {
				t.Fatal(err)
			}
			want := pagesText(orig.lines[s.page-1 : s.page])
			if r := BigramRecall(want, res.Text); r < 0.99 {
				t.Errorf("copy of page %d reads with recall %.3f against the original page", s.page, r)
			}
		})
	}
}

func mustReadFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// FuzzPDF feeds damaged PDFs to the reader: whatever the bytes, the reader must return
// text or an *Error of its own, never reach the generic crash handler of Bytes.
func FuzzPDF(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "pdf", "*.pdf"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	w := newPDFWriter()
	font := w.cidFont(alphabet)
	f.Add(w.finish([]testPage{{content: textAt(72, 700, "第一条为了规范农机购置补贴工作") + "BI /W 2 /H 2 ID \x00)(\xff EI Q Q Q", fonts: fmt.Sprintf("/F1 %d 0 R", font)}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Bytes(context.Background(), "fuzz.pdf", data, Options{NoExternal: true, Timeout: 20 * time.Second})
		if ReasonOf(err) == ReasonPanic {
			t.Fatalf("reader crashed: %v", err)
		}
	})
}

// BenchmarkPDF reads every corpus PDF with a text layer with the built-in reader and
// reports MB/s of PDF read.
func BenchmarkPDF(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(testcorpus.Require(b), "corpus", "files", "*.pdf"))
	var all [][]byte
	var names []string
	for _, p := range files {
		if strings.Contains(p, "关于加力推进") { // scanned: nothing for the built-in reader
			continue
		}
		all = append(all, mustReadFile(b, p))
		names = append(names, filepath.Base(p))
	}
	if len(all) == 0 {
		b.Skip("no PDF in the corpus")
	}
	total := 0
	for _, d := range all {
		total += len(d)
	}
	b.Run("corpus", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for i, d := range all {
				if _, err := Bytes(context.Background(), names[i], d, Options{NoExternal: true}); err != nil {
					b.Fatalf("%s: %v", names[i], err)
				}
			}
		}
	})
	for i, d := range all {
		b.Run(strings.TrimSuffix(names[i], ".pdf"), func(b *testing.B) {
			b.SetBytes(int64(len(d)))
			for b.Loop() {
				if _, err := Bytes(context.Background(), names[i], d, Options{NoExternal: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
