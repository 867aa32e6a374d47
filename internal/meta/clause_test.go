package meta

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/testcorpus"
)

// TestSeed reads the founding document where the shared corpus keeps it.
func TestSeed(t *testing.T) {
	path := testcorpus.Seed(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := Extract(string(b), Hint{FileName: filepath.Base(path)})
	checkInfo(t, got, fileCases[0])
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		want []model.Date
	}{
		{"2024 年 7 月 1 日", []model.Date{20240701}},
		{"二〇二二年六月二十日", []model.Date{20220620}},
		{"二○二二年六月二十日", []model.Date{20220620}},
		{"一九九四年十二月六日", []model.Date{19941206}},
		{"本规定自一九九五年一月一日起执行。", []model.Date{19950101}},
		{"2020年06月15日", []model.Date{20200615}},
		{"第二十条 本规定自2018年3月1日起施行。2021年1月1日", []model.Date{20180301, 20210101}},
		{"2022年2月30日", nil}, // no such day
		{"完成时限：2022年5月底前", nil},
		{"人民法院2011年5月1日以后审理", []model.Date{20110501}},
		{"12022年6月20日", nil},
	}
	for _, tt := range tests {
		var got []model.Date
		for _, d := range findDates(tt.in) {
			got = append(got, d.date)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findDates(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in   string
		want model.Date
	}{
		{"2022 年 6 月 20 日", 20220620}, {"2022-06-20", 20220620}, {"2022.6.20", 20220620}, {"2022/6/20", 20220620},
		{"二〇二二年六月二十日", 20220620}, {"2022.6", 0}, {"1.2.3", 0}, {"2022年6月20日印发", 0},
	} {
		got, _ := parseDateLine(tt.in)
		if got != tt.want {
			t.Errorf("parseDateLine(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestEffective reads effective and expiry dates from closing clauses. Sentences
// marked real are copied from laws.jsonl; the corpus holds national laws, which never
// state their own 有效期, so the 有效期 sentences are the phrasing normative documents
// use (本办法自…起施行，有效期5年), written for the test.
func TestEffective(t *testing.T) {
	tests := []struct {
		name, text string
		hint       Hint
		eff, exp   model.Date
		warn       string
	}{
		{name: "real: written date", text: "第八十七条 本法自2008年4月1日起施行。", eff: 20080401},
		{name: "real: Chinese numerals", text: "第二十条 本规定自一九九五年一月一日起执行。", eff: 19950101},
		{name: "real: 从…起", text: "第十三条 本规定从1986年7月1日起施行。", eff: 19860701},
		{name: "real: 实施", text: "第九十八条 本规定自2003年2月1日起实施。", eff: 20030201},
		{name: "real: publish date", text: "第二十一条 本法自公布之日起施行。", hint: Hint{PublishDate: 20140101}, eff: 20140101},
		{name: "real: publish date unknown", text: "第二十一条 本法自公布之日起施行。", warn: "发布日期未知"},
		{name: "real: amended text keeps the original date",
			text: "第八十七条 本法自2008年4月1日起施行。", hint: Hint{PublishDate: 20181026}, warn: "早于发布日期"},
		{name: "real: amended version, publish-date clause",
			text: "本法自公布之日起施行。", hint: Hint{PublishDate: 20120831, Amended: true}, warn: "可能沿用原文本"},
		{name: "real: repeal in the same sentence",
			text: "第二百九十一条 本法自公布之日起施行，《中华人民共和国民事诉讼法（试行）》同时废止。",
			hint: Hint{PublishDate: 19910409}, eff: 19910409},
		{name: "real: enumerated 试行", text: "79.本规定自公布之日起试行。", hint: Hint{PublishDate: 19980708}, eff: 19980708},
		{name: "real: 自本…之日起", text: "第五十八条 本办法自发布之日起施行。", hint: Hint{PublishDate: 20151224}, eff: 20151224},
		{name: "real: partial", text: "本法第十条自2020年1月1日起施行。"},
		{name: "another subject after the verb", text: "自2023年1月1日起执行新的收费标准。"},
		{name: "real: another document's date", text: "1999年5月1日实施的《进口药品管理办法》同时废止。"},
		{name: "real: a period of a licence",
			text: "第二十一条 制造许可证有效期为5年。\n\n第六十七条 本条例自2010年1月1日起施行。", eff: 20100101},
		{name: "real: 延长 of a licence",
			text: "第十三条 许可证有效期为5年。有效期届满，需要延续的，持证单位应当于许可证有效期届满30日前，向原发证机关提出延续申请。"},
		{name: "有效期5年 from the effective date",
			text: "第十五条 本实施细则自发布之日起施行，有效期5年。", hint: Hint{PublishDate: 20200229}, eff: 20200229, exp: 20250228},
		{name: "有效期为五年",
			text: "第二十条 本办法自2021年1月1日起施行，有效期为五年。", eff: 20210101, exp: 20251231},
		{name: "有效期至",
			text: "本通知自2024年1月1日起施行，有效期至2026年12月31日。", eff: 20240101, exp: 20261231},
		{name: "有效期 sentence after the clause",
			text: "本办法自2022年7月1日起施行。有效期三年。", eff: 20220701, exp: 20250630},
		{name: "本办法有效期",
			text: "本办法自2020年1月1日起施行。本办法有效期为2020年1月1日至2024年12月31日。", eff: 20200101, exp: 20241231},
		{name: "执行至", text: "本通知自2023年1月1日起执行，执行至2025年12月31日。", eff: 20230101, exp: 20251231},
		{name: "试行期", text: "本办法自印发之日起试行，试行期为两年。", hint: Hint{PublishDate: 20230315}, eff: 20230315, exp: 20250314},
		{name: "numeric dates", text: "本通知自2022.6.20起施行，有效期至2024-06-19。", eff: 20220620, exp: 20240619},
		{name: "30 days after publication",
			text: "本规定自发布之日起30日后施行，有效期2年。", hint: Hint{PublishDate: 20230301}, eff: 20230331, exp: 20250330},
		{name: "until the end of a year", text: "本办法自2021年1月1日起施行，有效期至2023年底。", eff: 20210101, exp: 20231231},
		{name: "until the end of a year in Chinese digits", text: "本办法自2021年1月1日起施行，有效期至二〇二三年年底。", eff: 20210101, exp: 20231231},
		{name: "until a month", text: "本办法自2021年1月1日起施行，有效期至2023年12月。", eff: 20210101, exp: 20231231},
		{name: "until the end of a month", text: "本办法自2021年1月1日起施行，有效期至2024年2月底。", eff: 20210101, exp: 20240229},
		{name: "a range to the end of a year", text: "本办法有效期为2021年1月1日至2025年底。", exp: 20251231},
		{name: "effective clause with its end", text: "第二十条 本办法自2020年4月1日起施行，至2022年12月31日止。", eff: 20200401, exp: 20221231},
		{name: "effective from and to", text: "本办法自2020年4月1日起至2022年12月31日止执行。", hint: Hint{PublishDate: 20200301}, eff: 20200401, exp: 20221231},
		{name: "有效期 from and to dates the start", text: "本办法有效期自2020年4月1日至2023年3月31日。", hint: Hint{PublishDate: 20200301}, eff: 20200401, exp: 20230331},
		{name: "a start before publication is not the effective date", text: "本办法自2020年2月1日起至2022年12月31日止施行。", hint: Hint{PublishDate: 20200301}, exp: 20221231},
		{name: "another subject's period", text: "第五条 补贴政策自2020年4月1日起至2020年12月31日止执行。\n第二十条 本办法自2020年3月1日起施行。", eff: 20200301},
		{name: "some articles' period", text: "本办法第五条自2020年4月1日起至2020年12月31日止执行。"},
		{name: "months", text: "本办法自2021年3月15日起施行，有效期6个月。", eff: 20210315, exp: 20210914},
		// 31 January has no counterpart in February: the term ends with February, not
		// on 2 March (the day before 31 January plus a month as time.AddDate counts it).
		{name: "months ending in a shorter month", text: "本办法自2021年1月31日起施行，有效期1个月。", eff: 20210131, exp: 20210228},
		{name: "months ending in February of a leap year", text: "本办法自2023年8月31日起施行，有效期6个月。", eff: 20230831, exp: 20240229},
		{name: "months from 30 January", text: "本办法自2022年1月30日起施行，有效期13个月。", eff: 20220130, exp: 20230228},
		// A term with the dates it runs between: the dates, which say when it starts.
		{name: "a term with its dates", text: "本通知有效期三年，自2022年1月1日起至2024年12月31日止。", hint: Hint{PublishDate: 20211201}, eff: 20220101, exp: 20241231},
		{name: "a term with its dates in brackets", text: "本办法自2022年1月1日起施行，有效期两年（2022年1月1日至2023年12月31日）。", eff: 20220101, exp: 20231231},
		{name: "a term and a later sentence's dates stay apart", text: "本办法自2021年1月1日起施行，有效期3年。\n第九条 补贴自2021年1月1日至2021年12月31日发放。", eff: 20210101, exp: 20231231},
		// The day a document says it is repealed is its first day out of force.
		{name: "repealed on a stated day", text: "本办法自2021年1月1日起施行，2025年12月31日废止。", eff: 20210101, exp: 20251230},
		{name: "out of force from a stated day", text: "本规定自2021年1月1日起施行，至2023年6月30日起失效。", eff: 20210101, exp: 20230629},
		{name: "another document repealed on the day", text: "本办法自2021年1月1日起施行，《某县旧办法》于2021年1月1日废止。", eff: 20210101},
		{name: "a range with a dash", text: "本办法自2022年1月1日起施行，有效期为2022年1月1日—2026年12月31日。", eff: 20220101, exp: 20261231},
		{name: "a range with a hyphen", text: "本办法有效期：2022年1月1日-2026年12月31日。", hint: Hint{PublishDate: 20211215}, eff: 20220101, exp: 20261231},
		{name: "a numeric range with a hyphen", text: "本办法有效期为2022.1.1-2026.12.31。", hint: Hint{PublishDate: 20211215}, eff: 20220101, exp: 20261231},
		{name: "a term set for now", text: "本通知自发布之日起施行，有效期暂定3年。", hint: Hint{PublishDate: 20210301}, eff: 20210301, exp: 20240229},
		{name: "whole years", text: "本方案实施期限为2021年至2025年。", hint: Hint{PublishDate: 20210115}, exp: 20251231},
		{name: "whole years with a dash", text: "本规划有效期2021—2023年。", hint: Hint{PublishDate: 20201215}, eff: 20210101, exp: 20231231},
		{name: "years and months are no whole years", text: "本办法自2021年1月1日起施行，有效期为2021年至2023年6月。", eff: 20210101, exp: 20230630},
		{name: "施行期限", text: "本办法自2021年3月1日起施行。本办法施行期限为五年。", eff: 20210301, exp: 20260228},
		{name: "适用期限", text: "本办法适用期限为2021年3月1日至2023年12月31日。", hint: Hint{PublishDate: 20210201}, eff: 20210301, exp: 20231231},
		{name: "试行 for a term", text: "本办法自2021年3月1日起施行，试行两年。", eff: 20210301, exp: 20230228},
		{name: "暂行 for a term", text: "本办法自2021年3月1日起施行，暂行三年。", eff: 20210301, exp: 20240229},
		{name: "试行 as the verb only", text: "本办法自2021年3月1日起试行。", eff: 20210301},
		{name: "a term from publication", text: "本文件有效期为发布之日起5年。", hint: Hint{PublishDate: 20210201}, exp: 20260131},
		{name: "满30日施行", text: "本办法自公布之日起满30日施行。", hint: Hint{PublishDate: 20210201}, eff: 20210303},
		{name: "spaced out character by character", text: "第二条 本 办 法 自 2021 年 3 月 1 日 起 施 行 ， 有 效 期 5 年 。", eff: 20210301, exp: 20260228},
		{name: "a clause wrapped inside a word", text: "第二条 本办法自2021年3月1日起施\n行，有效期5年。", eff: 20210301, exp: 20260228},
		{name: "a sentence wrapped before its clause", text: "为规范就业补贴发放，结合本县实际，制定本办法。本办法自2021年3月1日起\n施行，有效期为三年。", eff: 20210301, exp: 20240229},
		{name: "effective clause with its end, no 至", text: "本办法自2022年4月1日起实施，2025年12月31日止。", eff: 20220401, exp: 20251231},
		{name: "effective clause and the day it is in force to", text: "本办法自2022年4月1日起施行，至2026年3月31日有效。", eff: 20220401, exp: 20260331},
		{name: "the policies' period after the document's clause", text: "本措施自2022年4月1日起实施，政策执行期限截至2024年6月30日。", eff: 20220401, exp: 20240630},
		{name: "another subject's period after the document's clause", text: "本措施自2022年4月1日起实施，补贴政策执行期限截至2024年6月30日。", eff: 20220401},
		{name: "a date without 起", text: "本办法自2022年4月1日施行，有效期3年。", eff: 20220401, exp: 20250331},
		{name: "a date without 起, 正式", text: "本办法自2022年4月1日正式实施。", eff: 20220401},
		{name: "another subject's date without 起", text: "第五条 补贴标准自2022年4月1日执行。\n第二十条 本办法自2022年3月1日起施行。", eff: 20220301},
		{name: "a year and a half", text: "本通知自2022年4月1日起施行，有效期一年半。", eff: 20220401, exp: 20230930},
		{name: "half a year", text: "本通知自2022年4月1日起施行，有效期半年。", eff: 20220401, exp: 20220930},
		{name: "years and months", text: "本通知自2022年4月1日起施行，有效期3年6个月。", eff: 20220401, exp: 20250930},
		{name: "years and months with 零", text: "本通知自2022年4月1日起施行，有效期为两年零六个月。", eff: 20220401, exp: 20240930},
		{name: "thirty-six months", text: "本通知自2022年4月1日起施行，有效期为三十六个月。", eff: 20220401, exp: 20250331},
		{name: "施行至 a day", text: "本办法自2022年4月1日起施行至2025年3月31日。", eff: 20220401, exp: 20250331},
		{name: "实行", text: "本办法自2022年4月1日起实行，有效期3年。", eff: 20220401, exp: 20250331},
		{name: "实行 a system", text: "国家实行最低工资保障制度。本办法自2022年4月1日起施行。", eff: 20220401},
		{name: "a term in 大写 numerals", text: "本通知自2021年3月1日起施行，有效期叁年。", eff: 20210301, exp: 20240229},
		{name: "period without any known date", text: "本办法有效期5年。", warn: "施行日期和发布日期均未知"},
		{name: "period counted from publication", text: "本办法有效期5年。", hint: Hint{PublishDate: 20210301}, exp: 20260228},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.text, tt.hint)
			if got.EffectiveDate != tt.eff || got.ExpiryDate != tt.exp {
				t.Errorf("effective %s, expiry %s; want %s, %s (warnings %q)", got.EffectiveDate, got.ExpiryDate,
					tt.eff, tt.exp, got.Warnings)
			}
			if tt.warn != "" && !strings.Contains(strings.Join(got.Warnings, "\n"), tt.warn) {
				t.Errorf("no warning contains %q: %q", tt.warn, got.Warnings)
			}
			if tt.warn == "" && len(got.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", got.Warnings)
			}
		})
	}
}

// TestRelations reads relation sentences. Sentences marked real are from laws.jsonl;
// the corpus has no 宣布失效 or 有效期延长 statement naming a document, so those are
// written for the test in the form notices use.
func TestRelations(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              []model.Relation
	}{
		{name: "a decision naming what it repeals after the word", text: "经清理，决定废止《关于印发某县就业办法的通知》（某政发〔2021〕1号）和《某县见习办法》。",
			want: []model.Relation{
				{Type: model.Repeals, Target: "关于印发某县就业办法的通知", TargetNumber: "某政发〔2021〕1号"}, {Type: model.Repeals, Target: "某县见习办法"},
				{Type: model.Cites, Target: "某政发〔2021〕1号"}}},
		{name: "即行废止", text: "本办法施行后，《某县就业补贴办法》即行废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补贴办法"}}},
		{name: "a number in brackets after an unquoted title", text: "本办法自2022年4月1日起施行，我县2018年印发的就业补贴办法（某政发〔2018〕2号）同时废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某政发〔2018〕2号"}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "a number in brackets read for what it cites only", text: "根据《某县就业补贴办法》的规定（某政发〔2018〕2号）执行。",
			want: []model.Relation{{Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "an evaluation keeping a document in force to a new day", text: "经评估，《某县就业补贴办法》（某政发〔2018〕2号）继续有效，有效期至2027年12月31日。",
			want: []model.Relation{{Type: model.Extends, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号", Until: 20271231}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "a certificate kept in force", text: "本条例施行前核发的《排污许可证》继续有效，有效期至2027年12月31日。"},
		{name: "serials after a number for more of its prefix and year", text: "本办法自2022年4月1日起施行，某政发〔2018〕2号、03号和5号文件同时废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某政发〔2018〕2号"}, {Type: model.Repeals, Target: "某政发〔2018〕3号"},
				{Type: model.Repeals, Target: "某政发〔2018〕5号"}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "one of several repealed, the others in an annex", text: "现决定对《某县就业补贴办法》等5件规范性文件予以废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补贴办法"}}},
		{name: "lapsed at the end of its term", text: "《某县就业补贴办法》（某政发〔2018〕2号）有效期已届满，自动失效。",
			want: []model.Relation{{Type: model.Lapses, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号"}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "a term extended by years", text: "经研究，决定将《某县就业补贴办法》（某政发〔2018〕2号）有效期延长2年。",
			want: []model.Relation{{Type: model.Extends, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号", ExtendMonths: 24}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "a term extended by years and months", text: "经研究，决定将《某县就业补贴办法》（某政发〔2018〕2号）有效期延长1年6个月。",
			want: []model.Relation{{Type: model.Extends, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号", ExtendMonths: 18}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "continued to a day", text: "《某县就业补贴办法》（某政发〔2018〕2号）继续执行至2025年12月31日。",
			want: []model.Relation{{Type: model.Extends, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号", Until: 20251231}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "a standard of another document continued", text: "根据《某县就业补贴办法》规定的补贴标准继续执行至2025年12月31日。"},
		{name: "执行期限延长至", text: "《某县就业补贴办法》（某政发〔2018〕2号）执行期限延长至2027年12月31日。",
			want: []model.Relation{{Type: model.Extends, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号", Until: 20271231}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "有效期顺延至", text: "《某县就业补贴办法》（某政发〔2018〕2号）有效期顺延至2025年12月31日。",
			want: []model.Relation{{Type: model.Extends, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号", Until: 20251231}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "自即日起废止", text: "《某县就业补贴办法》（某政发〔2018〕2号）自即日起废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号"}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "于 a day 废止", text: "《某县就业补贴办法》（某政发〔2018〕2号）于2022年4月1日废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号", Date: 20220401}, {Type: model.Cites, Target: "某政发〔2018〕2号"}}},
		{name: "自 a day 废止, without 起", text: "《某县就业补贴办法》自2022年4月1日废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补贴办法", Date: 20220401}}},
		{name: "a list announced after the word, unnumbered", text: "经研究，决定废止以下规范性文件：\n《某县就业补贴办法》（某政发〔2018〕2号）\n《某县创业补贴办法》（某政发〔2019〕5号）\n\n本决定自印发之日起施行。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号"}, {Type: model.Repeals, Target: "某县创业补贴办法", TargetNumber: "某政发〔2019〕5号"},
				{Type: model.Cites, Target: "某政发〔2018〕2号"}, {Type: model.Cites, Target: "某政发〔2019〕5号"}}},
		{name: "a list announced, then nothing listed", text: "经研究，决定废止以下规范性文件：\n详见附件。\n请各单位遵照执行。\n另，某县安全生产工作要点如下。\n1.《某县安全生产规定》（某政发〔2019〕5号）",
			want: []model.Relation{{Type: model.Cites, Target: "某政发〔2019〕5号"}}},
		{name: "作废", text: "本办法自2021年3月1日起施行，2015年印发的《某县就业补贴办法》同时作废。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补贴办法"}}},
		{name: "real: a certificate 作废", text: "第七十四条 注册商标被撤销或者依照本条例第七十三条的规定被注销的，原《商标注册证》作废，并予以公告。"},
		{name: "a decision listing what it repeals", text: "经研究，决定对以下文件予以废止：\n1.《关于印发某县劳务补贴办法的通知》（某政发〔2021〕17号）\n2.某政办发〔2019〕3号\n本决定自2022年6月1日起施行。",
			want: []model.Relation{
				{Type: model.Repeals, Target: "关于印发某县劳务补贴办法的通知", TargetNumber: "某政发〔2021〕17号"}, {Type: model.Repeals, Target: "某政办发〔2019〕3号"},
				{Type: model.Cites, Target: "某政发〔2021〕17号"}, {Type: model.Cites, Target: "某政办发〔2019〕3号"}}},
		{name: "real: a decision amending several documents, one item each",
			title: "最高人民法院关于修改《最高人民法院关于在民事审判工作中适用〈中华人民共和国工会法〉若干问题的解释》等二十七件民事类司法解释的决定",
			text:  "一、修改《最高人民法院关于在民事审判工作中适用〈中华人民共和国工会法〉若干问题的解释》\n\n1.将引言修改为：\n\n二、修改《最高人民法院关于审理矿业权纠纷案件适用法律若干问题的解释》\n\n1.将引言修改为：\n",
			want: []model.Relation{
				{Type: model.Amends, Target: "最高人民法院关于在民事审判工作中适用〈中华人民共和国工会法〉若干问题的解释"},
				{Type: model.Amends, Target: "最高人民法院关于审理矿业权纠纷案件适用法律若干问题的解释"}}},
		{name: "real: an item renaming the document it amends",
			title: "最高人民法院关于修改《最高人民法院关于在民事审判工作中适用〈中华人民共和国工会法〉若干问题的解释》等二十七件民事类司法解释的决定",
			text:  "十三、修改《最高人民法院关于审理建筑物区分所有权纠纷案件具体应用法律若干问题的解释》\n\n1.将名称修改为：\n\n“最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释”。\n\n2.将引言修改为：\n",
			want: []model.Relation{
				{Type: model.Amends, Target: "最高人民法院关于在民事审判工作中适用〈中华人民共和国工会法〉若干问题的解释"},
				{Type: model.Amends, Target: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释",
					FormerTitle: "最高人民法院关于审理建筑物区分所有权纠纷案件具体应用法律若干问题的解释"}}},
		{name: "real: a decision's numbered items", title: "北京市人民代表大会常务委员会关于废止部分地方性法规的决定",
			text: "北京市第十五届人民代表大会常务委员会第三十三次会议决定：\n\n一、废止《北京市社会治安综合治理条例》（1992年9月19日北京市第九届人民代表大会常务委员会第三十六次会议通过）\n\n二、废止《北京市反不正当竞争条例》（1994年7月22日北京市第十届人民代表大会常务委员会第十一次会议通过）\n\n本决定自公布之日起施行。",
			want: []model.Relation{{Type: model.Repeals, Target: "北京市社会治安综合治理条例"}, {Type: model.Repeals, Target: "北京市反不正当竞争条例"}}},
		{name: "decided after a colon", text: "经研究，现决定：废止《某县就业补助办法》和《某县见习补贴办法》。",
			want: []model.Relation{{Type: model.Repeals, Target: "某县就业补助办法"}, {Type: model.Repeals, Target: "某县见习补贴办法"}}},
		{name: "an item that speaks of a repeal, in no decision", text: "一、废止《某办法》的原因\n该办法已不适应需要。"},
		{name: "废止 followed by words, not documents", text: "对不符合规定的，决定废止的文件应当及时公布。《某办法》另行规定。"},
		{name: "real: dated by a description", text: "1963年4月10日国务院公布的《商标管理条例》同时废止；",
			want: []model.Relation{{Type: model.Repeals, Target: "商标管理条例"}}},
		{name: "real: issuer before the title",
			text: "本解释施行后，最高人民法院、最高人民检察院《关于办理危害矿山生产安全刑事案件具体应用法律若干问题的解释》（法释〔2007〕5号）同时废止。",
			want: []model.Relation{
				{Type: model.Repeals, Target: "最高人民法院、最高人民检察院关于办理危害矿山生产安全刑事案件具体应用法律若干问题的解释", TargetNumber: "法释〔2007〕5号"},
				{Type: model.Cites, Target: "法释〔2007〕5号"}}},
		{name: "real: issuer and date before the title",
			text: "2000年3月17日劳动保障部发布的《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发[2000]8号）同时废止。",
			want: []model.Relation{
				{Type: model.Repeals, Target: "劳动保障部关于职工全年月平均工作时间和工资折算问题的通知", TargetNumber: "劳社部发〔2000〕8号"},
				{Type: model.Cites, Target: "劳社部发〔2000〕8号"}}},
		{name: "real: 不再适用",
			text: "第十条 本解释发布实施后，《最高人民法院关于审理组织、运送他人偷越国（边）境等刑事案件适用法律若干问题的解释》（法释〔2002〕3号）不再适用。",
			want: []model.Relation{
				{Type: model.Repeals, Target: "最高人民法院关于审理组织、运送他人偷越国（边）境等刑事案件适用法律若干问题的解释", TargetNumber: "法释〔2002〕3号"},
				{Type: model.Cites, Target: "法释〔2002〕3号"}}},
		{name: "real: same title as the document", title: "中华人民共和国工会法",
			text: "第五十七条 本法自公布之日起施行。1950年6月29日中央人民政府颁布的《中华人民共和国工会法》同时废止。"},
		{name: "consequence of a repeal", text: "《某市城市绿化管理办法》废止后，其规定的审批事项一并取消。"},
		{name: "real: not a repeal", text: "第十七条 医师注册后有下列情形之一的，注销注册，废止医师执业证书："},
		{name: "real: no named document", text: "其他有关商标管理的规定，凡与本法抵触的，同时失效。"},
		{name: "real: amendment decision",
			text: "根据司法实践情况，现决定对《最高人民法院、最高人民检察院关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释》（法释〔2009〕19号，以下简称《解释》）作如下修改：",
			want: []model.Relation{
				{Type: model.Amends, Target: "最高人民法院、最高人民检察院关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释"},
				{Type: model.Cites, Target: "法释〔2009〕19号"}}},
		{name: "real: amending title", title: "最高人民法院关于修改《最高人民法院关于仲裁司法审查案件报核问题的有关规定》的决定",
			want: []model.Relation{{Type: model.Amends, Target: "最高人民法院关于仲裁司法审查案件报核问题的有关规定"}}},
		{name: "real: amendment", title: "中华人民共和国刑法修正案（十一）",
			want: []model.Relation{{Type: model.Amends, Target: "中华人民共和国刑法"}}},
		{name: "real: basis", text: "为了规范行政许可的设定和实施，根据宪法，制定本法。",
			want: []model.Relation{{Type: model.Basis, Target: "中华人民共和国宪法"}}},
		{name: "partial repeal with articles",
			text: "本办法自2021年1月1日起施行。《某市城市绿化管理办法》第十条、第十二条同时废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某市城市绿化管理办法", Articles: []string{"第十条", "第十二条"}}}},
		{name: "dated repeal", text: "《关于加强农机安全管理的通知》（某农发〔2018〕5号）自2021年1月1日起废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "关于加强农机安全管理的通知", TargetNumber: "某农发〔2018〕5号", Date: 20210101},
				{Type: model.Cites, Target: "某农发〔2018〕5号"}}},
		{name: "numbers only", text: "某政办发〔2015〕3号、某政办发〔2016〕7号文件同时废止。",
			want: []model.Relation{{Type: model.Repeals, Target: "某政办发〔2015〕3号"}, {Type: model.Repeals, Target: "某政办发〔2016〕7号"},
				{Type: model.Cites, Target: "某政办发〔2015〕3号"}, {Type: model.Cites, Target: "某政办发〔2016〕7号"}}},
		{name: "lapse", text: "《关于印发某市就业补助资金管理办法的通知》（某人社发〔2016〕12号）宣布失效。",
			want: []model.Relation{{Type: model.Lapses, Target: "关于印发某市就业补助资金管理办法的通知", TargetNumber: "某人社发〔2016〕12号"}, {Type: model.Cites, Target: "某人社发〔2016〕12号"}}},
		{name: "extension",
			text: "《某市人才住房保障办法》（某府规〔2019〕2号）有效期延长至2025年12月31日。",
			want: []model.Relation{{Type: model.Extends, Target: "某市人才住房保障办法", TargetNumber: "某府规〔2019〕2号", Until: 20251231}, {Type: model.Cites, Target: "某府规〔2019〕2号"}}},
		{name: "extension, 延续 before the title",
			text: "经评估，决定延续《某市促进农业机械化发展若干措施实施细则》有效期至2027年6月30日。",
			want: []model.Relation{{Type: model.Extends, Target: "某市促进农业机械化发展若干措施实施细则", Until: 20270630}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.text, Hint{Title: tt.title})
			for i := range got.Relations {
				if got.Relations[i].Evidence == "" {
					t.Errorf("relation %d without evidence", i)
				}
				got.Relations[i].Evidence, got.Relations[i].Origin = "", ""
			}
			if !reflect.DeepEqual(got.Relations, tt.want) {
				t.Errorf("relations\n got %+v\nwant %+v", got.Relations, tt.want)
			}
		})
	}
}

func TestInterpretation(t *testing.T) {
	tests := []struct {
		title, interprets string
		kind              model.Kind
	}{
		{"《抚顺县2022年政务公开工作要点》政策解读", "抚顺县2022年政务公开工作要点", model.KindInterpretation},
		{"关于《海南省农机购置与应用补贴实施方案》的解读", "海南省农机购置与应用补贴实施方案", model.KindInterpretation},
		{"一图读懂2026年中央一号文件", "2026年中央一号文件", model.KindInterpretation},
		{"2024-2026年海南省农机购置与应用补贴实施方案图解", "2024-2026年海南省农机购置与应用补贴实施方案", model.KindInterpretation},
		{"司法部负责人就《行政复议法实施条例》答记者问", "行政复议法实施条例", model.KindInterpretation},
		{"农机购置补贴政策问答", "农机购置补贴", model.KindInterpretation},
		// A title nested in the title explained is part of it, not what is explained.
		{"关于《上海市实施《中华人民共和国妇女权益保障法》办法》的解读", "上海市实施《中华人民共和国妇女权益保障法》办法", model.KindInterpretation},
		{"关于《上海市实施〈中华人民共和国食品安全法〉办法》的解读", "上海市实施〈中华人民共和国食品安全法〉办法", model.KindInterpretation},
		{"关于做好政策解读工作的通知", "", model.KindNormative},
		{"最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释", "", model.KindNormative},
	}
	for _, tt := range tests {
		kind, what := interpretationOf(tt.title)
		if kind != tt.kind || what != tt.interprets {
			t.Errorf("interpretationOf(%q) = %q, %q; want %q, %q", tt.title, kind, what, tt.kind, tt.interprets)
		}
	}
}

// A number in a title's closing parentheses is the document's own only when the
// document shows no other and the number does not belong to a title it cites.
func TestDocNumberFromTitle(t *testing.T) {
	const body = "各乡镇人民政府：\n\n现将有关事项通知如下。\n"
	tests := []struct {
		name string
		hint Hint
		want string
	}{
		{"own", Hint{Title: "某县人民政府关于印发《某县就业补贴办法》的通知（某政发〔2020〕1号）"}, "某政发〔2020〕1号"},
		{"own, ASCII brackets", Hint{Title: "关于同意某项目可行性研究报告的批复(某发改复[2018]172号)"}, "某发改复〔2018〕172号"},
		{"cited title", Hint{Title: "关于废止《某县就业补贴办法》（某政发〔2020〕1号）"}, ""},
		{"interpretation", Hint{Title: "某县就业补贴办法政策解读（某政发〔2020〕1号）"}, ""},
		{"not at the end", Hint{Title: "关于转发《某办法》（某政发〔2020〕1号）的通知"}, ""},
		{"file name first", Hint{Title: "关于印发某办法的通知（某政发〔2020〕1号）", FileName: "某政发〔2021〕2号-某办法.txt"}, "某政发〔2021〕2号"},
	}
	for _, tt := range tests {
		if got := Extract(body, tt.hint).DocNumber; got != tt.want {
			t.Errorf("%s: DocNumber of %q = %q, want %q", tt.name, tt.hint.Title, got, tt.want)
		}
	}
}

func TestTitleFromFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"抚县政公领发〔2022〕3号-抚顺县2022年政务公开工作要点.txt", "抚顺县2022年政务公开工作要点"},
		{"海南省农机购置与应用补贴实施方案的通知.pdf", "海南省农机购置与应用补贴实施方案的通知"},
		{"上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", "上海市普陀区规划和自然资源局2024年度部门决算"},
		{"国办发〔2022〕8号.pdf", ""},
		{"scan_0001.pdf", ""},
	}
	for _, tt := range tests {
		if got := titleFromFileName(tt.in); got != tt.want {
			t.Errorf("titleFromFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFields reads the information table a government website prints above a document.
func TestFields(t *testing.T) {
	text := "索引号：11210421MB1234567X/2022-00031 主题分类：政务公开\n发文机关：抚顺县政务公开领导小组\n" +
		"发文字号：抚县政公领发〔2022〕3号\n成文日期：2022年06月20日\n登记号：FSXD-2022-0003\n公开方式：主动公开\n\n" +
		"关于印发《抚顺县2022年政务公开工作要点》的通知\n\n各乡镇人民政府，县政府各部门、各相关单位："
	got := Extract(text, Hint{})
	want := Info{Title: "关于印发《抚顺县2022年政务公开工作要点》的通知", DocNumber: "抚县政公领发〔2022〕3号",
		Authorities: []string{"抚顺县政务公开领导小组"}, PublishDate: 20220620, Registration: "FSXD-2022-0003",
		IndexNumber: "11210421MB1234567X/2022-00031", Disclosure: model.Public, Topics: []string{"政务公开"},
		// An annual plan that states no 有效期 runs to the end of the year it is for.
		ExpiryDate: 20221231, ExpiryEvidence: model.Evidence{Value: "关于印发《抚顺县2022年政务公开工作要点》的通知", Origin: "title"},
		Warnings: []string{"有效期截止日2022-12-31系根据标题所载年度“2022年”推定，正文未写明有效期"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Extract =\n%+v\nwant\n%+v", got, want)
	}
}

// FuzzExtract checks that no text makes Extract panic, and that what it returns is consistent.
func FuzzExtract(f *testing.F) {
	for _, tc := range fileCases {
		if b, err := os.ReadFile(filepath.Join("testdata", tc.file)); err == nil && len(b) < 4000 {
			f.Add(string(b))
		}
	}
	f.Add("本办法自公布之日起30日后施行，有效期2年。《》（）〔2022〕令第号")
	f.Fuzz(func(t *testing.T, s string) {
		info := Extract(s, Hint{PublishDate: 20200101})
		if info.ExpiryDate != 0 && info.EffectiveDate != 0 && info.ExpiryDate < info.EffectiveDate {
			t.Fatalf("expiry %s before effective %s", info.ExpiryDate, info.EffectiveDate)
		}
		for _, r := range info.Relations {
			if r.Target == "" || r.Type == "" {
				t.Fatalf("empty relation %+v", r)
			}
		}
	})
}

// TestJudicialHeading reads the heading printed in a judicial interpretation's text,
// broken over lines, without the Markdown title line that LawRefBook adds.
func TestJudicialHeading(t *testing.T) {
	tests := []struct{ text, title, number string }{
		{readBody(t, "judicial_senlin.md"), "最高人民法院关于审理破坏森林资源刑事案件适用法律若干问题的解释", "法释〔2023〕8号"},
		{readBody(t, "judicial_caili.md"), "最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定", "法释〔2024〕1号"},
		// laws.jsonl, 最高人民法院 最高人民检察院关于办理破坏野生动物资源刑事案件适用法律若干问题的解释.
		{"最高人民法院 最高人民检察院\n\n关于办理破坏野生动物资源刑事案件适用\n\n法律若干问题的解释\n\n法释〔2022〕12号\n\n" +
			"为依法惩治破坏野生动物资源犯罪，保护生态环境，维护生物多样性和生态平衡，根据《中华人民共和国刑法》《中华人民共和国刑事诉讼法》《中华人民共和国野生动物保护法》等法律的有关规定，现就办理此类刑事案件适用法律的若干问题解释如下：",
			"最高人民法院 最高人民检察院关于办理破坏野生动物资源刑事案件适用法律若干问题的解释", "法释〔2022〕12号"},
	}
	for _, tt := range tests {
		got := Extract(tt.text, Hint{})
		if got.Title != tt.title || got.DocNumber != tt.number {
			t.Errorf("Title, DocNumber = %q, %q; want %q, %q", got.Title, got.DocNumber, tt.title, tt.number)
		}
	}
}

// readBody is a LawRefBook testdata file without its Markdown header.
func readBody(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(b), infoEnd)
	if !ok {
		t.Fatalf("%s has no header", name)
	}
	return body
}

func TestExpiryFromTitle(t *testing.T) {
	tests := []struct {
		title string
		want  model.Date
	}{
		{"关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知", 20261231},
		{"关于印发《2024—2026年海南省农机购置与应用补贴实施方案》的通知", 20261231},
		{"农业农村部办公厅 财政部办公厅关于印发《2024—2026年农机购置与应用补贴实施意见》的通知", 20261231},
		{"关于废止《2016-2020年某市农机化发展规划》的决定", 0},
		{"2021—2025年农机化发展规划实施情况的报告", 0},
		{"关于2020-2019年度的通知", 0},
		// One year and an annual plan: the end of that year.
		{"关于印发抚顺县2022年政务公开工作要点的通知", 20221231},
		{"关于印发《某县2023年度立法工作计划》的通知", 20231231},
		{"某市人民政府办公室关于印发某市2021年重点工作任务分工方案的通知", 20211231},
		{"某县2024年民生实事工作安排", 20241231},
		{"某县2025年年度计划", 20251231},
		{"关于印发《2022年政务公开工作要点》（2023年修订）的通知", 20221231},
		// Not a whole-year plan of its own, or a kind that outlives its year.
		{"某县2022年第一季度工作要点", 0},
		{"某县2022年6月工作安排", 0},
		{"某县2022年上半年工作计划", 0},
		{"某县2022年政务公开工作要点落实情况的报告", 0},
		{"某县2022年工作总结和2023年工作计划", 0},
		{"关于废止《某县2022年政务公开工作要点》的通知", 0},
		{"关于印发某县2022年农机购置补贴实施方案的通知", 0},
		{"某县2022年就业补贴办法", 0},
		{"某县2022年政务公开工作要点解读", 0},
	}
	for _, tt := range tests {
		got := Extract("", Hint{Title: tt.title})
		if got.ExpiryDate != tt.want {
			t.Errorf("%s: expiry %s, want %s", tt.title, got.ExpiryDate, tt.want)
		}
		if tt.want != 0 && (got.ExpiryEvidence.Origin != "title" || len(got.Warnings) != 1) {
			t.Errorf("%s: evidence %+v, warnings %q", tt.title, got.ExpiryEvidence, got.Warnings)
		}
	}
}

// TestLawHeader reads real LawRefBook header blocks from laws.jsonl.
func TestLawHeader(t *testing.T) {
	tests := []struct {
		name, header string
		want         Info
	}{
		{"order of the State Council", "# 行政学院工作条例\n\n2009年12月14日 国务院第92次常务会议通过\n\n2009年12月22日 中华人民共和国国务院令第568号公布\n\n2010年1月1日 施行\n\n<!-- INFO END -->\n",
			Info{Title: "行政学院工作条例", DocNumber: "中华人民共和国国务院令第568号", Authorities: []string{"国务院"},
				PublishDate: 20091222, EffectiveDate: 20100101}},
		{"joint order, revised by a later order", "# 军人抚恤优待条例\n\n2004年8月1日 中华人民共和国国务院、中华人民共和国中央军事委员会令第413号公布\n\n2011年7月29日 《国务院、中央军事委员会关于修改〈军人抚恤优待条例〉的决定》第一次修订\u3000\n\n2019年3月2日 《国务院关于修改部分行政法规的决定》第二次修订\u3000\n\n2024年8月5日 中华人民共和国国务院、中华人民共和国中央军事委员会令第788号第三次修订）\n\n<!-- INFO END -->\n",
			Info{Title: "军人抚恤优待条例", DocNumber: "中华人民共和国国务院、中华人民共和国中央军事委员会令第788号",
				Authorities: []string{"国务院", "中央军事委员会"}, PublishDate: 20240805, Label: "2024年修订"}},
		{"autonomous county, approved by the city", "# 彭水苗族土家族自治县旅游条例\n\n2015年7月7日 彭水苗族土家族自治县第十六届人民代表大会第七次会议通过\n\n2015年7月30日 重庆市第四届人民代表大会常务委员会第十九次会议批准；2019年2月23日彭水苗族土家族自治县第十七届人民代表大会第四次会议修改，2019年3月28日重庆市第五届人民代表大会常务委员会第九次会议批准）\n\n<!-- INFO END -->\n",
			Info{Title: "彭水苗族土家族自治县旅游条例", Authorities: []string{"彭水苗族土家族自治县人民代表大会"}, PublishDate: 20190328}},
		{"effective on publication", "# 国家机关工作人员病假期间生活待遇的规定\n\n1981年4月6日 国务院发布\n\n发布之日施行\n\n<!-- INFO END -->\n",
			Info{Title: "国家机关工作人员病假期间生活待遇的规定", Authorities: []string{"国务院"}, PublishDate: 19810406,
				EffectiveDate: 19810406}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.header, Hint{})
			got.EffectiveEvidence, got.Relations, got.Warnings = model.Evidence{}, nil, nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Extract =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// A standard's cover (corpus/files/pattern类型.ofd) is titled …要求; the title is read
// from it, not made from the file name.
func TestStandardTitle(t *testing.T) {
	got := Extract("信息系统密码应用测评要求\n中国密码学会密评联委会\n二〇二〇年十二月\n", Hint{FileName: "pattern类型.ofd"})
	if got.Title != "信息系统密码应用测评要求" {
		t.Errorf("title %q", got.Title)
	}
}

// A website's information table may state the document's status (有效性：失效): it is
// kept as the source's claim, in the codes bulk files use.
func TestInformationTableStatus(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"有效性：失效", "expired"}, {"有效性： 有效", "in_force"}, {"时效性：已废止", "repealed"},
		{"效力状态：现行有效", "in_force"}, {"有效性：见正文", ""},
	} {
		info := Extract("某县人民政府关于做好稳就业工作的通知\n发文字号：某政发〔2024〕3号  "+tt.line+"\n\n各乡镇：\n本通知自印发之日起施行。", Hint{})
		if info.SourceStatus != tt.want {
			t.Errorf("%s: source status %q, want %q", tt.line, info.SourceStatus, tt.want)
		}
	}
}

// A website's information table may give the period of validity (有效期：A至B): the
// first day is the 施行日期 when nothing else gives one, the last the 有效期's end. A
// certificate's 有效期 in the text is not the document's.
func TestInformationTablePeriod(t *testing.T) {
	for _, tt := range []struct {
		line     string
		eff, exp model.Date
	}{
		{"有效期：2022-04-01至2025-03-31", 20220401, 20250331},
		{"有效期：2022年4月1日—2025年3月31日", 20220401, 20250331},
		{"有效期：2022.4.1 - 2025.3.31", 20220401, 20250331},
		{"证书有效期：2022年4月1日至2025年3月31日", 0, 0},
		{"有效期：自取得之日起三年", 0, 0},
	} {
		info := Extract("某县人民政府关于印发某县就业补贴办法的通知\n发文字号：某政发〔2022〕7号   "+tt.line+"\n\n各乡镇：\n现将办法印发给你们。\n某县人民政府\n2022年3月1日", Hint{})
		if info.EffectiveDate != tt.eff || info.ExpiryDate != tt.exp {
			t.Errorf("%s: effective %s, expiry %s; want %s, %s", tt.line, info.EffectiveDate, info.ExpiryDate, tt.eff, tt.exp)
		}
	}
}

// An amended text's 施行 clause, or its header's first line, dates the original text:
// the work was in force from then, though not this version.
func TestOriginalEffectiveDate(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		hint Hint
		want model.Date
	}{
		{"amended law keeps the original's clause", "# 中华人民共和国劳动合同法\n\n2007年6月29日 第十届全国人民代表大会常务委员会第二十八次会议通过\n\n2012年12月28日 第十一届全国人民代表大会常务委员会第三十次会议《关于修改<中华人民共和国劳动合同法>的决定》修正\n\n<!-- INFO END -->\n\n第一条 为了完善劳动合同制度，制定本法。\n\n第九十八条 本法自2008年1月1日起施行。",
			Hint{PublishDate: 20121228}, 20080101},
		{"stale header, later publication", "# 工伤保险条例\n\n2003年4月27日 中华人民共和国国务院令第375号公布\n\n<!-- INFO END -->\n\n第一条 为了保障职工，制定本条例。\n\n第六十七条 本条例自2004年1月1日起施行。",
			Hint{PublishDate: 20101220}, 20040101},
		{"effective on publication, published on the header's first line", "# 某某条例\n\n1999年1月22日 中华人民共和国国务院令第259号发布\n\n2019年3月24日 《国务院关于修改部分行政法规的决定》修订\n\n<!-- INFO END -->\n\n第一条 为了规范管理，制定本条例。\n\n第三十条 本条例自发布之日起施行。",
			Hint{PublishDate: 20190324}, 19990122},
		{"amended record without a header", "第一条 为了规范管理，制定本法。\n第八十七条 本法自2008年4月1日起施行。", Hint{PublishDate: 20181026, Amended: true}, 20080401},
		{"a notice dated back weeks is not an earlier text", "关于印发某县就业补贴办法的通知\n某政发〔2021〕5号\n第一条 为促进就业，制定本办法。\n第二条 本办法自2021年1月1日起施行。\n某县人民政府\n2021年3月1日",
			Hint{}, 0},
		{"the version's own clause", "第一条 为了规范管理，制定本办法。\n第二条 本办法自2021年1月1日起施行。", Hint{PublishDate: 20201201}, 0},
	} {
		if got := Extract(tc.text, tc.hint).OriginalEffectiveDate; got != tc.want {
			t.Errorf("%s: original effective %s, want %s", tc.name, got, tc.want)
		}
	}
}

// A draft for comment, and a proposal, state repeals that are not made.
func TestDraftsRepealNothing(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		draft      bool
	}{
		{"draft by title", "乙县农业补贴管理办法（征求意见稿）\n第二十条 本办法自2026年1月1日起施行，《乙县农业补贴办法》（乙政办发〔2021〕1号）同时废止。", true},
		{"draft by its mark", "征求意见稿\n乙县农业补贴管理办法\n第二十条 本办法自2026年1月1日起施行，《乙县农业补贴办法》（乙政办发〔2021〕1号）同时废止。", true},
		{"notice publishing a draft", "关于公开征求《乙县养老服务办法（草案）》意见的公告\n第九条 本办法自2026年3月1日起施行。《乙县养老办法》（乙政发〔2019〕2号）同时废止。", true},
		{"proposal", "乙县人民政府关于拟废止部分规范性文件的公示\n经清理，拟废止以下文件：\n1.《乙县渔业补贴办法》（乙政办发〔2021〕3号）", false},
		{"proposed in a sentence", "乙县司法局关于规范性文件清理情况的报告\n经审查，建议予以废止《乙县渔业补贴办法》（乙政办发〔2021〕3号）。", false},
	} {
		info := Extract(tc.text, Hint{PublishDate: 20251001})
		if info.Draft != tc.draft {
			t.Errorf("%s: draft %v, want %v", tc.name, info.Draft, tc.draft)
		}
		for _, r := range info.Relations {
			if r.Type == model.Repeals || r.Type == model.Lapses {
				t.Errorf("%s: %s %s recorded", tc.name, r.Type, r.Target)
			}
		}
	}
	// The decided repeal is still read.
	info := Extract("乙县农业补贴管理办法\n第二十条 本办法自2026年1月1日起施行，《乙县农业补贴办法》（乙政办发〔2021〕1号）同时废止。", Hint{PublishDate: 20251001})
	if len(info.Relations) == 0 || info.Relations[0].Type != model.Repeals || info.Draft {
		t.Errorf("a decided repeal: %+v draft %v", info.Relations, info.Draft)
	}
}

// With no formal title and a file name without one, the first line stands as the title
// (with a warning), not the file name; a 图解 so titled links to the policy it explains.
func TestFirstLineTitle(t *testing.T) {
	for _, tc := range []struct{ file, text, title, interprets string }{
		{"b7.txt", "甲县即将到期办法二\n第一条 为规范管理，制定本办法。", "甲县即将到期办法二", ""},
		{"i2.txt", "图解：甲县就业见习补贴办法\n补贴对象：离校两年内未就业高校毕业生。", "图解：甲县就业见习补贴办法", "甲县就业见习补贴办法"},
		{"x.txt", "一、废止《某办法》的原因\n该办法已不适应需要。", "", ""},
		{"a.txt", "某县人力资源和社会保障局\n图解：创业担保贷款政策\n一、贷款对象", "图解：创业担保贷款政策", "创业担保贷款"},
	} {
		info := Extract(tc.text, Hint{FileName: tc.file})
		if info.Title != tc.title || info.Interprets != tc.interprets {
			t.Errorf("%s: title %q interprets %q; want %q, %q", tc.file, info.Title, info.Interprets, tc.title, tc.interprets)
		}
		if tc.title != "" && !slices.ContainsFunc(info.Warnings, func(w string) bool { return strings.Contains(w, "标题取自正文首行") }) {
			t.Errorf("%s: no warning that the title is the first line: %v", tc.file, info.Warnings)
		}
	}
}

// An extension that names its document by a pronoun (将其有效期延长至) extends the
// documents the sentence before names.
func TestExtensionByAPronoun(t *testing.T) {
	for _, text := range []string{
		"关于延长有关文件有效期的通知\n《清溪县就业创业补贴管理办法》（清府发〔2016〕12号）将于2019年3月31日到期。经评估，现决定将其有效期延长至2020年12月31日。",
		"关于延长有关文件有效期的通知\n《清溪县就业创业补贴管理办法》（清府发〔2016〕12号）将于2019年3月31日到期。该办法有效期延长至2020年12月31日。",
	} {
		info := Extract(text, Hint{PublishDate: 20190320})
		found := false
		for _, r := range info.Relations {
			if r.Type == model.Extends && r.Target == "清溪县就业创业补贴管理办法" && r.Until == 20201231 {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: %+v", text, info.Relations)
		}
	}
	// 其他 is no pronoun for a document.
	info := Extract("关于做好有关工作的通知\n《某办法》另行规定。其他文件有效期延长至2020年12月31日。", Hint{PublishDate: 20190320})
	for _, r := range info.Relations {
		if r.Type == model.Extends {
			t.Errorf("extends %s from 其他", r.Target)
		}
	}
}

// A decree (令) that publishes rules or a regulation names the document by its
// announcement: the 《title》, the decree's number, its issuer, its date and the day the
// document takes effect.
func TestDecree(t *testing.T) {
	for _, tc := range []struct {
		text, title, number, authority string
		publish, effective             model.Date
	}{
		{"北京市人民政府令\n第312号\n《北京市某某管理办法》已经2023年11月20日市人民政府第20次常务会议审议通过，现予公布，自2024年1月1日起施行。\n市长　殷勇\n2023年12月1日\n北京市某某管理办法\n第一条 为了规范某某管理，制定本办法。",
			"北京市某某管理办法", "北京市人民政府令第312号", "北京市人民政府", 20231201, 20240101},
		{"中华人民共和国国务院令\n第777号\n《某某条例》已经2024年1月5日国务院第23次常务会议通过，现予公布，自2024年5月1日起施行。\n总理　李强\n2024年3月10日\n某某条例\n第一条 为了规范某某，制定本条例。",
			"某某条例", "中华人民共和国国务院令第777号", "国务院", 20240310, 20240501},
	} {
		info := Extract(tc.text, Hint{FileName: "ling.txt"})
		if info.Title != tc.title || info.DocNumber != tc.number || len(info.Authorities) != 1 || info.Authorities[0] != tc.authority ||
			info.PublishDate != tc.publish || info.EffectiveDate != tc.effective {
			t.Errorf("%s: got %q %q %v %s %s", tc.title, info.Title, info.DocNumber, info.Authorities, info.PublishDate, info.EffectiveDate)
		}
	}
}
