// Package article finds the structure of a normative text: its articles (第X条) and
// the chapters and sections (第X章, 第X节) they fall under, or, in a notice without
// articles, its top-level parts (一、二、…), so that a text can carry anchors and a
// table of contents and two versions can be compared article by article.
package article

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says what an item of a split text is.
type Kind string

const (
	KindPreamble  Kind = "preamble"  // text before the first article or part: title, 题注, 序言
	KindArticle   Kind = "article"   // 第X条
	KindSection   Kind = "section"   // a top-level part of a notice: 一、
	KindParagraph Kind = "paragraph" // a paragraph of a text with neither
)

// PreambleAnchor is the anchor of the text before the first article.
const PreambleAnchor = "preamble"

// Article is one item of a text: an article (条), a notice's part, the preamble or,
// for texts with no structure, a paragraph.
type Article struct {
	Kind Kind `json:"kind"`
	// Number is the label as written: 第十条, 第10条, 第十七条之一, 一、; "" for the
	// preamble and paragraphs.
	Number string `json:"number,omitempty"`
	// Seq is the number's value (10 for 第十条 and 第十条之一; 1 for 一、), the
	// position for paragraphs, 0 for the preamble.
	Seq int `json:"seq"`
	// Sub is the 之X of an inserted article (1 for 第十七条之一).
	Sub int `json:"sub,omitempty"`
	// Anchor identifies the item within its text, in canonical numerals whatever the
	// writing (第10条 → 第十条), so links and version comparison agree; a repeated
	// number (an attachment with its own 第一条) gets a suffix: 第一条-2.
	Anchor string `json:"anchor"`
	// Chapter is the heading path the item falls under: 第三章 网络运行安全 > 第一节 一般规定.
	Chapter string `json:"chapter,omitempty"`
	// Heading is the item's heading text: the label with an article title if any
	// (第一条【立法目的】), a part's heading line (一、总体要求), the preamble's first line.
	Heading string `json:"heading,omitempty"`
	// Body is the item's text, its label included. For texts whose numbers come from
	// separate headings the label is put in front, so Body is then not text[Start:End].
	Body string `json:"body"`
	// Start and End are byte offsets of the item in the split text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Content is the item's text without its label (第十条, 一、) and the spaces after it:
// what two versions of the same article are compared on.
func (a Article) Content() string {
	s := strings.TrimLeftFunc(a.Body, isSpace)
	if a.Number == "" {
		return s
	}
	s = strings.TrimPrefix(s, "**")
	s = strings.TrimPrefix(s, a.Number)
	s = strings.TrimPrefix(s, "**")
	return strings.TrimLeftFunc(s, isSpace)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// Split cuts text into its items. headings, when given and as many as the text's
// blocks (see CountBlocks), name each block in turn: this is for sources whose text
// carries no article numbers (see HeadingsFromProvisions). Otherwise the text is split
// at its articles, or failing those at its top-level parts (一、二、…), or failing
// those at its paragraphs.
func Split(text string, headings []string) []Article {
	if len(headings) > 0 {
		if arts, ok := splitByHeadings(text, headings); ok {
			return arts
		}
	}
	ls := scanLines(text)
	if arts, _ := splitArticles(text, ls); arts != nil {
		return arts
	}
	if arts := splitSections(text, ls); arts != nil {
		return arts
	}
	return splitParagraphs(text, ls)
}

// line is one line of a text as byte offsets, without its line break.
type line struct{ start, end int }

func scanLines(text string) []line {
	var ls []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			ls = append(ls, line{start, len(text)})
			break
		}
		ls = append(ls, line{start, start + end})
		start += end + 1
	}
	return ls
}

func (l line) text(s string) string { return s[l.start:l.end] }

func (l line) blank(s string) bool { return strings.TrimFunc(l.text(s), isSpace) == "" }

// trimmedSpan returns the offsets of text[start:end] without surrounding white space.
func trimmedSpan(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// collapseSpaces turns runs of white space into one ASCII space: "第一章  总　则" →
// "第一章 总 则".
func collapseSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// firstLine is the first non-blank line of s without Markdown heading marks.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimFunc(strings.TrimLeft(strings.TrimSpace(l), "#"), isSpace)
		if l != "" {
			return collapseSpaces(l)
		}
	}
	return ""
}

// uniqueAnchors suffixes repeated anchors (-2, -3 …) so each is unique in its text.
func uniqueAnchors(arts []Article) {
	seen := map[string]int{}
	for i := range arts {
		a := arts[i].Anchor
		seen[a]++
		if n := seen[a]; n > 1 {
			arts[i].Anchor = a + "-" + strconv.Itoa(n)
		}
	}
}
