package service

import (
	"strings"
	"testing"
)

// A line whose number and title name two different documents of the library is
// answered by the number, with a note naming the document the title names and its
// status: staff who mistyped either must not read one document's status as the
// other's without being told. A title that names the number's document — in full,
// short, as the notice issuing it, or as its former title — draws no note, nor does
// a restricted document the public may not see.
func TestCheckWarnsWhenTitleAndNumberNameDifferentDocuments(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a1","version_of":"jiuye","title":"某市就业补贴办法","doc_number":"某政发〔2020〕3号","level":"行政规范性文件","publish_date":"2020-01-01","expiry_date":"2022-12-31","text":"第一条 为促进就业，制定本办法。"}
{"id":"b1","version_of":"yanglao","title":"某市养老服务补贴办法","doc_number":"某政发〔2021〕7号","level":"行政规范性文件","publish_date":"2021-01-01","text":"第一条 为发展养老服务，制定本办法。"}
{"id":"c1","version_of":"neibu","title":"某市内部管理办法","doc_number":"某政办发〔2021〕9号","level":"行政规范性文件","publish_date":"2021-01-01","disclosure":"restricted","text":"第一条 内部事项。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for _, c := range []struct {
		in, work, note string
	}{
		{"《某市养老服务补贴办法》（某政发〔2020〕3号）", "jiuye", "所填标题对应库中另一文件《某市养老服务补贴办法》（某政发〔2021〕7号），其状态为现行有效"},
		{"某政发〔2020〕3号 某市养老服务补贴办法", "jiuye", "另一文件《某市养老服务补贴办法》"},
		{"某市就业补贴办法（某政发〔2021〕7号）", "yanglao", "另一文件《某市就业补贴办法》（某政发〔2020〕3号），其状态为已失效"},
		{"《某市就业补贴办法》（某政发〔2020〕3号）", "jiuye", ""},
		{"关于印发《某市就业补贴办法》的通知（某政发〔2020〕3号）", "jiuye", ""},
		{"某政发〔2020〕3号", "jiuye", ""},
		{"《某市未收录办法》（某政发〔2020〕3号）", "jiuye", ""},
		{"《某市内部管理办法》（某政发〔2020〕3号）", "jiuye", ""},
	} {
		rs, err := st.Validity([]string{c.in}, 20261127, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		r := rs[0]
		if r.WorkID == nil || *r.WorkID != c.work || r.MatchedBy == nil || *r.MatchedBy != "doc_number" {
			t.Errorf("%q: work %v by %v, want %s by doc_number", c.in, r.WorkID, r.MatchedBy, c.work)
			continue
		}
		has := strings.Contains(r.StatusReason, "所填标题对应库中另一文件")
		switch {
		case c.note == "" && has:
			t.Errorf("%q: unexpected conflict note: %s", c.in, r.StatusReason)
		case c.note != "" && !strings.Contains(r.StatusReason, c.note):
			t.Errorf("%q: reason %s, want it to contain %s", c.in, r.StatusReason, c.note)
		}
		if strings.Contains(r.StatusReason, "内部管理") {
			t.Errorf("%q: the public reads of a restricted document: %s", c.in, r.StatusReason)
		}
	}
}
