package api

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"slices"
	"strings"

	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/model"
)

// The generated libraries of TestSearchAgreesWithOracle (search_property_test.go):
// works of one to four versions, each later version rewriting, adding or dropping some
// articles, with varied levels, authorities, topics and publish years, repeals, lapses,
// 有效期, versions not yet in effect, source claims and restricted documents. Texts are
// assembled from the words below, run together as the documents write them, so a query
// may also be a piece of two words, a word split by punctuation, a code of letters and
// digits or a year.

var (
	genNouns = []string{"养老服务", "社会保险", "基本养老金", "最低生活保障", "住房公积金", "失业保险金", "医疗救助", "职业技能培训",
		"创业担保贷款", "残疾人", "托养机构", "退役军人", "教育资助", "殡葬服务", "物业服务", "停车设施", "人才引进", "农村",
		"儿童福利", "补助资金", "财政预算", "政府信息公开", "档案", "登记备案", "考核评估", "监督检查", "投诉举报", "社区",
		"街道办事处", "村民委员会", "居民", "经营者", "消费者", "用人单位", "劳动者", "工资支付", "安全生产", "应急预案",
		"食品安全", "环境保护", "数据共享", "政务服务", "网上办理", "服务窗口", "申请材料", "审核程序", "发放标准",
		"专项资金", "绩效目标", "生育津贴", "义务教育", "交通事故", "电动自行车", "养犬", "噪声", "烟花爆竹", "税款", "纳税人"}
	genVerbs = []string{"应当", "负责", "按照", "组织", "实施", "做好", "加强", "建立", "健全", "完善", "落实", "推进", "保障",
		"提供", "办理", "依法", "及时", "统筹", "协调", "指导", "核实", "审批", "公示", "管理", "支付", "缴纳"}
	genBodies = []string{"本市", "本县", "各级", "有关部门", "县级以上", "人民政府", "民政部门", "财政部门", "人力资源社会保障部门",
		"卫生健康部门", "市场监督管理部门", "税务机关", "公安机关", "教育行政部门", "住房城乡建设部门"}
	genPlaces      = []string{"甲市", "乙市", "丙县", "丁县", "东区", "西区", "南县", "北市"}
	genQualifiers  = []string{"青松", "翠柏", "红旗", "光明", "新华", "长江", "黄河", "泰山", "华山", "春晖", "秋实", "明德", "至善", "和平", "友谊"}
	genForms       = []string{"管理办法", "实施细则", "管理规定", "条例", "实施办法", "若干规定"}
	genLevels      = []string{"地方性法规", "地方政府规章", "行政规范性文件", "部门规章", "其他"}
	genAuthorities = []string{"甲市人民政府", "甲市民政局", "乙市人力资源和社会保障局", "乙市财政局", "丙县人民政府", "丁县教育局",
		"东区人民政府", "西区卫生健康委员会", "南县市场监督管理局", "北市住房和城乡建设局", "甲市税务局", "乙市公安局"}
	genTopics  = []string{"养老", "就业", "医疗", "教育", "住房", "社保", "创业", "纳税", "生育", "交通"}
	genPrefix  = []string{"甲政规", "乙政发", "丙民发", "丁人社规", "东财预", "西卫发", "南市监规", "北建发"}
	genClaims  = []string{"", "", "", "", "", "", "现行有效", "已废止", "已失效"}
	genLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
)

type gWork struct {
	key         string
	level       string
	authorities []string
	topics      []string
	restricted  bool
	versions    []*gVersion
	// repealedBy is set when another work repeals this one (by id or by number).
	repeals []*gRel // relations this work states (in its last version's record)
}

type gVersion struct {
	id, title, number  string
	publish, effective model.Date
	expiry             model.Date // 有效期至, 0 none
	claim              string     // the source's own status
	articles           []string
	text               string
	cites              []string // doc numbers its text cites
}

type gRel struct {
	typ    string // repeals, lapses
	target string // the target's work key or its first version's number
	date   model.Date
	work   *gWork // the target
}

type gLibrary struct {
	works  []*gWork
	events []model.Date // dates on which a status or a representing version changes
	codes  []string     // codes of letters and digits written in texts
	titles map[string]bool
}

type gen struct {
	r      *rand.Rand
	serial int
}

func (g *gen) pick(s []string) string { return s[g.r.Intn(len(s))] }

// date is a day between 2012 and 2027 (28 days a month keeps it valid).
func (g *gen) date(fromYear, years int) model.Date {
	return model.Date((fromYear+g.r.Intn(years))*10000 + (1+g.r.Intn(12))*100 + 1 + g.r.Intn(28))
}

// code is a code of letters and digits (QX2031), now and then written in lower case.
func (g *gen) code() string {
	var b strings.Builder
	for range 2 + g.r.Intn(2) {
		b.WriteByte(genLetters[g.r.Intn(len(genLetters))])
	}
	fmt.Fprintf(&b, "%d", 100+g.r.Intn(9900))
	return b.String()
}

// sentence runs words together, with now and then a comma or 、 between them.
func (g *gen) sentence(lib *gLibrary) string {
	var b strings.Builder
	n := 3 + g.r.Intn(6)
	for i := range n {
		switch p := g.r.Intn(10); {
		case p < 3:
			b.WriteString(g.pick(genVerbs))
		case p < 4:
			b.WriteString(g.pick(genBodies))
		default:
			b.WriteString(g.pick(genNouns))
		}
		if i < n-1 {
			switch g.r.Intn(6) {
			case 0:
				b.WriteString("，")
			case 1:
				b.WriteString("、")
			}
		}
	}
	switch p := g.r.Intn(16); {
	case p == 3:
		fmt.Fprintf(&b, "，比例不得<%d%%", 10+g.r.Intn(80)) // text the highlights must escape
	case p == 4:
		b.WriteString(`，简称"R&D"`)
	case p == 0:
		c := g.code()
		lib.codes = append(lib.codes, c)
		fmt.Fprintf(&b, "，编码为%s", c)
	case p == 1:
		fmt.Fprintf(&b, "，%d年度", 2015+g.r.Intn(12))
	case p == 2:
		c := fmt.Sprintf("GB/T %d", 10000+g.r.Intn(30000))
		lib.codes = append(lib.codes, c)
		fmt.Fprintf(&b, "，执行%s标准", c)
	}
	b.WriteString("。")
	return b.String()
}

func (g *gen) library(nWorks int) *gLibrary {
	lib := &gLibrary{titles: map[string]bool{}}
	for i := range nWorks {
		lib.works = append(lib.works, g.work(lib, i))
	}
	// Repeals and lapses stated by a later work, dated on or after its publication.
	for range nWorks / 4 {
		from, to := lib.works[g.r.Intn(nWorks)], lib.works[g.r.Intn(nWorks)]
		if from == to || len(to.versions) == 0 {
			continue
		}
		last := from.versions[len(from.versions)-1]
		if last.publish <= to.versions[0].effective {
			continue
		}
		rel := &gRel{typ: "repeals", date: last.publish.AddDays(g.r.Intn(120)), work: to, target: to.key}
		if g.r.Intn(3) == 0 {
			rel.typ = "lapses"
		}
		if g.r.Intn(2) == 0 {
			rel.target = to.versions[0].number
		}
		if len(to.incoming(lib)) > 0 {
			continue // one ending per work keeps the dates simple
		}
		from.repeals = append(from.repeals, rel)
		lib.events = append(lib.events, rel.date)
	}
	// A text now and then cites another work's number (根据《X》（N）): the ingester reads
	// it as a citation, which a search by that number finds.
	for _, w := range lib.works {
		for _, v := range w.versions {
			if g.r.Intn(8) == 0 {
				o := lib.works[g.r.Intn(nWorks)]
				if o != w && o.versions[0].publish < v.publish {
					cite := fmt.Sprintf("第%s条 根据《%s》（%s），做好%s工作。", chineseNumber(len(v.articles)+1), o.versions[0].title, o.versions[0].number, g.pick(genNouns))
					v.articles = append(v.articles, cite)
					v.cites = append(v.cites, o.versions[0].number)
				}
			}
			v.text = strings.Join(v.articles, "\n")
		}
	}
	return lib
}

// incoming are the repeals and lapses other works state about w.
func (w *gWork) incoming(lib *gLibrary) []*gRel {
	var out []*gRel
	for _, o := range lib.works {
		for _, r := range o.repeals {
			if r.work == w {
				out = append(out, r)
			}
		}
	}
	return out
}

func (g *gen) work(lib *gLibrary, i int) *gWork {
	w := &gWork{key: fmt.Sprintf("w%03d", i), level: g.pick(genLevels), restricted: g.r.Intn(8) == 0}
	w.authorities = []string{g.pick(genAuthorities)}
	if g.r.Intn(6) == 0 {
		if a := g.pick(genAuthorities); a != w.authorities[0] {
			w.authorities = append(w.authorities, a)
		}
	}
	for range g.r.Intn(3) {
		if t := g.pick(genTopics); !slices.Contains(w.topics, t) {
			w.topics = append(w.topics, t)
		}
	}
	// Titles are unique (a work is not grouped with another by its title).
	var title string
	for title == "" || lib.titles[title] {
		title = g.pick(genPlaces) + g.pick(genQualifiers) + g.pick(genNouns) + g.pick(genForms)
		if g.r.Intn(4) == 0 {
			title = g.pick(genPlaces) + g.pick(genQualifiers) + "关于" + g.pick(genVerbs) + g.pick(genNouns) + "工作的通知"
		}
	}
	lib.titles[title] = true
	if len(w.topics) == 0 {
		w.topics = ingest.InferTopics(title) // what the ingester gives a document without topics
	}
	n := 1 + g.r.Intn(4)
	if g.r.Intn(3) == 0 {
		n = 1
	}
	var articles []string
	for k := range 3 + g.r.Intn(5) {
		articles = append(articles, fmt.Sprintf("第%s条 %s", chineseNumber(k+1), g.sentence(lib)))
	}
	prefix := g.pick(genPrefix)
	var prev *gVersion
	for k := range n {
		g.serial++
		v := &gVersion{id: fmt.Sprintf("%s-v%d", w.key, k+1), title: title, claim: g.pick(genClaims)}
		if k == 0 {
			v.publish = g.date(2012, 15)
			if g.r.Intn(6) == 0 {
				// Published on the same day as others: sort=date orders them by document.
				v.publish = []model.Date{20190101, 20200701, 20211231}[g.r.Intn(3)]
			}
		} else {
			v.publish = prev.effective.AddDays(30 + g.r.Intn(900))
			// Later versions rewrite some articles, add one or drop the last.
			articles = slices.Clone(prev.articles)
			for range 1 + g.r.Intn(3) {
				a := g.r.Intn(len(articles))
				articles[a] = fmt.Sprintf("第%s条 %s", chineseNumber(a+1), g.sentence(lib))
			}
			switch g.r.Intn(3) {
			case 0:
				articles = append(articles, fmt.Sprintf("第%s条 %s", chineseNumber(len(articles)+1), g.sentence(lib)))
			case 1:
				if len(articles) > 2 {
					articles = articles[:len(articles)-1]
				}
			}
			if g.r.Intn(5) == 0 {
				v.title = strings.Replace(title, "办法", "暂行办法", 1)
			}
		}
		v.articles = slices.Clone(articles)
		v.number = fmt.Sprintf("%s〔%d〕%d号", prefix, v.publish.Year(), g.serial)
		v.effective = v.publish
		if g.r.Intn(2) == 0 {
			v.effective = v.publish.AddDays(1 + g.r.Intn(200))
		}
		if g.r.Intn(5) == 0 {
			v.expiry = v.effective.AddDays(300 + g.r.Intn(1500))
			lib.events = append(lib.events, v.expiry, v.expiry.AddDays(1))
		}
		lib.events = append(lib.events, v.effective)
		w.versions = append(w.versions, v)
		prev = v
	}
	return w
}

func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(digits[n%10], "零")
	case n < 100:
		s := digits[n/10] + "十"
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	s := digits[n/100] + "百"
	switch r := n % 100; {
	case r == 0:
	case r < 10:
		s += "零" + digits[r]
	default:
		s += chineseNumber(r)
	}
	return s
}

type gRecordRel struct {
	Type   string     `json:"type"`
	Target string     `json:"target"`
	Date   model.Date `json:"date,omitempty"`
}

type gRecord struct {
	ID            string       `json:"id"`
	VersionOf     string       `json:"version_of"`
	Title         string       `json:"title"`
	DocNumber     string       `json:"doc_number"`
	Authority     []string     `json:"authority"`
	Level         string       `json:"level"`
	Topics        []string     `json:"topics,omitempty"`
	Disclosure    string       `json:"disclosure,omitempty"`
	Status        string       `json:"status,omitempty"`
	PublishDate   model.Date   `json:"publish_date"`
	EffectiveDate model.Date   `json:"effective_date"`
	ExpiryDate    model.Date   `json:"expiry_date,omitempty"`
	Relations     []gRecordRel `json:"relations,omitempty"`
	Text          string       `json:"text"`
}

// jsonl is the library as one JSON Lines file.
func (lib *gLibrary) jsonl() (string, error) {
	var b strings.Builder
	for _, w := range lib.works {
		for k, v := range w.versions {
			rec := gRecord{ID: v.id, VersionOf: w.key, Title: v.title, DocNumber: v.number, Authority: w.authorities, Level: w.level,
				Topics: w.topics, Status: v.claim, PublishDate: v.publish, EffectiveDate: v.effective, ExpiryDate: v.expiry, Text: v.text}
			if w.restricted {
				rec.Disclosure = "restricted"
			}
			if k == len(w.versions)-1 {
				for _, r := range w.repeals {
					rec.Relations = append(rec.Relations, gRecordRel{Type: r.typ, Target: r.target, Date: r.date})
				}
			}
			line, err := json.Marshal(rec)
			if err != nil {
				return "", err
			}
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}
