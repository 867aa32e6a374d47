package privacy

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/testcorpus"
)

// reportCPU adds MB per CPU second: the figure a loaded machine does not halve.
func reportCPU(b *testing.B, bytes int, start time.Duration) {
	if used := processCPU() - start; used > 0 && start > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/used.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkScanLaws scans every law text of the corpus, as the ingester would.
func BenchmarkScanLaws(b *testing.B) {
	laws := loadLawTexts(b)
	texts := make([]string, len(laws))
	n := 0
	for i, l := range laws {
		texts[i] = l.Text
		n += len(l.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		for _, t := range texts {
			Scan(t)
		}
	}
	reportCPU(b, n, cpu)
}

// BenchmarkScanBudgetPDFs scans the pdftotext output of the budget tables, the most
// digit-dense real text there is.
func BenchmarkScanBudgetPDFs(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed (Debian package poppler-utils)")
	}
	pdfs, _ := filepath.Glob(filepath.Join(testcorpus.Require(b), "corpus", "files", "*上海市*.pdf"))
	var texts []string
	n := 0
	for _, p := range pdfs {
		out, err := exec.Command("pdftotext", "-q", "-layout", p, "-").Output()
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(out))
		n += len(out)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		for _, t := range texts {
			Scan(t)
		}
	}
	reportCPU(b, n, cpu)
}

// BenchmarkScanDigits is the worst case: nothing but digits, long runs and rows of
// space-separated groups that start the grouped matchers at every run.
func BenchmarkScanDigits(b *testing.B) {
	text := strings.Repeat("1380013800013800138000 ", 2000) + strings.Repeat("138 0013 ", 5000) +
		strings.Repeat("110105 19850612 ", 3000) + strings.Repeat("8", 100000)
	b.SetBytes(int64(len(text)))
	cpu := processCPU()
	for b.Loop() {
		Scan(text)
	}
	reportCPU(b, len(text), cpu)
}
