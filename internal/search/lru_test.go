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
