package search

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	index "github.com/blevesearch/bleve_index_api"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

// docTable holds, for every document of one index snapshot, what the filters, facets
// and the date sort read, in rows addressed by bleve's internal document number.
// Reading bleve's doc values for each hit (snappy-compressed chunks) cost most of a
// broad search's time; a row is one slice index away.
type docTable struct {
	rows        []row                 // by internal document number; an unknown row never matches
	multi       []uint32              // the authorities and topics of every row, end to end
	steps       []validity.ExpiryStep // the 有效期 over time of the rows extended (row.steps), end to end
	levels      dict
	authorities dict
	topics      dict
	kinds       dict
	years       dict
	successors  dict      // the works that repeal a document of the table (Doc.ReplacedBy)
	counts      sync.Pool // *facetCounts sized for this table, reused between searches
	byDate      sync.Once
	newest      []uint32 // known documents newest first (dateOrder)
}

// facetCounts are a search's counts by facet value. The authorities alone are thousands
// of values at 100k versions: allocated for every search, they were a fifth of the
// bytes a search allocates, and so of the collector's work.
type facetCounts struct {
	level, auth, topic, year []int
}

// facetCounts returns zeroed counts for the table's values.
func (t *docTable) facetCounts() *facetCounts {
	if fc, ok := t.counts.Get().(*facetCounts); ok {
		clear(fc.level)
		clear(fc.auth)
		clear(fc.topic)
		clear(fc.year)
		return fc
	}
	return &facetCounts{
		level: make([]int, len(t.levels.values)+1),
		auth:  make([]int, len(t.authorities.values)+1),
		topic: make([]int, len(t.topics.values)+1),
		year:  make([]int, len(t.years.values)+1),
	}
}

// row is one version as the filters see it. It holds no pointers (its authorities and
// topics are spans of the table's multi), so the collector never scans the table and a
// broad search reads half the memory.
type row struct {
	known      bool
	restricted bool
	// sourceEnded: the data source says the document is repealed or lapsed, though no
	// relation or date in the library shows it (the status stays as computed).
	sourceEnded bool
	kind        uint32
	level       uint32
	year        uint32
	publish     model.Date
	bounds      validity.Bounds
	expiry      model.Date
	steps       stepSpan // the 有效期 over time, when an extension changed it (else expiry all along)
	auth        multiSpan
	topics      multiSpan

	// repealedBy is the ordinal (in docTable.successors) of the work that repeals this
	// version; ownSuccessor is that of this version's own work when it repeals another
	// document of the table. 0 is none.
	repealedBy, ownSuccessor uint32
}

// multiSpan is a row's values in docTable.multi.
type multiSpan struct {
	at uint32
	n  uint32
}

func (t *docTable) values(s multiSpan) []uint32 { return t.multi[s.at : s.at+s.n] }

// stepSpan is a row's steps in docTable.steps.
type stepSpan struct {
	at uint32
	n  uint32
}

// stepsOf are the row's 有效期 over time; nil when no extension changed it.
func (t *docTable) stepsOf(r *row) []validity.ExpiryStep {
	if r.steps.n == 0 {
		return nil
	}
	return t.steps[r.steps.at : r.steps.at+r.steps.n]
}

// status is the row's work status on d, as a position in validity.WorkStatuses.
func (t *docTable) status(r *row, d model.Date) int { return r.bounds.WorkStatusAt(d, t.stepsOf(r)) }

// dict numbers the distinct values of one facet; ordinal 0 is "none".
type dict struct {
	ord    map[string]uint32
	values []string
}

func (d *dict) id(v string) uint32 {
	if v == "" {
		return 0
	}
	if d.ord == nil {
		d.ord = map[string]uint32{}
		d.values = []string{""}
	}
	if n, ok := d.ord[v]; ok {
		return n
	}
	n := uint32(len(d.values))
	d.ord[v] = n
	d.values = append(d.values, v)
	return n
}

func (d *dict) lookup(v string) (uint32, bool) {
	n, ok := d.ord[v]
	return n, ok
}

// buildTable gives every document of the catalog that the reader holds its row, from
// the documents' attributes by version id; other rows stay unknown, never shown. Each version id is looked up in the index's id dictionary
// rather than each document's stored id read: the stored id sits beside the document's
// stored text, so reading them all maps in nearly the whole stored section (860 MB of a
// 3 GB index of 100k versions with corpus-sized texts, before any search).
func buildTable(r index.IndexReader, attrs map[string]*Doc) (*docTable, error) {
	type placed struct {
		n uint64
		d *Doc
	}
	all := make([]placed, 0, len(attrs))
	for id, d := range attrs {
		iid, err := r.InternalID(id)
		if err != nil {
			return nil, fmt.Errorf("document table: %w", err)
		}
		if iid == nil {
			continue // in the catalog, not in the index
		}
		n := iid.Value()
		if n >= 1<<32 {
			return nil, fmt.Errorf("document table: document number %d out of range", n)
		}
		all = append(all, placed{n, d})
	}
	// In document order, so the facet values are numbered in the same order every time.
	slices.SortFunc(all, func(a, b placed) int { return cmp.Compare(a.n, b.n) })
	t := &docTable{}
	for _, p := range all {
		if p.d.ReplacedBy != "" {
			t.successors.id(p.d.ReplacedBy)
		}
	}
	if len(all) > 0 {
		t.rows = make([]row, all[len(all)-1].n+1) // documents unknown to the catalog stay unknown: never shown
	}
	for _, p := range all {
		n, d := p.n, p.d
		rw := row{
			known: true, restricted: d.Restricted, sourceEnded: d.SourceEnded, kind: t.kinds.id(d.Kind), level: t.levels.id(d.Level),
			publish: d.Publish, bounds: d.Bounds, expiry: orMax(d.Expiry),
		}
		if len(d.Steps) > 0 {
			rw.steps = stepSpan{at: uint32(len(t.steps)), n: uint32(len(d.Steps))}
			t.steps = append(t.steps, d.Steps...)
		}
		if d.ReplacedBy != "" {
			rw.repealedBy, _ = t.successors.lookup(d.ReplacedBy)
		}
		rw.ownSuccessor, _ = t.successors.lookup(d.WorkID)
		if d.Publish != 0 {
			rw.year = t.years.id(fmt.Sprint(d.Publish.Year()))
		}
		rw.auth.at = uint32(len(t.multi))
		for _, a := range d.Authorities {
			t.multi = append(t.multi, t.authorities.id(a))
		}
		rw.auth.n = uint32(len(t.multi)) - rw.auth.at
		rw.topics.at = uint32(len(t.multi))
		for _, tp := range d.Topics {
			t.multi = append(t.multi, t.topics.id(tp))
		}
		rw.topics.n = uint32(len(t.multi)) - rw.topics.at
		t.rows[n] = rw
	}
	return t, nil
}

// attributes keeps what the table needs of each document (not its text).
type attributes struct {
	mu    sync.Mutex
	docs  map[string]*Doc
	table *docTable // cached for a read-only index, whose documents never move
}

func (a *attributes) set(docs []*Doc, deletes []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.docs == nil {
		a.docs = make(map[string]*Doc, len(docs))
	}
	for _, id := range deletes {
		delete(a.docs, id)
	}
	for _, d := range docs {
		a.docs[d.VersionID] = d // the writer drops each text once indexed
	}
	a.table = nil
}
