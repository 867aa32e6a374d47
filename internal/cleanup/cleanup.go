// Package cleanup prepares the periodic clean-up list (定期清理) staff work through:
// documents about to lapse, documents in force that rest on a repealed or lapsed basis,
// interpretations whose policy is gone, and 行政规范性文件 in force without the 有效期 the
// rules require. Every row is computed from the validity timelines as of a date.
package cleanup

import (
	"fmt"
	"sort"
	"strings"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

// Category is why a work is on the list.
type Category string

const (
	Expiring      Category = "expiring"              // 即将到期: 有效期 ends within the window
	BasisEnded    Category = "basis_ended"           // 依据已废止或失效
	OrphanReading Category = "orphan_interpretation" // 解读所对应的政策不再现行有效
	NoExpiry      Category = "no_expiry"             // 行政规范性文件未设有效期
)

// Categories lists the categories in the order the list shows them.
var Categories = []Category{Expiring, BasisEnded, OrphanReading, NoExpiry}

// Chinese is the category's name on the list.
func (c Category) Chinese() string {
	switch c {
	case Expiring:
		return "即将到期"
	case BasisEnded:
		return "依据已废止或失效"
	case OrphanReading:
		return "解读对应政策已不再有效"
	case NoExpiry:
		return "未设有效期"
	}
	return string(c)
}

// DefaultDays is the expiry window when none is asked for.
const DefaultDays = validity.SoonWindowDays

// MaxDays bounds the window: beyond ten years the list is no longer a work plan.
const MaxDays = 3660

// Options say what list to build.
type Options struct {
	AsOf model.Date
	Days int // expiry window; DefaultDays when zero
	// Public leaves out restricted documents and anything that would name one.
	Public bool
	// BasisOnly: EndedBases reads only what a work rests on (依据), not what it cites.
	BasisOnly bool
}

// Related is the other document a row's reason rests on.
type Related struct {
	WorkID       string `json:"work_id,omitempty"`
	Title        string `json:"title,omitempty"`
	DocNumber    string `json:"doc_number,omitempty"`
	Reference    string `json:"reference"` // as the work names it
	Relation     string `json:"relation"`  // relation type (basis, cites, interprets, extends)
	Status       string `json:"status,omitempty"`
	StatusReason string `json:"status_reason,omitempty"`
}

// Row is one entry of the clean-up list.
type Row struct {
	Category     Category   `json:"category"`
	CategoryName string     `json:"category_name"`
	WorkID       string     `json:"work_id"`
	VersionID    string     `json:"version_id"`
	Title        string     `json:"title"`
	DocNumber    string     `json:"doc_number"`
	Authority    []string   `json:"authority"`
	Level        string     `json:"level"`
	Disclosure   string     `json:"disclosure"`
	Status       string     `json:"status"`
	StatusReason string     `json:"status_reason"`
	ExpiryDate   model.Date `json:"expiry_date"`
	DaysLeft     *int       `json:"days_left,omitempty"` // expiring rows: days from asof to the last day in force
	Reason       string     `json:"reason"`              // why it is on the list, in Chinese
	Evidence     string     `json:"evidence"`            // the sentence or clause the reason rests on
	Related      *Related   `json:"related,omitempty"`
}

// List is the clean-up list as of a date.
type List struct {
	AsOf   model.Date       `json:"asof"`
	Days   int              `json:"days"`
	Counts map[Category]int `json:"counts"`
	Rows   []Row            `json:"rows"`
}

// Build makes the list from the catalog.
func Build(c *catalog.Catalog, opt Options) *List {
	if opt.Days <= 0 {
		opt.Days = DefaultDays
	}
	l := &List{AsOf: opt.AsOf, Days: opt.Days, Counts: map[Category]int{}, Rows: []Row{}}
	b := builder{c: c, opt: opt}
	for _, id := range c.WorkIDs() {
		w := c.Works[id]
		if !b.visible(w) {
			continue
		}
		tl := b.timeline(id)
		if len(tl.Spans) == 0 {
			continue
		}
		ver := tl.Work(opt.AsOf)
		span := tl.Spans[tl.Current(opt.AsOf)].At(opt.AsOf)
		base := Row{
			WorkID: w.ID, VersionID: span.VersionID, Title: w.Title, DocNumber: w.DocNumber, Authority: nonNil(w.Authorities),
			Level: string(w.Level), Disclosure: string(w.Disclosure), Status: string(ver.Status), StatusReason: ver.Reason,
			ExpiryDate: span.Expiry,
		}
		if ver.Status == validity.InForce {
			b.expiring(l, base, span)
			b.basis(l, base, span)
			b.noExpiry(l, base, w, span)
		}
		if w.Kind == model.KindInterpretation {
			b.orphan(l, base, w)
		}
	}
	order := map[Category]int{}
	for i, c := range Categories {
		order[c] = i
	}
	sort.SliceStable(l.Rows, func(i, j int) bool {
		a, b := l.Rows[i], l.Rows[j]
		if a.Category != b.Category {
			return order[a.Category] < order[b.Category]
		}
		if a.Category == Expiring && a.ExpiryDate != b.ExpiryDate {
			return a.ExpiryDate < b.ExpiryDate // the most urgent first
		}
		return false // work id order from the catalog
	})
	for _, r := range l.Rows {
		l.Counts[r.Category]++
	}
	return l
}

type builder struct {
	c   *catalog.Catalog
	opt Options
}

// seen tells whether a work may be shown to the list's reader.
func (b *builder) seen(id string) bool {
	w, ok := b.c.Works[id]
	return ok && b.visible(w)
}

func (b *builder) visible(w *model.Work) bool {
	return !b.opt.Public || w.Disclosure != model.Restricted
}

func (b *builder) timeline(id string) *validity.Timeline { return b.c.Timeline(id).For(b.opt.Public) }

func add(l *List, base Row, cat Category, reason, evidence string, rel *Related) {
	r := base
	r.Category, r.CategoryName, r.Reason, r.Evidence, r.Related = cat, cat.Chinese(), reason, evidence, rel
	l.Rows = append(l.Rows, r)
}

// expiring lists a work in force whose 有效期 ends within the window.
func (b *builder) expiring(l *List, base Row, s validity.Span) {
	if s.Expiry == 0 {
		return
	}
	days := int(s.Expiry.Time().Sub(b.opt.AsOf.Time()).Hours() / 24)
	if days < 0 || days > b.opt.Days {
		return
	}
	base.DaysLeft = &days
	reason := fmt.Sprintf("有效期至%s，距%s还有%d天；到期前需评估是否延续有效期、修订或废止", s.Expiry.Chinese(), b.opt.AsOf.Chinese(), days)
	evidence := s.ExpiryNote
	if v, ok := b.c.Versions[s.VersionID]; ok {
		switch {
		case evidence == "":
			evidence = v.ExpiryEvidence.Value
		case evidence == v.ExpiryEvidence.Value && v.ExpiryEvidence.Origin == "title":
			evidence = "标题载明期限：" + evidence
		}
	}
	// An 有效期 set by a 延续 document names it, unless the viewer may not see that document.
	var rel *Related
	for _, r := range b.c.Incoming(base.WorkID) {
		if r.Type == model.Extends && len(r.Articles) == 0 && r.Until == s.Expiry {
			rel = b.related(r, r.FromWork)
		}
	}
	add(l, base, Expiring, reason, evidence, rel)
}

// EndedBasis is a document that the version of a work in effect rests on (依据) or cites
// (引用), repealed or lapsed as of the date.
type EndedBasis struct {
	Relation *model.Relation // the work's own relation naming it
	WorkID   string          // "" for a document the library does not hold
	Title    string
	Status   validity.Status
	From     model.Date // the day it ended
	// Why is its status with the reason: its own status reason, or for a document the
	// library does not hold the relation of another document that ended it.
	Why string
	// Before: it had already ended when the work's version took effect, so the reference
	// may be to a newer document of the same name.
	Before bool
}

// Verb is how the work refers to it: 依据 or 引用.
func (e EndedBasis) Verb() string {
	if e.Relation.Type == model.Cites {
		return "引用"
	}
	return "依据"
}

// EndedBases lists what the version in effect on opt.AsOf of a work in force then rests
// on or cites and is repealed or lapsed then; nil for a work not in force, or not shown to
// the reader opt.Public describes.
func EndedBases(c *catalog.Catalog, workID string, opt Options) []EndedBasis {
	b := builder{c: c, opt: opt}
	w, ok := c.Works[workID]
	if !ok || !b.visible(w) {
		return nil
	}
	tl := b.timeline(workID)
	if len(tl.Spans) == 0 || tl.Work(opt.AsOf).Status != validity.InForce {
		return nil
	}
	return b.endedBases(workID, tl.Spans[tl.Current(opt.AsOf)].At(opt.AsOf))
}

// basis lists a work in force that the version in effect bases on (依据) or cites (引用) a
// document which is repealed or lapsed as of the date.
func (b *builder) basis(l *List, base Row, s validity.Span) {
	for _, e := range b.endedBases(base.WorkID, s) {
		var reason string
		var rel *Related
		if e.WorkID != "" {
			reason = fmt.Sprintf("所%s的《%s》%s", e.Verb(), e.Title, e.Why)
			rel = b.related(e.Relation, e.WorkID)
		} else {
			reason = fmt.Sprintf("所%s的《%s》（库中未收录）%s", e.Verb(), e.Title, e.Why)
			rel = &Related{Reference: e.Relation.Target, Relation: string(e.Relation.Type), Status: string(e.Status), StatusReason: e.Why}
		}
		if e.Before {
			reason += "；该文件在本文件施行时已不再有效，所指可能是库中未收录的同名新文件，请核对"
		} else {
			reason += "；需评估本文件是否应随之修改或废止"
		}
		add(l, base, BasisEnded, reason, e.Relation.Evidence, rel)
	}
}

// endedBases is EndedBases for span s of a work in force.
func (b *builder) endedBases(workID string, s validity.Span) []EndedBasis {
	// A document cites what it repeals or declares lapsed (…《某办法》（某发〔2015〕8号）同时废止):
	// that citation is the reason the other document ended, not a basis to clean up.
	// So does an extension notice what it extends. A clean-up decision's citations are the
	// documents it reviewed, kept or not: none is its basis.
	ended := map[string]bool{}
	decides := false
	for _, r := range b.c.Outgoing(workID) {
		if (r.Type == model.Repeals || r.Type == model.Lapses || r.Type == model.Extends) && r.TargetWork != "" {
			ended[r.TargetWork] = true
		}
		decides = decides || r.Type == model.Repeals || r.Type == model.Lapses
	}
	var out []EndedBasis
	for _, r := range b.c.Outgoing(workID) {
		if (r.Type != model.Basis && (r.Type != model.Cites || b.opt.BasisOnly || decides)) || !catalog.States(s.VersionID, r) {
			continue
		}
		if r.TargetWork == "" || !b.seen(r.TargetWork) {
			// A document the reader may not see reads like one outside the library.
			if e, ok := b.endedOutside(workID, s, r); ok {
				out = append(out, e)
			}
			continue
		}
		if ended[r.TargetWork] {
			continue
		}
		target, ok := b.c.Works[r.TargetWork]
		if !ok {
			continue
		}
		ttl := b.timeline(target.ID)
		tv := ttl.Work(b.opt.AsOf)
		if tv.Status != validity.Repealed && tv.Status != validity.Lapsed {
			continue
		}
		e := EndedBasis{Relation: r, WorkID: target.ID, Title: target.Title, Status: tv.Status, Why: tv.Reason}
		if i := ttl.Current(b.opt.AsOf); i >= 0 {
			bd := ttl.Bounds(i)
			e.From = bd.EndedFrom
			if from := ttl.ExpiredSince(i, b.opt.AsOf); tv.Status == validity.Lapsed && b.opt.AsOf < bd.EndedFrom && from != 0 {
				e.From = from // lapsed until a later extension
			}
		}
		if st := ttl.Work(s.From).Status; s.From != 0 && (st == validity.Repealed || st == validity.Lapsed) {
			e.Before = true
		}
		out = append(out, e)
	}
	return out
}

// endedOutside is the basis or citation r of a document outside the library that a
// document in it repealed or declared lapsed.
func (b *builder) endedOutside(workID string, s validity.Span, r *model.Relation) (EndedBasis, bool) {
	end := b.c.EndedOutside(r.Target, b.opt.AsOf, func(e *model.Relation) bool {
		return b.seen(e.FromWork) && (e.TargetWork == "" || !b.seen(e.TargetWork))
	})
	if end == nil || end.FromWork == workID {
		return EndedBasis{}, false // not known to have ended, or this document ended it itself
	}
	from := b.c.Works[end.FromWork]
	status, ended := validity.Repealed, "废止"
	if end.Type == model.Lapses {
		status, ended = validity.Lapsed, "宣布失效"
	}
	d := b.c.RelationDate(end)
	why := fmt.Sprintf("%s：自%s起被《%s》", status, d.Chinese(), from.Title)
	if from.DocNumber != "" {
		why += "（" + from.DocNumber + "）"
	}
	why += ended
	if end.Evidence != "" {
		why += "（依据：“" + end.Evidence + "”）"
	}
	return EndedBasis{Relation: r, Title: strings.Trim(r.Target, "《》"), Status: status, From: d, Why: why,
		Before: s.From != 0 && s.From >= d}, true
}

// orphan lists an interpretation whose policy is repealed or lapsed, or cannot be found.
func (b *builder) orphan(l *List, base Row, w *model.Work) {
	for _, r := range b.c.Outgoing(w.ID) {
		if r.Type != model.Interprets {
			continue
		}
		if r.TargetWork == "" {
			add(l, base, OrphanReading, fmt.Sprintf("所解读的“%s”未在库中找到，无法确认其效力；请核对或补录所解读的文件", r.Target),
				r.Evidence, &Related{Reference: r.Target, Relation: string(r.Type)})
			continue
		}
		target, ok := b.c.Works[r.TargetWork]
		if !ok || !b.visible(target) {
			continue
		}
		tv := b.timeline(target.ID).Work(b.opt.AsOf)
		if tv.Status == validity.InForce {
			continue
		}
		reason := fmt.Sprintf("所解读的《%s》%s", target.Title, tv.Reason)
		if tv.Status == validity.Repealed || tv.Status == validity.Lapsed {
			reason += "；解读应随之撤下或标注失效"
		}
		add(l, base, OrphanReading, reason, r.Evidence, b.related(r, target.ID))
	}
}

// normativeGenres are the 文种 of a 行政规范性文件; 批复, 函 and budgets are not normative.
var normativeGenres = []string{"通知", "办法", "规定", "细则", "意见", "方案", "决定", "规则", "规范", "标准", "要点", "措施"}

// noExpiry lists a 行政规范性文件 in force whose version in effect states no 有效期. A work
// without a level counts when it carries a 发文字号 and a normative 文种 in its title.
func (b *builder) noExpiry(l *List, base Row, w *model.Work, s validity.Span) {
	if s.Expiry != 0 || s.ExpiryNote != "" || w.Kind == model.KindInterpretation {
		return // an extension without an end date is a decision, not an omission
	}
	reason := "行政规范性文件现行有效，但未载明有效期；按规定应设定有效期（一般不超过5年），请补充或评估"
	switch {
	case w.Level == model.LevelNormative:
	case w.Level == "" && w.DocNumber != "" && normativeTitle(w.Title):
		reason = "效力级别未标注，按发文字号和文种推定为行政规范性文件；" + reason
	default:
		return
	}
	add(l, base, NoExpiry, reason, "", nil)
}

func normativeTitle(title string) bool {
	for _, g := range normativeGenres {
		if strings.HasSuffix(title, g) {
			return true
		}
	}
	return false
}

// related describes the other document of relation r, the one with id other.
func (b *builder) related(r *model.Relation, other string) *Related {
	rel := &Related{Reference: r.Target, Relation: string(r.Type)}
	w, ok := b.c.Works[other]
	if !ok || !b.visible(w) {
		return nil
	}
	v := b.timeline(w.ID).Work(b.opt.AsOf)
	rel.WorkID, rel.Title, rel.DocNumber, rel.Status, rel.StatusReason = w.ID, w.Title, w.DocNumber, string(v.Status), v.Reason
	return rel
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
