package web_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/guifan/guifan/internal/ingest"
)

// A library built for the staff pages: an expiring notice, a measure resting on a
// repealed regulation, an interpretation of that repealed regulation, and a
// regulation two of whose articles were repealed (部分失效).
const staffLibrary = `{"id":"s:old-reg","version_of":"s:old-reg","title":"某市养老服务条例","doc_number":"某人大常〔2015〕1号","publish_date":"2015-01-01","effective_date":"2015-03-01","level":"地方性法规","authority":["某市人大常委会"],"text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"s:new-reg","version_of":"s:new-reg","title":"某市养老服务促进条例","doc_number":"某人大常〔2024〕2号","publish_date":"2024-01-01","effective_date":"2024-03-01","level":"地方性法规","authority":["某市人大常委会"],"text":"第一条 为了促进养老服务，制定本条例。\n\n第九十条 本条例自2024年3月1日起施行，《某市养老服务条例》同时废止。"}
{"id":"s:subsidy","version_of":"s:subsidy","title":"某市养老服务补贴办法","doc_number":"某政规〔2020〕3号","publish_date":"2020-01-01","effective_date":"2020-02-01","expiry_date":"2030-01-31","level":"行政规范性文件","authority":["某市人民政府"],"text":"第一条 根据《某市养老服务条例》，制定本办法。\n\n第二条 本办法自2020年2月1日起施行，有效期至2030年1月31日。"}
{"id":"s:jiedu","version_of":"s:jiedu","title":"《某市养老服务条例》政策解读","kind":"解读","interprets":"某人大常〔2015〕1号","publish_date":"2015-03-05","authority":["某市民政局"],"text":"一、背景\n\n为发展养老服务，本市制定了条例。"}
{"id":"s:notice","version_of":"s:notice","title":"关于发放临时生活补贴的通知","doc_number":"某政办发〔2025〕8号","publish_date":"2025-12-01","effective_date":"2025-12-01","expiry_date":"2026-12-31","level":"行政规范性文件","authority":["某市人民政府办公室"],"text":"一、发放对象\n\n本通知自印发之日起施行，有效期至2026年12月31日。"}
{"id":"s:parking","version_of":"s:parking","title":"某市停车管理办法","doc_number":"某政规〔2019〕5号","publish_date":"2019-01-01","effective_date":"2019-02-01","level":"地方政府规章","authority":["某市人民政府"],"text":"第一条 为了规范停车管理，制定本办法。\n\n第二条 收费标准由价格主管部门制定。\n\n第三条 违反本办法的，依法处理。"}
{"id":"s:parking-2020","version_of":"s:parking","title":"某市停车管理办法","doc_number":"某政规〔2020〕1号","publish_date":"2020-01-01","effective_date":"2020-02-01","level":"地方政府规章","authority":["某市人民政府"],"text":"第一条 为了规范停车管理，方便群众出行，制定本办法。\n\n第二条 收费标准由价格主管部门制定。\n\n第三条 违反本办法的，依法处理。"}
{"id":"s:amend","version_of":"s:amend","title":"某市人民政府关于废止部分规章条款的决定","doc_number":"某政令〔2025〕1号","publish_date":"2025-06-01","effective_date":"2025-07-01","level":"地方政府规章","authority":["某市人民政府"],"relations":[{"type":"repeals","target":"某政规〔2019〕5号","articles":["第二条"],"evidence":"《某市停车管理办法》第二条废止"}],"text":"一、《某市停车管理办法》第二条废止。"}
`

func newStaffSite(t *testing.T) *site {
	t.Helper()
	return newJSONLSite(t, staffLibrary)
}

// newJSONLSite serves a library of one JSON Lines file.
func newJSONLSite(t *testing.T, records string) *site {
	t.Helper()
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "staff.jsonl"), []byte(records), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
	return startSite(t, lib, idx)
}

func TestCleanupPage(t *testing.T) {
	s := newStaffSite(t)
	if r := s.get(t, "/staff/cleanup"); r.Status != http.StatusForbidden {
		t.Errorf("public: status %d", r.Status)
	}
	r := s.getAs(t, q("/staff/cleanup", "asof", "2026-11-27"), true)
	if r.Status != http.StatusOK {
		t.Fatalf("staff: status %d: %s", r.Status, r.Body)
	}
	mustContain(t, r.Body,
		"关于发放临时生活补贴的通知", "余 34 天", // 有效期 ends 2026-12-31
		"某市养老服务补贴办法", "某市养老服务条例", // rests on a repealed regulation
		"《某市养老服务条例》政策解读", // interprets a repealed regulation
		"/api/cleanup.csv?asof=2026-11-27&amp;days=180", "/api/cleanup.xlsx?")
	if r := s.getAs(t, q("/staff/cleanup", "days", "-3"), true); r.Status != http.StatusBadRequest {
		t.Errorf("bad days: status %d", r.Status)
	}
	if r := s.getAs(t, q("/api/cleanup.csv", "asof", "2026-11-27"), true); r.Status != http.StatusOK {
		t.Errorf("CSV with the staff cookie: status %d", r.Status)
	}
}

func TestRepealedArticlesMarked(t *testing.T) {
	s := newStaffSite(t)
	before := s.get(t, q(work("s:parking"), "asof", "2025-06-30"))
	after := s.get(t, q(work("s:parking"), "asof", "2025-07-01"))
	mustNotContain(t, before.Body, "本条已失效")
	mustContain(t, after.Body, `<section class="art repealed" id="第二条"><p class="repealed-note">本条已失效</p>`, "部分失效：第二条")
	mustNotContain(t, after.Body, `<section class="art repealed" id="第一条">`)
	// The comparison marks it too.
	d := s.get(t, q(work("s:parking")+"/diff", "from", "s:parking", "to", "s:parking-2020", "asof", "2025-07-01"))
	mustContain(t, d.Body, `<tr class="op-same repealed">`, "本条已失效")
}

// The version timeline gives the 有效期 an extension set, beside the one the version
// states.
func TestTimelineShowsAnExtendedTerm(t *testing.T) {
	s := newJSONLSite(t, `{"id":"e:jiuye","version_of":"e:jiuye","title":"某县就业补贴办法","doc_number":"某政发〔2018〕2号","publish_date":"2018-12-01","level":"行政规范性文件","authority":["某县人民政府"],"text":"第一条 为促进就业，制定本办法。\n第二十条 本办法自2019年1月1日起施行，有效期5年。"}
{"id":"e:yanqi","version_of":"e:yanqi","title":"某县人民政府关于延长部分规范性文件有效期的通知","doc_number":"某政发〔2023〕20号","publish_date":"2023-12-01","level":"行政规范性文件","authority":["某县人民政府"],"text":"经评估，决定将《某县就业补贴办法》（某政发〔2018〕2号）有效期延长2年。\n本通知自印发之日起施行。"}
`)
	r := s.get(t, q(work("e:jiuye"), "asof", "2025-06-01"))
	mustContain(t, r.Body, "有效期延续至 2025年12月31日（原至 2023年12月31日）", "<dt>有效期</dt><dd>至2025年12月31日</dd>")
	before := s.get(t, q(work("e:jiuye"), "asof", "2023-06-01"))
	mustContain(t, before.Body, " · 有效期至 2023年12月31日</p>")
	mustNotContain(t, before.Body, "有效期延续至")
}
