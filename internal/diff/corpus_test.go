package diff

import (
	"testing"

	"github.com/guifan/guifan/internal/article"
)

// The same version of a law from the two sources (LawRefBook Markdown with its
// numbers, the national database's text whose numbers come from its provisions) is
// worded the same: compared article by article, nearly every article is the same
// once formatting is folded. This checks the normalisation on real text at scale.
func TestCompareAcrossSources(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	recs := loadLaws(t, func(r lawRecord) bool { return r.PublishDate != "" })
	type key struct{ title, date string }
	lawrefbook := map[key]lawRecord{}
	for _, r := range recs {
		if r.Collection == "lawrefbook-national" {
			lawrefbook[key{r.Title, r.PublishDate}] = r
		}
	}
	pairs, articles, same, movedRows := 0, 0, 0, 0
	for _, r := range recs {
		if r.Collection != "ansvar-flk" {
			continue
		}
		l, ok := lawrefbook[key{r.Title, r.PublishDate}]
		if !ok {
			continue
		}
		headings, ok := article.HeadingsFromProvisions(string(r.Provisions), article.CountBlocks(r.Text))
		if !ok {
			continue
		}
		pairs++
		res := Compare(l.Text, r.Text, nil, headings)
		if res.AlignedBy != "number" {
			t.Errorf("%s: aligned by %s", r.Title, res.AlignedBy)
		}
		for _, row := range res.Rows {
			if row.Key == PreambleKey {
				continue
			}
			articles++
			if row.Op == OpSame {
				same++
			}
			if row.MovedFrom != "" {
				movedRows++
			}
		}
	}
	if pairs == 0 {
		t.Skip("no overlapping versions")
	}
	rate := float64(same) / float64(articles)
	t.Logf("%d versions in both sources: %d of %d articles the same (%.1f%%), %d noted as moved", pairs, same, articles, 100*rate, movedRows)
	if rate < 0.9 {
		t.Errorf("only %.1f%% of articles compare the same across sources", 100*rate)
	}
}
