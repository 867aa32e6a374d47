package extract

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfPages is what a PDF extractor got, page by page, before paragraphs are built.
type pdfPages struct {
	lines    [][]layoutLine
	glyphs   int   // characters shown, for the garble measure
	unmapped int   // characters whose font says nothing about their meaning
	failed   []int // indexes of pages that could not be read
	warnings []string
}

// openPDF opens data with the pdf package after mending two harmless deviations
// its strict checks reject: bytes after the last %%EOF and a header line that goes on
// after the version (or names PDF 2.0, which it refuses but reads like 1.7).
func openPDF(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, Errorf(ReasonCorrupt, "%v", p)
		}
	}()
	if i := bytes.LastIndex(data, []byte("%%EOF")); i >= 0 && i+5 < len(data) {
		data = data[:i+5]
	}
	if len(data) > 9 && bytes.HasPrefix(data, []byte("%PDF-")) {
		fixed := data
		patch := func(i int, c byte) {
			if &fixed[0] == &data[0] {
				fixed = bytes.Clone(data)
			}
			fixed[i] = c
		}
		if data[5] == '2' {
			patch(5, '1')
			patch(7, '7')
		}
		if data[8] != '\r' && data[8] != '\n' {
			patch(8, '\n')
		}
		data = fixed
	}
	if err := checkXrefBounds(data); err != nil {
		return nil, err
	}
	r, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		msg := err.Error()
		if strings.Contains(strings.ToLower(msg), "password") || strings.Contains(strings.ToLower(msg), "encrypt") {
			return nil, Errorf(ReasonEncrypted, "%s", msg)
		}
		return nil, Errorf(ReasonCorrupt, "%s", msg)
	}
	return r, nil
}

// collectPages walks the page tree itself: the /Count of the root is missing or wrong
// in some merged files, which makes NumPage report zero pages.
func collectPages(root pdf.Value) []pdf.Value {
	const maxPages = 100_000
	var pages []pdf.Value
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		visits++
		if depth > 64 || visits > 2*maxPages || len(pages) >= maxPages {
			return
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array && v.Key("Contents").Kind() != pdf.Null {
			pages = append(pages, v)
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(root, 0)
	return pages
}

// builtinPages extracts every page with the pdf package and our own content
// interpreter. A page that cannot be read is skipped with a warning naming it.
// maxContent bounds the decompressed content streams of the whole file (stream
// bombs); 0 means the default of Options.MaxTextBytes.
func builtinPages(ctx context.Context, data []byte, maxContent int64) (*pdfPages, error) {
	if maxContent <= 0 {
		maxContent = Options{}.withDefaults().MaxTextBytes
	}
	var content int64
	r, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	var pages []pdf.Value
	func() {
		defer func() {
			if p := recover(); p != nil {
				err = Errorf(ReasonCorrupt, "page tree: %v", p)
			}
		}()
		pages = collectPages(r.Trailer().Key("Root").Key("Pages"))
	}()
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, Errorf(ReasonCorrupt, "no pages found")
	}
	out := &pdfPages{lines: make([][]layoutLine, len(pages))}
	fonts := fontCache{}
	failed, diagonal := 0, 0
	for i, pv := range pages {
		if err := ctx.Err(); err != nil {
			return nil, Errorf(ReasonTimeout, "stopped at page %d of %d", i+1, len(pages))
		}
		lines, in, perr := readPage(pv, fonts)
		if perr != nil {
			failed++
			out.failed = append(out.failed, i)
			out.warnings = append(out.warnings, fmt.Sprintf("第%d页无法读取：%v", i+1, perr))
		}
		out.lines[i] = lines
		if in != nil {
			content += int64(in.bytes)
			if content > maxContent {
				return nil, Errorf(ReasonTooLarge, "content streams exceed %d bytes by page %d", maxContent, i+1)
			}
			out.glyphs += len(in.glyphs)
			out.unmapped += in.unmapped
			diagonal += in.diagonal
		}
	}
	if failed == len(pages) {
		return nil, Errorf(ReasonCorrupt, "no page could be read (%s)", out.warnings[0])
	}
	if diagonal > 0 {
		out.warnings = append(out.warnings, fmt.Sprintf("已略去%d个斜排字符（水印）", diagonal))
	}
	return out, nil
}

// readPage interprets one page. The pdf package reports broken objects by panicking;
// the panic is caught here so one bad page does not lose the others.
func readPage(pv pdf.Value, fonts fontCache) (lines []layoutLine, in *interp, err error) {
	defer func() {
		if p := recover(); p != nil {
			lines, err = nil, fmt.Errorf("%v", p)
		}
	}()
	in = &interp{fonts: fonts}
	if box := inherited(pv, "MediaBox"); box.Len() == 4 {
		for k := range in.box {
			in.box[k] = box.Index(k).Float64()
		}
		if in.box[0] > in.box[2] {
			in.box[0], in.box[2] = in.box[2], in.box[0]
		}
		if in.box[1] > in.box[3] {
			in.box[1], in.box[3] = in.box[3], in.box[1]
		}
		in.hasBox = in.box[2]-in.box[0] > 1 && in.box[3]-in.box[1] > 1
	}
	contents := pv.Key("Contents")
	var data []byte
	switch contents.Kind() {
	case pdf.Stream:
		data, err = streamBytes(contents, maxContentSize)
	case pdf.Array:
		for k := 0; k < contents.Len() && len(data) < maxContentSize; k++ {
			part, perr := streamBytes(contents.Index(k), maxContentSize)
			if perr != nil {
				err = perr
				continue
			}
			data = append(data, part...)
			data = append(data, '\n') // operators must not run together across parts
		}
		if len(data) > 0 {
			err = nil
		}
	}
	if err != nil {
		return nil, in, err
	}
	in.run(data, inherited(pv, "Resources"), graphicsState{ctm: identity, th: 1}, 0)
	lines, in.diagonal = layoutPage(in.glyphs)
	return lines, in, nil
}

// inherited looks a page attribute up the page tree, as MediaBox and Resources may be
// set on an ancestor.
func inherited(pv pdf.Value, key string) pdf.Value {
	for depth := 0; depth < 64 && !pv.IsNull(); depth++ {
		if v := pv.Key(key); !v.IsNull() {
			return v
		}
		pv = pv.Key("Parent")
	}
	return pdf.Value{}
}

// The PDF reader sizes its cross-reference table by the largest object number a
// subsection names: a damaged or hostile file naming object 100,000,000,000 makes it
// allocate terabytes, which kills the process (an out-of-memory is not a panic that
// recover catches). checkXrefBounds refuses such numbers before the reader sees them:
// above PDF's own limit of 8,388,607 objects, or far beyond what the file's size could
// hold.
func checkXrefBounds(data []byte) error {
	limit := min(int64(8_388_607), 64*int64(len(data))+1024)
	// section reads one "start count" pair: its count, whether it is a pair of numbers
	// at all, and an error when it names more objects than the file can hold.
	section := func(a, b []byte) (int64, bool, error) {
		start, err1 := strconv.ParseInt(string(a), 10, 64)
		n, err2 := strconv.ParseInt(string(b), 10, 64)
		if err1 != nil || err2 != nil {
			return 0, false, nil
		}
		if start < 0 || n < 0 || start+n > limit {
			return 0, true, Errorf(ReasonCorrupt, "cross-reference section names objects %d to %d, more than a file of %d bytes holds", start, start+n, len(data))
		}
		return n, true, nil
	}
	// Tables: xref, then subsections of "start count" each followed by count entries.
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("xref"))
		if k < 0 {
			break
		}
		at := i + k
		i = at + 4
		if at >= 5 && string(data[at-5:at]) == "start" {
			continue // startxref
		}
		end := bytes.Index(data[i:], []byte("trailer"))
		if end < 0 {
			end = len(data) - i
		}
		toks := bytes.Fields(data[i : i+end])
		for t := 0; t+1 < len(toks); {
			n, ok, err := section(toks[t], toks[t+1])
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			t += 2 + 3*int(n) // the subsection's entries: offset, generation, n or f
		}
	}
	// Streams: /Index [start count start count ...].
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("/Index"))
		if k < 0 {
			return nil
		}
		i += k + len("/Index")
		open := bytes.IndexByte(data[i:min(len(data), i+16)], '[')
		if open < 0 {
			continue
		}
		end := bytes.IndexByte(data[i+open:min(len(data), i+open+4096)], ']')
		if end < 0 {
			continue
		}
		nums := bytes.Fields(data[i+open+1 : i+open+end])
		for j := 0; j+1 < len(nums); j += 2 {
			if _, ok, err := section(nums[j], nums[j+1]); err != nil {
				return err
			} else if !ok {
				break
			}
		}
	}
}
