package service

import (
	"slices"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

// A repeal that names a document by a title the library does not hold it under, with
// its number (《某县就业补贴办法》（某政发〔2015〕3号）同时废止), repeals the document of that
// number: it must not stay 现行有效. A document the library does not hold, repealed by
// title and number, is found as repealed by either.
func TestRepealNamingTheNumberBesideAnotherTitle(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a1","version_of":"old","title":"某县城乡居民就业补贴实施办法","doc_number":"某政发〔2015〕3号","level":"行政规范性文件","publish_date":"2015-03-01","text":"第一条 为促进就业，制定本办法。\n第二条 本办法自2015年3月1日起施行。"}
{"id":"b1","version_of":"new","title":"某县就业补贴管理办法","doc_number":"某政发〔2021〕5号","level":"行政规范性文件","publish_date":"2021-03-01","text":"第一条 为促进就业，制定本办法。\n第二条 本办法自2021年3月1日起施行，《某县就业补贴办法》（某政发〔2015〕3号）、《某县见习补贴办法》（某政办发〔2016〕9号）同时废止。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	w, err := st.Work("old", 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if w.Status != "已废止" || !strings.Contains(w.StatusReason, "某县就业补贴管理办法") {
		t.Errorf("old: %s %s; want 已废止 by 某县就业补贴管理办法", w.Status, w.StatusReason)
	}
	if w, _ := st.Work("old", 20210228, Viewer{}); w.Status != "现行有效" {
		t.Errorf("old the day before the repeal: %s", w.Status)
	}
	rs, err := st.Validity([]string{"某政发〔2015〕3号", "某政办发〔2016〕9号", "某县见习补贴办法"}, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Status == nil || *r.Status != "已废止" {
			t.Errorf("%s: %v %s; want 已废止", r.Input, r.Status, r.StatusReason)
		}
	}
}

// A clean-up notice repeals and declares lapsed the documents listed in its annex
// tables, from the day it takes effect; the documents it keeps stay in force.
func TestCleanUpNoticeTables(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a1","version_of":"jiuye","title":"某县城乡居民就业补贴实施办法","doc_number":"某政发〔2015〕3号","level":"行政规范性文件","publish_date":"2015-03-01","text":"第一条 为促进就业，制定本办法。"}
{"id":"b1","version_of":"jianxi","title":"某县见习补贴办法","doc_number":"某政办发〔2016〕9号","level":"行政规范性文件","publish_date":"2016-03-01","text":"第一条 为促进见习，制定本办法。"}
{"id":"c1","version_of":"chungeng","title":"某县2019年春耕生产工作方案","doc_number":"某政办发〔2019〕2号","level":"行政规范性文件","publish_date":"2019-02-01","text":"一、为做好春耕生产，制定本方案。"}
{"id":"d1","version_of":"yanglao","title":"某县养老服务补贴办法","doc_number":"某政发〔2017〕11号","level":"行政规范性文件","publish_date":"2017-05-01","text":"第一条 为发展养老服务，制定本办法。"}
{"id":"q1","version_of":"qingli","title":"某县人民政府关于公布规范性文件清理结果的通知","doc_number":"某政发〔2022〕9号","level":"行政规范性文件","publish_date":"2022-03-01","text":"经清理，县政府决定废止2件规范性文件，宣布失效1件规范性文件，继续有效1件。本通知自2022年4月1日起施行。\n\n附件1\n\n决定废止的规范性文件目录\n\n序号\t文件名称\t文号\n1\t某县城乡居民就业补贴实施办法\t某政发〔2015〕3号\n2\t某县见习补贴办法\t某政办发〔2016〕9号\n\n附件2\n\n宣布失效的规范性文件目录\n\n1\t某县2019年春耕生产工作方案\t某政办发〔2019〕2号\n\n附件3\n\n继续有效的规范性文件目录\n\n1\t某县养老服务补贴办法\t某政发〔2017〕11号"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for work, want := range map[string]string{"jiuye": "已废止", "jianxi": "已废止", "chungeng": "已失效", "yanglao": "现行有效"} {
		for d, w := range map[int]string{20220331: "现行有效", 20220401: want} {
			v, err := st.Work(work, model.Date(d), Viewer{})
			if err != nil {
				t.Fatal(err)
			}
			if v.Status != w {
				t.Errorf("%s on %d: %s (%s), want %s", work, d, v.Status, v.StatusReason, w)
			}
		}
	}
}

// A repeal whose title and number name two documents of the library is applied by the
// title, and the stating document carries a warning for staff naming both.
func TestRepealWhoseTitleAndNumberDisagree(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a1","version_of":"a","title":"某县就业补贴办法","doc_number":"某政发〔2015〕3号","level":"行政规范性文件","publish_date":"2015-03-01","text":"第一条 为促进就业，制定本办法。"}
{"id":"b1","version_of":"b","title":"某县见习补贴办法","doc_number":"某政发〔2016〕4号","level":"行政规范性文件","publish_date":"2016-03-01","text":"第一条 为促进见习，制定本办法。"}
{"id":"c1","version_of":"c","title":"某县就业见习补贴管理办法","doc_number":"某政发〔2021〕5号","level":"行政规范性文件","publish_date":"2021-03-01","text":"第一条 为促进就业，制定本办法。\n第二条 本办法自2021年3月1日起施行，《某县就业补贴办法》（某政发〔2016〕4号）同时废止。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for work, want := range map[string]string{"a": "已废止", "b": "现行有效"} {
		if w, _ := st.Work(work, 20261127, Viewer{}); w.Status != want {
			t.Errorf("%s: %s, want %s", work, w.Status, want)
		}
	}
	staff, _ := st.Work("c", 20261127, Viewer{Staff: true})
	if !slices.ContainsFunc(staff.Warnings, func(s string) bool {
		return strings.Contains(s, "《某县就业补贴办法》与文号某政发〔2016〕4号分别对应库中两个文件")
	}) {
		t.Errorf("staff warnings %q: none names the two documents", staff.Warnings)
	}
	if public, _ := st.Work("c", 20261127, Viewer{}); len(public.Warnings) > 0 {
		t.Errorf("the public sees warnings %q", public.Warnings)
	}
}

// An extension by a term (有效期延长2年) ends the 有效期 that much after it ended; the
// document stays in force to the new end and lapses after it.
func TestExtensionByATerm(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a1","version_of":"jiuye","title":"某县就业补贴办法","doc_number":"某政发〔2018〕2号","level":"行政规范性文件","publish_date":"2018-12-01","text":"第一条 为促进就业，制定本办法。\n第二十条 本办法自2019年1月1日起施行，有效期5年。"}
{"id":"b1","version_of":"yanqi","title":"某县人民政府关于延长部分规范性文件有效期的通知","doc_number":"某政发〔2023〕20号","level":"行政规范性文件","publish_date":"2023-12-01","text":"经评估，决定将《某县就业补贴办法》（某政发〔2018〕2号）有效期延长2年。\n本通知自印发之日起施行。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for d, want := range map[model.Date]string{20231231: "现行有效", 20240101: "现行有效", 20251231: "现行有效", 20260101: "已失效"} {
		w, err := st.Work("jiuye", d, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		if w.Status != want {
			t.Errorf("%s: %s %s; want %s", d, w.Status, w.StatusReason, want)
		}
		if d == 20260101 && !strings.Contains(w.StatusReason, "2025年12月31日") {
			t.Errorf("%s: reason %s names no new end", d, w.StatusReason)
		}
	}
}
