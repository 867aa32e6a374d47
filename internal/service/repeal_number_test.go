package service

import (
	"strings"
	"testing"
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
