package service

import (
	"strings"
	"testing"
)

// Staff write a notice's title from 关于 on, without the issuer it opens with, or with
// the issuer shortened: the line finds the notice, and names the other issuer's notice
// of the same words. A document's own 废止《关于…的通知》 still names only a notice of
// its own issuer.
func TestTitleWithoutItsIssuer(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a1","version_of":"county","title":"某县人民政府关于进一步做好稳就业工作的通知","doc_number":"某政发〔2024〕3号","authority":"某县人民政府","level":"行政规范性文件","publish_date":"2024-02-20","text":"一、落实就业补贴政策。\n本通知自印发之日起施行。"}
{"id":"b1","version_of":"city","title":"某市人民政府关于做好春耕生产工作的通知","doc_number":"某市政发〔2023〕8号","authority":"某市人民政府","level":"行政规范性文件","publish_date":"2023-02-01","text":"一、做好春耕。\n本通知自印发之日起施行。"}
{"id":"c1","version_of":"county2","title":"某县人民政府关于做好春耕生产工作的通知","doc_number":"某政发〔2023〕2号","authority":"某县人民政府","level":"行政规范性文件","publish_date":"2023-02-10","text":"一、做好春耕。\n本通知自印发之日起施行。"}
{"id":"d1","version_of":"other","title":"某区人民政府关于加强物业管理的通知","doc_number":"某区政发〔2020〕1号","authority":"某区人民政府","level":"行政规范性文件","publish_date":"2020-01-01","text":"一、加强物业管理。\n本通知自印发之日起施行。"}
{"id":"e1","version_of":"repealer","title":"某县人民政府关于印发某县物业管理办法的通知","doc_number":"某政发〔2024〕9号","authority":"某县人民政府","level":"行政规范性文件","publish_date":"2024-06-01","text":"第一条 为加强物业管理，制定本办法。\n第二条 本办法自2024年6月1日起施行，《关于加强物业管理的通知》同时废止。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	rs, err := st.Validity([]string{"关于进一步做好稳就业工作的通知", "《关于做好春耕生产工作的通知》", "关于做好秋收工作的通知",
		"某县政府关于进一步做好稳就业工作的通知", "某市政府关于进一步做好稳就业工作的通知", "某县政府关于做好春耕生产工作的通知"}, 20250601, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rs[0]; r.WorkID == nil || *r.WorkID != "county" || r.MatchedBy == nil || *r.MatchedBy != "title" || *r.Status != "现行有效" {
		t.Errorf("%s: %v by %v, %s; want the county's notice by title", r.Input, r.WorkID, r.MatchedBy, r.StatusReason)
	}
	if r := rs[1]; r.WorkID == nil || r.Candidates != 1 || !strings.Contains(r.StatusReason, "请核对发文机关") {
		t.Errorf("%s: %v, %d candidates, %s; want one of the two notices and the other named", r.Input, r.WorkID, r.Candidates, r.StatusReason)
	}
	for _, r := range []ValidityResult{rs[2], rs[4]} {
		if r.WorkID != nil || r.MatchedBy != nil {
			t.Errorf("%s: found %v; want nothing", r.Input, *r.WorkID)
		}
	}
	if r := rs[3]; r.WorkID == nil || *r.WorkID != "county" {
		t.Errorf("%s: %v, %s; want the county's notice", r.Input, r.WorkID, r.StatusReason)
	}
	if r := rs[5]; r.WorkID == nil || *r.WorkID != "county2" || r.Candidates != 0 {
		t.Errorf("%s: %v, %d candidates; want the county's notice alone", r.Input, r.WorkID, r.Candidates)
	}
	// The county's repeal of 《关于加强物业管理的通知》 does not reach the district's notice.
	w, err := st.Work("other", 20250601, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if w.Status != "现行有效" {
		t.Errorf("the district's notice: %s %s; want 现行有效", w.Status, w.StatusReason)
	}
}

// A county government's 《关于…的通知》同时废止 names its general office's notice of
// those words; the same words of another county's government are not named.
func TestRepealOfTheGovernmentsOfficeNotice(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a1","version_of":"office","title":"某县人民政府办公室关于做好就业补贴发放工作的通知","doc_number":"某政办发〔2019〕4号","authority":"某县人民政府办公室","level":"行政规范性文件","publish_date":"2019-03-01","text":"一、做好补贴发放。\n本通知自印发之日起施行。"}
{"id":"b1","version_of":"other","title":"另县人民政府关于做好就业补贴发放工作的通知","doc_number":"另政发〔2019〕2号","authority":"另县人民政府","level":"行政规范性文件","publish_date":"2019-02-01","text":"一、做好补贴发放。\n本通知自印发之日起施行。"}
{"id":"c1","version_of":"dept","title":"某县人力资源和社会保障局关于做好就业补贴发放工作的通知","doc_number":"某人社发〔2019〕1号","authority":"某县人力资源和社会保障局","level":"行政规范性文件","publish_date":"2019-01-01","text":"一、做好补贴发放。\n本通知自印发之日起施行。"}
{"id":"e1","version_of":"new","title":"某县人民政府关于印发某县就业补贴办法的通知","doc_number":"某政发〔2024〕9号","authority":"某县人民政府","level":"行政规范性文件","publish_date":"2024-06-01","text":"第一条 为促进就业，制定本办法。\n第二条 本办法自2024年7月1日起施行，《关于做好就业补贴发放工作的通知》同时废止。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for work, want := range map[string]string{"office": "已废止", "other": "现行有效", "dept": "现行有效"} {
		w, err := st.Work(work, 20250101, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		if w.Status != want {
			t.Errorf("%s: %s %s; want %s", work, w.Status, w.StatusReason, want)
		}
	}
	if w, _ := st.Work("office", 20240630, Viewer{}); w.Status != "现行有效" {
		t.Errorf("office the day before the repeal: %s", w.Status)
	}
}
