package search

import (
	"context"
	"slices"
)

// A query without text (the newest documents, with or without filters: the search
// page before anything is typed, a facet clicked, the 已修改 documents of a year) matches
// by the document table alone. Scanning the whole table for each such query cost about
// 3 ms at 100k versions and 30 ms at 1M. browse splits it in two: the total and the
// facet counts, which depend only on the filters and the date and are kept per
// snapshot (browseTotals); and the page, which it reads from the documents in date
// order and stops as soon as the page (and one more, to know there is a next page)
// is found.

// browseTotals are what a query without text counts over the whole table.
type browseTotals struct {
	total    uint64
	status   [4]int
	expiring int
	counts   facetCounts
}

func (b *browseTotals) bytes() int {
	return 64 + 8*(len(b.counts.level)+len(b.counts.auth)+len(b.counts.topic)+len(b.counts.year))
}

// browseCacheBytes bounds the totals a read-only index keeps: at 100k versions an entry
// is about 50 KB (the authorities' counts), so some three hundred filter combinations.
const browseCacheBytes = 16 << 20

// browse fills c and top for a query without text; admit applies the filters to one
// document, counts it, and reports whether it matches.
func (x *Index) browse(ctx context.Context, q Query, t *docTable, f *filter, c *collected, top *topK, cur *ranked, admit func(doc uint64) bool) error {
	if f.none {
		return nil
	}
	key := *f
	key.t = nil // the same filters on the same snapshot: the table is the index's
	if e, ok := x.browses.get(key); ok {
		c.total, c.status, c.expiring = e.total, e.status, e.expiring
		if c.counts {
			copy(c.level, e.counts.level)
			copy(c.auth, e.counts.auth)
			copy(c.topic, e.counts.topic)
			copy(c.year, e.counts.year)
		}
	} else {
		if !c.counts { // counted anyway, for the next query with facets
			c.counts = true
			c.facetCounts = t.facetCounts()
		}
		for doc := range t.rows {
			if doc&4095 == 4095 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			admit(uint64(doc))
		}
		e := &browseTotals{total: c.total, status: c.status, expiring: c.expiring, counts: facetCounts{
			level: slices.Clone(c.level), auth: slices.Clone(c.auth), topic: slices.Clone(c.topic), year: slices.Clone(c.year),
		}}
		x.browses.put(key, e)
	}
	// The page: newest first, as the table's date order runs.
	k := q.Offset + q.Size
	found := 0
	for i, doc := range t.dateOrder() {
		if i&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rw := &t.rows[doc]
		if !f.base(rw) || !f.statusOK(rw, t.status(rw, f.asof)) {
			continue
		}
		r := ranked{doc: uint64(doc), publish: rw.publish}
		if cur != nil && !better(*cur, r, true) {
			continue // on an earlier page
		}
		if found == k {
			found++ // one more: there is a next page
			break
		}
		top.offer(r)
		found++
	}
	c.after = uint64(found)
	return nil
}

// dateOrder is the table's known documents newest first, ties by document number (the
// order topK keeps by date), sorted once per table.
func (t *docTable) dateOrder() []uint32 {
	t.byDate.Do(func() {
		for doc := range t.rows {
			if t.rows[doc].known {
				t.newest = append(t.newest, uint32(doc))
			}
		}
		slices.SortFunc(t.newest, func(a, b uint32) int {
			if pa, pb := t.rows[a].publish, t.rows[b].publish; pa != pb {
				if pa > pb {
					return -1
				}
				return 1
			}
			if a < b {
				return -1
			}
			return 1
		})
	})
	return t.newest
}
