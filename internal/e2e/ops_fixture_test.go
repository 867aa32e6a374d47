package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/server"
)

// fixtureDoc is one library file with its sidecar; later files arrive in the second ingest.
type fixtureDoc struct {
	name, text, meta string
	later            bool
}

// The fixture library builds each clean-up and feed situation from real-looking files:
// the ingester reads titles, numbers, dates, 有效期, 根据… and …同时废止 from the texts.
var fixtureDocs = []fixtureDoc{
	{name: "县/就业补贴办法.txt", meta: "level: 行政规范性文件\n", text: `某县人民政府办公室文件
某政办发〔2024〕5号
关于印发某县就业补贴办法的通知
各乡镇人民政府：
现将《某县就业补贴办法》印发给你们，请认真执行。
某县人民政府办公室
2023年12月20日
第一条 为促进就业，制定本办法。
第二条 本办法自2024年1月1日起施行，有效期至2027年1月31日。
`},
	{name: "省/养老服务条例.txt", meta: "level: 地方性法规\nauthority: 某省人民代表大会常务委员会\npublish_date: 2014-11-20\neffective_date: 2015-01-01\n", text: `某省养老服务条例
第一条 为了发展养老服务事业，制定本条例。
第二条 本条例自2015年1月1日起施行。
`},
	{name: "省/养老服务促进条例.txt", meta: "level: 地方性法规\nauthority: 某省人民代表大会常务委员会\npublish_date: 2026-01-10\n", text: `某省养老服务促进条例
第一条 为了促进养老服务发展，制定本条例。
第三十条 本条例自2026年3月1日起施行。《某省养老服务条例》同时废止。
`},
	{name: "县/养老服务补贴办法.txt", meta: "level: 行政规范性文件\n", text: `某县人民政府办公室文件
某政办发〔2023〕2号
关于印发某县养老服务补贴办法的通知
某县人民政府办公室
2023年2月20日
第一条 根据《某省养老服务条例》，结合本县实际，制定本办法。
第二条 本办法自2023年3月1日起施行。
`},
	{name: "县/养老服务条例解读.txt", meta: "kind: 解读\ninterprets: 某省养老服务条例\npublish_date: 2015-01-05\n", text: `《某省养老服务条例》政策解读
一、条例出台的背景
为了发展养老服务事业，省人大常委会制定了本条例。
`},
	{name: "县/临时补贴通知.txt", meta: "level: 行政规范性文件\n", text: `某县人民政府办公室文件
某政办发〔2024〕8号
关于发放临时生活补贴的通知
某县人民政府办公室
2024年11月1日
一、补贴对象为本县困难群众。
二、本通知自2024年11月23日起施行，有效期至2026年11月22日。
`},
	{name: "县/内部资金管理通知.txt", later: true, meta: "level: 行政规范性文件\ndisclosure: restricted\n", text: `某县人民政府办公室文件
某政办发〔2024〕9号
关于加强内部资金管理的通知
某县人民政府办公室
2024年2月20日
一、根据《某省养老服务条例》，结合本县实际，制定本通知。
二、本通知自2024年3月1日起施行，有效期至2027年3月1日。
`},
	{name: "县/创业补贴办法.txt", later: true, meta: "level: 行政规范性文件\n", text: `某县人民政府办公室文件
某政办发〔2026〕3号
关于印发某县创业补贴办法的通知
某县人民政府办公室
2026年11月10日
第一条 为促进创业，制定本办法。
第二条 本办法自2026年12月1日起施行，有效期3年。
`},
}

const restrictedTitle = "关于加强内部资金管理的通知"

// startFixture ingests the fixture library twice (on 1 and 25 November 2026) and
// serves it as of 27 November 2026.
func startFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	lib, index := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	write := func(later bool) {
		for _, d := range fixtureDocs {
			if d.later != later {
				continue
			}
			p := filepath.Join(lib, d.name)
			must(os.MkdirAll(filepath.Dir(p), 0o755))
			must(os.WriteFile(p, []byte(d.text), 0o644))
			must(os.WriteFile(p+".meta.yaml", []byte(d.meta), 0o644))
		}
	}
	for i, at := range []time.Time{time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC), time.Date(2026, 11, 25, 2, 0, 0, 0, time.UTC)} {
		write(i == 1)
		if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: index, Now: func() time.Time { return at }}); err != nil {
			t.Fatal(err)
		}
	}
	gate, _ := access.NewGate(staffToken, "")
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", Library: lib, Index: index, Gate: gate, NoIngest: true,
		Today: func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }})
	must(err)
	must(srv.Listen())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	root := "http://" + srv.Addr()
	for i := 0; i < 100; i++ {
		if code, _, _ := fetch(t, root, "/readyz", false); code == 200 {
			return root
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("fixture server not ready")
	return ""
}

func TestOpsOnFixtureLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short")
	}
	root := startFixture(t)

	t.Run("clean-up list, staff", func(t *testing.T) {
		c := cleanupList(t, root, "asof=2026-11-27")
		tests := []struct {
			cat, title, related, reason, evidence string
		}{
			{"expiring", "关于印发某县就业补贴办法的通知", "", "还有65天", "有效期至2027年1月31日"},
			{"expiring", restrictedTitle, "", "还有94天", "有效期至2027年3月1日"},
			{"basis_ended", "关于印发某县养老服务补贴办法的通知", "某省养老服务条例", "已废止：自2026年3月1日起被《某省养老服务促进条例》废止", "根据《某省养老服务条例》"},
			{"basis_ended", restrictedTitle, "某省养老服务条例", "已废止", "根据《某省养老服务条例》"},
			{"orphan_interpretation", "《某省养老服务条例》政策解读", "某省养老服务条例", "解读应随之撤下或标注失效", ""},
			{"no_expiry", "关于印发某县养老服务补贴办法的通知", "", "未载明有效期", ""},
		}
		for _, tt := range tests {
			r := c.row(tt.cat, tt.title)
			if r == nil {
				t.Errorf("no %s row for %s", tt.cat, tt.title)
				continue
			}
			rel := ""
			if r.Related != nil {
				rel = r.Related.Title
			}
			if rel != tt.related || !strings.Contains(r.Reason, tt.reason) || !strings.Contains(r.Evidence, tt.evidence) {
				t.Errorf("%s %s: related %q reason %q evidence %q", tt.cat, tt.title, rel, r.Reason, r.Evidence)
			}
		}
		for _, r := range c.Rows {
			t.Logf("staff row: %s | %s %s | %s | %s | 证据：%s", r.Category, r.Title, r.DocNumber, r.Status, r.Reason, r.Evidence)
		}
		// The lapsed notice is no longer on the list: nothing left to clean.
		if r := c.row("expiring", "关于发放临时生活补贴的通知"); r != nil {
			t.Errorf("lapsed notice still listed: %+v", r)
		}
	})

	t.Run("change feed window with a lapse at midnight", func(t *testing.T) {
		staff := changesOf(t, root, "since=2026-11-20&until=2026-11-27", true)
		want := map[string]bool{
			"status_changed 关于发放临时生活补贴的通知 2026-11-23 现行有效→已失效":    false,
			"work_added 关于印发某县创业补贴办法的通知 2026-11-25 →":             false,
			"work_added " + restrictedTitle + " 2026-11-25 →":     false,
			"relation_added " + restrictedTitle + " 2026-11-25 →": false,
		}
		for _, e := range staff.Events {
			k := e.Kind + " " + e.Title + " " + e.Date + " " + e.FromStatus + "→" + e.ToStatus
			if _, ok := want[k]; ok {
				want[k] = true
			}
			t.Logf("staff event: %s %s %s | %s", e.Date, e.Kind, e.ID, e.Summary)
		}
		for k, ok := range want {
			if !ok {
				t.Errorf("missing event %s", k)
			}
		}
		// Outside the window: the additions of 1 November.
		for _, e := range staff.Events {
			if e.Date < "2026-11-20" {
				t.Errorf("event before the window: %+v", e)
			}
		}
		public := changesOf(t, root, "since=2026-11-20&until=2026-11-27", false)
		if public.Total != staff.Total-2 {
			t.Errorf("public sees %d events, staff %d; only the restricted notice's addition and its basis should differ", public.Total, staff.Total)
		}
	})

	t.Run("nothing restricted reaches the public", func(t *testing.T) {
		c := cleanupList(t, root, "asof=2026-11-27")
		secret := c.row("expiring", restrictedTitle)
		if secret == nil {
			t.Fatal("the restricted notice is not on the staff list")
		}
		// What a request itself names (an id, a number) may come back in its answer; the
		// title and anything else of the notice may not.
		for _, c := range []struct{ path, asks string }{
			{"/api/cleanup", ""}, {"/api/cleanup.csv", ""}, {"/api/cleanup.xlsx", ""},
			{"/api/changes?since=2024-01-01&until=2027-12-31", ""}, {"/feed.atom?since=2024-01-01&until=2027-12-31&limit=1000", ""},
			{"/api/catalog.csv", ""}, {"/api/catalog.jsonl", ""}, {"/api/catalog.csv?asof=2027-06-01", ""},
			{"/api/search?q=" + url.QueryEscape("内部资金管理"), ""},
			{"/api/works/" + url.PathEscape(secret.WorkID), secret.WorkID},
			{"/api/validity?q=" + url.QueryEscape("某政办发〔2024〕9号"), "某政办发〔2024〕9号"},
		} {
			code, _, body := fetch(t, root, c.path, false)
			for _, l := range []string{restrictedTitle, "某政办发〔2024〕9号", secret.WorkID, "内部资金"} {
				if l != c.asks && strings.Contains(string(body), l) {
					t.Errorf("public %s (%d) shows %q", c.path, code, l)
				}
			}
			if c.path == "/api/works/"+url.PathEscape(secret.WorkID) && code != 404 {
				t.Errorf("public %s: %d, want 404", c.path, code)
			}
		}
		// Search totals and every facet count it only for staff; its relation to the
		// provincial regulation shows on that regulation's page only for staff.
		var pub, staff struct {
			Total  int `json:"total"`
			Facets struct {
				Status map[string]int `json:"status"`
				Level  map[string]int `json:"level"`
			} `json:"facets"`
		}
		get := func(path string, staffView bool, v any) {
			code, _, body := fetch(t, root, path, staffView)
			if code != 200 {
				t.Fatalf("%s: %d", path, code)
			}
			if err := json.Unmarshal(body, v); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		get("/api/search?size=1", false, &pub)
		get("/api/search?size=1", true, &staff)
		sum := func(m map[string]int) (n int) {
			for _, c := range m {
				n += c
			}
			return n
		}
		if pub.Total != staff.Total-1 || sum(pub.Facets.Status) != pub.Total || sum(staff.Facets.Status) != staff.Total ||
			pub.Facets.Level["行政规范性文件"] != staff.Facets.Level["行政规范性文件"]-1 {
			t.Errorf("browse: public total %d %v %v, staff total %d %v %v", pub.Total, pub.Facets.Status, pub.Facets.Level,
				staff.Total, staff.Facets.Status, staff.Facets.Level)
		}
		basis := c.row("basis_ended", restrictedTitle)
		if basis == nil || basis.Related == nil {
			t.Fatal("no basis row for the restricted notice")
		}
		if _, _, body := fetch(t, root, "/api/works/"+url.PathEscape(basis.Related.WorkID), false); strings.Contains(string(body), restrictedTitle) || strings.Contains(string(body), secret.WorkID) {
			t.Error("the public page of the regulation names the restricted notice that rests on it")
		}
		if _, _, body := fetch(t, root, "/api/works/"+url.PathEscape(basis.Related.WorkID), true); !strings.Contains(string(body), secret.WorkID) {
			t.Error("staff do not see the restricted notice among the regulation's relations")
		}
		var w struct {
			Versions []struct {
				VersionID string `json:"version_id"`
			} `json:"versions"`
		}
		get("/api/works/"+url.PathEscape(secret.WorkID), true, &w)
		if len(w.Versions) == 0 {
			t.Fatal("staff see no version of the restricted notice")
		}
		vid := url.PathEscape(w.Versions[0].VersionID)
		for _, path := range []string{
			"/api/works/" + url.PathEscape(secret.WorkID) + "/versions/" + vid,
			"/api/works/" + url.PathEscape(secret.WorkID) + "/diff",
			"/files/" + url.PathEscape(secret.WorkID) + "/" + vid,
		} {
			if code, _, body := fetch(t, root, path, false); code != 404 || strings.Contains(string(body), "内部资金") {
				t.Errorf("public %s: %d", path, code)
			}
			// Staff reach it (a diff of a work with one version is a 400, not a 404).
			if code, _, _ := fetch(t, root, path, true); code == 404 || code >= 500 {
				t.Errorf("staff %s: %d", path, code)
			}
		}
		for _, item := range []string{restrictedTitle, "某政办发〔2024〕9号"} {
			body, _ := json.Marshal(map[string]any{"items": []string{item}})
			resp, err := http.Post(root+"/api/validity", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || strings.Contains(string(b), secret.WorkID) || !strings.Contains(string(b), "未找到") {
				t.Errorf("public POST /api/validity %s: %d %s", item, resp.StatusCode, b)
			}
		}

		// Staff do see it in the feed and the catalogue stays public-only for them too.
		if _, body := atomOf(t, root, "since=2026-11-20", true); !strings.Contains(body, restrictedTitle) {
			t.Error("staff feed lacks the restricted notice")
		}
		if _, _, body := fetch(t, root, "/api/catalog.csv", true); strings.Contains(string(body), restrictedTitle) {
			t.Error("the open-data catalogue lists a restricted work for staff")
		}
	})
}
