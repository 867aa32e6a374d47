package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/textnorm"
	"github.com/guifan/guifan/internal/validity"
)

// Build groups records into works, merges duplicate records of one version (the same
// document from two sources, or in two formats), resolves relations and computes
// every work's timeline.
func Build(records []*Record) *Catalog {
	c := newCatalog()
	c.memo = newMemo()
	defer func() { c.memo = nil }()
	groups := groupRecords(records, c)
	for _, g := range groups {
		c.addWork(g)
	}
	c.index()
	c.resolveRelations()
	c.indexFormerTitles()
	c.indexEndedOutside()
	c.buildTimelines()
	c.noteFirstSeen(records)
	return c
}

// groupRecords assigns each record to a work: records sharing an explicit work key
// (sidecar `work`, JSONL `version_of`) belong together, and so do records with the same
// title from the same authority. Authority-less records (most national bulk records) join
// the single same-titled, same-level group there is.
func groupRecords(records []*Record, c *Catalog) [][]*Record {
	uf := newUnionFind(len(records))
	byKey := map[string]int{}
	for i, r := range records {
		if k := r.Version.WorkKey; k != "" {
			if j, ok := byKey[k]; ok {
				uf.union(i, j)
			} else {
				byKey[k] = i
			}
		}
	}
	byTitle := map[string][]int{}
	for i, r := range records {
		if k := textnorm.TitleKey(r.Version.Title); k != "" {
			byTitle[k] = append(byTitle[k], i)
		}
	}
	titles := make([]string, 0, len(byTitle))
	for k := range byTitle {
		titles = append(titles, k)
	}
	sort.Strings(titles)
	for _, k := range titles {
		idx := byTitle[k]
		if len(idx) < 2 {
			continue
		}
		// Records that name an authority group with those sharing one of its authorities.
		// The authority tells same-titled documents apart, except for laws, regulations and
		// judicial interpretations: their titles are unique nationally or carry their place
		// (北京市物业管理条例), and their versions name different bodies (a law enacted by the
		// 全国人民代表大会 is amended by its 常务委员会).
		var named, anonymous []int
		for _, i := range idx {
			if len(records[i].Version.Authorities) > 0 && !titleIsUnique(records[i].Version.Level) {
				named = append(named, i)
			} else {
				anonymous = append(anonymous, i)
			}
		}
		for a := 0; a < len(named); a++ {
			for b := a + 1; b < len(named); b++ {
				ra, rb := records[named[a]], records[named[b]]
				if overlap(ra.Version.Authorities, rb.Version.Authorities) && sameKind(ra, rb) && !twoDocuments(ra, rb) {
					uf.union(named[a], named[b])
				}
			}
		}
		for a := 0; a < len(anonymous); a++ {
			for b := a + 1; b < len(anonymous); b++ {
				if ra, rb := records[anonymous[a]], records[anonymous[b]]; sameKind(ra, rb) && compatibleLevel(ra, rb) && !twoDocuments(ra, rb) {
					uf.union(anonymous[a], anonymous[b])
				}
			}
		}
		// An anonymous record joins the named group when there is exactly one it fits.
		for _, i := range anonymous {
			roots := map[int]bool{}
			for _, j := range named {
				if sameKind(records[i], records[j]) && compatibleLevel(records[i], records[j]) && !twoDocuments(records[i], records[j]) {
					roots[uf.find(j)] = true
				}
			}
			switch len(roots) {
			case 1:
				for root := range roots {
					uf.union(i, root)
				}
			case 0:
			default:
				c.warnf(records[i].Version.ID, "标题与多个不同机关的文件相同，未自动归并版本")
			}
		}
	}
	members := map[int][]*Record{}
	var roots []int
	for i, r := range records {
		root := uf.find(i)
		if _, ok := members[root]; !ok {
			roots = append(roots, root)
		}
		members[root] = append(members[root], r)
	}
	out := make([][]*Record, 0, len(roots))
	for _, root := range roots {
		out = append(out, members[root])
	}
	return out
}

func titleIsUnique(l model.Level) bool {
	switch l {
	case model.LevelConstitution, model.LevelLaw, model.LevelAdminRegs, model.LevelJudicial, model.LevelLocalRegs, model.LevelLocalRules:
		return true
	}
	return false
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func sameKind(a, b *Record) bool { return a.Version.Kind == b.Version.Kind }

// twoDocuments says two records of one title are two documents, not two versions of
// one: each bears a document number of its own year (某府发〔2016〕12号, 某府发〔2021〕3号).
// A county re-issues a measure under the same title as a new document that repeals the
// old one; laws and regulations keep their title through amendments, which carry
// promulgation orders (国务院令第586号) or no number at all.
func twoDocuments(a, b *Record) bool {
	if sa, sb := a.Version.Source, b.Version.Source; sa.Path != "" && sa.Path == sb.Path && sa.Format != "jsonl" {
		return false // one file replaced by a revision: its versions, as SPEC keeps them
	}
	na, nb := a.Version.DocNumber, b.Version.DocNumber
	return strings.Contains(na, "〔") && strings.Contains(nb, "〔") && docnum.Key(na) != docnum.Key(nb)
}

func compatibleLevel(a, b *Record) bool {
	return a.Version.Level == "" || b.Version.Level == "" || a.Version.Level == b.Version.Level
}

// addWork turns one group of records into a work with deduplicated versions.
func (c *Catalog) addWork(group []*Record) {
	workID, aliases := chooseWorkID(group)
	if _, taken := c.Works[workID]; taken {
		// Another document of the same title and issuer (a measure re-issued under a new
		// number, twoDocuments): its number tells the two apart.
		sum := sha256.Sum256([]byte(workID + "|" + docnum.Key(group[0].Version.DocNumber) + "|" + group[0].Key))
		workID = "w-" + hex.EncodeToString(sum[:])[:12]
	}
	workID = c.memo.strs.Copy(workID)
	versions := c.dedupe(group)
	for _, v := range versions {
		v.WorkID = workID
		c.Versions[v.ID] = v
		if len(v.Authorities) == 0 && v.Level == model.LevelAdminRegs && (v.DocNumber == "" || strings.Contains(v.DocNumber, "国务院令")) {
			// 行政法规 are the State Council's, whoever printed the text. Named after the
			// work id is chosen, which stays what it was without it.
			v.Authorities = []string{"国务院"}
		}
	}
	for _, r := range group {
		for _, a := range r.AliasIDs {
			c.Aliases[a] = r.Version.ID
		}
	}
	validity.SortVersions(versions)
	latest := versions[len(versions)-1]
	w := c.memo.works.New()
	*w = model.Work{
		ID: workID, Title: latest.Title, DocNumber: latest.DocNumber, Authorities: latest.Authorities,
		Level: latest.Level, RegistrationNumber: latest.Registration, IndexNumber: latest.IndexNumber,
		Disclosure: model.Public, Kind: latest.Kind,
	}
	topics := map[string]bool{}
	for _, v := range versions {
		w.VersionIDs = append(w.VersionIDs, v.ID)
		if v.Disclosure == model.Restricted {
			// One restricted version makes the whole work restricted: nothing of it may leak.
			w.Disclosure = model.Restricted
		}
		if w.Level == "" {
			w.Level = v.Level
		}
		if len(w.Authorities) == 0 {
			w.Authorities = v.Authorities
		}
		if w.DocNumber == "" {
			w.DocNumber = v.DocNumber
		}
		for _, t := range v.Topics {
			if !topics[t] {
				topics[t] = true
				w.Topics = append(w.Topics, t)
			}
		}
	}
	w.VersionIDs = c.memo.ids.Slice(w.VersionIDs)
	w.Topics = c.memo.ids.Slice(w.Topics)
	c.Works[workID] = w
	for _, a := range aliases {
		if a != workID {
			c.Aliases[a] = workID
		}
	}
}

// chooseWorkID keeps an explicit key as the work id (so other systems can refer to it),
// the most used one when sources disagree; other keys become aliases. Works without
// an explicit key get an id derived from their title and authority.
func chooseWorkID(group []*Record) (string, []string) {
	counts := map[string]int{}
	for _, r := range group {
		if k := r.Version.WorkKey; k != "" {
			counts[k]++
		}
	}
	if len(counts) == 0 {
		r := group[0]
		for _, x := range group[1:] {
			if x.Key < r.Key {
				r = x
			}
		}
		key := textnorm.TitleKey(r.Version.Title) + "|" + strings.Join(r.Version.Authorities, "、") + "|" + string(r.Version.Kind)
		if textnorm.TitleKey(r.Version.Title) == "" {
			key = r.Key
		}
		sum := sha256.Sum256([]byte(key))
		return "w-" + hex.EncodeToString(sum[:])[:12], nil
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys[0], keys[1:]
}

// dedupe merges records of the same version — same work and same publish date, or the
// same text — into one canonical version; the others' ids become aliases and their files
// alternates (e.g. the PDF beside the DOCX).
func (c *Catalog) dedupe(group []*Record) []*model.Version {
	sorted := append([]*Record(nil), group...)
	sort.SliceStable(sorted, func(i, j int) bool {
		// A public copy of a text comes first: a restricted copy of the same text merges
		// into it without making it restricted (mergeInto).
		if a, b := sorted[i].Version.Disclosure == model.Public, sorted[j].Version.Disclosure == model.Public; a != b {
			return a
		}
		if a, b := sorted[i].score(), sorted[j].score(); a != b {
			return a > b
		}
		return sorted[i].Key < sorted[j].Key
	})
	var canon []*Record
	var versions []*model.Version
	for _, r := range sorted {
		found := -1
		for i, k := range canon {
			if sameVersion(k, r) {
				found = i
				break
			}
		}
		if found < 0 {
			v := c.memo.versions.Copy(r.Version)
			canon = append(canon, r)
			versions = append(versions, v)
			continue
		}
		c.mergeInto(versions[found], canon[found], r)
	}
	return versions
}

func sameVersion(a, b *Record) bool {
	if a.TextHash != "" && a.TextHash == b.TextHash {
		return true
	}
	pa, pb := a.Version.PublishDate, b.Version.PublishDate
	return pa != 0 && pa == pb || undated(a) && undated(b)
}

// undated is a record with neither a publish nor an effective date. Two of them in
// one work (the PDF and the DOCX of a notice whose date the text does not state) have
// nothing to order them by: they are one version, not one amending the other.
func undated(r *Record) bool { return r.Version.PublishDate == 0 && r.Version.EffectiveDate == 0 }

func (c *Catalog) mergeInto(v *model.Version, canon, dup *Record) {
	d := dup.Version
	c.Aliases[d.ID] = v.ID
	if canon.TextHash != "" && canon.TextHash == dup.TextHash && v.Disclosure == model.Public && d.Disclosure == model.Restricted {
		// The same text published and also filed as restricted (an internal copy): it is
		// public. Nothing of the restricted copy — its file, its sidecar — is added.
		return
	}
	c.Alternates[v.ID] = append(c.Alternates[v.ID], d.Source)
	if undated(canon) && undated(dup) && canon.TextHash != dup.TextHash {
		v.Warnings = append(v.Warnings, "另一文件"+d.Source.Path+"与本文件同属一份文件且均未载明日期，视为同一版本（其正文略有差异）")
	}
	if better(d.EffectiveEvidence.Origin, v.EffectiveEvidence.Origin) {
		v.EffectiveDate, v.EffectiveEvidence = d.EffectiveDate, d.EffectiveEvidence
	} else if d.EffectiveEvidence.Origin == "metadata" && v.EffectiveEvidence.Origin == "metadata" && d.EffectiveDate != v.EffectiveDate {
		v.Warnings = append(v.Warnings, fmt.Sprintf("来源间施行日期不一致：%s 记载为%s，采用%s", d.Source.Path, d.EffectiveDate, v.EffectiveDate))
	}
	if v.ExpiryDate == 0 && d.ExpiryDate != 0 {
		v.ExpiryDate, v.ExpiryEvidence = d.ExpiryDate, d.ExpiryEvidence
	}
	if v.DocNumber == "" {
		v.DocNumber = d.DocNumber
	}
	if len(v.Authorities) == 0 {
		v.Authorities = d.Authorities
	}
	if v.Label == "" {
		v.Label = d.Label
	}
	if v.Level == "" {
		v.Level = d.Level
	}
	if v.SourceStatus == "" {
		v.SourceStatus = d.SourceStatus
	}
	if v.Disclosure != model.Restricted && d.Disclosure == model.Restricted {
		v.Disclosure = model.Restricted
	}
	v.Relations = append(v.Relations, d.Relations...)
}

var originRank = map[string]int{"metadata": 3, "text": 2, "publish_date": 1, "": 0}

func better(a, b string) bool { return originRank[a] > originRank[b] }

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
}
