// Package library reads a library folder (the ingester's input): document files in
// any sub-folder, their optional sidecars (<file>.meta.yaml / .meta.json) and JSON
// Lines bulk files. It says what is there and what metadata was given explicitly;
// reading text out of files is the extract package's job.
package library

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// Fields is explicitly given metadata: a sidecar or a JSONL record. Explicit metadata
// wins over what is read from the text. Empty fields were not given.
type Fields struct {
	ID                 string            `json:"id"`
	VersionID          string            `json:"version_id"`
	Title              string            `json:"title"`
	DocNumber          string            `json:"doc_number"`
	Authority          StringList        `json:"authority"`
	Level              string            `json:"level"`
	Topics             StringList        `json:"topics"`
	RegistrationNumber string            `json:"registration_number"`
	IndexNumber        string            `json:"index_number"`
	Disclosure         string            `json:"disclosure"`
	Kind               string            `json:"kind"`
	Label              string            `json:"label"`
	PublishDate        model.Date        `json:"publish_date"`
	EffectiveDate      model.Date        `json:"effective_date"`
	ExpiryDate         model.Date        `json:"expiry_date"`
	Status             string            `json:"status"`     // the source's own claim
	VersionOf          string            `json:"version_of"` // JSONL: groups versions of one work
	Work               string            `json:"work"`       // sidecar: groups versions of one work
	WorkID             string            `json:"work_id"`
	Interprets         string            `json:"interprets"`
	Relations          []RelationField   `json:"relations"`
	Text               string            `json:"text"`
	Provisions         json.RawMessage   `json:"provisions"`         // ansvar-flk article numbers, aligned with text blocks
	LawRefBookExpired  *bool             `json:"lawrefbook_expired"` // LawRefBook's own (partly stale) flag
	Collection         string            `json:"collection"`
	Source             string            `json:"source"` // where a bulk record came from (repository:path)
	Extra              map[string]string `json:"-"`
	// Unknown lists a sidecar's keys that are none of the above (efective_date for
	// effective_date): ignored, and said so, so a typo does not silently drop a date.
	Unknown []string `json:"-"`
}

// RelationField is a relation as written in a sidecar or record.
type RelationField struct {
	Type     string     `json:"type"`
	Target   string     `json:"target"`
	Date     model.Date `json:"date"`
	Until    model.Date `json:"until"`
	Articles StringList `json:"articles"`
	Evidence string     `json:"evidence"`
}

// StringList accepts a JSON string ("a、b" or "a,b" split) or an array of strings.
type StringList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *StringList) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*l = nil
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*l = splitList(s)
		return nil
	}
	var arr []string
	if err := json.Unmarshal(b, &arr); err != nil {
		return fmt.Errorf("want a string or a list of strings")
	}
	var out []string
	for _, a := range arr {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	*l = out
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '\n' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// Validate checks the values a user could get wrong, so a bad sidecar is reported
// with a clear message instead of silently producing a wrong status.
func (f *Fields) Validate() error {
	if f.Level != "" && !knownLevel(f.Level) {
		return fmt.Errorf("unknown level %q (want one of %s)", f.Level, levelNames())
	}
	switch f.Disclosure {
	case "", string(model.Public), string(model.Restricted):
	case "主动公开", "公开", "社会公开", "公开发布":
		f.Disclosure = string(model.Public)
	case "依申请公开", "不予公开", "不公开", "免予公开", "内部", "内部公开", "非公开", "private", "internal":
		f.Disclosure = string(model.Restricted)
	default:
		return fmt.Errorf("unknown disclosure %q (want public or restricted)", f.Disclosure)
	}
	for i, r := range f.Relations {
		if !knownRelation(r.Type) {
			return fmt.Errorf("relation %d: unknown type %q", i+1, r.Type)
		}
		if strings.TrimSpace(r.Target) == "" {
			return fmt.Errorf("relation %d: target is empty", i+1)
		}
	}
	if f.EffectiveDate != 0 && f.ExpiryDate != 0 && f.ExpiryDate < f.EffectiveDate {
		return fmt.Errorf("expiry_date %s is before effective_date %s", f.ExpiryDate, f.EffectiveDate)
	}
	return nil
}

func knownLevel(s string) bool {
	for _, l := range model.Levels {
		if string(l) == s {
			return true
		}
	}
	return false
}

func levelNames() string {
	var names []string
	for _, l := range model.Levels {
		names = append(names, string(l))
	}
	return strings.Join(names, ", ")
}

func knownRelation(s string) bool {
	for _, t := range model.RelationTypes {
		if string(t) == s {
			return true
		}
	}
	return false
}

// ModelRelations converts the given relations.
func (f *Fields) ModelRelations() []model.Relation {
	var out []model.Relation
	for _, r := range f.Relations {
		out = append(out, model.Relation{
			Type: model.RelationType(r.Type), Target: strings.TrimSpace(r.Target), Date: r.Date, Until: r.Until,
			Articles: r.Articles, Evidence: r.Evidence, Origin: "metadata",
		})
	}
	return out
}
