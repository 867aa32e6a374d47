package service

import "testing"

// A doc number given in metadata that is none of the forms docnum reads (a 人大常委会
// 公告 numbered without its year) is still the document's number: pasted as shown, or
// with other spaces, brackets or digit widths, it finds the document by doc_number,
// and an interpretation that names it is linked to it.
func TestCheckNumberGivenInAnyForm(t *testing.T) {
	idx := buildJSONL(t, `{"id":"r1","version_of":"shiye","title":"某市失业保险条例","doc_number":"某市人民代表大会常务委员会公告第9号","level":"地方性法规","publish_date":"2018-01-01","text":"第一条 为保障失业人员基本生活，制定本条例。"}
{"id":"r2","title":"某市失业保险条例解读","level":"其他","publish_date":"2018-01-05","text":"解读内容。","interprets":"某市人民代表大会常务委员会公告第9号"}
{"id":"r3","title":"某市养老服务条例","level":"地方性法规","publish_date":"2019-01-01","text":"第一条 为发展养老服务，制定本条例。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	in := []string{"某市人民代表大会常务委员会公告第9号", "某市人民代表大会常务委员会公告 第９号", "某市人民代表大会常务委员会公告第19号", "某市养老服务条例", ""}
	rs, err := st.Validity(in, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"doc_number", "doc_number", "", "title", ""} {
		r := rs[i]
		got := ""
		if r.MatchedBy != nil {
			got = *r.MatchedBy
		}
		if got != want {
			t.Errorf("%q: matched_by %q, want %q (%s)", r.Input, got, want, r.StatusReason)
		}
		if want == "doc_number" && (r.WorkID == nil || *r.WorkID != "shiye") {
			t.Errorf("%q: work %v, want shiye", r.Input, r.WorkID)
		}
	}
	wv, err := st.Work("shiye", 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if len(wv.Interpretations) != 1 || wv.Interpretations[0].Title != "某市失业保险条例解读" {
		t.Errorf("interpretations %+v, want the 解读 that names the number", wv.Interpretations)
	}
}
