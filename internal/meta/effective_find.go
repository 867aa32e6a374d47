package meta

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// dateExpr matches a written date inside larger patterns; findDates reads it.
const dateExpr = `(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日`

// anyDateExpr also matches 2022-06-20, 2022.6.20 and 2022/6/20; parseAnyDate reads it.
const anyDateExpr = `(?:` + dateExpr + `|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})`

// parseAnyDate reads a date matched by anyDateExpr.
func parseAnyDate(s string) model.Date {
	if ds := findDates(s); len(ds) > 0 {
		return ds[0].date
	}
	d, _ := parseNumericDate(strings.TrimSpace(s))
	return d
}

// effTailRe is what precedes 施行 in an effective-date clause, read backwards from 起:
// 自2021年1月1日起, 从1986年7月1日起, 于…起, 自公布之日起, 自印发之日起.
var effTailRe = regexp.MustCompile(`(?:自|从|于)?\s*(?:(` + anyDateExpr + `)|(公布|发布|印发|下发|颁布|公告|签发|发文|通过)之日)\s*起$`)

// effLaterRe is 自发布之日起30日后施行 (自公布之日起满30日施行): the publish date plus a
// number of days.
var effLaterRe = regexp.MustCompile(`(?:自|从)?\s*(公布|发布|印发|下发|颁布|公告|签发|发文)之日起\s*满?\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*(?:日|天)(?:以)?后?$`)

// untilDateRe is 至2025年3月31日 right after the verb: the end of the period the
// clause starts.
var untilDateRe = regexp.MustCompile(`^\s*(?:至|到)\s*(?:` + anyDateExpr + `)`)

// effDateRe is 自2022年4月1日 before the verb, without 起.
var effDateRe = regexp.MustCompile(`(?:自|从|于)\s*(` + anyDateExpr + `)$`)

var effVerbs = []string{"施行", "实施", "执行", "生效", "试行", "实行"}

// effClause is one 自…起施行 clause.
type effClause struct {
	date       model.Date // written date, zero for 自公布之日起
	relative   string     // 公布, 印发 … when the date is the publish date
	laterDays  int        // 自发布之日起30日后施行
	start, end int        // the clause from 自 to the verb
	sentence   string
	score      int // 3: 本办法 in a document titled …办法; 2: 本…; 1: no subject
}

// effectiveClauses finds the clauses that say when the document itself takes effect.
func effectiveClauses(d *doc, title string) []effClause {
	text := d.text
	lo := d.bodyStart()
	var out []effClause
	for _, verb := range effVerbs {
		for _, p := range d.hits(verb) {
			off := p + len(verb)
			// 自2023年1月1日起执行新标准 dates something else: the verb ends the clause.
			if r, _ := utf8.DecodeRuneInString(text[off:]); off < len(text) && !strings.ContainsRune("。，；,;！）)\n \t", r) &&
				!untilDateRe.MatchString(text[off:min(len(text), off+40)]) {
				continue // 施行至2025年3月31日 still ends the clause of when it starts
			}
			q := skipSpaceBack(text, p, 2)
			for _, adv := range []string{"正式", "开始"} {
				if strings.HasSuffix(text[:q], adv) {
					q = skipSpaceBack(text, q-len(adv), 2)
				}
			}
			if q <= lo {
				continue
			}
			ws := max(lo, q-180)
			for ws < q && !utf8.RuneStart(text[ws]) {
				ws++
			}
			c, ok := readEffClause(text[ws:q])
			if !ok {
				continue
			}
			c.start += ws
			c.end = off
			ss, se := sentenceBounds(text, lo, c.start, c.end)
			pre := subjectOf(text, ss, c.start)
			if !ownSubject(pre) {
				continue
			}
			c.sentence = evidence(text[ss:se])
			c.score = subjectScore(pre, title)
			out = append(out, c)
		}
	}
	return out
}

// readEffClause reads the clause that ends window (just before the verb): 自2021年1月1日起,
// 自公布之日起, 自发布之日起30日后. Its start is relative to window.
func readEffClause(window string) (effClause, bool) {
	if strings.HasSuffix(window, "后") || strings.HasSuffix(window, "日") || strings.HasSuffix(window, "天") {
		m := effLaterRe.FindStringSubmatchIndex(window)
		if m == nil {
			// 自2022年4月1日施行, 自2022年4月1日正式实施: a date without 起.
			if m = effDateRe.FindStringSubmatchIndex(window); m != nil {
				if d := parseAnyDate(window[m[2]:m[3]]); d != 0 {
					return effClause{date: d, start: m[0]}, true
				}
			}
			return effClause{}, false
		}
		n, ok := docnum.ParseNumeral(window[m[4]:m[5]])
		if !ok || n <= 0 {
			return effClause{}, false
		}
		return effClause{relative: window[m[2]:m[3]], laterDays: n, start: m[0]}, true
	}
	if !strings.HasSuffix(window, "起") {
		return effClause{}, false
	}
	m := effTailRe.FindStringSubmatchIndex(window)
	if m == nil {
		return effClause{}, false
	}
	c := effClause{start: m[0]}
	if m[2] < 0 {
		c.relative = window[m[4]:m[5]]
		return c, true
	}
	if c.date = parseAnyDate(window[m[2]:m[3]]); c.date == 0 {
		return effClause{}, false
	}
	return c, true
}

// subjectScore prefers the clause whose subject names the document's type: 本办法 in
// …管理办法, 本解释 in …的解释, over 本通知 of a covering notice or a bare clause.
func subjectScore(pre, title string) int {
	if pre == "" {
		return 1
	}
	x := strings.TrimPrefix(strings.TrimPrefix(pre, "本"), "此")
	if i := strings.IndexAny(x, "自由于从，,经"); i >= 0 {
		x = x[:i]
	}
	if x != "" && strings.Contains(title, x) {
		return 3
	}
	return 2
}

func bestClause(cs []effClause) (effClause, bool) {
	best, ok := effClause{}, false
	for _, c := range cs {
		if !ok || c.score > best.score || c.score == best.score && c.start < best.start {
			best, ok = c, true
		}
	}
	return best, ok
}

// bodyStart is the offset where the document's own text starts (after a LawRefBook header).
func (d *doc) bodyStart() int {
	if len(d.lines) == 0 {
		return len(d.text)
	}
	return d.lines[0].start
}

// findEffective sets the effective date: from the information table, a law's
// "2019年10月1日 施行" header line, or the text's own clause (本办法自2021年1月1日起施行;
// 自印发之日起施行 meaning the publish date). A written date earlier than the publish
// date is the original enactment kept by an amended text, not this version's: it is
// left out with a warning. It returns the end of the clause used, or -1.
func findEffective(d *doc, h Hint, f fields, law lawHeader, info *Info) int {
	publish := h.PublishDate
	if publish == 0 {
		publish = info.PublishDate
	}
	// A text published after the last line of its own header was amended since: its
	// closing article may be the original's.
	amended := law.amended || h.Amended || law.publish != 0 && h.PublishDate > law.publish
	clauses := effectiveClauses(d, info.Title)
	clause, hasClause := bestClause(clauses)
	set := func(dt model.Date, ev string) {
		info.EffectiveDate = dt
		info.EffectiveEvidence = model.Evidence{Value: ev, Origin: originText}
	}
	end := -1
	if hasClause {
		end = clause.end
	}
	switch {
	case f.effective != 0:
		set(f.effective, f.effectiveEv)
	case law.effective != 0 && (publish == 0 || law.effective >= publish):
		set(law.effective, law.effectiveEv)
	case law.effectiveOnPublish && publish != 0 && !amended:
		set(publish, law.effectiveEv)
	default:
		if law.effective != 0 {
			info.PriorEffective, info.PriorEffectiveDate = model.Evidence{Value: law.effectiveEv, Origin: originText}, law.effective
			info.OriginalEffectiveDate, info.OriginalEffectiveEvidence = law.effective, "“"+law.effectiveEv+"”"
			info.warn("“" + law.effectiveEv + "”早于本版本的发布日期" + publish.String() + "，是此前版本的施行日期")
		}
		if !hasClause {
			return end
		}
		dt := clause.date
		switch {
		case dt == 0 && amended:
			if law.first != 0 && publish != 0 && law.first < publish {
				// 本法自公布之日起施行 kept from the original, published on the header's first date.
				info.PriorEffective = model.Evidence{Value: clause.sentence, Origin: originText}
				info.OriginalEffectiveDate = law.first.AddDays(clause.laterDays)
				info.OriginalEffectiveEvidence = "“" + clause.sentence + "”，“" + law.firstEv + "”"
			}
			info.warn("本版本为修改后的文本，正文“" + clause.sentence + "”可能沿用原文本的公布日期，施行日期留空")
			return end
		case dt == 0 && publish == 0:
			info.warn("正文“" + clause.sentence + "”以发布日期为施行日期，但发布日期未知，施行日期留空")
			return end
		case dt == 0:
			dt = publish.AddDays(clause.laterDays)
		case publish != 0 && dt < publish:
			info.PriorEffective, info.PriorEffectiveDate = model.Evidence{Value: clause.sentence, Origin: originText}, dt
			if amended || dt.AddMonths(12) < publish {
				// Not a notice dated back a few weeks (自2021年1月1日起施行 in a notice of
				// March): the original text's.
				info.OriginalEffectiveDate, info.OriginalEffectiveEvidence = dt, "“"+clause.sentence+"”"
			}
			info.warn("正文“" + clause.sentence + "”的施行日期" + dt.String() + "早于发布日期" + publish.String() +
				"，应为原文本的施行日期而非本版本的，施行日期留空")
			return end
		}
		set(dt, clause.sentence)
	}
	if h.EffectiveDate != 0 && info.EffectiveDate != 0 && h.EffectiveDate != info.EffectiveDate {
		info.warn("正文所载施行日期" + info.EffectiveDate.String() + "与元数据" + h.EffectiveDate.String() + "不一致")
	}
	return end
}
