package search

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

// Result is one page of hits with the facet counts of the whole result set.
type Result struct {
	Total  uint64
	Took   time.Duration
	Match  string // how the text matched: exact, partial, loose, or all for an empty query
	Plan   *Plan
	Hits   []Hit
	Facets Facets
	Next   *Cursor // where the following page starts; nil on the last page
	Fast   bool    // scored by the fast path of flat.go rather than bleve's searchers
	Cached bool    // the matches were replayed from the index's cache
}

// Hit is a version that represents its work on the as-of date.
type Hit struct {
	VersionID string
	Score     float64
	Snippets  []string // HTML-escaped text fragments with <mark> around matches
}

// Facets counts the result set by status (as of the date asked), level, authority,
// year and topic.
type Facets struct {
	Status    map[validity.Status]int
	Expiring  int // 即将到期, counted like the statuses
	Level     []Count
	Authority []Count
	Year      []Count
	Topic     []Count
}

// Count is one facet value.
type Count struct {
	Value string
	Count int
}

// running admits as many searches at once as there are processors; the others wait
// their turn in arrival order. Sharing the processors among every request in flight
// stretches a broad query by the number of requests it shares them with; letting it
// run to completion bounds its time to its own cost plus the queue ahead of it.
var running = make(chan struct{}, runtime.GOMAXPROCS(0))

// Search runs q. Looser matching is tried only when the stricter finds nothing.
func (x *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	select {
	case running <- struct{}{}:
		defer func() { <-running }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	seg := x.Segmenter
	if seg == nil {
		seg = segment
	}
	plan := parsePlan(q.Text, seg)
	passes := []pass{passExact, passPartial, passLoose}
	if plan.Empty() || len(plan.Units) == 0 || q.ExactOnly {
		passes = passes[:1]
	}
	var c *collected
	var used pass
	fast, cached := false, false
	defer func() {
		if c != nil {
			c.release()
		}
	}()
	for _, ps := range passes {
		if c != nil {
			c.release()
		}
		var err error
		if c, err = x.collect(ctx, q, plan, ps); err != nil {
			return nil, err
		}
		used, fast, cached = ps, c.fast, c.cached
		if c.total > 0 || c.visible > 0 {
			// A pass that matches documents the viewer may see settles how the words
			// match even when the filters leave none of them: a looser pass would only
			// show what the words do not name.
			break
		}
	}
	out := &Result{Total: c.total, Plan: plan, Match: used.String(), Next: c.next, Fast: fast, Cached: cached}
	if plan.Empty() {
		out.Match = "all"
	}
	if !q.NoFacets {
		out.Facets = c.facets()
	}
	literals, numbers := plan.Literals(), plan.numberKeys()
	for _, h := range c.page {
		hit := Hit{VersionID: h.id, Score: h.score}
		if len(literals) > 0 || len(numbers) > 0 {
			if text, err := x.Text(h.id); err == nil {
				hit.Snippets = snippets(text, literals, numbers, 3, 80)
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Took = time.Since(start)
	return out, nil
}

// collected is one pass over the documents a text query matches: the filters, the
// facet counts and the page are computed from the document table as the matches stream
// by, so a broad query costs one slice lookup per match on top of bleve's matching.
type collected struct {
	t        *docTable
	total    uint64
	visible  uint64 // matches the viewer may see, before the user's filters
	after    uint64 // matches after the cursor, when there is one
	next     *Cursor
	page     []ranked
	fast     bool // matched by the fast path
	cached   bool // the fast path's matches came from the cache
	counts   bool
	status   [4]int // by position in validity.WorkStatuses
	expiring int    // 即将到期 among them
	*facetCounts
}

// release returns the facet counts for another search to use.
func (c *collected) release() {
	if c.facetCounts != nil {
		c.t.counts.Put(c.facetCounts)
		c.facetCounts = nil
	}
}

// endedWeight scales the relevance of a document not in force at the as-of date: no
// longer, or not yet.
const endedWeight = 0.5

// successors ranks a document in force above the documents it repealed that match the
// same words: whoever searches 城市供水 wants 供水条例, which repealed 城市供水条例, before
// it, though the old title names the words better. A match of a work that repeals
// another is held back until every match has been seen, then placed with its score
// raised just above the best of its repealed predecessors' (as they rank, halved).
type successors struct {
	best map[uint32]float64 // by successor ordinal, the best score of what it repealed
	held []heldMatch
}

type heldMatch struct {
	ranked
	ord uint32 // the work's ordinal in docTable.successors
}

func (s *successors) repealed(ord uint32, score float64) {
	if s.best == nil {
		s.best = map[uint32]float64{}
	}
	if b, ok := s.best[ord]; !ok || score > b {
		s.best[ord] = score
	}
}

func (s *successors) lift(h heldMatch) ranked {
	if b, ok := s.best[h.ord]; ok && h.score <= b {
		h.score = math.Nextafter(b, math.Inf(1))
	}
	return h.ranked
}

// ranked is a match competing for the page.
type ranked struct {
	doc     uint64
	score   float64
	publish model.Date
	id      string
}

func (x *Index) collect(ctx context.Context, q Query, plan *Plan, ps pass) (*collected, error) {
	adv, err := x.b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	t, err := x.tableFor(r)
	if err != nil {
		return nil, err
	}
	byDate := q.SortDate || plan.Empty()
	f := q.compile(t)
	c := &collected{t: t}
	if !q.NoFacets {
		c.counts = true
		c.facetCounts = t.facetCounts()
	}
	top := newTopK(q.Offset+q.Size, byDate)
	var cur *ranked
	if q.After != nil {
		a, err := x.open(q.After)
		if err != nil {
			return nil, err
		}
		cur = &ranked{doc: a.Doc, score: a.Score, publish: a.Publish}
	}
	// admit applies the filters to a matched document, counts it in the total and the
	// facets, and reports whether it is a hit; admitted is the hit's work status.
	var admitted int
	admit := func(doc uint64) bool {
		if doc >= uint64(len(t.rows)) {
			return false
		}
		rw := &t.rows[doc]
		if !f.visible(rw) {
			return false
		}
		c.visible++
		if !f.chosen(rw) {
			return false
		}
		st := t.status(rw, f.asof)
		if c.counts {
			c.status[st]++ // counted as if no status were chosen, so the user sees what else there is
			if f.expiresSoon(rw, st) {
				c.expiring++
			}
		}
		if !f.statusOK(rw, st) {
			return false
		}
		c.total++
		if c.counts {
			c.count(rw)
		}
		admitted = st
		return true
	}
	place := func(r ranked) {
		if cur != nil {
			if !better(*cur, r, byDate) {
				return // on an earlier page
			}
			c.after++
		}
		if top.wants(r.doc, r.score, r.publish) {
			top.offer(r)
		}
	}
	var succ *successors
	if !byDate && len(t.successors.values) > 1 {
		succ = &successors{}
	}
	visit := func(doc uint64, score float64) {
		if !admit(doc) {
			return
		}
		rw := &t.rows[doc]
		if admitted != validity.PosInForce || rw.sourceEnded {
			// The text in force first: a repealed or lapsed document — or one its source
			// says is — matching as well ranks below one in force (it is still found,
			// with its status); so does one not yet in force on the date (a search as of
			// 2010 shows what was in force then before what took effect later).
			score *= endedWeight
		}
		r := ranked{doc: doc, score: score, publish: rw.publish}
		if succ != nil {
			if rw.repealedBy != 0 && admitted == validity.PosRepealed {
				succ.repealed(rw.repealedBy, score)
			}
			if rw.ownSuccessor != 0 && admitted == validity.PosInForce {
				succ.held = append(succ.held, heldMatch{r, rw.ownSuccessor})
				return // placed once every match has been seen
			}
		}
		place(r)
	}
	var flat *flatQuery
	if ps == passExact && !x.Exhaustive {
		flat = flatFor(plan)
	}
	switch {
	case plan.Empty() && x.errs == nil && !x.Exhaustive: // read-only: the table is the snapshot's
		if err := x.browse(ctx, q, t, f, c, top, cur, admit); err != nil {
			return nil, err
		}
	case plan.Empty():
		// Everything matches: the table lists every live document, no need to ask bleve.
		for doc := range t.rows {
			if doc&4095 == 4095 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			visit(uint64(doc), 0)
		}
	case flat != nil:
		c.fast = true
		run := func(visit func(uint64, float64)) error { return flat.run(ctx, r, visit) }
		if c.cached, err = x.cachedMatches(ctx, matchKey{flat: *flat}, run, visit); err != nil {
			return nil, err
		}
	default:
		tq := textQuery(plan, ps)
		key, err := json.Marshal(tq)
		if err != nil {
			return nil, err
		}
		run := func(visit func(uint64, float64)) error { return x.match(ctx, r, tq, visit) }
		if c.cached, err = x.cachedMatches(ctx, matchKey{query: string(key)}, run, visit); err != nil {
			return nil, err
		}
	}
	if succ != nil {
		for _, h := range succ.held {
			place(succ.lift(h))
		}
	}
	for _, h := range top.sorted() {
		if len(c.page) == q.Size {
			break
		}
		if q.Offset > 0 {
			q.Offset--
			continue
		}
		if h.id, err = r.ExternalID(index.IndexInternalID(binary.BigEndian.AppendUint64(nil, h.doc))); err != nil {
			return nil, err
		}
		c.page = append(c.page, h)
	}
	remaining := c.total - uint64(min(uint64(q.Offset), c.total))
	if cur != nil {
		remaining = c.after
	}
	if n := len(c.page); n > 0 && remaining > uint64(n) && x.tag != "" {
		last := c.page[n-1]
		c.next = &Cursor{Snapshot: x.tag, Score: last.score, Publish: last.publish, Doc: last.doc}
		x.seal(c.next)
	}
	return c, nil
}

// match streams the documents bleve's searchers match with tq, and their scores.
func (x *Index) match(ctx context.Context, r index.IndexReader, tq query.Query, visit func(doc uint64, score float64)) error {
	ctx = context.WithValue(ctx, bsearch.GetScoringModelCallbackKey, bsearch.GetScoringModelCallbackFn(x.scoringModel))
	s, err := tq.Searcher(ctx, r, x.b.Mapping(), bsearch.SearcherOptions{})
	if err != nil {
		return err
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for n := 0; ; n++ {
		if n&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		doc, score := dm.IndexInternalID.Value(), dm.Score
		sctx.DocumentMatchPool.Put(dm)
		visit(doc, score)
	}
}

// tableFor is the document table of the reader's snapshot: built once for a
// read-only index, whose documents never move, and for every search otherwise.
func (x *Index) tableFor(r index.IndexReader) (*docTable, error) {
	a := &x.attrs
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.table != nil {
		return a.table, nil
	}
	if a.docs == nil {
		return nil, errors.New("the index has no document attributes (search an index opened by the service, or one written in this process)")
	}
	t, err := buildTable(r, a.docs)
	if err != nil {
		return nil, err
	}
	if x.errs == nil { // read-only: the table is all it needs from now on
		a.table, a.docs = t, nil
	}
	return t, nil
}

// scoringModel is the index mapping's (bm25), which bleve's own search would pass to
// its searchers.
func (x *Index) scoringModel() string {
	if m, ok := x.b.Mapping().(*mapping.IndexMappingImpl); ok && m.ScoringModel != "" {
		return m.ScoringModel
	}
	return index.DefaultScoringModel
}

func (c *collected) count(rw *row) {
	c.level[rw.level]++
	c.year[rw.year]++
	for _, a := range c.t.values(rw.auth) {
		c.auth[a]++
	}
	for _, tp := range c.t.values(rw.topics) {
		c.topic[tp]++
	}
}

// facets turns the ordinal counts into the facet lists: the most frequent values of
// each facet, years newest first.
func (c *collected) facets() Facets {
	top := func(counts []int, d *dict, n int) []Count {
		// Kept sorted, best first, and never longer than n: a facet with thousands of
		// values (authorities at scale) is not sorted whole for the twenty shown.
		worse := func(a, b Count) bool { return a.Count < b.Count || a.Count == b.Count && a.Value > b.Value }
		cs := make([]Count, 0, n+1)
		for i := 1; i < len(counts) && i < len(d.values); i++ {
			if counts[i] == 0 {
				continue
			}
			v := Count{Value: d.values[i], Count: counts[i]}
			if len(cs) == n && !worse(cs[n-1], v) {
				continue
			}
			at := sort.Search(len(cs), func(k int) bool { return worse(cs[k], v) })
			cs = slices.Insert(cs, at, v)
			if len(cs) > n {
				cs = cs[:n]
			}
		}
		return cs
	}
	years := top(c.year, &c.t.years, 50)
	sort.Slice(years, func(i, j int) bool {
		a, _ := strconv.Atoi(years[i].Value)
		b, _ := strconv.Atoi(years[j].Value)
		return a > b
	})
	status := map[validity.Status]int{}
	for i, st := range validity.WorkStatuses {
		if c.status[i] > 0 {
			status[st] = c.status[i]
		}
	}
	return Facets{
		Status: status, Expiring: c.expiring, Level: top(c.level, &c.t.levels, 12), Authority: top(c.auth, &c.t.authorities, 20),
		Year: years, Topic: top(c.topic, &c.t.topics, 20),
	}
}
