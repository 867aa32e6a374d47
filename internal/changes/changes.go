// Package changes tells what changed in the library over a date window: works and
// versions added, relations added, and status changes. Additions come from when the
// ingester first read a record; status changes are derived from the validity timelines
// for the window, so a lapse at midnight or a dated repeal shows up on its day without
// anything being stored or re-ingested.
package changes

import (
	"fmt"
	"net/url"
	"sort"
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

// Kind is what happened.
type Kind string

const (
	WorkAdded        Kind = "work_added"        // 新增文件
	VersionAdded     Kind = "version_added"     // 新增版本
	RelationAdded    Kind = "relation_added"    // 新增关系
	StatusChanged    Kind = "status_changed"    // 效力状态变化
	VersionEffective Kind = "version_effective" // 新版本施行 (the work stays 现行有效)
)

// Kinds lists every kind.
var Kinds = []Kind{WorkAdded, VersionAdded, RelationAdded, StatusChanged, VersionEffective}

// Chinese is the kind's name.
func (k Kind) Chinese() string {
	switch k {
	case WorkAdded:
		return "新增文件"
	case VersionAdded:
		return "新增版本"
	case RelationAdded:
		return "新增关系"
	case StatusChanged:
		return "效力状态变化"
	case VersionEffective:
		return "新版本施行"
	}
	return string(k)
}

// ParseKind accepts a kind's code.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if s == string(k) {
			return k, true
		}
	}
	return "", false
}

// TagPrefix starts every entry id: a tag URI (RFC 4151) whose date never changes, so ids
// stay stable across years and deployments.
const TagPrefix = "tag:guifan,2026:"

// cst is the zone documents' dates are written in; an addition counts on its Chinese day.
var cst = time.FixedZone("CST", 8*3600)

// Midnight is the start of day d in China Standard Time.
func Midnight(d model.Date) time.Time {
	y, m, day := d.Parts()
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, cst)
}

// Other is the other document of a relation event.
type Other struct {
	WorkID    string `json:"work_id,omitempty"`
	Title     string `json:"title"`
	DocNumber string `json:"doc_number,omitempty"`
}

// Event is one change.
type Event struct {
	ID        string     `json:"id"`
	Kind      Kind       `json:"kind"`
	KindName  string     `json:"kind_name"`
	Date      model.Date `json:"date"` // the day it happened (status) or was recorded (additions)
	Time      time.Time  `json:"time"` // when the ingester read it; midnight CST of Date for status changes
	WorkID    string     `json:"work_id"`
	Title     string     `json:"title"`
	DocNumber string     `json:"doc_number"`
	Authority []string   `json:"authority"`
	Level     string     `json:"level"`
	VersionID string     `json:"version_id,omitempty"`
	// FromStatus and ToStatus bound a status change.
	FromStatus string `json:"from_status,omitempty"`
	ToStatus   string `json:"to_status,omitempty"`
	Summary    string `json:"summary"` // one Chinese sentence
	Reason     string `json:"reason"`  // the status reason on Date, with its evidence
	// Relation events: the relation's type, the other document and the sentence stating it.
	RelationType string `json:"relation_type,omitempty"`
	Related      *Other `json:"related,omitempty"`
	Evidence     string `json:"evidence,omitempty"`
}

// Options choose the window and the audience.
type Options struct {
	Since, Until model.Date // inclusive
	Kinds        []Kind     // empty: all
	Public       bool       // public works only, relations stated by restricted documents redacted
}

// Feed is the changes in a window, newest first.
type Feed struct {
	Since  model.Date   `json:"since"`
	Until  model.Date   `json:"until"`
	Counts map[Kind]int `json:"counts"`
	Events []Event      `json:"events"`
}

// Collect lists the changes in the window.
func Collect(c *catalog.Catalog, opt Options) *Feed {
	f := &Feed{Since: opt.Since, Until: opt.Until, Counts: map[Kind]int{}, Events: []Event{}}
	col := collector{c: c, opt: opt, f: f, want: map[Kind]bool{}}
	for _, k := range opt.Kinds {
		col.want[k] = true
	}
	for _, id := range c.WorkIDs() {
		w := c.Works[id]
		if !col.visible(w) {
			continue
		}
		col.additions(w)
		col.dated(w)
	}
	col.relations()
	sort.SliceStable(f.Events, func(i, j int) bool {
		a, b := f.Events[i], f.Events[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		return a.ID < b.ID
	})
	for _, e := range f.Events {
		f.Counts[e.Kind]++
	}
	return f
}

type collector struct {
	c    *catalog.Catalog
	opt  Options
	f    *Feed
	want map[Kind]bool
}

func (col *collector) visible(w *model.Work) bool {
	return !col.opt.Public || w.Disclosure != model.Restricted
}

func (col *collector) inWindow(d model.Date) bool {
	return d != 0 && d >= col.opt.Since && d <= col.opt.Until
}

func (col *collector) emit(w *model.Work, e Event) {
	if len(col.want) > 0 && !col.want[e.Kind] {
		return
	}
	e.KindName = e.Kind.Chinese()
	e.WorkID, e.Title, e.DocNumber, e.Level = w.ID, w.Title, w.DocNumber, string(w.Level)
	e.Authority = w.Authorities
	if e.Authority == nil {
		e.Authority = []string{}
	}
	col.f.Events = append(col.f.Events, e)
}

// tag builds an entry id from path segments, each escaped so any id stays one segment.
func tag(parts ...string) string {
	s := TagPrefix
	for i, p := range parts {
		if i > 0 {
			s += "/"
		}
		s += url.PathEscape(p)
	}
	return s
}

// additions are the work and its versions as first read by the ingester.
func (col *collector) additions(w *model.Work) {
	first := col.c.WorkFirstSeen(w.ID)
	if first.IsZero() {
		return
	}
	tl := col.c.Timeline(w.ID).For(col.opt.Public)
	if d := model.DateOf(first.In(cst)); col.inWindow(d) {
		col.emit(w, Event{ID: tag("work", w.ID, "added"), Kind: WorkAdded, Date: d, Time: first,
			Summary: fmt.Sprintf("新增文件：%s", named(w.Title, w.DocNumber)), Reason: tl.Work(d).Reason})
	}
	for _, vid := range w.VersionIDs {
		seen := col.c.VersionFirstSeen(vid)
		if seen.IsZero() || !seen.After(first) {
			continue // came with the work
		}
		d := model.DateOf(seen.In(cst))
		if !col.inWindow(d) {
			continue
		}
		v := col.c.Versions[vid]
		col.emit(w, Event{ID: tag("work", w.ID, "version", vid, "added"), Kind: VersionAdded, Date: d, Time: seen, VersionID: vid,
			Summary: fmt.Sprintf("%s新增版本：%s", named(w.Title, ""), versionName(v)), Reason: tl.Version(vid, d).Reason})
	}
}

// dated derives the status changes inside the window from the work's timeline: each day
// something could change (a version taking effect, the day after an 有效期 ends, an
// extension, a dated repeal or 宣布失效) is compared with the day before.
func (col *collector) dated(w *model.Work) {
	tl := col.c.Timeline(w.ID).For(col.opt.Public)
	seen := map[model.Date]bool{}
	var days []model.Date
	note := func(d model.Date) {
		if col.inWindow(d) && !seen[d] {
			seen[d] = true
			days = append(days, d)
		}
	}
	for _, s := range tl.Spans {
		note(s.From)
		if s.Expiry != 0 {
			note(s.Expiry.AddDays(1))
		}
		for _, st := range s.Steps() {
			// A late extension puts the work back in force on its date.
			note(st.Since)
			if st.Expiry != 0 {
				note(st.Expiry.AddDays(1))
			}
		}
	}
	for _, r := range append(append([]*validity.Incoming(nil), tl.Repeals...), tl.Lapses...) {
		note(r.Date)
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	for _, d := range days {
		before, after := tl.Work(d.AddDays(-1)), tl.Work(d)
		i := tl.Current(d)
		span := tl.Spans[i]
		switch {
		case before.Status != after.Status:
			col.emit(w, Event{ID: tag("work", w.ID, "status", d.String()), Kind: StatusChanged, Date: d, Time: Midnight(d),
				VersionID: span.VersionID, FromStatus: string(before.Status), ToStatus: string(after.Status),
				Summary: fmt.Sprintf("%s自%s起%s", named(w.Title, w.DocNumber), d.Chinese(), after.Status), Reason: after.Reason})
		case tl.Current(d.AddDays(-1)) != i && span.From == d && after.Status == validity.InForce:
			v := col.c.Versions[span.VersionID]
			col.emit(w, Event{ID: tag("work", w.ID, "version", span.VersionID, "effective"), Kind: VersionEffective, Date: d,
				Time: Midnight(d), VersionID: span.VersionID, FromStatus: string(before.Status), ToStatus: string(after.Status),
				Summary: fmt.Sprintf("%s%s自%s起施行", named(w.Title, ""), versionName(v), d.Chinese()), Reason: after.Reason})
		}
	}
}

// relations are relations between two documents of the library, dated by when the
// version stating them was first read.
func (col *collector) relations() {
	for _, r := range col.c.Relations {
		if r.TargetWork == "" {
			continue
		}
		from, ok1 := col.c.Works[r.FromWork]
		to, ok2 := col.c.Works[r.TargetWork]
		if !ok1 || !ok2 || !col.visible(from) || !col.visible(to) {
			continue
		}
		seen := col.c.VersionFirstSeen(r.FromVersion)
		if seen.IsZero() {
			continue
		}
		d := model.DateOf(seen.In(cst))
		if !col.inWindow(d) {
			continue
		}
		col.emit(from, Event{ID: tag("relation", from.ID, string(r.Type), to.ID), Kind: RelationAdded, Date: d, Time: seen,
			VersionID: r.FromVersion, RelationType: string(r.Type), Evidence: r.Evidence,
			Related: &Other{WorkID: to.ID, Title: to.Title, DocNumber: to.DocNumber},
			Summary: relationSentence(r, from, to), Reason: col.c.Timeline(to.ID).For(col.opt.Public).Work(d).Reason})
	}
}

func relationSentence(r *model.Relation, from, to *model.Work) string {
	a, b := named(from.Title, ""), named(to.Title, to.DocNumber)
	switch r.Type {
	case model.Basis:
		return a + "以" + b + "为依据"
	case model.Extends:
		return a + "延续" + b + "的有效期"
	}
	if len(r.Articles) > 0 {
		return fmt.Sprintf("%s%s%s的部分条款", a, r.Type.Chinese(), b)
	}
	return a + r.Type.Chinese() + b
}

func named(title, number string) string {
	s := "《" + title + "》"
	if number != "" {
		s += "（" + number + "）"
	}
	return s
}

func versionName(v *model.Version) string {
	switch {
	case v == nil:
		return "新版本"
	case v.Label != "":
		return v.Label + "版本"
	case v.PublishDate != 0:
		return v.PublishDate.Chinese() + "公布的版本"
	}
	return "新版本"
}
