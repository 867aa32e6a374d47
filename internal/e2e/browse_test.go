package e2e

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
)

// TestBrowseMatchesFullScan holds queries without text, answered from cached totals and
// the table's date order (internal/search/browse.go), to the full scan of the document
// table: the same totals, facets, pages and next-page cursors, first from a cold cache
// and then from a warm one, and three pages deep by cursor.
// GUIFAN_BENCH_INDEX runs it on another index.
func TestBrowseMatchesFullScan(t *testing.T) {
	st := openCorpusOrBench(t)
	cases := []url.Values{
		{},
		{"page": {"3"}, "size": {"20"}},
		{"status": {"已修改"}, "year": {"2018"}},
		{"status": {"现行有效"}, "level": {"行政法规"}},
		{"status": {"已废止"}},
		{"level": {"地方性法规"}, "asof": {"2015-06-01"}},
		{"asof": {"2001-01-01"}, "size": {"50"}},
		{"year": {"2020"}, "page": {"2"}},
		{"authority": {"没有这个机关"}},
		{"expiring": {"1"}},
	}
	search1 := func(q search.Query, exhaustive bool) *search.Result {
		t.Helper()
		st.Index.Exhaustive = exhaustive
		defer func() { st.Index.Exhaustive = false }()
		res, err := st.Index.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, v := range cases {
		q, err := search.FromValues(v, model.Date(20261127))
		if err != nil {
			t.Fatal(err)
		}
		for _, staff := range []bool{false, true} {
			q.Staff = staff
			name := fmt.Sprintf("%s staff=%v", v.Encode(), staff)
			want := search1(q, true)
			for run := range 2 {
				sameBrowse(t, fmt.Sprintf("%s, search %d", name, run+1), search1(q, false), want)
			}
			// Follow the cursors.
			a, b := search1(q, false), want
			for page := 2; page <= 4 && b.Next != nil; page++ {
				if a.Next == nil {
					t.Errorf("%s: no cursor after page %d, the full scan has one", name, page-1)
					break
				}
				qa, qb := q, q
				qa.Offset, qb.Offset = 0, 0
				qa.After, qb.After = a.Next, b.Next
				a, b = search1(qa, false), search1(qb, true)
				sameBrowse(t, fmt.Sprintf("%s, cursor page %d", name, page), a, b)
			}
		}
	}
}

func sameBrowse(t *testing.T, name string, got, want *search.Result) {
	t.Helper()
	if !sameCounts(t, name, got, want) {
		return
	}
	for i := range got.Hits {
		if got.Hits[i].VersionID != want.Hits[i].VersionID {
			t.Errorf("%s: hit %d is %s, full scan %s", name, i, got.Hits[i].VersionID, want.Hits[i].VersionID)
			return
		}
	}
	same := func(a, b *search.Cursor) bool { // the sealed forms differ by their nonces
		return a.Snapshot == b.Snapshot && a.Score == b.Score && a.Publish == b.Publish && a.Doc == b.Doc
	}
	if (got.Next == nil) != (want.Next == nil) || got.Next != nil && !same(got.Next, want.Next) {
		t.Errorf("%s: next cursor %+v, full scan %+v", name, got.Next, want.Next)
	}
}
