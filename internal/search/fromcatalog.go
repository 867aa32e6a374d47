package search

import (
	"sort"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

// FromCatalog makes the index document of every canonical version (without its text),
// with the validity bounds that let the index answer status questions for any date.
// The ingester indexes these.
func FromCatalog(cat *catalog.Catalog, records []*catalog.Record) []*Doc {
	hashes := make(map[string]string, len(records))
	for _, r := range records {
		hashes[r.Version.ID] = r.TextHash
	}
	return fromCatalog(cat, hashes)
}

// AttributesFrom makes the same documents with only what the document table reads
// (no doc numbers, no text hash): a server attaches them to the index it opens.
func AttributesFrom(cat *catalog.Catalog) []*Doc { return fromCatalog(cat, nil) }

func fromCatalog(cat *catalog.Catalog, hashes map[string]string) []*Doc {
	docs := make([]*Doc, 0, len(cat.Versions))
	for _, wid := range cat.WorkIDs() {
		w := cat.Works[wid]
		tl := cat.Timeline(wid)
		var cited []string
		if hashes != nil {
			cited = citedNumbers(cat.Outgoing(wid))
		}
		for i, span := range tl.Spans {
			v := cat.Versions[span.VersionID]
			d := &Doc{
				VersionID: v.ID, WorkID: wid, Title: v.Title,
				Authorities: w.Authorities, Level: string(w.Level), Topics: w.Topics, Kind: string(w.Kind),
				Restricted: w.Disclosure == model.Restricted, Publish: v.PublishDate,
				Bounds: tl.Bounds(i), Expiry: span.Expiry, Steps: span.Steps(),
				ReplacedBy: tl.RepealedBy(i),
			}
			switch validity.SourceStatusName(v.SourceStatus) {
			case validity.Repealed, validity.Lapsed:
				d.SourceEnded = true
			}
			docs = append(docs, d)
			if hashes == nil {
				continue
			}
			d.TextHash = hashes[v.ID]
			if d.DocNumber = docnum.Normalize(v.DocNumber); d.DocNumber == "" {
				d.DocNumber = v.DocNumber
			}
			d.Numbers = cited
			if d.DocNumber != "" {
				d.Numbers = append([]string{d.DocNumber}, cited...)
			}
		}
	}
	return docs
}

// citedNumbers are the normalised doc numbers a work names in its relations.
func citedNumbers(rels []*model.Relation) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rels {
		for _, t := range []string{r.Target, r.TargetNumber} {
			if n := docnum.Normalize(t); n != "" && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}
