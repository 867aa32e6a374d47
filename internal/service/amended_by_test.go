package service

import "testing"

// A law's header line 根据《关于修改…的决定》修正 records what the decision did to it:
// the law's page shows the decision amending it, and the decision's page the law it
// amended. Neither is 依据.
func TestAmendingDecisionNamedInAHeader(t *testing.T) {
	idx := buildJSONL(t, `{"id":"law","version_of":"law","title":"某市养犬管理条例","level":"地方性法规","publish_date":"2020-07-30","text":"# 某市养犬管理条例\n\n2010年5月27日 某市第三届人民代表大会常务委员会第十七次会议通过\n\n2020年7月30日 某市第五届人民代表大会常务委员会第十九次会议《关于修改某市养犬管理条例的决定》修正\n\n<!-- INFO END -->\n\n第一条 为了规范养犬行为，制定本条例。"}
{"id":"dec","version_of":"dec","title":"关于修改某市养犬管理条例的决定","level":"地方性法规","publish_date":"2020-07-30","text":"某市第五届人民代表大会常务委员会第十九次会议决定对《某市养犬管理条例》作如下修改：\n一、将第一条修改为……\n本决定自公布之日起施行。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	law, err := st.Work("law", 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range law.Relations {
		if r.Type == "basis" {
			t.Errorf("the law rests on the decision that amended it: %+v", r)
		}
		if r.Type == "amends" && r.Direction == "incoming" && r.WorkID == "dec" {
			found = true
		}
	}
	if !found {
		t.Errorf("the law's relations do not show the decision amending it: %+v", law.Relations)
	}
	dec, err := st.Work("dec", 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range dec.Relations {
		if r.Type == "amends" && r.Direction == "outgoing" && r.WorkID == "law" && r.Target == "某市养犬管理条例" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the decision's relations show the law it amended %d times, want once: %+v", n, dec.Relations)
	}
}
