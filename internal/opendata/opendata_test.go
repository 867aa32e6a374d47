package opendata

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
)

func rec(id, title string, effective model.Date, opts ...func(*model.Version)) *catalog.Record {
	r := &catalog.Record{Key: id, TextHash: id}
	v := &r.Version
	v.ID, v.Title, v.Disclosure, v.Level = id, title, model.Public, model.LevelNormative
	v.PublishDate, v.EffectiveDate, v.WorkKey = effective, effective, id
	v.Authorities = []string{"某县人民政府", "某县财政局"}
	for _, o := range opts {
		o(v)
	}
	return r
}

// A public notice repealed by a restricted decision, the restricted decision itself,
// a notice with an 有效期 and one not yet in force.
func fixture() *catalog.Catalog {
	return catalog.Build([]*catalog.Record{
		rec("pub-repealed", "某县旧补贴办法", 20200101, func(v *model.Version) { v.DocNumber = "某政发〔2020〕1号" }),
		rec("secret", "某县内部废止决定", 20250101, func(v *model.Version) {
			v.Disclosure = model.Restricted
			v.Relations = []model.Relation{{Type: model.Repeals, Target: "某县旧补贴办法", Date: 20250101, Evidence: "《某县旧补贴办法》同时废止。"}}
		}),
		rec("pub-expiring", "某县临时补贴通知", 20240101, func(v *model.Version) { v.ExpiryDate = 20261231 }),
		rec("pub-future", "某县托育服务办法", 20270101, func(v *model.Version) { v.PublishDate = 20261101 }),
	})
}

func TestCatalogueCSV(t *testing.T) {
	for _, bom := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, fixture(), 20261127, "https://example.gov.cn", bom); err != nil {
			t.Fatal(err)
		}
		body := buf.String()
		if strings.HasPrefix(body, "\uFEFF") != bom {
			t.Errorf("bom=%v: starts %q", bom, body[:8])
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(recs[0], ",") != strings.Join(Columns, ",") {
			t.Errorf("header %v", recs[0])
		}
		got := map[string][]string{}
		for _, r := range recs[1:] {
			got[r[0]] = r
		}
		if len(got) != 3 || got["secret"] != nil || strings.Contains(body, "内部废止决定") {
			t.Fatalf("rows %v: the restricted decision must not appear, in any column", got)
		}
		tests := []struct {
			id, status, reasonPart, expiry string
		}{
			{"pub-repealed", "已废止", "被有关文件废止", ""},
			{"pub-expiring", "现行有效", "有效期至2026年12月31日", "2026-12-31"},
			{"pub-future", "尚未生效", "将自2027年1月1日起施行", ""},
		}
		for _, tt := range tests {
			r := got[tt.id]
			if r[8] != tt.status || !strings.Contains(r[9], tt.reasonPart) || r[7] != tt.expiry {
				t.Errorf("%s: status %q reason %q expiry %q", tt.id, r[8], r[9], r[7])
			}
			if r[3] != "某县人民政府、某县财政局" || r[10] != "https://example.gov.cn/works/"+tt.id {
				t.Errorf("%s: authority %q url %q", tt.id, r[3], r[10])
			}
		}
	}
}

func TestCatalogueJSONL(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, fixture(), 20240601, "http://localhost"); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	n := 0
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if len(r) != len(Columns) {
			t.Errorf("line %d has fields %v, want %v", n+1, r, Columns)
		}
		if r["work_id"] == "pub-repealed" && r["status"] != "现行有效" {
			t.Errorf("as of 2024-06-01 the old notice was still in force: %v", r)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d lines, want the 3 public works", n)
	}
}

// The catalogue as of a day before an extension shows the 有效期 known that day.
func TestExpiryAsOfBeforeExtension(t *testing.T) {
	c := catalog.Build([]*catalog.Record{
		rec("notice", "某县临时补贴通知", 20240101, func(v *model.Version) { v.ExpiryDate = 20261231 }),
		rec("ext", "关于延续某县临时补贴通知有效期的通知", 20270301, func(v *model.Version) {
			v.Relations = []model.Relation{{Type: model.Extends, Target: "某县临时补贴通知", Date: 20270301, Until: 20291231,
				Evidence: "《某县临时补贴通知》有效期延续至2029年12月31日。"}}
		}),
	})
	for d, want := range map[model.Date]model.Date{20261101: 20261231, 20270301: 20291231} {
		var got model.Date
		err := Each(c, d, "", func(r Row) error {
			if r.WorkID == c.Versions["notice"].WorkID {
				got = r.ExpiryDate
			}
			return nil
		})
		if err != nil || got != want {
			t.Errorf("as of %v: expiry %v, want %v (%v)", d, got, want, err)
		}
	}
}
