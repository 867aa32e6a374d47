package search

import (
	"context"
	"math"
	"unicode/utf8"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// A one-word query of one or two Chinese characters (规定, 条例, 保险, 税) is the broadest a
// user can type: at 100k versions 规定 matches nine documents in ten. Through bleve's
// searcher tree (a boolean over a conjunction over a disjunction of term searchers, or a
// heap of two hundred term searchers for the bigrams a lone character starts) each
// match costs a few hundred nanoseconds of matching and merging before it is scored.
// flatQuery scores the same query by reading the few posting lists directly, one pass
// in document order, with the same BM25 arithmetic, boosts, coordination factors and
// query norm as bleve's searchers: the same matches with the same scores, in about half
// of the time. TestFastPathMatchesBleve (internal/e2e) holds it to that.
type flatQuery struct {
	word   string // the word as the user typed it
	key    string // exact-title key (25× boost), "" when there is none
	single bool   // one character: title1 term and every text bigram starting with it
}

// flatFor is the fast form of a plan's exact pass, or nil when the plan needs bleve's
// searchers (several words, synonyms, phrases, doc numbers, longer words).
func flatFor(p *Plan) *flatQuery {
	if len(p.Numbers) > 0 || len(p.Phrases) > 0 || len(p.Units) != 1 || len(p.Units[0].Alts) != 1 || p.Units[0].Weak {
		return nil
	}
	w := p.Units[0].Alts[0]
	n := utf8.RuneCountInString(w)
	if !allHan(w) || n > 2 {
		return nil
	}
	return &flatQuery{word: w, key: exactTitleKey(p), single: n == 1}
}

// Clause groups of the query: Boolean(must: Disjunction(title, text), should: key).
const (
	groupTitle = iota
	groupText
	groupKey
)

// leaf is one term's posting list, scored as bleve's TermQueryScorer scores it.
type leaf struct {
	group  int
	reader index.TermFieldReader
	doc    uint64 // current document; done when the list is exhausted
	done   bool
	cur    index.TermFieldDoc
	idf    float64
	boost  float64
	weight float64 // boost × idf × query norm
	avg    float64 // average field length (BM25); 0 means TF-IDF
}

func (l *leaf) next() error {
	d, err := l.reader.Next(&l.cur)
	if err != nil {
		return err
	}
	if d == nil {
		l.done = true
		return nil
	}
	l.doc = d.ID.Value()
	return nil
}

func (l *leaf) score() float64 {
	tf := math.Sqrt(float64(l.cur.Freq))
	var s float64
	if l.avg > 0 {
		fieldLength := 1 / (l.cur.Norm * l.cur.Norm)
		s = l.idf * (tf * bsearch.BM25_k1) / (tf + bsearch.BM25_k1*(1-bsearch.BM25_b+(bsearch.BM25_b*fieldLength/l.avg)))
	} else {
		s = tf * l.cur.Norm * l.idf
	}
	if l.weight != 1 {
		s *= l.weight
	}
	return s
}

// leafHeap orders the unfinished posting lists by their current document (a min-heap
// typed to avoid container/heap's interface calls: with two or three lists they cost
// more than the comparisons).
type leafHeap []*leaf

func (h leafHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h leafHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].doc < h[l].doc {
			m = r
		}
		if h[i].doc <= h[m].doc {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// popRoot removes the first list.
func (h *leafHeap) popRoot() {
	old := *h
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	h.down(0)
}

// run calls visit for every document the query matches, in document order, with the
// score bleve would give it.
func (f *flatQuery) run(ctx context.Context, r index.IndexReader, visit func(doc uint64, score float64)) error {
	count, err := r.DocCount()
	if err != nil || count == 0 {
		return err
	}
	avgs := map[string]float64{} // by field: 税 has two hundred text terms, one average
	avgLength := func(field string) (float64, error) {
		if a, ok := avgs[field]; ok {
			return a, nil
		}
		br, ok := r.(index.BM25Reader)
		if !ok {
			return 0, nil
		}
		card, err := br.FieldCardinality(field)
		if err != nil {
			return 0, err
		}
		avgs[field] = math.Ceil(float64(card) / float64(count))
		return avgs[field], nil
	}
	var leaves []*leaf
	defer func() {
		for _, l := range leaves {
			_ = l.reader.Close()
		}
	}()
	add := func(group int, field, term string, boost float64) error {
		avg, err := avgLength(field)
		if err != nil {
			return err
		}
		tr, err := r.TermFieldReader(ctx, []byte(term), field, true, true, false)
		if err != nil {
			return err
		}
		l := &leaf{group: group, reader: tr, boost: boost, avg: avg}
		leaves = append(leaves, l)
		docTerm := tr.Count()
		if avg > 0 {
			l.idf = math.Log(1 + (float64(count)-float64(docTerm)+0.5)/(float64(docTerm)+0.5))
		} else {
			l.idf = 1 + math.Log(float64(count)/float64(docTerm+1))
		}
		return nil
	}
	// The same leaves phraseQuery and textQuery build (query.go), with their boosts.
	textTerms := 1 // leaves the text clause has: a prefix is a disjunction of them
	if f.single {
		if err := add(groupTitle, fTitleUni, f.word, boostTitleChar); err != nil {
			return err
		}
		terms, err := prefixTerms(r, fText, f.word)
		if err != nil {
			return err
		}
		if len(terms) == 0 || len(terms) == 1 && terms[0] == f.word {
			terms = []string{f.word} // bleve's prefix searcher is then a term searcher
		} else {
			textTerms = len(terms)
		}
		for _, t := range terms {
			if err := add(groupText, fText, t, boostTextChar); err != nil {
				return err
			}
		}
	} else {
		if err := add(groupTitle, fTitle, f.word, boostTitle); err != nil {
			return err
		}
		if err := add(groupText, fText, f.word, 1); err != nil {
			return err
		}
	}
	if f.key != "" {
		if err := add(groupKey, fTitleKey, f.key, boostTitleKey); err != nil {
			return err
		}
	}
	// The query norm of bleve's outermost searcher, passed down to every term.
	var sumSq float64
	for _, l := range leaves {
		w := l.boost * l.idf
		sumSq += w * w
	}
	norm := 1 / math.Sqrt(sumSq)
	h := make(leafHeap, 0, len(leaves))
	for _, l := range leaves {
		l.weight = l.boost * l.idf * norm
		if err := l.next(); err != nil {
			return err
		}
		if !l.done {
			h = append(h, l)
		}
	}
	h.init()
	for n := 0; len(h) > 0; n++ {
		if n&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		doc := h[0].doc
		var sum [3]float64
		var hits [3]int
		for len(h) > 0 && h[0].doc == doc {
			l := h[0]
			sum[l.group] += l.score()
			hits[l.group]++
			if err := l.next(); err != nil {
				return err
			}
			if l.done {
				h.popRoot()
			} else {
				h.down(0)
			}
		}
		if hits[groupTitle] == 0 && hits[groupText] == 0 {
			continue // only the optional exact-title clause: not a match
		}
		text := sum[groupText]
		if textTerms > 1 {
			text *= float64(hits[groupText]) / float64(textTerms) // the prefix disjunction's coord
		}
		clauses := 0
		if hits[groupTitle] > 0 {
			clauses++
		}
		if hits[groupText] > 0 {
			clauses++
		}
		visit(doc, (sum[groupTitle]+text)*float64(clauses)/2+sum[groupKey])
	}
	return nil
}

// prefixTerms lists the field's terms that start with prefix, as bleve's prefix
// searcher does.
func prefixTerms(r index.IndexReader, field, prefix string) ([]string, error) {
	d, err := r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var terms []string
	seen := map[string]bool{}
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return terms, nil
		}
		if !seen[e.Term] {
			seen[e.Term] = true
			terms = append(terms, e.Term)
		}
	}
}

// matchList is a query's matches in the order they were read, with their scores: what
// run (or bleve's searchers) visit, kept so the next search for the same query replays
// it instead of reading and scoring the posting lists again. A read-only index never
// changes, so neither do they. 规定 at 100k versions is 90,000 matches, about 1 MB.
type matchList struct {
	docs   []uint32
	scores []float64
}

func (m *matchList) bytes() int { return 12 * len(m.docs) }

// matchKey names a query's matches in the cache: a flat query, or the JSON form of the
// bleve query built for any other (several words, phrases, synonyms, doc numbers and
// longer words, each pass of them).
type matchKey struct {
	flat  flatQuery
	query string
}

// MatchCacheBytes bounds the matches a read-only index keeps: 0 keeps none (nor the
// totals of queries without text, browse.go), and MatchCacheAuto keeps 96 bytes per
// indexed version, at least 32 MiB (8 lists of 规定's size at any size of library).
var MatchCacheBytes = MatchCacheAuto

// MatchCacheAuto sizes the match cache by the index.
const MatchCacheAuto = -1

// matchCacheFor is the match cache of a read-only index of n versions, or nil.
func matchCacheFor(n uint64) *lru[matchKey, *matchList] {
	limit := MatchCacheBytes
	if limit == MatchCacheAuto {
		limit = max(32<<20, int(min(n, 1<<40))*96)
	}
	if limit <= 0 {
		return nil
	}
	return newLRU[matchKey](limit, limit/4, (*matchList).bytes)
}

// cachedMatches visits the matches run reads: replayed from the cache when they are in
// it, read, scored and cached otherwise. cached reports which.
func (x *Index) cachedMatches(ctx context.Context, key matchKey, run func(visit func(doc uint64, score float64)) error, visit func(doc uint64, score float64)) (cached bool, err error) {
	if x.matches == nil || x.Exhaustive {
		return false, run(visit)
	}
	if m, ok := x.matches.get(key); ok {
		for i, doc := range m.docs {
			if i&4095 == 4095 {
				if err := ctx.Err(); err != nil {
					return true, err
				}
			}
			visit(uint64(doc), m.scores[i])
		}
		return true, nil
	}
	m := &matchList{}
	keep := true
	err = run(func(doc uint64, score float64) {
		if doc > math.MaxUint32 {
			keep = false
		}
		if keep {
			m.docs = append(m.docs, uint32(doc))
			m.scores = append(m.scores, score)
		}
		visit(doc, score)
	})
	if err == nil && keep {
		x.matches.put(key, m)
	}
	return false, err
}
