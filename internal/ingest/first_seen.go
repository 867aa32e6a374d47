package ingest

import (
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/snapshot"
)

// stampFirstSeen dates each record's first appearance in the library. A record reused
// from the previous snapshot keeps its date; one read again because its file changed
// keeps the date of the record it replaces (same file or bulk line, or same version id),
// so correcting a sidecar does not make an old document look new. Snapshots written
// before first-seen dates were kept date their records by when they were built.
func stampFirstSeen(records []*catalog.Record, prev *snapshot.Manifest, now time.Time) {
	byKey, byID := map[string]*catalog.Record{}, map[string]*catalog.Record{}
	if prev != nil {
		for _, r := range prev.Records {
			byKey[r.Key] = r
			byID[r.Version.ID] = r
		}
	}
	seen := func(r *catalog.Record) time.Time {
		if !r.FirstSeen.IsZero() {
			return r.FirstSeen
		}
		return prev.BuiltAt
	}
	for _, r := range records {
		if !r.FirstSeen.IsZero() {
			continue
		}
		if p, ok := byKey[r.Key]; ok {
			r.FirstSeen = seen(p)
		} else if p, ok := byID[r.Version.ID]; ok {
			r.FirstSeen = seen(p)
		} else {
			r.FirstSeen = now
		}
	}
}
