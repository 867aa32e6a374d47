package search

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
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

const (
	facetPending  = "pending"
	facetEnded    = "ended"
	facetRepealed = "repealed"
)

// Search runs q. Looser matching is tried only when the stricter finds nothing.
func (x *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	seg := x.Segmenter
	if seg == nil {
		seg = segment
	}
	plan := parsePlan(q.Text, seg)
	passes := []pass{passExact, passPartial, passLoose}
	if plan.Empty() || len(plan.Units) == 0 || q.ExactOnly {
		passes = passes[:1]
	}
	var res *bleve.SearchResult
	var used pass
	for _, ps := range passes {
		req := x.request(q, plan, ps, true)
		r, err := x.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		res, used = r, ps
		if r.Total > 0 {
			break
		}
	}
	out := &Result{Total: res.Total, Plan: plan, Match: used.String()}
	if plan.Empty() {
		out.Match = "all"
	}
	if !q.NoFacets {
		out.Facets = termFacets(res.Facets)
		statusSource := res
		if len(q.Statuses) > 0 || q.Expiring {
			// Count statuses as if none were chosen, so the user sees what else there is.
			req := x.request(q, plan, used, false)
			req.Size = 0
			r, err := x.b.SearchInContext(ctx, req)
			if err != nil {
				return nil, err
			}
			statusSource = r
		}
		out.Facets.Status = statusCounts(statusSource)
	}
	literals := plan.Literals()
	for _, h := range res.Hits {
		hit := Hit{VersionID: h.ID, Score: h.Score}
		if len(literals) > 0 {
			if text, err := x.Text(h.ID); err == nil {
				hit.Snippets = Snippets(text, literals, 3, 80)
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Took = time.Since(start)
	return out, nil
}

func (x *Index) request(q Query, plan *Plan, ps pass, withStatus bool) *bleve.SearchRequest {
	b := bleve.NewBooleanQuery()
	b.AddMust(textQuery(plan, ps))
	b.AddFilter(bleve.NewConjunctionQuery(q.filters(withStatus)...))
	req := bleve.NewSearchRequestOptions(b, q.Size, q.Offset, false)
	if q.SortDate || plan.Empty() {
		req.SortBy([]string{"-" + fPublish, "_id"})
	} else {
		req.SortBy([]string{"-_score", "-" + fPublish, "_id"})
	}
	if !q.NoFacets {
		d := float64(q.AsOf)
		next := d + 1
		if withStatus {
			req.AddFacet(fLevel, bleve.NewFacetRequest(fLevel, 12))
			req.AddFacet(fAuthority, bleve.NewFacetRequest(fAuthority, 20))
			req.AddFacet(fYear, bleve.NewFacetRequest(fYear, 50))
			req.AddFacet(fTopic, bleve.NewFacetRequest(fTopic, 20))
		}
		pending := bleve.NewFacetRequest(fInForceFrom, 1)
		pending.AddNumericRange(facetPending, &next, nil)
		ended := bleve.NewFacetRequest(fEndedFrom, 1)
		ended.AddNumericRange(facetEnded, nil, &next)
		repealed := bleve.NewFacetRequest(fRepealed, 1)
		repealed.AddNumericRange(facetRepealed, nil, &next)
		req.AddFacet(facetPending, pending)
		req.AddFacet(facetEnded, ended)
		req.AddFacet(facetRepealed, repealed)
	}
	return req
}

// statusCounts derives the status of every hit from three range counts: with
// InForceFrom ≤ EndedFrom ≤ RepealedFrom the statuses partition the result set.
func statusCounts(r *bleve.SearchResult) map[validity.Status]int {
	rangeCount := func(name string) int {
		if f := r.Facets[name]; f != nil {
			for _, nr := range f.NumericRanges {
				if nr.Name == name {
					return nr.Count
				}
			}
		}
		return 0
	}
	pending, ended, repealed := rangeCount(facetPending), rangeCount(facetEnded), rangeCount(facetRepealed)
	return map[validity.Status]int{
		validity.NotYetEffective: pending,
		validity.InForce:         int(r.Total) - pending - ended,
		validity.Lapsed:          ended - repealed,
		validity.Repealed:        repealed,
	}
}

func termFacets(fs bsearch.FacetResults) Facets {
	get := func(name string) []Count {
		f := fs[name]
		if f == nil || f.Terms == nil {
			return nil
		}
		var out []Count
		for _, t := range f.Terms.Terms() {
			out = append(out, Count{Value: t.Term, Count: t.Count})
		}
		return out
	}
	years := get(fYear)
	sort.Slice(years, func(i, j int) bool {
		a, _ := strconv.Atoi(years[i].Value)
		b, _ := strconv.Atoi(years[j].Value)
		return a > b
	})
	return Facets{Level: get(fLevel), Authority: get(fAuthority), Year: years, Topic: get(fTopic)}
}
