package benchgen

import (
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

func (g *gen) authorities(r *rng, tpl *template, reg *region, di int) []string {
	switch tpl.organ {
	case organGov:
		return []string{govName(reg, false)}
	case organOffice:
		return []string{govName(reg, true)}
	case organCongress:
		if reg.tier == tierNational {
			return []string{"全国人民代表大会常务委员会"}
		}
		return []string{reg.name + "人民代表大会常务委员会"}
	case organCourt:
		if strings.Contains(tpl.title, "最高人民检察院") {
			return []string{"最高人民法院", "最高人民检察院"}
		}
		return []string{"最高人民法院"}
	}
	out := []string{depts[di].name(reg)}
	if reg.tier != tierNational && di != dFinance && r.chance(0.08) {
		out = append(out, depts[dFinance].name(reg)) // 联合发文
	}
	return out
}

// numberVersion gives a version its doc number in the form its level uses.
func (g *gen) numberVersion(r *rng, p *planned, spec *levelSpec, tpl *template, reg *region, d *dept) {
	y := p.publish.Year()
	switch spec.level {
	case model.LevelNormative, model.LevelJudicial:
		prefix := "法释"
		if spec.level == model.LevelNormative {
			prefix = numberPrefix(reg, tpl.organ, d, y >= 2018 && tpl.form == formArticles && r.chance(0.5))
		}
		p.prefix, p.year, p.serial = prefix, y, g.nums.next(r, prefix, y)
		p.number, p.variant = shapedNumber(r, prefix, y, p.serial, true)
	case model.LevelLocalRules:
		p.number = reg.name + "人民政府令第" + strconv.Itoa(g.nums.next(r, reg.name+"令", 0)) + "号"
	case model.LevelLocalRegs:
		p.number = reg.name + "人民代表大会常务委员会公告第" + strconv.Itoa(g.nums.next(r, reg.name+"公告", 0)) + "号"
	case model.LevelDeptRules:
		p.number = d.natName + "令" + strconv.Itoa(y) + "年第" + strconv.Itoa(g.nums.next(r, d.natName+"令", y)) + "号"
	case model.LevelAdminRegs:
		p.number = "中华人民共和国国务院令第" + strconv.Itoa(g.nums.next(r, "国务院令", 0)) + "号"
	case model.LevelLaw:
		p.number = "中华人民共和国主席令第" + strconv.Itoa(g.nums.next(r, "主席令", 0)) + "号"
	}
}

// sourceStatus is the status a source would claim for version vi on AsOf. It ignores
// expiry and repeal, as sources often do: the ingester must not trust it.
func (g *gen) sourceStatus(vs []planned, vi int) string {
	if vs[vi].effective > g.opt.AsOf {
		return "not_yet_in_force"
	}
	if vi+1 < len(vs) && vs[vi+1].effective <= g.opt.AsOf {
		return "amended"
	}
	return "in_force"
}

func pickTopics(r *rng, topic string) []string {
	var out []string
	if topic != "" {
		out = append(out, topic)
	} else if r.chance(0.5) {
		out = append(out, Topics[r.intn(len(Topics))])
	}
	if r.chance(0.15) {
		t := Topics[r.intn(len(Topics))]
		if len(out) == 0 || out[0] != t {
			out = append(out, t)
		}
	}
	return out
}

func disclosureMark(r *rng, restricted bool) string {
	switch {
	case restricted && r.chance(0.5):
		return "（此件不予公开）"
	case restricted:
		return "（此件依申请公开）"
	case r.chance(0.7):
		return "（此件公开发布）"
	}
	return "（此件主动公开）"
}

// disclosureValue is the record's disclosure field, in the forms sources write it.
func disclosureValue(r *rng, restricted bool) string {
	x := r.float()
	if restricted {
		switch {
		case x < 0.8:
			return "restricted"
		case x < 0.9:
			return "依申请公开"
		}
		return "不予公开"
	}
	switch {
	case x < 0.8:
		return "public"
	case x < 0.95:
		return ""
	}
	return "主动公开"
}
