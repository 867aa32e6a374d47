package service

import (
	"context"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/validity"
)

// A law the library holds only as amended was in force before that version took
// effect: from the date its text still gives for the original (本法自2008年1月1日起施行).
// The work's status, its reason and the search filters agree on it.
func TestInForceBeforeTheFirstVersionHeld(t *testing.T) {
	idx := buildJSONL(t, `{"id":"ldht-2012","title":"中华人民共和国劳动合同法","level":"法律","publish_date":"2012-12-28","effective_date":"2013-07-01","text":"# 中华人民共和国劳动合同法\n\n2007年6月29日 第十届全国人民代表大会常务委员会第二十八次会议通过\n\n2012年12月28日 第十一届全国人民代表大会常务委员会第三十次会议《关于修改<中华人民共和国劳动合同法>的决定》修正\n\n<!-- INFO END -->\n\n第一条 为了完善劳动合同制度，明确劳动合同双方当事人的权利和义务，制定本法。\n\n第九十八条 本法自2008年1月1日起施行。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	res, err := st.Validity([]string{"中华人民共和国劳动合同法"}, 20100101, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Status == nil || *res[0].Status != "现行有效" || !strings.Contains(res[0].StatusReason, "自2008年1月1日起施行") ||
		!strings.Contains(res[0].StatusReason, "当时施行的文本未收录") {
		t.Fatalf("as of 2010-01-01: %+v", res)
	}
	if res, _ := st.Validity([]string{"中华人民共和国劳动合同法"}, 20071231, Viewer{}); res[0].Status == nil || *res[0].Status != "尚未生效" {
		t.Errorf("as of 2007-12-31: %v %s", res[0].Status, res[0].StatusReason)
	}
	for _, tc := range []struct {
		asof   model.Date
		status validity.Status
		want   uint64
	}{{20100101, validity.InForce, 1}, {20100101, validity.NotYetEffective, 0}, {20071231, validity.NotYetEffective, 1}} {
		r, err := st.Search(context.Background(), search.Query{Text: "劳动合同", AsOf: tc.asof, Statuses: []validity.Status{tc.status}, Size: 10}, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != tc.want {
			t.Errorf("search as of %s, status %s: %d hits, want %d", tc.asof, tc.status, r.Total, tc.want)
		}
	}
}
