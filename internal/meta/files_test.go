package meta

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fileCase is one real document (or excerpt of one, see testdata/README.md) and what
// must be read from it.
type fileCase struct {
	file string
	hint Hint
	want Info
	// rels lists every relation as "type→target", sorted.
	rels []string
	// warn lists substrings that must each appear in some warning.
	warn []string
	// nowarn lists substrings that no warning may contain.
	nowarn []string
}

var fileCases = []fileCase{
	{
		file: "seed.txt",
		hint: Hint{FileName: "抚县政公领发〔2022〕3号-抚顺县2022年政务公开工作要点.txt"},
		want: Info{Title: "关于印发《抚顺县2022年政务公开工作要点》的通知", DocNumber: "抚县政公领发〔2022〕3号",
			Authorities: []string{"抚顺县政务公开领导小组"}, PublishDate: 20220620, ExpiryDate: 20221231, Disclosure: model.Public},
		rels: []string{"cites→国办发〔2022〕8号", "cites→抚政办公开〔2022〕3号", "cites→辽政公领发〔2022〕1号"},
		// The 2022 work plan states no 有效期: it runs to the end of 2022.
		warn: []string{"根据标题所载年度“2022年”推定"},
	},
	{
		// The joint notice as the PDF reader gives it (lines joined), as pdftotext prints it,
		// and in pdftotext's layout mode.
		file: "hainan_joined.txt",
		hint: Hint{FileName: "海南省农机购置与应用补贴实施方案的通知.pdf"},
		want: hainanInfo,
		rels: hainanRels,
		warn: []string{"根据标题所载期间“2024-2026年”推定"},
	},
	{file: "hainan_pdftotext.txt", hint: Hint{FileName: "海南省农机购置与应用补贴实施方案的通知.pdf"}, want: hainanInfo, rels: hainanRels},
	{file: "hainan_layout.txt", hint: Hint{FileName: "海南省农机购置与应用补贴实施方案的通知.pdf"}, want: hainanInfo, rels: hainanRels},
	{
		// An OFD red-header specimen: 文件 header, number, 批复, and the 版记 printing line.
		file: "ofd_n.txt",
		want: Info{Title: "关于同意张阿三同志辞职的批复", DocNumber: "路卫发〔2011〕76号",
			Authorities: []string{"测试符路桥区卫生局"}, PublishDate: 20110310},
		rels: []string{"cites→浙人才〔1993〕73号", "cites→路中医发〔2011〕10号"},
	},
	{
		// The same document as the OFD reader gives it: the signature 测试符路桥区卫生局办公室
		// 2011年3月10日, then the 版记 on one line, its own date beside 印发.
		file: "ofd_n_extract.txt",
		want: Info{Title: "关于同意张阿三同志辞职的批复", DocNumber: "路卫发〔2011〕76号",
			Authorities: []string{"测试符路桥区卫生局"}, PublishDate: 20110310},
		rels:   []string{"cites→浙人才〔1993〕73号", "cites→路中医发〔2011〕10号"},
		nowarn: []string{"未找到成文日期"},
	},
	{
		// The scanned opinion read by OCR: the seal hides the signature date 2025年1月23日,
		// only the 版记 "农业农村部办公厅 2025年1月24日印发" is left, and a warning says so.
		file: "ocr_nongji.txt",
		hint: Hint{FileName: "关于加力推进农机购置与应用补贴“优机优补““有进有出”的意见.pdf"},
		want: Info{Title: "农业农村部办公厅关于加力推进农机购置与应用补贴“优机优补”“有进有出”的意见",
			Authorities: []string{"农业农村部办公厅"}, PublishDate: 20250124},
		warn: []string{"未找到成文日期，发布日期按版记所载印发日期2025年1月24日计"},
	},
	{
		// A title that ends with the document's own number, the only number it shows:
		// the number is the document's, not a citation of another.
		file: "ofd_approval.txt",
		want: Info{Title: "临沧市临翔区发展和改革局关于同意临翔区棚户区改造安置房建设项目的可行性研究报告的批复（临翔发改复[2018]172号）",
			DocNumber: "临翔发改复〔2018〕172号", Authorities: []string{"临沧市临翔区发展和改革局"}},
	},
	{
		// An incoming-document form whose table says 公开方式 不公开. The number and title
		// it shows are those of the document it handles: it cites the number, and its own
		// title is its heading with the handled document's title.
		file: "ofd_signout.txt",
		want: Info{Title: "XX市政府文件处理：市委主要领导同志调研后续落实事项的通知", Disclosure: model.Restricted},
		rels: []string{"cites→府办专督〔2020〕24号"},
	},
	{
		// The same form with a table row per line: 紧急程度 常规 公开方式 不公开 ….
		file: "ofd_signout_rows.txt",
		want: Info{Title: "XX市政府文件处理：市委主要领导同志调研后续落实事项的通知", Disclosure: model.Restricted},
		rels: []string{"cites→府办专督〔2020〕24号"},
	},
	{
		// A PDF whose only title is a first line reading as its file name, and whose
		// date is a release reported without its year (2月3日由新华社受权发布).
		file: "yihao_pdftotext.txt",
		hint: Hint{FileName: "2026年中央一号文件.pdf"},
		want: Info{Title: "2026年中央一号文件", PublishDate: 20260203},
		warn: []string{"发布日期2026年2月3日系根据正文“2月3日由新华社受权发布”和标题所载年份推定"},
	},
	{
		// Final accounts (部门决算): the body is named in the heading; the accounts of a year
		// gone by do not lapse with it.
		file: "budget_caizhengju.txt",
		hint: Hint{FileName: "上海市普陀区财政局2024年度部门决算.pdf"},
		want: Info{Title: "上海市普陀区财政局2024年度部门决算", Authorities: []string{"上海市普陀区财政局"}},
		warn: []string{"标题取自文件名"},
	},
	{
		// A budget (部门预算): the body from 预算主管部门 (a table of contents' 目录 run into
		// the line), and the budget lapses with its fiscal year.
		file: "budget_bangongshi.txt",
		hint: Hint{FileName: "上海市普陀区人民政府办公室25年预算.pdf"},
		want: Info{Title: "上海市普陀区人民政府办公室25年预算", Authorities: []string{"上海市普陀区人民政府办公室"}, ExpiryDate: 20251231},
		warn: []string{"标题取自文件名", "系根据预算年度“2025年”推定"},
	},
	{
		file: "law_jianchaguan.md",
		want: Info{Title: "中华人民共和国检察官法", Authorities: []string{"全国人民代表大会常务委员会"}, PublishDate: 20190423,
			EffectiveDate: 20191001, Label: "2019年修订"},
		rels: []string{"basis→中华人民共和国宪法"},
	},
	{
		// A 修正 version whose closing article keeps the 2008 date: left empty.
		file: "law_jienengyuan.md",
		hint: Hint{PublishDate: 20181026},
		want: Info{Title: "中华人民共和国节约能源法", Authorities: []string{"全国人民代表大会常务委员会"}, PublishDate: 20181026,
			Label: "2018年修正"},
		rels: []string{"amends→关于修改〈中华人民共和国野生动物保护法〉等十五部法律的决定"},
		warn: []string{"施行日期2008-04-01早于发布日期2018-10-26"},
	},
	{
		file: "law_jiaoyufei.md",
		hint: Hint{PublishDate: 20110108},
		want: Info{Title: "征收教育费附加的暂行规定", Authorities: []string{"国务院"}, PublishDate: 20050820, Label: "2005年修订"},
		rels: []string{"amends→国务院关于修改〈征收教育费附加的暂行规定〉的决定", "cites→国发〔1984〕174号"},
		warn: []string{"施行日期1986-07-01早于发布日期2011-01-08"},
	},
	{
		// Published in 2011 though its header's last line is 1993: 自发布之日起施行 is the original's.
		file: "law_shuitu.md",
		hint: Hint{PublishDate: 20110108},
		want: Info{Title: "中华人民共和国水土保持法实施条例", DocNumber: "中华人民共和国国务院令第120号",
			Authorities: []string{"国务院"}, PublishDate: 19930801},
		rels: []string{"basis→中华人民共和国水土保持法"},
		warn: []string{"可能沿用原文本的公布日期"},
	},
	{
		file: "law_guanggao.md",
		hint: Hint{PublishDate: 20210429},
		want: Info{Title: "中华人民共和国广告法", Authorities: []string{"全国人民代表大会常务委员会"}, PublishDate: 20210429,
			Label: "2021年修正"},
		rels: []string{"amends→关于修改〈中华人民共和国道路交通安全法〉等八部法律的决定"},
		warn: []string{"“2015年9月1日 施行”早于本版本的发布日期2021-04-29"},
	},
	{
		// Header 1995年1月1日 执行; the covering notice's number under the heading.
		file: "law_gongzizhifu.md",
		want: Info{Title: "工资支付暂行规定", DocNumber: "劳部发〔1994〕489号", PublishDate: 19941206, EffectiveDate: 19950101},
		rels: []string{"basis→中华人民共和国劳动法"},
	},
	{
		file: "law_minfadian_end.md",
		want: Info{Title: "中华人民共和国民法典", Authorities: []string{"全国人民代表大会"}, PublishDate: 20200528,
			EffectiveDate: 20210101},
		rels: []string{"repeals→中华人民共和国合同法", "repeals→中华人民共和国婚姻法", "repeals→中华人民共和国担保法",
			"repeals→中华人民共和国收养法", "repeals→中华人民共和国民法总则", "repeals→中华人民共和国民法通则",
			"repeals→中华人民共和国物权法", "repeals→中华人民共和国侵权责任法", "repeals→中华人民共和国继承法"},
	},
	{
		// 附件一 of the Criminal Law: 下列…予以废止： followed by a numbered list.
		file: "law_xingfa_fujian.md",
		want: Info{Title: "中华人民共和国刑法", Authorities: []string{"全国人民代表大会常务委员会"}, PublishDate: 20231229,
			Label: "2023年修正"},
		rels: []string{"amends→中华人民共和国刑法修正案（十二）",
			"repeals→中华人民共和国惩治军人违反职责罪暂行条例", "repeals→关于严惩严重危害社会治安的犯罪分子的决定",
			"repeals→关于严惩严重破坏经济的罪犯的决定", "repeals→关于处理逃跑或者重新犯罪的劳改犯和劳教人员的决定",
			"repeals→关于惩治侮辱中华人民共和国国旗国徽罪的决定", "repeals→关于惩治假冒注册商标犯罪的补充规定",
			"repeals→关于惩治劫持航空器犯罪分子的决定", "repeals→关于惩治捕杀国家重点保护的珍贵、濒危野生动物犯罪的补充规定",
			"repeals→关于惩治泄露国家秘密犯罪的补充规定", "repeals→关于惩治生产、销售伪劣商品犯罪的决定",
			"repeals→关于惩治盗掘古文化遗址古墓葬犯罪的补充规定", "repeals→关于惩治走私罪的补充规定",
			"repeals→关于惩治贪污罪贿赂罪的补充规定", "repeals→关于惩治违反公司法的犯罪的决定",
			"repeals→关于惩治侵犯著作权的犯罪的决定"},
	},
	{
		// 许可证的有效期为…, 废止医师执业证书: not the law's period, not a repeal.
		file: "law_yishi.md",
		want: Info{Title: "中华人民共和国医师法", Authorities: []string{"全国人民代表大会常务委员会"}, PublishDate: 20210820,
			EffectiveDate: 20220301},
		rels: []string{"repeals→中华人民共和国执业医师法"},
	},
	{
		// Repealed rules listed each with its own description and order number.
		file: "law_zhengbing.md",
		want: Info{Title: "北京市征兵工作条例", Authorities: []string{"北京市人民代表大会常务委员会"}, PublishDate: 20030530,
			EffectiveDate: 20030701},
		rels: []string{"basis→中华人民共和国兵役法", "basis→征兵工作条例", "cites→北京市人民政府令第14号", "cites→北京市人民政府令第15号",
			"repeals→北京市兵役登记工作规定", "repeals→北京市征兵工作目标管理责任制规定", "repeals→北京市征兵工作若干规定"},
	},
	{
		// ansvar-flk: no header, no article numbers; 自公布之日起施行 is the metadata's publish date.
		file: "ansvar_fanjiandie.txt",
		hint: Hint{Title: "中华人民共和国反间谍法", PublishDate: 20141101},
		want: Info{Title: "中华人民共和国反间谍法", EffectiveDate: 20141101},
		rels: []string{"basis→中华人民共和国宪法", "repeals→中华人民共和国国家安全法"},
	},
	{
		// 注册商标的有效期为十年 is no expiry of the Trademark Law.
		file: "law_shangbiao.txt",
		hint: Hint{Title: "中华人民共和国商标法", PublishDate: 20130830},
		want: Info{Title: "中华人民共和国商标法"},
		rels: []string{"repeals→商标管理条例"},
		warn: []string{"施行日期1983-03-01早于发布日期2013-08-30"},
	},
	{
		// Judicial interpretation with a multi-line heading, its 法释 number and four repeals.
		file: "judicial_senlin.md",
		want: Info{Title: "最高人民法院关于审理破坏森林资源刑事案件适用法律若干问题的解释", DocNumber: "法释〔2023〕8号",
			Authorities: []string{"最高人民法院"}, PublishDate: 20230619, EffectiveDate: 20230815},
		rels: []string{"basis→中华人民共和国刑事诉讼法", "basis→中华人民共和国刑法", "basis→中华人民共和国森林法",
			"cites→法复〔1993〕5号", "cites→法释〔2000〕36号", "cites→法释〔2004〕3号", "cites→法释〔2005〕15号",
			"repeals→最高人民法院关于在林木采伐许可证规定的地点以外采伐本单位或者本人所有的森林或者其他林木的行为如何适用法律问题的批复",
			"repeals→最高人民法院关于审理破坏林地资源刑事案件具体应用法律若干问题的解释",
			"repeals→最高人民法院关于审理破坏森林资源刑事案件具体应用法律若干问题的解释",
			"repeals→最高人民法院关于滥伐自己所有权的林木其林木应如何处理的问题的批复"},
	},
	{
		file: "judicial_caili.md",
		want: Info{Title: "最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定", DocNumber: "法释〔2024〕1号",
			Authorities: []string{"最高人民法院"}, PublishDate: 20231113, EffectiveDate: 20240201},
		rels: []string{"basis→中华人民共和国民事诉讼法", "basis→中华人民共和国民法典"},
	},
	{
		// A 批复 whose number sits in the header block.
		file: "judicial_pifu.md",
		want: Info{Title: "最高人民法院关于知识产权侵权诉讼中被告以原告滥用权利为由请求赔偿合理开支问题的批复",
			DocNumber: "法释〔2021〕11号", Authorities: []string{"最高人民法院"}, PublishDate: 20210531, EffectiveDate: 20210603},
		rels: []string{"cites→沪高法〔2021〕215号"},
	},
	{
		file: "judicial_xingzheng.md",
		want: Info{Title: "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释", Authorities: []string{"最高人民法院"},
			PublishDate: 20171113, EffectiveDate: 20180208},
		rels: []string{"cites→法释〔2000〕8号", "cites→法释〔2015〕9号",
			"repeals→最高人民法院关于执行〈中华人民共和国行政诉讼法〉若干问题的解释",
			"repeals→最高人民法院关于适用〈中华人民共和国行政诉讼法〉若干问题的解释"},
	},
	{
		// 通过, 公告公布, 施行 on three header lines.
		file: "judicial_xingfa8.md",
		want: Info{Title: "最高人民法院关于《中华人民共和国刑法修正案(八)》时间效力问题的解释", Authorities: []string{"最高人民法院"},
			PublishDate: 20110425, EffectiveDate: 20110501},
	},
	{
		// Amended in 2020; the closing article keeps 2018.
		file: "judicial_zhixinghejie.md",
		hint: Hint{PublishDate: 20201229},
		want: Info{Title: "最高人民法院关于执行和解若干问题的规定", Authorities: []string{"最高人民法院"}, PublishDate: 20201223},
		rels: []string{"basis→中华人民共和国民事诉讼法"},
		warn: []string{"施行日期2018-03-01早于发布日期2020-12-29"},
	},
}

var hainanInfo = Info{
	Title:       "关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知",
	Authorities: []string{"海南省农业农村厅", "海南省财政厅"},
	PublishDate: 20240701, ExpiryDate: 20261231, Disclosure: model.Public,
}

var hainanRels = []string{"basis→农业农村部办公厅 财政部办公厅关于印发《2024—2026年农机购置与应用补贴实施意见》的通知"}

func relationKeys(rs []model.Relation) []string {
	var out []string
	for _, r := range rs {
		out = append(out, string(r.Type)+"→"+r.Target)
	}
	sort.Strings(out)
	return out
}

func TestExtractFiles(t *testing.T) {
	for _, tc := range fileCases {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got := Extract(string(b), tc.hint)
			checkInfo(t, got, tc)
			checkGolden(t, tc.file, got)
		})
	}
}

func checkInfo(t *testing.T, got Info, tc fileCase) {
	t.Helper()
	w := tc.want
	if got.Title != w.Title {
		t.Errorf("Title = %q, want %q", got.Title, w.Title)
	}
	if got.DocNumber != w.DocNumber {
		t.Errorf("DocNumber = %q, want %q", got.DocNumber, w.DocNumber)
	}
	if !reflect.DeepEqual(got.Authorities, w.Authorities) {
		t.Errorf("Authorities = %q, want %q", got.Authorities, w.Authorities)
	}
	for _, d := range []struct {
		name      string
		got, want model.Date
	}{{"PublishDate", got.PublishDate, w.PublishDate}, {"EffectiveDate", got.EffectiveDate, w.EffectiveDate},
		{"ExpiryDate", got.ExpiryDate, w.ExpiryDate}} {
		if d.got != d.want {
			t.Errorf("%s = %s, want %s", d.name, d.got, d.want)
		}
	}
	if got.Label != w.Label || got.Disclosure != w.Disclosure || got.Kind != w.Kind {
		t.Errorf("Label, Disclosure, Kind = %q, %q, %q; want %q, %q, %q", got.Label, got.Disclosure, got.Kind,
			w.Label, w.Disclosure, w.Kind)
	}
	if keys := relationKeys(got.Relations); !reflect.DeepEqual(keys, sortedCopy(tc.rels)) {
		t.Errorf("relations\n got %q\nwant %q", keys, sortedCopy(tc.rels))
	}
	for _, r := range got.Relations {
		if r.Evidence == "" || r.Origin != originText {
			t.Errorf("relation %s→%s lacks evidence or origin: %+v", r.Type, r.Target, r)
		}
	}
	if got.EffectiveDate != 0 && got.EffectiveEvidence.Value == "" {
		t.Error("effective date without evidence")
	}
	if got.ExpiryDate != 0 && got.ExpiryEvidence.Value == "" {
		t.Error("expiry date without evidence")
	}
	all := strings.Join(got.Warnings, "\n")
	for _, s := range tc.warn {
		if !strings.Contains(all, s) {
			t.Errorf("no warning contains %q; warnings:\n%s", s, all)
		}
	}
	for _, s := range tc.nowarn {
		if strings.Contains(all, s) {
			t.Errorf("a warning contains %q; warnings:\n%s", s, all)
		}
	}
}

func sortedCopy(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// checkGolden compares the whole Info, evidence included, with testdata/golden;
// go test -run TestExtractFiles -update rewrites the files after a reviewed change.
func checkGolden(t *testing.T, name string, got Info) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing (run with -update): %v", err)
	}
	if string(want) != string(b) {
		t.Errorf("Info differs from %s (run with -update after checking):\n%s", path, b)
	}
}
