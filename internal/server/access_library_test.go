package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// The libraries of the access property test (access_property_test.go): public works,
// and restricted documents (disclosure: restricted) related to them in every way the
// library format allows. Each restricted document carries marker strings found nowhere
// else — 内部标记甲乙丙<n> in its title, 机密正文丁戊<n> in its text, its own 发文字号 —
// so that whatever of it reaches the public can be recognised.

// accessDoc is one generated work.
type accessDoc struct {
	key        string // version_of (JSONL) or work (sidecar); "" leaves grouping to the ingester
	title      string
	number     string
	authority  string
	level      string
	topic      string
	kind       string // "" or 解读
	publish    model.Date
	expiry     model.Date // 0: none
	restricted bool
	marker     string // restricted: the title's marker
	textMarker string // restricted: the text's marker
	formerName string // restricted: the former title of the public work it renames
	ids        []string
	subject    string
}

// accessRecord is one line of the JSON Lines file, or one file with its sidecar.
type accessRecord struct {
	doc    *accessDoc
	fields map[string]any
	file   string // "": a JSON Lines record; else the path of a .txt file with a .meta.yaml sidecar
	// restricted is the record's own disclosure; private records are declared public but
	// carry a mobile number, which the ingester withholds from the public.
	restricted, private bool
}

// accessRelation is a relation a generated document states, for the as-of dates.
type accessRelation struct {
	typ        string
	from, to   *accessDoc
	date       model.Date
	restricted bool // stated by a restricted document
}

type accessLibrary struct {
	rng        *rand.Rand
	seed       int64
	public     []*accessDoc
	restricted []*accessDoc
	records    []*accessRecord
	relations  []accessRelation
	titles     map[string]bool
	numbers    map[string]bool
}

var (
	accessSubjects = []string{"就业补贴", "养老服务补贴", "农村道路养护", "防汛工作", "义务教育入学", "医疗保障", "住房公积金",
		"残疾人就业", "生育登记", "工伤认定", "低保审核", "创业担保贷款"}
	accessModifiers = []string{"管理办法", "实施细则", "暂行办法", "工作规程", "实施办法", "若干规定", "操作规范", "管理规定"}
	accessDepts     = []string{"政", "政办", "人社", "民", "教", "卫健", "医保", "住建"}
	accessAuthors   = []string{"青石县人民政府", "青石县人民政府办公室", "青石县人力资源和社会保障局", "青石县民政局", "青石县教育局"}
	accessTopics    = []string{"就业", "养老", "教育", "医疗", "住房", "社会救助"}
	// What only restricted documents use: a facet value the public must never see.
	accessSecretAuthority = "青石县机要保密局"
	accessSecretTopic     = "内部事务"
	accessSecretLevel     = "司法解释"
	accessSecretYear      = 2012
)

const (
	accessMarker     = "内部标记甲乙丙"
	accessTextMarker = "机密正文丁戊"
)

func (g *accessLibrary) day(from, to model.Date) model.Date {
	n := int(to.Time().Sub(from.Time()).Hours() / 24)
	if n <= 0 {
		return from
	}
	return from.AddDays(g.rng.Intn(n + 1))
}

func (g *accessLibrary) pick(s []string) string { return s[g.rng.Intn(len(s))] }

// newAccessLibrary generates the library of one seed.
func newAccessLibrary(seed int64, publicWorks, restrictedWorks int) *accessLibrary {
	g := &accessLibrary{rng: rand.New(rand.NewSource(seed)), seed: seed, titles: map[string]bool{}, numbers: map[string]bool{}}
	for i := range publicWorks {
		g.publicWork(i)
	}
	// Public interpretations of public works.
	for i := range 3 {
		g.publicInterpretation(i)
	}
	markers := g.rng.Perm(9000)
	for j := range restrictedWorks {
		g.restrictedWork(j, 1000+markers[j])
	}
	// Public documents naming restricted ones: relations of every type, and sentences of
	// their texts.
	for _, typ := range []string{"repeals", "amends", "lapses", "extends", "basis", "cites", "interprets"} {
		g.publicNamesRestricted(typ)
	}
	g.restrictedVersions(1000 + markers[restrictedWorks])
	g.sameTitle(1000 + markers[restrictedWorks+1])
	g.privateRecord(1000 + markers[restrictedWorks+2])
	g.files(1000 + markers[restrictedWorks+3])
	return g
}

func (g *accessLibrary) uniqueTitle(make func() string) string {
	for {
		if t := make(); !g.titles[t] {
			g.titles[t] = true
			return t
		}
	}
}

func (g *accessLibrary) uniqueNumber(prefix string, year int, lo, hi int) string {
	for {
		n := fmt.Sprintf("%s〔%d〕%d号", prefix, year, lo+g.rng.Intn(hi-lo))
		if !g.numbers[n] {
			g.numbers[n] = true
			return n
		}
	}
}

func accessText(subject, authority string, d *accessDoc, extra ...string) string {
	lines := []string{
		"第一条 为做好" + subject + "工作，制定本办法。",
		"第二条 " + subject + "由" + authority + "负责组织实施。",
	}
	lines = append(lines, extra...)
	lines = append(lines, fmt.Sprintf("第%s条 本办法自%s起施行。", []string{"三", "四", "五", "六", "七"}[min(len(extra), 4)], d.publish.Chinese()))
	return strings.Join(lines, "\n")
}

func (g *accessLibrary) publicWork(i int) {
	subject := g.pick(accessSubjects)
	d := &accessDoc{subject: subject, authority: g.pick(accessAuthors), topic: g.pick(accessTopics), level: "行政规范性文件"}
	if g.rng.Intn(5) == 0 {
		d.level = "地方政府规章"
	}
	d.title = g.uniqueTitle(func() string { return "青石县" + subject + g.pick(accessModifiers) })
	d.publish = g.day(20160101, 20261031)
	d.number = g.uniqueNumber("青石"+g.pick(accessDepts)+"发", d.publish.Year(), 1, 60)
	if g.rng.Intn(10) < 7 {
		d.key = fmt.Sprintf("gk-%d-w%d", g.seed, i)
	}
	switch g.rng.Intn(6) {
	case 0: // ends within 180 days of the test's today: 即将到期
		d.expiry = g.day(accessToday.AddDays(10), accessToday.AddDays(170))
	case 1: // ended
		d.expiry = g.day(d.publish.AddDays(200), max(d.publish.AddDays(300), accessToday.AddDays(-30)))
	case 2:
		d.expiry = d.publish.AddYears(5).AddDays(-1)
	}
	g.public = append(g.public, d)
	rec := map[string]any{"id": fmt.Sprintf("gk%d-%da", g.seed, i), "title": d.title, "doc_number": d.number,
		"authority": d.authority, "level": d.level, "topics": []string{d.topic}, "publish_date": d.publish.String(),
		"text": accessText(subject, d.authority, d, "本办法所称公开正文是指向社会公布的条款。")}
	if d.key != "" {
		rec["version_of"] = d.key
	}
	if d.expiry != 0 {
		rec["expiry_date"] = d.expiry.String()
	}
	g.add(d, rec, false)
	if d.key != "" && g.rng.Intn(3) == 0 && d.publish < 20251001 {
		// An amended version (修订) of the same work.
		v2 := g.day(d.publish.AddDays(30), 20260930)
		rec2 := map[string]any{"id": fmt.Sprintf("gk%d-%db", g.seed, i), "version_of": d.key, "title": d.title, "doc_number": d.number,
			"authority": d.authority, "level": d.level, "topics": []string{d.topic}, "publish_date": v2.String(),
			"label": fmt.Sprintf("%d年修订", v2.Year()),
			"text":  accessText(subject, d.authority, &accessDoc{publish: v2}, "本办法所称公开正文是指向社会公布的条款。", "第三条 修订后的条款。")}
		if d.expiry != 0 {
			rec2["expiry_date"] = d.expiry.String()
		}
		g.add(d, rec2, false)
	}
}

func (g *accessLibrary) publicInterpretation(i int) {
	target := g.public[g.rng.Intn(len(g.public))]
	d := &accessDoc{subject: target.subject, authority: target.authority, topic: target.topic, level: "其他", kind: "解读",
		publish: g.day(target.publish, max(target.publish.AddDays(60), 20261031))}
	d.title = g.uniqueTitle(func() string { return "《" + target.title + "》政策解读" + strings.Repeat("（二）", i) })
	g.public = append(g.public, d)
	g.add(d, map[string]any{"id": fmt.Sprintf("gj%d-%d", g.seed, i), "title": d.title, "kind": "解读", "authority": d.authority,
		"publish_date": d.publish.String(), "interprets": target.number,
		"text": "一、起草背景\n为做好" + target.subject + "工作，现将《" + target.title + "》解读如下。"}, false)
	g.relations = append(g.relations, accessRelation{typ: "interprets", from: d, to: target, date: d.publish})
}

var accessTypeNames = map[string]string{"repeals": "废止", "amends": "修改", "lapses": "宣布失效", "extends": "延续有效期",
	"basis": "依据", "cites": "引用", "interprets": "解读"}

// restrictedTypes are the relations a restricted document states about a public one.
var restrictedTypes = []string{"repeals", "amends", "lapses", "extends", "interprets", "basis", "cites", "", "repeals-text", "basis-text",
	"repeals-articles", "same-number", "same-title", "rename"}

func (g *accessLibrary) restrictedWork(j, n int) {
	partner := g.public[g.rng.Intn(len(g.public))]
	subject := partner.subject
	if g.rng.Intn(3) == 0 {
		subject = g.pick(accessSubjects)
	}
	d := &accessDoc{subject: subject, authority: g.pick(accessAuthors), topic: g.pick(accessTopics), level: "行政规范性文件",
		restricted: true, marker: fmt.Sprintf("%s%d", accessMarker, n), textMarker: fmt.Sprintf("%s%d", accessTextMarker, n)}
	if g.rng.Intn(2) == 0 {
		d.authority = accessSecretAuthority
	}
	if g.rng.Intn(2) == 0 {
		d.topic = accessSecretTopic
	}
	if g.rng.Intn(4) == 0 {
		d.level = accessSecretLevel
	}
	switch g.rng.Intn(4) {
	case 0:
		d.publish = g.day(model.NewDate(accessSecretYear, 1, 1), model.NewDate(accessSecretYear, 12, 31))
	case 1:
		d.publish = g.day(20261101, accessToday) // newer than any public document
	default:
		d.publish = g.day(max(partner.publish, 20160101), 20261031)
	}
	d.number = g.uniqueNumber("青石内发", d.publish.Year(), 7000, 9999)
	if g.rng.Intn(4) > 0 {
		d.key = fmt.Sprintf("secret-work-%d-%d", g.seed, j)
	}
	typ := restrictedTypes[(j+int(g.seed))%len(restrictedTypes)]
	switch typ {
	case "same-number": // the public work's 发文字号 on a restricted document of another authority
		if partner.number != "" {
			d.number, d.authority = partner.number, accessSecretAuthority
		}
	case "same-title": // the public work's title, from another authority: not a version of it
		d.authority = accessSecretAuthority
	}
	if typ == "extends" && partner.expiry == 0 {
		for _, p := range g.public {
			if p.expiry != 0 && p.kind == "" {
				partner = p
				break
			}
		}
	}
	d.title = partner.title
	if typ == "rename" { // 关于修改《X》的决定 renaming X to the public work's title
		d.formerName = fmt.Sprintf("青石县%s旧办法%d", partner.subject, n)
		d.title = g.uniqueTitle(func() string {
			return "青石县人民政府关于修改《" + d.formerName + "》的决定（" + d.marker + "）"
		})
	} else if typ != "same-title" {
		d.title = g.uniqueTitle(func() string {
			if typ == "interprets" {
				return "关于《" + partner.title + "》的内部解读（" + d.marker + "）"
			}
			return "青石县" + subject + g.pick(accessModifiers) + "（" + d.marker + "）"
		})
	}
	relDate := g.day(max(partner.publish, d.publish), max(partner.publish, d.publish).AddDays(400))
	if typ == "extends" {
		relDate = g.day(partner.publish, max(partner.expiry, partner.publish.AddDays(30)))
	}
	if relDate > accessToday.AddDays(200) {
		relDate = accessToday.AddDays(-g.rng.Intn(30))
	}
	extra := []string{d.textMarker + "：本规程仅限内部使用，不予公开。"}
	rec := map[string]any{"id": fmt.Sprintf("secret-nb%d-%d", g.seed, j), "title": d.title, "doc_number": d.number, "authority": d.authority,
		"level": d.level, "topics": []string{d.topic}, "publish_date": d.publish.String(), "disclosure": "restricted"}
	if d.key != "" {
		rec["version_of"] = d.key
	}
	target := g.nameOf(partner)
	var rels []map[string]any
	switch typ {
	case "", "same-number", "same-title":
		typ = ""
	case "rename":
		extra = append(extra, "一、修改《"+d.formerName+"》", "1.将名称修改为：", "“"+partner.title+"”。")
		typ = "amends"
	case "repeals-articles": // 部分废止
		rels = append(rels, map[string]any{"type": "repeals", "target": target, "date": relDate.String(), "articles": []string{"第二条"}})
		typ = "repeals"
	case "repeals-text":
		extra = append(extra, "《"+partner.title+"》（"+partner.number+"）同时废止。")
		typ, relDate = "repeals", d.publish
	case "basis-text":
		extra = append([]string{"根据《" + partner.title + "》，结合本县实际，制定本规程。"}, extra...)
		typ, relDate = "basis", d.publish
	case "interprets":
		d.kind = "解读"
		rec["kind"] = "解读"
		rec["interprets"] = target
	case "extends":
		rels = append(rels, map[string]any{"type": typ, "target": target, "date": relDate.String(),
			"until": relDate.AddYears(1 + g.rng.Intn(3)).String()})
	default:
		rels = append(rels, map[string]any{"type": typ, "target": target, "date": relDate.String()})
	}
	if rels != nil {
		rec["relations"] = rels
	}
	rec["text"] = accessText(subject, d.authority, d, extra...)
	g.restricted = append(g.restricted, d)
	g.add(d, rec, true)
	if typ != "" {
		g.relations = append(g.relations, accessRelation{typ: typ, from: d, to: partner, date: relDate, restricted: true})
	}
}

// nameOf is how a relation names a document: its number, its title or its work id.
func (g *accessLibrary) nameOf(d *accessDoc) string {
	switch k := g.rng.Intn(3); {
	case k == 0 && d.number != "":
		return d.number
	case k == 1 && d.key != "":
		return d.key
	}
	return d.title
}

// publicNamesRestricted has a public document state a relation of type typ to a
// restricted one, in its record or in a sentence of its text.
func (g *accessLibrary) publicNamesRestricted(typ string) {
	sec := g.restricted[g.rng.Intn(len(g.restricted))]
	subject := sec.subject
	d := &accessDoc{subject: subject, authority: g.pick(accessAuthors), topic: g.pick(accessTopics), level: "行政规范性文件",
		publish: g.day(max(sec.publish, 20160101), 20261031)}
	d.title = g.uniqueTitle(func() string {
		return "青石县关于" + subject + "有关事项的通知（" + accessTypeNames[typ] + "）"
	})
	d.number = g.uniqueNumber("青石"+g.pick(accessDepts)+"发", d.publish.Year(), 60, 99)
	rec := map[string]any{"id": fmt.Sprintf("gn%d-%s", g.seed, typ), "title": d.title, "doc_number": d.number,
		"authority": d.authority, "level": d.level, "topics": []string{d.topic}, "publish_date": d.publish.String()}
	var extra []string
	target := g.nameOf(sec)
	switch (len(g.public) + int(g.seed)) % 2 {
	case 0: // in the text: the public document names the restricted one (its number, or title)
		switch typ {
		case "repeals":
			extra = append(extra, sec.number+"同时废止。")
		case "basis":
			extra = append([]string{"根据《" + sec.title + "》，制定本通知。"}, extra...)
		default:
			extra = append(extra, "参照"+sec.number+"执行。")
		}
		fallthrough
	default:
		rel := map[string]any{"type": typ, "target": target, "date": d.publish.String()}
		if typ == "extends" {
			rel["until"] = d.publish.AddYears(2).String()
		}
		if typ == "interprets" {
			d.kind, d.level = "解读", "其他"
			rec["kind"], rec["level"], rec["interprets"] = "解读", "其他", target
		} else {
			rec["relations"] = []map[string]any{rel}
		}
	}
	rec["text"] = accessText(subject, d.authority, d, extra...)
	g.public = append(g.public, d)
	g.add(d, rec, false)
	g.relations = append(g.relations, accessRelation{typ: typ, from: d, to: sec, date: d.publish})
}

// restrictedVersions adds a restricted version to two public works: each makes its
// whole work restricted.
func (g *accessLibrary) restrictedVersions(n int) {
	k := 0
	for _, p := range g.public {
		if p.key == "" || p.kind != "" || k == 2 || p.publish > 20260601 {
			continue
		}
		d := *p
		d.restricted = true
		d.marker, d.textMarker = fmt.Sprintf("%s%d", accessMarker, n+k*10000), fmt.Sprintf("%s%d", accessTextMarker, n+k*10000)
		d.publish = g.day(p.publish.AddDays(30), 20261031)
		rec := map[string]any{"id": fmt.Sprintf("secret-nv%d-%d", g.seed, k), "version_of": p.key, "title": p.title, "doc_number": p.number,
			"authority": p.authority, "level": p.level, "publish_date": d.publish.String(), "disclosure": "restricted",
			"label": fmt.Sprintf("%d年修订（%s）", d.publish.Year(), d.marker),
			"text":  accessText(p.subject, p.authority, &d, d.textMarker+"：内部修订稿。")}
		g.restricted = append(g.restricted, &d)
		g.add(&d, rec, true)
		k++
	}
}

// sameTitle adds a restricted record with the title and authority of a public work
// the ingester groups by title, and no work key of its own.
func (g *accessLibrary) sameTitle(n int) {
	for _, p := range g.public {
		if p.key != "" || p.kind != "" {
			continue
		}
		d := *p
		d.restricted, d.key = true, ""
		d.marker, d.textMarker = fmt.Sprintf("%s%d", accessMarker, n), fmt.Sprintf("%s%d", accessTextMarker, n)
		d.publish = g.day(p.publish, 20261031)
		d.number = g.uniqueNumber("青石内发", d.publish.Year(), 7000, 9999)
		g.restricted = append(g.restricted, &d)
		g.add(&d, map[string]any{"id": fmt.Sprintf("secret-ns%d", g.seed), "title": p.title, "doc_number": d.number, "authority": p.authority,
			"level": p.level, "publish_date": d.publish.String(), "disclosure": "restricted",
			"text": accessText(p.subject, p.authority, &d, d.textMarker+"：同名内部文件。")}, true)
		return
	}
}

// privateRecord is declared public but carries a mobile number: the ingester (with
// RefusePrivate) withholds it from the public.
func (g *accessLibrary) privateRecord(n int) {
	d := &accessDoc{subject: "低保审核", authority: g.pick(accessAuthors), topic: "社会救助", level: "行政规范性文件",
		publish: g.day(20200101, 20261031), restricted: true,
		marker: fmt.Sprintf("%s%d", accessMarker, n), textMarker: fmt.Sprintf("%s%d", accessTextMarker, n)}
	d.title = "青石县低保审核联系人名单（" + d.marker + "）"
	d.number = g.uniqueNumber("青石民发", d.publish.Year(), 7000, 9999)
	d.key = fmt.Sprintf("secret-private-%d", g.seed)
	g.restricted = append(g.restricted, d)
	g.add(d, map[string]any{"id": fmt.Sprintf("secret-np%d", g.seed), "version_of": d.key, "title": d.title, "doc_number": d.number,
		"authority": d.authority, "level": d.level, "publish_date": d.publish.String(),
		"text": accessText(d.subject, d.authority, d, d.textMarker+"：联系人张三，手机13912345678。")}, false).private = true
}

// files adds documents as .txt files with sidecars: one public, one restricted, and a
// restricted version of a second public file's work.
func (g *accessLibrary) files(n int) {
	mk := func(name, key string, restricted bool, marker int) {
		d := &accessDoc{subject: g.pick(accessSubjects), authority: g.pick(accessAuthors), topic: g.pick(accessTopics),
			level: "行政规范性文件", publish: g.day(20180101, 20261031), key: key, restricted: restricted}
		if restricted {
			d.marker, d.textMarker = fmt.Sprintf("%s%d", accessMarker, marker), fmt.Sprintf("%s%d", accessTextMarker, marker)
			d.title = "青石县" + d.subject + "内部文件（" + d.marker + "）"
			d.number = g.uniqueNumber("青石内发", d.publish.Year(), 7000, 9999)
		} else {
			d.title = g.uniqueTitle(func() string { return "青石县" + d.subject + "公开文件" + fmt.Sprint(g.rng.Intn(90)+10) })
			d.number = g.uniqueNumber("青石"+g.pick(accessDepts)+"发", d.publish.Year(), 100, 199)
		}
		fields := map[string]any{"title": d.title, "doc_number": d.number, "authority": d.authority, "level": d.level,
			"publish_date": d.publish.String(), "work": key}
		if restricted {
			fields["disclosure"] = "restricted"
		}
		text := d.title + "\n" + d.number + "\n" + accessText(d.subject, d.authority, d, d.textMarker+"：文件正文。")
		fields["text"] = text
		r := g.add(d, fields, restricted)
		r.file = name
		if restricted {
			g.restricted = append(g.restricted, d)
		} else {
			g.public = append(g.public, d)
		}
	}
	mk("文件/公开通知.txt", fmt.Sprintf("file-%d-a", g.seed), false, 0)
	mk("文件/内部通知.txt", fmt.Sprintf("secret-file-%d-b", g.seed), true, n)
	mk("文件/公开办法.txt", fmt.Sprintf("file-%d-c", g.seed), false, 0)
	mk("文件/公开办法（内部修订）.txt", fmt.Sprintf("file-%d-c", g.seed), true, n+10000)
}

func (g *accessLibrary) add(d *accessDoc, fields map[string]any, restricted bool) *accessRecord {
	if id, ok := fields["id"].(string); ok {
		d.ids = append(d.ids, id)
	}
	r := &accessRecord{doc: d, fields: fields, restricted: restricted}
	g.records = append(g.records, r)
	return r
}

// write writes the records keep accepts into dir: one JSON Lines file, and the files
// with their sidecars.
func (g *accessLibrary) write(dir string, keep func(*accessRecord) bool) error {
	var jsonl bytes.Buffer
	enc := json.NewEncoder(&jsonl)
	enc.SetEscapeHTML(false)
	for _, r := range g.records {
		if !keep(r) {
			continue
		}
		if r.file == "" {
			if err := enc.Encode(r.fields); err != nil {
				return err
			}
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(r.file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		var meta strings.Builder
		for _, k := range []string{"title", "doc_number", "authority", "level", "publish_date", "work", "disclosure"} {
			if v, ok := r.fields[k]; ok {
				fmt.Fprintf(&meta, "%s: %q\n", k, v)
			}
		}
		if err := os.WriteFile(p, []byte(r.fields["text"].(string)), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(p+".meta.yaml", []byte(meta.String()), 0o644); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "records.jsonl"), jsonl.Bytes(), 0o644)
}
