package search

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
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
		values := facetValues(res)
		out.Facets = termFacets(values)
		bounds := values[facetBounds]
		if len(q.Statuses) > 0 || q.Expiring {
			// Count statuses as if none were chosen, so the user sees what else there is.
			req := x.request(q, plan, used, false)
			req.Size = 0
			r, err := x.b.SearchInContext(ctx, req)
			if err != nil {
				return nil, err
			}
			bounds = facetValues(r)[facetBounds]
		}
		out.Facets.Status = statusCounts(bounds, q.AsOf)
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
	// Ties keep the index's own order, which is stable within a snapshot: sorting on
	// _id or a second field would read doc values for every candidate hit.
	if q.SortDate || plan.Empty() {
		req.SortBy([]string{"-" + fPublish})
	} else {
		req.SortBy([]string{"-_score"})
	}
	if !q.NoFacets {
		// Every distinct value, split by facet afterwards; the bounds give the statuses.
		req.AddFacet(fFacet, bleve.NewFacetRequest(fFacet, 1<<20))
	}
	return req
}

// facetValues splits the facet field's counts by facet prefix.
func facetValues(r *bleve.SearchResult) map[string][]Count {
	out := map[string][]Count{}
	f := r.Facets[fFacet]
	if f == nil || f.Terms == nil {
		return out
	}
	for _, t := range f.Terms.Terms() {
		if len(t.Term) < 2 {
			continue
		}
		p := t.Term[:2]
		out[p] = append(out[p], Count{Value: t.Term[2:], Count: t.Count})
	}
	return out
}

// statusCounts counts the statuses on d from the distinct bounds of the result set.
func statusCounts(bounds []Count, d model.Date) map[validity.Status]int {
	out := map[validity.Status]int{}
	for _, c := range bounds {
		if b, ok := parseBoundsKey(c.Value); ok {
			out[b.StatusAt(d)] += c.Count
		}
	}
	return out
}

func termFacets(v map[string][]Count) Facets {
	top := func(cs []Count, n int) []Count {
		sort.SliceStable(cs, func(i, j int) bool {
			if cs[i].Count != cs[j].Count {
				return cs[i].Count > cs[j].Count
			}
			return cs[i].Value < cs[j].Value
		})
		if len(cs) > n {
			cs = cs[:n]
		}
		return cs
	}
	years := top(v[facetYear], 50)
	sort.Slice(years, func(i, j int) bool {
		a, _ := strconv.Atoi(years[i].Value)
		b, _ := strconv.Atoi(years[j].Value)
		return a > b
	})
	return Facets{Level: top(v[facetLevel], 12), Authority: top(v[facetAuthority], 20), Year: years, Topic: top(v[facetTopic], 20)}
}
