package meta

import (
	"regexp"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// disclosureWord maps a 公开方式 value to a disclosure.
func disclosureWord(s string) model.Disclosure {
	s = compact(s)
	switch {
	case strings.Contains(s, "依申请"), strings.Contains(s, "不予公开"), strings.Contains(s, "不公开"),
		strings.Contains(s, "免予公开"), strings.Contains(s, "内部"):
		return model.Restricted
	case strings.Contains(s, "主动公开"), strings.Contains(s, "公开发布"), s == "公开", strings.Contains(s, "社会公开"):
		return model.Public
	}
	return ""
}

// findDisclosure reads the mark printed under the signature, （此件主动公开） or
// （此件公开发布）, or the 公开方式 of the information table. Body sentences such as
// 做好依申请公开工作 say nothing about the document itself.
func findDisclosure(d *doc, f fields) model.Disclosure {
	if f.disclosure != "" {
		return f.disclosure
	}
	for i, l := range d.lines {
		if len(l.s) > 300 {
			continue
		}
		c := compact(l.s)
		if i < 60 {
			// A table row read without its cell borders: 紧急程度 常规 公开方式 不公开 ….
			if m := tableDisclosure.FindStringSubmatch(c); m != nil {
				return disclosureWord(m[1])
			}
		}
		if len(l.s) > 90 {
			continue
		}
		c = strings.Trim(c, "（）()")
		if strings.HasPrefix(c, "此件") {
			if dis := disclosureWord(c); dis != "" {
				return dis
			}
		}
	}
	return ""
}

// tableDisclosure is a 公开方式 label followed directly by its value, with or without
// the colon (spaces already taken out).
var tableDisclosure = regexp.MustCompile(`(?:公开方式|公开属性|公开类型)[：:]?(不予公开|不公开|依申请公开|免予公开|内部|主动公开|社会公开|公开发布)`)

// 《…》政策解读, 关于《…》的解读, 解读《…》, …图解, …问答, 一图读懂….
var interpEnd = []string{"政策解读", "解读", "图解", "问答", "答记者问", "政策问答"}

// firstQuoted is the text inside the first outermost 《…》 of s, nested 《》 kept:
// 关于《上海市实施《中华人民共和国妇女权益保障法》办法》的解读 explains the 办法, not
// the law its title names. It is "" when s has no complete 《…》.
func firstQuoted(s string) string {
	depth, start := 0, -1
	for i, r := range s {
		switch r {
		case '《':
			if depth == 0 {
				start = i + len("《")
			}
			depth++
		case '》':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 && i > start {
				return s[start:i]
			}
		}
	}
	return ""
}

// interpretationOf tells an interpretation (政策解读) from its title and names what it
// explains: the title in 《》, or the title without 关于…的解读.
func interpretationOf(title string) (model.Kind, string) {
	t := cleanTitle(title)
	t = trailingParen.ReplaceAllString(t, "")
	isInterp := strings.HasPrefix(t, "一图读懂") || strings.HasPrefix(t, "图解") || strings.HasPrefix(t, "解读《")
	for _, e := range interpEnd {
		if strings.HasSuffix(t, e) {
			isInterp = true
		}
	}
	if !isInterp {
		return model.KindNormative, ""
	}
	if q := firstQuoted(t); q != "" {
		return model.KindInterpretation, q
	}
	s := t
	for _, p := range []string{"一图读懂", "图解", "关于", "解读"} {
		s = strings.TrimPrefix(s, p)
	}
	for _, e := range interpEnd {
		s = strings.TrimSuffix(s, e)
	}
	s = strings.TrimLeft(s, "：:")
	s = strings.TrimSuffix(s, "的")
	s = strings.TrimSuffix(s, "政策")
	if runeLen(s) < 4 {
		return model.KindInterpretation, ""
	}
	return model.KindInterpretation, s
}
