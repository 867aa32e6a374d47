package privacy

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
)

type lawText struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

func loadLawTexts(tb testing.TB) []lawText {
	tb.Helper()
	f, err := os.Open(testcorpus.Laws(tb))
	if err != nil {
		tb.Skipf("laws.jsonl: %v", err)
	}
	defer f.Close()
	var out []lawText
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r lawText
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// digitRuns counts runs of digits by length bucket, to show the texts are not
// short of numbers for the scanner to reject.
func digitRuns(s string, into map[int]int) {
	for i := 0; i < len(s); {
		if _, w := digitAt(s, i); w == 0 {
			i++
			continue
		}
		r := readRun(s, i)
		n := r.n
		if n > 8 {
			n = 9
		}
		into[n]++
		i = r.end
	}
}

// Laws carry doc numbers, dates, amounts and article numbers but no personal data:
// every finding there would be a false positive.
func TestLawsCorpusHasNoFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	laws := loadLawTexts(t)
	runs := map[int]int{}
	total, found := 0, 0
	for _, l := range laws {
		total += len(l.Text)
		digitRuns(l.Text, runs)
		fs := Scan(l.Text)
		checkInvariants(t, l.Text, fs)
		for _, f := range fs {
			t.Errorf("%s line %d: %s %s in %q", l.Title, f.Line, f.Kind, f.Masked, f.Context)
		}
		found += len(fs)
	}
	t.Logf("%d texts, %d bytes, %d findings; digit runs by length (9 = longer): %v", len(laws), total, found, runs)
}

func pdfText(t *testing.T, path string, layout bool) string {
	t.Helper()
	args := []string{"-q", "-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// The budget and final-account PDFs are tables of figures, budget classification
// codes and amounts; with and without pdftotext's layout mode (which puts table
// columns on one line) nothing in them is personal data.
func TestCorpusPDFsHaveNoFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils)")
	}
	dir := filepath.Join(testcorpus.Require(t), "corpus", "files")
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(pdfs) == 0 {
		t.Skip("no PDFs in the corpus")
	}
	sort.Strings(pdfs)
	for _, p := range pdfs {
		for _, layout := range []bool{false, true} {
			text := pdfText(t, p, layout)
			runs := map[int]int{}
			digitRuns(text, runs)
			fs := Scan(text)
			checkInvariants(t, text, fs)
			for _, f := range fs {
				t.Errorf("%s (layout %v) line %d: %s %s in %q", filepath.Base(p), layout, f.Line, f.Kind, f.Masked, f.Context)
			}
			t.Logf("%s layout=%v: %d bytes, %d findings, digit runs %v", filepath.Base(p), layout, len(text), len(fs), runs)
		}
	}
}

func TestSeedHasNoFindings(t *testing.T) {
	b, err := os.ReadFile(testcorpus.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	fs := Scan(string(b))
	checkInvariants(t, string(b), fs)
	for _, f := range fs {
		t.Errorf("seed line %d: %s %s in %q", f.Line, f.Kind, f.Masked, f.Context)
	}
}
