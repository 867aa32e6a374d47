package e2e

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"os"
	"reflect"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

// TestFastPathMatchesBleve holds the fast path for one-word queries of one or two
// characters (internal/search/flat.go) to what bleve's searchers give for the same
// query: the same total, facets, match pass and page, with the same scores to the last bit.
// GUIFAN_BENCH_INDEX runs it on another index (a generated library at scale).
func TestFastPathMatchesBleve(t *testing.T) {
	st := openCorpusOrBench(t)
	cases := []url.Values{
		{"q": {"规定"}},
		{"q": {"规定"}, "page": {"3"}, "size": {"20"}},
		{"q": {"条例"}, "level": {"地方性法规"}, "sort": {"date"}},
		{"q": {"保险"}, "status": {"现行有效"}, "level": {"行政法规"}},
		{"q": {"公司"}, "asof": {"2015-06-01"}},
		{"q": {"劳动"}, "status": {"已修改"}}, // staff only: the public find nothing and fall back
		{"q": {"民法"}},
		{"q": {"刑法"}, "size": {"50"}},
		{"q": {"税"}},
		{"q": {"法"}, "page": {"2"}},
		{"q": {"房"}, "asof": {"2010-01-01"}},
		{"q": {"鬯"}}, // a character no document has: both find nothing and fall back alike
		{"q": {"规定"}, "year": {"2018"}},
	}
	fast, cached := 0, 0
	againstExhaustive(t, st, cases, func(name string, q search.Query, want *search.Result) {
		// Twice: the second search of a word replays the matches the first cached.
		for run := range 2 {
			got, err := st.Index.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if got.Fast {
				fast++
			} else if got.Match == "exact" {
				t.Errorf("%s: answered by bleve's searchers, not the fast path", name)
			}
			if got.Cached {
				cached++
			} else if got.Fast && run == 1 {
				t.Errorf("%s: the second search was not answered from the cache", name)
			}
			sameResult(t, fmt.Sprintf("%s, search %d", name, run+1), got, want)
		}
	})
	if fast < 4*(len(cases)-2) {
		t.Errorf("the fast path answered %d of %d searches; all but the two without an exact match should take it", fast, 4*len(cases))
	}
	if cached < fast/2 {
		t.Errorf("%d of %d fast searches came from the cache", cached, fast)
	}
}

// TestCachedMatchesMatchBleve holds the match cache for queries bleve's searchers
// answer (several words, phrases, longer words, doc numbers, the looser passes) to a
// search that reads everything afresh: the second search of each query is replayed
// from the cache and gives the same total, facets, match pass and page.
func TestCachedMatchesMatchBleve(t *testing.T) {
	st := openCorpusOrBench(t)
	cases := []url.Values{
		{"q": {"社会保险"}},
		{"q": {"社会保险"}, "status": {"现行有效"}, "page": {"2"}},
		{"q": {"个人信息 保护"}, "level": {"法律"}},
		{"q": {`"劳动合同"`}},
		{"q": {"《中华人民共和国民法典》"}},
		{"q": {"公司法"}, "asof": {"2015-06-01"}},
		{"q": {"网络安全"}, "asof": {"2020-01-01"}, "status": {"现行有效"}},
		{"q": {"失业金怎么领"}},
		{"q": {"网购退货"}},
		{"q": {"法释〔2023〕13号"}},
		{"q": {"城乡居民 养老 宇宙飞船"}}, // no document has all three: the looser passes answer
	}
	cached := 0
	againstExhaustive(t, st, cases, func(name string, q search.Query, want *search.Result) {
		if want.Cached {
			t.Fatalf("%s: an exhaustive search was answered from the cache", name)
		}
		for run := range 2 {
			got, err := st.Index.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if got.Fast {
				t.Errorf("%s: answered by the fast path; this test is for bleve's searchers", name)
			}
			if got.Cached {
				cached++
			} else if run == 1 {
				t.Errorf("%s: the second search was not answered from the cache", name)
			}
			sameResult(t, fmt.Sprintf("%s, search %d", name, run+1), got, want)
		}
	})
	if cached < 2*len(cases) {
		t.Errorf("%d of %d searches came from the cache, want at least %d", cached, 4*len(cases), 2*len(cases))
	}
}

// againstExhaustive calls check for every case, searched as the public and as staff,
// with the answer of an exhaustive search (bleve's searchers, no caches) to compare with.
func againstExhaustive(t *testing.T, st *service.State, cases []url.Values, check func(name string, q search.Query, want *search.Result)) {
	t.Helper()
	for _, v := range cases {
		q, err := search.FromValues(v, model.Date(20261127))
		if err != nil {
			t.Fatal(err)
		}
		for _, staff := range []bool{false, true} {
			q.Staff = staff
			st.Index.Exhaustive = true
			want, err := st.Index.Search(context.Background(), q)
			st.Index.Exhaustive = false
			if err != nil {
				t.Fatal(err)
			}
			name := v.Encode()
			if staff {
				name += " (staff)"
			}
			check(name, q, want)
		}
	}
}

// sameResult fails the test unless got (the fast path) and want (bleve's searchers)
// agree on total, match pass, facets and page, with the same scores to the last bit:
// documents that tie in bleve tie on the fast path too, and are ranked alike.
func sameResult(t *testing.T, name string, got, want *search.Result) {
	t.Helper()
	if !sameCounts(t, name, got, want) {
		return
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.VersionID != w.VersionID || math.Float64bits(g.Score) != math.Float64bits(w.Score) {
			t.Errorf("%s: hit %d is %s scoring %.17g, bleve has %s scoring %.17g", name, i, g.VersionID, g.Score, w.VersionID, w.Score)
			return
		}
	}
}

// sameCounts fails the test unless got and want (the reference answer) agree on total,
// match pass, facets and the number of hits, and reports whether the hits can be compared.
func sameCounts(t *testing.T, name string, got, want *search.Result) bool {
	t.Helper()
	if got.Total != want.Total || got.Match != want.Match {
		t.Errorf("%s: total %d (%s), reference %d (%s)", name, got.Total, got.Match, want.Total, want.Match)
		return false
	}
	if !reflect.DeepEqual(got.Facets, want.Facets) {
		t.Errorf("%s: facets differ:\ngot       %+v\nreference %+v", name, got.Facets, want.Facets)
	}
	if len(got.Hits) != len(want.Hits) {
		t.Errorf("%s: %d hits, reference %d", name, len(got.Hits), len(want.Hits))
		return false
	}
	return true
}

// openCorpusOrBench opens the corpus index, or the index GUIFAN_BENCH_INDEX names (a
// generated library at scale), for the length of the test.
func openCorpusOrBench(t *testing.T) *service.State {
	t.Helper()
	dir := os.Getenv("GUIFAN_BENCH_INDEX")
	if dir == "" {
		need(t)
		dir = indexDir
	}
	st, done, err := service.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(done)
	return st
}
