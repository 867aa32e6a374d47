// Package search is guifan's full-text index: Chinese analysis, the as-of validity
// filters and facets, and highlighting. bleve stays inside this package; the rest of
// the program speaks in the types defined here.
package search

import (
	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom" // registers the "custom" analyzer type
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Analyzer names. Text is indexed as overlapping character bigrams (公司法 → 公司 司法), so
// any word of two or more characters matches as a phrase of bigrams whatever a segmenter
// would have made of it; titles are also indexed as single characters so a one-character
// query (税, 房) still finds them, and texts index the character ending each run of
// Chinese text, which starts no bigram (税 of 依法纳税。), as a bigram's prefix finds the others.
const (
	analyzerBigram  = "zh_bigram"
	analyzerText    = "zh_bigram_ends" // bigrams, and the character ending each run (fText)
	analyzerUnigram = "zh_unigram"
	analyzerTrigram = "zh_trigram"
	analyzerTitle   = "zh_title" // bigrams, and 中华人民共和国 as one token (titleWhole)
)

// IndexVersion numbers the index's mapping and analysis. bleve keeps the mapping an
// index was created with, and an ingest updates a copy of the previous snapshot's
// index: raise IndexVersion with any change to what is indexed or how, so the next
// ingest indexes every version afresh instead of adding to an index analysed the old
// way. 2: the text also indexes the character ending each run (fText). 3: doc numbers
// are also indexed by their lookup keys (withKeys). 4: titles keep 中华人民共和国 as one
// token (titleWhole).
const IndexVersion = 4

// Field names in the index.
const (
	fTitle     = "title"
	fTitleUni  = "title1"
	fText      = "text"
	fText3     = "text3"   // trigrams of the text: words of three or more characters match without positions
	fTitleKey  = "tkey"    // exact title keys (with and without 中华人民共和国)
	fNumbers   = "numbers" // own and cited doc numbers, normalised
	fDocNumber = "docnum"  // own doc number, normalised
)

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	for name, tokenizer := range map[string]string{analyzerBigram: tokenizerBigram, analyzerText: tokenizerBigramEnds,
		analyzerUnigram: tokenizerUnigram, analyzerTrigram: tokenizerTrigram, analyzerTitle: tokenizerTitle} {
		if err := im.AddCustomAnalyzer(name, map[string]any{"type": "custom", "tokenizer": tokenizer}); err != nil {
			return nil, err
		}
	}
	im.ScoringModel = "bm25"
	im.DefaultAnalyzer = analyzerBigram

	text := func(analyzer string, store, positions bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = positions // phrase queries need term positions
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	// Titles are short: phrases over their bigrams are cheap. Bodies are long: a phrase
	// there would read the positions of every occurrence of common bigrams (社会, 保险), so
	// body words match as terms — a bigram, or all the trigrams of a longer word, which
	// almost never co-occur apart — and no positions are kept.
	doc.AddFieldMappingsAt(fTitle, text(analyzerTitle, false, true))
	doc.AddFieldMappingsAt(fTitleUni, text(analyzerUnigram, false, false))
	doc.AddFieldMappingsAt(fText, text(analyzerText, true, false))
	doc.AddFieldMappingsAt(fText3, text(analyzerTrigram, false, false))
	doc.AddFieldMappingsAt(fTitleKey, kw())
	doc.AddFieldMappingsAt(fNumbers, kw())
	doc.AddFieldMappingsAt(fDocNumber, kw())
	// Validity bounds, access and facet values are not indexed: the document table
	// (table.go), rebuilt from the catalog when the index is opened, filters and counts
	// them far faster than bleve's numeric ranges and doc values.
	im.DefaultMapping = doc
	im.DefaultField = fText
	return im, nil
}
