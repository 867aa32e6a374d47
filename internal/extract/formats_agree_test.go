package extract

import (
	"context"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
)

// The same document published in two formats must read the same: the 2026 中央一号文件
// as PDF and DOCX, the Hainan notice as PDF and legacy DOC.
func TestSameDocumentInTwoFormats(t *testing.T) {
	pairs := [][2]string{
		{"2026年中央一号文件.pdf", "2026年中央一号文件.docx"},
		{"海南省农机购置与应用补贴实施方案的通知.pdf", "海南省农机购置与应用补贴实施方案的通知.doc"},
	}
	for _, p := range pairs {
		a, err := File(context.Background(), testcorpus.File(t, p[0]), Options{NoExternal: true})
		if err != nil {
			t.Fatal(err)
		}
		b, err := File(context.Background(), testcorpus.File(t, p[1]), Options{NoExternal: true})
		if err != nil {
			t.Fatal(err)
		}
		ab, ba := BigramRecall(a.Text, b.Text), BigramRecall(b.Text, a.Text)
		t.Logf("%s (%s) vs %s (%s): %.4f of the first's bigrams in the second, %.4f the other way", p[0], a.Extractor, p[1], b.Extractor, ab, ba)
		if ab < 0.98 || ba < 0.98 {
			t.Errorf("%s and %s disagree: %.4f / %.4f", p[0], p[1], ab, ba)
		}
	}
}
