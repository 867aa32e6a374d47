package service

import (
	"context"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
)

// A work in force whose basis (依据) is repealed stays 现行有效, and its reason says
// so wherever the status is shown, from the day the basis ended: in the library or
// outside it. A work issued after its basis ended names, most likely, a newer document
// of the same name: no warning.
func TestBasisEndedNote(t *testing.T) {
	idx := buildJSONL(t, `{"id":"b1","title":"某省城市供水条例","publish_date":"2010-01-01","text":"第一条 为了加强城市供水管理，制定本条例。"}
{"id":"c1","title":"某省供水条例","publish_date":"2024-01-01","text":"第一条 为了保障供水安全，制定本条例。\n第五十条 本条例自2024年6月1日起施行，《某省城市供水条例》《某省节约用水条例》同时废止。"}
{"id":"a1","title":"某市供水管理办法","publish_date":"2015-01-01","text":"第一条 根据《某省城市供水条例》，结合本市实际，制定本办法。"}
{"id":"a2","title":"某市节约用水办法","publish_date":"2016-01-01","text":"第一条 根据《某省节约用水条例》，结合本市实际，制定本办法。"}
{"id":"a3","title":"某县供水办法","publish_date":"2025-01-01","text":"第一条 根据《某省城市供水条例》，结合本县实际，制定本办法。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	items := []string{"某市供水管理办法", "某市节约用水办法", "某县供水办法", "某省供水条例"}
	want := map[string]string{
		"某市供水管理办法": "；注意：所依据的《某省城市供水条例》已于2024年6月1日废止，本文件是否仍可适用请核实",
		"某市节约用水办法": "；注意：所依据的《某省节约用水条例》（本库未收录）已于2024年6月1日废止，本文件是否仍可适用请核实",
	}
	for _, d := range []model.Date{20240531, 20240601, 20261127} {
		rs, err := st.Validity(items, d, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.Status == nil || want[r.Input] != "" && *r.Status != "现行有效" {
				t.Fatalf("%s on %v: %+v", r.Input, d, r)
			}
			note := ""
			if d >= 20240601 {
				note = want[r.Input]
			}
			if note != "" && !strings.HasSuffix(r.StatusReason, note) || note == "" && strings.Contains(r.StatusReason, "注意") {
				t.Errorf("%s on %v: reason %s, want the note %q", r.Input, d, r.StatusReason, note)
			}
		}
	}
	res, err := st.Search(context.Background(), search.Query{Text: "供水管理", AsOf: 20261127, Size: 10}, Viewer{})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Title != "某市供水管理办法" {
		t.Fatalf("search: %v, %+v", err, res)
	}
	if h := res.Hits[0]; !strings.HasSuffix(h.StatusReason, want[h.Title]) {
		t.Errorf("hit: %s", h.StatusReason)
	}
	w, err := st.Work(res.Hits[0].WorkID, 20261127, Viewer{})
	if err != nil || !strings.HasSuffix(w.StatusReason, want[w.Title]) {
		t.Errorf("work: %v, %+v", err, w)
	}
}

// An interpretation (解读) of a repealed policy stays 现行有效 itself, and says that the
// policy it explains is no longer in force.
func TestInterpretationOfEndedPolicyNote(t *testing.T) {
	idx := buildJSONL(t, `{"id":"p1","version_of":"policy","title":"某市养老服务补贴办法","doc_number":"某政规〔2019〕3号","level":"行政规范性文件","publish_date":"2019-01-01","text":"第一条 为发展养老服务，制定本办法。"}
{"id":"j1","version_of":"jiedu","title":"《某市养老服务补贴办法》政策解读","kind":"解读","level":"其他","publish_date":"2019-01-05","text":"一、背景","interprets":"某政规〔2019〕3号"}
{"id":"r1","version_of":"repealer","title":"某市人民政府关于废止部分规范性文件的决定","doc_number":"某政发〔2023〕1号","publish_date":"2023-03-01","text":"一、决定废止《某市养老服务补贴办法》（某政规〔2019〕3号）。本决定自印发之日起施行。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	const note = "；注意：所解读的《某市养老服务补贴办法》已废止，本解读所述政策已不再有效"
	for _, d := range []model.Date{20230228, 20230301} {
		if p, err := st.Work("policy", d, Viewer{}); err != nil || (p.Status == "已废止") != (d == 20230301) {
			t.Fatalf("policy on %v: %v %+v", d, err, p)
		}
		w, err := st.Work("jiedu", d, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		if w.Status != "现行有效" || strings.HasSuffix(w.StatusReason, note) != (d == 20230301) {
			t.Errorf("interpretation on %v: %s %s", d, w.Status, w.StatusReason)
		}
	}
}
