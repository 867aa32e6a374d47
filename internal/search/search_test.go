package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

func smallIndex(t *testing.T) *Index {
	t.Helper()
	x, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	open := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	docs := []*Doc{
		{VersionID: "v1", WorkID: "w1", Title: "某县税收征收管理规定", Text: "第一条 为规范税收征收管理，制定本规定。", Level: "规范性文件", Publish: 20240101, Bounds: open},
		{VersionID: "v2", WorkID: "w2", Title: "某县就业补贴办法", Text: "第一条 纳税人可以申请补贴。", Level: "规范性文件", Publish: 20230101, Bounds: open},
		{VersionID: "v3", WorkID: "w3", Title: "某县养老服务条例", Text: "第一条 本条例适用于养老服务。", Level: "地方性法规", Publish: 20220101, Bounds: open},
	}
	if err := x.Apply(context.Background(), docs, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	return x
}

// Searches beyond one per processor wait for a turn, and give up when the request
// does (its deadline or the client going away) instead of holding the queue.
func TestSearchesWaitForAProcessor(t *testing.T) {
	x := smallIndex(t)
	q := Query{Text: "税", AsOf: 20261127, Size: 10}
	for range cap(running) {
		running <- struct{}{}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := x.Search(ctx, q)
	for range cap(running) {
		<-running
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("with every processor busy a search should wait and time out, got %v", err)
	}
	if cap(running) != runtime.GOMAXPROCS(0) {
		t.Errorf("%d searches at once, want one per processor (%d)", cap(running), runtime.GOMAXPROCS(0))
	}
	res, err := x.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	// 税 is in the first title and in the second text (纳税人): the title ranks first.
	if res.Total != 2 || len(res.Hits) != 2 || res.Hits[0].VersionID != "v1" || res.Hits[1].VersionID != "v2" || !res.Fast {
		t.Fatalf("税: %+v", res)
	}
}

// The fast path and bleve's searchers agree on a small index too (the corpus-wide check
// is TestFastPathMatchesBleve in internal/e2e).
func TestFastPathOnSmallIndex(t *testing.T) {
	x := smallIndex(t)
	for _, text := range []string{"税", "规定", "条例", "申请", "县", "某县"} {
		q := Query{Text: text, AsOf: 20261127, Size: 10}
		got, err := x.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		x.Exhaustive = true
		want, err := x.Search(context.Background(), q)
		x.Exhaustive = false
		if err != nil {
			t.Fatal(err)
		}
		if !got.Fast || want.Fast {
			t.Fatalf("%s: fast %v, exhaustive %v", text, got.Fast, want.Fast)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Fatalf("%s: total %d / %d", text, got.Total, want.Total)
		}
		for i := range got.Hits {
			g, w := got.Hits[i], want.Hits[i]
			if g.VersionID != w.VersionID || g.Score-w.Score > 1e-9*w.Score || w.Score-g.Score > 1e-9*w.Score {
				t.Errorf("%s: hit %d %s %.12g, bleve %s %.12g", text, i, g.VersionID, g.Score, w.VersionID, w.Score)
			}
		}
	}
}

// indexOf is an index of the given documents, each open (in force) for all dates.
func indexOf(t *testing.T, docs ...*Doc) *Index {
	t.Helper()
	x, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	open := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	for _, d := range docs {
		if d.Bounds == (validity.Bounds{}) {
			d.Bounds = open
		}
		if d.DocNumber != "" {
			d.Numbers = append([]string{d.DocNumber}, d.Numbers...)
		}
	}
	if err := x.Apply(context.Background(), docs, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	return x
}

func hitIDs(res *Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.VersionID)
	}
	return ids
}

// An order number (令第N号) is a doc number like a bracketed one: written with or without
// the 中华人民共和国 its issuer carries, as 第N号令 or inside other words, it finds the
// document that bears it first, then the documents citing it.
func TestOrderNumbersFindTheirDocument(t *testing.T) {
	x := indexOf(t,
		&Doc{VersionID: "order", WorkID: "w1", Title: "医疗保障基金使用监督管理条例", Text: "第一章 总则 第一条 为了加强医疗保障基金使用监督管理，制定本条例。",
			DocNumber: "中华人民共和国国务院令第735号", Level: "行政法规", Publish: 20210115},
		&Doc{VersionID: "citing", WorkID: "w2", Title: "国务院办公厅关于医疗保障基金监管的通知", Text: "各地要贯彻落实医疗保障基金使用监督管理条例（国务院令第735号）。",
			DocNumber: "国办发〔2021〕10号", Numbers: []string{"国务院令第735号"}, Level: "行政规范性文件", Publish: 20210301},
		&Doc{VersionID: "other", WorkID: "w3", Title: "国务院关于修改部分行政法规的决定", Text: "国务院令第700号公布。第一条 医疗保障部门依法履职。",
			DocNumber: "中华人民共和国国务院令第736号", Level: "行政法规", Publish: 20210120},
		&Doc{VersionID: "rule", WorkID: "w4", Title: "传染病防治法实施办法", Text: "第一条 根据传染病防治法制定本办法。",
			DocNumber: "卫生部令第17号", Level: "部门规章", Publish: 19911206},
		&Doc{VersionID: "notice", WorkID: "w5", Title: "国家税务总局关于企业所得税若干问题的公告", Text: "现就企业所得税有关问题公告如下。",
			DocNumber: "国家税务总局公告2021年第30号", Level: "其他", Publish: 20211201},
		&Doc{VersionID: "bracketed", WorkID: "w6", Title: "某市人力资源和社会保障局关于失业保险的公告", Text: "现就失业保险有关事项公告如下。",
			DocNumber: "某人社公告〔2022〕4号", Numbers: []string{"国家税务总局公告〔2021〕30号"}, Level: "行政规范性文件", Publish: 20220301},
	)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"中华人民共和国国务院令第735号", []string{"order", "citing"}},
		{"国务院令第735号", []string{"order", "citing"}},
		{"国务院令735号", []string{"order", "citing"}},
		{"国务院第735号令", []string{"order", "citing"}},
		{"医疗保障基金 国务院令第735号", []string{"order", "citing"}},
		{"中华人民共和国卫生部令第17号", []string{"rule"}},
		{"卫生部令第十七号", []string{"rule"}},
		{"国办发〔2021〕10", []string{"citing"}},
		// Typed in traditional characters.
		{"醫療保障基金使用監督管理條例", []string{"order", "citing"}},
		// Typed without brackets, the way many people type it.
		{"国办发2021年10号", []string{"citing"}},
		{"国办发 2021 10号", []string{"citing"}},
		{"国办发2021第10号", []string{"citing"}},
		{"国令第735号", []string{"order", "citing"}},
		// A 公告 is numbered 公告2021年第30号 and written with brackets too.
		{"国家税务总局公告2021年第30号", []string{"notice", "bracketed"}},
		{"国家税务总局公告〔2021〕30号", []string{"notice", "bracketed"}},
		{"某人社公告〔2022〕4号", []string{"bracketed"}},
		{"某人社公告2022年第4号", []string{"bracketed"}},
	} {
		res, err := x.Search(context.Background(), Query{Text: tc.q, AsOf: 20261127, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); res.Match != "exact" || strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: %s match, hits %v; want exact %v", tc.q, res.Match, got, tc.want)
		}
	}
}

// Filters that leave none of the documents the words match give no hits: the search
// does not fall back to looser matching, which would show documents the words do not
// name. A restricted document never decides that for the public.
func TestFiltersDoNotLoosenTheMatch(t *testing.T) {
	x := indexOf(t,
		&Doc{VersionID: "law", WorkID: "w1", Title: "中华人民共和国义务教育法", Text: "第一条 为了保障适龄儿童、少年接受义务教育的权利，制定本法。", Level: "法律", Publish: 20180101},
		&Doc{VersionID: "women", WorkID: "w2", Title: "某市实施《妇女权益保障法》办法", Text: "第一条 根据妇女权益保障法制定本办法。第二条 保障妇女接受教育的权利。", Level: "地方性法规", Publish: 20030101,
			Bounds: validity.Bounds{InForceFrom: model.DateMin, EndedFrom: 20100101, RepealedFrom: 20100101, RepFrom: model.DateMin, RepTo: model.DateMax}},
		&Doc{VersionID: "secret", WorkID: "w3", Title: "某局内部经办规程", Text: "第一条 经办口令按季度更换。", Level: "部门规章", Publish: 20200101, Restricted: true},
		&Doc{VersionID: "public", WorkID: "w4", Title: "某局政务公开办法", Text: "第一条 办理政务公开应当更换经办窗口标识。", Level: "部门规章", Publish: 20210101},
	)
	search := func(q Query) *Result {
		t.Helper()
		q.AsOf, q.Size = 20261127, 10
		res, err := x.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, q := range []Query{
		{Text: "义务教育法", Statuses: []validity.Status{validity.Repealed}},
		{Text: "义务教育法", Level: "地方性法规"},
		{Text: "义务教育法", Year: 2003},
		{Text: "义务教育法", Authority: "没有的机关"},
	} {
		res := search(q)
		if res.Total != 0 || len(res.Hits) != 0 || res.Match != "exact" {
			t.Errorf("义务教育法 (statuses %v, level %q, year %d, authority %q): %s match, hits %v; want none, exact",
				q.Statuses, q.Level, q.Year, q.Authority, res.Match, hitIDs(res))
		}
	}
	// The status facet still says what the words match.
	if res := search(Query{Text: "义务教育法", Statuses: []validity.Status{validity.Repealed}}); res.Facets.Status[validity.InForce] != 1 {
		t.Errorf("status facet %v, want 现行有效: 1", res.Facets.Status)
	}
	// 经办口令 matches only the restricted document: the public gets what it would get
	// if that document did not exist (the looser match), staff get no hits once a
	// filter excludes it.
	pub := search(Query{Text: "经办口令"})
	if pub.Match == "exact" || strings.Join(hitIDs(pub), " ") != "public" {
		t.Errorf("public: %s match, hits %v; want the loose match of the public document", pub.Match, hitIDs(pub))
	}
	if pub := search(Query{Text: "经办口令", Level: "部门规章"}); pub.Match == "exact" || strings.Join(hitIDs(pub), " ") != "public" {
		t.Errorf("public, 部门规章: %s match, hits %v; want the loose match of the public document", pub.Match, hitIDs(pub))
	}
	if staff := search(Query{Text: "经办口令", Staff: true, Level: "法律"}); staff.Total != 0 || staff.Match != "exact" {
		t.Errorf("staff, 法律: %s match, hits %v; want none, exact", staff.Match, hitIDs(staff))
	}
}

// Of two documents the words match alike, the one in force at the as-of date ranks
// above the one it repealed, which is still found.
func TestDocumentInForceRanksFirst(t *testing.T) {
	always := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	x := indexOf(t,
		&Doc{VersionID: "old", WorkID: "w1", Title: "城市供水条例", Text: "第一条 为了加强城市供水管理，发展城市供水事业，保障城市生活、生产供水，制定本条例。", Publish: 19940701,
			Bounds: validity.Bounds{InForceFrom: 19941001, EndedFrom: 20260601, RepealedFrom: 20260601, RepFrom: model.DateMin, RepTo: model.DateMax}},
		&Doc{VersionID: "new", WorkID: "w2", Title: "国务院关于加强供水事业管理保障用水安全的条例", Text: "第一条 为了保障供水安全，制定本条例。", Publish: 20260301,
			Bounds: validity.Bounds{InForceFrom: 20260601, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}},
		&Doc{VersionID: "a", WorkID: "w3", Title: "某市养犬管理条例", Text: "第一条 为了规范养犬行为，制定本条例。", Publish: 20200101, Bounds: always},
		&Doc{VersionID: "b", WorkID: "w4", Title: "某市物业管理条例", Text: "第一条 为了规范物业管理活动，制定本条例。", Publish: 20200101, Bounds: always},
	)
	for _, c := range []struct {
		asof  model.Date
		first string
	}{{20261127, "new"}} {
		res, err := x.Search(context.Background(), Query{Text: "供水", AsOf: c.asof, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); len(got) != 2 || got[0] != c.first {
			t.Errorf("as of %s: hits %v, want %s first", c.asof, got, c.first)
		}
	}
}

// A document its source says was repealed ranks below one in force, though its status
// stays as computed.
func TestSourceEndedRanksBelow(t *testing.T) {
	always := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	x := indexOf(t,
		&Doc{VersionID: "claimed", WorkID: "w1", Title: "某市养犬管理规定", Text: "第一条 为了规范养犬行为，加强养犬管理，制定本规定。", Publish: 19950101, Bounds: always, SourceEnded: true},
		&Doc{VersionID: "current", WorkID: "w2", Title: "某市养犬管理条例", Text: "第一条 为了规范养犬行为，制定本条例。", Publish: 20200101, Bounds: always},
		&Doc{VersionID: "a", WorkID: "w3", Title: "某市物业管理条例", Text: "第一条 为了规范物业管理活动，制定本条例。", Publish: 20200101, Bounds: always},
	)
	res, err := x.Search(context.Background(), Query{Text: "养犬", AsOf: 20261127, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(res); len(got) != 2 || got[0] != "current" {
		t.Errorf("hits %v, want current first", got)
	}
}

// Digits next to a lone Chinese character (735号, 第117次常务会议) match as words: the
// character is kept by the index only inside its neighbours' bigrams.
func TestDigitsBesideALoneCharacter(t *testing.T) {
	always := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	x := indexOf(t,
		&Doc{VersionID: "fund", WorkID: "w1", Title: "医疗保障基金使用监督管理条例", Text: "2020年12月9日国务院第117次常务会议通过 2021年1月15日中华人民共和国国务院令第735号公布", Publish: 20210115, Bounds: always},
		&Doc{VersionID: "other", WorkID: "w2", Title: "某市物业管理条例", Text: "第一条 为了规范物业管理活动，制定本条例。第二条 共有118户。", Publish: 20200101, Bounds: always},
	)
	for _, q := range []string{"735号", "第117次常务会议"} {
		res, err := x.Search(context.Background(), Query{Text: q, AsOf: 20261127, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); res.Match != "exact" || len(got) != 1 || got[0] != "fund" {
			t.Errorf("%s: %s match, hits %v; want exact [fund]", q, res.Match, got)
		}
	}
}

// A repealed document whose title the words name better than its successor's still
// ranks below the document that repealed it, when that one matches too: the public is
// after the rule in force (城市供水 finds 供水条例 first, then 城市供水条例 it repealed).
// Before the repeal takes effect the old document is in force and keeps its place.
func TestSuccessorRanksAboveWhatItRepealed(t *testing.T) {
	always := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	x := indexOf(t,
		&Doc{VersionID: "old", WorkID: "w1", Title: "城市供水条例", Text: "第一条 为了加强城市供水管理，发展城市供水事业，保障城市生活、生产供水，制定本条例。第二条 城市供水工作适用本条例。", Publish: 19940701,
			Bounds:     validity.Bounds{InForceFrom: 19941001, EndedFrom: 20260601, RepealedFrom: 20260601, RepFrom: model.DateMin, RepTo: model.DateMax},
			ReplacedBy: "w2"},
		&Doc{VersionID: "new", WorkID: "w2", Title: "供水条例", Text: "第一条 为了规范供水活动，保障供水安全，制定本条例。第六十条 本条例自2026年6月1日起施行。《城市供水条例》同时废止。", Publish: 20260211,
			Bounds: validity.Bounds{InForceFrom: 20260601, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}},
		&Doc{VersionID: "city", WorkID: "w3", Title: "某市城市供水管理办法", Text: "第一条 为了加强本市城市供水管理，制定本办法。", Publish: 20200101, Bounds: always},
		&Doc{VersionID: "a", WorkID: "w4", Title: "某市养犬管理条例", Text: "第一条 为了规范养犬行为，制定本条例。", Publish: 20200101, Bounds: always},
	)
	for _, c := range []struct {
		asof model.Date
		want string // the order of old and new among the hits
	}{{20261127, "new old"}, {20250101, "old new"}} {
		res, err := x.Search(context.Background(), Query{Text: "城市供水", AsOf: c.asof, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, id := range hitIDs(res) {
			if id == "old" || id == "new" {
				got = append(got, id)
			}
		}
		if strings.Join(got, " ") != c.want || res.Total != 3 {
			t.Errorf("as of %s: hits %v (total %d), want old and new as %q among 3", c.asof, hitIDs(res), res.Total, c.want)
		}
		// Page by page, the same order, each hit once.
		var paged []string
		for off := 0; off < 3; off++ {
			p, err := x.Search(context.Background(), Query{Text: "城市供水", AsOf: c.asof, Size: 1, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, hitIDs(p)...)
		}
		if strings.Join(paged, " ") != strings.Join(hitIDs(res), " ") {
			t.Errorf("as of %s: pages %v, want %v", c.asof, paged, hitIDs(res))
		}
	}
}

// A law cited with its version note (《中华人民共和国公司法》（2018年修正）, 公司法2023年修订)
// finds the law: hits stand for works, shown by their version in force, whose text
// need not repeat the note, so the note is not required of the text.
func TestVersionNoteFindsTheLaw(t *testing.T) {
	x := indexOf(t,
		&Doc{VersionID: "law", WorkID: "w1", Title: "中华人民共和国公司法", Text: "第一条 为了规范公司的组织和行为，保护公司、股东、职工和债权人的合法权益，制定本法。", Level: "法律", Publish: 20231229},
		&Doc{VersionID: "citing", WorkID: "w2", Title: "某市市场主体登记办法", Text: "第一条 根据《中华人民共和国公司法》（2018年修正）等法律，制定本办法。", Publish: 20190101},
		&Doc{VersionID: "other", WorkID: "w3", Title: "某市物业管理条例", Text: "第一条 为了规范物业管理活动，制定本条例。", Publish: 20200101},
	)
	for _, q := range []string{"《中华人民共和国公司法》（2018年修正）", "公司法2023年修订", "公司法 2018修正本", "中华人民共和国公司法(2018年第四次修正)"} {
		res, err := x.Search(context.Background(), Query{Text: q, AsOf: 20261127, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); len(got) == 0 || got[0] != "law" {
			t.Errorf("%s: %s match, hits %v; want law first", q, res.Match, got)
		}
	}
	// A note alone still searches for itself.
	res, err := x.Search(context.Background(), Query{Text: "2018年修正", AsOf: 20261127, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(res); len(got) != 1 || got[0] != "citing" {
		t.Errorf("2018年修正: %s match, hits %v; want [citing]", res.Match, got)
	}
}

// Of two documents the words match about alike, the one in force on the as-of date
// ranks above the one not yet in force then, which is still found with its status: a search
// as of 2010-01-01 shows what was in force then first, and one made between a
// document's publication and its effective date the rules still in force.
func TestNotYetEffectiveRanksBelowInForce(t *testing.T) {
	x := indexOf(t,
		&Doc{VersionID: "later", WorkID: "w1", Title: "某县失业保险办法", Text: "第一条 为了做好失业保险工作，制定本办法。", Publish: 20110301,
			Bounds: validity.Bounds{InForceFrom: 20110601, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}},
		&Doc{VersionID: "then", WorkID: "w2", Title: "某市失业保险办法", Text: "第一条 为了做好本市的失业保险工作，制定本办法。", Publish: 20050101},
		&Doc{VersionID: "other", WorkID: "w3", Title: "某市物业管理条例", Text: "第一条 为了规范物业管理活动，制定本条例。", Publish: 20200101},
	)
	for _, c := range []struct {
		asof  model.Date
		order string
	}{{20100101, "then later"}, {20110401, "then later"}, {20261127, "later then"}} {
		res, err := x.Search(context.Background(), Query{Text: "失业保险", AsOf: c.asof, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(hitIDs(res), " "); got != c.order {
			t.Errorf("as of %s: hits %s, want %s", c.asof, got, c.order)
		}
	}
}

// The fast path scores a lone character exactly as bleve's searchers do, to the last
// bit: documents that tie there tie on the fast path too and are ranked alike (by
// document number). A lone character starts many text bigrams (第一, 第二, …), whose
// scores bleve adds up in the order of its disjunction searchers; added up in another
// order they differ in the last bits, and tied documents swapped places between the
// fast path and bleve's searchers.
func TestFastPathTiesAsBleve(t *testing.T) {
	var docs []*Doc
	numerals := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"}
	for i := range 60 {
		var b strings.Builder
		// The same articles in another order: the same terms, frequencies and length.
		n := 4 + i%11
		for k := range n {
			fmt.Fprintf(&b, "第%s条 本规定适用于本市。\n", numerals[(k*7+i)%n])
		}
		docs = append(docs, &Doc{VersionID: fmt.Sprintf("v%02d", i), WorkID: fmt.Sprintf("w%02d", i), Title: "某市管理规定", Text: b.String(), Publish: 20200101})
	}
	x := indexOf(t, docs...)
	for _, text := range []string{"第", "本", "规"} {
		q := Query{Text: text, AsOf: 20261127, Size: 100}
		got, err := x.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		x.Exhaustive = true
		want, err := x.Search(context.Background(), q)
		x.Exhaustive = false
		if err != nil {
			t.Fatal(err)
		}
		if !got.Fast || len(got.Hits) != len(want.Hits) {
			t.Fatalf("%s: fast %v, %d hits, bleve %d", text, got.Fast, len(got.Hits), len(want.Hits))
		}
		for i := range got.Hits {
			g, w := got.Hits[i], want.Hits[i]
			if g.VersionID != w.VersionID || math.Float64bits(g.Score) != math.Float64bits(w.Score) {
				t.Errorf("%s: hit %d %s %.17g, bleve %s %.17g", text, i, g.VersionID, g.Score, w.VersionID, w.Score)
			}
		}
	}
}

// A lone character is found wherever the text has it, also where it ends a run of
// Chinese text (纳税。, 第一条 ) and so starts no bigram: 税 finds a text that writes
// it only as 依法纳税。, on the fast path and through bleve's searchers.
func TestLoneCharacterEndingARun(t *testing.T) {
	x := indexOf(t,
		&Doc{VersionID: "tax", WorkID: "w1", Title: "某市个体工商户管理办法", Text: "第一条 个体工商户应当依法纳税。\n第二条 本办法由市场监管部门解释。", Publish: 20200101},
		&Doc{VersionID: "other", WorkID: "w2", Title: "某市物业管理条例", Text: "第一条 为了规范物业管理活动，制定本条例。", Publish: 20200101},
	)
	for _, c := range []struct{ q, want string }{{"税", "tax"}, {"释", "tax"}, {"条", "other tax"}} {
		for _, exhaustive := range []bool{false, true} {
			x.Exhaustive = exhaustive
			res, err := x.Search(context.Background(), Query{Text: c.q, AsOf: 20261127, Size: 10})
			x.Exhaustive = false
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			sort.Strings(got)
			if strings.Join(got, " ") != c.want || res.Match != "exact" {
				t.Errorf("%s (exhaustive %v): %s match, hits %v; want %s", c.q, exhaustive, res.Match, got, c.want)
			}
		}
	}
}

// A lone letter or digit of a query is a word of its own, as the highlights mark it:
// 3 finds 共3人, not 30 or 2023; the t of GB/T is not the start of TTR5465.
func TestLoneLetterOrDigitIsAWord(t *testing.T) {
	x := indexOf(t,
		&Doc{VersionID: "three", WorkID: "w1", Title: "某市殡葬服务办法", Text: "第一条 每户限3人。", Publish: 20200101},
		&Doc{VersionID: "thirty", WorkID: "w2", Title: "某市养犬管理条例", Text: "第一条 每户限30人，2023年起执行，编码为TTR5465。", Publish: 20200101},
		&Doc{VersionID: "gbt", WorkID: "w3", Title: "某市物业管理条例", Text: "第一条 执行GB/T 17019标准。", Publish: 20200101},
	)
	for _, c := range []struct{ q, want string }{{"3", "three"}, {"t", "gbt"}, {"GB/T 99999", "gbt"}} {
		for _, exhaustive := range []bool{false, true} {
			x.Exhaustive = exhaustive
			res, err := x.Search(context.Background(), Query{Text: c.q, AsOf: 20261127, Size: 10})
			x.Exhaustive = false
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(hitIDs(res), " "); got != c.want {
				t.Errorf("%s (exhaustive %v): %s match, hits %s; want %s", c.q, exhaustive, res.Match, got, c.want)
			}
		}
	}
}
