package search

import (
	"container/list"
	"sync"
)

// textCache keeps recently read texts: search snippets and document pages read the same
// popular documents over and over, and each read decompresses the whole stored text.
type textCache struct {
	mu    sync.Mutex
	limit int // bytes
	size  int
	order *list.List // front = most recent
	items map[string]*list.Element
}

type cachedText struct {
	id, text string
}

func newTextCache(limit int) *textCache {
	return &textCache{limit: limit, order: list.New(), items: map[string]*list.Element{}}
}

func (c *textCache) get(id string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[id]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cachedText).text, true
	}
	return "", false
}

func (c *textCache) put(id, text string) {
	if len(text) > c.limit/8 {
		return // one huge text would push out everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[id]; ok {
		return
	}
	c.items[id] = c.order.PushFront(&cachedText{id, text})
	c.size += len(text)
	for c.size > c.limit {
		e := c.order.Back()
		t := e.Value.(*cachedText)
		c.order.Remove(e)
		delete(c.items, t.id)
		c.size -= len(t.text)
	}
}
