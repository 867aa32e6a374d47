package catalog

import (
	"slices"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/textnorm"
	"github.com/guifan/guifan/internal/validity"
)

func rec(key, id, title string, opts ...func(*Record)) *Record {
	r := &Record{Key: key, TextHash: key, Version: model.Version{ID: id, Title: title, Disclosure: model.Public}}
	for _, o := range opts {
		o(r)
	}
	return r
}

func dated(publish, effective model.Date) func(*Record) {
	return func(r *Record) {
		r.Version.PublishDate, r.Version.EffectiveDate = publish, effective
		r.Version.EffectiveEvidence = model.Evidence{Origin: "text"}
	}
}

func authority(a ...string) func(*Record) { return func(r *Record) { r.Version.Authorities = a } }
func workKey(k string) func(*Record)      { return func(r *Record) { r.Version.WorkKey = k } }
func number(n string) func(*Record)       { return func(r *Record) { r.Version.DocNumber = n } }
func level(l model.Level) func(*Record)   { return func(r *Record) { r.Version.Level = l } }
func explicitEffective(r *Record) {
	r.Explicit.EffectiveDate = true
	r.Version.EffectiveEvidence = model.Evidence{Origin: "metadata"}
}
func relates(t model.RelationType, target string) func(*Record) {
	return func(r *Record) {
		r.Version.Relations = append(r.Version.Relations, model.Relation{Type: t, Target: target, Evidence: "…" + target + "同时废止", Origin: "text"})
	}
}

func TestGroupingAcrossSources(t *testing.T) {
	c := Build([]*Record{
		// The national database groups its versions by version_of …
		rec("db#1", "db-2018", "中华人民共和国公司法", workKey("db:公司法"), dated(20181026, 20181026), authority("全国人民代表大会常务委员会"), level(model.LevelLaw), explicitEffective),
		rec("db#2", "db-2023", "中华人民共和国公司法", workKey("db:公司法"), dated(20231229, 20240701), authority("全国人民代表大会常务委员会"), level(model.LevelLaw), explicitEffective),
		// … another source has the 2018 text without a work key or authority: the same version.
		rec("lrb#1", "lrb-2018", "中华人民共和国公司法（2018年修正）", dated(20181026, 0), level(model.LevelLaw)),
		// The same law from a source that names the body that amended it.
		rec("lrb#2", "lrb-2023", "中华人民共和国公司法", dated(20231229, 0), authority("第十四届全国人民代表大会常务委员会"), level(model.LevelLaw)),
		// Same title from two different authorities: two works.
		rec("a.txt", "a", "关于做好就业工作的通知", authority("甲县人民政府"), dated(20200101, 20200101)),
		rec("b.txt", "b", "关于做好就业工作的通知", authority("乙县人民政府"), dated(20200201, 20200201)),
	})
	if len(c.Works) != 3 {
		t.Fatalf("works = %d, want 3: %v", len(c.Works), c.WorkIDs())
	}
	w, ok := c.Work("db:公司法")
	if !ok || len(w.VersionIDs) != 2 {
		t.Fatalf("公司法 work: %+v", w)
	}
	if v, ok := c.Version("lrb-2018"); !ok || v.ID != "db-2018" {
		t.Errorf("duplicate record should resolve to the canonical version, got %+v", v)
	}
	if v, ok := c.Version("lrb-2023"); !ok || v.ID != "db-2023" {
		t.Errorf("a law's record naming another body must join the law's work, got %+v", v)
	}
	if len(c.Alternates["db-2018"]) != 1 {
		t.Errorf("alternates of db-2018: %v", c.Alternates["db-2018"])
	}
	// The 2023 revision is not in effect on 2024-01-15: the 2018 text is.
	tl := c.Timeline(w.ID)
	if got := tl.Version("db-2018", 20240115).Status; got != validity.InForce {
		t.Errorf("2018 version on 2024-01-15: %s", got)
	}
	if got := tl.Version("db-2018", 20240701).Status; got != validity.Amended {
		t.Errorf("2018 version on 2024-07-01: %s", got)
	}
	if ids := c.ByTitle("公司法"); len(ids) != 1 || ids[0] != "db:公司法" {
		t.Errorf("ByTitle(公司法) = %v", ids)
	}
}

func TestRelationsResolveAndRepeal(t *testing.T) {
	c := Build([]*Record{
		rec("old.txt", "old", "某市物业管理办法", number("某政发〔2015〕3号"), authority("某市人民政府"), dated(20150101, 20150301)),
		rec("new.txt", "new", "某市物业服务管理办法", number("某政发〔2021〕8号"), authority("某市人民政府"), dated(20210101, 20210401),
			relates(model.Repeals, "某政发[2015]3号"), relates(model.Cites, "国办发〔2020〕1号")),
		// A revision that names its own predecessor by title is succession, not repeal.
		rec("v1.txt", "v1", "某县就业补贴办法", authority("某县人民政府"), dated(20180101, 20180101)),
		rec("v2.txt", "v2", "某县就业补贴办法", authority("某县人民政府"), dated(20220101, 20220101), relates(model.Repeals, "某县就业补贴办法")),
	})
	old := c.ByNumber("某政发〔2015〕3号")
	if len(old) != 1 {
		t.Fatalf("ByNumber: %v", old)
	}
	if got := c.Timeline(old[0]).Work(20210331).Status; got != validity.InForce {
		t.Errorf("before the repeal: %s", got)
	}
	got := c.Timeline(old[0]).Work(20210401)
	if got.Status != validity.Repealed {
		t.Errorf("from the repealing document's effective date: %s (%s)", got.Status, got.Reason)
	}
	var unresolved int
	for _, r := range c.Relations {
		if r.TargetWork == "" {
			unresolved++
			if r.Target != "国办发〔2020〕1号" {
				t.Errorf("unexpected unresolved relation %+v", r)
			}
		}
	}
	if unresolved != 1 {
		t.Errorf("unresolved relations: %d, want 1 (the citation outside the library)", unresolved)
	}
	emp := c.ByTitle("某县就业补贴办法")
	if len(emp) != 1 {
		t.Fatalf("versions grouped: %v", emp)
	}
	if s := c.Timeline(emp[0]).Work(20230101).Status; s != validity.InForce {
		t.Errorf("a revision repealing its own predecessor must not repeal the work: %s", s)
	}
}

// The PDF and the DOCX of one notice, neither dated, are one version with an alternate
// file — not a version amended by the other.
func TestUndatedFilesOfOneWorkAreOneVersion(t *testing.T) {
	c := Build([]*Record{
		rec("a.pdf", "pdf", "中共中央 国务院关于推进乡村全面振兴的意见", authority("中共中央", "国务院")),
		rec("a.docx", "docx", "中共中央 国务院关于推进乡村全面振兴的意见", authority("中共中央", "国务院")),
	})
	if len(c.Works) != 1 || len(c.Versions) != 1 {
		t.Fatalf("works %d, versions %d; want one of each", len(c.Works), len(c.Versions))
	}
	for _, w := range c.Works {
		v := c.Versions[w.VersionIDs[0]]
		if len(c.Alternates[v.ID]) != 1 || len(v.Warnings) == 0 {
			t.Errorf("alternates %v, warnings %v", c.Alternates[v.ID], v.Warnings)
		}
		if got := c.Timeline(w.ID).Version(v.ID, 20261127).Status; got == validity.Amended {
			t.Errorf("the only version reads %s", got)
		}
	}
}

// A document an amendment renamed is found by its old title too, unless another
// document bears that title.
func TestFormerTitleFindsRenamedWork(t *testing.T) {
	const old, renamed = "最高人民法院关于审理物业服务纠纷案件具体应用法律若干问题的解释", "最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释"
	decision := rec("d.txt", "d", "最高人民法院关于修改《最高人民法院关于审理物业服务纠纷案件具体应用法律若干问题的解释》等二十七件民事类司法解释的决定", dated(20201229, 20210101))
	decision.Version.Relations = []model.Relation{{Type: model.Amends, Target: renamed, FormerTitle: old}}
	c := Build([]*Record{decision, rec("w.txt", "w", renamed, dated(20201229, 20210101))})
	got, want := c.ByTitle(old), c.ByTitle(renamed)
	if len(want) != 1 || !slices.Equal(got, want) {
		t.Errorf("ByTitle(old) = %v, want %v", got, want)
	}
	c = Build([]*Record{decision, rec("w.txt", "w", renamed, dated(20201229, 20210101)), rec("o.txt", "o", old, dated(20091001, 20091001))})
	if got := c.ByTitle(old); len(got) != 1 || got[0] == c.ByTitle(renamed)[0] {
		t.Errorf("ByTitle(old) = %v: the work bearing the old title must win", got)
	}
}

// A repeal names what exists when it is written: the 2014 反间谍法 repealing the 1993
// 国家安全法 does not repeal the 2015 国家安全法, the only law of that name in the library.
func TestRepealDoesNotReachALaterWorkOfTheSameName(t *testing.T) {
	c := Build([]*Record{
		rec("fjd.txt", "fjd", "中华人民共和国反间谍法", dated(20141101, 20141101), relates(model.Repeals, "中华人民共和国国家安全法")),
		rec("gja.txt", "gja", "中华人民共和国国家安全法", dated(20150701, 20150701)),
	})
	w := c.ByTitle("国家安全法")
	if len(w) != 1 {
		t.Fatalf("ByTitle: %v", w)
	}
	for d, want := range map[model.Date]validity.Status{20150101: validity.NotYetEffective, 20261127: validity.InForce} {
		if got := c.Timeline(w[0]).Work(d); got.Status != want {
			t.Errorf("%s: %s (%s), want %s", d, got.Status, got.Reason, want)
		}
	}
	for _, r := range c.Relations {
		if r.TargetWork != "" {
			t.Errorf("relation %+v resolved to a work published after it", r)
		}
	}
}

func TestAmbiguousReferenceStaysUnresolved(t *testing.T) {
	c := Build([]*Record{
		rec("a.txt", "a", "关于加强安全生产的通知", authority("甲县人民政府"), dated(20200101, 20200101)),
		rec("b.txt", "b", "关于加强安全生产的通知", authority("乙县人民政府"), dated(20200101, 20200101)),
		rec("c.txt", "c", "某市办法", authority("丙市人民政府"), dated(20210101, 20210101), relates(model.Repeals, "关于加强安全生产的通知")),
	})
	for _, r := range c.Relations {
		if r.Type == model.Repeals && r.TargetWork != "" {
			t.Errorf("an ambiguous title was resolved to %s: a wrong 已废止 could follow", r.TargetWork)
		}
	}
	if len(c.Warnings["c"]) == 0 {
		t.Error("no warning about the ambiguous reference")
	}
}

func TestRestrictedVersionRestrictsWork(t *testing.T) {
	r := rec("x.txt", "x", "某内部规定", dated(20200101, 20200101))
	r.Version.Disclosure = model.Restricted
	c := Build([]*Record{r, rec("y.txt", "y", "某内部规定", dated(20210101, 20210101))})
	for _, w := range c.Works {
		if w.Disclosure != model.Restricted {
			t.Errorf("work %s is %s", w.ID, w.Disclosure)
		}
	}
}

func TestRestatedRelationIsKeptOnce(t *testing.T) {
	c := Build([]*Record{
		rec("law.txt", "law", "某省养老服务条例", authority("某省人大常委会"), dated(20100101, 20100101)),
		rec("v1.txt", "v1", "某县养老机构管理办法", authority("某县人民政府"), dated(20150101, 20150101), relates(model.Basis, "某省养老服务条例")),
		rec("v2.txt", "v2", "某县养老机构管理办法", authority("某县人民政府"), dated(20200101, 20200101), relates(model.Basis, "某省养老服务条例")),
		rec("v3.txt", "v3", "某县养老机构管理办法", authority("某县人民政府"), dated(20230101, 20230101)),
	})
	v1, _ := c.Version("v1")
	out := c.Outgoing(v1.WorkID)
	if len(out) != 1 {
		t.Fatalf("outgoing = %+v, want the basis once", out)
	}
	r := out[0]
	if r.FromVersion != "v1" || r.TargetWork == "" {
		t.Fatalf("relation = %+v", r)
	}
	for id, want := range map[string]bool{"v1": true, "v2": true, "v3": false, "law": false} {
		if got := States(id, r); got != want {
			t.Errorf("States(%s) = %v, want %v", id, got, want)
		}
	}
	for _, id := range []string{"v1", "v2", "v3"} {
		if v, _ := c.Version(id); v.Relations != nil {
			t.Errorf("%s keeps %d relations of its own beside the catalog's", id, len(v.Relations))
		}
	}
}

// A notice issuing a document is keyed by that document's title as well, with the
// issuer its title begins with; a notice forwarding one (关于转发) is another document.
func TestTitleKeysOfIssuingNotice(t *testing.T) {
	key := textnorm.TitleKey
	for title, want := range map[string][2]string{
		"关于印发《抚顺县2022年政务公开工作要点》的通知":    {"", "抚顺县2022年政务公开工作要点"},
		"某市人民政府办公室关于印发某市就业创业补贴暂行办法的通知": {"某市人民政府办公室", "某市就业创业补贴暂行办法"},
		"国家税务总局关于发布《某某管理办法》的决定":        {"国家税务总局", "某某管理办法"},
	} {
		if issuer, k := issuedKey(title); issuer != key(want[0]) || k != key(want[1]) {
			t.Errorf("issuedKey(%s) = %q, %q, want %q, %q", title, issuer, k, want[0], want[1])
		}
	}
	for _, title := range []string{"关于做好2022年政务公开工作的通知", "中华人民共和国公司法", "国务院关于转发《某某规定》的通知"} {
		if _, k := issuedKey(title); k != "" {
			t.Errorf("issuedKey(%s) = %q: no document is issued", title, k)
		}
		if ks := titleKeys(title); len(ks) > 2 || len(ks) == 2 && ks[1] != key("公司法") {
			t.Errorf("titleKeys(%s) = %v", title, ks)
		}
	}
}

// A title that carries a doc number is found with and without it; a title that
// matches as written still wins over one that matches only once its number is gone.
func TestTitleWithNumber(t *testing.T) {
	c := Build([]*Record{
		rec("a.ofd", "a", "某县发展和改革局关于同意某项目可行性研究报告的批复（某发改复[2018]172号）", authority("某县发展和改革局")),
		rec("b.txt", "b", "某县人民政府关于转发《某市就业补贴办法》（某政发〔2020〕1号）的通知", authority("某县人民政府")),
		rec("c.txt", "c", "关于做好就业工作的通知", authority("甲县人民政府"), dated(20200101, 20200101)),
		rec("d.txt", "d", "关于做好就业工作的通知（乙政发〔2021〕5号）", authority("乙县人民政府"), dated(20210101, 20210101)),
	})
	workOf := func(vid string) string { v, _ := c.Version(vid); return v.WorkID }
	for title, want := range map[string]string{
		"某县发展和改革局关于同意某项目可行性研究报告的批复":                   "a",
		"某县发展和改革局关于同意某项目可行性研究报告的批复（某发改复[2018]172号）":   "a",
		"《某县发展和改革局关于同意某项目可行性研究报告的批复》（某发改复〔2018〕172号）": "a",
		"某县人民政府关于转发《某市就业补贴办法》的通知":                     "b",
		"关于做好就业工作的通知":              "c",
		"关于做好就业工作的通知（乙政发〔2021〕5号）": "d",
	} {
		if ids := c.ByTitle(title); len(ids) != 1 || ids[0] != workOf(want) {
			t.Errorf("ByTitle(%s) = %v, want the work of %s", title, ids, want)
		}
	}
}

// A decision of the 最高人民法院 names the interpretation it amends without its issuer
// (关于修改《关于上海金融法院案件管辖的规定》的决定), and the amended text names the decision
// the same way: both are found behind the stating document's authority.
func TestReferenceWithoutIssuerFindsIssuersDocument(t *testing.T) {
	c := Build([]*Record{
		rec("rule.md", "rule", "最高人民法院关于上海金融法院案件管辖的规定", authority("最高人民法院"), dated(20210421, 20210422),
			relates(model.Basis, "关于修改〈关于上海金融法院案件管辖的规定〉的决定")),
		rec("decision.md", "decision", "最高人民法院关于修改《关于上海金融法院案件管辖的规定》的决定", authority("最高人民法院"), dated(20210301, 20210422),
			relates(model.Amends, "关于上海金融法院案件管辖的规定")),
		// Another body's document of that title is not the court's.
		rec("other.txt", "other", "关于做好就业工作的通知", authority("甲县人民政府"), dated(20200101, 20200101),
			relates(model.Cites, "关于上海金融法院案件管辖的规定")),
	})
	work := func(vid string) string { return c.Versions[vid].WorkID }
	got := map[string]string{}
	for _, r := range c.Relations {
		got[r.FromWork+" "+string(r.Type)] = r.TargetWork
	}
	if w := got[work("decision")+" amends"]; w != work("rule") {
		t.Errorf("decision amends %q, want %q", w, work("rule"))
	}
	if w := got[work("rule")+" basis"]; w != work("decision") {
		t.Errorf("amended rule rests on %q, want %q", w, work("decision"))
	}
	if w := got[work("other")+" cites"]; w != "" {
		t.Errorf("another body's citation resolved to %q", w)
	}
}

// A notice issuing a document (关于印发《X》的通知) is found by X only when no document
// titled X is in the library: X itself comes first. A notice forwarding a document
// (关于转发《X》的通知) is another document than X, with a status of its own: neither is
// found by the other's title. A notice title pasted as such finds X, or another notice
// issuing X, only of the issuer it names.
func TestIssuingAndForwardingNotices(t *testing.T) {
	c := Build([]*Record{
		rec("x.txt", "x", "北京市就业补贴管理办法", authority("北京市人民政府"), dated(20190101, 20190101)),
		rec("nx.txt", "nx", "北京市人民政府关于印发《北京市就业补贴管理办法》的通知", authority("北京市人民政府"), dated(20230101, 20230101)),
		rec("ny.txt", "ny", "北京市人民政府关于印发《北京市养老服务补贴办法》的通知", authority("北京市人民政府"), dated(20200101, 20200101)),
		rec("z.txt", "z", "上海市医疗救助办法", authority("上海市人民政府"), dated(20180101, 20180101)),
		rec("op.txt", "op", "国务院办公厅关于进一步做好稳就业工作的意见", authority("国务院办公厅"), dated(20210101, 20210101)),
		rec("fw.txt", "fw", "北京市人民政府办公厅关于转发《国务院办公厅关于进一步做好稳就业工作的意见》的通知", authority("北京市人民政府办公厅"), dated(20220101, 20220101)),
		rec("fw2.txt", "fw2", "北京市人民政府办公厅关于转发《国务院办公厅关于加强养老服务工作的意见》的通知", authority("北京市人民政府办公厅"), dated(20220101, 20220101)),
	})
	workOf := func(vid string) string { v, _ := c.Version(vid); return v.WorkID }
	for title, want := range map[string]string{
		"北京市就业补贴管理办法":                              "x",
		"北京市养老服务补贴办法":                              "ny",
		"关于印发《北京市养老服务补贴办法》的通知":                     "ny",
		"北京市人民政府关于印发《北京市养老服务补贴办法》的通知":              "ny",
		"北京市人民政府关于印发北京市养老服务补贴办法的通知":                "ny",
		"上海市人民政府关于印发《上海市医疗救助办法》的通知":                "z",
		"关于印发《上海市医疗救助办法》的通知":                       "z",
		"国务院办公厅关于进一步做好稳就业工作的意见":                    "op",
		"北京市人民政府办公厅关于转发《国务院办公厅关于进一步做好稳就业工作的意见》的通知": "fw",
		// Not in the library: another issuer's notice, a forwarded document, a forwarding notice.
		"上海市人民政府关于印发《北京市养老服务补贴办法》的通知":              "",
		"上海市人民政府关于印发《北京市就业补贴管理办法》的通知":              "",
		"北京市人民政府关于印发《上海市医疗救助办法》的通知":                "",
		"国务院办公厅关于加强养老服务工作的意见":                      "",
		"上海市人民政府办公厅关于转发《国务院办公厅关于进一步做好稳就业工作的意见》的通知": "",
		"关于转发《国务院办公厅关于进一步做好稳就业工作的意见》的通知":           "",
	} {
		ids := c.ByTitle(title)
		if want == "" {
			if len(ids) > 0 {
				t.Errorf("ByTitle(%s) = %v, want nothing", title, ids)
			}
			continue
		}
		if len(ids) != 1 || ids[0] != workOf(want) {
			t.Errorf("ByTitle(%s) = %v, want the work of %s", title, ids, want)
		}
	}
}

// Issuers as staff shorten them compare equal to the names titles print.
func TestShortIssuer(t *testing.T) {
	for _, pair := range [][2]string{
		{"某县人民政府办公室", "某县政府办"}, {"某市人民政府办公厅", "某市政府办"}, {"最高人民法院", "最高法"},
		{"某县人力资源和社会保障局", "某县人社局"}, {"某市发展和改革委员会", "某市发改委"}, {"某区市场监督管理局", "某区市场监管局"},
		{"某县住房和城乡建设局", "某县住建局"}, {"某市卫生健康委员会", "某市卫健委"}, {"某县医疗保障局", "某县医保局"},
	} {
		if a, b := shortIssuer(pair[0]), shortIssuer(pair[1]); a != b {
			t.Errorf("%s → %s, %s → %s; want them equal", pair[0], a, pair[1], b)
		}
	}
	if shortIssuer("某县财政局") == shortIssuer("某县人社局") || shortIssuer("某市人民政府") == shortIssuer("某县人民政府") {
		t.Error("different issuers compare equal")
	}
}

// A 行政法规 whose source names no issuer is the 国务院's, its work id unchanged by it;
// one whose number shows a ministry (a source's level mislabelled) is left as given.
func TestAdministrativeRegulationsAreTheStateCouncils(t *testing.T) {
	plain := Build([]*Record{rec("lrb#1", "lrb-1", "化妆品监督管理条例", dated(20200616, 20210101))})
	c := Build([]*Record{
		rec("lrb#1", "lrb-1", "化妆品监督管理条例", dated(20200616, 20210101), level(model.LevelAdminRegs)),
		rec("lrb#2", "lrb-2", "工资支付暂行规定", dated(19941206, 19950101), level(model.LevelAdminRegs), number("劳部发〔1994〕489号")),
	})
	id := plain.WorkIDs()[0]
	w, ok := c.Work(id)
	if !ok || !slices.Equal(w.Authorities, []string{"国务院"}) {
		t.Fatalf("化妆品监督管理条例 (%s): %+v %v", id, w, c.WorkIDs())
	}
	for _, wid := range c.WorkIDs() {
		if w := c.Works[wid]; w.Title == "工资支付暂行规定" && len(w.Authorities) != 0 {
			t.Errorf("工资支付暂行规定: authorities %v", w.Authorities)
		}
	}
}

// A restricted copy of a published text does not hide it: the version stays public and
// nothing of the copy is listed with it. A restricted text of its own still makes its
// work restricted.
func TestRestrictedCopyOfAPublicText(t *testing.T) {
	restricted := func(r *Record) { r.Version.Disclosure = model.Restricted }
	for _, order := range [][2]string{{"a.txt", "内部副本.txt"}, {"内部副本.txt", "a.txt"}} {
		pub := rec(order[0], "pub", "某县就业补贴办法", dated(20220101, 20220101), authority("某县人民政府"))
		cp := rec(order[1], "copy", "某县就业补贴办法", dated(20220101, 20220101), authority("某县人民政府"), restricted)
		pub.Key, cp.Key = "a.txt", "内部副本.txt"
		pub.Version.Source.Path, cp.Version.Source.Path = "a.txt", "内部副本.txt"
		cp.TextHash = pub.TextHash
		c := Build([]*Record{cp, pub})
		if len(c.Works) != 1 {
			t.Fatalf("works: %v", c.WorkIDs())
		}
		w := c.Works[c.WorkIDs()[0]]
		if w.Disclosure != model.Public || len(w.VersionIDs) != 1 {
			t.Fatalf("work %+v", w)
		}
		v := c.Versions[w.VersionIDs[0]]
		if v.Disclosure != model.Public || v.Source.Path != "a.txt" || len(c.Alternates[v.ID]) != 0 {
			t.Errorf("version %+v, alternates %v", v, c.Alternates[v.ID])
		}
	}
	other := rec("b.txt", "other", "某县就业补贴办法", dated(20220101, 20220101), authority("某县人民政府"), restricted)
	other.TextHash = "another text"
	c := Build([]*Record{rec("a.txt", "pub", "某县就业补贴办法", dated(20220101, 20220101), authority("某县人民政府")), other})
	if w := c.Works[c.WorkIDs()[0]]; w.Disclosure != model.Restricted {
		t.Errorf("a restricted text of its own: work %s", w.Disclosure)
	}
}

// Two notices of one title, issuer and day with numbers of their own are two documents,
// not one in two formats; one file replaced by a revision keeps both as versions.
func TestNumbersOfTheirOwnAreTwoDocuments(t *testing.T) {
	c := Build([]*Record{
		rec("c1.txt", "c1", "关于做好就业补贴发放工作的通知", dated(20240301, 20240301), authority("丙县人民政府办公室"), number("丙政办发〔2024〕5号")),
		rec("c2.txt", "c2", "关于做好就业补贴发放工作的通知", dated(20240301, 20240301), authority("丙县人民政府办公室"), number("丙政办发〔2024〕6号")),
	})
	if len(c.Works) != 2 || len(c.Versions) != 2 {
		t.Errorf("works %d, versions %d; want 2 and 2", len(c.Works), len(c.Versions))
	}
	old := rec("a.txt@v-1", "v1", "某县就业补贴办法", dated(20180101, 20180101), authority("某县人民政府"), number("某政发〔2018〕2号"))
	cur := rec("a.txt", "v2", "某县就业补贴办法", dated(20210101, 20210101), authority("某县人民政府"), number("某政发〔2021〕3号"))
	old.Version.Source.Path, cur.Version.Source.Path = "a.txt", "a.txt"
	if c := Build([]*Record{old, cur}); len(c.Works) != 1 {
		t.Errorf("a replaced file: %d works, want 1", len(c.Works))
	}
}
