package benchgen

import (
	"math"
	"strconv"

	"github.com/guifan/guifan/internal/model"
)

// versionCounts are the odds of a work having 1, 2, 3 or 4 versions, by level group.
var (
	normativeVersions = []float64{0.82, 0.13, 0.05}
	lawVersions       = []float64{0.55, 0.25, 0.12, 0.08}
	judicialVersions  = []float64{0.9, 0.1}
	usualYears        = []int{5, 5, 5, 5, 5, 5, 3, 3, 2, 10}
	verbs             = []string{"规范", "加强", "促进", "做好", "推进"}
)

// planned is one version of a work before it is written.
type planned struct {
	publish, effective, expiry model.Date
	sameDay                    bool
	years                      int
	number, prefix             string
	year, serial               int
	variant                    bool
	expiryInMeta               bool
}

// work generates one normal work: its versions, then maybe its interpretation, an
// extension of an older document's 有效期, or a clean-up decision of its region.
func (g *gen) work() error {
	r := newRNG(g.opt.Seed, 1, g.workSeq)
	nSubj := len(g.pool.subjects)
	li := r.weighted(g.weights)
	c, ok := g.spaces[li].take(nSubj)
	if !ok {
		li = levelNormative
		c = g.spaces[li].takeWrapped(nSubj)
	}
	spec := &levelSpecs[li]
	tpl := &spec.templates[c.template]
	reg := &regions[c.region]
	subject := g.pool.subjects[c.subject]
	di, topic := subjectDomain(subject, hashString(subject))
	d := &depts[di]
	authority := g.authorities(r, tpl, reg, di)

	// 有效期: most normative documents state one; 试行, 暂行 and plans always do.
	validity := false
	switch spec.level {
	case model.LevelNormative:
		validity = tpl.span != spanUsual || r.chance(0.62)
	case model.LevelLocalRules:
		validity = tpl.span == spanInterim || r.chance(0.05)
	}
	years := 0
	switch tpl.span {
	case spanTrial:
		years = 2
	case spanInterim:
		years = 3
	case spanUsual:
		years = usualYears[r.intn(len(usualYears))]
	}
	counts := normativeVersions
	switch spec.level {
	case model.LevelLaw, model.LevelAdminRegs, model.LevelLocalRegs, model.LevelLocalRules, model.LevelDeptRules:
		counts = lawVersions
	case model.LevelJudicial:
		counts = judicialVersions
	}
	nv := 1 + r.weighted(counts)
	if tpl.span == spanPeriod {
		nv = 1
	}

	// Dates. A few documents are arranged to expire within 180 days after AsOf.
	var vs []planned
	var p planned
	if validity && tpl.span != spanPeriod && r.chance(0.05) {
		nv = 1
		end := g.opt.AsOf.AddDays(r.between(0, 179))
		p.effective = end.AddDays(1).AddYears(-years)
		p.publish = p.effective.AddDays(-r.between(0, 20))
		p.sameDay = p.publish == p.effective
	} else {
		p.publish = randomDate(r)
		p.effective, p.sameDay = effectiveAfter(r, p.publish)
	}
	for vi := 0; vi < nv; vi++ {
		if vi > 0 {
			prev := vs[vi-1]
			next := prev.effective.AddDays(r.between(365, 1500))
			if prev.expiry != 0 && next >= prev.expiry.AddDays(-30) {
				next = prev.expiry.AddDays(-r.between(30, 180))
			}
			if next <= prev.effective.AddDays(60) || next > lastDate {
				break
			}
			p = planned{publish: next}
			p.effective, p.sameDay = effectiveAfter(r, next)
		}
		if validity {
			p.years = years
			if tpl.span == spanPeriod {
				p.years = 0
				p.expiry = model.NewDate(p.publish.Year()+2, 12, 31) // nv is 1: the plan's own years
			} else {
				p.expiry = p.effective.AddYears(years).AddDays(-1)
				if r.chance(0.2) {
					p.years = 0 // 有效期至 a date rather than N years
				}
			}
			p.expiryInMeta = r.chance(0.8)
		}
		g.numberVersion(r, &p, spec, tpl, reg, d)
		vs = append(vs, p)
	}

	wid := g.workID("w")
	title := render(tpl.title, authority[0], reg.name, subject, vs[0].publish.Year())
	inner := render(tpl.inner, authority[0], reg.name, subject, vs[0].publish.Year())
	if c.round > 0 {
		title += "（" + strconv.FormatUint(c.round+1, 10) + "）"
		if inner != "" {
			inner += "（" + strconv.FormatUint(c.round+1, 10) + "）"
		}
	}
	name := inner
	if name == "" {
		name = title
	}
	restricted := spec.level == model.LevelNormative && r.chance(0.065)
	topics := pickTopics(r, topic)
	withStatus := spec.level != model.LevelNormative || r.chance(0.65)
	// Each version of a normative document bears a number of its own; without version_of
	// the ingester would take them for as many documents (catalog.twoDocuments), so a
	// work of several versions always names its work.
	versionOf := ""
	if len(vs) > 1 || r.chance(0.5) {
		versionOf = wid
	}

	// Relations stated by the first version (later versions keep its bases and citations).
	first := vs[0]
	var rels []relation
	var basisText, citeText, repealText string
	if spec.level != model.LevelLaw && r.chance(0.6) {
		bases := g.national.pick(r, 1+r.intn(2), func(x *ref) bool {
			return x.last < first.publish && outranks(x.level, li)
		})
		for _, b := range bases {
			basisText += "《" + b.name + "》"
			rels = append(rels, relation{typ: model.Basis, target: b.target(r)})
		}
		if basisText != "" {
			basisText = "根据" + basisText + "等有关规定，"
			for i := range rels {
				rels[i].evidence = basisText
			}
		}
	}
	if r.chance(0.3) {
		ring := &g.rings[c.region]
		if cited := ring.pick(r, 1, func(x *ref) bool { return x.last < first.publish }); len(cited) == 1 {
			citeText = subject + "工作中涉及的其他事项，按照" + cited[0].citation() + "有关规定执行。"
			rels = append(rels, relation{typ: model.Cites, target: cited[0].target(r), evidence: citeText})
		}
	}
	var repealed *ref
	if (spec.level == model.LevelNormative || spec.level == model.LevelLocalRules) && r.chance(0.1) {
		ring := &g.rings[c.region]
		if old := ring.pick(r, 1, func(x *ref) bool { return !x.ended && x.level == li && x.last < first.publish }); len(old) == 1 {
			repealed = old[0]
			repealText = repealed.citation() + "同时废止。"
			rels = append(rels, relation{typ: model.Repeals, target: repealed.target(r), date: first.effective, evidence: repealText})
		}
	}

	g.st.Works++
	g.st.WorksByLevel[string(spec.level)]++
	if restricted {
		g.st.RestrictedWorks++
	}
	if repealed != nil {
		g.end(repealed)
	}
	dr := draft{spec: spec, tpl: tpl, reg: reg, dept: di, subject: subject, title: title, inner: inner, authority: authority,
		verb: verbs[r.intn(len(verbs))], basis: basisText, cite: citeText, meeting: r.between(1800, 1950),
		chineseNum: r.chance(0.3), mark: disclosureMark(r, restricted)}
	written := 0
	var items []int32
	for vi, v := range vs {
		if g.full() {
			break
		}
		vr := newRNG(g.opt.Seed, 3, g.workSeq, uint64(vi))
		if vi == 0 {
			items = g.pickItems(vr, textSize(vr, g.meanNormal())-600, g.scratch[0])
		} else {
			items = g.revise(vr, items, g.scratch[vi%2])
		}
		g.scratch[vi%2] = items
		dr.items, dr.number, dr.publish, dr.effective, dr.sameDay = items, v.number, v.publish, v.effective, v.sameDay
		dr.expiry, dr.years = v.expiry, v.years
		if vi > 0 {
			dr.repeal = ""
		} else {
			dr.repeal = repealText
		}
		rec := record{id: wid + "-v" + strconv.Itoa(vi+1), title: title, number: v.number, versionOf: versionOf,
			authority: authority, level: spec.level, publish: v.publish, effective: v.effective,
			topics: topics, restricted: restricted, statesExpiry: v.expiry != 0, numberVariant: v.variant,
			disclosure: disclosureValue(vr, restricted)}
		if v.expiryInMeta {
			rec.expiry = v.expiry
		}
		if vi > 0 {
			rec.label = strconv.Itoa(v.publish.Year()) + "年修订"
			if spec.level == model.LevelLaw && vr.chance(0.5) {
				rec.label = strconv.Itoa(v.publish.Year()) + "年修正"
			}
		}
		if withStatus {
			rec.status = g.sourceStatus(vs, vi)
		}
		for _, rel := range rels {
			if rel.typ == model.Repeals && vi > 0 {
				continue
			}
			rec.relations = append(rec.relations, rel)
		}
		if err := g.emit(&rec, func(t *textWriter) { g.writeText(t, &dr) }); err != nil {
			return err
		}
		written++
	}
	if written > 1 {
		g.st.MultiVersionWorks++
	}
	last := vs[written-1]
	x := &ref{title: title, name: name, prefix: last.prefix, year: last.year, serial: last.serial, number: last.number,
		authority: authority[0], level: li, last: last.publish, effective: last.effective, expiry: last.expiry, public: !restricted}
	g.countExpiry(x)
	if spec.regional {
		g.rings[c.region].push(x)
	} else if spec.level != model.LevelJudicial {
		g.national.push(x)
	}
	return g.events(x, c.region, topics)
}

// outranks reports whether a document of level a can be the basis (依据) of one of level b.
func outranks(a, b int) bool {
	rank := func(i int) int {
		switch levelSpecs[i].level {
		case model.LevelLaw:
			return 4
		case model.LevelAdminRegs:
			return 3
		case model.LevelDeptRules, model.LevelLocalRegs:
			return 2
		}
		return 1
	}
	return rank(a) > rank(b) || (rank(a) == 2 && rank(b) == 2 && a != b) || rank(b) == 1
}

// meanNormal is the mean size to draw a normal work's text from. Headers, the shortest
// possible body and the short notices and interpretations pull the overall mean away
// from the target, more so for small targets; steering by the text written so far keeps
// the mean over all versions near AvgTextBytes whatever the target.
func (g *gen) meanNormal() float64 {
	avg := float64(g.opt.AvgTextBytes)
	behind := (avg*float64(g.st.Versions) - float64(g.st.TextBytes)) / avg // in units of avg
	return avg * math.Max(0.2, math.Min(3, 1.05+0.02*behind))
}
