package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const alphabet = "第一条为了规范农机购置补贴工作制定本办法。二各级政府应当加强管理"

// textAt draws s with /F1 (a cidFont of alphabet) at x, y in size 12.
func textAt(x, y float64, s string) string {
	return fmt.Sprintf("BT /F1 12 Tf 1 0 0 1 %g %g Tm %s Tj ET\n", x, y, hexCodes(alphabet, s))
}

func readSynthetic(t *testing.T, pdfData []byte) (*Result, error) {
	t.Helper()
	return Bytes(context.Background(), "test.pdf", pdfData, Options{NoExternal: true})
}

func mustRead(t *testing.T, pdfData []byte) *Result {
	t.Helper()
	res, err := readSynthetic(t, pdfData)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return res
}

func TestPDFReadingOrder(t *testing.T) {
	w := newPDFWriter()
	f := w.cidFont(alphabet)
	// Drawn bottom line first, and the top line's right half before its left half:
	// the text must come out top to bottom, left to right.
	content := textAt(72, 676, "二各级政府应当加强管理。") +
		textAt(72+6*12, 700, "制定本办法。") +
		textAt(72, 700, "为了规范农机") +
		textAt(72, 724, "第一条")
	data := w.finish([]testPage{{content: content, fonts: fmt.Sprintf("/F1 %d 0 R", f)}})
	p, err := builtinPages(context.Background(), data, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range p.lines[0] {
		got = append(got, l.text)
	}
	want := []string{"第一条", "为了规范农机制定本办法。", "二各级政府应当加强管理。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines = %q, want %q", got, want)
	}
	res := mustRead(t, data)
	if res.Extractor != "pdf/builtin" || res.Pages != 1 || !strings.HasPrefix(res.Text, "第一条") {
		t.Errorf("extractor %q pages %d text %q", res.Extractor, res.Pages, res.Text)
	}
}

func TestPDFFontsDecodedPerPage(t *testing.T) {
	// Both pages call their font /F1, but they are different fonts: decoding page 2
	// with page 1's font would turn 农机 into 第一.
	w := newPDFWriter()
	f1 := w.cidFont("第一条规定")
	f2 := w.cidFont("农机补贴办法")
	p1 := fmt.Sprintf("BT /F1 12 Tf 72 700 Td %s Tj ET", hexCodes("第一条规定", "第一条规定"))
	p2 := fmt.Sprintf("BT /F1 12 Tf 72 700 Td %s Tj ET", hexCodes("农机补贴办法", "农机补贴办法"))
	data := w.finish([]testPage{
		{content: p1, fonts: fmt.Sprintf("/F1 %d 0 R", f1)},
		{content: p2, fonts: fmt.Sprintf("/F1 %d 0 R", f2)},
	})
	res := mustRead(t, data)
	if !strings.Contains(res.Text, "第一条规定") || !strings.Contains(res.Text, "农机补贴办法") {
		t.Errorf("text = %q", res.Text)
	}
}

func TestPDFTJShowsNoExtraGlyphs(t *testing.T) {
	// Code 0x0A is 政 in this font. Positioning numbers inside TJ must move the pen
	// and nothing else: no line-feed byte may be pushed through the font.
	const abc = "补贴额对保有量明显过政"
	w := newPDFWriter()
	f := w.simpleFont(abc)
	content := "BT /F1 10.5 Tf 90 750 Td [<01> -9 <02> -18 <03>] TJ [<04050607>] TJ ET"
	res := mustRead(t, w.finish([]testPage{{content: content, fonts: fmt.Sprintf("/F1 %d 0 R", f)}}))
	if res.Text != "补贴额对保有量" {
		t.Errorf("text = %q, want 补贴额对保有量", res.Text)
	}
}

func TestPDFSpacesAndTableRows(t *testing.T) {
	w := newPDFWriter()
	f := w.cidFont(alphabet)
	latin := w.latinFont()
	content := textAt(72, 700, "各级政府") + textAt(72+4*12+30, 700, "管理") + // a cell gap
		"BT /F2 10 Tf 72 650 Td (Word) Tj 25 0 Td (spaced) Tj ( out) Tj ET\n"
	res := mustRead(t, w.finish([]testPage{{content: content, fonts: fmt.Sprintf("/F1 %d 0 R /F2 %d 0 R", f, latin)}}))
	want := "各级政府  管理\n\nWord spaced out"
	if res.Text != want {
		t.Errorf("text = %q, want %q", res.Text, want)
	}
}

func TestPDFRotatedAndFakeBold(t *testing.T) {
	w := newPDFWriter()
	f := w.cidFont(alphabet)
	// A landscape table page drawn rotated by 90°, each glyph drawn twice a hair
	// apart (fake bold); the duplicates must go and the line must read in order.
	var content strings.Builder
	for i, r := range []rune("各级政府应当") {
		for _, dx := range []float64{0, 0.3} {
			fmt.Fprintf(&content, "BT /F1 12 Tf 0 1 -1 0 %g %g Tm %s Tj ET\n", 300+dx, 100+float64(i)*12, hexCodes(alphabet, string(r)))
		}
	}
	res := mustRead(t, w.finish([]testPage{{content: content.String(), fonts: fmt.Sprintf("/F1 %d 0 R", f)}}))
	if res.Text != "各级政府应当" {
		t.Errorf("text = %q, want 各级政府应当", res.Text)
	}
}

func TestPDFBadPageIsReported(t *testing.T) {
	w := newPDFWriter()
	f := w.cidFont(alphabet)
	fonts := fmt.Sprintf("/F1 %d 0 R", f)
	data := w.finish([]testPage{
		{content: textAt(72, 700, "第一条为了规范农机购置补贴工作"), fonts: fonts},
		{content: textAt(72, 700, "各级政府应当加强管理"), fonts: fonts, corrupt: true},
	})
	res := mustRead(t, data)
	if !strings.Contains(res.Text, "第一条为了规范农机购置补贴工作") {
		t.Errorf("text = %q", res.Text)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "第2页无法读取") {
		t.Errorf("warnings %q do not report page 2", res.Warnings)
	}
	if pdftotextPath() == "" {
		t.Skip("pdftotext not installed (apt-get install poppler-utils): patching unreadable pages not tested")
	}
	// poppler finds the misplaced object by scanning the file, so it fills the page in.
	res, err := Bytes(context.Background(), "test.pdf", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "各级政府应当加强管理") || res.Extractor != "pdf/builtin" ||
		!strings.Contains(strings.Join(res.Warnings, "\n"), "第2页内置读取器无法读取，已由 pdftotext 读取") {
		t.Errorf("extractor %q text %q warnings %q", res.Extractor, res.Text, res.Warnings)
	}
}

func TestPDFPageCountMissing(t *testing.T) {
	// Merged files sometimes carry /Count 0 over real pages.
	w := newPDFWriter()
	w.count = 0
	f := w.cidFont(alphabet)
	data := w.finish([]testPage{{content: textAt(72, 700, "第一条为了规范农机购置补贴工作"), fonts: fmt.Sprintf("/F1 %d 0 R", f)}})
	res := mustRead(t, data)
	if res.Text != "第一条为了规范农机购置补贴工作" || res.Pages != 1 {
		t.Errorf("text %q pages %d", res.Text, res.Pages)
	}
}

func TestPDFGBKFontWithoutToUnicode(t *testing.T) {
	w := newPDFWriter()
	f := w.gbkFont()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("农机购置补贴工作方案")
	content := fmt.Sprintf("BT /F1 12 Tf 72 700 Td <%X> Tj ET", gbk)
	res := mustRead(t, w.finish([]testPage{{content: content, fonts: fmt.Sprintf("/F1 %d 0 R", f)}}))
	if res.Text != "农机购置补贴工作方案" {
		t.Errorf("text = %q", res.Text)
	}
}

func TestPDFContextCancelled(t *testing.T) {
	w := newPDFWriter()
	f := w.cidFont(alphabet)
	data := w.finish([]testPage{{content: textAt(72, 700, "第一条"), fonts: fmt.Sprintf("/F1 %d 0 R", f)}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := builtinPages(ctx, data, 0)
	if ReasonOf(err) != ReasonTimeout {
		t.Errorf("err = %v, want %s", err, ReasonTimeout)
	}
}

func TestPDFFallsBackToPdftotext(t *testing.T) {
	// RunLengthDecode is a filter the pdf package does not know: the built-in reader
	// cannot read the page, poppler can.
	w := newPDFWriter()
	f := w.simpleFont(alphabet)
	content := "BT /F1 12 Tf 72 700 Td <0102030405060708> Tj ET"
	data := w.finish([]testPage{{content: content, fonts: fmt.Sprintf("/F1 %d 0 R", f), runLength: true}})

	_, err := readSynthetic(t, data)
	if ReasonOf(err) != ReasonCorrupt {
		t.Errorf("NoExternal: err = %v, want %s", err, ReasonCorrupt)
	}
	if pdftotextPath() == "" {
		t.Skip("pdftotext not installed (apt-get install poppler-utils): fallback not tested")
	}
	res, err := Bytes(context.Background(), "test.pdf", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Extractor != "pdf/pdftotext" || res.Text != "第一条为了规范农" {
		t.Errorf("extractor %q text %q", res.Extractor, res.Text)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "已改用 pdftotext 读取，因为内置读取器读取失败") {
		t.Errorf("warnings %q do not say why pdftotext was used", res.Warnings)
	}
}

func TestPDFGarbledFontNotTrusted(t *testing.T) {
	// An Identity-H font without ToUnicode: its codes have no meaning as text.
	w := newPDFWriter()
	desc := w.obj("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>")
	f := w.obj(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [%d 0 R] >>", desc))
	var codes strings.Builder
	for c := 1; c <= 60; c++ {
		fmt.Fprintf(&codes, "%04X", c)
	}
	content := "BT /F1 12 Tf 72 700 Td <" + codes.String() + "> Tj ET"
	_, err := readSynthetic(t, w.finish([]testPage{{content: content, fonts: fmt.Sprintf("/F1 %d 0 R", f)}}))
	if ReasonOf(err) != ReasonEmpty || !strings.Contains(err.Error(), "疑似乱码") {
		t.Fatalf("err = %v, want %s saying the text looks garbled", err, ReasonEmpty)
	}
}

func TestPDFBrokenFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pdf", "truncated.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, noExt := range []bool{true, false} {
		_, err := Bytes(context.Background(), "truncated.pdf", data, Options{NoExternal: noExt})
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("NoExternal=%v: err = %v, want *Error", noExt, err)
		}
		if e.Reason == ReasonPanic {
			t.Errorf("NoExternal=%v: reader crashed: %v", noExt, err)
		}
	}
	for _, junk := range [][]byte{nil, []byte("%PDF-1.4\n"), []byte("not a pdf"), data[:len(data)/2]} {
		if _, err := readSynthetic(t, junk); ReasonOf(err) == ReasonPanic || err == nil {
			t.Errorf("%q: err = %v", junk[:min(len(junk), 12)], err)
		}
	}
}

func TestPDFScanned(t *testing.T) {
	path := scannedPath(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Bytes(context.Background(), filepath.Base(path), data, Options{NoExternal: true})
	if ReasonOf(err) != ReasonScanned {
		t.Fatalf("NoExternal: err = %v, want %s", err, ReasonScanned)
	}
	if testing.Short() {
		t.Skip("OCR of 8 pages skipped in -short mode")
	}
	if _, _, ok := ocrTools(); !ok {
		t.Skip("pdftoppm or tesseract with chi_sim not installed (apt-get install poppler-utils tesseract-ocr tesseract-ocr-chi-sim): OCR not tested")
	}
	res, err := Bytes(context.Background(), filepath.Base(path), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Extractor != "pdf/ocr" || !strings.Contains(res.Text, "农机购置") {
		t.Errorf("extractor %q, text starts %q", res.Extractor, firstRunes(res.Text, 80))
	}
	if strings.Contains(res.Text, "扫描全能王") {
		t.Errorf("scanner watermark kept")
	}
	if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, "经 OCR 识别读取（共8页，其中8页无文字层），文字可能有识别错误") {
		t.Errorf("warnings %q do not say in Chinese that the text was read by OCR", res.Warnings)
	}
	// The footers "— 2 —" … "— 8 —" are read as 一2一 and once as 一在一 (the 6); they go,
	// and the sentences they cut across a page are whole again.
	for _, line := range strings.Split(res.Text, "\n") {
		if pageNumber.MatchString(line) {
			t.Errorf("page number %q kept", line)
		}
	}
	for _, s := range []string{"共同维护农机产品全国统一大市场。", "坚持以农民群众满意为导向", "等组成的专门委员会或工作组", "择优选择检测机构并做好监管。"} {
		if !strings.Contains(res.Text, s) {
			t.Errorf("sentence across a page break not joined: %q missing", s)
		}
	}
}

func scannedPath(t *testing.T) string {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(testcorpus.File(t, "海南省农机购置与应用补贴实施方案的通知.pdf")), "关于加力推进农机购置*.pdf"))
	if len(matches) == 0 {
		t.Skip("scanned corpus PDF not found")
	}
	return matches[0]
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func TestPDFContentBudget(t *testing.T) {
	w := newPDFWriter()
	f := w.cidFont(alphabet)
	data := w.finish([]testPage{{content: textAt(72, 700, "第一条为了规范农机购置补贴工作"), fonts: fmt.Sprintf("/F1 %d 0 R", f)}})
	_, err := Bytes(context.Background(), "test.pdf", data, Options{NoExternal: true, MaxTextBytes: 16})
	if ReasonOf(err) != ReasonTooLarge {
		t.Errorf("err = %v, want %s", err, ReasonTooLarge)
	}
}

// A cross-reference section naming absurd object numbers is refused before the reader
// sizes a table by them (it allocated terabytes and the process died); so is one in a
// later subsection or in an xref stream's /Index. Real files pass.
func TestXrefBounds(t *testing.T) {
	good := "%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n3 1\n0000000009 00000 n \ntrailer\n<</Size 4>>\nstartxref\n30\n%%EOF\n"
	if err := checkXrefBounds([]byte(good)); err != nil {
		t.Errorf("a small valid table: %v", err)
	}
	for name, pdf := range map[string]string{
		"first subsection":  strings.Replace(good, "xref\n0 2", "xref\n100000000000 2", 1),
		"second subsection": strings.Replace(good, "\n3 1\n", "\n99999999 1\n", 1),
		"xref stream":       "%PDF-1.5\n1 0 obj\n<</Type/XRef/Index [0 1 5000000000 1]/W [1 2 1]>>\nstream\nendstream\n",
	} {
		if err := checkXrefBounds([]byte(pdf)); ReasonOf(err) != ReasonCorrupt {
			t.Errorf("%s: %v, want refused as corrupt", name, err)
		}
	}
}
