package service

import (
	"strings"
	"testing"
)

// A draft for comment repeals nothing and is never in force; a 公示 of documents
// proposed for repeal repeals nothing either.
func TestDraftsAndProposalsChangeNothing(t *testing.T) {
	idx := buildJSONL(t, `{"id":"c1","title":"乙县农业补贴办法","doc_number":"乙政办发〔2021〕1号","publish_date":"2021-03-01","text":"第一条 为规范农业补贴，制定本办法。\n第二十条 本办法自2021年4月1日起施行。"}
{"id":"c3","title":"乙县渔业补贴办法","doc_number":"乙政办发〔2021〕3号","publish_date":"2021-03-01","text":"第一条 为规范渔业补贴，制定本办法。\n第二十条 本办法自2021年4月1日起施行。"}
{"id":"c2","title":"乙县农业补贴管理办法（征求意见稿）","publish_date":"2025-09-01","text":"第一条 为规范农业补贴，制定本办法。\n第二十条 本办法自2026年1月1日起施行，《乙县农业补贴办法》（乙政办发〔2021〕1号）同时废止。"}
{"id":"c6","title":"乙县人民政府关于拟废止部分规范性文件的公示","publish_date":"2025-10-01","text":"经清理，拟废止以下文件：\n1.《乙县渔业补贴办法》（乙政办发〔2021〕3号）\n公示期为2025年10月1日至10月15日。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	res, err := st.Validity([]string{"乙政办发〔2021〕1号", "乙政办发〔2021〕3号", "乙县农业补贴管理办法（征求意见稿）"}, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"现行有效", "现行有效", "尚未生效"}
	for i, r := range res {
		if r.Status == nil || *r.Status != want[i] {
			t.Errorf("%s: %v %s; want %s", r.Input, r.Status, r.StatusReason, want[i])
		}
	}
	if !strings.Contains(res[2].StatusReason, "征求意见稿") {
		t.Errorf("the draft's reason does not say it is a draft: %s", res[2].StatusReason)
	}
}
