package cleanup

import (
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
)

// version builds one record; options set what a situation needs.
func version(id, title string, level model.Level, effective model.Date, opts ...func(*model.Version)) *catalog.Record {
	r := &catalog.Record{Key: id + ".txt", TextHash: id, FirstSeen: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)}
	v := &r.Version
	v.ID, v.Title, v.Level, v.Disclosure = id, title, level, model.Public
	v.PublishDate, v.EffectiveDate = effective, effective
	v.EffectiveEvidence = model.Evidence{Origin: "text", Value: "本文件自" + effective.Chinese() + "起施行"}
	v.Authorities = []string{"某县人民政府办公室"}
	for _, o := range opts {
		o(v)
	}
	return r
}

func number(n string) func(*model.Version) { return func(v *model.Version) { v.DocNumber = n } }
func work(k string) func(*model.Version)   { return func(v *model.Version) { v.WorkKey = k } }
func restricted(v *model.Version)          { v.Disclosure = model.Restricted }
func interprets(target string) func(*model.Version) {
	return func(v *model.Version) { v.Kind, v.Interprets = model.KindInterpretation, target }
}
func expires(d model.Date, clause string) func(*model.Version) {
	return func(v *model.Version) {
		v.ExpiryDate, v.ExpiryEvidence = d, model.Evidence{Value: clause, Origin: "text"}
	}
}
func relates(t model.RelationType, target string, d model.Date, evidence string) func(*model.Version) {
	return func(v *model.Version) {
		v.Relations = append(v.Relations, model.Relation{Type: t, Target: target, Date: d, Evidence: evidence, Origin: "text"})
	}
}

const (
	provLaw    = "某省养老服务条例"
	employment = "某县就业补贴办法"
)

// fixture is a small library with one of each clean-up situation, as of late 2026:
// a lapse coming (有效期 ends 2027-01-31), a basis repealed on 2026-03-01, a citation of
// a lapsed notice, an interpretation of the repealed law, normative documents without
// an 有效期 (one declared, one inferred), and a restricted notice that is both expiring
// and resting on the repealed law.
func fixture() []*catalog.Record {
	return []*catalog.Record{
		version("emp", employment, model.LevelNormative, 20240101, number("某政办发〔2024〕5号"),
			expires(20270131, "本办法自2024年1月1日起施行，有效期至2027年1月31日。")),
		version("care", "某县养老服务补贴办法", model.LevelNormative, 20230301, number("某政办发〔2023〕2号"),
			relates(model.Basis, provLaw, 0, "第一条 根据《某省养老服务条例》，结合本县实际，制定本办法。")),
		version("law", provLaw, model.LevelLocalRegs, 20150101, func(v *model.Version) { v.Authorities = []string{"某省人民代表大会常务委员会"} }),
		version("law2", "某省养老服务促进条例", model.LevelLocalRegs, 20260301, func(v *model.Version) { v.Authorities = []string{"某省人民代表大会常务委员会"} },
			relates(model.Repeals, provLaw, 20260301, "本条例自2026年3月1日起施行。《某省养老服务条例》同时废止。"),
			// The repeal sentence also cites the old law: not a basis to clean up.
			relates(model.Cites, provLaw, 0, "本条例自2026年3月1日起施行。《某省养老服务条例》同时废止。")),
		version("interp", "《某省养老服务条例》政策解读", "", 20150105, interprets(provLaw)),
		version("interp-ok", "《某县就业补贴办法》政策解读", "", 20240105, interprets(employment)),
		version("secret", "某县内部资金管理通知", model.LevelNormative, 20240301, number("某政办发〔2024〕9号"), restricted,
			expires(20270301, "本通知有效期至2027年3月1日。"),
			relates(model.Basis, provLaw, 0, "根据《某省养老服务条例》制定本通知。")),
		version("seed", "关于印发某县政务公开工作要点的通知", "", 20220620, number("某县政公领发〔2022〕3号")),
		version("reply", "关于同意某项目可行性研究报告的批复", "", 20220701, number("某发改复〔2022〕7号")),
		version("old-notice", "某县临时救助通知", model.LevelNormative, 20210101, number("某政办发〔2021〕1号"),
			expires(20251231, "本通知有效期至2025年12月31日。")),
		version("rules", "某县救助工作规程", model.LevelDeptRules, 20220101,
			relates(model.Cites, "某县临时救助通知", 0, "按照《某县临时救助通知》的规定执行。")),
		version("nat-old", "某国家安全条例", model.LevelAdminRegs, 19930101, func(v *model.Version) { v.Authorities = []string{"国务院"} }),
		version("nat-repealer", "某反间谍条例", model.LevelAdminRegs, 20141101, func(v *model.Version) { v.Authorities = []string{"国务院"} },
			relates(model.Repeals, "某国家安全条例", 20141101, "《某国家安全条例》同时废止。")),
		version("reward", "某举报奖励办法", model.LevelDeptRules, 20220606,
			relates(model.Basis, "某国家安全条例", 0, "第一条 根据《某国家安全条例》，制定本办法。")),
		// Only the superseded version states the basis: the version in effect no longer rests on it.
		version("plan-2018", "某县养老机构管理办法", model.LevelNormative, 20180101, work("plan"), number("某政发〔2018〕1号"),
			expires(20301231, "有效期至2030年12月31日。"),
			relates(model.Basis, provLaw, 0, "根据《某省养老服务条例》制定本办法。")),
		version("plan-2025", "某县养老机构管理办法", model.LevelNormative, 20250101, work("plan"), number("某政发〔2025〕1号"),
			expires(20301231, "有效期至2030年12月31日。")),
	}
}
