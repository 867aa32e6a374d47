package search

import (
	"container/list"
	"sync"
)

// lru keeps recently used values up to a total size in bytes. A read-only index keeps
// two: decompressed texts (search snippets and document pages read the same popular
// documents over and over, and each read decompresses the whole stored text) and the
// scored matches of the queries already asked (flat.go).
type lru[K comparable, V any] struct {
	mu    sync.Mutex
	limit int // bytes
	most  int // the largest value kept, in bytes
	size  int
	order *list.List // front = most recent
	items map[K]*list.Element
	bytes func(V) int
}

type lruItem[K comparable, V any] struct {
	key   K
	value V
	size  int
}

// newLRU keeps up to limit bytes, and no value over most bytes (one huge value would
// push out everything else).
func newLRU[K comparable, V any](limit, most int, bytes func(V) int) *lru[K, V] {
	return &lru[K, V]{limit: limit, most: most, order: list.New(), items: map[K]*list.Element{}, bytes: bytes}
}

// get and put do nothing on a nil cache (a cache turned off).
func (c *lru[K, V]) get(k K) (V, bool) {
	if c == nil {
		var zero V
		return zero, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruItem[K, V]).value, true
	}
	var zero V
	return zero, false
}

func (c *lru[K, V]) put(k K, v V) {
	if c == nil {
		return
	}
	n := c.bytes(v)
	if n > c.most {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; ok {
		return
	}
	c.items[k] = c.order.PushFront(&lruItem[K, V]{k, v, n})
	c.size += n
	for c.size > c.limit {
		e := c.order.Back()
		it := e.Value.(*lruItem[K, V])
		c.order.Remove(e)
		delete(c.items, it.key)
		c.size -= it.size
	}
}

// textCache holds texts by version id.
type textCache = lru[string, string]

func newTextCache(limit int) *textCache {
	return newLRU[string](limit, limit/8, func(s string) int { return len(s) })
}
