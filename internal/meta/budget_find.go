package meta

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// budget is a body's budget or final accounts disclosure (部门预算 / 部门决算公开), which
// every government body publishes in one national layout: a heading naming the year
// (上海市普陀区2025年区级部门预算, 上海市普陀区财政局2024年度部门决算) and, in a budget,
// the body it is for (预算主管部门：… or 预算单位：…).
type budget struct {
	heading string
	year    int
	final   bool   // 决算: the accounts of a year gone by, not a plan for one
	body    string // the body the budget or accounts are for
}

var (
	// the heading over at most three lines: who, the year, 部门/单位, 预算/决算
	budgetHeadingRe = regexp.MustCompile(`^(\p{Han}*?)((?:19|20)[0-9]{2})年度?(?:[\p{Han}]{1,2}级)?(?:部门|单位)(预算|决算)$`)
	// 预算主管部门：上海市普陀区人民政府办公室 (a table of contents' 目录 may follow on the line)
	budgetBodyRe = regexp.MustCompile(`^(?:预算主管部门|主管部门|预算单位|部门名称|单位名称)[:：](\p{Han}+?)(?:目录)?$`)
)

// findBudget recognises a budget or final accounts disclosure by its first lines.
func findBudget(d *doc) (budget, bool) {
	var joined string
	for i := 0; i < len(d.lines) && i < 3; i++ {
		joined += compact(d.lines[i].s)
		m := budgetHeadingRe.FindStringSubmatch(joined)
		if m == nil {
			continue
		}
		b := budget{heading: m[0], final: m[3] == "决算"}
		b.year, _ = strconv.Atoi(m[2])
		if isBodyName(m[1]) {
			b.body = m[1] // 上海市普陀区财政局2024年度部门决算
		}
		for k := i + 1; k < len(d.lines) && k < i+4; k++ {
			if bm := budgetBodyRe.FindStringSubmatch(compact(d.lines[k].s)); bm != nil && isBodyName(bm[1]) {
				b.body = bm[1]
				break
			}
		}
		return b, true
	}
	return budget{}, false
}

// budgetExpiry dates a budget to the end of its year: a budget is the plan of one
// fiscal year (预算年度, 1 January to 31 December) and lapses with it. Final accounts
// report on a year gone by and get none.
func budgetExpiry(b budget, ok bool, info *Info) {
	if !ok || b.final || strings.Contains(info.Title, "决算") {
		return
	}
	info.ExpiryDate = model.NewDate(b.year, 12, 31)
	info.ExpiryEvidence = model.Evidence{Value: b.heading, Origin: originText}
	info.warn("有效期截止日" + info.ExpiryDate.String() + "系根据预算年度“" + strconv.Itoa(b.year) + "年”推定（预算年度自1月1日起至12月31日止）")
}
