package extract

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() { register("pdf", readPDF) }

// A page has a text layer when it keeps this many characters once page numbers,
// headers and scanner watermarks are gone.
const minPageChars = 5

// readPDF extracts with the built-in reader first. poppler's pdftotext takes over when
// the built-in result is missing, empty or garbled; a scanned file (no text layer on
// most pages) is read by OCR when tesseract is installed.
func readPDF(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	res, pages, berr := builtinResult(ctx, data, opt)
	why := ""
	switch {
	case berr != nil:
		why = "内置读取器读取失败：" + berr.Error()
	case measureText(linesText(pages)).garbled() != "":
		why = "内置读取器读出的文字疑似乱码：" + measureText(linesText(pages)).garbled()
	case res.Text == "":
		why = "内置读取器未读出文字"
	}
	if ctx.Err() != nil {
		return nil, Errorf(ReasonTimeout, "%v", ctx.Err())
	}
	if why != "" && !opt.NoExternal {
		if tool := pdftotextPath(); tool != "" {
			alt, altPages, err := externalResult(ctx, tool, data)
			switch {
			case err != nil:
				why += "；pdftotext 也读取失败：" + err.Error()
			case alt.Text != "" && measureText(linesText(altPages)).garbled() == "":
				alt.Warnings = append(alt.Warnings, "已改用 pdftotext 读取，因为"+why)
				if berr == nil {
					alt.Warnings = append(alt.Warnings, res.Warnings...)
				}
				res, pages, berr, why = alt, altPages, nil, ""
			}
		}
	}
	if berr != nil {
		return nil, berr
	}
	if q := measureText(linesText(pages)); q.bad*2 > q.runes {
		// Mostly characters without meaning: not a scan, fonts without Unicode maps.
		return nil, Errorf(ReasonEmpty, "no readable text: %s", why)
	}
	if empty := emptyPages(pages); empty*2 > len(pages) {
		return scanned(ctx, data, len(pages), empty, opt)
	} else if empty > 0 && why == "" {
		res.Warnings = append(res.Warnings, noTextLayer(empty, len(pages)))
	}
	if why != "" {
		res.Warnings = append(res.Warnings, why)
	}
	return res, nil
}

// builtinResult runs the built-in reader and builds paragraphs; pages are the page
// lines left after page furniture is removed.
func builtinResult(ctx context.Context, data []byte, opt Options) (*Result, [][]layoutLine, error) {
	p, err := builtinPages(ctx, data, opt.MaxTextBytes)
	if err != nil {
		return nil, nil, err
	}
	if len(p.failed) > 0 && !opt.NoExternal {
		patchFailedPages(ctx, p, data)
	}
	res, pages := finish(p, "pdf/builtin")
	if p.unmapped > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("共%d个字符，其中%d个无已知的 Unicode 对应字符，可能缺字", p.glyphs, p.unmapped))
	}
	return res, pages, nil
}

// patchFailedPages fills the pages the built-in reader could not read with
// pdftotext's reading of them, when it is installed and sees the same pages.
func patchFailedPages(ctx context.Context, p *pdfPages, data []byte) {
	tool := pdftotextPath()
	if tool == "" {
		return
	}
	alt, err := pdftotextPages(ctx, tool, data)
	if err != nil || len(alt.lines) != len(p.lines) {
		return
	}
	var nums []string
	for _, i := range p.failed {
		p.lines[i] = alt.lines[i]
		nums = append(nums, fmt.Sprint(i+1))
	}
	p.warnings = append(p.warnings, "第"+strings.Join(nums, "、")+"页内置读取器无法读取，已由 pdftotext 读取")
}

func externalResult(ctx context.Context, tool string, data []byte) (*Result, [][]layoutLine, error) {
	p, err := pdftotextPages(ctx, tool, data)
	if err != nil {
		return nil, nil, err
	}
	res, pages := finish(p, "pdf/pdftotext")
	return res, pages, nil
}

func finish(p *pdfPages, extractor string) (*Result, [][]layoutLine) {
	pages, _ := stripPageFurniture(p.lines)
	return &Result{
		Text:      pagesText(pages),
		Extractor: extractor,
		Pages:     len(p.lines),
		Warnings:  p.warnings,
	}, pages
}

// emptyPages counts pages without a text layer worth the name.
func emptyPages(pages [][]layoutLine) int {
	n := 0
	for _, lines := range pages {
		chars := 0
		for _, l := range lines {
			for _, r := range l.text {
				if !unicode.IsSpace(r) && r != utf8.RuneError {
					chars++
				}
			}
		}
		if chars < minPageChars {
			n++
		}
	}
	return n
}

func scanned(ctx context.Context, data []byte, pages, empty int, opt Options) (*Result, error) {
	detail := noTextLayer(empty, pages)
	if opt.NoExternal {
		return nil, Errorf(ReasonScanned, "%s（已停用外部工具）", detail)
	}
	pdftoppm, tesseract, ok := ocrTools()
	if !ok {
		return nil, Errorf(ReasonScanned, "%s", detail)
	}
	p, err := ocrPages(ctx, pdftoppm, tesseract, data, pages)
	if err != nil {
		return nil, err
	}
	res, _ := finish(p, "pdf/ocr")
	if res.Text == "" {
		return nil, Errorf(ReasonScanned, "%s；OCR 未识别出文字", detail)
	}
	res.Warnings = append(res.Warnings, "经 OCR 识别读取（"+detail+"），文字可能有识别错误")
	return res, nil
}

// noTextLayer says how many of a file's pages have no text layer.
func noTextLayer(empty, pages int) string {
	return fmt.Sprintf("共%d页，其中%d页无文字层", pages, empty)
}

// linesText is the page lines as extracted, before cleaning drops the replacement
// characters the garble measure counts.
func linesText(pages [][]layoutLine) string {
	var b strings.Builder
	for _, page := range pages {
		for _, l := range page {
			b.WriteString(l.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
