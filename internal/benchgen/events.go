package benchgen

import (
	"strconv"

	"github.com/guifan/guifan/internal/model"
)

// countExpiry counts a new work's 有效期 against AsOf.
func (g *gen) countExpiry(x *ref) {
	asof := g.opt.AsOf
	switch {
	case x.expiry == 0:
	case x.expiry < asof:
		x.expired = true
		g.st.Expired++
	case x.expiry <= asof.AddDays(180):
		x.soon = true
		g.st.ExpiringSoon++
	}
}

// extend records that a notice dated on moved x's 有效期 to until.
func (g *gen) extend(x *ref, on, until model.Date) {
	x.extended = true
	g.st.Extended++
	if on > g.opt.AsOf {
		return // not yet known on AsOf
	}
	if x.expired {
		x.expired = false
		g.st.Expired--
	}
	if x.soon {
		x.soon = false
		g.st.ExpiringSoon--
	}
	x.expiry = until
	g.countExpiry(x)
}

// end records that a repeals or lapses relation names x.
func (g *gen) end(x *ref) {
	x.ended = true
	g.st.Ended++
}

// events may follow a normal work: its interpretation (政策解读), an extension of an
// older document of its region that is about to expire, or a clean-up decision.
func (g *gen) events(x *ref, region int, topics []string) error {
	r := newRNG(g.opt.Seed, 2, g.workSeq)
	lvl := levelSpecs[x.level].level
	interpretable := lvl == model.LevelNormative || lvl == model.LevelLocalRules || lvl == model.LevelDeptRules ||
		lvl == model.LevelAdminRegs || lvl == model.LevelLaw
	if interpretable && x.public && r.chance(0.14) && !g.full() {
		if err := g.interpretation(r, x, topics); err != nil {
			return err
		}
	}
	if r.chance(0.05) && !g.full() {
		if err := g.extension(r, region); err != nil {
			return err
		}
	}
	if r.chance(0.012) && !g.full() && regions[region].tier != tierNational {
		return g.cleanup(r, region)
	}
	return nil
}

// interpretation writes 关于《…》的解读 for x, published a few days after it.
func (g *gen) interpretation(r *rng, x *ref, topics []string) error {
	publish := x.last.AddDays(r.between(0, 10))
	kinds := []string{"解读", "解读", "解读", "解读", "解读", "解读", "政策解读", "文字解读", "问答", "图解"}
	rec := record{id: g.workID("i") + "-v1", title: "关于" + "《" + x.name + "》的解读", authority: []string{x.authority},
		level: model.LevelOther, publish: publish, effective: publish, kind: kinds[r.intn(len(kinds))],
		disclosure: "public", topics: topics, interprets: x.target(r)}
	g.st.Works++
	g.st.WorksByLevel[string(model.LevelOther)]++
	g.st.Interpretations++
	items := g.pickItems(r, textSize(r, float64(g.opt.AvgTextBytes)/4), g.scratch[0])
	g.scratch[0] = items
	return g.emit(&rec, func(t *textWriter) {
		t.line(rec.title)
		t.line("一、起草背景")
		half := len(items) / 3
		g.writeParagraphs(t, items[:half])
		t.line("二、主要内容")
		t.line("《" + x.name + "》主要包括以下内容：")
		for i, id := range items[half:] {
			t.s("（" + chineseNumber(i+1) + "）")
			t.item(&g.pool.items[id])
			t.newline()
		}
		t.line("三、施行时间")
		clause := "《" + x.name + "》自" + x.effective.Chinese() + "起施行"
		if x.expiry != 0 {
			clause += "，有效期至" + x.expiry.Chinese()
		}
		t.line(clause + "。")
	})
}

func (g *gen) writeParagraphs(t *textWriter, items []int32) {
	for _, id := range items {
		if it := &g.pool.items[id]; !it.heading {
			t.item(it)
			t.newline()
		}
	}
}

// extension writes 关于延长《…》有效期的通知 for a document of the region whose 有效期
// ends, dated shortly before it ends.
func (g *gen) extension(r *rng, region int) error {
	cands := g.rings[region].pick(r, 1, func(x *ref) bool {
		return x.expiry != 0 && !x.ended && !x.extended && x.expiry.AddDays(-120) > x.last && x.expiry.AddDays(-10) <= lastDate
	})
	if len(cands) == 0 {
		return nil
	}
	x := cands[0]
	date := x.expiry.AddDays(-r.between(10, 120))
	if date <= x.last {
		date = x.last.AddDays(1)
	}
	until := model.NewDate(x.expiry.Year()+r.between(1, 3), 12, 31)
	reg := &regions[region]
	authority := govName(reg, true)
	num, variant := g.noticeNumber(r, reg, organOffice, date)
	sentence := x.citation() + "有效期至" + x.expiry.Chinese() + "届满。经评估，该文件仍需继续执行，现决定将其有效期延长至" + until.Chinese() + "。"
	rec := record{id: g.workID("e") + "-v1", title: authority + "关于延长《" + x.name + "》有效期的通知", number: num,
		authority: []string{authority}, level: model.LevelNormative, publish: date, effective: date, disclosure: "public",
		status: "in_force", numberVariant: variant,
		relations: []relation{{typ: model.Extends, target: x.target(r), date: date, until: until, evidence: sentence}}}
	g.st.Works++
	g.st.WorksByLevel[string(model.LevelNormative)]++
	g.st.Extensions++
	g.extend(x, date, until)
	return g.emit(&rec, func(t *textWriter) {
		t.line(rec.title)
		t.line(num)
		t.line(reg.addressee())
		t.line(sentence)
		t.line("请各地、各有关部门继续抓好贯彻落实。")
		t.line(authority)
		t.line(date.Chinese())
		t.line("（此件公开发布）")
	})
}

// cleanup writes a 清理 decision of the region's government that repeals (废止) some of
// its documents and declares others lapsed (宣布失效).
func (g *gen) cleanup(r *rng, region int) error {
	reg := &regions[region]
	targets := g.rings[region].pick(r, r.between(2, 6), func(x *ref) bool {
		return !x.ended && levelSpecs[x.level].level == model.LevelNormative
	})
	if len(targets) == 0 {
		return nil
	}
	latest := targets[0].last
	for _, x := range targets {
		latest = max(latest, x.last)
	}
	date := latest.AddDays(r.between(30, 720))
	if date > lastDate {
		return nil
	}
	g.cleanups[region]++
	authority := govName(reg, false)
	num, variant := g.noticeNumber(r, reg, organGov, date)
	title := authority + "关于废止和宣布失效一批规范性文件的决定（第" + chineseNumber(g.cleanups[region]) + "批）"
	var repeal, lapse []string
	var rels []relation
	for _, x := range targets {
		typ := model.Repeals
		if (x.expiry != 0 && x.expiry < date) || r.chance(0.4) {
			typ = model.Lapses
		}
		line := strconv.Itoa(len(repeal)+1) + "." + x.citation()
		if typ == model.Lapses {
			line = strconv.Itoa(len(lapse)+1) + "." + x.citation()
		}
		if typ == model.Repeals {
			repeal = append(repeal, line)
		} else {
			lapse = append(lapse, line)
		}
		rels = append(rels, relation{typ: typ, target: x.target(r), date: date, evidence: line})
		g.end(x)
	}
	rec := record{id: g.workID("c") + "-v1", title: title, number: num, authority: []string{authority},
		level: model.LevelNormative, publish: date, effective: date, disclosure: "public", status: "in_force",
		numberVariant: variant, relations: rels}
	g.st.Works++
	g.st.WorksByLevel[string(model.LevelNormative)]++
	g.st.Cleanups++
	return g.emit(&rec, func(t *textWriter) {
		t.line(title)
		t.line(num)
		t.line(reg.addressee())
		t.line("为维护法制统一，根据规范性文件清理工作安排，" + authority + "对现行规范性文件进行了清理。经清理，决定：")
		point := 0
		for _, group := range []struct {
			verb  string
			lines []string
		}{{"予以废止", repeal}, {"宣布失效", lapse}} {
			if len(group.lines) == 0 {
				continue
			}
			point++
			t.line(chineseNumber(point) + "、对以下" + strconv.Itoa(len(group.lines)) + "件规范性文件" + group.verb + "：")
			for _, l := range group.lines {
				t.line(l)
			}
		}
		t.line("本决定自印发之日起施行。")
		t.line(authority)
		t.line(date.Chinese())
		t.line("（此件公开发布）")
	})
}

// noticeNumber numbers a notice of the region's government or its office (浙政发〔2021〕3号).
func (g *gen) noticeNumber(r *rng, reg *region, o organ, date model.Date) (string, bool) {
	prefix := numberPrefix(reg, o, nil, false)
	y := date.Year()
	return shapedNumber(r, prefix, y, g.nums.next(r, prefix, y), true)
}
