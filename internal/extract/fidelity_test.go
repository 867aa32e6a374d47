package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/testcorpus"
)

func TestBigramRecall(t *testing.T) {
	tests := []struct {
		name, ref, got string
		want           float64
	}{
		{"identical", "农机购置补贴", "农机购置补贴", 1},
		{"whitespace ignored", "农机 购置\n补贴", "农机购置补贴", 1},
		{"half missing", "农机购置", "农机", 1.0 / 3},
		{"order matters", "农机购置", "购置农机", 2.0 / 3},
		{"multiset", "农机农机", "农机", 1.0 / 3},
		{"non-Han breaks pairs", "农1机", "农机", 1},
		{"no bigrams in reference", "abc 1", "", 1},
		{"nothing got", "农机", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BigramRecall(tt.ref, tt.got); got < tt.want-1e-9 || got > tt.want+1e-9 {
				t.Errorf("BigramRecall(%q, %q) = %v, want %v", tt.ref, tt.got, got, tt.want)
			}
		})
	}
}

// TestPDFFidelity compares the built-in reader with poppler's pdftotext on every real
// PDF with a text layer, as bigram recall of the reader's final text against pdftotext's
// output put through the same page-furniture removal and paragraph building (what the
// pdf/pdftotext fallback would return), so that only the extraction differs.
//
// Two references: "layout" is pdftotext -layout, which keeps each table row on one line
// as the built-in reader does; "plain" is pdftotext's default reading order, which reads
// the columns of a table one after another, so bigrams spanning two cells of a column
// (费其, 类科) are missing from a row-by-row reading. The 0.98 bar applies to the row
// reference; the plain one must stay above a looser bar that still catches lost text.
func TestPDFFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide comparison skipped in -short mode")
	}
	tool := pdftotextPath()
	if tool == "" {
		t.Skip("pdftotext not installed (apt-get install poppler-utils): cannot measure fidelity")
	}
	files, _ := filepath.Glob(filepath.Join(testcorpus.Require(t), "corpus", "files", "*.pdf"))
	if len(files) == 0 {
		t.Skip("no PDF in the corpus")
	}
	const minLayout, minPlain = 0.98, 0.96
	t.Logf("%-46s %5s %7s %7s %7s %8s", "file", "pages", "chars", "layout", "plain", "time")
	var total time.Duration
	ctx := context.Background()
	for _, path := range files {
		name := filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		plainPages, err := pdftotextPages(ctx, tool, data)
		if err != nil {
			t.Errorf("%s: pdftotext: %v", name, err)
			continue
		}
		if empty := emptyPages(pdfStripped(plainPages.lines)); empty*2 > len(plainPages.lines) {
			t.Logf("%-46s %5d %7s  skipped: scanned, pdftotext finds text on %d of %d pages",
				name, len(plainPages.lines), "-", len(plainPages.lines)-empty, len(plainPages.lines))
			continue
		}
		layoutPages, err := pdftotextPages(ctx, tool, data, "-layout")
		if err != nil {
			t.Errorf("%s: pdftotext -layout: %v", name, err)
			continue
		}
		start := time.Now()
		res, err := Bytes(ctx, name, data, Options{NoExternal: true})
		took := time.Since(start)
		total += took
		if err != nil {
			t.Errorf("%s: built-in reader: %v", name, err)
			continue
		}
		plain, _ := finish(plainPages, "pdf/pdftotext")
		layout, _ := finish(layoutPages, "pdf/pdftotext")
		lr, pr := BigramRecall(layout.Text, res.Text), BigramRecall(plain.Text, res.Text)
		t.Logf("%-46s %5d %7d %7.4f %7.4f %8s", name, res.Pages, len([]rune(res.Text)), lr, pr, took.Round(time.Millisecond))
		if res.Extractor != "pdf/builtin" {
			t.Errorf("%s: extractor %q, want pdf/builtin", name, res.Extractor)
		}
		if lr < minLayout {
			t.Errorf("%s: bigram recall %.4f against pdftotext -layout, want ≥ %.2f", name, lr, minLayout)
		}
		if pr < minPlain {
			t.Errorf("%s: bigram recall %.4f against pdftotext, want ≥ %.2f", name, pr, minPlain)
		}
	}
	t.Logf("built-in reader, total time for these files: %s", total.Round(time.Millisecond))
}

func pdfStripped(pages [][]layoutLine) [][]layoutLine {
	out, _ := stripPageFurniture(pages)
	return out
}
