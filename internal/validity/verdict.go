package validity

import (
	"fmt"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// StatusAt is the work's status on d from the bounds of the version representing it
// and the 有效期 it had over time (its Span.Steps).
func (b Bounds) StatusAt(d model.Date, steps []ExpiryStep) Status {
	return WorkStatuses[b.WorkStatusAt(d, steps)]
}

// WorkStatusAt is StatusAt as a position in WorkStatuses: the search index's filters and
// facets ask it for every match of a broad query, where numbers compare faster than
// the statuses' names.
func (b *Bounds) WorkStatusAt(d model.Date, steps []ExpiryStep) int {
	switch {
	case d >= b.RepealedFrom:
		return PosRepealed
	case d >= b.EndedFrom:
		return PosLapsed
	case len(steps) > 0 && expiredOn(steps, d):
		return PosLapsed // the 有效期 known on d had ended; a later extension does not reach back
	case d < b.InForceFrom:
		return PosNotYetEffective
	}
	return PosInForce
}

func expiredOn(steps []ExpiryStep, d model.Date) bool {
	e, _ := ExpiryOn(steps, d)
	return e != 0 && e < d
}

// Work is the work's status on d with its reason.
func (t *Timeline) Work(d model.Date) Verdict {
	if len(t.Spans) == 0 {
		return Verdict{Status: InForce, AsOf: d, Reason: "现行有效：未见版本信息"}
	}
	if t.Draft {
		return Verdict{AsOf: d, Status: NotYetEffective, Reason: DraftReason}
	}
	i := t.Current(d)
	s := t.Spans[i].at(d)
	v := Verdict{AsOf: d, Status: t.Bounds(i).StatusAt(d, t.Spans[i].Steps())}
	switch v.Status {
	case Repealed:
		v.Reason = "已废止：" + RelationReason(t.repealFor(i), "废止")
	case Lapsed:
		v.Reason = "已失效：" + t.lapseReason(i, d)
		v.Expiry = s.Expiry
	case NotYetEffective:
		v.Reason = fmt.Sprintf("尚未生效：将自%s起施行%s", s.From.Chinese(), fromEvidence(s))
		if s.OriginalFrom != 0 {
			v.Reason = fmt.Sprintf("尚未生效：将自%s起施行%s", s.OriginalFrom.Chinese(), originalEvidence(s))
		}
	case InForce:
		v.Partial = t.partialAt(i, d)
		v.Reason = "现行有效：" + inForceReason(s, len(t.Spans)) + partialReason(v.Partial)
		if d < s.From {
			// Before the first version the library holds, under the original text.
			v.Reason = "现行有效：" + originalReason(s)
		}
		if s.Expiry != 0 {
			v.Expiry = s.Expiry
			v.ExpiresSoon = s.Expiry.Time().Sub(d.Time()).Hours() <= 24*SoonWindowDays
			if v.ExpiresSoon {
				v.Reason += fmt.Sprintf("；即将到期：有效期至%s", s.Expiry.Chinese())
			}
		}
	}
	v.SourceClaim = workDisagreement(s, v.Status)
	return v
}

// DraftReason is the reason of a draft for comment's status.
const DraftReason = "尚未生效：本文件为征求意见稿（草案），未经正式发布施行，不具有效力"

// Version is the status on d of the version with the given id.
func (t *Timeline) Version(id string, d model.Date) Verdict {
	vi := -1
	for i, s := range t.Spans {
		if s.VersionID == id {
			vi = i
		}
	}
	if vi < 0 {
		return Verdict{AsOf: d}
	}
	w := t.Work(d)
	s := t.Spans[vi].at(d)
	v := Verdict{AsOf: d, Status: w.Status, Reason: w.Reason, Expiry: s.Expiry}
	switch {
	case t.Draft:
		return v
	case w.Status == Repealed || w.Status == Lapsed:
		// The whole work is no longer in force: so is each of its versions.
	case s.From > d:
		v.Status = NotYetEffective
		v.Reason = fmt.Sprintf("尚未生效：将自%s起施行%s", s.From.Chinese(), fromEvidence(s))
	case t.Current(d) != vi:
		next := t.Spans[vi+1]
		cur := t.Spans[t.Current(d)]
		v.Status = Amended
		v.Reason = fmt.Sprintf("已修改：%s自%s起施行，本版本不再适用", versionName(next), next.From.Chinese())
		if cur.VersionID != next.VersionID {
			v.Reason += fmt.Sprintf("；现行版本为%s", versionName(cur))
		}
	default:
		v.ExpiresSoon = w.ExpiresSoon
		v.Partial = w.Partial
		v.Reason = "现行有效：" + inForceReason(s, len(t.Spans)) + partialReason(v.Partial)
		if w.ExpiresSoon {
			v.Reason += fmt.Sprintf("；即将到期：有效期至%s", s.Expiry.Chinese())
		}
	}
	v.SourceClaim = disagreement(s, v.Status)
	return v
}

// originalReason is the reason of a work in force under an original text the library
// does not hold: its first held version took effect later.
func originalReason(s Span) string {
	r := fmt.Sprintf("自%s起施行%s", s.OriginalFrom.Chinese(), originalEvidence(s))
	return r + fmt.Sprintf("；当时施行的文本未收录，本库所收最早的%s自%s起施行；未见废止或失效记录", versionName(s), s.From.Chinese())
}

func originalEvidence(s Span) string {
	if s.OriginalNote == "" {
		return ""
	}
	return "（依据：" + s.OriginalNote + "，系原文本的施行日期）"
}

func inForceReason(s Span, n int) string {
	var b strings.Builder
	if s.From == 0 {
		b.WriteString("施行日期不详，未见废止或失效记录")
		return b.String()
	}
	if n > 1 {
		b.WriteString("现行版本为" + versionName(s) + "，")
	}
	fmt.Fprintf(&b, "自%s起施行%s", s.From.Chinese(), fromEvidence(s))
	if s.Expiry != 0 {
		fmt.Fprintf(&b, "，有效期至%s", s.Expiry.Chinese())
		if s.ExpiryInferred {
			b.WriteString("（根据标题推定）")
		}
	}
	if s.ExtendedOn != 0 && s.Expiry != s.priorExpiry() {
		// Extended (s is as known on the date asked): say by what.
		fmt.Fprintf(&b, "（%s延续有效期", s.ExtendedOn.Chinese())
		if s.ExpiryNote != "" && s.ExpiryNote != "延续有效期" {
			b.WriteString("，依据：“" + s.ExpiryNote + "”")
		}
		b.WriteString("）")
	}
	b.WriteString("，未见废止或失效记录")
	return b.String()
}

func (t *Timeline) lapseReason(i int, d model.Date) string {
	s := t.Spans[i].at(d)
	l := t.lapseFor(i)
	if s.Expiry != 0 && (l == nil || s.Expiry.AddDays(1) <= l.Date) {
		r := fmt.Sprintf("有效期至%s届满，未见延续", s.Expiry.Chinese())
		switch {
		case s.ExpiryInferred:
			r += "（有效期系根据标题“" + s.ExpiryNote + "”所载期间推定，正文未写明有效期）"
		case s.ExpiryNote != "":
			r += "（依据：“" + s.ExpiryNote + "”）"
		}
		if next, ok := t.Spans[i].nextExtension(d); ok {
			// In the gap before a late extension: say what came later.
			r += fmt.Sprintf("；%s起另行延续有效期", next.Since.Chinese())
			if next.Expiry != 0 {
				r += "至" + next.Expiry.Chinese()
			}
		}
		return r
	}
	return RelationReason(l, "宣布失效")
}

// RelationReason says when and by which document r did what verb names (废止, 宣布失效),
// with its evidence: 自2021年1月1日起被《…》（…）废止（依据：“…”）.
func RelationReason(r *Incoming, verb string) string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	if r.Date != 0 {
		fmt.Fprintf(&b, "自%s起", r.Date.Chinese())
	}
	b.WriteString("被")
	switch {
	case r.FromTitle != "":
		b.WriteString("《" + r.FromTitle + "》")
		if r.FromDocNumber != "" {
			b.WriteString("（" + r.FromDocNumber + "）")
		}
	case r.FromDocNumber != "":
		b.WriteString(r.FromDocNumber)
	default:
		b.WriteString("有关文件")
	}
	b.WriteString(verb)
	if r.Evidence != "" {
		b.WriteString("（依据：“" + r.Evidence + "”）")
	}
	return b.String()
}

func fromEvidence(s Span) string {
	switch s.FromEvidence.Origin {
	case "text":
		return "（依据：“" + s.FromEvidence.Value + "”）"
	case "publish_date":
		if s.FromEvidence.Value != "" {
			return "（" + s.FromEvidence.Value + "）"
		}
		return "（未载明施行日期，按发布日期计）"
	case "metadata":
		return "（依据：来源数据所载施行日期）"
	}
	return ""
}

// VersionName names a version in a reason: its label (2018年修正版本), else its publish date.
func VersionName(s Span) string { return versionName(s) }

func versionName(s Span) string {
	switch {
	case strings.HasSuffix(s.Label, "版本"):
		return s.Label
	case strings.HasSuffix(s.Label, "版"):
		return s.Label + "本" // 2017年版 → 2017年版本, not 2017年版版本
	case s.Label != "":
		return s.Label + "版本"
	case s.PublishDate != 0:
		return s.PublishDate.Chinese() + "公布的版本"
	}
	return "新版本"
}

// SourceStatusName maps a source's own status code to the status it claims.
func SourceStatusName(code string) Status {
	switch strings.ToLower(code) {
	case "in_force", "valid", "effective", "现行有效", "有效":
		return InForce
	case "amended", "已修改", "已被修改":
		return Amended
	case "not_yet_in_force", "尚未生效":
		return NotYetEffective
	case "repealed", "已废止":
		return Repealed
	case "expired", "lapsed", "已失效", "失效":
		return Lapsed
	}
	return ""
}

// ClaimNote is the sentence that tells users a data source's own status disagrees with
// the computed one. Sources state their claim as of when they were gathered, so it is
// shown for the current date only.
func ClaimNote(claim string) string {
	if claim == "" {
		return ""
	}
	return "（数据来源标注为“" + claim + "”，与按日期计算的结果不一致，引用前请核实）"
}

// workDisagreement is disagreement for a work, judged by its current version's claim: a
// work stays in force while amended, so a claim of 已修改 agrees with 现行有效.
func workDisagreement(s Span, computed Status) string {
	if SourceStatusName(s.SourceStatus) == Amended {
		s.SourceStatus = "in_force"
	}
	return disagreement(s, computed)
}

func disagreement(s Span, computed Status) string {
	claim := SourceStatusName(s.SourceStatus)
	if claim == "" || claim == computed {
		return ""
	}
	if claim == NotYetEffective && s.From != 0 && (s.FromEvidence.Origin == "metadata" || s.FromEvidence.Origin == "text") {
		// The source was gathered before the 施行日期 it or the text states: what it said
		// has since come about, and the computed status, later, is no contradiction.
		return ""
	}
	return string(claim)
}

// partialAt lists the article repeals in effect on d for span i: dated on or before d,
// and not before the span took effect (a new version restates its articles).
func (t *Timeline) partialAt(i int, d model.Date) []PartialEnd {
	var out []PartialEnd
	for _, r := range t.Partial {
		if r.Date > d || (i > 0 && r.Date < t.Spans[i].From) {
			continue
		}
		verb := "废止"
		if r.Type == model.Lapses {
			verb = "宣布失效"
		}
		out = append(out, PartialEnd{Articles: r.Articles, Date: r.Date, Reason: strings.Join(r.Articles, "、") + RelationReason(r, verb)})
	}
	return out
}

func partialReason(ps []PartialEnd) string {
	if len(ps) == 0 {
		return ""
	}
	var parts []string
	for _, p := range ps {
		parts = append(parts, p.Reason)
	}
	return "；部分失效：" + strings.Join(parts, "；")
}
