package search

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

// The kept matches are exactly the first k of a full sort, in either order, with ties
// (scores and dates repeat a lot) broken by document number.
func TestTopKAgreesWithFullSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, byDate := range []bool{false, true} {
		for _, k := range []int{0, 1, 7, 100, 5000} {
			var all []ranked
			top := newTopK(k, byDate)
			for doc := range 3000 {
				r := ranked{doc: uint64(doc), score: float64(rng.IntN(50)) / 7, publish: model.Date(20000101 + rng.IntN(30)*10000)}
				all = append(all, r)
				top.offer(r)
			}
			sort.Slice(all, func(i, j int) bool { return better(all[i], all[j], byDate) })
			want := all[:min(k, len(all))]
			got := top.sorted()
			if len(got) != len(want) {
				t.Fatalf("byDate=%v k=%d: kept %d, want %d", byDate, k, len(got), len(want))
			}
			for i := range want {
				if got[i].doc != want[i].doc {
					t.Fatalf("byDate=%v k=%d: position %d is doc %d, want %d", byDate, k, i, got[i].doc, want[i].doc)
				}
			}
		}
	}
}

// A cursor handed to a client is sealed: it opens only at the snapshot (and key) that
// issued it, shows neither score nor document number, and an altered one is refused.
func TestCursorRoundTripAndRejects(t *testing.T) {
	key := NewCursorKey()
	x := &Index{tag: "20261127T033728.827-c634160f", cursorAEAD: cursorAEAD(key)}
	c := Cursor{Snapshot: x.tag, Score: 3.141592653589793, Publish: 20240101, Doc: 123456}
	x.seal(&c)
	parsed, err := ParseCursor(c.String())
	if err != nil {
		t.Fatal(err)
	}
	got, err := x.open(parsed)
	if err != nil || got.Snapshot != c.Snapshot || got.Score != c.Score || got.Publish != c.Publish || got.Doc != c.Doc {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(c.String())
	if strings.Contains(string(raw), x.tag) || strings.Contains(string(raw), "|123456") {
		t.Errorf("the cursor reads in clear: %q", raw)
	}
	// The same snapshot served by another replica reads the same key.
	if _, err := (&Index{tag: x.tag, cursorAEAD: cursorAEAD(key)}).open(parsed); err != nil {
		t.Errorf("another replica: %v", err)
	}
	for name, y := range map[string]*Index{
		"another key":      {tag: x.tag, cursorAEAD: cursorAEAD(NewCursorKey())},
		"another snapshot": {tag: "20261128T000000.000-00000000", cursorAEAD: cursorAEAD(key)},
	} {
		if _, err := y.open(parsed); err == nil {
			t.Errorf("%s opened the cursor", name)
		}
	}
	plain := Cursor{Snapshot: x.tag, Score: 99, Publish: 20240101, Doc: 1}
	for _, bad := range []string{c.String()[:len(c.String())-2] + "AA", plain.String()} {
		p, err := ParseCursor(bad)
		if err == nil {
			_, err = x.open(p)
		}
		if err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, bad := range []string{"", "x!", strings.Repeat("A", 400)} {
		if _, err := ParseCursor(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Facet lists are the n most frequent values, ties by value, as a full sort would give.
func TestFacetTopValues(t *testing.T) {
	tb := &docTable{}
	c := &collected{t: tb, facetCounts: &facetCounts{}}
	var all []Count
	for i := 0; i < 300; i++ {
		v := fmt.Sprintf("机关%03d", (i*37)%300)
		n := tb.authorities.id(v)
		for len(c.auth) <= int(n) {
			c.auth = append(c.auth, 0)
		}
		c.auth[n] = i % 7 // many ties, some zero
		if i%7 > 0 {
			all = append(all, Count{Value: v, Count: i % 7})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Count != all[j].Count {
			return all[i].Count > all[j].Count
		}
		return all[i].Value < all[j].Value
	})
	got := c.facets().Authority
	if !reflect.DeepEqual(got, all[:20]) {
		t.Fatalf("top authorities:\n got %v\nwant %v", got, all[:20])
	}
}
