package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// verifyLibrary holds two works in force that should be checked before they are
// relied on: one whose source calls it repealed, one resting on a repealed document.
const verifyLibrary = `{"id": "fx:claim", "version_of": "fx:work:claim", "title": "某市来源标注测试办法", "doc_number": "某政办〔2020〕1号", "level": "行政规范性文件", "publish_date": "2020-01-01", "effective_date": "2020-01-01", "status": "repealed", "text": "某市来源标注测试办法\n\n第一条 为了测试来源标注，制定本办法。\n\n第二条 本办法自2020年1月1日起施行。\n"}
{"id": "fx:basis", "version_of": "fx:work:basis", "title": "某市就业补贴实施细则", "doc_number": "某人社办〔2018〕3号", "level": "行政规范性文件", "publish_date": "2018-01-01", "effective_date": "2018-02-01", "relations": [{"type": "basis", "target": "某人社发〔2015〕8号"}], "text": "某市就业补贴实施细则\n\n第一条 根据《某市就业补贴试行办法》（某人社发〔2015〕8号），制定本细则。\n\n第二条 本细则自2018年2月1日起施行。\n"}
`

// A 现行有效 work whose status carries a warning (its source claims another status;
// its basis was repealed; the policy it explains has lapsed) shows an amber 请核实
// beside the green badge, with the reason as its title, on the results, the document
// page and the batch check; its status stays 现行有效.
func TestInForceButToBeCheckedIsMarked(t *testing.T) {
	s := newSiteWith(t, map[string][]byte{"laws/verify.jsonl": []byte(verifyLibrary)})
	const inForce = `<span class="badge st-inforce">现行有效</span> <span class="badge verify" title="`
	for _, tc := range []struct {
		work, query, number, why string
	}{
		{"fx:work:claim", "来源标注测试", "某政办〔2020〕1号", "数据来源标注为“已废止”，与本库按日期计算的结果不一致。"},
		{"fx:work:basis", "就业补贴实施细则", "某人社办〔2018〕3号", "所依据的文件已废止或失效，本文件是否仍可适用需核实。"},
		{"fx:work:yanglao-jiedu", "养老服务补贴", "", "所解读的文件已不再有效，本解读所述政策可能已不适用。"},
	} {
		chip := inForce + tc.why + `">请核实<span class="vh">：` + tc.why + `</span></span>`
		doc := s.get(t, work(tc.work))
		mustContain(t, doc.Body, `<div class="status-box st-inforce verify">`, `<p class="status-line">`+chip)
		res := s.get(t, q("/search", "q", tc.query))
		hit := between(res.Body, `<li class="hit">
<h2 class="hit-title"><a href="`+work(tc.work)+`">`, "</li>")
		mustContain(t, hit, `<p class="badges">`+chip)
		if tc.number != "" {
			chk := s.get(t, q("/check", "q", tc.number))
			mustContain(t, chk.Body, `<td data-label="效力状态">`+chip)
		}
		// The API's status is unchanged.
		var w struct{ Status string }
		if err := json.Unmarshal([]byte(s.get(t, "/api/works/"+tc.work).Body), &w); err != nil || w.Status != "现行有效" {
			t.Errorf("%s: API status %q (%v)", tc.work, w.Status, err)
		}
	}
	// The interpretations shown above the results are marked too.
	res := s.get(t, q("/search", "q", "养老服务补贴"))
	mustContain(t, between(res.Body, `<section class="interps"`, "</section>"),
		`<span class="badge st-inforce">现行有效</span> <span class="badge verify" title="所解读的文件已不再有效`)
	// A work in force with nothing to check is plainly green.
	for _, path := range []string{work("fx:work:shengyu"), q("/search", "q", "生育保险办法"), q("/check", "q", "某政规〔2022〕5号")} {
		r := s.get(t, path)
		mustContain(t, r.Body, `<span class="badge st-inforce">现行有效</span>`)
		mustNotContain(t, r.Body, "请核实<", "status-box st-inforce verify")
	}
	// On another day, the source's claim (as of when it was gathered) is not shown, and
	// nothing is left to check.
	r := s.get(t, q(work("fx:work:claim"), "asof", "2021-01-01"))
	if strings.Contains(r.Body, `class="badge verify"`) {
		t.Error("a claim as of today marks the status on another day")
	}
}

// The batch check marks a line whose number is not the document's, and offers the
// documents a line that matched nothing may have meant.
func TestCheckMarksAWrongNumberAndSuggests(t *testing.T) {
	s := newSiteWith(t, nil)
	chk := s.get(t, q("/check", "q", "某市城乡居民生育保险办法（某政规〔2022〕9号）\n某市城乡居民生育保险办发"))
	rows := strings.Split(between(chk.Body, "<tbody>", "</tbody>"), "</tr>")
	mustContain(t, rows[0], `<span class="badge st-inforce">现行有效</span> <span class="badge verify" title="所填文号与库中该文件的文号不符。">`)
	mustContain(t, rows[1], `<span class="badge st-none">未找到</span>`, `是否要找：<a href="/works/fx:work:shengyu">《某市城乡居民生育保险办法》</a>（现行有效）`)
}
