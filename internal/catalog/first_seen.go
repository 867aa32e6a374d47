package catalog

import "time"

// firstSeen holds when versions and works first appeared; kept apart because a bulk
// record's version id may equal its work id.
type firstSeen struct {
	versions, works map[string]time.Time
}

// noteFirstSeen keeps, for every version and work, when its earliest record was first
// read: a version merged from several files appeared with the first of them, a work
// with its first version.
func (c *Catalog) noteFirstSeen(records []*Record) {
	c.seen = firstSeen{versions: map[string]time.Time{}, works: map[string]time.Time{}}
	earliest := func(m map[string]time.Time, id string, t time.Time) {
		if cur, ok := m[id]; !ok || t.Before(cur) {
			m[id] = t
		}
	}
	for _, r := range records {
		if r.FirstSeen.IsZero() {
			continue
		}
		v, ok := c.Version(r.Version.ID)
		if !ok {
			continue
		}
		earliest(c.seen.versions, v.ID, r.FirstSeen)
		earliest(c.seen.works, v.WorkID, r.FirstSeen)
	}
}

// VersionFirstSeen is when a version first appeared in the library; zero when no
// ingest recorded it.
func (c *Catalog) VersionFirstSeen(id string) time.Time {
	if v, ok := c.Version(id); ok {
		return c.seen.versions[v.ID]
	}
	return time.Time{}
}

// WorkFirstSeen is when a work's first version appeared in the library.
func (c *Catalog) WorkFirstSeen(id string) time.Time {
	if w, ok := c.Work(id); ok {
		return c.seen.works[w.ID]
	}
	return time.Time{}
}
