package extract

import (
	"context"
	"strings"
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

// A PDF line that ends a sentence at the right margin does not end its paragraph when
// the next line starts at the margin like any other line: the PDF of each pair has the
// paragraphs of the other format (50 against 37 for the 中央一号文件 when every 。 at
// the margin broke one), while numbered items, headings and the table titles of a page
// stay apart.
func TestPDFParagraphsAcrossSentenceEnds(t *testing.T) {
	cases := []struct {
		pdf, other string
		joined     []string
	}{
		{"2026年中央一号文件.pdf", "2026年中央一号文件.docx", []string{"多措并举促进乳制品消费。支持发展青贮玉米", "提高应对极端天气能力。推进大江大河"}},
		{"海南省农机购置与应用补贴实施方案的通知.pdf", "海南省农机购置与应用补贴实施方案的通知.doc", []string{"不超过25万元；大喂入量联合收获机", "按年度进行调整。由农业农村部"}},
	}
	for _, c := range cases {
		a, err := File(context.Background(), testcorpus.File(t, c.pdf), Options{NoExternal: true})
		if err != nil {
			t.Fatal(err)
		}
		b, err := File(context.Background(), testcorpus.File(t, c.other), Options{NoExternal: true})
		if err != nil {
			t.Fatal(err)
		}
		pa, pb := paragraphCount(a.Text), paragraphCount(b.Text)
		t.Logf("%s: %d paragraphs, %s: %d", c.pdf, pa, c.other, pb)
		if pa > pb+1 || pa < pb-1 {
			t.Errorf("%s has %d paragraphs, %s %d", c.pdf, pa, c.other, pb)
		}
		for _, s := range c.joined {
			if !strings.Contains(a.Text, s) {
				t.Errorf("%s: paragraph broken inside %q", c.pdf, s)
			}
		}
		for _, s := range []string{"\n\n（二）促进“菜篮子”产业提质增效。", "\n\n二、实施常态化精准帮扶\n\n", "\n\n（七）审验公示信息。"} {
			if strings.Contains(b.Text, strings.TrimSpace(s)) && !strings.Contains(a.Text, s) {
				t.Errorf("%s: %q does not start a paragraph", c.pdf, strings.TrimSpace(s))
			}
		}
	}
	// A template's page ends with a sentence at the margin; the next page opens with a
	// centred part heading.
	res, err := File(context.Background(), testcorpus.File(t, "附件2：部门决算模板.pdf"), Options{NoExternal: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "XX台（套）。\n\n第四部分 名词解释\n\n") {
		t.Errorf("part heading joined to the paragraph above it")
	}
}

func paragraphCount(text string) int {
	n := 0
	for _, p := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(p) != "" {
			n++
		}
	}
	return n
}
