package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfWriter builds small PDFs for tests: synthetic pages that exercise one trap each,
// and copies of real pages without their embedded font programs (fuzz seeds).
type pdfWriter struct {
	buf     bytes.Buffer
	offsets map[int]int
	next    int
	count   int          // /Count written in the page tree; -1 writes the true count
	corrupt map[int]bool // objects whose xref entry points at the wrong place
}

func newPDFWriter() *pdfWriter {
	w := &pdfWriter{offsets: map[int]int{}, next: 1, count: -1, corrupt: map[int]bool{}}
	w.buf.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	return w
}

func (w *pdfWriter) alloc() int { w.next++; return w.next - 1 }

func (w *pdfWriter) put(n int, body string) {
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

func (w *pdfWriter) obj(body string) int {
	n := w.alloc()
	w.put(n, body)
	return n
}

// stream writes a Flate-compressed stream object; dict holds extra entries.
func (w *pdfWriter) stream(dict string, data []byte) int {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	n := w.alloc()
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n<< %s /Filter /FlateDecode /Length %d >>\nstream\n", n, dict, z.Len())
	w.buf.Write(z.Bytes())
	w.buf.WriteString("\nendstream\nendobj\n")
	return n
}

// finish writes the page tree, xref table and trailer. Each page is a content stream
// and its /Font resource dictionary entries ("/F1 5 0 R").
func (w *pdfWriter) finish(pages []testPage) []byte {
	pagesN := w.alloc()
	var kids []string
	for _, p := range pages {
		var c int
		if p.runLength {
			c = w.obj(fmt.Sprintf("<< /Filter /RunLengthDecode /Length %d >>\nstream\n%s\nendstream", len(runLength(p.content)), runLength(p.content)))
		} else {
			c = w.stream("", []byte(p.content))
		}
		if p.corrupt {
			w.corrupt[c] = true
		}
		box := p.box
		if box == "" {
			box = "[0 0 595 842]"
		}
		kids = append(kids, fmt.Sprintf("%d 0 R", w.obj(fmt.Sprintf(
			"<< /Type /Page /Parent %d 0 R /MediaBox %s /Resources << /Font << %s >> >> /Contents %d 0 R >>",
			pagesN, box, p.fonts, c))))
	}
	count := w.count
	if count < 0 {
		count = len(kids)
	}
	w.put(pagesN, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), count))
	root := w.obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesN))
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", w.next)
	for n := 1; n < w.next; n++ {
		off := w.offsets[n]
		if w.corrupt[n] {
			off = 20 // inside the header: resolving the object finds no "n 0 obj"
		}
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", w.next, root, xref)
	return w.buf.Bytes()
}

type testPage struct {
	content   string
	fonts     string
	box       string
	runLength bool // content encoded with a filter the pdf package lacks
	corrupt   bool // content object unreachable: reading it panics in the pdf package
}

// runLength encodes s with RunLengthDecode's literal runs.
func runLength(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(len(s), 128)
		b.WriteByte(byte(n - 1))
		b.WriteString(s[:n])
		s = s[n:]
	}
	b.WriteByte(128)
	return b.String()
}

// simpleFont adds a one-byte TrueType font whose code i+1 shows alphabet's i-th
// character (one em wide), with a ToUnicode map, and returns its object number.
func (w *pdfWriter) simpleFont(alphabet string) int {
	var cm strings.Builder
	cm.WriteString("begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n")
	rs := []rune(alphabet)
	fmt.Fprintf(&cm, "%d beginbfchar\n", len(rs))
	for i, r := range rs {
		fmt.Fprintf(&cm, "<%02X> <%04X>\n", i+1, r)
	}
	cm.WriteString("endbfchar\nendcmap\n")
	tu := w.stream("", []byte(cm.String()))
	widths := strings.TrimSpace(strings.Repeat("1000 ", len(rs)))
	return w.obj(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /TestHei /FirstChar 1 /LastChar %d /Widths [%s] /ToUnicode %d 0 R >>", len(rs), widths, tu))
}

// latinFont adds Helvetica with WinAnsiEncoding and no widths (a standard font).
func (w *pdfWriter) latinFont() int {
	return w.obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
}

// gbkFont adds a Type0 font with the predefined GBK-EUC-H CMap and no ToUnicode map,
// as scanning apps write their stamp.
func (w *pdfWriter) gbkFont() int {
	desc := w.obj("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>")
	return w.obj(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /GBK-EUC-H /DescendantFonts [%d 0 R] >>", desc))
}

// cidFont adds a Type0 Identity-H font whose code i+1 (two bytes) shows alphabet's i-th
// character, with all glyphs one em wide, and returns its object number.
func (w *pdfWriter) cidFont(alphabet string) int {
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	rs := []rune(alphabet)
	fmt.Fprintf(&cm, "%d beginbfchar\n", len(rs))
	for i, r := range rs {
		fmt.Fprintf(&cm, "<%04X> <%04X>\n", i+1, r)
	}
	cm.WriteString("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")
	tu := w.stream("", []byte(cm.String()))
	desc := w.obj("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
	return w.obj(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu))
}

// hexCodes encodes s for a cidFont built from alphabet, as a hex string operand.
func hexCodes(alphabet, s string) string {
	rs := []rune(alphabet)
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		for i, a := range rs {
			if a == r {
				fmt.Fprintf(&b, "%04X", i+1)
				break
			}
		}
	}
	b.WriteByte('>')
	return b.String()
}

// copyPage re-emits one page of a real PDF with its content and fonts (ToUnicode maps,
// widths, encodings) but without font programs or images, so that the copy is a few
// kilobytes and still reads as the original page does.
func copyPage(data []byte, page int) ([]byte, error) {
	r, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	pages := collectPages(r.Trailer().Key("Root").Key("Pages"))
	if page < 1 || page > len(pages) {
		return nil, fmt.Errorf("no page %d", page)
	}
	pv := pages[page-1]
	content, err := streamBytes(pv.Key("Contents"), maxContentSize)
	if err != nil {
		return nil, err
	}
	w := newPDFWriter()
	fontDict := inherited(pv, "Resources").Key("Font")
	var fonts []string
	for _, name := range fontDict.Keys() {
		fonts = append(fonts, fmt.Sprintf("/%s %s", name, w.value(fontDict.Key(name), 0)))
	}
	box := w.value(inherited(pv, "MediaBox"), 0)
	return w.finish([]testPage{{content: string(content), fonts: strings.Join(fonts, " "), box: box}}), nil
}

// skippedKeys are what text extraction never needs: font programs, back links, images.
var skippedKeys = map[string]bool{"FontFile": true, "FontFile2": true, "FontFile3": true, "CIDSet": true,
	"CIDToGIDMap": true, "Parent": true, "XObject": true}

// value writes v inline, except streams, which become objects of their own.
func (w *pdfWriter) value(v pdf.Value, depth int) string {
	if depth > 12 {
		return "null"
	}
	switch v.Kind() {
	case pdf.Null:
		return "null"
	case pdf.Bool:
		return fmt.Sprint(v.Bool())
	case pdf.Integer:
		return fmt.Sprint(v.Int64())
	case pdf.Real:
		return fmt.Sprint(v.Float64())
	case pdf.Name:
		return "/" + v.Name()
	case pdf.String:
		return fmt.Sprintf("<%X>", v.RawString())
	case pdf.Array:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = w.value(v.Index(i), depth+1)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case pdf.Dict:
		return "<< " + w.entries(v, depth) + " >>"
	case pdf.Stream:
		data, err := streamBytes(v, maxContentSize)
		if err != nil {
			return "null"
		}
		return fmt.Sprintf("%d 0 R", w.stream(w.entries(v, depth), data))
	}
	return "null"
}

func (w *pdfWriter) entries(v pdf.Value, depth int) string {
	keys := v.Keys()
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		switch k {
		case "Length", "Filter", "DecodeParms":
			if v.Kind() == pdf.Stream {
				continue
			}
		}
		if skippedKeys[k] {
			continue
		}
		parts = append(parts, "/"+k+" "+w.value(v.Key(k), depth+1))
	}
	return strings.Join(parts, " ")
}
