package service

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

// This file checks how the batch validity check (SPEC "HTTP API", /api/validity and
// /check) matches what staff paste. Random libraries of works with realistic 发文字号
// (国办发〔2022〕8号, 法释〔2020〕17号, 国务院令第786号, 国家税务总局公告2023年第1号) and
// titles go through the real ingest: titles shared by several issuers, nested
// (某市就业补贴办法 and …实施细则), with and without 中华人民共和国, notices issuing (印发)
// or forwarding (转发) another document, titles citing another document's number;
// versions with numbers and labels of their own (2018年修正); public and restricted
// documents; repeals, lapses and 有效期; repeals of earlier documents the library does
// not hold. Each work is then pasted the ways a person writes it — other brackets,
// full-width digits, leading zeros, stray spaces, quotes, list numbering, title and
// number on one line, traditional characters, the short title, a version note — and
// must be found by the right key, with the status the status oracle
// (status_oracle_test.go) computes for that date, or the named version's. Numbers and
// titles one part away from a document's must find the document they name or nothing,
// and the public must learn nothing of a restricted document. The expectations are
// computed from the generated parts, never by the product's own normalisation.
//
// GUIFAN_MATCH_DUMP=DIR keeps each generated library there, to reproduce a failure.

const matchSeeds = 6

// Number forms.
const (
	numBracket = iota + 1 // 国办发〔2022〕8号
	numOrder              // 国务院令第786号
	numNotice             // 国家税务总局公告2023年第1号
)

// mNum is a doc number by its parts.
type mNum struct {
	form   int
	prefix string // 机关代字 (国办发), order issuer (国务院令), notice issuer (国家税务总局公告)
	year   int    // 0 for orders
	serial int
	cn     bool // an order stored with 中华人民共和国 before it
}

// key identifies a number by its parts: two numbers are one when their keys are equal.
func (n mNum) key() string { return fmt.Sprintf("%d|%s|%d|%d", n.form, n.prefix, n.year, n.serial) }

// stored is the number as the record gives it.
func (n mNum) stored() string {
	switch n.form {
	case numBracket:
		return fmt.Sprintf("%s〔%d〕%d号", n.prefix, n.year, n.serial)
	case numOrder:
		s := fmt.Sprintf("%s第%d号", n.prefix, n.serial)
		if n.cn {
			s = "中华人民共和国" + s
		}
		return s
	}
	return fmt.Sprintf("%s%d年第%d号", n.prefix, n.year, n.serial)
}

type mVersion struct {
	id      string
	num     *mNum // nil: the version carries no number
	label   string
	publish model.Date
	eff     model.Date
	expiry  model.Date
	o       *oVersion
}

type mWork struct {
	key        string
	title      string
	short      string // the title without 中华人民共和国, "" when it has none
	issued     string // X of a title 关于印发《X》的通知
	issuer     string // the issuer a title 关于印发《X》的通知 begins with
	field      string
	level      string
	authority  string
	restricted bool
	versions   []*mVersion
	cites      *mNum      // another document's number its title cites
	outside    []mOutside // earlier documents it repeals that the library does not hold
	o          *oWork
}

// mOutside is the repeal of a document the library does not hold, by its number.
type mOutside struct {
	num  mNum
	date model.Date
	by   *mWork
}

type mLib struct {
	works   []*mWork
	byNum   map[string]*mVersion // mNum.key → version
	owner   map[*mVersion]*mWork
	stored  map[string]*mNum    // a number as stored → the number
	bare    map[string][]*mWork // title without the numbers it cites → works (mBareTitle)
	cited   map[*mWork][]string // the numbers a work's title cites
	exact   map[string][]*mWork // title, or short title without 中华人民共和国 → works
	issued  map[string][]*mWork // X → the notices issuing X (关于印发《X》的通知)
	about   map[string][]*mWork // 关于… → the works titled 某机关关于…
	outside map[string][]mOutside
}

type mGen struct {
	r    *rand.Rand
	lib  *mLib
	used map[string]bool // numbers and titles given out
}

var (
	mFields = []string{"就业补贴", "养老服务补贴", "创业担保贷款", "住房公积金提取", "医疗救助", "残疾人两项补贴",
		"城乡居民基本医疗保险", "失业保险稳岗返还", "高龄津贴", "职业技能提升补贴", "农村低保", "公共租赁住房",
		"人才引进", "生育津贴", "义务教育入学", "临时救助", "社区养老服务", "灵活就业人员社会保险"}
	mRegions = []struct {
		region, issuer string
		codes          []string
	}{
		{"北京市", "北京市人民政府", []string{"京政发", "京政办发"}},
		{"上海市", "上海市人民政府", []string{"沪府规", "沪府办规"}},
		{"广东省", "广东省人民政府", []string{"粤府", "粤府办"}},
		{"某市", "某市人民政府", []string{"某政发", "某政办发"}},
		{"甲县", "甲县人民政府", []string{"甲政发", "甲政办发"}},
		{"乙县", "乙县人民政府", []string{"乙政发", "乙政办发"}},
	}
	mNational = []struct {
		issuer string
		codes  []string
	}{
		{"国务院办公厅", []string{"国办发", "国办函"}},
		{"国务院", []string{"国发", "国函"}},
		{"财政部 税务总局", []string{"财税"}},
		{"人力资源社会保障部", []string{"人社部发", "人社部规"}},
	}
	mKinds    = []string{"管理办法", "实施办法", "暂行办法", "办法"}
	mJudicial = []string{"劳动争议", "民间借贷", "人身损害赔偿", "道路交通事故损害赔偿", "建设工程施工合同纠纷", "食品药品纠纷", "医疗损害责任纠纷"}
	mLaws     = []string{"公司", "劳动合同", "社会保险", "就业促进", "个人所得税", "行政许可", "安全生产", "食品安全", "药品管理", "教育"}
	mRegs     = []string{"医疗保障基金使用监督管理", "工伤保险", "失业保险", "住房公积金管理", "残疾人就业", "社会救助", "养老机构管理", "保障农民工工资支付"}
	mDepts    = []struct {
		issuer, order string
		titles        []string
	}{
		{"财政部", "财政部令", []string{"会计人员管理办法", "政府采购货物和服务招标投标管理办法", "行政事业性国有资产管理办法"}},
		{"人力资源社会保障部", "人力资源社会保障部令", []string{"社会保险基金先行支付暂行办法", "就业服务与就业管理规定", "工伤认定办法"}},
	}
	mTaxTopics = []string{"个人所得税专项附加扣除", "小规模纳税人减免增值税", "研发费用加计扣除", "土地增值税清算", "车辆购置税征收管理"}
)

func (g *mGen) pick(xs []string) string { return xs[g.r.Intn(len(xs))] }

// day is a date in the given year.
func (g *mGen) dayIn(y int) model.Date {
	m := 1 + g.r.Intn(12)
	return model.Date(y*10000 + m*100 + 1 + g.r.Intn(oDaysIn(y, m)))
}

// bracket gives out a new bracketed number of code for year: now and then a neighbour of
// one already given (the same serial in another year, the next serial, ten times it), so
// a number differing in one part is often one the library holds.
func (g *mGen) bracket(code string, year int) *mNum {
	for {
		n := &mNum{form: numBracket, prefix: code, year: year, serial: 1 + g.r.Intn(60)}
		if g.r.Intn(3) == 0 {
			n.serial = []int{1, 2, 3, 8, 10, 12, 18, 20, 80, 100}[g.r.Intn(10)]
		}
		if !g.used[n.key()] {
			g.used[n.key()] = true
			return n
		}
	}
}

func (g *mGen) order(prefix string, lo, hi int) *mNum {
	for {
		n := &mNum{form: numOrder, prefix: prefix, serial: lo + g.r.Intn(hi-lo)}
		if g.r.Intn(3) == 0 {
			n.serial = []int{lo, lo + 1, lo * 10, 100, 101, 110, 786, 78, 7}[g.r.Intn(9)]
		}
		if n.serial > 0 && !g.used[n.key()] {
			g.used[n.key()] = true
			return n
		}
	}
}

func (g *mGen) notice(prefix string, year int) *mNum {
	for {
		n := &mNum{form: numNotice, prefix: prefix, year: year, serial: 1 + g.r.Intn(40)}
		if !g.used[n.key()] {
			g.used[n.key()] = true
			return n
		}
	}
}

// freshTitle reports whether a title is not yet given out, and takes it.
func (g *mGen) freshTitle(t string) bool {
	if g.used["t|"+t] {
		return false
	}
	g.used["t|"+t] = true
	return true
}

func (g *mGen) add(w *mWork) *mWork {
	w.key = fmt.Sprintf("m%03d", len(g.lib.works))
	w.restricted = g.r.Intn(7) == 0
	if w.level == "" {
		w.level = "行政规范性文件"
	}
	for i, v := range w.versions {
		v.id = fmt.Sprintf("%s-v%d", w.key, i+1)
	}
	g.lib.works = append(g.lib.works, w)
	return w
}

// versions dates n versions from a year on, each numbered by num (nil: none) for its
// publish year.
func (g *mGen) versions(n, from int, num func(i, year int) *mNum, label func(i, year int) string) []*mVersion {
	var out []*mVersion
	y := from
	var prev model.Date
	for i := 0; i < n; i++ {
		v := &mVersion{publish: g.dayIn(y)}
		for v.publish <= prev {
			v.publish = oAddDays(v.publish, 30)
		}
		v.eff = v.publish
		if g.r.Intn(2) == 0 {
			v.eff = oAddDays(v.publish, 1+g.r.Intn(120))
		}
		if num != nil {
			v.num = num(i, v.publish.Year())
		}
		if label != nil {
			v.label = label(i, v.publish.Year())
		}
		prev = v.eff
		out = append(out, v)
		y = v.publish.Year() + 1 + g.r.Intn(3)
	}
	return out
}

func (g *mGen) library() *mLib {
	g.lib = &mLib{byNum: map[string]*mVersion{}, owner: map[*mVersion]*mWork{}, exact: map[string][]*mWork{}, issued: map[string][]*mWork{},
		about: map[string][]*mWork{}, outside: map[string][]mOutside{}, stored: map[string]*mNum{},
		bare: map[string][]*mWork{}, cited: map[*mWork][]string{}}
	// 行政规范性文件 of a region: 北京市就业补贴管理办法, 京政发〔2019〕12号, now and then
	// reissued under a new number, some with a 实施细则 of their own.
	for i := 0; i < 16; i++ {
		reg := mRegions[g.r.Intn(len(mRegions))]
		field := g.pick(mFields)
		title := reg.region + field + g.pick(mKinds)
		if !g.freshTitle(title) {
			continue
		}
		code := g.pick(reg.codes)
		n := 1
		if g.r.Intn(3) == 0 {
			n = 2 + g.r.Intn(2)
		}
		w := g.add(&mWork{title: title, field: field, authority: reg.issuer,
			versions: g.versions(n, 2012+g.r.Intn(12), func(_, y int) *mNum { return g.bracket(code, y) }, nil)})
		if w.versions[0].publish.Year() < 2024 && g.r.Intn(3) > 0 {
			w.versions[0].expiry = oTermEnd(w.versions[0].eff, 12*(2+g.r.Intn(4)))
		}
		if g.r.Intn(3) == 0 {
			// It replaces an earlier document of its title, which the library does not
			// hold: 原《北京市就业补贴管理办法》（京政发〔2015〕3号）同时废止.
			first := w.versions[0]
			w.outside = append(w.outside, mOutside{num: *g.bracket(code, first.publish.Year()-1-g.r.Intn(3)), date: first.eff, by: w})
		}
		if g.r.Intn(3) == 0 && g.freshTitle(title+"实施细则") {
			// 某市就业补贴办法 and 某市就业补贴办法实施细则: one title inside the other.
			first := w.versions[0].publish.Year()
			g.add(&mWork{title: title + "实施细则", field: field, authority: reg.issuer,
				versions: g.versions(1, first+g.r.Intn(2), func(_, y int) *mNum { return g.bracket(reg.codes[len(reg.codes)-1], y) }, nil)})
		}
	}
	// A title that several issuers use (关于进一步做好就业补贴工作的通知), and a notice that
	// issues a document by name (关于印发《某市养老服务补贴办法》的通知).
	for i := 0; i < 3; i++ {
		field := g.pick(mFields)
		title := "关于进一步做好" + field + "工作的通知"
		if !g.freshTitle(title) {
			continue
		}
		for k := 0; k < 2+g.r.Intn(2); k++ {
			reg := mRegions[(i+k*2)%len(mRegions)]
			code := reg.codes[1]
			g.add(&mWork{title: title, field: field, authority: reg.issuer,
				versions: g.versions(1, 2015+g.r.Intn(10), func(_, y int) *mNum { return g.bracket(code, y) }, nil)})
		}
	}
	for i := 0; i < 3; i++ {
		reg := mRegions[g.r.Intn(len(mRegions))]
		inner := reg.region + g.pick(mFields) + "管理办法"
		if g.r.Intn(2) == 0 {
			// The document it issues is in the library under its own title as well.
			for _, w := range g.lib.works {
				if strings.HasPrefix(w.title, reg.region) && w.authority == reg.issuer && !strings.Contains(w.title, "关于") {
					inner = w.title
				}
			}
		}
		title := reg.issuer + "关于印发《" + inner + "》的通知"
		if !g.freshTitle(title) {
			continue
		}
		g.add(&mWork{title: title, issued: inner, issuer: reg.issuer, field: inner, authority: reg.issuer,
			versions: g.versions(1, 2016+g.r.Intn(9), func(_, y int) *mNum { return g.bracket(reg.codes[0], y) }, nil)})
	}
	// National notices and opinions: 国务院办公厅关于进一步做好养老服务补贴工作的意见.
	for i := 0; i < 6; i++ {
		nat := mNational[g.r.Intn(len(mNational))]
		field := g.pick(mFields)
		title := nat.issuer + "关于" + g.pick([]string{"进一步做好", "加强", "完善", "做好"}) + field + "工作的" + g.pick([]string{"意见", "通知"})
		if !g.freshTitle(title) {
			continue
		}
		code := g.pick(nat.codes)
		g.add(&mWork{title: title, field: field, authority: nat.issuer,
			versions: g.versions(1, 2013+g.r.Intn(13), func(_, y int) *mNum { return g.bracket(code, y) }, nil)})
	}
	// A region's notice forwarding a national document (转发), or implementing it and
	// citing its number in the title: another document, with a status of its own.
	var national []*mWork
	for _, w := range g.lib.works {
		if strings.HasPrefix(w.title, w.authority+"关于") && !strings.HasPrefix(w.title, "关于") && w.versions[0].num != nil &&
			slices.ContainsFunc(mNational, func(n struct {
				issuer string
				codes  []string
			}) bool {
				return n.issuer == w.authority
			}) {
			national = append(national, w)
		}
	}
	for i := 0; i < 4 && len(national) > 0; i++ {
		n := national[g.r.Intn(len(national))]
		reg := mRegions[g.r.Intn(len(mRegions))]
		a := reg.issuer + "办公厅"
		num := n.versions[0].num.stored()
		title := []string{
			a + "关于转发《" + n.title + "》的通知",
			a + "关于转发" + n.title + "的通知",
			a + "关于转发《" + n.title + "》（" + num + "）的通知",
			a + "关于贯彻落实" + num + "文件的实施意见",
			a + "关于转发" + n.title + "的通知（" + num + "）",
		}[g.r.Intn(5)]
		if !g.freshTitle(title) {
			continue
		}
		f := g.add(&mWork{title: title, field: n.field, authority: a,
			versions: g.versions(1, n.versions[0].publish.Year()+g.r.Intn(2), func(_, y int) *mNum { return g.bracket(reg.codes[1], y) }, nil)})
		if strings.Contains(title, num) {
			f.cites = n.versions[0].num
		}
	}
	// 司法解释: 最高人民法院关于审理劳动争议案件适用法律问题的解释（一）, 法释〔2020〕26号,
	// some amended (2020年修正) under a new number.
	for i := 0; i < 5; i++ {
		subject := g.pick(mJudicial)
		base := "最高人民法院关于审理" + subject + "案件适用法律若干问题的解释"
		parts := []string{""}
		if g.r.Intn(2) == 0 {
			parts = []string{"（一）", "（二）"}
		}
		for _, p := range parts {
			title := base + p
			if !g.freshTitle(title) {
				continue
			}
			n := 1 + g.r.Intn(2)
			g.add(&mWork{title: title, field: subject, authority: "最高人民法院", level: "司法解释",
				versions: g.versions(n, 2012+g.r.Intn(12), func(_, y int) *mNum { return g.bracket("法释", y) },
					func(i, y int) string {
						if i == 0 {
							return ""
						}
						return strconv.Itoa(y) + "年修正"
					})})
		}
	}
	// 法律: 中华人民共和国公司法, each version under its own 主席令, labelled 2018年修正;
	// some records of older versions carry no number.
	for i := 0; i < 6; i++ {
		name := g.pick(mLaws)
		title := "中华人民共和国" + name + "法"
		if !g.freshTitle(title) {
			continue
		}
		n := 1 + g.r.Intn(3)
		bare := g.r.Intn(3) == 0
		g.add(&mWork{title: title, short: name + "法", field: name, authority: "全国人民代表大会常务委员会", level: "法律",
			versions: g.versions(n, 2008+g.r.Intn(12), func(i, y int) *mNum {
				if bare && i < n-1 {
					return nil
				}
				o := g.order("主席令", 1, 160)
				o.cn = g.r.Intn(2) == 0
				return o
			}, func(i, y int) string {
				if i == 0 {
					return ""
				}
				return strconv.Itoa(y) + g.pick([]string{"年修正", "年修订"})
			})})
	}
	// 行政法规: 工伤保险条例, 国务院令第586号, revised under new orders.
	for i := 0; i < 5; i++ {
		title := g.pick(mRegs) + "条例"
		if !g.freshTitle(title) {
			continue
		}
		g.add(&mWork{title: title, field: title, authority: "国务院", level: "行政法规",
			versions: g.versions(1+g.r.Intn(2), 2005+g.r.Intn(18), func(_, _ int) *mNum {
				o := g.order("国务院令", 200, 820)
				o.cn = g.r.Intn(3) == 0
				return o
			}, func(i, y int) string {
				if i == 0 {
					return ""
				}
				return strconv.Itoa(y) + "年修订"
			})})
	}
	// 部门规章 (财政部令第113号) and 公告 (国家税务总局公告2023年第1号).
	for i := 0; i < 3; i++ {
		d := mDepts[g.r.Intn(len(mDepts))]
		title := g.pick(d.titles)
		if !g.freshTitle(title) {
			continue
		}
		g.add(&mWork{title: title, field: title, authority: d.issuer, level: "部门规章",
			versions: g.versions(1, 2010+g.r.Intn(15), func(_, _ int) *mNum { return g.order(d.order, 1, 130) }, nil)})
	}
	for i := 0; i < 3; i++ {
		title := "国家税务总局关于" + g.pick(mTaxTopics) + "有关事项的公告"
		if !g.freshTitle(title) {
			continue
		}
		g.add(&mWork{title: title, field: title, authority: "国家税务总局", level: "其他",
			versions: g.versions(1, 2016+g.r.Intn(10), func(_, y int) *mNum { return g.notice("国家税务总局公告", y) }, nil)})
	}
	g.oracle()
	// 清理 decisions repealing or declaring lapsed some of the documents above, on dates
	// after those took effect; one of them restricted (its repeals count all the same).
	for i := 0; i < 3; i++ {
		reg := mRegions[g.r.Intn(len(mRegions))]
		title := reg.issuer + "关于废止和宣布失效部分规范性文件的决定"
		if !g.freshTitle(title) {
			title = reg.issuer + "关于废止部分规范性文件的决定"
			if !g.freshTitle(title) {
				continue
			}
		}
		targets := slices.Clone(g.lib.works)
		dec := g.add(&mWork{title: title, field: "清理", authority: reg.issuer,
			versions: g.versions(1, 2018+g.r.Intn(8), func(_, y int) *mNum { return g.bracket(reg.codes[0], y) }, nil)})
		dec.restricted = i == 0
		g.oracleWork(dec)
		from := dec.versions[0]
		for _, k := range g.r.Perm(len(targets))[:2+g.r.Intn(3)] {
			t := targets[k]
			if t.versions[0].eff >= from.publish {
				continue
			}
			rel := &oRel{typ: model.Repeals, target: slices.Index(g.lib.works, t), by: "id", date: from.publish, from: from.o,
				fromWork: slices.Index(g.lib.works, dec)}
			if g.r.Intn(3) == 0 {
				rel.typ = model.Lapses
			}
			from.o.rels = append(from.o.rels, rel)
			t.o.incoming = append(t.o.incoming, rel)
		}
	}
	g.index()
	return g.lib
}

// oracle gives each work its status-oracle form (status_oracle_test.go): dates and
// 有效期 in metadata.
func (g *mGen) oracle() {
	for _, w := range g.lib.works {
		if w.o == nil {
			g.oracleWork(w)
		}
	}
}

func (g *mGen) oracleWork(w *mWork) {
	w.o = &oWork{key: w.key, title: w.title, restricted: w.restricted}
	for _, v := range w.versions {
		v.o = &oVersion{id: v.id, publish: v.publish, effForm: effMeta, effDate: v.eff}
		if v.num != nil {
			v.o.number = v.num.stored()
		}
		if v.expiry != 0 {
			v.o.expForm, v.o.expDate = expMeta, v.expiry
		}
		w.o.versions = append(w.o.versions, v.o)
	}
}

func (g *mGen) index() {
	lib := g.lib
	for _, w := range lib.works {
		for _, v := range w.versions {
			lib.owner[v] = w
			if v.num != nil {
				lib.byNum[v.num.key()] = v
				lib.stored[v.num.stored()] = v.num
			}
		}
		for _, t := range []string{w.title, w.short} {
			if t != "" && !slices.Contains(lib.exact[mTitleKey(t)], w) {
				lib.exact[mTitleKey(t)] = append(lib.exact[mTitleKey(t)], w)
			}
		}
		if w.issued != "" {
			lib.issued[mTitleKey(w.issued)] = append(lib.issued[mTitleKey(w.issued)], w)
		}
		if i := strings.Index(w.title, "关于"); i > 0 && !strings.Contains(w.title[:i], "《") {
			k := mTitleKey(w.title[i:])
			lib.about[k] = append(lib.about[k], w)
		}
		b, c := mBareTitle(w.title)
		lib.bare[b], lib.cited[w] = append(lib.bare[b], w), c
		for _, o := range w.outside {
			lib.outside[o.num.key()] = append(lib.outside[o.num.key()], o)
		}
	}
}

// mTitleKey is what tells titles apart: 《》 and spaces do not (SPEC: matched by title;
// 财政部 税务总局 is also written without its space).
func mTitleKey(t string) string { return strings.NewReplacer("《", "", "》", "", " ", "").Replace(t) }

// mCited matches the numbers the generated titles cite, all written in stored form.
var mCited = func() *regexp.Regexp {
	var codes []string
	for _, r := range mRegions {
		codes = append(codes, r.codes...)
	}
	for _, n := range mNational {
		codes = append(codes, n.codes...)
	}
	return regexp.MustCompile(`(?:` + strings.Join(codes, "|") + `)〔\d{4}〕\d+号`)
}()

// mBareTitle is a title without the numbers it cites, and those numbers: a title is
// the same written with or without the number it carries (…的通知 and …（国办发〔2022〕8号）
// 的通知), not one citing another number.
func mBareTitle(t string) (string, []string) {
	return strings.ReplaceAll(mCited.ReplaceAllString(mTitleKey(t), ""), "（）", ""), mCited.FindAllString(t, -1)
}

func mSubset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

type mRecord struct {
	oRecord
	Label string `json:"label,omitempty"`
}

func (lib *mLib) jsonl(t *testing.T) string {
	var b strings.Builder
	for _, w := range lib.works {
		for k, v := range w.versions {
			rec := mRecord{oRecord: oRecord{ID: v.id, VersionOf: w.key, Title: w.title, Authority: w.authority, Level: w.level,
				PublishDate: v.publish, EffectiveDate: v.eff, ExpiryDate: v.expiry}, Label: v.label}
			if v.num != nil {
				rec.DocNumber = v.num.stored()
			}
			if w.restricted {
				rec.Disclosure = "restricted"
			}
			for _, r := range v.o.rels {
				rec.Relations = append(rec.Relations, oRecordRel{Type: string(r.typ), Target: lib.works[r.target].key, Date: r.date})
			}
			if k == 0 {
				for _, o := range w.outside {
					rec.Relations = append(rec.Relations, oRecordRel{Type: string(model.Repeals), Target: o.num.stored(), Date: o.date})
				}
			}
			rec.Text = fmt.Sprintf("第一条 为了规范%s相关工作（第%d次制定），制定本文件。\n第二条 本文件适用于本行政区域内的相关工作。\n", w.field, k+1)
			line, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// ---- how people write a number and a title ----

var mFullWidth = strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９")

// mTraditional writes the characters of the generated titles and numbers in
// traditional form (a table of its own, not the product's converter).
var mTraditional = strings.NewReplacer(strings.Split(
	"国 國 办 辦 发 發 务 務 号 號 释 釋 财 財 税 稅 华 華 规 規 县 縣 业 業 补 補 贴 貼 养 養 险 險 劳 勞 动 動 "+
		"关 關 进 進 见 見 实 實 细 細 则 則 暂 暫 条 條 决 決 废 廢 范 範 审 審 适 適 问 問 题 題 争 爭 议 議 贷 貸 "+
		"损 損 赔 賠 偿 償 设 設 纠 糾 纷 紛 药 藥 会 會 护 護 个 個 许 許 产 產 医 醫 疗 療 监 監 伤 傷 积 積 总 總 "+
		"项 項 广 廣 东 東 资 資 创 創 担 擔 残 殘 两 兩 乡 鄉 稳 穩 岗 崗 还 還 龄 齡 职 職 农 農 赁 賃 义 義 学 學 "+
		"时 時 订 訂 门 門 扣 扣 规 規 减 減 费 費 购 購 辆 輛 征 徵 统 統 计 計 属 屬 责 責 险 險 财 財 计 計 团 團 "+
		"灵 靈 区 區 临 臨 级 級 达 達 应 應 单 單 构 構 机 機 类 類 种 種 专 專 营 營 务 務 员 員 换 換 据 據 际 際",
	" ")...)

// mChineseNumeral writes 1–9999 in Chinese: 786 七百八十六, 15 十五, 105 一百零五.
func mChineseNumeral(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	units := []string{"千", "百", "十", ""}
	s := fmt.Sprintf("%04d", n)
	var b strings.Builder
	zero := false
	for i, c := range s {
		d := int(c - '0')
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(d == 1 && i == 2 && b.Len() == 0) { // 十五, not 一十五
			b.WriteString(digits[d])
		}
		b.WriteString(units[i])
	}
	return b.String()
}

type mVariant struct {
	how, text string
}

// numberForms are ways to write a number.
func (g *mGen) numberForms(n mNum) []mVariant {
	y, s := strconv.Itoa(n.year), strconv.Itoa(n.serial)
	var out []mVariant
	add := func(how, text string) { out = append(out, mVariant{how, text}) }
	switch n.form {
	case numBracket:
		p := n.prefix
		add("〔〕", p+"〔"+y+"〕"+s+"号")
		for _, br := range [][2]string{{"[", "]"}, {"（", "）"}, {"(", ")"}, {"【", "】"}, {"［", "］"}, {"﹝", "﹞"}} {
			add(br[0]+br[1], p+br[0]+y+br[1]+s+"号")
		}
		add("full-width digits", p+"〔"+mFullWidth.Replace(y)+"〕"+mFullWidth.Replace(s)+"号")
		add("leading zero", p+"〔"+y+"〕0"+s+"号")
		add("leading zeros", p+"［"+y+"］00"+s+"号")
		add("第", p+"〔"+y+"〕第"+s+"号")
		add("spaces", p+"〔 "+y+"〕"+s+" 号")
		add("spaces around", p+" 〔"+y+"〕 "+s+"号")
		add("ideographic space", p+"〔"+y+"〕\u3000"+s+"号")
		if r := []rune(p); len(r) > 1 {
			add("space in code", string(r[:1])+" "+string(r[1:])+"〔"+y+"〕"+s+"号")
		}
		add("no brackets 年", p+y+"年"+s+"号")
		add("no 号", p+"〔"+y+"〕"+s)
	case numOrder:
		p := n.prefix
		add("令第N号", p+"第"+s+"号")
		add("中华人民共和国", "中华人民共和国"+p+"第"+s+"号")
		if p == "国务院令" {
			add("国令", "国令第"+s+"号")
		}
		add("no 第", p+s+"号")
		add("第N号令", strings.TrimSuffix(p, "令")+"第"+s+"号令")
		add("leading zero", p+"第0"+s+"号")
		add("Chinese numeral", p+"第"+mChineseNumeral(n.serial)+"号")
		add("full-width digits", p+"第"+mFullWidth.Replace(s)+"号")
		add("spaces", p+" 第 "+s+" 号")
		if p == "主席令" {
			add("国家主席令", "国家主席令第"+s+"号")
		}
	case numNotice:
		p := n.prefix
		add("公告Y年第N号", p+y+"年第"+s+"号")
		add("leading zero", p+y+"年第0"+s+"号")
		add("no 第", p+y+"年"+s+"号")
		add("full-width digits", p+mFullWidth.Replace(y)+"年第"+mFullWidth.Replace(s)+"号")
		add("spaces", p+" "+y+" 年第 "+s+" 号")
		add("〔〕", p+"〔"+y+"〕"+s+"号")
		add("[] 第", p+"["+y+"]第"+s+"号")
	}
	return out
}

// dress writes a number or title the ways a pasted line carries it.
func (g *mGen) dress(text string) []mVariant {
	return []mVariant{
		{"（…）", "（" + text + "）"},
		{"“…”", "“" + text + "”"},
		{"\"…\"", "\"" + text + "\""},
		{"trailing 。", text + "。"},
		{"trailing ；", text + "；"},
		{"trailing ,", text + ","},
		{"1. ", "1. " + text},
		{"2、", "2、" + text},
		{"(3)", "(3)" + text},
		{"（一）", "（一）" + text},
		{"一、", "一、" + text},
		{"十二、", "十二、" + text},
		{"surrounding spaces", "  " + text + "\u3000"},
		{"traditional", mTraditional.Replace(text)},
	}
}

// with the title on the same line.
func withTitle(title, number string) []mVariant {
	return []mVariant{
		{"《T》（N）", "《" + title + "》（" + number + "）"},
		{"《T》(N)", "《" + title + "》(" + number + ")"},
		{"T（N）", title + "（" + number + "）"},
		{"T N", title + " " + number},
		{"T\\tN", title + "\t" + number},
		{"《T》N", "《" + title + "》" + number},
		{"N《T》", number + "《" + title + "》"},
		{"1. 《T》（N）", "1. 《" + title + "》（" + number + "）"},
		{"traditional 《T》（N）", mTraditional.Replace("《" + title + "》（" + number + "）")},
	}
}

// titleForms are ways to write a title.
func (g *mGen) titleForms(w *mWork) []mVariant {
	out := []mVariant{{"title", w.title}, {"《T》", "《" + w.title + "》"}}
	out = append(out, g.dress(w.title)...)
	if w.short != "" {
		out = append(out, mVariant{"short title", w.short}, mVariant{"《short》", "《" + w.short + "》"},
			mVariant{"traditional short", mTraditional.Replace(w.short)})
	}
	if r := []rune(w.title); len(r) > 6 {
		out = append(out, mVariant{"space inside", string(r[:3]) + " " + string(r[3:])})
	}
	// A list's date column beside the title.
	out = append(out, mVariant{"T（date印发）", w.title + "（2019年3月1日印发）"}, mVariant{"T\\tdate", w.title + "\t2019-03-01"})
	// The question asked of it.
	out = append(out, mVariant{"T还有效吗？", w.title + "还有效吗？"}, mVariant{"《T》是否有效", "《" + w.title + "》是否有效"})
	if i := strings.Index(w.title, "关于"); i > 0 && !strings.Contains(w.title[:i], "《") {
		out = append(out, mVariant{"title from 关于", w.title[i:]}, mVariant{"《title from 关于》", "《" + w.title[i:] + "》"})
	}
	if w.issued != "" {
		out = append(out, mVariant{"issued title", w.issued}, mVariant{"《issued》", "《" + w.issued + "》"},
			mVariant{"notice without issuer", strings.TrimPrefix(w.title, w.issuer)})
	}
	return out
}

// ---- what must come back ----

// mQuery is one pasted line with what it names.
type mQuery struct {
	how, text string
	num       *mNum     // the line's own number, nil for none
	titled    bool      // the line holds a title
	title     string    // the title the line holds, when titled
	version   *mVersion // the version its title's version note names (公司法（2018年修正）)
	core      bool      // asked on every date, where the other ways to write it are asked on two
}

// mExpect is what a line must be answered with.
type mExpect struct {
	works   []*mWork  // the works it may match; none: not found
	by      string    // doc_number or title
	named   *mVersion // the version the line's number or version note names
	outside *mWork    // the document stating the repeal of the number, which the library does not hold
	quoted  bool      // the line's number is that of a document its title quotes
}

// want is what a viewer must be told for q on d: the works it may match (nil: none),
// how, and the version it names. A number comes first: the library's document of that
// number, else the repeal of that number the library states; then the title.
func (lib *mLib) want(q mQuery, staff bool, d model.Date) mExpect {
	visible := func(w *mWork) bool { return staff || !w.restricted }
	quoted := false
	if q.num != nil {
		if v, ok := lib.byNum[q.num.key()]; ok && visible(lib.owner[v]) {
			if !q.titled || !mQuotes(q.title, lib.owner[v].title) {
				return mExpect{works: []*mWork{lib.owner[v]}, by: "doc_number", named: v}
			}
			// 关于转发X的通知（X's number）: the number is X's, the line names the notice.
			quoted = true
		}
		for _, o := range lib.outside[q.num.key()] {
			if o.date <= d && visible(o.by) {
				return mExpect{by: "doc_number", outside: o.by}
			}
		}
	}
	if !q.titled {
		return mExpect{}
	}
	var works []*mWork
	title := func(ws []*mWork) mExpect {
		e := mExpect{works: ws, by: "title", quoted: quoted}
		if q.version != nil && slices.Contains(ws, lib.owner[q.version]) {
			e.named = q.version
		}
		return e
	}
	pick := func(ws []*mWork, ok func(*mWork) bool) []*mWork {
		var out []*mWork
		for _, w := range ws {
			if visible(w) && ok(w) {
				out = append(out, w)
			}
		}
		return out
	}
	all := func(*mWork) bool { return true }
	// The title as written; else the notice issuing a document of that title.
	if works = pick(lib.exact[mTitleKey(q.title)], all); len(works) > 0 {
		return title(works)
	}
	bare, cited := mBareTitle(q.title)
	var ws []*mWork
	for _, w := range lib.bare[bare] {
		if wc := lib.cited[w]; len(wc)+len(cited) > 0 && (mSubset(cited, wc) || mSubset(wc, cited)) {
			ws = append(ws, w)
		}
	}
	if works = pick(ws, all); len(works) > 0 {
		return title(works)
	}
	if works = pick(lib.issued[mTitleKey(q.title)], all); len(works) > 0 {
		return title(works)
	}
	// A notice issuing X (A关于印发《X》的通知) is another notice issuing X, or X itself,
	// of the same issuer A when it names one.
	if a, x, ok := strings.Cut(q.title, "关于印发《"); ok && strings.HasSuffix(x, "》的通知") {
		x = strings.TrimSuffix(x, "》的通知")
		if works = pick(lib.issued[mTitleKey(x)], func(w *mWork) bool { return a == "" || w.issuer == a }); len(works) > 0 {
			return title(works)
		}
		if works = pick(lib.exact[mTitleKey(x)], func(w *mWork) bool { return a == "" || w.authority == a }); len(works) > 0 {
			return title(works)
		}
	}
	// A title from 关于 on is that of the works whose titles an issuer opens before it.
	if strings.HasPrefix(q.title, "关于") {
		if works = pick(lib.about[mTitleKey(q.title)], all); len(works) > 0 {
			return title(works)
		}
	}
	return mExpect{quoted: quoted}
}

// mQuotes reports whether title quotes other's within words of its own (关于转发X的通知,
// X实施细则), other than a notice issuing it (关于印发《X》的通知).
func mQuotes(title, other string) bool {
	t, o := mTitleKey(title), mTitleKey(other)
	i := strings.Index(t, o)
	if i < 0 || strings.Contains(t, "印发"+o) {
		return false
	}
	before, after := []rune(t[:i]), []rune(t[i+len(o):])
	han := func(r []rune, k int) bool { return k >= 0 && k < len(r) && r[k] >= 0x4e00 && r[k] <= 0x9fff }
	return han(before, len(before)-1) || han(after, 0)
}

// wantStatus is the status the check gives w on d for a line naming version named (nil:
// the work as such), by number or by title.
func wantStatus(w *mWork, named *mVersion, byNumber bool, d model.Date) string {
	ws := oracleWork(w.o, d)
	if named == nil || named.eff <= d || ws.status != oracleStatusInForce {
		return ws.status
	}
	// The line names a version not yet in effect on d: that text did not apply yet
	// (尚未生效), whatever the version then in effect says …
	if !byNumber {
		return oracleStatusNotYet
	}
	// … unless the number may be the one that first issued the work, which a revision's
	// record can carry (queries.go numberIsLater): an order, or a number of a year not
	// after d nor after the version in effect was published, while that version has no
	// number of its own.
	cur := w.versions[ws.current]
	if named.num.year > d.Year() || named.num.year != 0 && named.num.year > cur.publish.Year() ||
		cur.num != nil && cur.num.key() != named.num.key() {
		return oracleStatusNotYet
	}
	return ws.status
}

// ---- the property ----

func TestValidityMatchingProperty(t *testing.T) {
	covered := map[string]int{}
	for seed := int64(1); seed <= matchSeeds; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) { checkMatchSeed(t, seed, covered) })
	}
	// The cases the property is about all came up.
	for _, c := range []string{"status 现行有效", "status 尚未生效", "status 已废止", "status 已失效",
		"a version not yet in force named by its doc_number", "a version not yet in force named by its title",
		"an amended version named by its doc_number", "an amended version named by its title",
		"a number a revision's record may carry from the first issue",
		"a title several documents bear", "a restricted document's number, asked by the public",
		"a near miss matching nothing", "a near miss that is another document's",
		"the number of a document repealed outside the library", "a title and a number naming two documents"} {
		if covered[c] == 0 {
			t.Errorf("no check of %s", c)
		}
	}
	var lines []string
	for c, n := range covered {
		lines = append(lines, fmt.Sprintf("%s: %d", c, n))
	}
	sort.Strings(lines)
	t.Logf("checked:\n  %s", strings.Join(lines, "\n  "))
}

type mFailures struct {
	t       *testing.T
	byHow   map[string]int
	shown   map[string]int
	covered map[string]int
	total   int
	checks  int
}

func (f *mFailures) fail(how, format string, args ...any) {
	f.total++
	f.byHow[how]++
	if f.shown[how] < 1 {
		f.shown[how]++
		f.t.Errorf("["+how+"] "+format, args...)
	}
}

func checkMatchSeed(t *testing.T, seed int64, covered map[string]int) {
	g := &mGen{r: rand.New(rand.NewSource(seed)), used: map[string]bool{}}
	lib := g.library()
	records := lib.jsonl(t)
	if dir := os.Getenv("GUIFAN_MATCH_DUMP"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("match-seed%d.jsonl", seed)), []byte(records), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, done, err := Open(buildJSONL(t, records))
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	f := &mFailures{t: t, byHow: map[string]int{}, shown: map[string]int{}, covered: covered}

	// Every string that names a restricted document: none may reach the public, unless
	// the title of a document the public sees holds it (关于贯彻落实国发〔2024〕5号文件的实施意见).
	var secrets []string
	shown := func(s string) bool {
		return slices.ContainsFunc(lib.works, func(o *mWork) bool { return !o.restricted && strings.Contains(o.title, s) })
	}
	for _, w := range lib.works {
		if !w.restricted {
			continue
		}
		secrets = append(secrets, w.key)
		for _, v := range w.versions {
			secrets = append(secrets, v.id)
			if v.num != nil {
				for _, n := range []string{v.num.stored(), strings.TrimPrefix(v.num.stored(), "中华人民共和国")} {
					if !shown(n) {
						secrets = append(secrets, n)
					}
				}
			}
		}
		if !shown(w.title) {
			secrets = append(secrets, w.title)
		}
	}

	var queries []mQuery
	var dates []model.Date
	run := func() {
		if len(queries) == 0 {
			return
		}
		items := make([]string, len(queries))
		for i, q := range queries {
			items[i] = q.text
		}
		// How a line matches does not depend on the date, its status does: every way
		// to write it is asked on two of the dates, the core lines on all of them.
		var core []string
		var coreQ []mQuery
		for _, q := range queries {
			if q.core {
				core, coreQ = append(core, q.text), append(coreQ, q)
			}
		}
		for _, staff := range []bool{false, true} {
			for k, d := range dates {
				in, qs := items, queries
				if k >= 2 {
					in, qs = core, coreQ
				}
				rs, err := st.Validity(in, d, Viewer{Staff: staff})
				if err != nil {
					t.Fatal(err)
				}
				for i, q := range qs {
					f.checks++
					f.check(lib, q, rs[i], staff, d, secrets)
				}
			}
		}
		queries, dates = queries[:0], dates[:0]
	}

	for _, w := range lib.works {
		// Dates where an answer may change: the day before and of each version taking
		// effect, of each repeal or lapse, the 有效期's last day and the day after.
		cand := []model.Date{20261127}
		for _, v := range w.versions {
			cand = append(cand, oAddDays(v.eff, -1), v.eff)
			if v.expiry != 0 {
				cand = append(cand, v.expiry, oAddDays(v.expiry, 1))
			}
		}
		for _, r := range w.o.incoming {
			cand = append(cand, oAddDays(r.date, -1), r.date)
		}
		for _, o := range w.outside {
			cand = append(cand, oAddDays(o.date, -1), o.date)
		}
		g.r.Shuffle(len(cand), func(i, j int) { cand[i], cand[j] = cand[j], cand[i] })
		dates = append(dates, cand[:min(len(cand), 6)]...)

		// Each version's number, written every way, alone and dressed.
		for _, v := range w.versions {
			if v.num == nil {
				continue
			}
			forms := g.numberForms(*v.num)
			for k, nf := range forms {
				queries = append(queries, mQuery{how: "number " + nf.how, text: nf.text, num: v.num, core: k == 0})
			}
			canonical := forms[0].text
			base := forms[g.r.Intn(len(forms))]
			for _, dv := range g.dress(base.text) {
				queries = append(queries, mQuery{how: "number " + dv.how + " of " + base.how, text: dv.text, num: v.num})
			}
			for _, tv := range withTitle(w.title, canonical) {
				queries = append(queries, mQuery{how: "title+number " + tv.how, text: tv.text, num: v.num, titled: true, title: w.title})
			}
			// The title with a number the library does not hold (a typo, or the earlier
			// document's), or with another document's number.
			near := g.numberNeighbours(*v.num)
			m := near[g.r.Intn(len(near))]
			queries = append(queries, mQuery{how: "title+near number", text: "《" + w.title + "》（" + m.stored() + "）", num: &m, titled: true, title: w.title})
			other := lib.works[g.r.Intn(len(lib.works))]
			if on := other.versions[len(other.versions)-1].num; on != nil && other != w {
				queries = append(queries, mQuery{how: "title+another's number", text: w.title + " " + on.stored(), num: on, titled: true, title: w.title})
			}
		}
		// The title, every way.
		for _, tf := range g.titleForms(w) {
			title := w.title
			switch {
			case strings.Contains(tf.how, "short"):
				title = w.short
			case strings.Contains(tf.how, "issued") && !strings.Contains(tf.how, "issuer"):
				title = w.issued
			case tf.how == "notice without issuer", tf.how == "title from 关于":
				title = tf.text
			case tf.how == "《title from 关于》":
				title = strings.Trim(tf.text, "《》")
			}
			queries = append(queries, mQuery{how: tf.how, text: tf.text, titled: true, title: title, core: tf.how == "title" || tf.how == "short title"})
		}
		// A title with the version note of one version: 公司法（2018年修正）.
		for _, v := range w.versions {
			if v.label == "" {
				continue
			}
			for _, t := range []string{w.title, w.short} {
				if t != "" {
					queries = append(queries, mQuery{how: "version note", text: t + "（" + v.label + "）", version: v, titled: true, title: t, core: true},
						mQuery{how: "《T》(version note)", text: "《" + t + "》(" + v.label + ")", version: v, titled: true, title: t})
				}
			}
		}
		// Numbers that differ from one of the work's in one part name another document
		// or none; titles that differ name another work or none.
		for _, v := range w.versions {
			if v.num == nil {
				continue
			}
			for _, m := range g.numberNeighbours(*v.num) {
				form := g.numberForms(m)
				text := form[g.r.Intn(len(form))].text
				queries = append(queries, mQuery{how: "near number", text: text, num: &m})
			}
		}
		for _, nt := range g.titleNeighbours(w) {
			q := mQuery{how: "near title", text: nt, titled: true, title: nt}
			if ms := mCited.FindAllStringIndex(nt, -1); len(ms) > 0 {
				// A number at the end of the line reads as the line's own.
				m := ms[len(ms)-1]
				if n := lib.stored[nt[m[0]:m[1]]]; n != nil && nt[m[1]:] == "）" && strings.HasSuffix(nt[:m[0]], "（") {
					q.num, q.title = n, strings.TrimSuffix(nt[:m[0]], "（")
				}
			}
			queries = append(queries, q)
		}
		if w.cites != nil {
			// Citing a neighbouring number: 关于贯彻落实国办发〔2022〕9号文件的实施意见.
			near := g.numberNeighbours(*w.cites)
			m := near[g.r.Intn(len(near))]
			text := strings.Replace(w.title, w.cites.stored(), m.stored(), 1)
			q := mQuery{how: "near cited number", text: text, titled: true, title: text}
			if tail := "（" + m.stored() + "）"; strings.HasSuffix(text, tail) {
				// At the end of the line the number reads as the line's own: the title
				// is looked up without it, and the answer says the number is not the
				// library's (…转发X的通知（国函〔2023〕2号）).
				q.num, q.title = &m, strings.TrimSuffix(text, tail)
			}
			queries = append(queries, q)
		}
		// The number of an earlier document the work repealed, which the library does not
		// hold: 已废止 from the repeal, alone or with the title they share.
		for _, o := range w.outside {
			forms := g.numberForms(o.num)
			for i, k := range g.r.Perm(len(forms))[:3] {
				queries = append(queries, mQuery{how: "repealed number " + forms[k].how, text: forms[k].text, num: &o.num, core: i == 0})
			}
			queries = append(queries, mQuery{how: "title+repealed number", text: "《" + w.title + "》（" + o.num.stored() + "）", num: &o.num, titled: true, title: w.title, core: true})
		}
		run()
	}
	t.Logf("%d works, %d checks", len(lib.works), f.checks)
	if f.total > 0 {
		var hows []string
		for h, n := range f.byHow {
			hows = append(hows, fmt.Sprintf("%s: %d", h, n))
		}
		sort.Strings(hows)
		t.Errorf("%d wrong answers of %d:\n  %s", f.total, f.checks, strings.Join(hows, "\n  "))
	}
}

// numberNeighbours are numbers differing from n in one part: the year, the serial (one
// more, one less, ten times, a digit added before), the code or issuer.
func (g *mGen) numberNeighbours(n mNum) []mNum {
	var out []mNum
	add := func(m mNum) {
		if m.serial > 0 && m.key() != n.key() {
			m.cn = false
			out = append(out, m)
		}
	}
	m := n
	m.serial++
	add(m)
	m = n
	m.serial--
	add(m)
	m = n
	m.serial *= 10
	add(m)
	m = n
	m.serial, _ = strconv.Atoi("1" + strconv.Itoa(n.serial))
	add(m)
	if n.year != 0 {
		m = n
		m.year += 1 + g.r.Intn(2)
		add(m)
		m = n
		m.year--
		add(m)
	}
	switch n.form {
	case numBracket:
		for _, reg := range mRegions {
			if slices.Contains(reg.codes, n.prefix) {
				for _, c := range reg.codes {
					m = n
					m.prefix = c
					add(m)
				}
			}
		}
		for _, nat := range mNational {
			if slices.Contains(nat.codes, n.prefix) {
				for _, c := range nat.codes {
					m = n
					m.prefix = c
					add(m)
				}
			}
		}
		if n.prefix == "法释" {
			m = n
			m.prefix = "法发"
			add(m)
		}
	case numOrder:
		for _, p := range []string{"国务院令", "主席令", "财政部令"} {
			m = n
			m.prefix = p
			add(m)
		}
	case numNotice:
		m = n
		m.prefix = "海关总署公告"
		add(m)
	}
	return out
}

// titleNeighbours are titles one step from w's: a part added or dropped (实施细则, （二）),
// another region, kind or year, a character less.
func (g *mGen) titleNeighbours(w *mWork) []string {
	t := w.title
	out := []string{}
	if strings.HasSuffix(t, "实施细则") {
		out = append(out, strings.TrimSuffix(t, "实施细则"))
	} else {
		out = append(out, t+"实施细则")
	}
	for i, reg := range mRegions {
		if strings.HasPrefix(t, reg.region) {
			out = append(out, mRegions[(i+1)%len(mRegions)].region+strings.TrimPrefix(t, reg.region))
		}
	}
	for _, k := range []string{"管理办法", "暂行办法", "实施办法"} {
		if strings.HasSuffix(t, k) {
			out = append(out, strings.TrimSuffix(t, k)+"规定")
		}
	}
	switch {
	case strings.HasSuffix(t, "（一）"):
		out = append(out, strings.TrimSuffix(t, "（一）")+"（三）")
	case strings.HasSuffix(t, "（二）"):
		out = append(out, strings.TrimSuffix(t, "（二）")+"（一）")
	case strings.HasSuffix(t, "解释"):
		out = append(out, t+"（二）")
	}
	if w.short != "" {
		out = append(out, strings.TrimSuffix(w.short, "法")+"条例", "中华人民共和国"+w.short[:len(w.short)-len("法")]+"实施条例")
	}
	if strings.HasPrefix(t, "关于进一步做好") {
		out = append(out, "关于做好"+strings.TrimPrefix(t, "关于进一步做好"))
	}
	if r := []rune(t); len(r) > 8 {
		out = append(out, string(r[:len(r)-1]))
		out = append(out, string(r[:len(r)/2])+"和"+string(r[len(r)/2:]))
	}
	return out
}

func (f *mFailures) check(lib *mLib, q mQuery, r ValidityResult, staff bool, d model.Date, secrets []string) {
	who := "public"
	if staff {
		who = "staff"
	}
	e := lib.want(q, staff, d)
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	got := fmt.Sprintf("matched_by %s work %s status %s title %s doc_number %s: %s", str(r.MatchedBy), str(r.WorkID), str(r.Status), str(r.Title), str(r.DocNumber), r.StatusReason)
	if !staff {
		// Nothing in an answer to the public names a restricted document, but for what
		// the line itself gives.
		all := str(r.WorkID) + "\x00" + str(r.Title) + "\x00" + str(r.DocNumber) + "\x00" + r.StatusReason
		for _, s := range secrets {
			if strings.Contains(all, s) && !strings.Contains(q.title, s) && (q.num == nil || !strings.HasSuffix(q.num.stored(), s)) {
				f.fail(q.how+" leak", "%q as of %s (public): the answer names the restricted %s: %s", q.text, d, s, got)
				return
			}
		}
		if hidden := q.num != nil && lib.byNum[q.num.key()] != nil && lib.owner[lib.byNum[q.num.key()]].restricted; hidden && len(e.works) == 0 {
			f.covered["a restricted document's number, asked by the public"]++
		}
	}
	if e.outside != nil {
		// 已废止 by a document of the library, which does not hold the one of the number.
		f.covered["the number of a document repealed outside the library"]++
		if r.MatchedBy == nil || *r.MatchedBy != "doc_number" || r.WorkID != nil || r.Status == nil || *r.Status != oracleStatusRepeal ||
			!strings.Contains(r.StatusReason, "本库未收录") || !strings.Contains(r.StatusReason, e.outside.title) {
			f.fail(q.how, "%q as of %s (%s): want 已废止 by %s, the library not holding it, got %s", q.text, d, who, e.outside.key, got)
		}
		return
	}
	works, by := e.works, e.by
	if len(works) == 0 {
		if strings.HasPrefix(q.how, "near") {
			f.covered["a near miss matching nothing"]++
		}
		if r.MatchedBy != nil || r.WorkID != nil || r.Status != nil || r.Title != nil || r.DocNumber != nil || r.StatusReason != "未找到匹配的文件" {
			f.fail(q.how, "%q as of %s (%s): want no match, got %s", q.text, d, who, got)
		}
		return
	}
	if strings.HasPrefix(q.how, "near") {
		f.covered["a near miss that is another document's"]++
	}
	if r.MatchedBy == nil || *r.MatchedBy != by || r.WorkID == nil {
		f.fail(q.how, "%q as of %s (%s): want %s matched by %s, got %s", q.text, d, who, works[0].key, by, got)
		return
	}
	i := slices.IndexFunc(works, func(w *mWork) bool { return w.key == *r.WorkID })
	if i < 0 {
		f.fail(q.how+" wrong work", "%q as of %s (%s): want %s, got %s", q.text, d, who, works[0].key, got)
		return
	}
	w := works[i]
	if len(works) > 1 {
		f.covered["a title several documents bear"]++
	}
	if r.Candidates != len(works)-1 {
		f.fail(q.how+" candidates", "%q as of %s (%s): %d other candidates, want %d: %s", q.text, d, who, r.Candidates, len(works)-1, got)
	}
	named := e.named
	if named != nil && !slices.Contains(w.versions, named) {
		named = nil
	}
	want := wantStatus(w, named, by == "doc_number", d)
	if r.Status == nil || *r.Status != want {
		f.fail(q.how+" status", "%q as of %s (%s): status %s, want %s\n%s", q.text, d, who, str(r.Status), want, describe(w.o))
		return
	}
	f.covered["status "+want]++
	if !strings.HasPrefix(r.StatusReason, want+"：") {
		f.fail(q.how+" reason", "%q as of %s (%s): reason %q does not state %s", q.text, d, who, r.StatusReason, want)
	}
	if by == "title" && q.num != nil && !e.quoted && !strings.Contains(r.StatusReason, "库中未找到所填文号") {
		// Found by its title, though the line's number is none the viewer may see.
		f.fail(q.how+" reason", "%q as of %s (%s): reason %q does not say the number was not found", q.text, d, who, r.StatusReason)
	}
	if by == "doc_number" && q.titled && !e.quoted {
		// Found by its number, the line's title names another document the viewer may
		// see, and none of the title's is the number's: the reason says so.
		t := lib.want(mQuery{how: q.how, text: q.title, titled: true, title: q.title}, staff, d)
		conflict := len(t.works) > 0 && !slices.Contains(t.works, w)
		noted := strings.Contains(r.StatusReason, "所填标题对应库中另一文件《")
		switch {
		case conflict && !noted:
			f.fail(q.how+" title conflict", "%q as of %s (%s): the title names %s, the number %s; reason %q does not say so", q.text, d, who, t.works[0].key, w.key, r.StatusReason)
		case !conflict && noted:
			f.fail(q.how+" title conflict", "%q as of %s (%s): title and number name one document, or the title none; reason %q", q.text, d, who, r.StatusReason)
		case conflict:
			f.covered["a title and a number naming two documents"]++
		}
	}
	// The number given back is one of the work's, and the number a not-yet-effective
	// version named was given under.
	if r.DocNumber != nil && *r.DocNumber != "" {
		ok := false
		for _, v := range w.versions {
			if v.num != nil && (*r.DocNumber == v.num.stored() || "中华人民共和国"+*r.DocNumber == v.num.stored()) {
				ok = true
			}
		}
		if !ok {
			f.fail(q.how+" doc_number", "%q as of %s (%s): doc_number %q is none of the work's", q.text, d, who, *r.DocNumber)
		}
	}
	if named != nil && named.eff > d && oracleWork(w.o, d).status == oracleStatusInForce {
		if want == oracleStatusNotYet {
			f.covered["a version not yet in force named by its "+by]++
		} else {
			f.covered["a number a revision's record may carry from the first issue"]++
		}
		if want == oracleStatusNotYet && by == "doc_number" && (r.DocNumber == nil || strings.TrimPrefix(*r.DocNumber, "中华人民共和国") != strings.TrimPrefix(named.num.stored(), "中华人民共和国")) {
			f.fail(q.how+" doc_number", "%q as of %s (%s): doc_number %s, want the named version's %s", q.text, d, who, str(r.DocNumber), named.num.stored())
		}
	}
	if named != nil && named.eff <= d && oracleWork(w.o, d).current != slices.Index(w.versions, named) && oracleWork(w.o, d).status == oracleStatusInForce {
		f.covered["an amended version named by its "+by]++
	}
}
