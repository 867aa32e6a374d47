package extract

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/textnorm"
)

// Running headers and footers are looked for among the first and last few lines of a page.
const edgeLines = 2

// pageNumber matches the page-number lines of Chinese documents: "- 1 -", "—2—", "·3·",
// "第1页 共3页", "1/14", "第 3 页", "Page 2 of 9" and a bare number. OCR reads the dashes
// of "— 2 —" as 一 and now and then a digit as a character ("一在一" for "— 6 —"): between
// two dashes, one character that is not a digit still makes a page number.
var pageNumber = regexp.MustCompile(`^(?:` + pageDash + `*\d{1,4}` + pageDash + `*|` +
	pageDash + `+\s*\d{0,3}[^\s\d` + pageDashChars + `]\d{0,3}\s*` + pageDash + `+|` +
	`第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$`)

// The dashes and dots around a page number, with the Chinese 一 OCR reads them as.
const (
	pageDashChars = `\-－—–―‐‑‒﹣~～·•・一`
	pageDash      = `[` + pageDashChars + `\s]`
)

// scannerMark matches the lines scanning apps stamp on every page.
var scannerMark = regexp.MustCompile(`^(?:由\s*)?(?:扫描全能王|全能扫描王|CamScanner|扫描王)\s*(?:扫描)?\s*(?:创建)?$`)

// edgeKey reduces a line to what stays the same from page to page of a running header:
// digits vary (page numbers, dates), spacing varies.
func edgeKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r) || r == '\u3000':
			return -1
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			return '#'
		}
		return r
	}, s)
}

// stripPageFurniture removes page numbers, running headers and footers (lines repeated
// at the top or bottom of many pages) and scanner watermarks, and returns how many
// lines it removed. Blank lines left at the top or bottom of a page go too: they are
// the space around the furniture, not a paragraph break, so a sentence running on to
// the next page is joined again.
func stripPageFurniture(pages [][]layoutLine) (out [][]layoutLine, removed int) {
	counts := map[string]int{}
	textPages := 0
	for _, lines := range pages {
		if len(lines) == 0 {
			continue
		}
		textPages++
		seen := map[string]bool{}
		forEdges(lines, func(i int) {
			k := edgeKey(lines[i].text)
			if !seen[k] {
				seen[k] = true
				counts[k]++
			}
		})
	}
	// A header is something most pages repeat, and at least three: two pages sharing an
	// edge line may be a table continued across a page.
	threshold := max(3, (textPages*2+4)/5)
	out = make([][]layoutLine, len(pages))
	for p, lines := range pages {
		drop := make([]bool, len(lines))
		forEdges(lines, func(i int) {
			t := strings.TrimSpace(lines[i].text)
			if pageNumber.MatchString(t) || counts[edgeKey(t)] >= threshold {
				drop[i] = true
			}
		})
		for i, l := range lines {
			if drop[i] || scannerMark.MatchString(strings.TrimSpace(l.text)) {
				removed++
				continue
			}
			if isBlankLine(l) && len(out[p]) == 0 {
				continue
			}
			out[p] = append(out[p], l)
		}
		for n := len(out[p]); n > 0 && isBlankLine(out[p][n-1]); n-- {
			out[p] = out[p][:n-1]
		}
	}
	return out, removed
}

func isBlankLine(l layoutLine) bool { return strings.TrimSpace(l.text) == "" }

// forEdges calls f with the index of each line among the first and last edgeLines
// that have text, scanner stamps aside: the external tools' blank lines and a scanning
// app's stamp below the footer do not push a page number out of reach.
func forEdges(lines []layoutLine, f func(i int)) {
	var idx []int
	for i, l := range lines {
		if !isBlankLine(l) && !scannerMark.MatchString(strings.TrimSpace(l.text)) {
			idx = append(idx, i)
		}
	}
	for k, i := range idx {
		if k < edgeLines || k >= len(idx)-edgeLines {
			f(i)
		}
	}
}

// pagesText builds paragraphs from page lines: a line break inside a sentence goes,
// table rows stay rows, full-width letters and digits are folded.
func pagesText(pages [][]layoutLine) string {
	var lines []string
	var glued []bool          // the line continues the one before, whatever its last character
	var prev, last layoutLine // last is the line the text so far ends with
	add := func(s string, glue bool) {
		lines = append(lines, s)
		glued = append(glued, glue)
	}
	for _, page := range pages {
		for i, l := range page {
			// Across a page break only a change of type size tells a new paragraph:
			// the indent and spacing of the new page's first line are measured on it alone.
			if i == 0 && prev.size > 0 && l.size > 0 && math.Abs(prev.size-l.size) > 0.15*math.Max(prev.size, l.size) {
				l.newPara = true
			}
			prev = l
			if l.newPara {
				add("", false)
				last = layoutLine{}
			}
			if l.tabular {
				// A table row or a line of columns is a paragraph of its own, so joining
				// never glues cells of different rows together.
				add("", false)
				add(strings.ReplaceAll(l.text, "\t", "  "), false)
				add("", false)
				last = layoutLine{}
				continue
			}
			add(l.text, runsOn(last, l))
			last = l
		}
	}
	return textnorm.Clean(textnorm.FoldWidth(textnorm.JoinLinesGlued(lines, glued)))
}

// runsOn says whether next continues the paragraph of a line that ends a sentence
// (。；：…), which text alone would take for a paragraph end: the line runs to the
// right margin, and next starts at the left margin with no sign of a new paragraph
// (no indent, no wider space above, no change of type size) and does not open a
// numbered item or heading. Text alone cannot tell a sentence that happens to end at
// the margin from a paragraph's end, so paragraphs of a page set without indents or
// spacing break there.
func runsOn(prev, next layoutLine) bool {
	if !prev.full || !next.flush || next.newPara || next.tabular || next.size <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev.text)
	if !strings.ContainsRune("。！？；：!?;:", r) {
		return false
	}
	return !textnorm.StartsHeading(next.text)
}
