// Package catalog turns the version records the ingester read into works, resolves
// the relations between them and answers lookups (by id, doc number or title) and
// validity questions. It holds metadata only; texts live in the search index.
package catalog

import (
	"time"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/privacy"
)

// Record is one version as read from the library: a document file or a JSONL line.
type Record struct {
	Key      string        // where it came from: the file path, or path#line for a bulk record
	Version  model.Version // metadata, explicit values merged over those read from the text
	TextHash string        // sha256 of the normalised text
	Explicit Explicit      // which fields were given explicitly
	AliasIDs []string      // other ids of this version (records joined into it)
	// Privacy are personal-information findings (ID and mobile numbers) in a public text.
	Privacy []privacy.Finding
	// FirstSeen is when the ingester first read this record; kept across ingests while
	// the record is reused, so change feeds can tell what was added when.
	FirstSeen time.Time
}

// Explicit marks fields given by a sidecar or record rather than read from the text.
type Explicit struct {
	Title, DocNumber, Authority, Level, PublishDate, EffectiveDate, ExpiryDate bool
}

// score ranks duplicate records of one version: the most explicit one becomes canonical.
func (r *Record) score() int {
	s := 0
	e := r.Explicit
	for _, b := range []bool{e.EffectiveDate, e.EffectiveDate, e.Authority, e.DocNumber, e.PublishDate, e.ExpiryDate} {
		if b {
			s += 2
		}
	}
	if r.Version.SourceStatus != "" {
		s++
	}
	return s
}
