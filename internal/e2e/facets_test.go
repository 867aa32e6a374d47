package e2e

import (
	"strconv"
	"testing"
)

// The status facet is counted in the index from validity bounds, the status of each hit
// is computed by the validity engine: on every date they must agree, and filtering by a
// status must return exactly the works counted for it.
func TestStatusFacetsAgreeWithHits(t *testing.T) {
	need(t)
	for _, asof := range []string{"1995-01-01", "2015-06-01", "2024-01-15", "2026-02-15", "2026-11-27", "2035-01-01"} {
		var first searchResp
		get(t, searchPath("asof", asof, "size", "1"), &first, false)
		counted := map[string]int{}
		paged := map[string]bool{} // pages of one snapshot neither overlap nor skip
		seen := 0
		for page := 1; seen < first.Total; page++ {
			var r searchResp
			get(t, searchPath("asof", asof, "size", "100", "page", strconv.Itoa(page)), &r, false)
			if len(r.Hits) == 0 {
				break
			}
			for _, h := range r.Hits {
				counted[h.Status]++
				if paged[h.VersionID] {
					t.Errorf("%s: %s appears on two pages", asof, h.VersionID)
				}
				paged[h.VersionID] = true
			}
			seen += len(r.Hits)
		}
		if seen != first.Total {
			t.Errorf("%s: paged %d hits of %d", asof, seen, first.Total)
		}
		for status, n := range first.Facets.Status {
			if counted[status] != n {
				t.Errorf("%s: facet %s=%d, hits say %d", asof, status, n, counted[status])
			}
			var filtered searchResp
			get(t, searchPath("asof", asof, "status", status, "size", "1"), &filtered, false)
			if filtered.Total != n {
				t.Errorf("%s: status=%s filter gives %d, facet %d", asof, status, filtered.Total, n)
			}
		}
		for status, n := range counted {
			if first.Facets.Status[status] != n {
				t.Errorf("%s: %d hits are %s, facet says %d", asof, n, status, first.Facets.Status[status])
			}
		}
		t.Logf("as of %s: %v", asof, first.Facets.Status)
	}
}
