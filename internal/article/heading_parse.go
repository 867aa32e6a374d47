package article

import (
	"strings"
	"unicode/utf8"
)

const numeralRunes = "零〇一二三四五六七八九十百千万两0123456789０１２３４５６７８９"

// articleHead is a parsed 第X条 label at the start of a line.
type articleHead struct {
	label    string // as written: 第十条, 第10条, 第十七条之一
	seq, sub int
	title    string // an article title written after the label: 【立法目的】
	// strict says the label is followed by white space, a title bracket or the line
	// end, as headings are; 依照第十条的规定 at a line start is not.
	strict bool
	next   rune // the first rune after the label
}

// parseArticleHead reads a 第X条 label at the start of s (leading spaces and Markdown
// bold allowed).
func parseArticleHead(s string) (articleHead, bool) {
	s = strings.TrimLeftFunc(s, isSpace)
	s = strings.TrimPrefix(s, "**")
	rest, ok := strings.CutPrefix(s, "第")
	if !ok {
		return articleHead{}, false
	}
	numEnd := prefixLen(rest, numeralRunes)
	if numEnd == 0 {
		return articleHead{}, false
	}
	seq, ok := ParseChineseNumber(rest[:numEnd])
	// A stray space inside the label is seen in real texts: 第一百二十八 条.
	after, ok2 := strings.CutPrefix(strings.TrimLeft(rest[numEnd:], " "), "条")
	if !ok || !ok2 || seq == 0 {
		return articleHead{}, false
	}
	h := articleHead{seq: seq}
	rest = after
	if after, ok := strings.CutPrefix(rest, "之"); ok {
		if n := prefixLen(after, "一二三四五六七八九十"); n > 0 {
			h.sub, _ = ParseChineseNumber(after[:n])
			rest = after[n:]
		}
	}
	h.label = s[:len(s)-len(rest)]
	rest = strings.TrimPrefix(rest, "**")
	h.next, _ = utf8.DecodeRuneInString(rest)
	switch {
	case rest == "" || isSpace(h.next):
		h.strict = true
	case h.next == '【' || h.next == '〔' || h.next == '［' || h.next == '[':
		h.strict = true
	}
	title := strings.TrimLeftFunc(rest, isSpace)
	if close, ok := titleClose(title); ok {
		if end := strings.IndexRune(title, close); end > 0 && utf8.RuneCountInString(title[:end]) <= 24 {
			h.title = title[:end+utf8.RuneLen(close)]
		}
	}
	return h, true
}

// titleClose returns the bracket closing an article title that s opens with.
func titleClose(s string) (rune, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '【':
		return '】', true
	case '〔':
		return '〕', true
	case '［':
		return '］', true
	case '[':
		return ']', true
	case '（':
		return '）', true
	}
	return 0, false
}

// referenceRunes follow 第X条 when a sentence cites an article rather than opens one:
// 第十条的规定, 第十条、第十一条, 第十条至第十五条, 第十条第二款.
const referenceRunes = "的、，,。；;：:至和或及与中第之规所项款前后也等"

// canOpen says whether an unspaced label (第十条为了…) may open an article: only when
// it continues the numbering and is not visibly a citation.
func (h articleHead) canOpen(lastSeq, lastSub int) bool {
	if h.strict {
		return true
	}
	if strings.ContainsRune(referenceRunes, h.next) {
		return false
	}
	return continues(lastSeq, lastSub, h.seq, h.sub)
}

func continues(lastSeq, lastSub, seq, sub int) bool {
	if sub == 0 {
		return seq == lastSeq+1
	}
	return seq == lastSeq && sub == lastSub+1
}

// canonicalAnchor writes an article number in Chinese numerals: 第10条 → 第十条.
func canonicalAnchor(seq, sub int) string {
	a := "第" + ChineseNumber(seq) + "条"
	if sub > 0 {
		a += "之" + ChineseNumber(sub)
	}
	return a
}

// structHead is a chapter-like heading: 第X编, 第X分编, 第X章, 第X节, or any Markdown
// heading (## 一、关于合同效力). rank orders them: a heading closes the open ones of
// equal or lower rank.
type structHead struct {
	rank    int
	title   string
	generic bool // a Markdown heading that is not 第X编/章/节
}

var structRanks = []struct {
	unit string
	rank int
}{{"分编", 2}, {"编", 1}, {"章", 3}, {"节", 4}}

func parseStructHead(s string) (structHead, bool) {
	t := strings.TrimFunc(s, isSpace)
	hashes := prefixLen(t, "#")
	body := strings.TrimFunc(t[hashes:], isSpace)
	body = strings.TrimSuffix(strings.TrimPrefix(body, "**"), "**")
	title := collapseSpaces(body)
	if rest, ok := strings.CutPrefix(title, "第"); ok {
		if n := prefixLen(rest, numeralRunes); n > 0 {
			if _, ok := ParseChineseNumber(rest[:n]); ok {
				for _, u := range structRanks {
					after, ok := strings.CutPrefix(rest[n:], u.unit)
					if !ok {
						continue
					}
					if hashes > 0 || plainHeading(after) {
						return structHead{rank: u.rank, title: title}, true
					}
				}
			}
		}
	}
	if hashes > 0 {
		return structHead{rank: hashes + 1, title: title, generic: true}, true
	}
	return structHead{}, false
}

// plainHeading says whether what follows 第X章 on an unmarked line makes it a
// heading (第二章 自然人) rather than a sentence (第二章规定的…。).
func plainHeading(after string) bool {
	if after == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(after)
	if !isSpace(r) && strings.ContainsRune(referenceRunes, r) {
		return false
	}
	return utf8.RuneCountInString(after) <= 30 && !strings.ContainsAny(after, "。，；：,;")
}

// sectionHead reads a notice's top-level heading: 一、总体要求 (or ## 一、…).
func parseSectionHead(s string) (seq int, label string, ok bool) {
	t := strings.TrimLeftFunc(strings.TrimLeft(strings.TrimLeftFunc(s, isSpace), "#"), isSpace)
	t = strings.TrimPrefix(t, "**")
	n := prefixLen(t, "一二三四五六七八九十百")
	if n == 0 || !strings.HasPrefix(t[n:], "、") {
		return 0, "", false
	}
	seq, ok = ParseChineseNumber(t[:n])
	if !ok {
		return 0, "", false
	}
	return seq, t[:n+len("、")], true
}

// prefixLen is the byte length of the longest prefix of s made of runes in set.
func prefixLen(s, set string) int {
	for i, r := range s {
		if !strings.ContainsRune(set, r) {
			return i
		}
	}
	return len(s)
}
