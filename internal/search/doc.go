package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/textnorm"
	"github.com/guifan/guifan/internal/validity"
)

// Doc is what the index holds for one version.
type Doc struct {
	VersionID   string
	WorkID      string
	Title       string
	Text        string
	DocNumber   string   // normalised
	Numbers     []string // own and cited doc numbers, normalised
	Authorities []string
	Level       string
	Topics      []string
	Kind        string
	Restricted  bool
	// SourceEnded: the source's own status says repealed or lapsed (shown as a claim,
	// never as the status); such a document ranks below the documents in force.
	SourceEnded bool
	// ReplacedBy is the work whose 废止 relation ends this version (at Bounds.RepealedFrom):
	// once in force it ranks above this version when the words match both.
	ReplacedBy string
	Publish    model.Date
	Bounds     validity.Bounds
	Expiry     model.Date // the 有效期 of this version, for 即将到期
	// Steps are the 有效期 known over time when 延续有效期 relations changed it
	// (validity.Span.Steps): they decide 即将到期 and the days 已失效 before an extension.
	Steps    []validity.ExpiryStep
	TextHash string
}

// Fingerprint identifies everything bleve indexes for the version (fields), its text by
// TextHash: a version whose fingerprint is unchanged need not be indexed again. Status
// bounds, access and facet values are not in it: the document table takes them from the
// catalog when a snapshot opens, so a repeal or a new version elsewhere re-indexes nothing.
func (d *Doc) Fingerprint() string {
	b, _ := json.Marshal(struct {
		ID, Title, DocNumber, TextHash string
		Numbers                        []string
	}{d.VersionID, d.Title, d.DocNumber, d.TextHash, d.Numbers})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// fields are what bleve indexes: the text fields and the keys looked up by term.
func (d *Doc) fields() map[string]any {
	m := map[string]any{fTitle: d.Title, fTitleUni: d.Title, fText: d.Text, fText3: d.Text}
	keys := []string{textnorm.TitleKey(d.Title)}
	if short := textnorm.TitleKey(textnorm.ShortTitle(d.Title)); short != keys[0] {
		keys = append(keys, short)
	}
	m[fTitleKey] = keys
	if d.DocNumber != "" {
		m[fDocNumber] = withKeys([]string{d.DocNumber})
	}
	if len(d.Numbers) > 0 {
		m[fNumbers] = withKeys(d.Numbers)
	}
	return m
}

// withKeys are numbers with their lookup keys (docnum.Key) where these differ, so a
// number is found in any of the forms that name it (国家税务总局公告〔2021〕30号 and
// 国家税务总局公告2021年第30号).
func withKeys(numbers []string) []string {
	out := slices.Clone(numbers)
	for _, n := range numbers {
		if k := docnum.Key(n); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func orMax(d model.Date) model.Date {
	if d == 0 {
		return model.DateMax
	}
	return d
}
