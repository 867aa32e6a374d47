// Package docnum reads 发文字号 (document numbers) such as 国办发〔2022〕8号,
// 法释〔2023〕13号 and 国务院令第709号: it finds them in text and normalises them so
// that the ways people write one number compare equal.
package docnum

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/textnorm"
)

// form is the shape of a document number.
type form int

const (
	formBracket  form = iota + 1 // 国办发〔2022〕8号
	formOrder                    // 国务院令第709号 (令)
	formNotice                   // 国家税务总局公告2019年第5号 (公告, also 令2019年第2号)
	formOrderAlt                 // 国务院第14号令, written back to front
)

// parsed is a document number split into its parts.
type parsed struct {
	form   form
	prefix string // 机关代字 for brackets, issuing body with 令/公告 otherwise
	year   int
	serial int
}

func (p parsed) String() string {
	switch p.form {
	case formBracket:
		return p.prefix + "〔" + strconv.Itoa(p.year) + "〕" + strconv.Itoa(p.serial) + "号"
	case formNotice:
		return p.prefix + strconv.Itoa(p.year) + "年第" + strconv.Itoa(p.serial) + "号"
	case formOrder, formOrderAlt:
		// 国务院第14号令 and 国务院令第14号 are one number; the 令第N号 form is the usual one.
		return p.prefix + "第" + strconv.Itoa(p.serial) + "号"
	}
	return ""
}

// Normalize returns the canonical form of a document number: brackets folded to 〔〕,
// full-width digits to ASCII, spaces removed, leading zeros and 第 dropped from a
// bracketed serial (〔2019〕第007号 → 〔2019〕7号), Chinese numerals of orders written as
// digits (主席令第三十一号 → 主席令第31号). It returns "" for anything that is not one
// document number.
func Normalize(s string) string {
	p, ok := parse(s)
	if !ok {
		return ""
	}
	return p.String()
}

// bareNumber is a bracketed number typed without its brackets: 国办发2022年8号,
// 法释2023 7号 (spaces already removed), 国办发2022-8号, 国办发2022第8号.
var bareNumber = regexp.MustCompile(`^(\p{Han}{2,12}?)((?:19|20)[0-9]{2})(?:年度?|[-—－.])?第?0*([1-9][0-9]{0,3})号$`)

// NormalizeTyped is Normalize for a number a person typed as a whole (a search or a
// line of a batch check), which also reads a bracketed number typed without its
// brackets (国办发2022年8号 → 国办发〔2022〕8号). Text and metadata are read with
// Normalize: there such a string is not a citation.
func NormalizeTyped(s string) string {
	if n := Normalize(s); n != "" {
		return n
	}
	c := textnorm.Compact(textnorm.FoldWidth(strings.TrimSpace(s)))
	m := bareNumber.FindStringSubmatch(c)
	if m == nil || !validPrefix(m[1], formBracket) {
		return ""
	}
	return Normalize(m[1] + "〔" + m[2] + "〕" + m[3] + "号")
}

// IsDocNumber reports whether s, typically a query, is a document number.
func IsDocNumber(s string) bool {
	_, ok := parse(s)
	return ok
}

// Key is the lookup key of a document number: the normal form without the
// 中华人民共和国 that orders may or may not carry (国务院令第709号 and
// 中华人民共和国国务院令第709号 name one order), and a 公告 numbered in brackets in the
// 公告…年第…号 form it is also written in (国家税务总局公告〔2021〕30号 and
// 国家税务总局公告2021年第30号 name one notice). It returns "" when s is not a number.
func Key(s string) string {
	p, ok := parse(s)
	if !ok {
		return ""
	}
	if p.form == formBracket && strings.HasSuffix(p.prefix, "公告") && validPrefix(p.prefix, formNotice) {
		p.form = formNotice
	}
	return strings.ReplaceAll(p.String(), "中华人民共和国", "")
}

// LooseKey is the lookup key of a document number given as such (a sidecar's or a
// record's doc_number) in a form Key does not read, such as a 人大常委会公告 numbered
// without its year (某市人民代表大会常务委员会公告第9号): the string with spaces
// removed, widths and brackets folded, leading zeros dropped and 中华人民共和国 left
// out. It returns "" for s that cannot be a number (no 号, no digit), and its keys never
// equal one of Key's.
func LooseKey(s string) string {
	s = textnorm.Compact(textnorm.FoldWidth(strings.TrimSpace(s)))
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}, {"《", "》"}, {"“", "”"}} {
		if strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) {
			s = s[len(pair[0]) : len(s)-len(pair[1])]
		}
	}
	s = foldAngleYears(strings.ReplaceAll(s, "中华人民共和国", ""))
	if !strings.Contains(s, "号") || utf8.RuneCountInString(s) < 3 || len(s) > 200 {
		return ""
	}
	var b strings.Builder
	b.WriteString("~")
	digits, zeros := false, 0 // in a run of digits; leading zeros held back
	for _, r := range s {
		switch {
		case isOpen(r):
			r = '〔'
		case isClose(r):
			r = '〕'
		}
		if r >= '0' && r <= '9' {
			if !digits && r == '0' {
				zeros++
				continue
			}
			digits = true
			zeros = 0
			b.WriteRune(r)
			continue
		}
		if zeros > 0 {
			b.WriteByte('0') // the run was zeros only
		}
		digits, zeros = false, 0
		b.WriteRune(r)
	}
	if zeros > 0 {
		b.WriteByte('0')
	}
	k := b.String()
	if !strings.ContainsAny(k, "0123456789〇零一二三四五六七八九十百") {
		return ""
	}
	return k
}

// The brackets a year is written in. Besides the usual 〔〕 and the ASCII and full-width
// forms people type, documents and pasted web text use the small forms ﹝﹞ and ﹙﹚
// (U+FE5D, U+FE59) and the white brackets 〖〗 and 〘〙.
var openBrackets = "〔[［（(【｛{﹝﹙〖〘"
var closeBrackets = "〕]］）)】｝}﹞﹚〗〙"

func isOpen(r rune) bool {
	return r < 0x80 && (r == '[' || r == '(' || r == '{') || r > 0x80 && strings.ContainsRune(openBrackets, r)
}
func isClose(r rune) bool {
	return r < 0x80 && (r == ']' || r == ')' || r == '}') || r > 0x80 && strings.ContainsRune(closeBrackets, r)
}

// Angle brackets 〈〉 (U+3008, and U+2329 that some fonts map to it) and title marks 《》
// also turn up around a number's year (抚县政公领发〈2022〉3号). They mark titles
// everywhere else, so they are read as a year's brackets only around exactly four
// digits, as parseBracket and bracketTail require of every bracket they accept.
var angleOpen = "〈《\u2329"
var angleClose = "〉》\u232a"

func isYearOpen(r rune) bool  { return isOpen(r) || r > 0x80 && strings.ContainsRune(angleOpen, r) }
func isYearClose(r rune) bool { return isClose(r) || r > 0x80 && strings.ContainsRune(angleClose, r) }

// foldAngleYears writes a year in angle brackets or title marks (〈2022〉, 《2022》) with
// 〔〕 and leaves every other use of them alone.
func foldAngleYears(s string) string {
	if !strings.ContainsAny(s, angleOpen) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(angleOpen, r) && i+w+4 < len(s) {
			if _, ok := yearAt(s[i+w : i+w+4]); ok {
				if c, cw := utf8.DecodeRuneInString(s[i+w+4:]); strings.ContainsRune(angleClose, c) {
					b.WriteString("〔" + s[i+w:i+w+4] + "〕")
					i += w + 4 + cw
					continue
				}
			}
		}
		b.WriteString(s[i : i+w])
		i += w
	}
	return b.String()
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' }

// parse reads s as exactly one document number.
func parse(s string) (parsed, bool) {
	s = textnorm.Compact(textnorm.FoldWidth(strings.TrimSpace(s)))
	// A number pasted with the parentheses it was cited in: （国办发〔2022〕8号）.
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}, {"《", "》"}, {"“", "”"}} {
		if strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) {
			s = s[len(pair[0]) : len(s)-len(pair[1])]
		}
	}
	if s == "" || len(s) > 200 {
		return parsed{}, false
	}
	if p, ok := parseBracket(s); ok {
		return p, true
	}
	if p, ok := parseNotice(s); ok {
		return p, true
	}
	return parseOrder(s)
}

// parseBracket reads 国办发〔2022〕8号 (号 may be missing in a query).
func parseBracket(s string) (parsed, bool) {
	for i, r := range s {
		if !isYearOpen(r) || i == 0 {
			continue
		}
		j := i + utf8.RuneLen(r)
		if j+4 > len(s) {
			return parsed{}, false
		}
		year, ok := yearAt(s[j : j+4])
		if !ok {
			continue
		}
		c, w := utf8.DecodeRuneInString(s[j+4:])
		if !isYearClose(c) {
			continue
		}
		rest := s[j+4+w:]
		rest = strings.TrimPrefix(rest, "第")
		rest = strings.TrimSuffix(rest, "号")
		serial, ok := ParseNumeral(rest)
		if !ok || serial <= 0 || utf8.RuneCountInString(rest) > 6 {
			return parsed{}, false
		}
		prefix := s[:i]
		if !validPrefix(prefix, formBracket) {
			return parsed{}, false
		}
		return parsed{form: formBracket, prefix: prefix, year: year, serial: serial}, true
	}
	return parsed{}, false
}

// parseNotice reads 国家税务总局公告2019年第5号 and 农业农村部令2019年第2号.
func parseNotice(s string) (parsed, bool) {
	if !strings.HasSuffix(s, "号") {
		return parsed{}, false
	}
	for _, kw := range []string{"公告", "令"} {
		i := strings.LastIndex(s, kw)
		if i <= 0 {
			continue
		}
		rest := s[i+len(kw):]
		if len(rest) < 8 {
			continue
		}
		year, ok := yearAt(rest[:4])
		if !ok || !strings.HasPrefix(rest[4:], "年") {
			continue
		}
		num := strings.TrimSuffix(strings.TrimPrefix(rest[4+len("年"):], "第"), "号")
		serial, ok := ParseNumeral(num)
		if !ok || serial <= 0 {
			continue
		}
		prefix := s[:i+len(kw)]
		if !validPrefix(prefix, formNotice) {
			continue
		}
		return parsed{form: formNotice, prefix: prefix, year: year, serial: serial}, true
	}
	return parsed{}, false
}

// shortStateCouncilOrder is the short form of 国务院令 (国令第752号).
const shortStateCouncilOrder = "国令"

// parseOrder reads 国务院令第709号, 国务院令709号 and 国务院第14号令.
func parseOrder(s string) (parsed, bool) {
	if strings.HasSuffix(s, "号令") {
		body := strings.TrimSuffix(s, "号令")
		i := strings.LastIndex(body, "第")
		if i <= 0 {
			return parsed{}, false
		}
		serial, ok := ParseNumeral(body[i+len("第"):])
		prefix := body[:i] + "令"
		if !ok || serial <= 0 || !validPrefix(prefix, formOrder) {
			return parsed{}, false
		}
		return parsed{form: formOrderAlt, prefix: prefix, serial: serial}, true
	}
	if !strings.HasSuffix(s, "号") {
		return parsed{}, false
	}
	i := strings.LastIndex(s, "令")
	if i <= 0 {
		return parsed{}, false
	}
	num := strings.TrimSuffix(s[i+len("令"):], "号")
	hasDi := strings.HasPrefix(num, "第")
	num = strings.TrimPrefix(num, "第")
	serial, ok := ParseNumeral(num)
	if !ok || serial <= 0 {
		return parsed{}, false
	}
	// 令三号 without 第 is too loose to be a number; 令709号 is how people type it.
	if !hasDi {
		if _, digits := parseDigits(num); !digits {
			return parsed{}, false
		}
	}
	prefix := s[:i+len("令")]
	if prefix == shortStateCouncilOrder {
		// 国令第752号 is how the State Council's own document library writes its orders.
		prefix = "国务院令"
	}
	if !validPrefix(prefix, formOrder) {
		return parsed{}, false
	}
	return parsed{form: formOrder, prefix: prefix, serial: serial}, true
}

func yearAt(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, ok := parseDigits(s)
	if !ok || y < 1900 || y > 2099 {
		return 0, false
	}
	return y, true
}

// validPrefix reports whether p can be the part before the year or serial: Chinese
// characters only, no word that would mean it runs into the surrounding sentence,
// and for orders and notices an issuing body.
func validPrefix(p string, f form) bool {
	if p == "" {
		return false
	}
	n := 0
	for _, r := range p {
		n++
		if !textnorm.IsHan(r) && r != '、' && r != '（' && r != '）' {
			return false
		}
	}
	if n > 40 || f == formBracket && n > 12 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !textnorm.IsHan(first) {
		return false
	}
	if c := cutPrefix(p, f); c != p {
		// A city's one-character abbreviation can be a stop word (并 for 太原 in 并政发,
		// 都 for 都江堰 in 都府规): a whole number given on its own may start with one.
		if c != p[len(string(first)):] || utf8.RuneCountInString(c) < 2 {
			return false
		}
	}
	if f == formOrder || f == formNotice {
		return issuerEnd(p)
	}
	return true
}
