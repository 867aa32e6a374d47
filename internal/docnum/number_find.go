package docnum

import (
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/textnorm"
)

// Match is one document number written in a text.
type Match struct {
	Raw        string // as written, text[Start:End], stray spaces and line breaks included
	Number     string // normalised
	Start, End int    // byte offsets in the text
}

// FindAll returns every document number written in text, in order: in red headers,
// in citations such as 《…》（国办发〔2022〕8 号）, split over a line break by a PDF
// layout, and orders such as 国务院令第709号 or 中华人民共和国主席令第三十一号.
// Dates, article numbers (第十条), amounts and telephone numbers are not numbers.
func FindAll(text string) []Match {
	var out []Match
	// One pass over the bytes: brackets start bracketed numbers, 令 and 公告 end the
	// issuing body of orders and notices.
	for i := 0; i < len(text); i++ {
		c := text[i]
		var m Match
		ok := false
		switch {
		case c == '[' || c == '(' || c == '{' || c == 0xE3 || c == 0xEF || c == 0xE2 && strings.HasPrefix(text[i:], "\u2329"):
			m, ok = bracketAt(text, i)
		case c == 0xE4 && strings.HasPrefix(text[i:], "令"):
			if strings.HasSuffix(text[:i], "号") {
				m, ok = orderAltAt(text, i-len("号"))
			}
			if !ok {
				m, ok = keywordAt(text, i, "令")
			}
		case c == 0xE5 && strings.HasPrefix(text[i:], "公告"):
			m, ok = keywordAt(text, i, "公告")
		}
		if !ok {
			continue
		}
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			continue
		}
		out = append(out, m)
		i = m.End - 1
	}
	return out
}

// bracketAt reads 代字〔YYYY〕N号 around the opening bracket at i.
func bracketAt(text string, i int) (Match, bool) {
	r, w := utf8.DecodeRuneInString(text[i:])
	if !isYearOpen(r) {
		return Match{}, false
	}
	end, ok := bracketTail(text, i+w)
	if !ok {
		return Match{}, false
	}
	start := prefixStart(text, skipSpaceBack(text, i, 4), formBracket)
	if start < 0 {
		return Match{}, false
	}
	return newMatch(text, start, end)
}

// bracketTail reads YYYY〕第N号 from j and returns the offset after 号.
func bracketTail(text string, j int) (int, bool) {
	j = skipSpace(text, j, 3)
	j, ok := readDigits(text, j, 4, 4)
	if !ok {
		return 0, false
	}
	j = skipSpace(text, j, 3)
	r, w := utf8.DecodeRuneInString(text[j:])
	if !isYearClose(r) {
		return 0, false
	}
	j = skipSpace(text, j+w, 3)
	if strings.HasPrefix(text[j:], "第") {
		j = skipSpace(text, j+len("第"), 2)
	}
	j, ok = readNumeral(text, j, 6)
	if !ok {
		return 0, false
	}
	j = skipSpace(text, j, 3)
	if !strings.HasPrefix(text[j:], "号") {
		return 0, false
	}
	return j + len("号"), true
}

// keywordAt reads an order (令第N号, 令2019年第2号) or notice (公告2019年第5号) whose
// keyword is at text[at:].
func keywordAt(text string, at int, kw string) (Match, bool) {
	off := at + len(kw)
	j := skipSpace(text, off, 2)
	end, ok := 0, false
	if e, ok2 := readDigits(text, j, 4, 4); ok2 {
		e = skipSpace(text, e, 2)
		if strings.HasPrefix(text[e:], "年") {
			e = skipSpace(text, e+len("年"), 2)
			end, ok = serialTail(text, e, false)
		}
	} else if kw == "令" {
		end, ok = serialTail(text, j, true)
	}
	if !ok {
		return Match{}, false
	}
	start := prefixStart(text, at, formOrder)
	if start < 0 {
		return Match{}, false
	}
	return newMatch(text, start, end)
}

// serialTail reads 第N号 (第 optional for digits unless needDi is false) and returns the offset after 号.
func serialTail(text string, j int, order bool) (int, bool) {
	hasDi := strings.HasPrefix(text[j:], "第")
	if hasDi {
		j = skipSpace(text, j+len("第"), 2)
	}
	e, ok := readNumeral(text, j, 8)
	if !ok {
		return 0, false
	}
	if order && !hasDi {
		if _, digits := parseDigits(text[j:e]); !digits {
			return 0, false
		}
	}
	e = skipSpace(text, e, 2)
	if !strings.HasPrefix(text[e:], "号") {
		return 0, false
	}
	return e + len("号"), true
}

// orderAltAt reads 国务院第14号令, the back-to-front way of writing an order, whose
// 号 is at text[at:].
func orderAltAt(text string, at int) (Match, bool) {
	end := at + len("号令")
	j := skipSpaceBack(text, at, 2)
	n := j
	for n > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:n])
		if !IsNumeralRune(r) {
			break
		}
		n -= w
	}
	if n == j || j-n > 24 {
		return Match{}, false
	}
	n = skipSpaceBack(text, n, 2)
	if !strings.HasSuffix(text[:n], "第") {
		return Match{}, false
	}
	start := prefixStart(text, n-len("第"), formOrderAlt)
	if start < 0 {
		return Match{}, false
	}
	return newMatch(text, start, end)
}

// prefixStart walks back from end over the 机关代字 or issuing body and returns where it
// starts, or -1 when there is none.
func prefixStart(text string, end int, f form) int {
	maxRunes := 16
	if f != formBracket {
		maxRunes = 40
	}
	i, n := end, 0
	for i > 0 && n < maxRunes {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case textnorm.IsHan(r):
		case r == '、' && f != formBracket:
		case r == '）' && f == formBracket:
			// 法（研）发〔1987〕32号: a one- or two-character remark inside the code.
			k := strings.LastIndex(text[max(0, i-w-12):i-w], "（")
			if k < 0 {
				return cutStart(text, i, end, f)
			}
			i = max(0, i-w-12) + k
			n += 3
			continue
		case isSpace(r) && f != formBracket && n > 0:
			// 财政部 税务总局公告: joint bodies separated by a space.
			p, _ := utf8.DecodeLastRuneInString(text[:i-w])
			if !strings.ContainsRune("院部局署会行府委厅", p) {
				return cutStart(text, i, end, f)
			}
		default:
			return cutStart(text, i, end, f)
		}
		i -= w
		n++
	}
	return cutStart(text, i, end, f)
}

// cutStart applies the stop words to the candidate prefix text[i:end].
func cutStart(text string, i, end int, f form) int {
	p := text[i:end]
	if f == formBracket {
		p = strings.TrimRight(p, " \t\r\n\u3000")
	}
	if p == "" {
		return -1
	}
	cut := cutPrefix(p, f)
	start := i + len(p) - len(cut)
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:])
		if textnorm.IsHan(r) {
			break
		}
		start += w
	}
	if start >= end {
		return -1
	}
	return start
}

func newMatch(text string, start, end int) (Match, bool) {
	raw := text[start:end]
	n := Normalize(raw)
	if n == "" {
		return Match{}, false
	}
	return Match{Raw: raw, Number: n, Start: start, End: end}, true
}

func skipSpace(text string, j, limit int) int {
	for k := 0; k < limit && j < len(text); k++ {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !isSpace(r) {
			break
		}
		j += w
	}
	return j
}

func skipSpaceBack(text string, j, limit int) int {
	for k := 0; k < limit && j > 0; k++ {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if !isSpace(r) {
			break
		}
		j -= w
	}
	return j
}

// readDigits reads between min and max ASCII or full-width digits, not followed by another digit.
func readDigits(text string, j, min, max int) (int, bool) {
	n := 0
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if _, ok := digitValue(r); !ok {
			break
		}
		n++
		if n > max {
			return 0, false
		}
		j += w
	}
	return j, n >= min
}

// readNumeral reads a number in digits or Chinese numerals of at most max runes.
func readNumeral(text string, j, max int) (int, bool) {
	start, n := j, 0
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !IsNumeralRune(r) {
			break
		}
		n++
		if n > max {
			return 0, false
		}
		j += w
	}
	if n == 0 {
		return 0, false
	}
	_, ok := ParseNumeral(text[start:j])
	return j, ok
}
