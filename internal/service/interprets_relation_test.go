package service

import "testing"

// relations[] lists a work's relations both ways (SPEC "HTTP API"), interprets 解读
// among them (SPEC "Domain model"): the policy shows an incoming interprets from its
// 解读, the 解读 an outgoing one to its policy, besides interpretations[].
func TestWorkRelationsIncludeInterprets(t *testing.T) {
	idx := buildJSONL(t, `{"id":"p1","version_of":"policy","title":"某市养老服务补贴办法","doc_number":"某政规〔2019〕3号","level":"行政规范性文件","publish_date":"2019-01-01","text":"第一条 为发展养老服务，制定本办法。"}
{"id":"j1","version_of":"jiedu","title":"《某市养老服务补贴办法》政策解读","kind":"解读","level":"其他","publish_date":"2019-01-05","text":"一、背景","interprets":"某政规〔2019〕3号"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	find := func(workID, dir, other string) bool {
		wv, err := st.Work(workID, 20261127, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range wv.Relations {
			if r.Type == "interprets" && r.TypeName == "解读" && r.Direction == dir && r.WorkID == other {
				return true
			}
		}
		t.Errorf("%s: no %s interprets relation with %s in %+v", workID, dir, other, wv.Relations)
		return false
	}
	find("policy", "incoming", "jiedu")
	find("jiedu", "outgoing", "policy")
	if wv, _ := st.Work("policy", 20261127, Viewer{}); len(wv.Interpretations) != 1 {
		t.Errorf("interpretations %+v", wv.Interpretations)
	}
}
