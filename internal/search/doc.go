package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"

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

func (d *Doc) fields() map[string]any {
	restricted := "0"
	if d.Restricted {
		restricted = "1"
	}
	m := map[string]any{
		fTitle: d.Title, fTitleUni: d.Title, fText: d.Text, fText3: d.Text,
		fWork: d.WorkID, fLevel: d.Level, fKind: d.Kind, fRestricted: restricted,
		fInForceFrom: float64(d.Bounds.InForceFrom), fEndedFrom: float64(d.Bounds.EndedFrom),
		fRepealed: float64(d.Bounds.RepealedFrom), fRepFrom: float64(d.Bounds.RepFrom), fRepTo: float64(d.Bounds.RepTo),
		fExpiry: float64(orMax(d.Expiry)),
	}
	facets := []string{facetBounds + boundsKey(d.Bounds)}
	if d.Level != "" {
		facets = append(facets, facetLevel+d.Level)
	}
	for _, a := range d.Authorities {
		facets = append(facets, facetAuthority+a)
	}
	for _, t := range d.Topics {
		facets = append(facets, facetTopic+t)
	}
	if d.Publish != 0 {
		facets = append(facets, facetYear+strconv.Itoa(d.Publish.Year()))
	}
	m[fFacet] = facets
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
	if len(d.Authorities) > 0 {
		m[fAuthority] = d.Authorities
	}
	if len(d.Topics) > 0 {
		m[fTopic] = d.Topics
	}
	if d.Publish != 0 {
		m[fPublish] = float64(d.Publish)
		m[fYear] = strconv.Itoa(d.Publish.Year())
	}
	return m
}

func orMax(d model.Date) model.Date {
	if d == 0 {
		return model.DateMax
	}
	return d
}

// boundsKey writes the status bounds as one term, "InForceFrom EndedFrom RepealedFrom":
// counting these terms over a result set and comparing each with the as-of date gives
// the status facet from one doc value per hit (numeric range facets cost far more).
func boundsKey(b validity.Bounds) string {
	return fmt.Sprintf("%08d %08d %08d", b.InForceFrom, b.EndedFrom, b.RepealedFrom)
}

// Prefixes of the values in the facet field.
const (
	facetBounds    = "b:"
	facetLevel     = "l:"
	facetAuthority = "a:"
	facetTopic     = "t:"
	facetYear      = "y:"
)

// parseBoundsKey reads a boundsKey ("20210101 99991231 99991231").
func parseBoundsKey(s string) (validity.Bounds, bool) {
	var b validity.Bounds
	if len(s) != 26 || s[8] != ' ' || s[17] != ' ' {
		return b, false
	}
	a, err1 := strconv.Atoi(s[0:8])
	e, err2 := strconv.Atoi(s[9:17])
	r, err3 := strconv.Atoi(s[18:26])
	if err1 != nil || err2 != nil || err3 != nil {
		return b, false
	}
	b.InForceFrom, b.EndedFrom, b.RepealedFrom = model.Date(a), model.Date(e), model.Date(r)
	return b, true
}
