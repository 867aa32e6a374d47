package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

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
	Publish     model.Date
	Bounds      validity.Bounds
	Expiry      model.Date // the 有效期 of this version, for 即将到期
	TextHash    string
}

// Fingerprint identifies everything indexed for the version but its text, which TextHash
// stands for: a version whose fingerprint is unchanged need not be indexed again.
func (d *Doc) Fingerprint() string {
	c := *d
	c.Text = ""
	b, _ := json.Marshal(c)
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
		m[fDocNumber] = d.DocNumber
	}
	if len(d.Numbers) > 0 {
		m[fNumbers] = d.Numbers
	}
	return m
}

func orMax(d model.Date) model.Date {
	if d == 0 {
		return model.DateMax
	}
	return d
}
