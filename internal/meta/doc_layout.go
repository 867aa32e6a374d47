package meta

import (
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
	d := &doc{text: foldDigits(text)}
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
