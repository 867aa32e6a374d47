package service

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/testcorpus"
)

func TestTitleOf(t *testing.T) {
	for in, want := range map[string]string{
		"最高人民法院关于审理劳动争议案件适用法律问题的解释（一）": "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）",
		"《最高人民法院关于适用〈公司法〉若干问题的规定(二)》":  "最高人民法院关于适用〈公司法〉若干问题的规定(二)",
		"《某市养老服务条例》（某政发〔2020〕1号）":      "某市养老服务条例",
		"（某市养老服务条例）":                   "某市养老服务条例",
		" “社会保险法” ":                    "社会保险法",
		"(一)某办法(二)":                    "(一)某办法(二)",
		"某政发〔2020〕1号":                  "",
	} {
		if got := titleOf(in); got != want {
			t.Errorf("titleOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumbersIn(t *testing.T) {
	for in, want := range map[string]string{
		"国务院令第357号": "国务院令第357号",
		"中华人民共和国公司法（国家主席令第15号）":        "国家主席令第15号",
		"国办发〔2022〕8号":                  "国办发〔2022〕8号",
		"《某办法》（某府令第3号）":                "某府令第3号",
		"最高人民法院关于审理劳动争议案件适用法律问题的解释（一）": "",
	} {
		got, _ := numbersIn(in)
		if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("numbersIn(%q) = %q, want %q", in, got, want)
		}
	}
	if got := titleOf("中华人民共和国公司法（国家主席令第15号）"); got != "中华人民共和国公司法" {
		t.Errorf("title %q", got)
	}
}

// A number is found however its brackets and spaces are written, both in the stored
// record (a source that wrote 法释﹝2022﹞9号) and in the line checked.
func TestCheckNumberWrittenForms(t *testing.T) {
	idx := buildJSONL(t, `{"id":"n1","title":"最高人民法院关于审理某类案件适用法律若干问题的解释","doc_number":"法释﹝2022﹞9号","publish_date":"2022-03-01","text":"第一条 为正确审理案件，制定本解释。"}
{"id":"n2","title":"最高人民法院关于审理另一类案件适用法律若干问题的解释","doc_number":"法释〔2023〕1号","publish_date":"2023-01-01","text":"第一条 为正确审理案件，制定本解释。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := map[string]string{
		"法释〔2022〕9号":     "n1",
		"法释﹝2022﹞9号":     "n1",
		"法释﹙2022﹚09号":    "n1",
		"法释〖2022〗9号":     "n1",
		"法释〘2022〙9号":     "n1",
		"法 释〔2022〕9号":    "n1",
		" 法释 〔2022〕 9 号": "n1",
		"法 释﹝2023﹞1号":    "n2",
	}
	var in []string
	for k := range items {
		in = append(in, k)
	}
	rs, err := st.Validity(in, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		want := items[r.Input]
		if r.WorkID == nil || r.MatchedBy == nil || *r.MatchedBy != "doc_number" {
			t.Errorf("%q: not matched by number: %s", r.Input, r.StatusReason)
			continue
		}
		if w, _ := st.Catalog.Work(*r.WorkID); w == nil || w.VersionIDs[0] != want {
			t.Errorf("%q matched work %s, want the one of %s", r.Input, *r.WorkID, want)
		}
		if *r.DocNumber != map[string]string{"n1": "法释〔2022〕9号", "n2": "法释〔2023〕1号"}[want] {
			t.Errorf("%q: doc_number %q", r.Input, *r.DocNumber)
		}
	}
}

// A real OFD file whose title ends with its own number (its only one) is found by that
// title, by the title without the number, and by the number.
func TestCheckTitleCarryingItsNumber(t *testing.T) {
	src := testcorpus.File(t, "testImageOverridePage.ofd")
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "lib"), filepath.Join(dir, "idx")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "testImageOverridePage.ofd"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, lib, idx)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	const title = "临沧市临翔区发展和改革局关于同意临翔区棚户区改造安置房建设项目的可行性研究报告的批复"
	items := map[string]string{
		title + "（临翔发改复[2018]172号）": "doc_number",
		"临翔发改复〔2018〕172号":           "doc_number",
		title:                       "title",
		"《" + title + "》":           "title",
	}
	var in []string
	for k := range items {
		in = append(in, k)
	}
	rs, err := st.Validity(in, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.MatchedBy == nil || *r.MatchedBy != items[r.Input] {
			t.Errorf("%q: matched by %v, want %s (%s)", r.Input, r.MatchedBy, items[r.Input], r.StatusReason)
			continue
		}
		if *r.Title != title+"（临翔发改复[2018]172号）" || *r.DocNumber != "临翔发改复〔2018〕172号" {
			t.Errorf("%q: title %q, doc_number %q", r.Input, *r.Title, *r.DocNumber)
		}
	}
}

// Lines pasted from a numbered list or a spreadsheet are found: a list number before the
// title, punctuation after it, a title and its number in two columns.
func TestCheckPastedListLines(t *testing.T) {
	idx := buildJSONL(t, `{"id":"p1","title":"中华人民共和国公司法","publish_date":"2018-10-26","text":"第一条 公司。"}
{"id":"p2","title":"最高人民法院关于审理某类案件适用法律若干问题的解释","doc_number":"法释〔2023〕7号","publish_date":"2023-08-08","text":"第一条 为正确审理案件，制定本解释。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := map[string][2]string{
		"公司法。": {"p1", "title"},
		"《中华人民共和国公司法》；": {"p1", "title"},
		"公司法,":            {"p1", "title"},
		"1.公司法":           {"p1", "title"},
		"2、公司法":           {"p1", "title"},
		"（3）《公司法》":        {"p1", "title"},
		"十二、公司法":          {"p1", "title"},
		"公司法\t法释〔2023〕7号": {"p2", "doc_number"},
		"某解释 法释〔2023〕7号":  {"p2", "doc_number"},
		"法 释〔2023〕7号":     {"p2", "doc_number"},
		"1. 法释〔2023〕7号；":  {"p2", "doc_number"},
		"法释2023年7号":       {"p2", "doc_number"},
		"《中華人民共和國公司法》":    {"p1", "title"},
		"法釋〔2023〕7號":      {"p2", "doc_number"},
		"法释2023 7号":       {"p2", "doc_number"},
	}
	checkMatches(t, st, items)
}

// A document the library does not hold, whose repeal a document in it states (the
// 婚姻法, repealed by the 民法典), is checked as 已废止 from that date with the sentence,
// not "not found"; before that date, and for the public when only a restricted document
// says so, it stays not found.
func TestCheckDocumentRepealedOutsideLibrary(t *testing.T) {
	idx := buildJSONL(t, `{"id":"m1","title":"中华人民共和国民法典","publish_date":"2020-05-28","text":"第一条 为了保护民事主体的合法权益，制定本法。\n第一千二百六十条 本法自2021年1月1日起施行。《中华人民共和国婚姻法》、《中华人民共和国合同法》同时废止。"}
{"id":"r1","title":"某市政府关于清理文件的决定","doc_number":"某政发〔2015〕3号","publish_date":"2015-01-01","text":"第一条 清理。","relations":[{"type":"repeals","target":"某政发〔2010〕1号","date":"2015-01-01"}]}
{"id":"x1","title":"某市内部管理规定","publish_date":"2016-01-01","disclosure":"restricted","text":"第一条 内部。","relations":[{"type":"repeals","target":"某市内部旧规定","date":"2016-01-01"}]}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	check := func(item string, d model.Date, who Viewer) ValidityResult {
		t.Helper()
		rs, err := st.Validity([]string{item}, d, who)
		if err != nil {
			t.Fatal(err)
		}
		return rs[0]
	}
	for _, tt := range []struct {
		item   string
		asof   model.Date
		staff  bool
		status string // "" = not found
		by     string
		reason string
	}{
		{"婚姻法", 20261127, false, "已废止", "title", "自2021年1月1日起被《中华人民共和国民法典》废止（依据：“"},
		{"《中华人民共和国合同法》", 20210101, false, "已废止", "title", "民法典"},
		{"婚姻法", 20201231, false, "", "", ""},
		{"某政发[2010]1号", 20261127, false, "已废止", "doc_number", "《某市政府关于清理文件的决定》（某政发〔2015〕3号）废止"},
		{"某政发〔2010〕1号", 20141231, false, "", "", ""},
		{"某市内部旧规定", 20261127, false, "", "", ""},
		{"某市内部旧规定", 20261127, true, "已废止", "title", "某市内部管理规定"},
		{"物权法", 20261127, false, "", "", ""},
	} {
		r := check(tt.item, tt.asof, Viewer{Staff: tt.staff})
		got := ""
		if r.Status != nil {
			got = *r.Status
		}
		if got != tt.status {
			t.Errorf("%s at %s (staff %v): status %q (%s), want %q", tt.item, tt.asof, tt.staff, got, r.StatusReason, tt.status)
			continue
		}
		if tt.status == "" {
			if r.MatchedBy != nil {
				t.Errorf("%s: matched by %s though nothing was found", tt.item, *r.MatchedBy)
			}
			continue
		}
		if r.MatchedBy == nil || *r.MatchedBy != tt.by || r.WorkID != nil {
			t.Errorf("%s: matched_by %v work %v, want %s and no work", tt.item, r.MatchedBy, r.WorkID, tt.by)
		}
		if !strings.Contains(r.StatusReason, tt.reason) || !strings.Contains(r.StatusReason, "本库未收录") {
			t.Errorf("%s: reason %q lacks %q", tt.item, r.StatusReason, tt.reason)
		}
	}
}

// A number is found by doc_number whatever a pasted list puts around it (1. 一、 （一）,
// quotes, trailing punctuation), in each form the check reads when it stands alone: no
// brackets (沪府规2017年36号), no 号, an ideographic space inside, 国务院第285号令, a
// 公告 of a year, an order of a body with a long name, a Chinese numeral.
func TestCheckNumberInListLine(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a","title":"上海市就业补贴管理办法","doc_number":"沪府规〔2017〕36号","publish_date":"2017-03-01","text":"第一条 为规范就业补贴，制定本办法。"}
{"id":"b","title":"某市临时救助办法","doc_number":"某政办发〔2015〕27号","publish_date":"2015-03-01","text":"第一条 为规范临时救助，制定本办法。"}
{"id":"c","title":"国家税务总局关于研发费用加计扣除有关事项的公告","doc_number":"国家税务总局公告2022年第12号","publish_date":"2022-06-01","text":"现将有关事项公告如下。"}
{"id":"d","title":"就业服务与就业管理规定","doc_number":"中华人民共和国人力资源社会保障部令第129号","publish_date":"2012-01-01","text":"第一条 为了规范就业服务，制定本规定。"}
{"id":"e","title":"工伤保险条例","doc_number":"国务院令第786号","publish_date":"2020-01-01","text":"第一条 为了保障工伤职工，制定本条例。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := map[string]string{
		"一、沪府规〔2017〕36号":        "a",
		"十二、沪府规〔2017〕36号。":      "a",
		"“沪府规2017年36号”":         "a",
		"1. 沪府规2017年36号；":       "a",
		"(3)沪府规〔2017〕36":        "a",
		"2、某政办发〔2015〕\u300027号": "b",
		"（一）某政办发〔2015〕27号":      "b",
		"“国家税务总局公告2022年第12号”":   "c",
		"（一）国家税务总局公告2022年第12号":  "c",
		"《国家税务总局关于研发费用加计扣除有关事项的公告》（国家税务总局公告2022年第12号）": "c",
		"研发费用加计扣除公告 国家税务总局公告2022年第12号":                 "c",
		"1. 中华人民共和国人力资源社会保障部令第129号":                    "d",
		"1. 国务院第786号令":   "e",
		"十二、国务院令第七百八十六号": "e",
	}
	var in []string
	for k := range items {
		in = append(in, k)
	}
	rs, err := st.Validity(in, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		want := items[r.Input]
		if r.WorkID == nil || r.MatchedBy == nil || *r.MatchedBy != "doc_number" {
			t.Errorf("%q: not matched by number: %s", r.Input, r.StatusReason)
			continue
		}
		if w, _ := st.Catalog.Work(*r.WorkID); w == nil || w.VersionIDs[0] != want {
			t.Errorf("%q matched work %s, want the one of %s", r.Input, *r.WorkID, want)
		}
	}
}

// A title numbered as an item of a list's second level, （一） to （十二）, is found; a
// title's own （一） at its end stays part of it.
func TestCheckTitleInListItem(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a","title":"某市养老服务条例","publish_date":"2019-01-01","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"b","title":"最高人民法院关于审理劳动争议案件适用法律问题的解释（一）","publish_date":"2020-12-29","text":"第一条 为正确审理劳动争议案件，制定本解释。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := map[string]string{
		"（一）某市养老服务条例":    "a",
		"(二)《某市养老服务条例》；": "a",
		"（十二） 某市养老服务条例":  "a",
		"（三）最高人民法院关于审理劳动争议案件适用法律问题的解释（一）": "b",
	}
	var in []string
	for k := range items {
		in = append(in, k)
	}
	in = append(in, "（二）最高人民法院关于审理劳动争议案件适用法律问题的解释")
	rs, err := st.Validity(in, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		want, ok := items[r.Input]
		if !ok {
			if r.MatchedBy != nil {
				t.Errorf("%q: matched %v by %s, want nothing", r.Input, *r.WorkID, *r.MatchedBy)
			}
			continue
		}
		if r.WorkID == nil || r.MatchedBy == nil || *r.MatchedBy != "title" {
			t.Errorf("%q: not matched by title: %s", r.Input, r.StatusReason)
			continue
		}
		if w, _ := st.Catalog.Work(*r.WorkID); w == nil || w.VersionIDs[0] != want {
			t.Errorf("%q matched work %s, want the one of %s", r.Input, *r.WorkID, want)
		}
	}
}

// A number a title cites (关于转发《X》（国办发〔2022〕8号）的通知, 关于贯彻落实国办发〔2022〕8号
// 文件的实施意见) is another document's: the line names the document of the title, and
// when the library does not hold that one, nothing — never the cited document, whose
// status is not the line's. The line's own number stands alone, at its start or end,
// or in a column of its own.
func TestCheckNumberCitedInTitle(t *testing.T) {
	idx := buildJSONL(t, `{"id":"n","title":"国务院办公厅关于进一步做好稳就业工作的意见","doc_number":"国办发〔2022〕8号","authority":"国务院办公厅","publish_date":"2022-03-01","text":"一、稳就业。"}
{"id":"f","title":"北京市人民政府办公厅关于转发《国务院办公厅关于进一步做好稳就业工作的意见》（国办发〔2022〕8号）的通知","doc_number":"京政办发〔2022〕3号","authority":"北京市人民政府办公厅","publish_date":"2022-04-01","text":"现将文件转发给你们。"}
{"id":"g","title":"北京市人民政府关于贯彻落实国办发〔2022〕8号文件的实施意见","doc_number":"京政发〔2022〕9号","authority":"北京市人民政府","publish_date":"2022-05-01","text":"一、贯彻落实。"}
{"id":"r","title":"国务院办公厅关于废止部分文件的决定","doc_number":"国办发〔2023〕1号","authority":"国务院办公厅","publish_date":"2023-01-01","text":"一、国办发〔2015〕3号同时废止。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := map[string][2]string{
		"北京市人民政府办公厅关于转发《国务院办公厅关于进一步做好稳就业工作的意见》（国办发〔2022〕8号）的通知":                 {"f", "title"},
		"《北京市人民政府办公厅关于转发《国务院办公厅关于进一步做好稳就业工作的意见》（国办发〔2022〕8号）的通知》（京政办发〔2022〕3号）": {"f", "doc_number"},
		"北京市人民政府关于贯彻落实国办发〔2022〕8号文件的实施意见":                                       {"g", "title"},
		"北京市人民政府关于贯彻落实国办发〔2022〕8号文件的实施意见 京政发〔2022〕9号":                           {"g", "doc_number"},
		"国办发〔2022〕8号文件": {"n", "doc_number"},
		"《国务院办公厅关于进一步做好稳就业工作的意见》（国办发〔2022〕8号）":              {"n", "doc_number"},
		"1\t国务院办公厅关于进一步做好稳就业工作的意见\t国办发〔2022〕8号\t2022-03-01": {"n", "doc_number"},
		// Documents the library does not hold, citing one it holds or one whose repeal it states.
		"上海市人民政府关于贯彻落实国办发〔2022〕8号文件的实施意见":                       {"", ""},
		"上海市人民政府办公厅关于转发《国务院办公厅关于进一步做好稳就业工作的意见》（国办发〔2022〕8号）的通知": {"", ""},
		"某县人民政府关于贯彻落实国办发〔2015〕3号文件的通知":                          {"", ""},
	}
	checkMatches(t, st, items)
}

// Titles that differ only in the number they cite are different documents: each is
// found as written, not the one published last with the other as a candidate.
func TestCheckTitlesDifferingInCitedNumber(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a","title":"上海市人民政府办公厅关于贯彻落实财税〔2016〕25号文件的实施意见","doc_number":"沪府办规〔2016〕8号","publish_date":"2016-05-01","text":"一、贯彻落实。"}
{"id":"b","title":"上海市人民政府办公厅关于贯彻落实财税〔2025〕51号文件的实施意见","doc_number":"沪府办规〔2025〕8号","publish_date":"2025-08-02","text":"一、贯彻落实。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := map[string]string{
		"上海市人民政府办公厅关于贯彻落实财税〔2016〕25号文件的实施意见":                  "a",
		"《上海市人民政府办公厅关于贯彻落实财税[2016]25号文件的实施意见》；":               "a",
		"1. 上海市人民政府办公厅关于贯彻落实财税〔2025〕51号文件的实施意见":               "b",
		"上海市人民政府辦公廳關於貫徹落實財稅〔2025〕51號文件的實施意見":                  "b",
		"《上海市人民政府办公厅关于贯彻落实财税〔2016〕25号文件的实施意见》（沪府办规〔2016〕17号）": "a",
		"上海市人民政府办公厅关于贯彻落实财税〔2025〕51号文件的实施意见 沪府办规〔2027〕8号":     "b",
		// Citing a number neither cites: another document.
		"上海市人民政府办公厅关于贯彻落实财税〔2017〕3号文件的实施意见":                 "",
		"《上海市人民政府办公厅关于贯彻落实财税〔2017〕3号文件的实施意见》（沪府办规〔2017〕9号）": "",
	}
	var in []string
	for k := range items {
		in = append(in, k)
	}
	rs, err := st.Validity(in, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		want := items[r.Input]
		if want == "" {
			if r.MatchedBy != nil {
				t.Errorf("%q: matched %s by %s, want nothing", r.Input, *r.WorkID, *r.MatchedBy)
			}
			continue
		}
		if r.WorkID == nil || r.MatchedBy == nil || *r.MatchedBy != "title" {
			t.Errorf("%q: not matched by title: %s", r.Input, r.StatusReason)
			continue
		}
		if w, _ := st.Catalog.Work(*r.WorkID); w == nil || w.VersionIDs[0] != want || r.Candidates != 0 {
			t.Errorf("%q matched work %s (%d other candidates), want the one of %s alone", r.Input, *r.WorkID, r.Candidates, want)
		}
	}
}

// A line with a title and a number the library does not have: the number is looked up
// first, as a document whose repeal the library states (an earlier document of the
// same title, replaced); failing that, the title finds its document, and the answer
// says that the number given is not that document's.
func TestCheckTitleWithNumberNotInLibrary(t *testing.T) {
	idx := buildJSONL(t, `{"id":"w","title":"乙县临时救助办法","doc_number":"乙政办发〔2018〕15号","publish_date":"2018-04-15","text":"第一条 为规范临时救助，制定本办法。","relations":[{"type":"repeals","target":"乙政办发〔2015〕18号","date":"2018-04-15"}]}
{"id":"c","title":"中华人民共和国公司法","doc_number":"中华人民共和国主席令第15号","publish_date":"2018-10-26","text":"第一条 公司。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for _, tt := range []struct {
		item, status, by, reason string
		work                     bool
	}{
		{"《乙县临时救助办法》（乙政办发〔2015〕18号）", "已废止", "doc_number", "本库未收录", false},
		{"乙县临时救助办法 乙政办发〔2015〕18号", "已废止", "doc_number", "本库未收录", false},
		{"《乙县临时救助办法》（乙政办发〔2015〕19号）", "现行有效", "title", "乙政办发〔2015〕19号", true},
		{"中华人民共和国公司法 法释〔2017〕9号", "现行有效", "title", "法释〔2017〕9号", true},
		{"公司法\t主席令第16号", "现行有效", "title", "主席令第16号", true},
	} {
		rs, err := st.Validity([]string{tt.item}, 20261127, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		r := rs[0]
		if r.Status == nil || *r.Status != tt.status || r.MatchedBy == nil || *r.MatchedBy != tt.by || (r.WorkID != nil) != tt.work {
			t.Errorf("%q: status %v matched_by %v work %v (%s), want %s by %s", tt.item, r.Status, r.MatchedBy, r.WorkID, r.StatusReason, tt.status, tt.by)
			continue
		}
		if !strings.Contains(r.StatusReason, tt.reason) {
			t.Errorf("%q: reason %q does not mention %s", tt.item, r.StatusReason, tt.reason)
		}
	}
}

// 国家主席令第15号 is how staff and the press often write the 中华人民共和国主席令: it finds
// the law by its number, and a repeal stated of the order finds it written either way.
func TestCheckPresidentialOrderWrittenAsState(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a","title":"中华人民共和国公司法","doc_number":"中华人民共和国主席令第15号","publish_date":"2018-10-26","text":"第一条 公司。"}
{"id":"b","title":"中华人民共和国某某法","doc_number":"主席令第21号","publish_date":"2019-01-01","text":"第一条 某某。","relations":[{"type":"repeals","target":"国家主席令第20号","date":"2019-01-01"}]}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for in, want := range map[string]string{
		"国家主席令第15号":      "a",
		"国家主席令第十五号":      "a",
		"1. 国家主席令第15号":   "a",
		"公司法（国家主席令第15号）": "a",
		"国家主席令第21号":      "b",
		"主席令第20号":        "",
		"国家主席令第16号":      "-",
	} {
		rs, err := st.Validity([]string{in}, 20261127, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		r := rs[0]
		switch {
		case want == "-":
			if r.MatchedBy != nil {
				t.Errorf("%q: matched by %s, want nothing", in, *r.MatchedBy)
			}
		case want == "":
			if r.Status == nil || *r.Status != "已废止" || r.WorkID != nil {
				t.Errorf("%q: status %v work %v (%s), want 已废止 outside the library", in, r.Status, r.WorkID, r.StatusReason)
			}
		case r.WorkID == nil || r.MatchedBy == nil || *r.MatchedBy != "doc_number":
			t.Errorf("%q: not matched by number: %s", in, r.StatusReason)
		default:
			if w, _ := st.Catalog.Work(*r.WorkID); w == nil || w.VersionIDs[0] != want {
				t.Errorf("%q matched work %s, want the one of %s", in, *r.WorkID, want)
			}
		}
	}
}

// A title ending with the number of the document it forwards (…关于转发X的通知（国函
// 〔2023〕1号）) is the forwarding notice, not X: a number whose document's title the
// line's title quotes in a longer title is that document's. A notice issuing X
// (关于印发《X》的通知) shares X's number.
func TestCheckTitleEndingWithQuotedNumber(t *testing.T) {
	idx := buildJSONL(t, `{"id":"n","title":"国务院关于做好养老服务补贴工作的意见","doc_number":"国函〔2023〕1号","authority":"国务院","publish_date":"2023-05-08","text":"一、做好补贴工作。"}
{"id":"f","title":"上海市人民政府办公厅关于转发国务院关于做好养老服务补贴工作的意见的通知（国函〔2023〕1号）","doc_number":"沪府办规〔2023〕9号","authority":"上海市人民政府办公厅","publish_date":"2023-06-01","text":"现转发给你们。"}
{"id":"g","title":"广东省人民政府办公厅关于转发《国务院关于做好养老服务补贴工作的意见》的通知","doc_number":"粤府办〔2023〕3号","authority":"广东省人民政府办公厅","publish_date":"2023-06-02","text":"现转发给你们。"}
{"id":"b","title":"北京市就业补贴管理办法","doc_number":"京政发〔2019〕12号","authority":"北京市人民政府","publish_date":"2019-03-01","text":"第一条 为规范就业补贴，制定本办法。"}
{"id":"x","title":"北京市养老服务补贴办法","doc_number":"京政发〔2021〕5号","authority":"北京市人民政府","publish_date":"2021-06-01","text":"第一条 为规范养老服务补贴，制定本办法。"}
{"id":"h","title":"上海市人民政府办公厅关于转发《国务院关于做好养老服务补贴工作的意见》（国函〔2023〕1号）的通知","doc_number":"沪府办规〔2024〕2号","authority":"上海市人民政府办公厅","publish_date":"2024-01-01","text":"现再次转发给你们。"}
{"id":"c","title":"中华人民共和国公司法","doc_number":"中华人民共和国主席令第15号","publish_date":"2018-10-26","text":"第一条 公司。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := map[string][2]string{
		"上海市人民政府办公厅关于转发国务院关于做好养老服务补贴工作的意见的通知（国函〔2023〕1号）":       {"f", "title"},
		"1. 《上海市人民政府办公厅关于转发国务院关于做好养老服务补贴工作的意见的通知（国函[2023]1号）》；": {"f", "title"},
		"广东省人民政府办公厅关于转发国务院关于做好养老服务补贴工作的意见的通知（国函〔2023〕1号）":       {"g", "title"},
		"《国务院关于做好养老服务补贴工作的意见》（国函〔2023〕1号）":                      {"n", "doc_number"},
		"北京市人民政府关于印发《北京市养老服务补贴办法》的通知（京政发〔2021〕5号）":              {"x", "doc_number"},
		"中华人民共和国公司法 主席令第15号":                                    {"c", "doc_number"},
		"1\t中华人民共和国公司法\t主席令第15号\t2018-10-26":                    {"c", "doc_number"},
		"公司法实施细则（主席令第15号）":                                      {"", ""},
		// Not in the library: a forwarding notice, a 实施细则 given the 办法's number.
		"浙江省人民政府办公厅关于转发国务院关于做好养老服务补贴工作的意见的通知（国函〔2023〕1号）": {"", ""},
		"北京市就业补贴管理办法实施细则（京政发〔2019〕12号）":                   {"", ""},
	}
	for _, r := range checkMatches(t, st, items) {
		if r.MatchedBy != nil && strings.Contains(r.StatusReason, "库中未找到所填文号") {
			t.Errorf("%q: reason %q says its number is not in the library", r.Input, r.StatusReason)
		}
	}
}

// checkMatches checks each pasted line of items as of 2026-11-27: it must match the
// work of the record id given, by the way given (doc_number or title), or match
// nothing when the id is "". It returns the results.
func checkMatches(t *testing.T, st *State, items map[string][2]string) []ValidityResult {
	t.Helper()
	var in []string
	for k := range items {
		in = append(in, k)
	}
	rs, err := st.Validity(in, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		want := items[r.Input]
		if want[0] == "" {
			if r.MatchedBy != nil || r.Status != nil {
				t.Errorf("%q: matched %v by %v (%s), want nothing", r.Input, deref(r.WorkID), deref(r.MatchedBy), r.StatusReason)
			}
			continue
		}
		if r.WorkID == nil || r.MatchedBy == nil || *r.MatchedBy != want[1] {
			t.Errorf("%q: %v by %v (%s), want %s by %s", r.Input, deref(r.WorkID), deref(r.MatchedBy), r.StatusReason, want[0], want[1])
			continue
		}
		if w, _ := st.Catalog.Work(*r.WorkID); w == nil || w.VersionIDs[0] != want[0] {
			t.Errorf("%q matched work %s, want the one of %s", r.Input, *r.WorkID, want[0])
		}
	}
	return rs
}

func deref(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}
