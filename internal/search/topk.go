package search

import (
	"container/heap"
	"sort"
)

// topK keeps the k best matches seen: by score, or newest first; ties go to the lower
// document number, so pages of one snapshot never overlap or skip.
type topK struct {
	k      int
	byDate bool
	h      rankHeap
}

func newTopK(k int, byDate bool) *topK {
	return &topK{k: k, byDate: byDate, h: rankHeap{byDate: byDate}}
}

func (t *topK) offer(r ranked) {
	if t.k <= 0 {
		return
	}
	if len(t.h.items) < t.k {
		heap.Push(&t.h, r)
		return
	}
	if better(r, t.h.items[0], t.byDate) {
		t.h.items[0] = r
		heap.Fix(&t.h, 0)
	}
}

// sorted returns the kept matches, best first.
func (t *topK) sorted() []ranked {
	out := append([]ranked(nil), t.h.items...)
	sort.Slice(out, func(i, j int) bool { return better(out[i], out[j], t.byDate) })
	return out
}

func better(a, b ranked, byDate bool) bool {
	if byDate {
		if a.publish != b.publish {
			return a.publish > b.publish
		}
	} else if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// rankHeap has the worst kept match on top.
type rankHeap struct {
	items  []ranked
	byDate bool
}

func (h rankHeap) Len() int           { return len(h.items) }
func (h rankHeap) Less(i, j int) bool { return better(h.items[j], h.items[i], h.byDate) }
func (h rankHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *rankHeap) Push(x any)        { h.items = append(h.items, x.(ranked)) }
func (h *rankHeap) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}
