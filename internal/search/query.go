package search

import (
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
	Expiring  bool              // only 现行有效 works whose 有效期 ends within 180 days (即将到期)
	Level     string
	Authority string
	Topic     string
	Year      int
	From, To  model.Date // publish-date range, inclusive
	Kind      string     // "" any, or model.KindInterpretation
	SortDate  bool       // newest first instead of relevance
	Offset    int
	Size      int
	Staff     bool // staff see restricted documents
	NoFacets  bool
	ExactOnly bool // no looser matching when the words do not all match (side boxes)
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

func num(d model.Date) *float64 { f := float64(d); return &f }

func yes() *bool { t := true; return &t }

// rangeQ matches field values v with lo ≤ v < hi (nil bounds are open).
func rangeQ(field string, lo, hi *float64) query.Query {
	q := bleve.NewNumericRangeQuery(lo, hi)
	q.SetField(field)
	return q
}

// atMost matches v ≤ d; after matches v > d. Dates are YYYYMMDD integers.
func atMost(field string, d model.Date) query.Query { return rangeQ(field, nil, num(d+1)) }
func after(field string, d model.Date) query.Query  { return rangeQ(field, num(d+1), nil) }

func term(field, value string) query.Query {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

// statusQuery matches the works whose status on d is s, for the versions that
// represent their work on d (validity.Bounds.StatusAt, written as ranges).
func statusQuery(s validity.Status, d model.Date) query.Query {
	switch s {
	case validity.NotYetEffective:
		return after(fInForceFrom, d)
	case validity.InForce:
		return bleve.NewConjunctionQuery(atMost(fInForceFrom, d), after(fEndedFrom, d))
	case validity.Lapsed:
		return bleve.NewConjunctionQuery(atMost(fEndedFrom, d), after(fRepealed, d))
	case validity.Repealed:
		return atMost(fRepealed, d)
	}
	return bleve.NewMatchNoneQuery() // 已修改 is a version status: no work has it
}

// filters are the non-scoring conditions: the version representing each work on the
// as-of date, access, and the user's facet choices.
func (q *Query) filters(withStatus bool) []query.Query {
	d := q.AsOf
	// Written as exclusions: the versions that do not represent their work on d (later
	// versions not yet in effect, earlier ones replaced) and restricted documents are
	// few, so excluding them reads far fewer postings than matching everything else.
	not := bleve.NewBooleanQuery()
	not.AddMust(bleve.NewMatchAllQuery())
	not.AddMustNot(after(fRepFrom, d), atMost(fRepTo, d))
	if !q.Staff {
		not.AddMustNot(term(fRestricted, "1"))
	}
	fs := []query.Query{not}
	if q.Level != "" {
		fs = append(fs, term(fLevel, q.Level))
	}
	if q.Authority != "" {
		fs = append(fs, term(fAuthority, q.Authority))
	}
	if q.Topic != "" {
		fs = append(fs, term(fTopic, q.Topic))
	}
	if q.Kind != "" {
		fs = append(fs, term(fKind, q.Kind))
	}
	if q.Year != 0 {
		fs = append(fs, rangeQ(fPublish, num(model.Date(q.Year*10000+101)), num(model.Date((q.Year+1)*10000+101))))
	}
	if q.From != 0 || q.To != 0 {
		var lo, hi *float64
		if q.From != 0 {
			lo = num(q.From)
		}
		if q.To != 0 {
			hi = num(q.To + 1)
		}
		fs = append(fs, rangeQ(fPublish, lo, hi))
	}
	if withStatus && len(q.Statuses) > 0 {
		var any []query.Query
		for _, s := range q.Statuses {
			any = append(any, statusQuery(s, d))
		}
		fs = append(fs, bleve.NewDisjunctionQuery(any...))
	}
	if withStatus && q.Expiring {
		soon := q.AsOf.AddDays(validity.SoonWindowDays)
		fs = append(fs, statusQuery(validity.InForce, d), rangeQ(fExpiry, num(d), num(soon+1)))
	}
	return fs
}

// textQuery scores documents against the plan at the given strictness.
func textQuery(p *Plan, ps pass) query.Query {
	if p.Empty() {
		return bleve.NewMatchAllQuery()
	}
	b := bleve.NewBooleanQuery()
	for _, n := range p.Numbers {
		own := term(fDocNumber, n)
		own.(*query.TermQuery).SetBoost(30)
		cited := term(fNumbers, n)
		cited.(*query.TermQuery).SetBoost(3)
		b.AddMust(bleve.NewDisjunctionQuery(own, cited))
	}
	for _, ph := range p.Phrases {
		b.AddMust(phraseQuery(ph, 1))
	}
	if key := exactTitleKey(p); key != "" {
		t := term(fTitleKey, key)
		t.(*query.TermQuery).SetBoost(25)
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
					if f == fTitle {
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
	raw := textnorm.Compact(p.Raw)
	if raw == "" {
		return ""
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
// characters or the text bigrams starting with it.
func phraseQuery(s string, weight float64) query.Query {
	rs := []rune(s)
	if len(rs) == 1 {
		t := term(fTitleUni, s)
		t.(*query.TermQuery).SetBoost(4 * weight)
		pr := bleve.NewPrefixQuery(s)
		pr.SetField(fText)
		pr.SetBoost(0.5 * weight)
		return bleve.NewDisjunctionQuery(t, pr)
	}
	title := bleve.NewMatchPhraseQuery(s)
	title.SetField(fTitle)
	title.SetBoost(5 * weight)
	return bleve.NewDisjunctionQuery(title, textQueryFor(s, weight))
}

// textQueryFor matches a word of two or more characters in the body without positions.
func textQueryFor(s string, weight float64) query.Query {
	rs := []rune(s)
	if !allHan(s) {
		// Letters, digits or mixed text (GB/T 33190, 2024年): all of its tokens.
		m := bleve.NewMatchQuery(s)
		m.SetField(fText)
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
