package service

import (
	"context"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
)

// A work computed 现行有效 whose source calls it 已失效 says so wherever its status is
// shown today — search hits, the work, the validity check — and not for other dates,
// since the source's claim is as of when it was gathered.
func TestSourceClaimShownToday(t *testing.T) {
	idx := buildJSONL(t, `{"id":"c1","title":"某市社会抚养费征收管理办法","publish_date":"2010-01-01","status":"expired","text":"第一条 为了规范社会抚养费征收，制定本办法。"}
{"id":"c2","title":"某市养老服务条例","publish_date":"2019-01-01","status":"in_force","text":"第一条 为了发展养老服务，制定本条例。"}
`)
	svc := New(idx, nil)
	defer svc.Close()
	today := model.Date(20261127)
	svc.Today = func() model.Date { return today }
	if _, err := svc.Reload(); err != nil {
		t.Fatal(err)
	}
	st, release, err := svc.Acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	const note = "数据来源标注为“已失效”"
	for _, d := range []model.Date{today, 20200101} {
		want := d == today
		res, err := st.Search(context.Background(), search.Query{Text: "社会抚养费", AsOf: d, Size: 10}, Viewer{})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("search on %v: %v, %+v", d, err, res)
		}
		h := res.Hits[0]
		if h.Status != "现行有效" || (h.SourceClaim == "已失效") != want || strings.Contains(h.StatusReason, note) != want {
			t.Errorf("hit on %v: status %s, claim %q, reason %s", d, h.Status, h.SourceClaim, h.StatusReason)
		}
		w, err := st.Work(h.WorkID, d, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		if (w.SourceClaim == "已失效") != want || strings.Contains(w.StatusReason, note) != want {
			t.Errorf("work on %v: claim %q, reason %s", d, w.SourceClaim, w.StatusReason)
		}
		rs, err := st.Validity([]string{"某市社会抚养费征收管理办法", "某市养老服务条例"}, d, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		if (rs[0].SourceClaim == "已失效") != want || strings.Contains(rs[0].StatusReason, note) != want {
			t.Errorf("check on %v: claim %q, reason %s", d, rs[0].SourceClaim, rs[0].StatusReason)
		}
		if rs[1].SourceClaim != "" || strings.Contains(rs[1].StatusReason, "数据来源标注") {
			t.Errorf("an agreeing source is reported: %+v", rs[1])
		}
	}
}

// Checking the number of a version that has been amended says so, though the work is
// 现行有效.
func TestCheckOlderVersionNumber(t *testing.T) {
	idx := buildJSONL(t, `{"id":"v1","version_of":"w","title":"某县就业补贴办法","doc_number":"某政发〔2017〕9号","publish_date":"2017-03-01","text":"第一条 补贴。"}
{"id":"v2","version_of":"w","title":"某县就业补贴办法","doc_number":"某政发〔2021〕3号","publish_date":"2021-03-01","text":"第一条 补贴和奖励。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	rs, err := st.Validity([]string{"某政发〔2017〕9号", "某政发〔2021〕3号", "某政发〔2017〕9号"}, 20261127, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rs[0]; r.Status == nil || *r.Status != "现行有效" || !strings.Contains(r.StatusReason, "注意：某政发〔2017〕9号所指的是已修改的旧版本") {
		t.Errorf("old number: %+v", r)
	}
	if r := rs[1]; strings.Contains(r.StatusReason, "注意") {
		t.Errorf("current number: %+v", r)
	}
	// Before the second version took effect, the old number is the version in effect.
	old, _ := st.Validity([]string{"某政发〔2017〕9号"}, 20200101, Viewer{})
	if strings.Contains(old[0].StatusReason, "注意") {
		t.Errorf("old number as of 2020: %+v", old[0])
	}
}

// Checking the number of a version that has not taken effect on the date asked is
// 尚未生效, not the status of the earlier version then in effect: the document with
// that number did not apply yet (国务院令第786号 revising the 646号 条例, asked as of
// a date before it took effect).
func TestCheckNewerVersionNumberNotYetEffective(t *testing.T) {
	idx := buildJSONL(t, `{"id":"v1","version_of":"w","title":"某县就业补贴办法","doc_number":"某政发〔2017〕9号","publish_date":"2017-03-01","text":"第一条 补贴。"}
{"id":"v2","version_of":"w","title":"某县就业补贴办法","doc_number":"某政发〔2021〕3号","publish_date":"2021-03-01","effective_date":"2021-05-01","text":"第一条 补贴和奖励。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	rs, err := st.Validity([]string{"某政发〔2021〕3号", "某政发〔2017〕9号", "某县就业补贴办法"}, 20200101, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rs[0]; r.Status == nil || *r.Status != "尚未生效" || !strings.Contains(r.StatusReason, "2021年5月1日") ||
		!strings.Contains(r.StatusReason, "某政发〔2017〕9号") || r.DocNumber == nil || *r.DocNumber != "某政发〔2021〕3号" {
		t.Errorf("newer number as of 2020: %+v (reason %s)", r, r.StatusReason)
	}
	for _, r := range rs[1:] {
		if r.Status == nil || *r.Status != "现行有效" || strings.Contains(r.StatusReason, "注意") {
			t.Errorf("%s as of 2020: %+v", r.Input, r)
		}
	}
	// Once it has taken effect the number is the version in effect.
	rs, _ = st.Validity([]string{"某政发〔2021〕3号"}, 20210501, Viewer{})
	if r := rs[0]; r.Status == nil || *r.Status != "现行有效" || strings.Contains(r.StatusReason, "注意") {
		t.Errorf("newer number on its effective date: %+v", r)
	}
}

// A title with a version note (公司法（2023年修订）) names that version: as of a date
// before it took effect it is 尚未生效, and once amended the check says so, like a
// version's number.
func TestCheckTitledVersion(t *testing.T) {
	idx := buildJSONL(t, `{"id":"v1","version_of":"w","title":"某市养老服务条例","label":"2018年修正","publish_date":"2018-10-26","text":"第一条 养老。"}
{"id":"v2","version_of":"w","title":"某市养老服务条例","label":"2023年修订","publish_date":"2023-12-29","effective_date":"2024-07-01","text":"第一条 养老服务。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	rs, err := st.Validity([]string{"某市养老服务条例（2023年修订）", "《某市养老服务条例》(2018年修正)", "某市养老服务条例"}, 20200101, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rs[0]; r.Status == nil || *r.Status != "尚未生效" || !strings.Contains(r.StatusReason, "2024年7月1日") || !strings.Contains(r.StatusReason, "2018年修正版本") {
		t.Errorf("2023 version as of 2020: %+v (reason %s)", r, r.StatusReason)
	}
	for _, r := range rs[1:] {
		if r.Status == nil || *r.Status != "现行有效" || strings.Contains(r.StatusReason, "注意") {
			t.Errorf("%s as of 2020: %+v", r.Input, r)
		}
	}
	rs, _ = st.Validity([]string{"某市养老服务条例（2018年修正）", "某市养老服务条例（2023年修订）"}, 20261127, Viewer{})
	if r := rs[0]; r.Status == nil || *r.Status != "现行有效" || !strings.Contains(r.StatusReason, "所指的是已修改的旧版本") {
		t.Errorf("2018 version today: %+v (reason %s)", r, r.StatusReason)
	}
	if r := rs[1]; r.Status == nil || *r.Status != "现行有效" || strings.Contains(r.StatusReason, "注意") {
		t.Errorf("2023 version today: %+v (reason %s)", r, r.StatusReason)
	}
}

// A revised regulation's record often carries the order that first issued it
// (1999年12月5日国务院令第274号发布, 2020年修订): with the earlier version carrying no
// number, the number may well be that version's, so it is not read as naming the
// revision only. A number whose year is after the date asked still is.
func TestCheckCarriedOrderNumberBeforeRevision(t *testing.T) {
	idx := buildJSONL(t, `{"id":"v1","version_of":"w","title":"某实施细则","publish_date":"1999-12-05","text":"第一条 细则。"}
{"id":"v2","version_of":"w","title":"某实施细则","doc_number":"国务院令第274号","publish_date":"2020-11-29","text":"第一条 细则，修订。"}
{"id":"j1","version_of":"j","title":"最高人民法院关于审理某类案件适用法律若干问题的解释","publish_date":"2016-12-23","text":"第一条 解释。"}
{"id":"j2","version_of":"j","title":"最高人民法院关于审理某类案件适用法律若干问题的解释","doc_number":"法释〔2023〕7号","publish_date":"2023-08-08","effective_date":"2023-08-15","text":"第一条 解释，修订。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	rs, err := st.Validity([]string{"国务院令第274号", "法释〔2023〕7号"}, 20100630, Viewer{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rs[0]; r.Status == nil || *r.Status != "现行有效" || !strings.Contains(r.StatusReason, "请核对") {
		t.Errorf("carried order number as of 2010: %+v (reason %s)", r, r.StatusReason)
	}
	if r := rs[1]; r.Status == nil || *r.Status != "尚未生效" || !strings.Contains(r.StatusReason, "2023年8月15日") {
		t.Errorf("2023 interpretation number as of 2010: %+v (reason %s)", r, r.StatusReason)
	}
}

// A bracketed number of a year after the version in effect was published names the
// revision even in the year it was issued, before it took effect.
func TestCheckNumberYearAfterVersionInEffect(t *testing.T) {
	idx := buildJSONL(t, `{"id":"j1","version_of":"j","title":"最高人民法院关于审理某类案件适用法律若干问题的解释","publish_date":"2016-12-23","text":"第一条 解释。"}
{"id":"j2","version_of":"j","title":"最高人民法院关于审理某类案件适用法律若干问题的解释","doc_number":"法释〔2023〕7号","publish_date":"2023-08-08","effective_date":"2023-08-15","text":"第一条 解释，修订。"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	rs, _ := st.Validity([]string{"法释〔2023〕7号"}, 20230810, Viewer{})
	if r := rs[0]; r.Status == nil || *r.Status != "尚未生效" {
		t.Errorf("法释〔2023〕7号 on 2023-08-10: %+v (reason %s)", r, r.StatusReason)
	}
}
