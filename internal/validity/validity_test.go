package validity

import (
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

func d(s string) model.Date {
	v, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func ver(id, publish, effective, expiry string) *model.Version {
	v := &model.Version{ID: id, WorkID: "w"}
	if publish != "" {
		v.PublishDate = d(publish)
	}
	if effective != "" {
		v.EffectiveDate = d(effective)
		v.EffectiveEvidence = model.Evidence{Origin: "text", Value: "本办法自" + d(effective).Chinese() + "起施行"}
	}
	if expiry != "" {
		v.ExpiryDate = d(expiry)
		v.ExpiryEvidence = model.Evidence{Origin: "text", Value: "有效期5年"}
	}
	return v
}

func rel(typ model.RelationType, date string, until string) Incoming {
	r := Incoming{Relation: model.Relation{Type: typ, Evidence: "《某办法》同时废止"}, FromTitle: "某新办法", FromDocNumber: "某发〔2023〕1号"}
	if date != "" {
		r.Date = d(date)
	}
	if until != "" {
		r.Until = d(until)
	}
	return r
}

// annualPlan is the seed notice as read: an annual plan whose 有效期 comes from its title.
func annualPlan() *model.Version {
	v := ver("a", "2022-06-20", "2022-06-20", "2022-12-31")
	v.ExpiryEvidence = model.Evidence{Origin: "title", Value: "关于印发《抚顺县2022年政务公开工作要点》的通知"}
	return v
}

func TestWorkStatus(t *testing.T) {
	tests := []struct {
		name     string
		versions []*model.Version
		rels     []Incoming
		asof     string
		want     Status
		soon     bool
		reason   string // a fragment the reason must contain
	}{
		{"in force", []*model.Version{ver("a", "2020-12-01", "2021-01-01", "")}, nil, "2022-01-01", InForce, false, "自2021年1月1日起施行（依据：“本办法自2021年1月1日起施行”）"},
		{"day it takes effect", []*model.Version{ver("a", "2020-12-01", "2021-01-01", "")}, nil, "2021-01-01", InForce, false, "现行有效"},
		{"day before it takes effect", []*model.Version{ver("a", "2020-12-01", "2021-01-01", "")}, nil, "2020-12-31", NotYetEffective, false, "将自2021年1月1日起施行"},
		{"last day of 有效期", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2024-12-31")}, nil, "2024-12-31", InForce, true, "即将到期"},
		{"day after 有效期", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2024-12-31")}, nil, "2025-01-01", Lapsed, false, "有效期至2024年12月31日届满，未见延续（依据：“有效期5年”）"},
		{"181 days before expiry is not soon", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2024-12-31")}, nil, "2024-07-03", InForce, false, "现行有效"},
		{"180 days before expiry is soon", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2024-12-31")}, nil, "2024-07-04", InForce, true, "即将到期"},
		{"extended", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2024-12-31")}, []Incoming{rel(model.Extends, "2024-12-01", "2027-12-31")}, "2025-06-01", InForce, false, "有效期至2027年12月31日"},
		{"extended indefinitely", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2024-12-31")}, []Incoming{rel(model.Extends, "2024-12-01", "")}, "2030-06-01", InForce, false, "现行有效"},
		{"repealed", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "")}, []Incoming{rel(model.Repeals, "2023-03-01", "")}, "2023-03-01", Repealed, false, "自2023年3月1日起被《某新办法》（某发〔2023〕1号）废止（依据：“《某办法》同时废止”）"},
		{"repeal dated later is not yet known", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "")}, []Incoming{rel(model.Repeals, "2023-03-01", "")}, "2023-02-28", InForce, false, "现行有效"},
		{"lapse relation", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "")}, []Incoming{rel(model.Lapses, "2022-01-01", "")}, "2022-05-01", Lapsed, false, "宣布失效"},
		{"partial repeal keeps it in force", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "")}, []Incoming{func() Incoming {
			r := rel(model.Repeals, "2021-01-01", "")
			r.Articles = []string{"第十条"}
			return r
		}()}, "2022-05-01", InForce, false, "现行有效"},
		{"repealed after it lapsed stays 已废止 from then", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2021-12-31")}, []Incoming{rel(model.Repeals, "2023-01-01", "")}, "2023-06-01", Repealed, false, "废止"},
		{"lapsed before the repeal", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2021-12-31")}, []Incoming{rel(model.Repeals, "2023-01-01", "")}, "2022-06-01", Lapsed, false, "届满"},
		{"new version revives after a gap", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2021-12-31"), ver("b", "2022-05-01", "2022-06-01", "")}, nil, "2022-07-01", InForce, false, "现行版本"},
		{"gap between versions", []*model.Version{ver("a", "2019-12-01", "2020-01-01", "2021-12-31"), ver("b", "2022-05-01", "2022-06-01", "")}, nil, "2022-03-01", Lapsed, false, "届满"},
		{"no dates at all", []*model.Version{ver("a", "", "", "")}, nil, "2022-03-01", InForce, false, "施行日期不详"},
		// An 有效期 inferred from the title says so, in force and once lapsed.
		{"inferred 有效期 in force", []*model.Version{annualPlan()}, nil, "2022-12-01", InForce, true, "有效期至2022年12月31日（根据标题推定）"},
		{"inferred 有效期 lapsed", []*model.Version{annualPlan()}, nil, "2026-11-27", Lapsed, false,
			"有效期至2022年12月31日届满，未见延续（有效期系根据标题“关于印发《抚顺县2022年政务公开工作要点》的通知”所载期间推定，正文未写明有效期）"},
		{"inferred 有效期 extended", []*model.Version{annualPlan()}, []Incoming{rel(model.Extends, "2022-12-20", "2023-12-31")}, "2023-06-01", InForce, false, "有效期至2023年12月31日（2022年12月20日延续有效期"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := Build(tt.versions, tt.rels)
			got := tl.Work(d(tt.asof))
			if got.Status != tt.want || got.ExpiresSoon != tt.soon || !strings.Contains(got.Reason, tt.reason) {
				t.Errorf("Work(%s) = %s soon=%v %q; want %s soon=%v containing %q", tt.asof, got.Status, got.ExpiresSoon, got.Reason, tt.want, tt.soon, tt.reason)
			}
		})
	}
}

func TestVersionStatus(t *testing.T) {
	// Three versions: 2018 (in effect 2018-05-01), 2021 (2021-01-01), 2024 announced 2023-12-29, in effect 2024-07-01.
	vs := []*model.Version{
		ver("v2024", "2023-12-29", "2024-07-01", ""),
		ver("v2018", "2018-03-01", "2018-05-01", ""),
		ver("v2021", "2020-10-01", "2021-01-01", ""),
	}
	tl := Build(vs, nil)
	tests := []struct {
		asof string
		want map[string]Status
	}{
		{"2018-04-30", map[string]Status{"v2018": NotYetEffective, "v2021": NotYetEffective, "v2024": NotYetEffective}},
		{"2019-01-01", map[string]Status{"v2018": InForce, "v2021": NotYetEffective, "v2024": NotYetEffective}},
		// The 2024 text is published but not yet in effect: the 2021 version is still the one in force.
		{"2024-01-15", map[string]Status{"v2018": Amended, "v2021": InForce, "v2024": NotYetEffective}},
		{"2024-07-01", map[string]Status{"v2018": Amended, "v2021": Amended, "v2024": InForce}},
	}
	for _, tt := range tests {
		for id, want := range tt.want {
			if got := tl.Version(id, d(tt.asof)); got.Status != want {
				t.Errorf("Version(%s, %s) = %s (%s), want %s", id, tt.asof, got.Status, got.Reason, want)
			}
		}
	}
	if got := tl.Version("v2018", d("2024-07-01")).Reason; !strings.Contains(got, "现行版本为") {
		t.Errorf("amended reason should name the current version: %q", got)
	}
	if got := tl.Work(d("2024-01-15")); got.Status != InForce {
		t.Errorf("work while new version pending = %s", got.Status)
	}
}

func TestSourceClaimDisagreement(t *testing.T) {
	v := ver("a", "2020-12-01", "2021-01-01", "")
	v.SourceStatus = "amended"
	got := Build([]*model.Version{v}, nil).Version("a", d("2022-01-01"))
	if got.Status != InForce || got.SourceClaim != "已修改" || !strings.Contains(ClaimNote(got.SourceClaim), "数据来源标注为“已修改”") {
		t.Errorf("got %+v", got)
	}
	v.SourceStatus = "in_force"
	if got := Build([]*model.Version{v}, nil).Version("a", d("2022-01-01")); got.SourceClaim != "" {
		t.Errorf("agreeing claim reported: %+v", got)
	}
	// The work: judged by its current version's claim; 已修改 agrees with a work in force.
	v.SourceStatus = "expired"
	if got := Build([]*model.Version{v}, nil).Work(d("2022-01-01")); got.Status != InForce || got.SourceClaim != "已失效" {
		t.Errorf("work: got %+v", got)
	}
	v.SourceStatus = "amended"
	if got := Build([]*model.Version{v}, nil).Work(d("2022-01-01")); got.SourceClaim != "" {
		t.Errorf("work: 已修改 reported against 现行有效: %+v", got)
	}
}

// A source gathered before a stated 施行日期 called the document 尚未生效: once that day
// has passed, the claim is no contradiction. With no 施行日期 stated (the publish date
// taken for it) the claim may be right, and it is shown.
func TestStaleNotYetInForceClaim(t *testing.T) {
	v := ver("a", "2025-09-12", "2026-03-01", "")
	v.SourceStatus = "not_yet_in_force"
	tl := Build([]*model.Version{v}, nil)
	if got := tl.Work(d("2026-11-28")); got.Status != InForce || got.SourceClaim != "" {
		t.Errorf("after the stated 施行日期: %+v", got)
	}
	if got := tl.Work(d("2026-02-01")); got.Status != NotYetEffective || got.SourceClaim != "" {
		t.Errorf("before it: %+v", got)
	}
	u := ver("b", "2025-09-12", "", "")
	u.SourceStatus = "not_yet_in_force"
	if got := Build([]*model.Version{u}, nil).Version("b", d("2026-11-28")); got.Status != InForce || got.SourceClaim != "尚未生效" {
		t.Errorf("no 施行日期 stated: %+v", got)
	}
}

// The index filters statuses through Bounds; they must agree with Work on every day
// for every version that represents the work on that day.
func TestBoundsAgreeWithWork(t *testing.T) {
	scenarios := [][]*model.Version{
		{ver("a", "2019-12-01", "2020-01-01", "2021-12-31"), ver("b", "2022-05-01", "2022-06-01", ""), ver("c", "2023-01-01", "2023-01-01", "2024-06-30")},
		{ver("a", "2020-12-01", "2021-01-01", "")},
		{ver("a", "", "", ""), ver("b", "2020-01-01", "2020-01-01", "")},
		{ver("a", "2020-01-01", "2020-01-01", ""), ver("b", "2020-01-01", "2020-01-01", "")},
		{ver("a", "", "", ""), ver("b", "", "", ""), ver("c", "", "", "")},
	}
	relSets := [][]Incoming{nil, {rel(model.Repeals, "2022-09-01", "")}, {rel(model.Lapses, "2021-03-01", ""), rel(model.Repeals, "2023-09-01", "")},
		{rel(model.Repeals, "2019-06-01", "")}, {rel(model.Repeals, "2022-03-01", ""), rel(model.Lapses, "2024-01-01", "")}}
	for si, vs := range scenarios {
		for ri, rels := range relSets {
			tl := Build(vs, rels)
			for day := d("2018-06-01"); day < d("2025-06-01"); day = day.AddDays(7) {
				cur := tl.Current(day)
				represented := 0
				for i := range tl.Spans {
					b := tl.Bounds(i)
					if day >= b.RepFrom && day < b.RepTo {
						represented++
						if i != cur {
							t.Fatalf("scenario %d/%d %s: span %d represents, Current=%d", si, ri, day, i, cur)
						}
						if got, want := b.StatusAt(day, tl.Spans[i].Steps()), tl.Work(day).Status; got != want {
							t.Fatalf("scenario %d/%d %s: bounds say %s, Work says %s", si, ri, day, got, want)
						}
					}
				}
				if represented != 1 {
					t.Fatalf("scenario %d/%d %s: %d versions represent the work", si, ri, day, represented)
				}
			}
		}
	}
}

func TestForPublicRedactsRestrictedStater(t *testing.T) {
	r := rel(model.Repeals, "2023-03-01", "")
	r.Hidden = true
	tl := Build([]*model.Version{ver("a", "2019-12-01", "2020-01-01", "")}, []Incoming{r})
	staff := tl.Work(d("2024-01-01"))
	public := tl.For(true).Work(d("2024-01-01"))
	if staff.Status != Repealed || public.Status != Repealed {
		t.Fatalf("status staff=%s public=%s", staff.Status, public.Status)
	}
	if !strings.Contains(staff.Reason, "某新办法") {
		t.Errorf("staff reason should name the repealing document: %q", staff.Reason)
	}
	if strings.Contains(public.Reason, "某新办法") || strings.Contains(public.Reason, "某发") || strings.Contains(public.Reason, "同时废止") {
		t.Errorf("public reason leaks the restricted document: %q", public.Reason)
	}
}

// A document repealed and later re-enacted under the same title (人民检察院刑事诉讼规则:
// 1999 rules repealed by the 2012 trial rules, new rules in 2019) is in force again.
func TestReenactedAfterRepeal(t *testing.T) {
	tl := Build([]*model.Version{ver("r1999", "1999-01-18", "1999-01-18", ""), ver("r2019", "2019-12-30", "2019-12-30", "")},
		[]Incoming{rel(model.Repeals, "2013-01-01", "")})
	for _, c := range []struct {
		asof string
		want Status
	}{{"2012-06-01", InForce}, {"2013-01-01", Repealed}, {"2018-01-01", Repealed}, {"2019-12-30", InForce}, {"2026-01-01", InForce}} {
		if got := tl.Work(d(c.asof)); got.Status != c.want {
			t.Errorf("%s: %s (%s), want %s", c.asof, got.Status, got.Reason, c.want)
		}
	}
	if got := tl.Version("r1999", d("2026-01-01")).Status; got != Amended {
		t.Errorf("old version after re-enactment: %s", got)
	}
}

func TestPartialRepeal(t *testing.T) {
	r := rel(model.Repeals, "2022-01-01", "")
	r.Articles = []string{"第十条", "第十二条"}
	tl := Build([]*model.Version{ver("a", "2019-12-01", "2020-01-01", "")}, []Incoming{r})
	before := tl.Work(d("2021-12-31"))
	after := tl.Work(d("2022-01-01"))
	if before.Status != InForce || len(before.Partial) != 0 {
		t.Errorf("before: %+v", before)
	}
	if after.Status != InForce || strings.Join(after.RepealedArticles(), ",") != "第十条,第十二条" || !strings.Contains(after.Reason, "部分失效：第十条、第十二条自2022年1月1日起被《某新办法》") {
		t.Errorf("after: %+v", after)
	}
	if v := tl.Version("a", d("2023-01-01")); len(v.Partial) != 1 {
		t.Errorf("version verdict lacks the partial repeal: %+v", v)
	}
}

// An extension issued after a 有效期 ended does not reach back: the work was 已失效 from
// the day after it until the extension, and in force again from then. Before any
// extension the 有效期 known, and 即将到期, are the first one's.
func TestLateExtension(t *testing.T) {
	v := ver("a", "2020-12-01", "2021-01-01", "2023-12-31")
	late := Build([]*model.Version{v}, []Incoming{rel(model.Extends, "2024-03-01", "2026-12-31")})
	early := Build([]*model.Version{v}, []Incoming{rel(model.Extends, "2023-12-15", "2026-12-31")})
	tests := []struct {
		tl     *Timeline
		on     string
		status Status
		expiry string
		soon   bool
		reason string
	}{
		{late, "2023-11-30", InForce, "2023-12-31", true, "即将到期：有效期至2023年12月31日"},
		{late, "2024-01-15", Lapsed, "2023-12-31", false, "有效期至2023年12月31日届满，未见延续（依据：“有效期5年”）；2024年3月1日起另行延续有效期至2026年12月31日"},
		{late, "2024-02-29", Lapsed, "2023-12-31", false, "届满"},
		{late, "2024-03-01", InForce, "2026-12-31", false, "有效期至2026年12月31日（2024年3月1日延续有效期，依据："},
		{late, "2027-01-01", Lapsed, "2026-12-31", false, "有效期至2026年12月31日届满"},
		{early, "2023-11-30", InForce, "2023-12-31", true, "即将到期"},
		{early, "2024-01-15", InForce, "2026-12-31", false, "有效期至2026年12月31日"},
	}
	for _, c := range tests {
		got := c.tl.Work(d(c.on))
		if got.Status != c.status || got.Expiry != d(c.expiry) || got.ExpiresSoon != c.soon || !strings.Contains(got.Reason, c.reason) {
			t.Errorf("on %s: %s, expiry %v, soon %v, %s; want %s, %s, %v, …%s…", c.on, got.Status, got.Expiry, got.ExpiresSoon, got.Reason, c.status, c.expiry, c.soon, c.reason)
		}
		if b := c.tl.Bounds(0); b.StatusAt(d(c.on), c.tl.Spans[0].Steps()) != got.Status {
			t.Errorf("on %s: bounds say %s, the work %s", c.on, b.StatusAt(d(c.on), c.tl.Spans[0].Steps()), got.Status)
		}
	}
}

func TestVersionName(t *testing.T) {
	for label, want := range map[string]string{"2017年版": "2017年版本", "2018年修正": "2018年修正版本", "修订版本": "修订版本", "": "2020年1月1日公布的版本"} {
		if got := versionName(Span{Label: label, PublishDate: 20200101}); got != want {
			t.Errorf("versionName(%q) = %q, want %q", label, got, want)
		}
	}
}

// An extension dated before any version of the work took effect (published, awaiting its
// 施行日期) extends the first version: it cannot reach a version enacted years later,
// whose own 有效期 still ends as it says.
func TestExtensionBeforeFirstVersionTookEffect(t *testing.T) {
	tl := Build([]*model.Version{ver("a", "2027-10-24", "2028-01-03", ""), ver("b", "2028-02-01", "2028-02-01", "2031-07-14")},
		[]Incoming{rel(model.Extends, "2027-11-01", "")})
	for _, c := range []struct {
		on   string
		want Status
	}{{"2028-01-03", InForce}, {"2031-07-14", InForce}, {"2031-07-15", Lapsed}} {
		got := tl.Work(d(c.on))
		if got.Status != c.want {
			t.Errorf("on %s: %s (%s), want %s", c.on, got.Status, got.Reason, c.want)
		}
		if b := tl.Bounds(1); d(c.on) >= b.RepFrom && b.StatusAt(d(c.on), tl.Spans[1].Steps()) != got.Status {
			t.Errorf("on %s: bounds say %s, the work %s", c.on, b.StatusAt(d(c.on), tl.Spans[1].Steps()), got.Status)
		}
	}
	if got := tl.Version("b", d("2031-07-15")).Status; got != Lapsed {
		t.Errorf("version b on 2031-07-15: %s, want %s", got, Lapsed)
	}
}

// Each extension counts from its own date, the second as the first: a work extended
// late twice was 已失效 from the end of each 有效期 to the next extension, and before an
// extension is issued the 有效期 known, and 即将到期, are the one it had then.
func TestSuccessiveExtensions(t *testing.T) {
	v := ver("a", "2020-06-10", "2020-12-02", "2024-12-01")
	late := Build([]*model.Version{v}, []Incoming{
		rel(model.Extends, "2026-08-03", "2029-08-15"), rel(model.Extends, "2026-02-22", "2026-03-30")})
	timely := Build([]*model.Version{v}, []Incoming{
		rel(model.Extends, "2024-11-01", "2025-12-31"), rel(model.Extends, "2025-12-01", "2027-12-31")})
	tests := []struct {
		tl     *Timeline
		on     string
		status Status
		expiry string
		soon   bool
		reason string
	}{
		{late, "2024-12-02", Lapsed, "2024-12-01", false, "有效期至2024年12月1日届满，未见延续（依据：“有效期5年”）；2026年2月22日起另行延续有效期至2026年3月30日"},
		{late, "2026-02-22", InForce, "2026-03-30", true, "有效期至2026年3月30日（2026年2月22日延续有效期"},
		{late, "2026-03-30", InForce, "2026-03-30", true, "即将到期"},
		{late, "2026-03-31", Lapsed, "2026-03-30", false, "；2026年8月3日起另行延续有效期至2029年8月15日"},
		{late, "2026-08-02", Lapsed, "2026-03-30", false, "届满"},
		{late, "2026-08-03", InForce, "2029-08-15", false, "有效期至2029年8月15日（2026年8月3日延续有效期"},
		{late, "2029-08-16", Lapsed, "2029-08-15", false, "有效期至2029年8月15日届满"},
		{timely, "2025-07-15", InForce, "2025-12-31", true, "即将到期：有效期至2025年12月31日"},
		{timely, "2026-01-15", InForce, "2027-12-31", false, "有效期至2027年12月31日（2025年12月1日延续有效期"},
		{timely, "2028-01-01", Lapsed, "2027-12-31", false, "有效期至2027年12月31日届满"},
	}
	for _, c := range tests {
		got := c.tl.Work(d(c.on))
		if got.Status != c.status || got.Expiry != d(c.expiry) || got.ExpiresSoon != c.soon || !strings.Contains(got.Reason, c.reason) {
			t.Errorf("on %s: %s, expiry %v, soon %v, %s; want %s, %s, %v, …%s…", c.on, got.Status, got.Expiry, got.ExpiresSoon, got.Reason, c.status, c.expiry, c.soon, c.reason)
		}
	}
	// The day each run of 已失效 days began (the clean-up list's ended basis).
	for on, want := range map[string]string{"2025-01-10": "2024-12-02", "2026-05-01": "2026-03-31", "2026-08-03": "", "2029-09-01": "2029-08-16"} {
		if got := late.ExpiredSince(0, d(on)); got.String() != want {
			t.Errorf("ExpiredSince on %s: %s, want %s", on, got, want)
		}
	}
	// The index's bounds agree with the work on every day.
	for _, tl := range []*Timeline{late, timely} {
		b, steps := tl.Bounds(0), tl.Spans[0].Steps()
		for day := d("2024-06-01"); day < d("2030-06-01"); day = day.AddDays(1) {
			if got, want := b.StatusAt(day, steps), tl.Work(day).Status; got != want {
				t.Fatalf("on %s: bounds say %s, the work %s", day, got, want)
			}
		}
	}
}

// An extension ending before its own date (延续 to a day already past) does not make the
// work 已失效 before it was issued.
func TestExtensionEndingBeforeItsDate(t *testing.T) {
	tl := Build([]*model.Version{ver("a", "2016-06-15", "2016-06-15", "")}, []Incoming{rel(model.Extends, "2017-12-14", "2016-12-18")})
	for _, c := range []struct {
		on   string
		want Status
	}{{"2016-12-19", InForce}, {"2017-12-13", InForce}, {"2017-12-14", Lapsed}} {
		got := tl.Work(d(c.on))
		if got.Status != c.want || got.Reason == string(c.want)+"：" {
			t.Errorf("on %s: %s (%q), want %s", c.on, got.Status, got.Reason, c.want)
		}
		if b := tl.Bounds(0); b.StatusAt(d(c.on), tl.Spans[0].Steps()) != got.Status {
			t.Errorf("on %s: bounds disagree with the work", c.on)
		}
	}
}

// A work whose first version in the library is an amended text was in force before it,
// under the original text the amended one still dates (本法自2008年1月1日起施行).
func TestInForceUnderAnOriginalTextNotHeld(t *testing.T) {
	amended := ver("2012", "2012-12-28", "2013-07-01", "")
	amended.Label = "2012年修正"
	amended.OriginalEffectiveDate = d("2008-01-01")
	amended.OriginalEffectiveEvidence = "“第九十八条 本法自2008年1月1日起施行。”"
	repeal := rel(model.Repeals, "2020-01-01", "")
	for _, tc := range []struct {
		asof    string
		rels    []Incoming
		work    Status
		version Status
		reason  string
	}{
		{"2007-12-31", nil, NotYetEffective, NotYetEffective, "尚未生效：将自2008年1月1日起施行（依据：“第九十八条 本法自2008年1月1日起施行。”，系原文本的施行日期）"},
		{"2010-01-01", nil, InForce, NotYetEffective, "自2008年1月1日起施行（依据：“第九十八条 本法自2008年1月1日起施行。”，系原文本的施行日期）；当时施行的文本未收录，本库所收最早的2012年修正版本自2013年7月1日起施行"},
		{"2014-01-01", nil, InForce, InForce, "自2013年7月1日起施行"},
		{"2010-01-01", []Incoming{repeal}, InForce, NotYetEffective, "自2008年1月1日起施行"},
		{"2021-01-01", []Incoming{repeal}, Repealed, Repealed, "被《某新办法》"},
	} {
		tl := Build([]*model.Version{amended}, tc.rels)
		w, v := tl.Work(d(tc.asof)), tl.Version("2012", d(tc.asof))
		if w.Status != tc.work || v.Status != tc.version || !strings.Contains(w.Reason, tc.reason) {
			t.Errorf("%s: work %s (%s), version %s; want %s, %s, reason with %q", tc.asof, w.Status, w.Reason, v.Status, tc.work, tc.version, tc.reason)
		}
		if b := tl.Bounds(0); b.StatusAt(d(tc.asof), nil) != w.Status {
			t.Errorf("%s: the index bounds give %s, the work %s", tc.asof, b.StatusAt(d(tc.asof), nil), w.Status)
		}
	}
	// Without the original's date, the work is not yet in force before its first version.
	plain := ver("2012", "2012-12-28", "2013-07-01", "")
	if got := Build([]*model.Version{plain}, nil).Work(d("2010-01-01")).Status; got != NotYetEffective {
		t.Errorf("without an original date: %s, want 尚未生效", got)
	}
}
