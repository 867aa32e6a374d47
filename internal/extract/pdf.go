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
		why = "the built-in reader failed: " + berr.Error()
	case measureText(linesText(pages)).garbled() != "":
		why = "the built-in text looks garbled: " + measureText(linesText(pages)).garbled()
	case res.Text == "":
		why = "the built-in reader found no text"
	}
	if ctx.Err() != nil {
		return nil, Errorf(ReasonTimeout, "%v", ctx.Err())
	}
	if why != "" && !opt.NoExternal {
		if tool := pdftotextPath(); tool != "" {
			alt, altPages, err := externalResult(ctx, tool, data)
			switch {
			case err != nil:
				why += "; pdftotext failed too: " + err.Error()
			case alt.Text != "" && measureText(linesText(altPages)).garbled() == "":
				alt.Warnings = append(alt.Warnings, "read with pdftotext because "+why)
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
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d of %d pages have no text layer", empty, len(pages)))
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
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d of %d characters have no known Unicode meaning", p.unmapped, p.glyphs))
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
	p.warnings = append(p.warnings, "pages "+strings.Join(nums, ", ")+" read with pdftotext")
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
	detail := fmt.Sprintf("%d of %d pages have no text layer", empty, pages)
	if opt.NoExternal {
		return nil, Errorf(ReasonScanned, "%s (external tools disabled)", detail)
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
		return nil, Errorf(ReasonScanned, "%s; OCR read nothing", detail)
	}
	res.Warnings = append(res.Warnings, "read by OCR because "+detail+"; expect recognition errors")
	return res, nil
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
