// Package validity computes a document's status (效力状态) as of a date from its
// versions, effective dates, 有效期 and the dated relations that name it. Nothing
// here is stored: a document lapses at midnight without re-ingesting.
package validity

import "github.com/guifan/guifan/internal/model"

// Status is a validity status as shown to users.
type Status string

const (
	NotYetEffective Status = "尚未生效"
	InForce         Status = "现行有效"
	Amended         Status = "已修改" // versions only: a later version of the work is in effect
	Repealed        Status = "已废止"
	Lapsed          Status = "已失效"
)

// Statuses lists every status in display order.
var Statuses = []Status{InForce, NotYetEffective, Amended, Repealed, Lapsed}

// WorkStatuses are the statuses a work (rather than a version) can have, in the order
// of the positions below.
var WorkStatuses = []Status{InForce, NotYetEffective, Repealed, Lapsed}

// Positions of the work statuses in WorkStatuses (Bounds.WorkStatusAt).
const (
	PosInForce = iota
	PosNotYetEffective
	PosRepealed
	PosLapsed
)

// ParseStatus accepts the Chinese name or its English code (in_force, not_yet_in_force,
// amended, repealed, lapsed), so scripts can use either.
func ParseStatus(s string) (Status, bool) {
	for _, st := range Statuses {
		if s == string(st) || s == st.Code() {
			return st, true
		}
	}
	return "", false
}

// Code is the status's stable English code.
func (s Status) Code() string {
	switch s {
	case NotYetEffective:
		return "not_yet_in_force"
	case InForce:
		return "in_force"
	case Amended:
		return "amended"
	case Repealed:
		return "repealed"
	case Lapsed:
		return "lapsed"
	}
	return ""
}

// SoonWindowDays is the 即将到期 window: a document in force whose 有效期 ends within it.
const SoonWindowDays = 180

// Verdict is a status as of a date, with the reason and its evidence in Chinese.
type Verdict struct {
	Status Status     `json:"status"`
	Reason string     `json:"status_reason"`
	AsOf   model.Date `json:"asof"`
	// ExpiresSoon is the 即将到期 flag: in force, and the 有效期 ends within SoonWindowDays.
	ExpiresSoon bool `json:"expires_soon,omitempty"`
	// Expiry is the last day in force when an 有效期 applies.
	Expiry model.Date `json:"expiry_date,omitempty"`
	// SourceClaim is what the data source itself said, when it disagrees with the computation.
	SourceClaim string `json:"source_claim,omitempty"`
	// Partial lists articles no longer in force in a work that is (部分失效).
	Partial []PartialEnd `json:"partial,omitempty"`
}

// PartialEnd is some articles of a work repealed or declared lapsed.
type PartialEnd struct {
	Articles []string   `json:"articles"`
	Date     model.Date `json:"date"`
	Reason   string     `json:"reason"`
}

// RepealedArticles are all the articles of Partial, in order of mention.
func (v Verdict) RepealedArticles() []string {
	var out []string
	for _, p := range v.Partial {
		out = append(out, p.Articles...)
	}
	return out
}
