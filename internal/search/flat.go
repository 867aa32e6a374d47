package search

import (
	"context"
	"math"
	"slices"
	"sort"
	"unicode/utf8"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
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

// textGroup is the text clause: one term, or the disjunction of the terms a lone
// character starts (bleve's prefix searcher). Its score is the sum of its matching
// terms' scores, added up in the order bleve's disjunction searchers add them: floating
// point addition is not associative, and added up in another order, documents that tie
// in bleve differ in their last bits and swap places. With more terms than
// searcher.DisjunctionHeapTakeover bleve's heap searcher adds them in the order they
// leave its container/heap, which textGroup runs with the same operations; with fewer,
// its slice searcher adds them in the order of their document counts (sort.Sort).
type textGroup struct {
	leaves   []*leaf // in the order of the terms
	byCount  []*leaf // the slice searcher's order
	heap     *termHeap
	matching []*leaf // the terms at the group's current document, in the order added
}

func newTextGroup(leaves []*leaf) *textGroup {
	g := &textGroup{leaves: leaves}
	if len(leaves) > searcher.DisjunctionHeapTakeover {
		g.heap = &termHeap{}
		for _, l := range leaves {
			if !l.done {
				g.heap.push(l)
			}
		}
	} else {
		g.byCount = slices.Clone(leaves)
		sort.Sort(byCount(g.byCount))
	}
	g.update()
	return g
}

// update finds the terms at the group's next document.
func (g *textGroup) update() {
	g.matching = g.matching[:0]
	if g.heap != nil {
		h := g.heap
		if len(*h) == 0 {
			return
		}
		next := h.pop()
		g.matching = append(g.matching, next)
		for len(*h) > 0 && (*h)[0].doc == next.doc {
			g.matching = append(g.matching, h.pop())
		}
		return
	}
	for _, l := range g.byCount {
		if l.done {
			continue
		}
		if len(g.matching) > 0 {
			if l.doc > g.matching[0].doc {
				continue
			}
			if l.doc < g.matching[0].doc {
				g.matching = g.matching[:0]
			}
		}
		g.matching = append(g.matching, l)
	}
}

// doc is the group's current document; ok is false once every term is exhausted.
func (g *textGroup) doc() (uint64, bool) {
	if len(g.matching) == 0 {
		return 0, false
	}
	return g.matching[0].doc, true
}

// score is the group's score at its current document.
func (g *textGroup) score() float64 {
	var sum float64
	for _, l := range g.matching {
		sum += l.score()
	}
	if len(g.leaves) > 1 {
		sum *= float64(len(g.matching)) / float64(len(g.leaves)) // the disjunction's coord
	}
	return sum
}

// advance moves the group past its current document.
func (g *textGroup) advance() error {
	for _, l := range g.matching {
		if err := l.next(); err != nil {
			return err
		}
		if g.heap != nil && !l.done {
			g.heap.push(l)
		}
	}
	g.update()
	return nil
}

// weight is the sum of the squared weights of the terms, in the order bleve adds them.
func (g *textGroup) weight() float64 {
	order := g.byCount
	if g.heap != nil {
		order = g.leaves
	}
	var sum float64
	for _, l := range order {
		w := l.boost * l.idf
		sum += w * w
	}
	return sum
}

// termHeap is bleve's DisjunctionHeapSearcher's heap, ordered by current document
// only: push and pop are container/heap's Push and Pop, step for step (the order equal
// documents leave it in is the order bleve adds their scores), typed to spare the
// interface calls, which cost more than the comparisons.
type termHeap []*leaf

func (h *termHeap) push(l *leaf) {
	*h = append(*h, l)
	s := *h
	for j := len(s) - 1; ; {
		i := (j - 1) / 2 // parent
		if i == j || !(s[j].doc < s[i].doc) {
			break
		}
		s[i], s[j] = s[j], s[i]
		j = i
	}
}

func (h *termHeap) pop() *leaf {
	s := *h
	n := len(s) - 1
	s[0], s[n] = s[n], s[0]
	for i := 0; ; {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 {
			break
		}
		j := j1 // left child
		if j2 := j1 + 1; j2 < n && s[j2].doc < s[j1].doc {
			j = j2
		}
		if !(s[j].doc < s[i].doc) {
			break
		}
		s[i], s[j] = s[j], s[i]
		i = j
	}
	l := s[n]
	*h = s[:n]
	return l
}

// byCount is bleve's OrderedSearcherList: by the number of documents of each term.
type byCount []*leaf

func (b byCount) Len() int           { return len(b) }
func (b byCount) Less(i, j int) bool { return b[i].reader.Count() < b[j].reader.Count() }
func (b byCount) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

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
	var title, key *leaf
	var text []*leaf
	for _, l := range leaves {
		switch l.group {
		case groupTitle:
			title = l
		case groupText:
			text = append(text, l)
		case groupKey:
			key = l
		}
	}
	for _, l := range leaves {
		if err := l.next(); err != nil {
			return err
		}
	}
	g := newTextGroup(text)
	// The query norm of bleve's outermost searcher, passed down to every term: the sum
	// of the squared weights as its searchers add them up.
	square := func(l *leaf) float64 { w := l.boost * l.idf; return w * w }
	sumSq := square(title) + g.weight()
	if key != nil {
		sumSq += square(key)
	}
	norm := 1 / math.Sqrt(sumSq)
	for _, l := range leaves {
		l.weight = l.boost * l.idf * norm
	}
	for n := 0; ; n++ {
		if n&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		doc, inText := g.doc()
		inTitle := !title.done && (!inText || title.doc <= doc)
		if inTitle {
			inText = inText && doc == title.doc
			doc = title.doc
		}
		if !inTitle && !inText {
			return nil
		}
		var score float64
		clauses := 0
		if inTitle {
			score += title.score()
			clauses++
			if err := title.next(); err != nil {
				return err
			}
		}
		if inText {
			score += g.score()
			clauses++
			if err := g.advance(); err != nil {
				return err
			}
		}
		score = score * float64(clauses) / 2
		if key != nil {
			// The optional exact-title clause adds to a match; alone it is none.
			for !key.done && key.doc < doc {
				if err := key.next(); err != nil {
					return err
				}
			}
			if !key.done && key.doc == doc {
				score += key.score()
			}
		}
		visit(doc, score)
	}
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
