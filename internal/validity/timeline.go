package validity

import (
	"sort"

	"github.com/guifan/guifan/internal/model"
)

// Incoming is a resolved relation that names the work, with what the reason needs to
// cite the stating document.
type Incoming struct {
	model.Relation
	FromTitle     string
	FromDocNumber string
	// Hidden is set when the stating document is restricted: the public sees the
	// status it causes but not which document caused it.
	Hidden bool
}

// Span is one version's time in effect: from its effective date until the next
// version takes effect.
type Span struct {
	VersionID    string
	Label        string
	PublishDate  model.Date
	From         model.Date // effective date (施行日期); 0 when no date at all is known
	FromEvidence model.Evidence
	Until        model.Date // the next version's effective date; 0 while it is the latest
	NextID       string     // the version that replaced it
	Expiry       model.Date // last day in force (有效期至), after any extension; 0 = none
	ExpiryNote   string     // the clause or relation that set Expiry
	ExpiryHidden bool       // ExpiryNote quotes a restricted document
	// ExpiryInferred says Expiry was inferred from the period or year the title names
	// (2024-2026年…规划, 2022年…工作要点); ExpiryNote is then that title.
	ExpiryInferred bool
	// ExtendedOn is the date of the first dated 延续有效期 relation; before it the 有效期
	// known was PriorExpiry (PriorNote). An extension issued after that 有效期 ended
	// does not undo the days in between: the work was 已失效 then.
	ExtendedOn    model.Date
	PriorExpiry   model.Date
	PriorNote     string
	PriorInferred bool
	SourceStatus  string
}

// at is the span as known on d: its 有效期 before an extension issued after d is the
// one it had then.
func (s Span) at(d model.Date) Span {
	if s.ExtendedOn != 0 && d < s.ExtendedOn {
		s.Expiry, s.ExpiryNote, s.ExpiryInferred = s.PriorExpiry, s.PriorNote, s.PriorInferred
	}
	return s
}

// gap is the days a span was 已失效 between its first 有效期 and a late extension:
// [from, to), or zeros.
func (s Span) gap() (from, to model.Date) {
	if s.PriorExpiry == 0 || s.ExtendedOn == 0 || s.ExtendedOn <= s.PriorExpiry.AddDays(1) {
		return 0, 0
	}
	return s.PriorExpiry.AddDays(1), s.ExtendedOn
}

// Timeline is everything about a work's validity that does not depend on the date asked.
type Timeline struct {
	Spans []Span // oldest first
	// Repeals and Lapses are the whole-work 废止 / 宣布失效 relations, oldest first. Each
	// ends the versions in effect by its date; a version that takes effect later (a
	// document re-enacted under the same title) is not touched by it.
	Repeals []*Incoming
	Lapses  []*Incoming
	// Partial are repeals or lapses of some articles only (部分失效), oldest first.
	Partial []*Incoming
}

// Build orders the versions and applies the relations that name the work.
// Versions must belong to one work; their EffectiveDate must already be resolved
// (metadata, then text, then publish date).
func Build(versions []*model.Version, incoming []Incoming) *Timeline {
	vs := append([]*model.Version(nil), versions...)
	SortVersions(vs)
	t := &Timeline{Spans: make([]Span, len(vs))}
	for i, v := range vs {
		t.Spans[i] = Span{
			VersionID: v.ID, Label: v.Label, PublishDate: v.PublishDate,
			From: v.EffectiveDate, FromEvidence: v.EffectiveEvidence,
			Expiry: v.ExpiryDate, ExpiryNote: v.ExpiryEvidence.Value, ExpiryInferred: v.ExpiryEvidence.Origin == "title",
			SourceStatus: v.SourceStatus,
		}
		if i > 0 {
			t.Spans[i-1].Until = v.EffectiveDate
			t.Spans[i-1].NextID = v.ID
		}
	}
	rels := append([]Incoming(nil), incoming...)
	sort.SliceStable(rels, func(i, j int) bool { return rels[i].Date < rels[j].Date })
	for i := range rels {
		r := &rels[i]
		if len(r.Articles) > 0 && (r.Type == model.Repeals || r.Type == model.Lapses) {
			t.Partial = append(t.Partial, r) // the work stays in force, those articles do not
			continue
		}
		switch r.Type {
		case model.Repeals:
			t.Repeals = append(t.Repeals, r)
		case model.Lapses:
			t.Lapses = append(t.Lapses, r)
		case model.Extends:
			t.extend(r)
		}
	}
	return t
}

// SortVersions orders versions by effective date, then publish date, then id.
func SortVersions(vs []*model.Version) {
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if a.EffectiveDate != b.EffectiveDate {
			return a.EffectiveDate < b.EffectiveDate
		}
		if a.PublishDate != b.PublishDate {
			return a.PublishDate < b.PublishDate
		}
		return a.ID < b.ID
	})
}

// extend applies a 延续有效期 relation to the version in effect on its date (the first
// version when none has taken effect by then, the latest when undated): its 有效期 now
// ends at Until, or never when Until is zero.
func (t *Timeline) extend(r *Incoming) {
	if len(t.Spans) == 0 {
		return
	}
	i := len(t.Spans) - 1
	if r.Date != 0 {
		// Dated before any version took effect, it extends the one awaiting its 施行日期,
		// never a version enacted later.
		i = max(t.spanAt(r.Date), 0)
	}
	if r.Date != 0 && t.Spans[i].ExtendedOn == 0 {
		t.Spans[i].ExtendedOn = r.Date
		t.Spans[i].PriorExpiry, t.Spans[i].PriorNote = t.Spans[i].Expiry, t.Spans[i].ExpiryNote
		t.Spans[i].PriorInferred = t.Spans[i].ExpiryInferred
	}
	t.Spans[i].Expiry = r.Until
	t.Spans[i].ExpiryNote = r.Evidence
	t.Spans[i].ExpiryInferred = false
	t.Spans[i].ExpiryHidden = r.Hidden
	if t.Spans[i].ExpiryNote == "" {
		t.Spans[i].ExpiryNote = "延续有效期"
	}
}

// spanAt is the index of the version in effect on d (the latest whose effective date
// is on or before d), or -1 when none has taken effect yet.
func (t *Timeline) spanAt(d model.Date) int {
	idx := -1
	for i, s := range t.Spans {
		if s.From <= d {
			idx = i
		}
	}
	return idx
}

// Current is the index of the version that represents the work on d: the one in
// effect, or the first one when none has taken effect yet.
func (t *Timeline) Current(d model.Date) int {
	if len(t.Spans) == 0 {
		return -1
	}
	if i := t.spanAt(d); i >= 0 {
		return i
	}
	return 0
}

// endFor is the first of rels (sorted by date) that ends span i: dated on or after the
// span took effect (any, for the first span, which nothing came before).
func (t *Timeline) endFor(i int, rels []*Incoming) *Incoming {
	for _, r := range rels {
		if i == 0 || r.Date >= t.Spans[i].From {
			return r
		}
	}
	return nil
}

// repealFor is the relation that repeals span i, if any.
func (t *Timeline) repealFor(i int) *Incoming { return t.endFor(i, t.Repeals) }

// RepealedBy is the work whose 废止 relation ends span i (its successor), or "" when
// no relation in the library repeals it.
func (t *Timeline) RepealedBy(i int) string {
	if r := t.repealFor(i); r != nil {
		return r.FromWork
	}
	return ""
}

// lapseFor is the 宣布失效 relation that ends span i, if any.
func (t *Timeline) lapseFor(i int) *Incoming { return t.endFor(i, t.Lapses) }

func dateOr(r *Incoming, d model.Date) model.Date {
	if r != nil {
		return r.Date
	}
	return d
}

// lapseDate is the first day span i counts as 已失效: the day after its 有效期 or the
// date of a 宣布失效 relation, whichever comes first; DateMax when neither applies.
func (t *Timeline) lapseDate(i int) model.Date {
	d := model.DateMax
	if e := t.Spans[i].Expiry; e != 0 {
		d = e.AddDays(1)
	}
	if l := t.lapseFor(i); l != nil && l.Date < d {
		d = l.Date
	}
	return d
}

// Bounds are the dates at which the status of a work changes while version i represents
// it: before InForceFrom it is 尚未生效, from EndedFrom 已失效, from RepealedFrom 已废止.
// InForceFrom ≤ EndedFrom ≤ RepealedFrom, so the four statuses partition time; the search
// index stores these three numbers per version to filter and count statuses for any date.
type Bounds struct {
	InForceFrom, EndedFrom, RepealedFrom model.Date
	// GapFrom and GapTo are days before EndedFrom on which it was 已失效 too: from the end
	// of a 有效期 to a later extension (Span.gap); zero when there are none.
	GapFrom, GapTo model.Date
	// RepFrom and RepTo bound the dates on which version i represents its work.
	RepFrom, RepTo model.Date
}

// Bounds computes the index bounds of span i.
func (t *Timeline) Bounds(i int) Bounds {
	s := t.Spans[i]
	b := Bounds{RepealedFrom: dateOr(t.repealFor(i), model.DateMax), RepFrom: model.DateMin, RepTo: model.DateMax}
	if i > 0 {
		b.RepFrom = s.From
	}
	if i < len(t.Spans)-1 {
		b.RepTo = s.Until // may equal RepFrom: a version replaced on the day it took effect never represents the work
	}
	b.EndedFrom = min(t.lapseDate(i), b.RepealedFrom)
	if from, to := s.gap(); from != 0 && from < b.EndedFrom {
		b.GapFrom, b.GapTo = from, min(to, b.EndedFrom)
	}
	b.InForceFrom = model.DateMin
	if i == 0 && s.From != 0 {
		b.InForceFrom = min(s.From, b.EndedFrom)
	}
	return b
}

// For returns the timeline as a viewer may see it: for the public, relations stated by
// restricted documents still count, but their titles, numbers and sentences are not shown.
func (t *Timeline) For(public bool) *Timeline {
	if !public {
		return t
	}
	c := *t
	c.Repeals = redactAll(t.Repeals)
	c.Lapses = redactAll(t.Lapses)
	c.Partial = redactAll(t.Partial)
	for i, s := range t.Spans {
		if s.ExpiryHidden {
			if &c.Spans[0] == &t.Spans[0] {
				c.Spans = append([]Span(nil), t.Spans...)
			}
			c.Spans[i].ExpiryNote = "延续有效期"
		}
	}
	return &c
}

func redactAll(rs []*Incoming) []*Incoming {
	out := make([]*Incoming, len(rs))
	for i, r := range rs {
		out[i] = redact(r)
	}
	return out
}

func redact(r *Incoming) *Incoming {
	if r == nil || !r.Hidden {
		return r
	}
	c := *r
	c.FromTitle, c.FromDocNumber, c.Evidence = "", "", ""
	return &c
}
