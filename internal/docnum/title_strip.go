package docnum

import (
	"regexp"
	"strings"
)

// StripNumbers returns a title with the document numbers written in it taken out, and
// the parentheses they leave empty: …的批复（临翔发改复[2018]172号） → …的批复, and
// 关于转发《某办法》（某政发〔2020〕1号）的通知 → 关于转发《某办法》的通知. Listings and
// staff write a title both with and without the number, so title lookups compare
// titles without it.
func StripNumbers(title string) string {
	out, n := replaceNumbers(title, func(Match) string { return "" })
	if n == 0 {
		return title
	}
	return strings.TrimSpace(emptyParens.ReplaceAllString(out, ""))
}

// NormalizeNumbers returns text with each document number written in it in its normal
// form: 关于贯彻落实财税[2016]25号文件的实施意见 → 关于贯彻落实财税〔2016〕25号文件的实施意见.
// Titles that cite a number compare equal however the number is written.
func NormalizeNumbers(text string) string {
	out, _ := replaceNumbers(text, func(m Match) string { return m.Number })
	return out
}

// replaceNumbers writes text with each document number in it replaced by what with
// gives, and says how many there were.
func replaceNumbers(text string, with func(Match) string) (string, int) {
	ms := FindAll(text)
	if len(ms) == 0 {
		return text, 0
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(text[last:m.Start])
		b.WriteString(with(m))
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String(), len(ms)
}

var emptyParens = regexp.MustCompile(`[（(][\s\x{3000}]*[）)]`)

// TrailingNumber returns the number a title ends with in parentheses and the title
// before them: …的批复（临翔发改复[2018]172号） → 临翔发改复〔2018〕172号 and …的批复.
// Whose number it is — the document's own or one it cites — is for the caller to
// decide. It returns "", "" when the title does not end that way.
func TrailingNumber(title string) (number, before string) {
	t := strings.TrimFunc(title, isSpace)
	ms := FindAll(t)
	if len(ms) == 0 {
		return "", ""
	}
	m := ms[len(ms)-1]
	if after := strings.TrimFunc(t[m.End:], isSpace); after != "）" && after != ")" {
		return "", ""
	}
	pre := strings.TrimRightFunc(t[:m.Start], isSpace)
	switch {
	case strings.HasSuffix(pre, "（"):
		pre = strings.TrimSuffix(pre, "（")
	case strings.HasSuffix(pre, "("):
		pre = strings.TrimSuffix(pre, "(")
	default:
		return "", ""
	}
	if pre = strings.TrimRightFunc(pre, isSpace); pre == "" {
		return "", ""
	}
	return m.Number, pre
}
