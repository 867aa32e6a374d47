package extract

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
	"github.com/guifan/guifan/internal/textnorm"
)

func TestWordVisibleText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "第一条\r第二条\r", "第一条\n\n第二条\n\n"},
		{"field result kept", "见\x13 HYPERLINK \"x\" \x14网站\x15。\r", "见网站。\n\n"},
		{"field without result dropped", "第\x13 PAGE \x15页\r", "第页\n\n"},
		{"nested field in code", "a\x13 IF \x13 PAGE \x14 1\x15 = 1 \x14是\x15b\r", "a是b\n\n"},
		{"table rows", "甲\x07乙\x07\x07丙\x07丁\x07\x07后文\r", "甲  乙\n丙  丁\n\n后文\n\n"},
		{"anchors dropped", "图\x01注\x02\x08\r", "图注\n\n"},
		{"line break and hyphens", "上\x0b下\x1e行\x1f末\r", "上\n下-行末\n\n"},
		{"unterminated field", "前\x13 code", "前\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wordVisibleText([]rune(tt.in)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDOCBuilt(t *testing.T) {
	res, err := File(context.Background(), filepath.Join("testdata", "doc", "built.doc"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"详见县政府网站，请遵照执行。", "序号  名称\n1  某某办法", "Version 2.0 - final"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("missing %q in:\n%s", want, res.Text)
		}
	}
	for _, absent := range []string{"HYPERLINK", "PAGE", "脚注"} {
		if strings.Contains(res.Text, absent) {
			t.Errorf("text contains %q", absent)
		}
	}
}

// TestDOCMisnamed reads the HTML pages and DOCX packages that sites publish as .doc.
func TestDOCMisnamed(t *testing.T) {
	for _, tt := range []struct{ fixture, want, extractor string }{
		{"html/gov_notice.html", "抚县政公领发〔2022〕3号", "html"},
		{"docx/numbered.docx", "第十一条", "docx"},
	} {
		res, err := Bytes(context.Background(), "misnamed.doc", readFormatFixture(t, tt.fixture), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.fixture, err)
		}
		if !strings.Contains(res.Text, tt.want) || res.Extractor != tt.extractor || len(res.Warnings) == 0 {
			t.Errorf("%s: extractor %s warnings %v", tt.fixture, res.Extractor, res.Warnings)
		}
	}
	// And a legacy DOC named .docx.
	res, err := Bytes(context.Background(), "old.docx", readFormatFixture(t, "doc/built.doc"), Options{})
	if err != nil || res.Extractor != "doc" {
		t.Fatalf("doc named .docx: %v", err)
	}
}

// docHanBigrams lists adjacent pairs of Chinese characters, spaces removed.
func docHanBigrams(s string) []string {
	r := []rune(textnorm.Compact(s))
	var out []string
	for i := 0; i+1 < len(r); i++ {
		if textnorm.IsHan(r[i]) && textnorm.IsHan(r[i+1]) {
			out = append(out, string(r[i:i+2]))
		}
	}
	return out
}

// TestDOCMatchesPDF compares the real Hainan notice read from its .doc with
// pdftotext's reading of the same notice's PDF: nearly every Chinese bigram of the
// PDF must be in the DOC text. Misses come from lines joined across page breaks.
func TestDOCMatchesPDF(t *testing.T) {
	pdf := testcorpus.File(t, "海南省农机购置与应用补贴实施方案的通知.pdf")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	out := filepath.Join(t.TempDir(), "pdf.txt")
	if err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, out).Run(); err != nil {
		t.Fatal(err)
	}
	pdfText, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := File(context.Background(), filepath.Join("testdata", "doc", "海南省农机购置与应用补贴实施方案的通知.doc"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, b := range docHanBigrams(res.Text) {
		have[b] = true
	}
	pdfBigrams := docHanBigrams(string(pdfText))
	found := 0
	for _, b := range pdfBigrams {
		if have[b] {
			found++
		}
	}
	share := float64(found) / float64(len(pdfBigrams))
	t.Logf("DOC has %d of the PDF's %d Chinese bigrams (%.2f%%)", found, len(pdfBigrams), 100*share)
	if len(pdfBigrams) < 5000 || share < 0.99 {
		t.Errorf("bigram share %.4f over %d bigrams, want >= 0.99", share, len(pdfBigrams))
	}
}

func FuzzDOC(f *testing.F) {
	addFormatSeeds(f, "doc/built.doc", "doc/encrypted.doc")
	f.Add([]byte("<html><body><p>正文</p></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFormatReader(t, readDOC, "f.doc", data)
	})
}
