package changes

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
)

var (
	longAgo = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	lastWk  = time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)
	// 2026-11-19 17:30 UTC is already 20 November in China.
	lateNight = time.Date(2026, 11, 19, 17, 30, 0, 0, time.UTC)
)

func rec(id, title string, effective model.Date, seen time.Time, opts ...func(*model.Version)) *catalog.Record {
	r := &catalog.Record{Key: id, TextHash: id, FirstSeen: seen}
	v := &r.Version
	v.ID, v.Title, v.Disclosure, v.Level = id, title, model.Public, model.LevelNormative
	v.PublishDate, v.EffectiveDate = min(effective, 20261101), effective
	v.Authorities = []string{"某县人民政府"}
	for _, o := range opts {
		o(v)
	}
	return r
}

func work(k string) func(*model.Version) { return func(v *model.Version) { v.WorkKey = k } }
func restricted(v *model.Version)        { v.Disclosure = model.Restricted }
func expires(d model.Date) func(*model.Version) {
	return func(v *model.Version) {
		v.ExpiryDate = d
		v.ExpiryEvidence = model.Evidence{Value: "有效期至" + d.Chinese(), Origin: "text"}
	}
}
func repeals(target string, d model.Date) func(*model.Version) {
	return func(v *model.Version) {
		v.Relations = append(v.Relations, model.Relation{Type: model.Repeals, Target: target, Date: d, Evidence: "《" + target + "》同时废止。"})
	}
}

// fixture has, inside the week 2026-11-20..27: a notice added late at night (UTC) on
// the 20th, a new version of an old plan, a dated repeal stated by a newly added
// document, a lapse at midnight when an 有效期 ends, a version taking effect, a first
// version taking effect, and a restricted notice lapsing; and outside it, a lapse at
// the end of December.
func fixture() []*catalog.Record {
	return []*catalog.Record{
		rec("added", "某县新增补贴通知", 20261120, lateNight),
		rec("plan-1", "某县养老机构管理办法", 20180101, longAgo, work("plan")),
		rec("plan-2", "某县养老机构管理办法", 20261121, lastWk, work("plan"), func(v *model.Version) { v.Label = "2026年修订" }),
		rec("old", "某县旧救助办法", 20200101, longAgo),
		rec("repealer", "某县救助办法", 20261126, lastWk, repeals("某县旧救助办法", 20261126)),
		rec("lapsing", "某县临时补贴通知", 20240101, longAgo, expires(20261122)),
		rec("upcoming", "某县托育服务办法", 20261124, longAgo),
		rec("secret", "某县内部管理通知", 20240101, longAgo, restricted, expires(20261123)),
		rec("secret-rep", "某县内部废止决定", 20261125, lastWk, restricted, repeals("某县托育服务办法", 20261225)),
		rec("december", "某县年度工作方案", 20260101, longAgo, expires(20261231)),
	}
}

type want struct {
	kind        Kind
	title       string
	date        model.Date
	from, to    string
	summaryPart string
}

func TestCollectWindow(t *testing.T) {
	c := catalog.Build(fixture())
	week := Options{Since: 20261120, Until: 20261127}
	staffWant := []want{
		{WorkAdded, "某县新增补贴通知", 20261120, "", "", "新增文件：《某县新增补贴通知》"},
		{StatusChanged, "某县新增补贴通知", 20261120, "尚未生效", "现行有效", ""},
		{VersionAdded, "某县养老机构管理办法", 20261124, "", "", "新增版本：2026年修订版本"},
		{VersionEffective, "某县养老机构管理办法", 20261121, "现行有效", "现行有效", "2026年修订版本自2026年11月21日起施行"},
		{WorkAdded, "某县救助办法", 20261124, "", "", "新增文件"},
		{RelationAdded, "某县救助办法", 20261124, "", "", "《某县救助办法》废止《某县旧救助办法》"},
		{StatusChanged, "某县旧救助办法", 20261126, "现行有效", "已废止", "《某县旧救助办法》自2026年11月26日起已废止"},
		{StatusChanged, "某县救助办法", 20261126, "尚未生效", "现行有效", "自2026年11月26日起现行有效"},
		{StatusChanged, "某县临时补贴通知", 20261123, "现行有效", "已失效", "自2026年11月23日起已失效"},
		{StatusChanged, "某县托育服务办法", 20261124, "尚未生效", "现行有效", ""},
		{StatusChanged, "某县内部管理通知", 20261124, "现行有效", "已失效", ""},
		{WorkAdded, "某县内部废止决定", 20261124, "", "", ""},
		{StatusChanged, "某县内部废止决定", 20261125, "尚未生效", "现行有效", ""},
		{RelationAdded, "某县内部废止决定", 20261124, "", "", "废止《某县托育服务办法》"},
	}
	staff := Collect(c, week)
	check(t, "staff", staff, staffWant)
	if n := len(staff.Events); n != len(staffWant) {
		for _, e := range staff.Events {
			t.Logf("%s %s %s %s", e.Date, e.Kind, e.Title, e.Summary)
		}
		t.Errorf("staff: %d events, want %d", n, len(staffWant))
	}
	for i := 1; i < len(staff.Events); i++ {
		if staff.Events[i].Time.After(staff.Events[i-1].Time) {
			t.Errorf("events not newest first at %d", i)
		}
	}

	public := Collect(c, Options{Since: 20261120, Until: 20261127, Public: true})
	for _, e := range public.Events {
		if strings.Contains(e.Title, "内部") || strings.Contains(e.Summary, "内部") || e.Related != nil && strings.Contains(e.Related.Title, "内部") {
			t.Errorf("public feed shows a restricted document: %+v", e)
		}
	}
	if len(public.Events) != len(staffWant)-4 {
		t.Errorf("public: %d events, want %d", len(public.Events), len(staffWant)-4)
	}

	// The day before the window and the lapse at the end of December stay out.
	for _, e := range staff.Events {
		if e.Date < week.Since || e.Date > week.Until || e.Title == "某县年度工作方案" {
			t.Errorf("event outside the window: %s %s", e.Date, e.Summary)
		}
	}
	dec := Collect(c, Options{Since: 20261201, Until: 20270110, Kinds: []Kind{StatusChanged}})
	check(t, "december", dec, []want{
		{StatusChanged, "某县年度工作方案", 20270101, "现行有效", "已失效", "自2027年1月1日起已失效"},
		{StatusChanged, "某县托育服务办法", 20261225, "现行有效", "已废止", ""},
	})
	if len(dec.Events) != 2 {
		t.Errorf("december: %d events, want 2: %+v", len(dec.Events), dec.Events)
	}
	// The public sees the status the restricted decision causes, not who made it.
	xmas := Collect(c, Options{Since: 20261225, Until: 20261225, Public: true}).Events
	if len(xmas) != 1 || xmas[0].ToStatus != "已废止" {
		t.Fatalf("public repeal on 25 December: %+v", xmas)
	}
	for _, e := range xmas {
		if strings.Contains(e.Reason, "内部废止决定") || !strings.Contains(e.Reason, "有关文件") {
			t.Errorf("public reason names the restricted decision: %s", e.Reason)
		}
	}
}

func check(t *testing.T, name string, f *Feed, wants []want) {
	t.Helper()
	for _, w := range wants {
		found := false
		for _, e := range f.Events {
			if e.Kind == w.kind && e.Title == w.title && e.Date == w.date && e.FromStatus == w.from && e.ToStatus == w.to &&
				strings.Contains(e.Summary, w.summaryPart) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s event for %s on %s (%s→%s) with %q", name, w.kind, w.title, w.date, w.from, w.to, w.summaryPart)
		}
	}
	total := 0
	for _, n := range f.Counts {
		total += n
	}
	if total != len(f.Events) {
		t.Errorf("%s: counts %v, %d events", name, f.Counts, len(f.Events))
	}
}

// An entry keeps its id whatever window it is seen in, so feed readers do not repeat it.
func TestEntryIDsAreStable(t *testing.T) {
	c := catalog.Build(fixture())
	ids := func(o Options) map[string]string {
		m := map[string]string{}
		for _, e := range Collect(c, o).Events {
			m[string(e.Kind)+" "+e.Title+" "+e.Date.String()] = e.ID
		}
		return m
	}
	a, b := ids(Options{Since: 20261120, Until: 20261127}), ids(Options{Since: 20261123, Until: 20261130})
	shared := 0
	for k, id := range a {
		if other, ok := b[k]; ok {
			shared++
			if other != id {
				t.Errorf("%s: id %s in one window, %s in another", k, id, other)
			}
		}
	}
	if shared < 5 {
		t.Errorf("only %d events in both windows", shared)
	}
	lapse := Collect(c, Options{Since: 20261123, Until: 20261123, Kinds: []Kind{StatusChanged}})
	if len(lapse.Events) != 1 || !regexp.MustCompile(`^tag:guifan,2026:work/w-[0-9a-f]{12}/status/2026-11-23$`).MatchString(lapse.Events[0].ID) {
		t.Errorf("lapse entry id: %+v", lapse.Events)
	}
}

func TestAtomFeed(t *testing.T) {
	c := catalog.Build(fixture())
	f := Collect(c, Options{Since: 20261120, Until: 20261127, Public: true})
	var buf bytes.Buffer
	if err := f.WriteAtom(&buf, f.Events, AtomOptions{Base: "https://example.gov.cn", Self: "/feed.atom?since=2026-11-20", Title: "规范库 · 文件变化", Now: Midnight(20261127)}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Links   []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("feed is not well-formed Atom: %v\n%s", err, buf.String())
	}
	if doc.ID == "" || doc.Title != "规范库 · 文件变化" || doc.Author.Name == "" || len(doc.Entries) != len(f.Events) {
		t.Fatalf("feed head: id %q title %q author %q entries %d/%d", doc.ID, doc.Title, doc.Author.Name, len(doc.Entries), len(f.Events))
	}
	if _, err := time.Parse(time.RFC3339, doc.Updated); err != nil {
		t.Errorf("feed updated %q: %v", doc.Updated, err)
	}
	seen := map[string]bool{}
	for _, e := range doc.Entries {
		if seen[e.ID] || !strings.HasPrefix(e.ID, TagPrefix) {
			t.Errorf("entry id %q repeated or not a tag URI", e.ID)
		}
		seen[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || !strings.HasPrefix(e.Title, "《") && !strings.HasPrefix(e.Title, "新增") {
			t.Errorf("entry %q updated %q: %v", e.Title, e.Updated, err)
		}
		if len(e.Links) == 0 || !strings.HasPrefix(e.Links[0].Href, "https://example.gov.cn/works/") || e.Summary == "" {
			t.Errorf("entry %s: links %+v summary %q", e.ID, e.Links, e.Summary)
		}
	}
}

// A late extension shows in the feed twice: the work lapses when its 有效期 ends and is
// back in force on the extension's date.
func TestLateExtensionChanges(t *testing.T) {
	extends := func(v *model.Version) {
		v.Relations = append(v.Relations, model.Relation{Type: model.Extends, Target: "某县临时补贴通知", Date: 20260901, Until: 20271231,
			Evidence: "《某县临时补贴通知》有效期延长至2027年12月31日。"})
	}
	c := catalog.Build([]*catalog.Record{
		rec("lapsing", "某县临时补贴通知", 20240101, longAgo, expires(20260630)),
		rec("extender", "某县关于延长临时补贴通知有效期的通知", 20260901, lastWk, extends),
	})
	got := Collect(c, Options{Since: 20260601, Until: 20261231, Kinds: []Kind{StatusChanged}})
	check(t, "late extension", got, []want{
		{StatusChanged, "某县临时补贴通知", 20260701, "现行有效", "已失效", "自2026年7月1日起已失效"},
		{StatusChanged, "某县临时补贴通知", 20260901, "已失效", "现行有效", "自2026年9月1日起现行有效"},
	})
}
