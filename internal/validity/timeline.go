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
	// ExtendedOn is the date of the latest dated 延续有效期 relation: the 有效期 known
	// from then on is Expiry. Earlier are the ones known before it, oldest first: the
	// version's own, then each set by an earlier extension, known from its date until
	// the next one's. An extension issued after the 有效期 it continues had ended does
	// not undo the days in between: the work was 已失效 then.
	ExtendedOn   model.Date
	Earlier      []ExpiryState
	SourceStatus string
	// OriginalFrom is when the work first took effect, before this version, under a
	// text the library does not hold (the first span's only): the amended text still
	// states the original's 施行 clause, OriginalNote.
	OriginalFrom model.Date
	OriginalNote string
}

// ExpiryState is a 有效期 as known from a date on.
type ExpiryState struct {
	Since    model.Date // the date of the extension that set it; 0 for the version's own
	Expiry   model.Date // last day in force; 0 = none
	Note     string
	Inferred bool
	Hidden   bool
}

// ExpiryStep is an ExpiryState without its evidence, for the search index.
type ExpiryStep struct {
	Since, Expiry model.Date
}

// At is the span as known on d (its 有效期 before any extension issued after d), for
// lists that show a version's dates as of a day.
func (s Span) At(d model.Date) Span { return s.at(d) }

// at is the span as known on d: its 有效期 before an extension issued after d is the
// one it had then, and ExtendedOn and Earlier are those before that one.
func (s Span) at(d model.Date) Span {
	if s.ExtendedOn == 0 || d >= s.ExtendedOn {
		return s
	}
	k := len(s.Earlier) - 1
	for k > 0 && d < s.Earlier[k].Since {
		k--
	}
	e := s.Earlier[k]
	s.Expiry, s.ExpiryNote, s.ExpiryInferred, s.ExpiryHidden = e.Expiry, e.Note, e.Inferred, e.Hidden
	s.ExtendedOn, s.Earlier = e.Since, s.Earlier[:k]
	return s
}

// priorExpiry is the 有效期 known before ExtendedOn.
func (s Span) priorExpiry() model.Date {
	if len(s.Earlier) == 0 {
		return s.Expiry
	}
	return s.Earlier[len(s.Earlier)-1].Expiry
}

// nextExtension is the first extension dated after d, if any.
func (s Span) nextExtension(d model.Date) (ExpiryState, bool) {
	for _, e := range s.Earlier {
		if e.Since > d {
			return e, true
		}
	}
	if s.ExtendedOn > d {
		return ExpiryState{Since: s.ExtendedOn, Expiry: s.Expiry}, true
	}
	return ExpiryState{}, false
}

// Steps are the 有效期 known over time, oldest first: nil when no dated extension
// changed it, so that Expiry is the one known on every day.
func (s Span) Steps() []ExpiryStep {
	if s.ExtendedOn == 0 {
		return nil
	}
	out := make([]ExpiryStep, 0, len(s.Earlier)+1)
	for _, e := range s.Earlier {
		out = append(out, ExpiryStep{Since: e.Since, Expiry: e.Expiry})
	}
	return append(out, ExpiryStep{Since: s.ExtendedOn, Expiry: s.Expiry})
}

// ExpiryOn is the last day of the 有效期 known on d from steps (Span.Steps); ok is false
// when there are no steps.
func ExpiryOn(steps []ExpiryStep, d model.Date) (expiry model.Date, ok bool) {
	for _, st := range steps {
		if st.Since > d && ok {
			break
		}
		expiry, ok = st.Expiry, true
	}
	return expiry, ok
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
	// Draft says every version is a draft for comment (征求意见稿): never in force.
	Draft bool
}

// Build orders the versions and applies the relations that name the work.
// Versions must belong to one work; their EffectiveDate must already be resolved
// (metadata, then text, then publish date).
func Build(versions []*model.Version, incoming []Incoming) *Timeline {
	vs := append([]*model.Version(nil), versions...)
	SortVersions(vs)
	t := &Timeline{Spans: make([]Span, len(vs)), Draft: len(vs) > 0}
	for i, v := range vs {
		t.Draft = t.Draft && v.Kind == model.KindDraft
		t.Spans[i] = Span{
			VersionID: v.ID, Label: v.Label, PublishDate: v.PublishDate,
			From: v.EffectiveDate, FromEvidence: v.EffectiveEvidence,
			Expiry: v.ExpiryDate, ExpiryNote: v.ExpiryEvidence.Value, ExpiryInferred: v.ExpiryEvidence.Origin == "title",
			SourceStatus: v.SourceStatus,
		}
		if i == 0 && v.OriginalEffectiveDate != 0 && v.OriginalEffectiveDate < v.EffectiveDate {
			t.Spans[i].OriginalFrom, t.Spans[i].OriginalNote = v.OriginalEffectiveDate, v.OriginalEffectiveEvidence
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
// ends at Until, or ExtendMonths after it ended, or never when neither is given.
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
	if s := &t.Spans[i]; r.Date != 0 {
		// Each dated extension counts from its date: keep the 有效期 known until then.
		s.Earlier = append(s.Earlier, ExpiryState{Since: s.ExtendedOn, Expiry: s.Expiry, Note: s.ExpiryNote,
			Inferred: s.ExpiryInferred, Hidden: s.ExpiryHidden})
		s.ExtendedOn = r.Date
	}
	until := r.Until
	if until == 0 && r.ExtendMonths > 0 {
		// 有效期延长2年: the 有效期 known before ends that much later; with none known
		// the document stays in force with no end, as before.
		if until = t.Spans[i].Expiry; until != 0 {
			until = until.AddDays(1).AddMonths(r.ExtendMonths).AddDays(-1)
		}
	}
	t.Spans[i].Expiry = until
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

// ExpiredSince is the day from which the 有效期 of span i known on d had ended, when it
// had by d: the first day of the 已失效 days before a later extension, or of those for
// good. 0 when that 有效期 runs on past d, or there is none.
func (t *Timeline) ExpiredSince(i int, d model.Date) model.Date {
	s := t.Spans[i].at(d)
	if s.Expiry == 0 || s.Expiry >= d {
		return 0
	}
	return max(s.Expiry.AddDays(1), s.ExtendedOn)
}

// lapseDate is the first day span i counts as 已失效 for good: the day after its 有效期
// (not before the extension that set it) or the date of a 宣布失效 relation, whichever
// comes first; DateMax when neither applies.
func (t *Timeline) lapseDate(i int) model.Date {
	d := model.DateMax
	if s := t.Spans[i]; s.Expiry != 0 {
		d = max(s.Expiry.AddDays(1), s.ExtendedOn)
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
// A version whose 有效期 was extended late was 已失效 on other days too, from the end of
// a 有效期 to the extension: its Span.Steps tell which (WorkStatusAt).
type Bounds struct {
	InForceFrom, EndedFrom, RepealedFrom model.Date
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
	if t.Draft {
		// Never in force: 尚未生效 on every day, whatever it says of its own dates.
		b.InForceFrom, b.EndedFrom, b.RepealedFrom = model.DateMax, model.DateMax, model.DateMax
		return b
	}
	b.InForceFrom = model.DateMin
	if i == 0 && s.From != 0 {
		from := s.From
		if s.OriginalFrom != 0 {
			from = min(from, s.OriginalFrom) // in force under the original text
		}
		b.InForceFrom = min(from, b.EndedFrom)
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
		hidden := s.ExpiryHidden
		for _, e := range s.Earlier {
			hidden = hidden || e.Hidden
		}
		if !hidden {
			continue
		}
		if &c.Spans[0] == &t.Spans[0] {
			c.Spans = append([]Span(nil), t.Spans...)
		}
		if s.ExpiryHidden {
			c.Spans[i].ExpiryNote = "延续有效期"
		}
		c.Spans[i].Earlier = append([]ExpiryState(nil), s.Earlier...)
		for k, e := range s.Earlier {
			if e.Hidden {
				c.Spans[i].Earlier[k].Note = "延续有效期"
			}
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
