package meta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/textnorm"
)

// doc is a text cut into the parts the extractors look at.
type doc struct {
	text  string // full-width digits and letters folded
	lines []line // non-empty lines, trimmed
	// heading is the Markdown "# " title of a LawRefBook text.
	heading string
	// header holds the lines between the heading and <!-- INFO END --> (LawRefBook).
	header []line
	// head is the end (exclusive) of the red-header part of the body: title,
	// number and issuing body, before the salutation or first paragraph.
	head int
	kw   map[string][]int // keyword offsets, see hits
}

type line struct {
	s     string // trimmed
	start int    // byte offset of s in doc.text
}

const infoEnd = "<!-- INFO END -->"

func newDoc(text string) *doc {
	d := &doc{text: unwrapLines(foldDigits(text))}
	inHeader := false
	for off := 0; off < len(d.text); {
		e := strings.IndexByte(d.text[off:], '\n')
		if e < 0 {
			e = len(d.text) - off
		}
		raw := d.text[off : off+e]
		s := strings.TrimFunc(raw, isBlank)
		if s != "" {
			l := line{s: s, start: off + strings.Index(raw, s)}
			switch {
			case len(d.lines) == 0 && d.heading == "" && strings.HasPrefix(s, "# "):
				d.heading = strings.TrimSpace(s[2:])
				inHeader = strings.Contains(d.text, infoEnd)
			case inHeader && s == infoEnd:
				inHeader = false
			case inHeader:
				d.header = append(d.header, l)
			default:
				d.lines = append(d.lines, l)
			}
		}
		off += e + 1
	}
	d.head = headEnd(d.lines)
	return d
}

// isBlank is a space, including the ideographic space and zero-width characters
// that LawRefBook texts and PDF layouts leave on otherwise empty lines.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// headEnd finds where the red header stops: at the salutation (各乡镇人民政府…：),
// at the first sentence or long paragraph, or after 25 lines.
func headEnd(lines []line) int {
	for i, l := range lines {
		if i >= 25 {
			return i
		}
		n := utf8.RuneCountInString(l.s)
		// A salutation, or a sentence: titles and numbers never end with 。.
		if n > 60 || strings.HasSuffix(l.s, "：") || strings.HasSuffix(l.s, ":") || strings.HasSuffix(l.s, "。") {
			return i
		}
		if strings.HasPrefix(l.s, "第一条") || strings.HasPrefix(l.s, "## ") || strings.HasPrefix(l.s, "一、") {
			return i
		}
	}
	return len(lines)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func skipSpace(s string, j, limit int) int {
	for k := 0; k < limit && j < len(s); k++ {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isBlank(r) {
			break
		}
		j += w
	}
	return j
}

func skipSpaceBack(s string, j, limit int) int {
	for k := 0; k < limit && j > 0; k++ {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !isBlank(r) {
			break
		}
		j -= w
	}
	return j
}

// compact removes spaces: red-header layouts and PDFs put them between characters.
func compact(s string) string { return textnorm.Compact(strings.ReplaceAll(s, "\u200b", "")) }

// foldDigits folds full-width digits and letters (２０２２, ＧＢ) to ASCII. Full-width
// punctuation such as ，（） is in almost every text, so the fold only runs when a
// full-width digit or letter is actually present.
func foldDigits(s string) string {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xEF {
			continue
		}
		b1, b2 := s[i+1], s[i+2]
		if b1 == 0xBC && (b2 >= 0x90 && b2 <= 0x99 || b2 >= 0xA1 && b2 <= 0xBA) || b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A {
			return textnorm.FoldWidth(s)
		}
	}
	return s
}

// unwrapLines closes up a line spaced out character by character (本 办 法 自 2021 年 3
// 月 1 日 起 施 行, as some PDF layouts and OCR write it) and joins a line a hard wrap
// broke inside a sentence (…自2021年3月1日起施\n行，有效期5年。), so that the clauses
// read from the text are found whatever its spacing and line breaks. A line is joined to
// the next only when it is long, ends inside a sentence (a Chinese character, no
// punctuation) and reads as a sentence (a comma in it, no field label before a colon),
// and the next starts with a character that begins no article or list item: headings,
// titles, fields, signatures, table cells and blank-line paragraphs stay apart.
func unwrapLines(text string) string {
	if !strings.Contains(text, "\n") && !strings.Contains(text, " ") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = closeUp(l)
	}
	var b strings.Builder
	b.Grow(len(text))
	for i, l := range lines {
		b.WriteString(l)
		if i == len(lines)-1 {
			break
		}
		if wrapped(l, lines[i+1]) {
			continue
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// wrapped reports whether line a was broken off before line b inside a sentence.
func wrapped(a, b string) bool {
	a, b = strings.TrimRightFunc(a, isBlank), strings.TrimLeftFunc(b, isBlank)
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if !textnorm.IsHan(last) || !textnorm.IsHan(first) {
		return false // most lines end a sentence (。) or a line of a table
	}
	if utf8.RuneCountInString(a) < 15 || !strings.ContainsAny(a, "，、；") && !articleStartRe.MatchString(a) {
		return false // a heading, a title or a field, not a sentence's first line
	}
	if i := strings.IndexAny(a, "：:"); i >= 0 && utf8.RuneCountInString(a[:i]) <= 10 {
		return false // 预算主管部门：…, 来文单位：…
	}
	return !itemStartRe.MatchString(b)
}

// articleStartRe begins an article: 第十二条.
var articleStartRe = regexp.MustCompile(`^第[一二三四五六七八九十百千零〇0-9]+条`)

// itemStartRe begins an article, a chapter or a list item: 第三条, 第二章, 一、, 附件.
var itemStartRe = regexp.MustCompile(`^(?:第[一二三四五六七八九十百千零〇0-9]+[条章节款项编]|[一二三四五六七八九十]+[、.．]|附件|附表)`)

// closeUp removes the single spaces of a line spaced out character by character: most
// of its characters stand alone between spaces, and each space removed has a Chinese
// character on one side.
func closeUp(l string) string {
	if strings.Count(l, " ") < 7 {
		return l // fewer spaces than a spaced-out line of 8 characters has
	}
	rs := []rune(l)
	if len(rs) < 15 {
		return l
	}
	single, chars := 0, 0
	for i, r := range rs {
		if isBlank(r) {
			continue
		}
		chars++
		if i+2 < len(rs) && rs[i+1] == ' ' && !isBlank(rs[i+2]) {
			single++
		}
	}
	if chars < 8 || single*10 < (chars-1)*6 {
		return l
	}
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && !isBlank(rs[i-1]) && !isBlank(rs[i+1]) &&
			(textnorm.IsHan(rs[i-1]) || textnorm.IsHan(rs[i+1]) || unicode.IsPunct(rs[i-1]) || unicode.IsPunct(rs[i+1])) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
