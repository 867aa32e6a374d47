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
