package cleanup

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// row is what a test expects of one list row.
type row struct {
	cat      Category
	title    string
	related  string // related document's title, "" for none
	reason   string // a part of the reason
	evidence string // a part of the evidence
}

func (l *List) find(cat Category, title string) *Row {
	for i := range l.Rows {
		if l.Rows[i].Category == cat && l.Rows[i].Title == title {
			return &l.Rows[i]
		}
	}
	return nil
}

func TestCleanupSituations(t *testing.T) {
	c := catalog.Build(fixture())
	tests := []struct {
		name   string
		opt    Options
		want   []row
		absent []row
	}{
		{
			name: "staff, late 2026",
			opt:  Options{AsOf: 20261127},
			want: []row{
				{Expiring, employment, "", "有效期至2027年1月31日，距2026年11月27日还有65天", "有效期至2027年1月31日"},
				{Expiring, "某县内部资金管理通知", "", "还有94天", "本通知有效期至2027年3月1日"},
				{BasisEnded, "某县养老服务补贴办法", provLaw, "所依据的《某省养老服务条例》已废止：自2026年3月1日起被《某省养老服务促进条例》废止", "根据《某省养老服务条例》，结合本县实际"},
				{BasisEnded, "某县内部资金管理通知", provLaw, "需评估本文件是否应随之修改或废止", "根据《某省养老服务条例》制定本通知"},
				{BasisEnded, "某县救助工作规程", "某县临时救助通知", "所引用的《某县临时救助通知》已失效：有效期至2025年12月31日届满", "按照《某县临时救助通知》"},
				{BasisEnded, "某举报奖励办法", "某国家安全条例", "在本文件施行时已不再有效，所指可能是库中未收录的同名新文件", "根据《某国家安全条例》"},
				{OrphanReading, "《某省养老服务条例》政策解读", provLaw, "所解读的《某省养老服务条例》已废止", ""},
				{NoExpiry, "某县养老服务补贴办法", "", "未载明有效期", ""},
				{NoExpiry, "关于印发某县政务公开工作要点的通知", "", "按发文字号和文种推定为行政规范性文件", ""},
			},
			absent: []row{
				{cat: BasisEnded, title: "某县养老机构管理办法"}, // only its superseded version rested on the repealed law
				{cat: BasisEnded, title: "某省养老服务促进条例"}, // it cites the law it repeals
				{cat: OrphanReading, title: "《某县就业补贴办法》政策解读"},
				{cat: NoExpiry, title: "关于同意某项目可行性研究报告的批复"},
				{cat: NoExpiry, title: "某县临时救助通知"}, // lapsed: nothing left to clean
				{cat: Expiring, title: "某县养老机构管理办法"},
			},
		},
		{
			name: "public never sees the restricted notice",
			opt:  Options{AsOf: 20261127, Public: true},
			want: []row{{Expiring, employment, "", "还有65天", ""}, {BasisEnded, "某县养老服务补贴办法", provLaw, "已废止", ""}},
			absent: []row{
				{cat: Expiring, title: "某县内部资金管理通知"}, {cat: BasisEnded, title: "某县内部资金管理通知"},
			},
		},
		{
			name: "before the repeal nothing rests on an ended basis",
			opt:  Options{AsOf: 20260201},
			want: []row{{BasisEnded, "某县救助工作规程", "某县临时救助通知", "已失效", ""}},
			absent: []row{
				{cat: BasisEnded, title: "某县养老服务补贴办法"}, {cat: OrphanReading, title: "《某省养老服务条例》政策解读"},
				{cat: Expiring, title: employment}, // 364 days left: outside 180
			},
		},
		{
			name:   "a narrow window",
			opt:    Options{AsOf: 20261127, Days: 70},
			want:   []row{{Expiring, employment, "", "还有65天", ""}},
			absent: []row{{cat: Expiring, title: "某县内部资金管理通知"}},
		},
		{
			name:   "the day after the 有效期 the notice has lapsed and leaves the list",
			opt:    Options{AsOf: 20270201},
			want:   []row{{Expiring, "某县内部资金管理通知", "", "还有28天", ""}},
			absent: []row{{cat: Expiring, title: employment}, {cat: NoExpiry, title: employment}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Build(c, tt.opt)
			for _, w := range tt.want {
				r := l.find(w.cat, w.title)
				if r == nil {
					t.Errorf("no %s row for %s; rows: %+v", w.cat, w.title, l.Rows)
					continue
				}
				if !strings.Contains(r.Reason, w.reason) || !strings.Contains(r.Evidence, w.evidence) {
					t.Errorf("%s %s: reason %q evidence %q; want %q and %q", w.cat, w.title, r.Reason, r.Evidence, w.reason, w.evidence)
				}
				got := ""
				if r.Related != nil {
					got = r.Related.Title
				}
				if got != w.related {
					t.Errorf("%s %s: related %q, want %q", w.cat, w.title, got, w.related)
				}
				if r.Status == "" || r.CategoryName != w.cat.Chinese() || r.WorkID == "" || r.Title != w.title {
					t.Errorf("incomplete row %+v", r)
				}
			}
			for _, a := range tt.absent {
				if r := l.find(a.cat, a.title); r != nil {
					t.Errorf("unexpected %s row for %s: %s", a.cat, a.title, r.Reason)
				}
			}
			total := 0
			for _, n := range l.Counts {
				total += n
			}
			if total != len(l.Rows) {
				t.Errorf("counts %v sum to %d, %d rows", l.Counts, total, len(l.Rows))
			}
			for i := 1; i < len(l.Rows); i++ {
				a, b := l.Rows[i-1], l.Rows[i]
				if a.Category == Expiring && b.Category == Expiring && a.ExpiryDate > b.ExpiryDate {
					t.Errorf("expiring rows out of order: %s before %s", a.ExpiryDate, b.ExpiryDate)
				}
			}
		})
	}
}

// The restricted notice's status comes from a public repeal; a restricted 延续 document
// that set an 有效期 is not named to the public.
func TestExtensionByRestrictedDocument(t *testing.T) {
	recs := []*catalog.Record{
		version("emp", employment, model.LevelNormative, 20240101, expires(20261231, "有效期至2026年12月31日。")),
		version("ext", "关于延续某县就业补贴办法有效期的通知", model.LevelNormative, 20261201, restricted, expires(20281231, "有效期至2028年12月31日。"),
			func(v *model.Version) {
				v.Relations = append(v.Relations, model.Relation{Type: model.Extends, Target: employment, Date: 20261201, Until: 20270331,
					Evidence: "《某县就业补贴办法》有效期延续至2027年3月31日。", Origin: "text"})
			}),
	}
	c := catalog.Build(recs)
	staff := Build(c, Options{AsOf: 20270101}).find(Expiring, employment)
	public := Build(c, Options{AsOf: 20270101, Public: true}).find(Expiring, employment)
	if staff == nil || public == nil {
		t.Fatalf("extended notice missing: staff %v public %v", staff, public)
	}
	if staff.ExpiryDate != 20270331 || staff.Related == nil || staff.Related.Title != "关于延续某县就业补贴办法有效期的通知" ||
		!strings.Contains(staff.Evidence, "延续至2027年3月31日") {
		t.Errorf("staff row: %+v related %+v", staff, staff.Related)
	}
	if public.Related != nil || strings.Contains(public.Evidence, "延续至") || strings.Contains(public.StatusReason, "关于延续") {
		t.Errorf("public row names the restricted extension: %+v", public)
	}
}

// As of a day before an extension was issued, the list shows the 有效期 known then: a
// notice about to lapse is on it, with the date it then ended.
func TestExpiringBeforeLaterExtension(t *testing.T) {
	recs := []*catalog.Record{
		version("emp", employment, model.LevelNormative, 20240101, expires(20261231, "有效期至2026年12月31日。")),
		version("ext", "关于延续某县就业补贴办法有效期的通知", model.LevelNormative, 20270301, func(v *model.Version) {
			v.Relations = append(v.Relations, model.Relation{Type: model.Extends, Target: employment, Date: 20270301, Until: 20291231,
				Evidence: "《某县就业补贴办法》有效期延续至2029年12月31日。", Origin: "text"})
		}),
	}
	c := catalog.Build(recs)
	before := Build(c, Options{AsOf: 20261101}).find(Expiring, employment)
	if before == nil || before.ExpiryDate != 20261231 || !strings.Contains(before.Reason, "有效期至2026年12月31日") {
		t.Errorf("as of 2026-11-01: %+v", before)
	}
	if after := Build(c, Options{AsOf: 20270301}).find(Expiring, employment); after != nil {
		t.Errorf("as of the extension, four years left, still listed: %+v", after)
	}
}

func TestExportCSV(t *testing.T) {
	l := Build(catalog.Build(fixture()), Options{AsOf: 20261127})
	var buf bytes.Buffer
	if err := l.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	if !bytes.HasPrefix(got, []byte("\xEF\xBB\xBF序号,类别,标题")) || !bytes.Contains(got, []byte("\r\n")) {
		t.Errorf("CSV does not start with a BOM and the Chinese header, or lacks CRLF: %q", got[:min(60, len(got))])
	}
	golden := filepath.Join("testdata", "cleanup_2026-11-27.csv")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("CSV differs from %s (run with -update after checking)\n%s", golden, got)
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	l := &List{Rows: []Row{{Category: Expiring, CategoryName: "即将到期", Title: "=HYPERLINK(\"http://x\")", Evidence: "+1", Reason: "@SUM(A1)"}}}
	var buf bytes.Buffer
	if err := l.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{`"'=HYPERLINK(""http://x"")"`, "'+1", "'@SUM(A1)"} {
		if !strings.Contains(buf.String(), cell) {
			t.Errorf("cell %s not defused in %q", cell, buf.String())
		}
	}
}

func TestExportXLSX(t *testing.T) {
	l := Build(catalog.Build(fixture()), Options{AsOf: 20261127})
	var buf bytes.Buffer
	if err := l.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(l.Rows)+1 || strings.Join(rows[0], ",") != strings.Join(Header, ",") {
		t.Fatalf("%d sheet rows for %d list rows; header %v", len(rows), len(l.Rows), rows[0])
	}
	for i, r := range l.Rows {
		cells := r.Cells(i + 1)
		for j, want := range cells {
			got := ""
			if j < len(rows[i+1]) {
				got = rows[i+1][j]
			}
			if got != want {
				t.Errorf("row %d column %s: %q, want %q", i+1, Header[j], got, want)
			}
		}
	}
	if v, _ := f.GetCellValue("说明", "B1"); v != "2026-11-27" {
		t.Errorf("summary sheet as-of date %q", v)
	}
	// A cell with no type attribute is a number in SpreadsheetML; titles must be strings.
	if typ, _ := f.GetCellType(SheetName, "I2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset || l.Rows[0].DaysLeft == nil {
		t.Errorf("days left stored as type %v, want a number", typ)
	}
	if typ, _ := f.GetCellType(SheetName, "C2"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("title stored as type %v, want a string", typ)
	}
}

// A basis outside the library that a document in it repealed (the 民法典 repealing the
// 物权法, which the library does not hold) is an ended basis too: the repeal is known.
func TestCleanupBasisRepealedOutsideLibrary(t *testing.T) {
	c := catalog.Build([]*catalog.Record{
		version("code", "中华人民共和国民法典", model.LevelLaw, 20210101,
			relates(model.Repeals, "中华人民共和国物权法", 20210101, "本法自2021年1月1日起施行。《中华人民共和国物权法》同时废止。")),
		version("reg", "不动产登记暂行条例", model.LevelAdminRegs, 20150301,
			relates(model.Basis, "中华人民共和国物权法", 0, "根据《中华人民共和国物权法》等法律，制定本条例。")),
		// Issued after the repeal: a same-name law not in the library may be meant.
		version("late", "某市不动产登记办法", model.LevelNormative, 20220101,
			relates(model.Basis, "物权法", 0, "根据《物权法》，制定本办法。")),
		version("other", "某县物业管理办法", model.LevelNormative, 20150301,
			relates(model.Basis, "中华人民共和国城市房地产管理法", 0, "根据《中华人民共和国城市房地产管理法》，制定本办法。")),
	})
	l := Build(c, Options{AsOf: 20261127})
	r := l.find(BasisEnded, "不动产登记暂行条例")
	if r == nil {
		t.Fatalf("no basis row for 不动产登记暂行条例: %+v", l.Rows)
	}
	for _, want := range []string{"所依据的《中华人民共和国物权法》", "已废止：自2021年1月1日起被《中华人民共和国民法典》废止", "同时废止", "需评估本文件是否应随之修改或废止"} {
		if !strings.Contains(r.Reason, want) {
			t.Errorf("reason %q lacks %q", r.Reason, want)
		}
	}
	if !strings.Contains(r.Evidence, "根据《中华人民共和国物权法》") || r.Related == nil || r.Related.Reference != "中华人民共和国物权法" || r.Related.Status != "已废止" {
		t.Errorf("evidence %q related %+v", r.Evidence, r.Related)
	}
	if r := l.find(BasisEnded, "某市不动产登记办法"); r == nil || !strings.Contains(r.Reason, "所指可能是库中未收录的同名新文件") {
		t.Errorf("late row: %+v", r)
	}
	if r := l.find(BasisEnded, "某县物业管理办法"); r != nil {
		t.Errorf("a basis nothing repealed is listed: %+v", r)
	}
	// Before the repeal took effect the basis had not ended.
	if r := Build(c, Options{AsOf: 20201231}).find(BasisEnded, "不动产登记暂行条例"); r != nil {
		t.Errorf("listed before the repeal: %+v", r)
	}
}

// A clean-up decision cites the documents it reviewed and an extension notice the one it
// extends: when those end later, neither is a document resting on an ended basis.
func TestReviewAndExtensionCitationsAreNoBasis(t *testing.T) {
	c := catalog.Build([]*catalog.Record{
		version("kept", "某县甲办法", model.LevelNormative, 20180101, number("某府发〔2018〕1号"), expires(20191231, "有效期2年")),
		version("gone", "某县乙办法", model.LevelNormative, 20180101, number("某府发〔2018〕2号")),
		version("review", "某县人民政府关于公布规范性文件清理结果的决定", model.LevelNormative, 20220101,
			relates(model.Repeals, "某府发〔2018〕2号", 20220101, "某府发〔2018〕2号 废止"),
			relates(model.Cites, "某府发〔2018〕1号", 0, "某府发〔2018〕1号 继续有效")),
		version("ext", "某县人民政府办公室关于延长《某县甲办法》有效期的通知", model.LevelNormative, 20200101,
			relates(model.Extends, "某府发〔2018〕1号", 20200101, "有效期延长至2024年12月31日"),
			func(v *model.Version) { v.Relations[0].Until = 20241231 },
			relates(model.Cites, "某府发〔2018〕1号", 0, "《某县甲办法》（某府发〔2018〕1号）")),
		version("rule", "某县甲办法实施细则", model.LevelNormative, 20190101,
			relates(model.Cites, "某府发〔2018〕1号", 0, "按照《某县甲办法》（某府发〔2018〕1号）执行")),
	})
	l := Build(c, Options{AsOf: 20261127})
	for _, title := range []string{"某县人民政府关于公布规范性文件清理结果的决定", "某县人民政府办公室关于延长《某县甲办法》有效期的通知"} {
		if r := l.find(BasisEnded, title); r != nil {
			t.Errorf("%s listed: %+v", title, r)
		}
	}
	if r := l.find(BasisEnded, "某县甲办法实施细则"); r == nil {
		t.Errorf("a document citing the lapsed measure is not listed: %+v", l.Rows)
	}
}
