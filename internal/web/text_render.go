package web

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/article"
)

// renderedText is a version's text as HTML: one block per article (条), part or
// paragraph, each with its anchor, under the chapter headings it falls in.
type renderedText struct {
	HTML     template.HTML
	TOC      []article.Entry
	Articles int // articles (条) in the text
	Runes    int
}

// renderText splits a text into its items once and writes them out. It writes the
// HTML directly rather than through a template: a code-sized text has thousands of
// items, and every piece of text goes through html.EscapeString.
func renderText(text string, headings []string) renderedText {
	// A printed table of contents (目录 with dot leaders and page numbers) would be
	// taken for the headings themselves: the text is split after it, and it is shown
	// as part of the text before the first heading.
	var printed string
	if len(headings) == 0 {
		printed, text = splitPrintedTOC(text)
	}
	arts := article.Split(text, headings)
	var b strings.Builder
	b.Grow(len(printed) + len(text) + len(text)/4 + 64*len(arts))
	var prev []string
	rt := renderedText{TOC: tocEntries(arts), Runes: utf8.RuneCountInString(printed + text)}
	if printed != "" && (len(arts) == 0 || arts[0].Kind != article.KindPreamble) {
		b.WriteString(`<div class="preamble" id="` + article.PreambleAnchor + `">`)
		writeParas(&b, printed, "")
		b.WriteString("</div>\n")
		printed = ""
	}
	for _, a := range arts {
		if a.Kind == article.KindArticle {
			rt.Articles++
			prev = writeChapters(&b, prev, a.Chapter)
		}
		anchor := html.EscapeString(a.Anchor)
		switch a.Kind {
		case article.KindPreamble:
			b.WriteString(`<div class="preamble" id="` + anchor + `">`)
			writeParas(&b, printed, "")
			writeParas(&b, a.Body, "")
			b.WriteString("</div>\n")
		case article.KindArticle:
			b.WriteString(`<section class="art" id="` + anchor + `"><p><a class="artno" href="#` + anchor + `">`)
			b.WriteString(html.EscapeString(a.Number))
			b.WriteString("</a> ")
			writeParas(&b, a.Content(), "open")
			b.WriteString("</section>\n")
		case article.KindSection:
			b.WriteString(`<section class="part" id="` + anchor + `">`)
			first, rest, _ := strings.Cut(strings.TrimLeftFunc(a.Body, isSpace), "\n")
			if utf8.RuneCountInString(first) <= 40 {
				b.WriteString(`<h3 class="part-h">` + html.EscapeString(strings.TrimSpace(first)) + "</h3>")
				writeParas(&b, rest, "")
			} else {
				writeParas(&b, a.Body, "")
			}
			b.WriteString("</section>\n")
		default:
			b.WriteString(`<div class="para" id="` + anchor + `">`)
			writeParas(&b, a.Body, "")
			b.WriteString("</div>\n")
		}
	}
	rt.HTML = template.HTML(b.String())
	return rt
}

// tocEntries is the table of contents of a split text. A part's entry is its heading
// (一、总体要求), which holds its number already: the number is not repeated after it.
func tocEntries(arts []article.Article) []article.Entry {
	toc := article.TOC(arts)
	for i, e := range toc {
		if e.First != "" && e.First == e.Last && strings.HasPrefix(e.Title, e.First) {
			toc[i].First, toc[i].Last = "", ""
		}
	}
	return toc
}

// printedTOCLine is a line of a printed table of contents: an entry, a dot leader
// (……, ....., ·····) and a page number.
var printedTOCLine = regexp.MustCompile(`^\s*\S.*?(?:[.．·•…⋯]{3,}|[…⋯]{2,})\s*[0-9０-９]{1,4}\s*$`)

// splitPrintedTOC cuts a text after its printed table of contents, if it has one: a
// run of at least two entry lines near the start (blank lines, and short lines that
// wrap an entry, may come between them). It returns the text up to the end of the run
// and the rest. A contents page further in (an annex's) is left alone: cutting there
// would leave the articles before it without their anchors.
func splitPrintedTOC(text string) (printed, rest string) {
	const within = 40 // non-blank lines before the contents: a cover, a title, 目录
	lines := strings.SplitAfter(text, "\n")
	first, last, entries, seen := -1, -1, 0, 0
scan:
	for i := 0; i < len(lines); i++ {
		line := strings.TrimFunc(lines[i], isSpace)
		switch {
		case printedTOCLine.MatchString(line):
			if first < 0 {
				first = i
			}
			last, entries = i, entries+1
		case line == "":
		case first < 0:
			if seen++; seen > within {
				break scan
			}
		case utf8.RuneCountInString(line) <= 40 && nextEntry(lines[i+1:]):
			// an entry wrapped onto two lines
		default:
			break scan
		}
	}
	if entries < 2 {
		return "", text
	}
	cut := 0
	for _, l := range lines[:last+1] {
		cut += len(l)
	}
	return text[:cut], text[cut:]
}

// nextEntry reports whether the next line that is not blank is a printed contents entry.
func nextEntry(lines []string) bool {
	for _, l := range lines {
		if l = strings.TrimFunc(l, isSpace); l != "" {
			return printedTOCLine.MatchString(l)
		}
	}
	return false
}

// writeChapters opens the chapter headings (编, 章, 节) that differ from the previous
// article's path, and returns the new path.
func writeChapters(b *strings.Builder, prev []string, chapter string) []string {
	var cur []string
	if chapter != "" {
		cur = strings.Split(chapter, article.ChapterSep)
	}
	same := 0
	for same < len(cur) && same < len(prev) && cur[same] == prev[same] {
		same++
	}
	for lvl := same; lvl < len(cur); lvl++ {
		tag := "h" + string(rune('3'+min(lvl, 3)))
		b.WriteString("<" + tag + ` class="chap">` + html.EscapeString(cur[lvl]) + "</" + tag + ">\n")
	}
	return cur
}

// writeParas writes each non-blank line as a paragraph. With open, the first
// paragraph's <p> has already been written (it holds the article number).
func writeParas(b *strings.Builder, s, open string) {
	first := open != ""
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimFunc(line, isSpace)
		if line == "" {
			continue
		}
		if first {
			b.WriteString(html.EscapeString(line))
			b.WriteString("</p>")
			first = false
			continue
		}
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(line))
		b.WriteString("</p>")
	}
	if first {
		b.WriteString("</p>") // an article with nothing after its number
	}
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

// textCache keeps the rendered texts of recently shown versions. A version's text
// never changes within a snapshot, so the snapshot name and version id are the key.
type textCache struct {
	mu    sync.Mutex
	max   int
	items map[string]renderedText
	order []string // oldest first
}

func newTextCache(n int) *textCache {
	return &textCache{max: n, items: map[string]renderedText{}}
}

func (c *textCache) get(key string, build func() renderedText) renderedText {
	c.mu.Lock()
	rt, ok := c.items[key]
	c.mu.Unlock()
	if ok {
		return rt
	}
	rt = build()
	if c.max <= 0 {
		return rt
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; !ok {
		if len(c.order) >= c.max {
			delete(c.items, c.order[0])
			c.order = c.order[1:]
		}
		c.items[key] = rt
		c.order = append(c.order, key)
	}
	return rt
}

// markRepealed marks the articles no longer in force (部分失效) in rendered text: the
// cached rendering is shared by every date, the marks depend on the date asked.
func markRepealed(h template.HTML, anchors []string) template.HTML {
	s := string(h)
	for _, a := range anchors {
		id := html.EscapeString(a)
		open := `<section class="art" id="` + id + `">`
		s = strings.Replace(s, open, `<section class="art repealed" id="`+id+`"><p class="repealed-note">本条已失效</p>`, 1)
	}
	return template.HTML(s) // #nosec: built from escaped, already rendered text
}
