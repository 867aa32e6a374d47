package search

import (
	"strings"
	"testing"
)

func TestLRUEvictsOldest(t *testing.T) {
	c := newTextCache(100)
	c.put("a", strings.Repeat("x", 10))
	c.put("b", strings.Repeat("y", 10))
	c.put("huge", strings.Repeat("z", 50)) // over limit/8: never cached
	if _, ok := c.get("huge"); ok {
		t.Error("a text over an eighth of the cache was kept")
	}
	c.get("a") // a is now the most recent
	for i := 0; i < 9; i++ {
		c.put(string(rune('c'+i)), strings.Repeat("w", 10))
	}
	if _, ok := c.get("b"); ok {
		t.Error("the least recently used text was not evicted")
	}
	if c.size > c.limit {
		t.Errorf("size %d over limit %d", c.size, c.limit)
	}
}

// The match cache grows with the index, so that the broadest query's matches (规定: nine
// documents in ten) fit in it at any size, and can be turned off.
func TestMatchCacheSize(t *testing.T) {
	defer func(b int) { MatchCacheBytes = b }(MatchCacheBytes)
	MatchCacheBytes = MatchCacheAuto
	for _, n := range []uint64{0, 100_000, 1_000_000, 10_000_000} {
		c := matchCacheFor(n)
		broadest := (&matchList{docs: make([]uint32, n*9/10)}).bytes()
		if c == nil || c.limit < 32<<20 || broadest > c.most || c.most > c.limit/3 {
			t.Errorf("%d versions: cache %+v cannot hold a list of %d bytes", n, c, broadest)
		}
	}
	MatchCacheBytes = 0
	if matchCacheFor(1000) != nil {
		t.Error("MatchCacheBytes = 0 still keeps matches")
	}
	MatchCacheBytes = 1 << 20
	if c := matchCacheFor(1_000_000); c.limit != 1<<20 {
		t.Errorf("a set size is not kept: %d", c.limit)
	}
}
