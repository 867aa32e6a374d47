package search

import (
	"sort"

	"github.com/guifan/guifan/internal/model"
)

// topK keeps the k best matches seen: by score, or newest first; ties go to the lower
// document number, so pages of one snapshot never overlap or skip.
//
// The heap is typed rather than container/heap's: a broad search offers every match,
// and a browse by date, whose documents come newest-last, replaces the heap's top for
// most of them; through container/heap's interface calls that was a fifth of its time.
type topK struct {
	k      int
	byDate bool
	h      []ranked // a heap with the worst kept match on top
}

func newTopK(k int, byDate bool) *topK {
	return &topK{k: k, byDate: byDate}
}

// wants reports whether a match would be kept: small enough to inline, so that the
// matches a broad search rejects (most of them, once the heap is full) cost a comparison.
func (t *topK) wants(doc uint64, score float64, publish model.Date) bool {
	if len(t.h) < t.k {
		return true
	}
	if t.k == 0 {
		return false
	}
	w := &t.h[0]
	if t.byDate {
		return publish > w.publish || publish == w.publish && doc < w.doc
	}
	return score > w.score || score == w.score && doc < w.doc
}

// offer keeps r if it is among the k best so far.
func (t *topK) offer(r ranked) {
	if !t.wants(r.doc, r.score, r.publish) {
		return
	}
	if len(t.h) < t.k {
		t.h = append(t.h, r)
		t.up(len(t.h) - 1)
		return
	}
	t.h[0] = r
	t.down(0)
}

// worse orders the heap: the worst match rises to the top.
func (t *topK) worse(i, j int) bool { return better(t.h[j], t.h[i], t.byDate) }

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !t.worse(i, p) {
			return
		}
		t.h[i], t.h[p] = t.h[p], t.h[i]
		i = p
	}
}

func (t *topK) down(i int) {
	n := len(t.h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && t.worse(r, l) {
			m = r
		}
		if !t.worse(m, i) {
			return
		}
		t.h[i], t.h[m] = t.h[m], t.h[i]
		i = m
	}
}

// sorted returns the kept matches, best first.
func (t *topK) sorted() []ranked {
	out := append([]ranked(nil), t.h...)
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
