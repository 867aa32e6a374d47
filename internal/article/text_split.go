package article

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

type lineKind int

const (
	lineText lineKind = iota
	lineBlank
	lineHeading
	lineArticle
)

// splitArticles cuts a text at its 第X条 labels; nil when it has none. It also
// reports which lines were read as headings (and so are in no item).
func splitArticles(text string, ls []line) ([]Article, []bool) {
	kinds := make([]lineKind, len(ls))
	heads := map[int]articleHead{}
	structs := map[int]structHead{}
	lastSeq, lastSub := 0, 0
	for i, l := range ls {
		s := l.text(text)
		switch {
		case l.blank(text):
			kinds[i] = lineBlank
		default:
			if h, ok := parseArticleHead(s); ok && h.canOpen(lastSeq, lastSub) {
				kinds[i] = lineArticle
				heads[i] = h
				lastSeq, lastSub = h.seq, h.sub
			} else if sh, ok := parseStructHead(s); ok && !(lastSeq == 0 && sh.generic && sh.rank <= 2) {
				// A "# title" before the first article is the document's title.
				kinds[i] = lineHeading
				structs[i] = sh
			}
		}
	}
	if len(heads) == 0 {
		return nil, nil
	}
	used := make([]bool, len(ls))
	var arts []Article
	var stack []structHead
	cur := -1 // index in arts of the open item
	for i := 0; i < len(ls); i++ {
		if kinds[i] != lineArticle {
			continue
		}
		run := headingRun(text, ls, kinds, i, subHeadingsOK(stack))
		closeAt := ls[run].start
		if cur >= 0 {
			closeItem(text, &arts[cur], closeAt)
		} else if s, e := trimmedSpan(text, 0, closeAt); s < e {
			arts = append(arts, Article{Kind: KindPreamble, Anchor: PreambleAnchor,
				Heading: firstLine(text[s:e]), Body: text[s:e], Start: s, End: e})
		}
		stack = applyHeadings(text, ls, kinds, structs, stack, run, i)
		for j := run; j < i; j++ {
			used[j] = kinds[j] != lineBlank
		}
		h := heads[i]
		start, _ := trimmedSpan(text, ls[i].start, ls[i].end)
		if strings.HasPrefix(text[start:], "**") {
			start += 2
		}
		heading := h.label
		if h.title != "" {
			heading += h.title
		}
		arts = append(arts, Article{
			Kind: KindArticle, Number: h.label, Seq: h.seq, Sub: h.sub,
			Anchor: canonicalAnchor(h.seq, h.sub), Chapter: chapterPath(stack),
			Heading: heading, Start: start,
		})
		cur = len(arts) - 1
	}
	closeItem(text, &arts[cur], len(text))
	uniqueAnchors(arts)
	return arts, used
}

// headingRun finds where the headings right above the article at line i begin: the
// first heading line of the blank, heading and title-like lines before it. A heading
// followed by running text is just text. Title-like lines are a heading's second line
// (## 第二章 听取和审议人民政府、人民法院和 / 人民检察院的专项工作报告) or an unmarked
// sub-heading ((一)动产质押).
func headingRun(text string, ls []line, kinds []lineKind, i int, subOK bool) int {
	w := i
	for w > 0 && (kinds[w-1] == lineBlank || kinds[w-1] == lineHeading ||
		kinds[w-1] == lineText && titleLike(ls[w-1].text(text))) {
		w--
	}
	for j := w; j < i; j++ {
		if kinds[j] == lineHeading {
			return j
		}
	}
	if subOK {
		for j := w; j < i; j++ {
			if kinds[j] == lineText && isSubHeading(collapseSpaces(ls[j].text(text))) {
				return j
			}
		}
	}
	return i
}

// subHeadingsOK says whether an unmarked (二)… line may be a heading here: only under
// Markdown headings of parts (## 三、关于担保物权), where the sub-parts are headings
// too; elsewhere such a line is the last item of a list.
func subHeadingsOK(stack []structHead) bool {
	for _, h := range stack {
		if h.generic || h.rank == subHeadingRank {
			return true
		}
	}
	return false
}

// titleLike says whether a line could be part of a heading: short, not a sentence,
// no figures (2020年1月1日 通过 is a header line, not a heading).
func titleLike(s string) bool {
	s = strings.TrimFunc(s, isSpace)
	return s != "" && utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, "。；;：:<>0123456789")
}

// applyHeadings opens the headings of lines [from, to) on the chapter stack.
func applyHeadings(text string, ls []line, kinds []lineKind, structs map[int]structHead, stack []structHead, from, to int) []structHead {
	for j := from; j < to; j++ {
		switch kinds[j] {
		case lineHeading:
			stack = pushHeading(stack, structs[j])
		case lineText:
			s := collapseSpaces(ls[j].text(text))
			if isSubHeading(s) {
				stack = pushHeading(stack, structHead{rank: subHeadingRank, title: s})
			} else if len(stack) > 0 {
				stack[len(stack)-1].title += s
			}
		}
	}
	return stack
}

// subHeadingRank is below every other heading.
const subHeadingRank = 9

// isSubHeading reads (一)… and （一）… as a heading.
func isSubHeading(s string) bool {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if rest, ok := strings.CutPrefix(s, p[0]); ok {
			n := prefixLen(rest, "一二三四五六七八九十")
			return n > 0 && strings.HasPrefix(rest[n:], p[1])
		}
	}
	return false
}

func closeItem(text string, a *Article, end int) {
	_, e := trimmedSpan(text, a.Start, end)
	a.End = e
	a.Body = text[a.Start:e]
}

func pushHeading(stack []structHead, h structHead) []structHead {
	for len(stack) > 0 && stack[len(stack)-1].rank >= h.rank {
		stack = stack[:len(stack)-1]
	}
	if h.title != "" {
		stack = append(stack, h)
	}
	return stack
}

// ChapterSep joins the levels of Article.Chapter.
const ChapterSep = " > "

func chapterPath(stack []structHead) string {
	parts := make([]string, len(stack))
	for i, h := range stack {
		parts[i] = h.title
	}
	return strings.Join(parts, ChapterSep)
}

// splitSections cuts a notice at its top-level parts 一、二、… numbered in sequence;
// nil when it has fewer than two.
func splitSections(text string, ls []line) []Article {
	type sec struct {
		line  int
		seq   int
		label string
	}
	var secs []sec
	for i, l := range ls {
		if seq, label, ok := parseSectionHead(l.text(text)); ok && seq == len(secs)+1 {
			secs = append(secs, sec{i, seq, label})
		}
	}
	if len(secs) < 2 {
		return nil
	}
	var arts []Article
	if s, e := trimmedSpan(text, 0, ls[secs[0].line].start); s < e {
		arts = append(arts, Article{Kind: KindPreamble, Anchor: PreambleAnchor,
			Heading: firstLine(text[s:e]), Body: text[s:e], Start: s, End: e})
	}
	for k, sc := range secs {
		end := len(text)
		if k+1 < len(secs) {
			end = ls[secs[k+1].line].start
		}
		l := ls[sc.line]
		start := l.start + strings.Index(l.text(text), sc.label)
		a := Article{Kind: KindSection, Number: sc.label, Seq: sc.seq,
			Anchor: ChineseNumber(sc.seq), Heading: sectionHeading(text[start:l.end]), Start: start}
		closeItem(text, &a, end)
		arts = append(arts, a)
	}
	return arts
}

// sectionHeading is a part's heading line up to its first full stop, at most 60
// characters: 一、加强组织领导。各地要… → 一、加强组织领导.
func sectionHeading(s string) string {
	s = strings.TrimSuffix(strings.TrimFunc(s, isSpace), "**")
	if i := strings.IndexAny(s, "。；"); i >= 0 {
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "**", "")
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return collapseSpaces(s)
}

// splitParagraphs cuts an unstructured text at its blank lines, or at its lines when
// it has no blank lines.
func splitParagraphs(text string, ls []line) []Article {
	spans := blockSpans(text, ls)
	if len(spans) == 1 {
		spans = spans[:0]
		for _, l := range ls {
			if !l.blank(text) {
				s, e := trimmedSpan(text, l.start, l.end)
				spans = append(spans, [2]int{s, e})
			}
		}
	}
	arts := make([]Article, 0, len(spans))
	for i, sp := range spans {
		arts = append(arts, Article{Kind: KindParagraph, Seq: i + 1, Anchor: "p" + strconv.Itoa(i+1),
			Body: text[sp[0]:sp[1]], Start: sp[0], End: sp[1]})
	}
	return arts
}

// blockSpans returns the offsets of the text's blank-line-separated blocks.
func blockSpans(text string, ls []line) [][2]int {
	var spans [][2]int
	open := -1
	for i, l := range ls {
		if l.blank(text) {
			if open >= 0 {
				s, e := trimmedSpan(text, ls[open].start, ls[i-1].end)
				spans = append(spans, [2]int{s, e})
				open = -1
			}
			continue
		}
		if open < 0 {
			open = i
		}
	}
	if open >= 0 {
		s, e := trimmedSpan(text, ls[open].start, ls[len(ls)-1].end)
		spans = append(spans, [2]int{s, e})
	}
	return spans
}

// CountBlocks is the number of blank-line-separated blocks of text: what the entries
// of a record's provisions are counted against.
func CountBlocks(text string) int { return len(blockSpans(text, scanLines(text))) }

// splitByHeadings names each block of text with the heading of the same rank.
func splitByHeadings(text string, headings []string) ([]Article, bool) {
	spans := blockSpans(text, scanLines(text))
	if len(spans) != len(headings) {
		return nil, false
	}
	arts := make([]Article, 0, len(spans))
	lastSeq := 0
	for i, sp := range spans {
		label := headings[i]
		block := text[sp[0]:sp[1]]
		a := Article{Kind: KindArticle, Number: label, Heading: label, Start: sp[0], End: sp[1]}
		if h, ok := parseArticleHead(label); ok {
			a.Seq, a.Sub = h.seq, h.sub
			a.Anchor = canonicalAnchor(h.seq, h.sub)
		} else {
			a.Seq = lastSeq + 1
			a.Anchor = label
		}
		lastSeq = a.Seq
		// Inserted articles keep their 之一 in such texts: "之一　已满七十五周岁的人…".
		if suffix := "之" + ChineseNumber(a.Sub); a.Sub > 0 && strings.HasPrefix(block, suffix) {
			a.Body = strings.TrimSuffix(label, suffix) + block
		} else {
			a.Body = label + " " + block
		}
		arts = append(arts, a)
	}
	uniqueAnchors(arts)
	return arts, true
}
