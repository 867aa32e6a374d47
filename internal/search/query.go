package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/textnorm"
	"github.com/guifan/guifan/internal/validity"
)

// Query is a search as the rest of the program asks for it. Build it with FromValues
// from request parameters, never from raw client input.
type Query struct {
	Text      string
	AsOf      model.Date
	Statuses  []validity.Status // work statuses to keep; empty keeps all
	Expiring  bool              // also keep 现行有效 works whose 有效期 ends within 180 days (即将到期)
	Level     string
	Authority string
	Topic     string
	Year      int
	From, To  model.Date // publish-date range, inclusive
	Kind      string     // "" any, or model.KindInterpretation
	SortDate  bool       // newest first instead of relevance
	Offset    int
	After     *Cursor // search-after: the hits following this one (Offset is then 0)
	Size      int
	Staff     bool // staff see restricted documents
	NoFacets  bool
	ExactOnly bool // no looser matching when the words do not all match (side boxes)
	// History searches the versions that do not represent their work on the date —
	// earlier texts since amended, and later ones not yet in force — instead of those
	// that do: a word the text in force no longer has.
	History bool
}

// pass is how strictly the free text must match; looser passes run only when a
// stricter one finds nothing.
type pass int

const (
	passExact   pass = iota // every word (or one of its synonyms) as a phrase
	passPartial             // any of the words as a phrase
	passLoose               // any character bigram of the query
)

func (p pass) String() string {
	return [...]string{"exact", "partial", "loose"}[p]
}

// Boosts shared by the query builder below and the fast path (flat.go), which must
// score exactly as these queries do.
const (
	boostTitleKey  = 25  // the query is a whole title
	boostTitle     = 5   // the word in the title (bigrams)
	boostTitleChar = 4   // a lone character in the title
	boostTextChar  = 0.5 // a lone character starting a bigram of the text
)

func term(field, value string) query.Query {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

// filter is a query's non-scoring conditions, compiled against one document table:
// the version representing each work on the as-of date, access, and the user's facet
// choices.
type filter struct {
	t                             *docTable
	asof                          model.Date
	staff                         bool
	none                          bool   // a chosen value no document has
	level, authority, topic, kind uint32 // ordinals; 0 is any
	lo, hi                        model.Date
	statuses                      [4]bool // by position in validity.WorkStatuses
	anyStatus                     bool    // no status chosen (with expiring false, every status is kept)
	expiring                      bool    // 即将到期 chosen, besides the statuses
	soon                          model.Date
	history                       bool // the versions not representing their work (Query.History)
}

func (q *Query) compile(t *docTable) *filter {
	f := &filter{t: t, asof: q.AsOf, staff: q.Staff, anyStatus: len(q.Statuses) == 0, expiring: q.Expiring, hi: model.DateMax, history: q.History}
	for _, st := range q.Statuses {
		if i := slices.Index(validity.WorkStatuses, st); i >= 0 {
			f.statuses[i] = true
		}
	}
	pick := func(d *dict, v string) uint32 {
		if v == "" {
			return 0
		}
		n, ok := d.lookup(v)
		if !ok {
			f.none = true
		}
		return n
	}
	f.level, f.authority, f.topic, f.kind = pick(&t.levels, q.Level), pick(&t.authorities, q.Authority), pick(&t.topics, q.Topic), pick(&t.kinds, q.Kind)
	if q.Year != 0 {
		f.lo, f.hi = model.Date(q.Year*10000+101), model.Date(q.Year*10000+1231)
	}
	if q.From != 0 && q.From > f.lo {
		f.lo = q.From
	}
	if q.To != 0 && q.To < f.hi {
		f.hi = q.To
	}
	f.soon = q.AsOf.AddDays(validity.SoonWindowDays) // the 即将到期 filter and its count
	return f
}

// base is every condition but the status: the status facet counts what passes it.
func (f *filter) base(r *row) bool {
	return f.visible(r) && f.chosen(r)
}

// visible is what a search may show whatever the user chose: the documents the viewer
// may see, each work by the version representing it on the date (or, searching the
// history, by its other versions).
func (f *filter) visible(r *row) bool {
	if !r.known || r.restricted && !f.staff {
		return false
	}
	b := r.bounds
	return (f.asof >= b.RepFrom && f.asof < b.RepTo) != f.history
}

// chosen applies the user's choices but the status to a visible row.
func (f *filter) chosen(r *row) bool {
	if f.none {
		return false // a chosen value no document has
	}
	if f.level != 0 && r.level != f.level || f.kind != 0 && r.kind != f.kind {
		return false
	}
	if f.lo != 0 || f.hi != model.DateMax {
		if r.publish == 0 || r.publish < f.lo || r.publish > f.hi {
			return false
		}
	}
	return (f.authority == 0 || contains(f.t.values(r.auth), f.authority)) && (f.topic == 0 || contains(f.t.values(r.topics), f.topic))
}

// statusOK applies the chosen statuses and 即将到期 (现行有效, 有效期 ending within the
// window) to a row whose status (by position in validity.WorkStatuses) is st. The
// values chosen are alternatives: 已废止 with 即将到期 keeps both.
func (f *filter) statusOK(r *row, st int) bool {
	if f.anyStatus && !f.expiring {
		return true
	}
	return !f.anyStatus && f.statuses[st] || f.expiring && f.expiresSoon(r, st)
}

// expiresSoon reports whether a row of status st is 即将到期 on the date: in force, its
// 有效期 (as known then) ending within the window.
func (f *filter) expiresSoon(r *row, st int) bool {
	if st != validity.PosInForce {
		return false
	}
	e := r.expiry
	if known, ok := validity.ExpiryOn(f.t.stepsOf(r), f.asof); ok {
		e = orMax(known) // the 有效期 known then
	}
	return e >= f.asof && e <= f.soon
}

func contains(s []uint32, v uint32) bool { return slices.Contains(s, v) }

// textQuery scores documents against the plan at the given strictness.
func textQuery(p *Plan, ps pass) query.Query {
	if p.Empty() {
		return bleve.NewMatchAllQuery()
	}
	b := bleve.NewBooleanQuery()
	for _, n := range p.Numbers {
		var any []query.Query
		for _, form := range numberForms(n) {
			own := term(fDocNumber, form)
			own.(*query.TermQuery).SetBoost(30)
			cited := term(fNumbers, form)
			cited.(*query.TermQuery).SetBoost(3)
			any = append(any, own, cited)
		}
		b.AddMust(bleve.NewDisjunctionQuery(any...))
	}
	for _, ph := range p.Phrases {
		b.AddMust(phraseQuery(ph, 1))
	}
	if key := exactTitleKey(p); key != "" {
		t := term(fTitleKey, key)
		t.(*query.TermQuery).SetBoost(boostTitleKey)
		b.AddShould(t)
	}
	switch ps {
	case passExact:
		for _, u := range p.Units {
			if u.Weak {
				b.AddShould(unitQuery(u))
			} else {
				b.AddMust(unitQuery(u))
			}
		}
	case passPartial:
		// Most of the words: with three or more, a document may miss one of them.
		var any []query.Query
		strong := 0
		for _, u := range p.Units {
			any = append(any, unitQuery(u))
			if !u.Weak {
				strong++
			}
		}
		if len(any) > 0 {
			d := bleve.NewDisjunctionQuery(any...)
			if strong >= 3 {
				d.SetMin(float64(strong - 1))
			}
			b.AddMust(d)
		}
	case passLoose:
		var any []query.Query
		for _, u := range p.Units {
			for _, a := range u.Alts {
				for _, f := range []string{fTitle, fText} {
					m := bleve.NewMatchQuery(a)
					m.SetField(f)
					m.Analyzer = analyzerBigram // the query's bigrams, not the ends the text also indexes
					if f == fTitle {
						m.Analyzer = analyzerTitle
						m.SetBoost(3)
					}
					any = append(any, m)
				}
			}
		}
		if len(any) > 0 {
			b.AddMust(bleve.NewDisjunctionQuery(any...))
		}
	}
	if b.Must == nil {
		// Only optional clauses (an exact-title boost): require one of them.
		b.SetMinShould(1)
	}
	return b
}

// exactTitleKey is the key of a query that might be a whole title (公司法 → the law).
func exactTitleKey(p *Plan) string {
	if len(p.Numbers) > 0 || len(p.Phrases) > 1 {
		return ""
	}
	raw := textnorm.Compact(p.titled)
	if raw == "" {
		return ""
	}
	// A law's short name (税收征管法, 个保法) means the law its full name titles.
	if len(p.Units) == 1 && len(p.Phrases) == 0 && p.Units[0].Text == raw {
		for _, a := range p.Units[0].Alts[1:] {
			if strings.HasSuffix(a, "法") {
				return textnorm.TitleKey(a)
			}
		}
	}
	return textnorm.TitleKey(raw)
}

// unitQuery matches one word or any of its synonyms, in the title (weighted) or text.
func unitQuery(u Unit) query.Query {
	var any []query.Query
	for i, a := range u.Alts {
		w := 1.0
		if i > 0 {
			w = 0.8 // the user's own word first
		}
		any = append(any, phraseQuery(a, w))
	}
	if len(any) == 1 {
		return any[0]
	}
	return bleve.NewDisjunctionQuery(any...)
}

// phraseQuery matches s as written: in the title as a phrase of bigrams, in the text
// as its one bigram or all its trigrams; a lone character through the title's single
// characters or the text bigrams starting with it (and the character ending a run); a
// lone letter or digit as a word of its own, as the highlights mark it (3 of 共3人, not
// of 30).
func phraseQuery(s string, weight float64) query.Query {
	rs := []rune(s)
	if len(rs) == 1 {
		t := term(fTitleUni, s)
		t.(*query.TermQuery).SetBoost(boostTitleChar * weight)
		if !isHan(rs[0]) {
			w := term(fText, s)
			w.(*query.TermQuery).SetBoost(boostTextChar * weight)
			return bleve.NewDisjunctionQuery(t, w)
		}
		pr := bleve.NewPrefixQuery(s)
		pr.SetField(fText)
		pr.SetBoost(boostTextChar * weight)
		return bleve.NewDisjunctionQuery(t, pr)
	}
	var title query.Query
	if len(rs) == 2 && allHan(s) {
		// One bigram: a term query, without the positions a phrase reads for every match.
		t := term(fTitle, s)
		t.(*query.TermQuery).SetBoost(boostTitle * weight)
		title = t
	} else {
		p := bleve.NewMatchPhraseQuery(s)
		p.SetField(fTitle)
		p.SetBoost(boostTitle * weight)
		title = p
	}
	return bleve.NewDisjunctionQuery(title, textQueryFor(s, weight))
}

// textQueryFor matches a word of two or more characters in the body without positions.
func textQueryFor(s string, weight float64) query.Query {
	rs := []rune(s)
	if !allHan(s) {
		// Letters, digits or mixed text (GB/T 33190, 2024年): all of its tokens.
		m := bleve.NewMatchQuery(s)
		m.SetField(fText)
		m.Analyzer = analyzerBigram // every token of the query is in the text, not the end of its runs
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(weight)
		return m
	}
	if len(rs) == 2 {
		t := term(fText, s)
		t.(*query.TermQuery).SetBoost(weight)
		return t
	}
	var grams []query.Query
	seen := map[string]bool{}
	for i := 0; i+3 <= len(rs); i++ {
		g := string(rs[i : i+3])
		if !seen[g] {
			seen[g] = true
			grams = append(grams, term(fText3, g))
		}
	}
	c := bleve.NewConjunctionQuery(grams...)
	c.SetBoost(weight)
	return c
}

func allHan(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return true
}
