package service

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/textnorm"
)

// numberLike finds doc numbers in a pasted line: 国办发〔2022〕8号 and orders
// (国务院令第357号, 国家主席令第十五号).
var numberLike = regexp.MustCompile(`[\p{Han}A-Za-z]{1,12}\s*[〔\[［（(【﹝﹙〖〘{｛]\s*\d{4}\s*[〕\]］）)】﹞﹚〗〙}｝]\s*第?\s*\d{1,5}\s*号|\p{Han}{1,10}令\s*第?\s*[\d〇零一二三四五六七八九十百千]{1,8}\s*号`)

// numbersIn finds the doc numbers written in a pasted line, normalised: own are those
// that may be the line's own number, cited those a title on the line cites. A line
// that is one number as a whole — once what a list or a sentence puts around it is
// taken off (1. 一、 （一）, quotes, trailing punctuation) — is read as such first:
// spaces inside it (法 释〔2022〕9号, as copied from a justified PDF line) are dropped
// rather than cutting the number short.
//
// A line with spaces inside can also be a title and its number in two columns
// (公司法<TAB>法释〔2023〕7号), which read as one number give a prefix no document has
// (公司法法释〔2023〕7号): the numbers written in it follow, to be tried in turn — those
// the pattern below finds, then every number the text reader finds (公告 of a year,
// 国务院第14号令, orders of bodies with long names), the ones titleOf takes out of
// the title. Each is the line's own when it stands at the line's start or end or in a
// column of its own (ownNumber); one inside a title (关于转发《X》（国办发〔2022〕8号）
// 的通知) is cited.
func numbersIn(s string) (own, cited []string) {
	s = textnorm.FoldWidth(s)
	line := bareLine(listItem.ReplaceAllString(strings.TrimSpace(s), ""))
	if n := docnum.NormalizeTyped(line); n != "" {
		own = append(own, n)
		if !strings.ContainsFunc(line, unicode.IsSpace) {
			return own, nil
		}
	}
	add := func(n string, i, j int) {
		switch {
		case n == "" || slices.Contains(own, n):
		case ownNumber(s, i, j):
			own = append(own, n)
			cited = slices.DeleteFunc(cited, func(c string) bool { return c == n })
		case !slices.Contains(cited, n):
			cited = append(cited, n)
		}
	}
	for _, loc := range numberLike.FindAllStringIndex(s, -1) {
		add(docnum.Normalize(s[loc[0]:loc[1]]), loc[0], loc[1])
	}
	for _, m := range docnum.FindAll(s) {
		add(m.Number, m.Start, m.End)
	}
	return own, cited
}

// ownNumber reports whether the number at s[i:j] is the line's own: at its start or
// its end (a list's numbering, brackets and punctuation aside: 《办法》（国发〔2020〕1号）,
// 国办发〔2022〕8号文件), or set apart by spaces on both sides (a spreadsheet's columns).
// A number with a title's words on both sides (关于贯彻落实国办发〔2022〕8号文件的实施意见)
// is one the title cites: another document's.
func ownNumber(s string, i, j int) bool {
	if dressing(s[:i], true) || dressing(s[j:], false) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsSpace(before) && unicode.IsSpace(after)
}

// dressing reports whether s holds nothing but spaces, punctuation and, before what a
// line names (leading), a list's numbering.
func dressing(s string, leading bool) bool {
	s = strings.TrimSpace(s)
	if leading {
		s = strings.TrimSpace(listItem.ReplaceAllString(s, ""))
		if m := listMarker.FindString(s); m != "" {
			s = s[len(m):]
		}
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) })
}

// titleOf is the title a pasted line names once its own doc numbers are taken out:
// spaces, quotes and 《》 around it go, and so do brackets left empty (《办法》（国发〔2020〕
// 1号）) or wrapping the whole line; a title's own brackets (…的解释（一）) stay, and so do
// the numbers it cites (关于贯彻落实财税〔2016〕25号文件的实施意见: ownNumber), which tell
// it from a title citing others, and so do the numbers keep lists (a number at the
// end of a title, the forwarded document's: …转发X的通知（国函〔2023〕1号）). A line that
// is one number has none — unless spaces part it: 公司法<TAB>主席令第16号 reads as one
// number once they are dropped (an order of 公司法主席), but is a title and a number.
func titleOf(item string, keep ...string) string {
	if docnum.IsDocNumber(item) && !strings.ContainsFunc(strings.TrimSpace(item), unicode.IsSpace) {
		return ""
	}
	s := textnorm.FoldWidth(item)
	var b strings.Builder
	last := 0
	for _, m := range docnum.FindAll(s) {
		if ownNumber(s, m.Start, m.End) && !slices.Contains(keep, m.Number) {
			b.WriteString(s[last:m.Start])
			last = m.End
		}
	}
	b.WriteString(s[last:])
	return bareLine(b.String())
}

// titlesOf are the titles a pasted line may name, to be looked up in turn: titleOf's
// (keeping the numbers keep lists), then, for a line numbered as a list item （一）, the
// title after it.
func titlesOf(item string, keep ...string) []string {
	var out []string
	for _, t := range []string{titleOf(item, keep...), titleOf(listItem.ReplaceAllString(strings.TrimSpace(item), ""), keep...)} {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// dateColumn is a date written beside a title in a pasted line: in brackets, with what
// happened on it (（2018年12月1日印发）), or as a column of its own at either end.
var dateColumn = regexp.MustCompile(`\s*[（(]\s*` + dateExpr + `\s*(?:印发|发布|公布|施行|实施|起施行|起实施)?\s*[)）]\s*$|[\s\t]+` +
	dateExpr + `\s*$|^\s*` + dateExpr + `[\s\t]+`)

// questionTail is a question asked of a document after its name: 还有效吗？ 是否有效
// 现在还能用吗.
var questionTail = regexp.MustCompile(`\s*(?:(?:现在|目前)?\s*(?:还|是否|是不是|仍然|仍)\s*(?:有效|失效|废止|能用|可用|可以用|适用|在用)\s*(?:吗|么|呢)?|` +
	`(?:有效|能用|可用|失效了|废止了)\s*(?:吗|么|呢))\s*[？?]*\s*$`)

const dateExpr = `\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?`

// bareLine is a pasted line without what a list or a sentence puts around what it
// names: spaces, quotes and 《》 around it, punctuation after it, a list's numbering
// before it, brackets left empty or wrapping all of it.
func bareLine(s string) string {
	for {
		before := s
		s = strings.ReplaceAll(strings.ReplaceAll(s, "()", ""), "（）", "")
		s = strings.Trim(s, " 　\t《》\"“”")
		// A list's numbering before it (1. 2、 （3） 十二、) and punctuation after it.
		s = strings.TrimRight(s, "。，；、,.;：:")
		if m := listMarker.FindString(s); m != "" && len(m) < len(s) {
			s = s[len(m):]
		}
		if inner, ok := unwrap(s); ok {
			s = inner
		}
		if s == before {
			return s
		}
	}
}

// listMarker is the numbering of a pasted list line: 1. 2、 3) （4） 十二、. A title's own
// leading (一) is left alone.
var listMarker = regexp.MustCompile(`^(?:\d{1,3}\s*[.、)）]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*`)

// listItem is the numbering of a list's second level, （一） to （十二）, before a line.
// No number begins with one; a title might, so titles are looked up with it first.
var listItem = regexp.MustCompile(`^[（(][一二三四五六七八九十]{1,3}[)）]\s*`)

// unwrap takes off brackets that enclose all of s: "(abc)" but not "(一)abc(二)".
func unwrap(s string) (string, bool) {
	rs := []rune(s)
	if len(rs) < 2 || !isOpen(rs[0]) || !isClose(rs[len(rs)-1]) {
		return s, false
	}
	depth := 0
	for i, r := range rs {
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			depth--
			if depth == 0 && i != len(rs)-1 {
				return s, false
			}
		}
	}
	return string(rs[1 : len(rs)-1]), depth == 0
}

func isOpen(r rune) bool  { return r == '(' || r == '（' }
func isClose(r rune) bool { return r == ')' || r == '）' }

// yearTail is a year written after a title to name one of its versions: 工伤保险条例
// 2003, 工伤保险条例（2003年版）, 工伤保险条例2003年版.
var yearTail = regexp.MustCompile(`(?:[\s　]+|[（(]|(?:[^\d\s]))(\d{4})\s*年?\s*(?:版本?|文本)?\s*[）)]?$`)

// splitYearTail returns the line without such a year, and the year.
func splitYearTail(item string) (string, int, bool) {
	s := textnorm.FoldWidth(strings.TrimSpace(item))
	m := yearTail.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0, false
	}
	year := 0
	for _, r := range s[m[2]:m[3]] {
		year = year*10 + int(r-'0')
	}
	cut := m[2]
	if k := strings.LastIndexAny(s[:cut], "（("); k >= 0 && k >= m[0] {
		cut = k
	}
	rest := strings.TrimSpace(s[:cut])
	if year < 1949 || year > 2100 || rest == "" {
		return "", 0, false
	}
	return rest, year, true
}

// versionNoteAtEnd is a trailing version note naming one version of a law: （2018年修正）,
// (2023年修订), （2009年第二次修正）.
var versionNoteAtEnd = regexp.MustCompile(`[（(](\d{4})年?(?:第[一二三四五六七八九十]+次)?(?:修正|修订|修改)本?[）)]$`)

// versionNote reads the year of the version a pasted title names by its version note
// (公司法（2023年修订） → 2023), with the line as written for the reason.
func versionNote(item string) (year int, line string, ok bool) {
	line = strings.TrimSpace(item)
	m := versionNoteAtEnd.FindStringSubmatch(textnorm.FoldWidth(line))
	if m == nil {
		return 0, "", false
	}
	for _, r := range m[1] {
		year = year*10 + int(r-'0')
	}
	return year, line, true
}

// yearInNumber is the year a normalised number states: 〔2023〕 or 2019年第.
var yearInNumber = regexp.MustCompile(`〔(\d{4})〕|(\d{4})年第`)

// numberYear is the year of a normalised doc number, 0 for one without (国务院令第274号).
func numberYear(n string) int {
	m := yearInNumber.FindStringSubmatch(n)
	if m == nil {
		return 0
	}
	y := 0
	for _, r := range m[1] + m[2] {
		y = y*10 + int(r-'0')
	}
	return y
}
