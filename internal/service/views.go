package service

import (
	"github.com/guifan/guifan/internal/model"
)

// Viewer is who is asking: the public sees public documents only.
type Viewer struct {
	Staff bool
}

// SearchResult is one page of search results (SPEC "GET /api/search").
type SearchResult struct {
	Total  uint64     `json:"total"`
	TookMS float64    `json:"took_ms"`
	AsOf   model.Date `json:"asof"`
	Page   int        `json:"page"`
	Size   int        `json:"size"`
	Match  string     `json:"match"` // exact, partial, loose or all: how the words matched
	Hits   []Hit      `json:"hits"`
	Facets Facets     `json:"facets"`
	// Next is the after= cursor of the following page (search-after: any depth, one
	// page's cost); absent on the last page.
	Next string `json:"next,omitempty"`
	// History, when the words do not all match the texts in force on the date, lists
	// the other versions that have them all (a provision since amended away, or one
	// not yet in force); absent otherwise.
	History *HistoryHits `json:"history,omitempty"`
}

// HistoryHits are versions other than the one in effect on the date whose text has
// every word of the query.
type HistoryHits struct {
	Total uint64       `json:"total"`
	Hits  []HistoryHit `json:"hits"`
}

// HistoryHit is one such version, with its own status on the date (已修改, 尚未生效…).
type HistoryHit struct {
	WorkID        string     `json:"work_id"`
	VersionID     string     `json:"version_id"`
	Title         string     `json:"title"`
	Label         string     `json:"label"`
	Status        string     `json:"status"`
	StatusReason  string     `json:"status_reason"`
	PublishDate   model.Date `json:"publish_date"`
	EffectiveDate model.Date `json:"effective_date"`
	Highlights    Highlights `json:"highlights"`
}

// Facets are value → count maps; Order keeps the display order of each.
type Facets struct {
	Status    map[string]int `json:"status"`
	Expiring  int            `json:"expiring"` // 即将到期 among the 现行有效 (a flag, not a status)
	Level     map[string]int `json:"level"`
	Authority map[string]int `json:"authority"`
	Year      map[string]int `json:"year"`
	Topic     map[string]int `json:"topic,omitempty"`
	Order     FacetOrder     `json:"-"`
}

// FacetOrder lists facet values in display order (most frequent first, years newest first).
type FacetOrder struct {
	Status, Level, Authority, Year, Topic []string
}

// Hit is one work in the results, shown by its version in effect on the as-of date.
type Hit struct {
	WorkID              string     `json:"work_id"`
	VersionID           string     `json:"version_id"`
	Title               string     `json:"title"`
	DocNumber           string     `json:"doc_number"`
	Authority           []string   `json:"authority"`
	Level               string     `json:"level"`
	Kind                string     `json:"kind,omitempty"`
	Status              string     `json:"status"`
	StatusReason        string     `json:"status_reason"`
	SourceClaim         string     `json:"source_claim,omitempty"` // the data source's own status, today, when it disagrees
	ExpiresSoon         bool       `json:"expires_soon"`
	PartiallyRepealed   bool       `json:"partially_repealed,omitempty"` // 部分失效
	PublishDate         model.Date `json:"publish_date"`
	EffectiveDate       model.Date `json:"effective_date"`
	ExpiryDate          model.Date `json:"expiry_date"`
	Highlights          Highlights `json:"highlights"`
	InterpretationCount int        `json:"interpretation_count"`
	Restricted          bool       `json:"restricted,omitempty"` // 不公开: staff see it, the public never does
}

// Highlights are HTML-escaped with <mark> around matches.
type Highlights struct {
	Title string   `json:"title"`
	Text  []string `json:"text"`
}

// WorkView is a work with everything a document page shows (SPEC "GET /api/works/{id}").
type WorkView struct {
	WorkID             string         `json:"work_id"`
	Title              string         `json:"title"`
	DocNumber          string         `json:"doc_number"`
	Authority          []string       `json:"authority"`
	Level              string         `json:"level"`
	Kind               string         `json:"kind,omitempty"`
	Topics             []string       `json:"topics"`
	RegistrationNumber string         `json:"registration_number,omitempty"`
	IndexNumber        string         `json:"index_number,omitempty"`
	Disclosure         string         `json:"disclosure"`
	AsOf               model.Date     `json:"asof"`
	Status             string         `json:"status"`
	StatusReason       string         `json:"status_reason"`
	SourceClaim        string         `json:"source_claim,omitempty"` // the data source's own status, today, when it disagrees
	ExpiresSoon        bool           `json:"expires_soon"`
	ExpiryDate         model.Date     `json:"expiry_date"`
	RepealedArticles   []string       `json:"repealed_articles,omitempty"` // 部分失效: articles no longer in force
	CurrentVersionID   string         `json:"current_version_id"`
	Versions           []VersionInfo  `json:"versions"`
	Relations          []RelationView `json:"relations"`
	Interpretations    []WorkRef      `json:"interpretations"`
	Interprets         []WorkRef      `json:"interprets,omitempty"`
	Warnings           []string       `json:"warnings,omitempty"` // staff only: how the ingester read it
}

// VersionInfo is one version in a work's timeline.
type VersionInfo struct {
	VersionID        string             `json:"version_id"`
	Label            string             `json:"label"`
	Title            string             `json:"title"`
	DocNumber        string             `json:"doc_number"`
	PublishDate      model.Date         `json:"publish_date"`
	EffectiveDate    model.Date         `json:"effective_date"`
	ExpiryDate       model.Date         `json:"expiry_date"`
	Status           string             `json:"status"`
	StatusReason     string             `json:"status_reason"`
	SourceStatus     string             `json:"source_status,omitempty"`     // the data source's own claim
	RepealedArticles []string           `json:"repealed_articles,omitempty"` // 部分失效
	Source           model.SourceFile   `json:"source"`
	Alternates       []model.SourceFile `json:"alternates,omitempty"` // the same version in other files
}

// VersionView is one version with its full text.
type VersionView struct {
	VersionInfo
	WorkID   string   `json:"work_id"`
	Text     string   `json:"text"`
	Articles []string `json:"articles,omitempty"`
}

// RelationView is a relation seen from one work: outgoing (this work states it) or
// incoming (another work states it about this one).
type RelationView struct {
	Direction string     `json:"direction"` // outgoing | incoming
	Type      string     `json:"type"`
	TypeName  string     `json:"type_name"`
	Target    string     `json:"target"` // the reference as written
	WorkID    string     `json:"work_id,omitempty"`
	Title     string     `json:"title,omitempty"`
	DocNumber string     `json:"doc_number,omitempty"`
	Status    string     `json:"status,omitempty"`
	Date      model.Date `json:"date"`
	Evidence  string     `json:"evidence,omitempty"`
	Articles  []string   `json:"articles,omitempty"`
}

// WorkRef names another work with its status.
type WorkRef struct {
	WorkID       string `json:"work_id"`
	Title        string `json:"title"`
	DocNumber    string `json:"doc_number,omitempty"`
	Status       string `json:"status"`
	StatusReason string `json:"status_reason,omitempty"`
}

// ValidityResult answers "is this still valid?" for one pasted line.
type ValidityResult struct {
	Input        string     `json:"input"`
	Status       *string    `json:"status"`
	StatusReason string     `json:"status_reason"`
	SourceClaim  string     `json:"source_claim,omitempty"` // the data source's own status, today, when it disagrees
	ExpiresSoon  bool       `json:"expires_soon"`
	ExpiryDate   model.Date `json:"expiry_date"`
	WorkID       *string    `json:"work_id"`
	Title        *string    `json:"title"`
	DocNumber    *string    `json:"doc_number"`
	MatchedBy    *string    `json:"matched_by"`
	Candidates   int        `json:"candidates,omitempty"` // other works matching as well
	// Suggestions are documents a line that matched nothing may have meant (a search
	// for its words), for staff to pick from; they are not answers.
	Suggestions []WorkRef `json:"suggestions,omitempty"`
}
