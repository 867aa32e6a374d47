package service

import (
	"strings"
	"testing"
)

// A line that matches nothing gets the documents it may have meant; a title with the
// year of a version the library does not hold is answered for the work, with a note.
func TestCheckSuggestsAndReadsAYear(t *testing.T) {
	idx := buildJSONL(t, `{"id":"gs","title":"工伤保险条例","level":"行政法规","publish_date":"2010-12-20","text":"第一条 为了保障因工作遭受事故伤害的职工，制定本条例。"}
{"id":"ld","title":"中华人民共和国劳动合同法","level":"法律","publish_date":"2012-12-28","text":"第一条 为了完善劳动合同制度，制定本法。"}
{"id":"sy","title":"某市生育保险办法","level":"地方政府规章","publish_date":"2012-12-28","disclosure":"restricted","text":"第一条 为了保障生育，制定本办法。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	res, err := st.Validity([]string{"中华人民共和国劳动合同发", "工伤保险条列", "某市生育保险办发", "某县不存在的办法", "工伤保险条例 2003", "工伤保险条例（2010年版）"}, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	suggested := func(r ValidityResult) string {
		var ts []string
		for _, s := range r.Suggestions {
			ts = append(ts, s.Title)
		}
		return strings.Join(ts, "|")
	}
	for i, want := range []string{"中华人民共和国劳动合同法", "工伤保险条例", "", ""} {
		if r := res[i]; r.Status != nil || suggested(r) != want {
			t.Errorf("%s: status %v, suggestions %q; want none and %q", r.Input, r.Status, suggested(r), want)
		}
	}
	if r := res[4]; r.Status == nil || *r.Status != "现行有效" || !strings.Contains(r.StatusReason, "库中未收录“工伤保险条例 2003”所指的2003年版本") {
		t.Errorf("%s: %v %s", r.Input, r.Status, r.StatusReason)
	}
	if r := res[5]; r.Status == nil || *r.Status != "现行有效" || strings.Contains(r.StatusReason, "未收录") {
		t.Errorf("%s: %v %s", r.Input, r.Status, r.StatusReason)
	}
}

// A short title inside a longer one is suggested; two numbers on one line are named.
func TestCheckShortTitleAndTwoNumbers(t *testing.T) {
	idx := buildJSONL(t, `{"id":"mt","title":"清溪县城乡居民基本医疗保险门诊慢特病管理办法","doc_number":"清医保发〔2022〕9号","publish_date":"2022-03-01","text":"第一条 为规范门诊慢特病管理，制定本办法。"}
{"id":"jy","title":"清溪县就业见习管理办法","doc_number":"清人社发〔2017〕8号","publish_date":"2017-03-01","text":"第一条 为规范就业见习，制定本办法。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	res, err := st.Validity([]string{"门诊慢特病管理办法", "清医保发〔2022〕9号、清人社发〔2017〕8号"}, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if r := res[0]; r.Status != nil || len(r.Suggestions) != 1 || r.Suggestions[0].Title != "清溪县城乡居民基本医疗保险门诊慢特病管理办法" {
		t.Errorf("%s: %v %+v", r.Input, r.Status, r.Suggestions)
	}
	if r := res[1]; r.Status == nil || !strings.Contains(r.StatusReason, "本行含有多个文号（清医保发〔2022〕9号、清人社发〔2017〕8号）") {
		t.Errorf("%s: %v %s", r.Input, r.Status, r.StatusReason)
	}
}
