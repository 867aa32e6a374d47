package service

import (
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

// A county re-issues a measure under the same title as a new document with a new
// number, which repeals the old one: two documents, the old one 已废止.
func TestReissuedMeasureRepealsItsPredecessor(t *testing.T) {
	idx := buildJSONL(t, `{"id":"old","title":"清溪县就业创业补贴管理办法","doc_number":"清府发〔2016〕12号","authority":"清溪县人民政府","publish_date":"2016-03-01","text":"第一条 为促进就业创业，制定本办法。\n第二十条 本办法自2016年4月1日起施行。"}
{"id":"new","title":"清溪县就业创业补贴管理办法","doc_number":"清府发〔2021〕3号","authority":"清溪县人民政府","publish_date":"2021-01-15","text":"第一条 为促进就业创业，制定本办法。\n第二十条 本办法自2021年2月1日起施行，原《清溪县就业创业补贴管理办法》（清府发〔2016〕12号）同时废止。"}
{"id":"jy","title":"关于印发《清溪县学前教育资助管理办法》的通知","doc_number":"清教发〔2018〕2号","authority":"清溪县教育局","publish_date":"2018-02-01","text":"各乡镇中心学校：\n现将《清溪县学前教育资助管理办法》印发给你们。\n第三条 本办法自2018年3月1日起施行。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for _, tc := range []struct {
		line     string
		asof     model.Date
		status   string
		number   string
		inReason string
	}{
		{"清府发〔2016〕12号", 20220601, "已废止", "清府发〔2016〕12号", "清府发〔2021〕3号"},
		{"清府发〔2016〕12号", 20210115, "现行有效", "清府发〔2016〕12号", ""},
		{"清府发〔2021〕3号", 20210115, "尚未生效", "清府发〔2021〕3号", "2021年2月1日"},
		{"清府发〔2021〕3号", 20220601, "现行有效", "清府发〔2021〕3号", ""},
		{"清溪县就业创业补贴管理办法", 20220601, "现行有效", "清府发〔2021〕3号", ""},
		{"清溪县就业创业补贴管理办法", 20180601, "现行有效", "清府发〔2016〕12号", ""},
		// The library holds the notice's title from 关于 on (its issuer on the red header's line above).
		{"清溪县教育局关于印发《清溪县学前教育资助管理办法》的通知 清教发〔2018〕2号", 20220601, "现行有效", "清教发〔2018〕2号", ""},
		{"清溪县教育局关于印发《清溪县学前教育资助管理办法》的通知", 20220601, "现行有效", "清教发〔2018〕2号", ""},
	} {
		res, err := st.Validity([]string{tc.line}, tc.asof, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		r := res[0]
		if r.Status == nil || *r.Status != tc.status || r.DocNumber == nil || *r.DocNumber != tc.number || !strings.Contains(r.StatusReason, tc.inReason) {
			t.Errorf("%s on %s: %v %v %s; want %s %s with %q", tc.line, tc.asof, deref(r.Status), deref(r.DocNumber), r.StatusReason, tc.status, tc.number, tc.inReason)
		}
	}
}
