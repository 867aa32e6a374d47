package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/slab"
	"github.com/guifan/guifan/internal/textnorm"
	"github.com/guifan/guifan/internal/validity"
)

// Catalog is the whole library's metadata, ready for lookups.
type Catalog struct {
	Works      map[string]*model.Work
	Versions   map[string]*model.Version
	Aliases    map[string]string             // another id of a work or version → its canonical id
	Alternates map[string][]model.SourceFile // version id → other files holding the same version
	Relations  []*model.Relation             // every relation, resolved or not
	Warnings   map[string][]string           // version or work id → ingest warnings about grouping and resolution

	out, in   map[string][]*model.Relation // by stating work, by target work
	byNumber  map[string][]string          // normalised doc number → work ids
	byTitle   map[string][]string          // title key → work ids
	byBare    map[string][]string          // title key without the doc numbers a title carries → work ids
	byIssued  map[string][]string          // title key of X → the works titled …关于印发《X》的通知
	byFormer  map[string][]string          // title key of a name an amendment changed → work ids
	byAbout   map[string][]string          // title key from 关于 on, of titles an issuer opens → work ids
	outside   map[string][]*model.Relation // RefKey → repeals and lapses of documents the library does not hold
	timelines map[string]*validity.Timeline
	seen      firstSeen
	memo      *memo // while building only
}

// memo remembers normalised keys while a catalog is built, when the same titles and
// numbers are normalised again and again (once per relation naming them), and allocates
// what the catalog keeps in shared chunks (package slab), so the garbage collector has
// few objects to mark while the catalog lives. Build runs on one goroutine; a built
// catalog, read concurrently, has none.
type memo struct {
	titles  map[string][]string
	issued  map[string]string
	numbers map[string]string

	versions  slab.Slab[model.Version]
	works     slab.Slab[model.Work]
	rels      slab.Slab[model.Relation]
	relPtrs   slab.Slab[*model.Relation]
	ids       slab.Slab[string]
	timelines slab.Slab[validity.Timeline]
	spans     slab.Slab[validity.Span]
	strs      slab.Strings
}

func newMemo() *memo {
	return &memo{titles: map[string][]string{}, issued: map[string]string{}, numbers: map[string]string{}}
}

func (c *Catalog) titleKeys(title string) []string {
	if c.memo == nil {
		return titleKeys(title)
	}
	k, ok := c.memo.titles[title]
	if !ok {
		k = c.memo.ids.Slice(titleKeys(title))
		c.memo.strs.All(k)
		c.memo.titles[title] = k
	}
	return k
}

// issuedKey is the title key of the document a notice issues (issuedKey).
func (c *Catalog) issuedKey(title string) string {
	if c.memo == nil {
		_, k := issuedKey(title)
		return k
	}
	k, ok := c.memo.issued[title]
	if !ok {
		_, k = issuedKey(title)
		k = c.memo.strs.Copy(k)
		c.memo.issued[title] = k
	}
	return k
}

// number is the lookup key of a doc number (docnum.Key: 国务院令第357号 finds
// 中华人民共和国国务院令第357号).
func (c *Catalog) number(s string) string {
	if c.memo == nil {
		return numberKey(s)
	}
	n, ok := c.memo.numbers[s]
	if !ok {
		n = c.memo.strs.Copy(numberKey(s))
		c.memo.numbers[s] = n
	}
	return n
}

// numberKey is a doc number's lookup key: its normal form, or for a number given in a
// form docnum does not read, the number as written (spaces, widths and brackets aside).
func numberKey(s string) string {
	if k := lookupKey(s); k != "" {
		return k
	}
	return docnum.LooseKey(s)
}

// lookupKey is docnum.Key, with the 中华人民共和国主席令 written 国家主席令, as staff and
// the press often write it (国家主席令第15号), read as the 主席令 it is.
func lookupKey(s string) string {
	k := docnum.Key(s)
	if rest, ok := strings.CutPrefix(k, "国家主席令"); ok {
		return "主席令" + rest
	}
	return k
}

// SameNumber reports whether a and b are one doc number (both non-empty).
func SameNumber(a, b string) bool {
	ka := numberKey(a)
	return ka != "" && ka == numberKey(b)
}

func newCatalog() *Catalog {
	return &Catalog{
		Works: map[string]*model.Work{}, Versions: map[string]*model.Version{},
		Aliases: map[string]string{}, Alternates: map[string][]model.SourceFile{}, Warnings: map[string][]string{},
	}
}

func (c *Catalog) warnf(id, format string, args ...any) {
	c.Warnings[id] = append(c.Warnings[id], fmt.Sprintf(format, args...))
}

// index builds the lookup maps.
func (c *Catalog) index() {
	c.byNumber = map[string][]string{}
	c.byTitle = map[string][]string{}
	c.byBare = map[string][]string{}
	c.byIssued = map[string][]string{}
	c.byAbout = map[string][]string{}
	for _, id := range c.WorkIDs() {
		w := c.Works[id]
		seenN, seenT, seenB, seenI := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
		seenA := map[string]bool{}
		for _, vid := range w.VersionIDs {
			v := c.Versions[vid]
			if n := c.number(v.DocNumber); n != "" && !seenN[n] {
				seenN[n] = true
				c.byNumber[n] = append(c.byNumber[n], id)
			}
			keys := c.titleKeys(v.Title)
			for _, k := range keys {
				if !seenT[k] {
					seenT[k] = true
					c.byTitle[k] = append(c.byTitle[k], id)
				}
			}
			if len(keys) > 0 {
				if k := aboutKey(v.Title, keys[0]); k != "" && !seenA[k] {
					seenA[k] = true
					c.byAbout[k] = append(c.byAbout[k], id)
				}
			}
			if k := c.issuedKey(v.Title); k != "" && !seenI[k] {
				seenI[k] = true
				c.byIssued[k] = append(c.byIssued[k], id)
			}
			if bare := docnum.StripNumbers(v.Title); bare != v.Title {
				for _, k := range c.titleKeys(bare) {
					if !seenB[k] && !slices.Contains(keys, k) {
						seenB[k] = true
						c.byBare[k] = append(c.byBare[k], id)
					}
				}
			}
		}
	}
	for _, m := range []map[string][]string{c.byNumber, c.byTitle, c.byBare, c.byIssued, c.byAbout} {
		for k, ids := range m {
			m[k] = c.memo.ids.Slice(ids)
		}
	}
}

// aboutKey is the part from 关于 on of the key of a title an issuer opens
// (某县人民政府关于进一步做好稳就业工作的通知 → 关于进一步做好稳就业工作的通知), the way
// staff often write a notice's title; "" for a title that opens with 关于 or with a
// quoted title (《X》关于…).
func aboutKey(title, key string) string {
	i := strings.Index(title, "关于")
	if i < len("某县") || strings.ContainsAny(title[:i], "《〈“\"") {
		return ""
	}
	j := strings.Index(key, "关于")
	if j <= 0 {
		return ""
	}
	return withoutCountryName(key[j:])
}

// withoutCountryName leaves 中华人民共和国 out of a title key's quoted law names, the way
// they are shortened (关于适用民法典婚姻家庭编的解释 for …《中华人民共和国民法典》…).
func withoutCountryName(key string) string {
	if !strings.Contains(key, "中华人民共和国") {
		return key
	}
	return strings.ReplaceAll(key, "中华人民共和国", "")
}

// titleKeys are the keys a title is found under: as written, and without 中华人民共和国.
// A doc number the title holds is keyed in its normal form (财税[2016]25号 as
// 财税〔2016〕25号).
func titleKeys(title string) []string {
	title = docnum.NormalizeNumbers(title)
	k := textnorm.TitleKey(title)
	if k == "" {
		return nil
	}
	keys := []string{k}
	if s := textnorm.TitleKey(textnorm.ShortTitle(title)); s != k && s != "" {
		keys = append(keys, s)
	}
	return keys
}

// issuedKey reads a notice that issues one document (…关于印发《X》的通知): the issuer
// its title begins with and the title key of X; "", "" for any other title. A notice
// that issues a document is found by the document's own title too, when no document
// of that title is in the library: staff paste 抚顺县2022年政务公开工作要点 for
// 关于印发《抚顺县2022年政务公开工作要点》的通知. A notice forwarding a document (关于转发《X》
// 的通知) is not read so: it is another document than X, whose status is its own.
func issuedKey(title string) (issuer, key string) {
	loc := issuedTitle.FindStringSubmatchIndex(title)
	if loc == nil {
		return "", ""
	}
	key = textnorm.TitleKey(strings.Trim(title[loc[2]:loc[3]], "《》"))
	if key == "" || key == textnorm.TitleKey(title) {
		return "", ""
	}
	return textnorm.TitleKey(title[:loc[0]]), key
}

// issuedTitle is a notice issuing one document: …关于印发《X》的通知.
var issuedTitle = regexp.MustCompile(`关于(?:印发|发布)(《[^《》]+》|[^《》]{4,})的(?:通知|决定)$`)

// WorkIDs lists every work id in a stable order.
func (c *Catalog) WorkIDs() []string {
	ids := make([]string, 0, len(c.Works))
	for id := range c.Works {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Work finds a work by id or alias.
func (c *Catalog) Work(id string) (*model.Work, bool) {
	if w, ok := c.Works[id]; ok {
		return w, true
	}
	if a, ok := c.Aliases[id]; ok {
		w, ok := c.Works[a]
		return w, ok
	}
	return nil, false
}

// Version finds a version by id or alias.
func (c *Catalog) Version(id string) (*model.Version, bool) {
	if v, ok := c.Versions[id]; ok {
		return v, true
	}
	if a, ok := c.Aliases[id]; ok {
		v, ok := c.Versions[a]
		return v, ok
	}
	return nil, false
}

// ByNumber finds works by doc number in any written form.
func (c *Catalog) ByNumber(s string) []string { return c.byNumber[c.number(s)] }

// ByTitle finds works by exact title (spaces, width, 《》 and 中华人民共和国 aside).
// Failing that, titles are compared without the doc numbers written in them: a work
// titled …的批复（临翔发改复[2018]172号） is found as …的批复, the way a pasted line is
// looked up once its numbers are taken out, and the other way round. A title that
// matches as written always wins over one that matches only without its number.
// Then a notice issuing a document of the title is found (issuedKey), and a notice
// title names the document it issues, or another notice issuing it, of its issuer.
func (c *Catalog) ByTitle(s string) []string { return c.ByTitleWhere(s, nil) }

// ByTitleWhere is ByTitle over the works keep accepts (nil: all): a match only among
// works a viewer may not see does not stop the looser matches from being tried.
func (c *Catalog) ByTitleWhere(s string, keep func(workID string) bool) []string {
	pick := func(ids []string) []string {
		if keep == nil || len(ids) == 0 {
			return ids
		}
		var out []string
		for _, id := range ids {
			if keep(id) {
				out = append(out, id)
			}
		}
		return out
	}
	keys := c.titleKeys(s)
	for _, k := range keys {
		if ids := pick(c.byTitle[k]); len(ids) > 0 {
			return ids
		}
	}
	if bare := docnum.StripNumbers(s); bare != s {
		for _, k := range c.titleKeys(bare) {
			if ids := pick(c.byTitle[k]); len(ids) > 0 {
				return ids
			}
			keys = append(keys, k)
		}
	}
	// Compared without their numbers, titles that cite different ones are different
	// documents (关于贯彻落实财税〔2016〕25号文件的实施意见 and …财税〔2025〕51号…); a title
	// written with or without the number it carries is one.
	cited := numbersOf(s)
	alike := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if c.citesAlike(id, cited) {
				out = append(out, id)
			}
		}
		return out
	}
	for _, k := range keys {
		if ids := alike(pick(c.byBare[k])); len(ids) > 0 {
			return ids
		}
	}
	for _, k := range keys {
		if ids := pick(c.byIssued[k]); len(ids) > 0 {
			return ids
		}
	}
	if ids := c.byNoticeTitle(s, pick); len(ids) > 0 {
		return ids
	}
	for _, k := range keys {
		if ids := pick(c.byFormer[k]); len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// ByTitleLooseIssuer finds a title as staff often write it: from 关于 on, without the
// issuer it opens with (关于进一步做好稳就业工作的通知 for 某县人民政府关于…), or with the
// issuer shortened (某县政府, 某县政府办 for 某县人民政府办公室; shortIssuer), among the works
// keep accepts (nil: all). It is for lines a person asks about, whom the answer names
// the document found and any other of another issuer; a document's references are not
// resolved by it (a county's 废止《关于…的通知》 does not name a city's notice).
func (c *Catalog) ByTitleLooseIssuer(s string, keep func(workID string) bool) []string {
	for _, k := range c.titleKeys(s) {
		i := strings.Index(k, "关于")
		if i < 0 {
			continue
		}
		issuer := shortIssuer(k[:i])
		var out []string
		cands := c.byAbout[withoutCountryName(k[i:])]
		if issuer != "" {
			cands = append(slices.Clip(cands), c.byTitle[k[i:]]...) // titles held from 关于 on
		}
		for _, id := range cands {
			if keep != nil && !keep(id) {
				continue
			}
			if issuer != "" {
				theirs := textnorm.TitleKey(docnum.NormalizeNumbers(c.Works[id].Title))
				j := strings.Index(theirs, "关于")
				if j == 0 && slices.ContainsFunc(c.Works[id].Authorities, func(a string) bool { return shortIssuer(textnorm.TitleKey(a)) == issuer }) {
					// A title the library holds from 关于 on (a red header's issuer on the line
					// above): its issuer is the work's.
					out = append(out, id)
					continue
				}
				if j <= 0 || shortIssuer(theirs[:j]) != issuer {
					continue
				}
			}
			out = append(out, id)
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// shortIssuer is an issuer's name as it is shortened: 人民 left out, 办公室 and 办公厅 as
// 办 (某县人民政府办公室 → 某县政府办), the supreme court and procuratorate as 最高法 and 最高检,
// departments by their common names (人社局, 发改委, 市场监管局, 住建局, 卫健委, 医保局).
func shortIssuer(key string) string {
	return issuerShort.Replace(key)
}

var issuerShort = strings.NewReplacer("最高人民法院", "最高法", "最高人民检察院", "最高检", "人民政府", "政府",
	"办公室", "办", "办公厅", "办",
	// departments as they are commonly called (某县人社局 for 某县人力资源和社会保障局)
	"人力资源和社会保障", "人社", "人力资源社会保障", "人社", "发展和改革委员会", "发改委", "发展改革委", "发改委",
	"市场监督管理", "市场监管", "住房和城乡建设", "住建", "卫生健康委员会", "卫健委", "卫生和健康委员会", "卫健委",
	"医疗保障", "医保", "退役军人事务", "退役军人", "文化和旅游", "文旅", "交通运输", "交通", "应急管理", "应急",
	"自然资源和规划", "自然资源", "教育委员会", "教委")

// numbersOf are the doc numbers written in a title, normalised.
func numbersOf(title string) []string {
	var out []string
	for _, m := range docnum.FindAll(title) {
		if !slices.Contains(out, m.Number) {
			out = append(out, m.Number)
		}
	}
	return out
}

// citesAlike reports whether a title citing these numbers can be one of the work's
// titles once both lose their numbers: one title's numbers are all in the other's.
func (c *Catalog) citesAlike(workID string, cited []string) bool {
	if len(cited) == 0 {
		return true
	}
	for _, vid := range c.Works[workID].VersionIDs {
		theirs := numbersOf(c.Versions[vid].Title)
		in := func(a, b []string) bool {
			for _, n := range a {
				if !slices.Contains(b, n) {
					return false
				}
			}
			return true
		}
		if in(cited, theirs) || in(theirs, cited) {
			return true
		}
	}
	return false
}

// byNoticeTitle finds, for the title of a notice issuing X (某市人民政府关于印发《X》的通知)
// that no work bears, another notice issuing X, then X itself — of the issuer the title
// names, when it names one. A notice of another issuer is another document: a county
// does not issue the city's 办法.
func (c *Catalog) byNoticeTitle(s string, pick func([]string) []string) []string {
	issuer, x := issuedKey(docnum.StripNumbers(s))
	if x == "" {
		return nil
	}
	var notices []string
	for _, id := range pick(c.byIssued[x]) {
		if theirs, _ := issuedKey(c.Works[id].Title); issuer == "" || theirs == issuer {
			notices = append(notices, id)
		}
	}
	if len(notices) > 0 {
		return notices
	}
	var docs []string
	for _, id := range pick(c.byTitle[x]) {
		if issuer == "" || issuedBy(c.Works[id].Authorities, issuer) {
			docs = append(docs, id)
		}
	}
	return docs
}

// issuedBy reports whether a document of these authorities can be issued by the issuer
// a notice title names (a title key): one of them, or all of them together. A document
// whose authority is not known cannot be told apart.
func issuedBy(authorities []string, issuer string) bool {
	if len(authorities) == 0 {
		return true
	}
	if textnorm.TitleKey(strings.Join(authorities, "")) == issuer {
		return true
	}
	for _, a := range authorities {
		if textnorm.TitleKey(a) == issuer {
			return true
		}
	}
	return false
}

// indexFormerTitles lets a work renamed by an amendment be found by its old title,
// where no work in the library bears that title.
func (c *Catalog) indexFormerTitles() {
	c.byFormer = map[string][]string{}
	for _, r := range c.Relations {
		if r.FormerTitle == "" || r.TargetWork == "" || c.Works[r.FromWork].Disclosure == model.Restricted {
			// A rename stated only in a restricted document is not told by the old name
			// finding the document.
			continue
		}
		for _, k := range c.titleKeys(r.FormerTitle) {
			if len(c.byTitle[k]) == 0 && !slices.Contains(c.byFormer[k], r.TargetWork) {
				c.byFormer[k] = append(c.byFormer[k], r.TargetWork)
			}
		}
	}
}

// RefKey is the key under which a reference to a document the library does not hold is
// compared: its doc number, else its title without 《》 and 中华人民共和国.
func RefKey(target string) string {
	if k := lookupKey(target); k != "" {
		return "#" + k
	}
	return textnorm.TitleKey(textnorm.ShortTitle(strings.Trim(strings.TrimSpace(target), "《》")))
}

// indexEndedOutside keeps the whole-work repeals and lapses that name a document the
// library does not hold (the 民法典 repealing the 婚姻法), by RefKey, earliest first.
// Those naming a restricted work are kept too: to the public, who may not see it, that
// document reads like one outside the library.
func (c *Catalog) indexEndedOutside() {
	c.outside = map[string][]*model.Relation{}
	for _, r := range c.Relations {
		if (r.Type != model.Repeals && r.Type != model.Lapses) || len(r.Articles) > 0 {
			continue
		}
		if r.TargetWork != "" && c.Works[r.TargetWork].Disclosure != model.Restricted {
			continue
		}
		for _, ref := range []string{r.Target, r.TargetNumber} {
			if k := RefKey(ref); ref != "" && k != "" {
				c.outside[k] = append(c.outside[k], r)
			}
		}
	}
	for _, rs := range c.outside {
		sort.SliceStable(rs, func(i, j int) bool { return c.RelationDate(rs[i]) < c.RelationDate(rs[j]) })
	}
}

// RelationDate is when a relation takes effect: its own date, else the effective date
// of the version stating it.
func (c *Catalog) RelationDate(r *model.Relation) model.Date {
	if r.Date != 0 {
		return r.Date
	}
	if v, ok := c.Versions[r.FromVersion]; ok {
		return v.EffectiveDate
	}
	return 0
}

// EndedOutside is the earliest repeal or lapse in effect on d, among those keep
// allows, of the document outside the library that ref names (a title or doc number as
// written), or nil. A relation naming a restricted work has its TargetWork set: a
// reader who may see that work should not be told it is outside the library.
func (c *Catalog) EndedOutside(ref string, d model.Date, keep func(r *model.Relation) bool) *model.Relation {
	for _, r := range c.outside[RefKey(ref)] {
		if c.RelationDate(r) > d {
			break
		}
		if keep(r) {
			return r
		}
	}
	return nil
}

// Timeline is the validity timeline of a work.
func (c *Catalog) Timeline(workID string) *validity.Timeline { return c.timelines[workID] }

// Outgoing are the relations a work states about others.
func (c *Catalog) Outgoing(workID string) []*model.Relation { return c.out[workID] }

// Incoming are the relations other works state about this one.
func (c *Catalog) Incoming(workID string) []*model.Relation { return c.in[workID] }

// States tells whether the version states the relation (one of its work's Outgoing),
// itself or through a record merged into it.
func States(versionID string, r *model.Relation) bool {
	return r.FromVersion == versionID || slices.Contains(r.RestatedBy, versionID)
}

// Interpretations are the works that interpret (解读) this one.
func (c *Catalog) Interpretations(workID string) []string {
	var ids []string
	for _, r := range c.in[workID] {
		if r.Type == model.Interprets {
			ids = append(ids, r.FromWork)
		}
	}
	return ids
}

// resolveRelations attaches every relation to its stating work and, where the target
// is in the library, to the target work.
func (c *Catalog) resolveRelations() {
	c.out = map[string][]*model.Relation{}
	c.in = map[string][]*model.Relation{}
	c.Relations = nil
	for _, wid := range c.WorkIDs() {
		w := c.Works[wid]
		seen := map[string]*model.Relation{}
		for _, vid := range w.VersionIDs {
			v := c.Versions[vid]
			rels := v.Relations
			if v.Interprets != "" {
				rels = append(rels, model.Relation{Type: model.Interprets, Target: v.Interprets, Origin: "metadata"})
			}
			for _, r := range rels {
				r := r
				r.FromVersion, r.FromWork = v.ID, wid
				if r.Date == 0 && r.Type != model.Cites && r.Type != model.Basis && r.Type != model.Interprets {
					r.Date = v.EffectiveDate
				}
				r.TargetWork = c.resolve(r.Target, v, r.Type)
				if r.TargetNumber != "" {
					// 《某县就业补贴办法》（某政发〔2015〕3号）同时废止, the library holding that
					// number under another title: the number names it.
					byNumber := c.resolve(r.TargetNumber, v, r.Type)
					switch {
					case r.TargetWork == "":
						r.TargetWork = byNumber
					case byNumber != "" && byNumber != r.TargetWork && byNumber != wid:
						c.warnf(v.ID, "“%s”所写标题《%s》与文号%s分别对应库中两个文件（《%s》与《%s》），已按标题处理，请核对",
							r.Evidence, r.Target, r.TargetNumber, c.Works[r.TargetWork].Title, c.Works[byNumber].Title)
					}
				}
				if r.TargetWork == wid {
					// A new version naming its own predecessor (原《办法》同时废止) is succession, not repeal.
					continue
				}
				key := string(r.Type) + "\x00" + r.Target + "\x00" + r.TargetWork + "\x00" + strings.Join(r.Articles, ",")
				if r.Reverse {
					key += "\x00reverse"
				}
				if kept := seen[key]; kept != nil {
					// A later version states it again (依据 the same law): one relation, restated.
					if kept.FromVersion != v.ID && !slices.Contains(kept.RestatedBy, v.ID) {
						kept.RestatedBy = append(kept.RestatedBy, v.ID)
					}
					continue
				}
				rp := c.memo.rels.Copy(r)
				seen[key] = rp
				c.Relations = append(c.Relations, rp)
				c.out[wid] = append(c.out[wid], rp)
				if r.TargetWork != "" {
					c.in[r.TargetWork] = append(c.in[r.TargetWork], rp)
				}
			}
		}
	}
	for _, v := range c.Versions {
		// Every relation a version states is now one of the resolved relations (or names
		// the version's own work): the catalog keeps one copy of each, not two.
		v.Relations = nil
	}
	for _, r := range c.Relations {
		r.RestatedBy = c.memo.ids.Slice(r.RestatedBy)
	}
	for _, m := range []map[string][]*model.Relation{c.out, c.in} {
		for k, rels := range m {
			m[k] = c.memo.relPtrs.Slice(rels)
		}
	}
}

// resolve finds the work a reference names: a work id, a doc number or a title. When a
// title is ambiguous the stating document's own authority decides; failing that the
// reference stays unresolved rather than pointing at the wrong document.
//
// A public document's reference is resolved among the public works first: a restricted
// document of the same number or title must not leave it unresolved (the public
// document it names would stay in force despite a repeal), which would also tell the
// public that the library holds another document of that name.
func (c *Catalog) resolve(target string, from *model.Version, typ model.RelationType) string {
	if w, ok := c.Works[from.WorkID]; ok && w.Disclosure != model.Restricted {
		public := func(id string) bool { return c.Works[id].Disclosure != model.Restricted }
		if id, named := c.resolveAmong(target, from, typ, public); named {
			return id
		}
	}
	id, _ := c.resolveAmong(target, from, typ, nil)
	return id
}

// resolveAmong is resolve among the works keep allows (all when keep is nil); named
// reports whether any of them matched the reference.
func (c *Catalog) resolveAmong(target string, from *model.Version, typ model.RelationType, keep func(workID string) bool) (id string, named bool) {
	among := func(ids []string) []string {
		if keep == nil {
			return ids
		}
		var out []string
		for _, id := range ids {
			if keep(id) {
				out = append(out, id)
			}
		}
		return out
	}
	target = strings.TrimSpace(target)
	if w, ok := c.Work(target); ok && (keep == nil || keep(w.ID)) {
		return w.ID, true
	}
	cands := among(c.ByNumber(target))
	if len(cands) == 0 {
		cands = among(c.ByTitle(target))
	}
	if len(cands) == 0 {
		cands = among(c.byIssuerTitle(target, from))
	}
	if len(cands) == 0 {
		cands = among(c.byGovernmentTitle(target, from))
	}
	if typ == model.Repeals || typ == model.Lapses {
		cands = c.existingAt(cands, from)
	}
	if len(cands) <= 1 {
		if len(cands) == 1 {
			return cands[0], true
		}
		return "", false
	}
	var same []string
	for _, id := range cands {
		if overlap(c.Works[id].Authorities, from.Authorities) {
			same = append(same, id)
		}
	}
	if len(same) == 1 {
		return same[0], true
	}
	c.warnf(from.ID, "引用“%s”对应多个文件，未能确定指向", target)
	return "", true
}

// byIssuerTitle finds a document its own issuer names without repeating itself: the
// 最高人民法院 writes 关于修改《关于上海金融法院案件管辖的规定》的决定 for its 最高人民法院关于
// 上海金融法院案件管辖的规定, a county government 废止《关于…的通知》 for its own notice.
// A title beginning with 关于 is looked up again behind the stating document's
// authorities, all of them (最高人民法院、最高人民检察院关于…) and then each.
func (c *Catalog) byIssuerTitle(target string, from *model.Version) []string {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(target), "《》〈〉"))
	if !strings.HasPrefix(t, "关于") || len(from.Authorities) == 0 {
		return nil
	}
	prefixes := []string{strings.Join(from.Authorities, "、")}
	if len(from.Authorities) > 1 {
		prefixes = append(prefixes, from.Authorities...)
	}
	for _, p := range prefixes {
		if ids := c.ByTitle(p + t); len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// byGovernmentTitle finds, for a title beginning with 关于, the documents of the stating
// document's own government or its general office under that title: a county
// government's 《关于…的通知》同时废止 names the notice of 某县人民政府办公室 as well as its
// own. Another government's or a department's notice of the same words is not named.
func (c *Catalog) byGovernmentTitle(target string, from *model.Version) []string {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(target), "《》〈〉"))
	if !strings.HasPrefix(t, "关于") || len(from.Authorities) == 0 {
		return nil
	}
	var out []string
	for _, k := range c.titleKeys(t) {
		for _, id := range c.byAbout[withoutCountryName(k)] {
			if sameGovernment(c.Works[id].Authorities, from.Authorities) && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// sameGovernment reports whether two documents' authorities are one government, its
// general office counted as the government (某县人民政府, 某县人民政府办公室).
func sameGovernment(a, b []string) bool {
	gov := func(s string) string { return strings.TrimSuffix(shortIssuer(textnorm.TitleKey(s)), "办") }
	for _, x := range a {
		for _, y := range b {
			if gx := gov(x); gx != "" && gx == gov(y) && strings.HasSuffix(gx, "政府") {
				return true
			}
		}
	}
	return false
}

// existingAt drops the works first published after the stating version was: a
// document ends the force only of what exists when it is written. 《中华人民共和国国家安全法》
// 同时废止 in the 2014 反间谍法 names the 1993 law, never the 2015 law of the same name. A
// work or a version without dates is kept. (Citations and bases are not filtered: a
// library may hold only a law's later versions, and a 2006 measure still rests on it.)
func (c *Catalog) existingAt(cands []string, from *model.Version) []string {
	when := from.PublishDate
	if when == 0 {
		when = from.EffectiveDate
	}
	if when == 0 || len(cands) == 0 {
		return cands
	}
	var kept []string
	for _, id := range cands {
		if first := c.firstDate(id); first == 0 || first <= when {
			kept = append(kept, id)
		}
	}
	return kept
}

// firstDate is the earliest date a work's versions carry (publication, or the
// effective date of a version without one); 0 if none has a date.
func (c *Catalog) firstDate(workID string) model.Date {
	var first model.Date
	for _, vid := range c.Works[workID].VersionIDs {
		v := c.Versions[vid]
		d := v.PublishDate
		if d == 0 || v.EffectiveDate != 0 && v.EffectiveDate < d {
			d = v.EffectiveDate
		}
		if d != 0 && (first == 0 || d < first) {
			first = d
		}
	}
	return first
}

func (c *Catalog) buildTimelines() {
	c.timelines = make(map[string]*validity.Timeline, len(c.Works))
	for id, w := range c.Works {
		vs := make([]*model.Version, 0, len(w.VersionIDs))
		for _, vid := range w.VersionIDs {
			vs = append(vs, c.Versions[vid])
		}
		var inc []validity.Incoming
		for _, r := range c.in[id] {
			from := c.Versions[r.FromVersion]
			inc = append(inc, validity.Incoming{Relation: *r, FromTitle: from.Title, FromDocNumber: from.DocNumber,
				Hidden: c.Works[r.FromWork].Disclosure == model.Restricted})
		}
		t := c.memo.timelines.Copy(*validity.Build(vs, inc))
		t.Spans = c.memo.spans.Slice(t.Spans)
		c.timelines[id] = t
	}
}
