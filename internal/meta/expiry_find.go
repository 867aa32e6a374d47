package meta

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// selfEndWords end a document's force on a day it names (selfEndRe).
var selfEndWords = []string{"废止", "失效", "停止执行", "停止施行"}

// dashes join the two ends of a period written 2022年1月1日—2026年12月31日.
const dashes = `[—–－~～-]+`

// periodWords introduce a document's own period of validity.
var periodWords = []string{"有效期限", "有效期", "试行期限", "试行期", "执行期限", "执行期", "实施期限", "实施期", "施行期限", "施行期",
	"适用期限", "适用期", "执行至", "实施至", "试行至", "试行", "暂行"}

var (
	// 有效期至2027年6月30日 / 执行至… / 有效期为2020年1月1日至2024年12月31日
	// / 有效期：2022年1月1日—2026年12月31日
	untilRe = regexp.MustCompile(`^(?:为|是|：|:)?\s*(?:自?\s*(` + anyDateExpr + `)\s*起?\s*(?:至|到|` + dashes + `)\s*(` + anyDateExpr +
		`)|(?:至|到|截至|截止至|截止到|截止)\s*(` + anyDateExpr + `))`)
	// 有效期5年 / 有效期为五年 / 有效期三年 / 试行期为两年 / 有效期为6个月
	// / 有效期暂定3年
	spanRe = regexp.MustCompile(`^(?:为|是|：|:)?\s*(?:暂定为?|暂为|定为)?\s*(?:自?\s*(?:印发|发布|公布|施行)之日起\s*)?([0-9]{1,3}|[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}|半)\s*(年半|年|个月)` +
		`(?:\s*零?\s*([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*个月)?`)
	// 实施期限为2021年至2025年 / 有效期2021—2023年: whole years
	yearsRe = regexp.MustCompile(`^(?:为|是|：|:)?\s*((?:19|20)[0-9]{2})\s*年?\s*(?:至|到|` + dashes + `)\s*((?:19|20)[0-9]{2})\s*年(?:度)?(?:[^0-9一二三四五六七八九十月底末]|$)`)
	// 自2020年4月1日起施行，至2022年12月31日止 / 自2020年4月1日起至2022年12月31日止
	// / 自2020年4月1日起实施，2022年12月31日止 / 自2020年4月1日起施行，至2022年12月31日有效
	// / 自2020年4月1日起施行至2022年12月31日:
	// a period written as the effective-date clause with its end
	rangeRe = regexp.MustCompile(`自\s*(` + anyDateExpr + `)\s*起\s*(?:(?:施行|实施|执行|试行|生效|实行)\s*[，,]?\s*)?(?:(?:至|到)\s*)?(` +
		anyDateExpr + `)\s*(?:止|为止|有效)|自\s*(` + anyDateExpr + `)\s*起\s*(?:施行|实施|执行|试行|生效|实行)\s*(?:至|到)\s*(` +
		anyDateExpr + `)\s*(?:[。；;，,]|$)`)
	// 有效期三年，自2022年1月1日起至2024年12月31日止 / 有效期两年（2022年1月1日至2023年12月31日）:
	// the dates a term is written with, later in its sentence
	termDatesRe = regexp.MustCompile(`(` + anyDateExpr + `)\s*起?\s*(?:至|到)\s*(` + anyDateExpr + `)`)
	// 本办法自2021年1月1日起施行，2025年12月31日废止 / …，至2023年6月30日起失效: the day the
	// document itself goes out of force, written after its effective-date clause (the
	// words before one of selfEndWords)
	selfEndRe = regexp.MustCompile(`(?:施行|实施|执行|试行|生效)\s*[，,]\s*(?:并\s*)?(?:于|至|到)?\s*(` + anyDateExpr +
		`)\s*(?:起\s*)?$`)
	// 有效期至2023年底 / 至2023年末 / 至2023年12月 / 至2023年6月底: the last day of that year or month
	untilPartRe = regexp.MustCompile(`^(?:为|是|：|:)?\s*(?:自?\s*(?:` + anyDateExpr + `|(?:19|20)[0-9]{2}\s*年)\s*起?\s*)?(?:至|到|截至|截止至|截止到|截止)\s*` +
		`([0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:(?:年)?(底|末)|([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末)?)(?:[^0-9一二三四五六七八九十日号]|$)`)
	// 2024—2026 年 in a plan's title
	titlePeriodRe = regexp.MustCompile(`((?:19|20)[0-9]{2})\s*[-—–－~～至到]+\s*((?:19|20)[0-9]{2})\s*年`)
	// 2022年 or 2022年度 in an annual plan's title, and what follows it
	titleYearRe = regexp.MustCompile(`((?:19|20)[0-9]{2})\s*年(?:度)?`)
	// what makes the year a part of one: 2022年6月, 2022年第一季度, 2022年上半年
	partOfYearRe = regexp.MustCompile(`^\s*(?:[0-9一二三四五六七八九十]{1,3}\s*月|第|[上下]半年|[一二三四]季度|春季|秋季|冬季|夏季)`)
)

// planWords name documents that run for the period in their title.
var planWords = []string{"方案", "规划", "计划", "纲要", "要点", "行动", "工程", "实施意见"}

// annualPlanWords name the plans a body makes for one year, which lapse with it:
// 抚顺县2022年政务公开工作要点. An 实施方案, 办法 or 规定 named for a year may well
// outlive it, so a single year alone dates only these.
var annualPlanWords = []string{"工作要点", "工作计划", "工作安排", "重点工作任务", "年度计划"}

// notOwnPeriod are words of titles that name a period without running for it:
// 关于废止《2016-2020年…规划》的决定, 2021—2025年规划实施情况的报告, 2022年工作总结.
var notOwnPeriod = []string{"废止", "修改", "延续", "延长", "评估", "总结", "报告", "情况", "解读"}

// findExpiry sets the last day in force: from the information table; from the text's
// own clause (本办法自…起施行，有效期5年 counts from the effective date and ends the day
// before the anniversary; 有效期至2027年6月30日; 自…起施行，至2022年12月31日止); or, with a
// warning, from the period a plan is named for (2024—2026年…实施方案 ends on 2026-12-31).
// A clause that also states when the period starts (有效期自2020年4月1日至…) returns
// that day and its sentence: the effective date when nothing else gives one.
func findExpiry(d *doc, f fields, effEnd int, h Hint, info *Info) (start model.Date, startEv string) {
	set := func(dt model.Date, ev string) {
		info.ExpiryDate = dt
		info.ExpiryEvidence = model.Evidence{Value: ev, Origin: originText}
	}
	if f.expiry != 0 {
		set(f.expiry, f.expiryEv)
		return 0, ""
	}
	text := d.text
	lo := d.bodyStart()
	for _, w := range periodWords {
		for _, p := range d.hits(w) {
			off := p + len(w)
			ss, se := sentenceBounds(text, lo, p, off)
			if !ownPeriod(text, ss, p, effEnd) {
				continue
			}
			sentence := evidence(text[ss:se])
			rest := text[off:min(len(text), off+120)]
			if strings.HasSuffix(w, "至") {
				rest = "至" + rest
			}
			if m := untilRe.FindStringSubmatch(rest); m != nil {
				if dt := parseAnyDate(m[2] + m[3]); dt != 0 {
					set(dt, sentence)
					if m[1] != "" {
						return parseAnyDate(m[1]), sentence
					}
					return 0, ""
				}
			}
			if dt := partialEnd(untilPartRe.FindStringSubmatch(rest)); dt != 0 {
				set(dt, sentence)
				return 0, ""
			}
			if m := yearsRe.FindStringSubmatch(rest); m != nil {
				from, _ := strconv.Atoi(m[1])
				to, _ := strconv.Atoi(m[2])
				if from <= to && to-from <= 15 {
					set(model.NewDate(to, 12, 31), sentence)
					return model.NewDate(from, 1, 1), sentence
				}
			}
			if m := spanRe.FindStringSubmatch(rest); m != nil {
				n, ok := docnum.ParseNumeral(m[1])
				switch {
				case m[1] == "半" && m[2] == "年": // 有效期半年
					n, ok, m[2] = 6, true, "个月"
				case m[1] == "半":
					ok = false
				case m[2] == "年半": // 有效期一年半: eighteen months
					n, m[2] = n*12+6, "个月"
				case m[2] == "年" && m[3] != "": // 有效期3年6个月, 两年零六个月
					extra, ok2 := docnum.ParseNumeral(m[3])
					ok = ok && ok2 && extra < 12
					n, m[2] = n*12+extra, "个月"
				}
				if !ok || n <= 0 || n > 50*12 || m[2] == "年" && n > 50 {
					continue
				}
				if dm := termDatesRe.FindStringSubmatch(text[min(off+len(m[0]), se):se]); dm != nil {
					// The dates the term is written with say when it runs.
					if from, until := parseAnyDate(dm[1]), parseAnyDate(dm[2]); from != 0 && until >= from {
						set(until, sentence)
						return from, sentence
					}
				}
				info.ExpiryTerm = Term{N: n, Months: m[2] != "年"}
				from := info.EffectiveDate
				if from == 0 {
					// No 施行 clause: in force from publication (SPEC), so the term runs from then.
					from = h.PublishDate // explicit metadata first, as the ingester decides
					if from == 0 {
						from = info.PublishDate
					}
				}
				if from == 0 {
					info.warn("正文“" + sentence + "”规定了有效期，但施行日期和发布日期均未知，有效期截止日留空")
					return 0, ""
				}
				set(info.ExpiryTerm.End(from), sentence)
				return 0, ""
			}
		}
	}
	text, lo = d.text, d.bodyStart()
	for _, m := range rangeRe.FindAllStringSubmatchIndex(text[lo:], -1) {
		p, e := lo+m[0], lo+m[1]
		ss, se := sentenceBounds(text, lo, p, e)
		if !ownSubject(subjectOf(text, ss, p)) {
			continue
		}
		if m[2] < 0 { // the second form: 自…起施行至…。
			m = []int{m[0], m[1], m[6], m[7], m[8], m[9]}
		}
		from, until := parseAnyDate(text[lo+m[2]:lo+m[3]]), parseAnyDate(text[lo+m[4]:lo+m[5]])
		if until == 0 || from > until {
			continue
		}
		sentence := evidence(text[ss:se])
		set(until, sentence)
		return from, sentence
	}
	for _, w := range selfEndWords {
		for _, at := range d.hits(w) {
			from := max(lo, at-120)
			m := selfEndRe.FindStringSubmatchIndex(text[from:at])
			if m == nil {
				continue
			}
			p := from + m[0]
			ss, se := sentenceBounds(text, lo, p, at+len(w))
			if !ownSubject(subjectOf(text, ss, p)) {
				continue
			}
			if end := parseAnyDate(text[from+m[2] : from+m[3]]); end != 0 {
				set(end.AddDays(-1), evidence(text[ss:se])) // the day it is repealed is its first out of force
				return 0, ""
			}
		}
	}
	expiryFromTitle(info)
	return 0, ""
}

// ownPeriod reports whether the 有效期 at p, in the sentence starting at ss, is the
// document's own: 本办法有效期…, 本通知自…起施行，有效期…, or a sentence of its own right
// after the effective-date clause. 许可证的有效期为三年 is not.
func ownPeriod(text string, ss, p, effEnd int) bool {
	pre := subjectOf(text, ss, p)
	if pre == "" {
		// 有效期5年。 standing alone: only right after the document's effective-date clause.
		return effEnd >= 0 && ss-effEnd >= 0 && ss-effEnd <= 8
	}
	if !ownSubject(pre) {
		return false
	}
	// Within the sentence the clause must start with 有效期 or be 本X(的)有效期.
	clause := pre
	if i := strings.LastIndexAny(clause, "，,"); i >= 0 {
		clause = clause[i+len("，"):]
		if strings.HasSuffix(pre[:i+1], ",") {
			clause = pre[i+1:]
		}
	}
	clause = strings.TrimSuffix(strings.TrimPrefix(clause, "并"), "的")
	switch clause {
	case "", "且", "政策", "各项政策": // 本措施自…起实施，政策执行期限截至…
		return true
	}
	return strings.HasPrefix(clause, "本") && runeLen(clause) <= 8 && !strings.ContainsAny(clause, "《证")
}

// expiryFromTitle infers the end of a plan from the period in its title (2024-2026年…
// 实施方案), or of an annual plan from its year (2022年…工作要点).
func expiryFromTitle(info *Info) {
	for _, w := range notOwnPeriod {
		if strings.Contains(info.Title, w) {
			return
		}
	}
	m := titlePeriodRe.FindStringSubmatchIndex(info.Title)
	if m == nil {
		expiryFromTitleYear(info)
		return
	}
	from, _ := strconv.Atoi(info.Title[m[2]:m[3]])
	to, _ := strconv.Atoi(info.Title[m[4]:m[5]])
	if to <= from || to-from > 15 {
		return
	}
	rest := info.Title[m[1]:]
	plan := false
	for _, w := range planWords {
		if strings.Contains(rest, w) {
			plan = true
		}
	}
	if !plan {
		return
	}
	info.ExpiryDate = model.NewDate(to, 12, 31)
	info.ExpiryEvidence = model.Evidence{Value: info.Title, Origin: "title"}
	info.warn("有效期截止日" + info.ExpiryDate.String() + "系根据标题所载期间“" + info.Title[m[0]:m[1]] + "”推定，正文未写明有效期")
}

// expiryFromTitleYear dates an annual plan to the end of the year its title names: the
// last year written before one of annualPlanWords, unless it names part of the year
// (2022年6月, 2022年第一季度).
func expiryFromTitleYear(info *Info) {
	t := info.Title
	var year string
	for _, m := range titleYearRe.FindAllStringSubmatchIndex(t, -1) {
		if partOfYearRe.MatchString(t[m[1]:]) {
			continue
		}
		for _, w := range annualPlanWords {
			if strings.Contains(t[m[0]:], w) {
				year = t[m[2]:m[3]]
				break
			}
		}
	}
	if year == "" {
		return
	}
	y, _ := strconv.Atoi(year)
	info.ExpiryDate = model.NewDate(y, 12, 31)
	info.ExpiryEvidence = model.Evidence{Value: t, Origin: "title"}
	info.warn("有效期截止日" + info.ExpiryDate.String() + "系根据标题所载年度“" + year + "年”推定，正文未写明有效期")
}

// partialEnd is the last day an untilPartRe match names: 31 December of 2023年底, the
// last day of the month of 2023年6月. The dates are read as written dates are.
func partialEnd(m []string) model.Date {
	if m == nil {
		return 0
	}
	if m[2] != "" {
		return parseAnyDate(m[1] + "年12月31日")
	}
	first := parseAnyDate(m[1] + "年" + m[3] + "月1日")
	if first == 0 {
		return 0
	}
	return first.AddMonths(1).AddDays(-1)
}
