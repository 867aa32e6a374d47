package service

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/cleanup"
	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/textnorm"
	"github.com/guifan/guifan/internal/validity"
)

// visibleWork finds a work (by id or alias) the viewer may see.
func (st *State) visibleWork(id string, who Viewer) (*model.Work, bool) {
	w, ok := st.Catalog.Work(id)
	if !ok || (!who.Staff && w.Disclosure == model.Restricted) {
		return nil, false
	}
	return w, true
}

// verdict is the work's status on d as the viewer may see it.
func (st *State) verdict(workID string, d model.Date, who Viewer) validity.Verdict {
	return st.basisNote(workID, st.claim(st.Catalog.Timeline(workID).For(!who.Staff).Work(d), d), d, who)
}

// basisNote adds to the verdict of a work in force on d a warning for each document its
// version then in effect rests on (依据) that is repealed or lapsed on d, and for a 解读
// the policy it explains when that is: by the rules
// the work stays 现行有效 until a document repeals it, but whoever relies on it should
// check that it still applies (清理 lists it as 依据已废止或失效). A basis that had
// already ended when the work took effect is left to the clean-up list: the reference
// may be to a newer document of the same name.
func (st *State) basisNote(workID string, v validity.Verdict, d model.Date, who Viewer) validity.Verdict {
	if v.Status != validity.InForce {
		return v
	}
	// Shown with every search hit: most works state no 依据 and no 解读, and cost a
	// glance at their relations.
	bases, reads := false, false
	for _, r := range st.Catalog.Outgoing(workID) {
		bases = bases || r.Type == model.Basis
		reads = reads || r.Type == model.Interprets && r.TargetWork != ""
	}
	if !bases && !reads {
		return v
	}
	var parts []string
	var ended []cleanup.EndedBasis
	if bases {
		ended = cleanup.EndedBases(st.Catalog, workID, cleanup.Options{AsOf: d, Public: !who.Staff, BasisOnly: true})
	}
	for _, e := range ended {
		if e.Relation.Type != model.Basis || e.Before {
			continue
		}
		ended := "废止"
		if e.Status == validity.Lapsed {
			ended = "失效"
		}
		part := "《" + e.Title + "》"
		if e.WorkID == "" {
			part += "（本库未收录）"
		}
		if e.From > model.DateMin && e.From < model.DateMax {
			part += "已于" + e.From.Chinese() + ended
		} else {
			part += "已" + ended
		}
		parts = append(parts, part)
	}
	if len(parts) > 0 {
		v.Reason += "；注意：所依据的" + strings.Join(parts, "，") + "，本文件是否仍可适用请核实"
	}
	// A 政策解读 explains a policy: once that policy is repealed or lapsed, the
	// interpretation describes a rule no longer in force.
	for _, r := range st.Catalog.Outgoing(workID) {
		if r.Type != model.Interprets || r.TargetWork == "" {
			continue
		}
		target, ok := st.visibleWork(r.TargetWork, who)
		if !ok {
			continue
		}
		tv := st.Catalog.Timeline(target.ID).For(!who.Staff).Work(d)
		if tv.Status == validity.Repealed || tv.Status == validity.Lapsed {
			v.Reason += "；注意：所解读的《" + target.Title + "》" + string(tv.Status) + "，本解读所述政策已不再有效"
		}
	}
	return v
}

// claim adds to a verdict for today the data source's own status when it disagrees
// (validity.ClaimNote): a work computed 现行有效 that its source calls 已失效 must not
// read as plainly in force. Sources state their claim as of when they were gathered, so
// it is dropped for other dates.
func (st *State) claim(v validity.Verdict, d model.Date) validity.Verdict {
	if v.SourceClaim == "" {
		return v
	}
	if st.today == nil || d != st.today() {
		v.SourceClaim = ""
		return v
	}
	v.Reason += validity.ClaimNote(v.SourceClaim)
	return v
}

// Search runs a query built by search.FromValues.
func (st *State) Search(ctx context.Context, q search.Query, who Viewer) (*SearchResult, error) {
	q.Staff = who.Staff
	res, err := st.Index.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000, AsOf: q.AsOf, Match: res.Match,
		Page: q.Page(), Size: q.Size, Hits: []Hit{}}
	literals := res.Plan.Literals()
	for _, h := range res.Hits {
		v, w, ok := st.hitVersion(h.VersionID, who)
		if !ok {
			continue
		}
		ver := st.verdict(w.ID, q.AsOf, who)
		hit := Hit{
			WorkID: w.ID, VersionID: v.ID, Title: v.Title, DocNumber: v.DocNumber, Authority: nonNil(w.Authorities),
			Level: string(w.Level), Kind: string(w.Kind), Status: string(ver.Status), StatusReason: ver.Reason, SourceClaim: ver.SourceClaim,
			ExpiresSoon: ver.ExpiresSoon, PartiallyRepealed: len(ver.Partial) > 0, PublishDate: v.PublishDate, EffectiveDate: v.EffectiveDate, ExpiryDate: ver.Expiry,
			Highlights:          Highlights{Title: search.Mark(v.Title, literals), Text: nonNil(h.Snippets)},
			InterpretationCount: len(st.interpretations(w.ID, q.AsOf, who)),
			Restricted:          w.Disclosure == model.Restricted,
		}
		if hit.ExpiryDate == 0 {
			hit.ExpiryDate = v.ExpiryDate
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Facets = facets(res.Facets)
	if res.Next != nil {
		out.Next = res.Next.String()
	}
	if res.Match != "exact" && res.Match != "all" && !q.History && q.Offset == 0 && q.After == nil {
		if out.History, err = st.history(ctx, q, who); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// hitVersion is a hit's version and its work, when the viewer may see it: the index
// filter already excludes the others, but one layer alone is never trusted.
func (st *State) hitVersion(id string, who Viewer) (*model.Version, *model.Work, bool) {
	v, ok := st.Catalog.Versions[id]
	if !ok {
		return nil, nil, false
	}
	w, ok := st.visibleWork(v.WorkID, who)
	return v, w, ok
}

// historySize is how many versions a search's history lists.
const historySize = 5

// history is the search of q's words, all of them, in the versions that do not
// represent their work on q's date, with the user's filters but the status: for a
// search whose words the texts in force do not all have.
func (st *State) history(ctx context.Context, q search.Query, who Viewer) (*HistoryHits, error) {
	hq := q
	hq.History, hq.ExactOnly, hq.NoFacets, hq.SortDate = true, true, true, false
	hq.Statuses, hq.Expiring, hq.Size = nil, false, historySize
	res, err := st.Index.Search(ctx, hq)
	if err != nil || res.Match != "exact" || res.Total == 0 {
		return nil, err
	}
	out := &HistoryHits{Total: res.Total, Hits: []HistoryHit{}}
	literals := res.Plan.Literals()
	for _, h := range res.Hits {
		v, w, ok := st.hitVersion(h.VersionID, who)
		if !ok {
			continue
		}
		tl := st.Catalog.Timeline(w.ID).For(!who.Staff)
		vi := st.versionInfo(tl, v.ID, q.AsOf, who)
		label := v.Label
		if i := slices.IndexFunc(tl.Spans, func(s validity.Span) bool { return s.VersionID == v.ID }); i >= 0 {
			label = validity.VersionName(tl.Spans[i])
		}
		out.Hits = append(out.Hits, HistoryHit{
			WorkID: w.ID, VersionID: v.ID, Title: v.Title, Label: label, Status: vi.Status, StatusReason: vi.StatusReason,
			PublishDate: v.PublishDate, EffectiveDate: v.EffectiveDate,
			Highlights: Highlights{Title: search.Mark(v.Title, literals), Text: nonNil(h.Snippets)},
		})
	}
	if len(out.Hits) == 0 {
		return nil, nil
	}
	return out, nil
}

func facets(f search.Facets) Facets {
	out := Facets{Status: map[string]int{}, Expiring: f.Expiring, Level: map[string]int{}, Authority: map[string]int{}, Year: map[string]int{}, Topic: map[string]int{}}
	for _, s := range validity.WorkStatuses {
		if n := f.Status[s]; n > 0 {
			out.Status[string(s)] = n
			out.Order.Status = append(out.Order.Status, string(s))
		}
	}
	fill := func(dst map[string]int, order *[]string, src []search.Count) {
		for _, c := range src {
			dst[c.Value] = c.Count
			*order = append(*order, c.Value)
		}
	}
	fill(out.Level, &out.Order.Level, f.Level)
	fill(out.Authority, &out.Order.Authority, f.Authority)
	fill(out.Year, &out.Order.Year, f.Year)
	fill(out.Topic, &out.Order.Topic, f.Topic)
	return out
}

// Work is a work's page: metadata, status, versions, relations and interpretations.
func (st *State) Work(id string, d model.Date, who Viewer) (*WorkView, error) {
	w, ok := st.visibleWork(id, who)
	if !ok {
		return nil, problem.NotFoundf("未找到文件 %s", id)
	}
	tl := st.Catalog.Timeline(w.ID).For(!who.Staff)
	ver := st.basisNote(w.ID, st.claim(tl.Work(d), d), d, who)
	wv := &WorkView{
		WorkID: w.ID, Title: w.Title, DocNumber: w.DocNumber, Authority: nonNil(w.Authorities), Level: string(w.Level),
		Kind: string(w.Kind), Topics: nonNil(w.Topics), RegistrationNumber: w.RegistrationNumber, IndexNumber: w.IndexNumber,
		Disclosure: string(w.Disclosure), AsOf: d, Status: string(ver.Status), StatusReason: ver.Reason,
		SourceClaim: ver.SourceClaim, ExpiresSoon: ver.ExpiresSoon, ExpiryDate: ver.Expiry, Relations: []RelationView{}, Interpretations: []WorkRef{},
		RepealedArticles: ver.RepealedArticles(),
	}
	if i := tl.Current(d); i >= 0 {
		wv.CurrentVersionID = tl.Spans[i].VersionID
	}
	for i := len(tl.Spans) - 1; i >= 0; i-- {
		wv.Versions = append(wv.Versions, st.versionInfo(tl, tl.Spans[i].VersionID, d, who))
	}
	wv.Relations = st.relations(w.ID, d, who)
	wv.Interpretations = st.interpretations(w.ID, d, who)
	for _, r := range st.Catalog.Outgoing(w.ID) {
		if r.Type == model.Interprets && r.TargetWork != "" {
			if ref, ok := st.ref(r.TargetWork, d, who); ok {
				wv.Interprets = append(wv.Interprets, ref)
			}
		}
	}
	if who.Staff {
		wv.Warnings = append(wv.Warnings, st.Catalog.Warnings[w.ID]...)
		for _, vid := range w.VersionIDs {
			wv.Warnings = append(wv.Warnings, st.Catalog.Versions[vid].Warnings...)
			wv.Warnings = append(wv.Warnings, st.Catalog.Warnings[vid]...)
		}
	}
	return wv, nil
}

func (st *State) versionInfo(tl *validity.Timeline, vid string, d model.Date, who Viewer) VersionInfo {
	v := st.Catalog.Versions[vid]
	vv := st.claim(tl.Version(vid, d), d)
	vi := VersionInfo{
		VersionID: v.ID, Label: v.Label, Title: v.Title, DocNumber: v.DocNumber, PublishDate: v.PublishDate,
		EffectiveDate: v.EffectiveDate, ExpiryDate: v.ExpiryDate, Status: string(vv.Status), StatusReason: vv.Reason,
		SourceStatus: v.SourceStatus, Source: sourceFor(v.Source, who), Alternates: st.Catalog.Alternates[v.ID],
		RepealedArticles: vv.RepealedArticles(),
	}
	if !who.Staff && len(vi.Alternates) > 0 {
		alts := make([]model.SourceFile, len(vi.Alternates))
		for i, a := range vi.Alternates {
			alts[i] = sourceFor(a, who)
		}
		vi.Alternates = alts
	}
	return vi
}

// sourceFor is a version's source file as the viewer may see it. A bulk file (JSON
// Lines) holds other records, restricted ones among them: its hash and the record's
// line would tell the public how many there are and where, so the public sees the file
// and the record's own key only.
func sourceFor(src model.SourceFile, who Viewer) model.SourceFile {
	if !who.Staff && src.Format == "jsonl" {
		src.SHA256, src.Line = "", 0
	}
	return src
}

// Version is one version with its text; versionID may be an alias of the canonical id.
func (st *State) Version(workID, versionID string, d model.Date, who Viewer) (*VersionView, error) {
	w, ok := st.visibleWork(workID, who)
	if !ok {
		return nil, problem.NotFoundf("未找到文件 %s", workID)
	}
	v, ok := st.Catalog.Version(versionID)
	if !ok || v.WorkID != w.ID {
		return nil, problem.NotFoundf("文件 %s 没有版本 %s", workID, versionID)
	}
	text, err := st.Index.Text(v.ID)
	if err != nil {
		return nil, err
	}
	tl := st.Catalog.Timeline(w.ID).For(!who.Staff)
	return &VersionView{VersionInfo: st.versionInfo(tl, v.ID, d, who), WorkID: w.ID, Text: text, Articles: v.Articles}, nil
}

// relations lists a work's relations both ways, leaving out any whose other end the
// viewer may not see. Interprets relations are among them; interpretations[] and
// interprets[] list the same documents with their status.
func (st *State) relations(workID string, d model.Date, who Viewer) []RelationView {
	out := []RelationView{}
	add := func(dir string, r *model.Relation, other string) {
		stated := dir == "incoming" // the other document states it
		if r.Reverse {
			// Recorded by one document of what the other did to it (根据《决定》修正).
			dir = map[string]string{"incoming": "outgoing", "outgoing": "incoming"}[dir]
		}
		rv := RelationView{Direction: dir, Type: string(r.Type), TypeName: r.Type.Chinese(), Target: r.Target,
			Date: r.Date, Evidence: r.Evidence, Articles: r.Articles}
		if other != "" {
			ref, ok := st.ref(other, d, who)
			switch {
			case ok:
				rv.WorkID, rv.Title, rv.DocNumber, rv.Status = ref.WorkID, ref.Title, ref.DocNumber, ref.Status
				if r.Reverse && stated {
					rv.Target = ref.Title // the document it names is this one
				}
				if r.Reverse && slices.ContainsFunc(out, func(o RelationView) bool {
					return o.Direction == rv.Direction && o.Type == rv.Type && o.WorkID == rv.WorkID
				}) {
					return // the decision's own 作如下修改 already says it
				}
			case stated:
				return // stated by a document the viewer may not see
			}
			// A document this one names that the viewer may not see is shown as written,
			// like one outside the library: dropping it would tell them it is restricted.
		}
		out = append(out, rv)
	}
	for _, reverse := range []bool{false, true} {
		for _, r := range st.Catalog.Outgoing(workID) {
			if r.Reverse == reverse {
				add("outgoing", r, r.TargetWork)
			}
		}
		for _, r := range st.Catalog.Incoming(workID) {
			if r.Reverse == reverse {
				add("incoming", r, r.FromWork)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Direction != out[j].Direction {
			return out[i].Direction == "incoming" // what happened to this document first
		}
		return out[i].Date > out[j].Date
	})
	return out
}

func (st *State) ref(workID string, d model.Date, who Viewer) (WorkRef, bool) {
	w, ok := st.visibleWork(workID, who)
	if !ok {
		return WorkRef{}, false
	}
	v := st.verdict(w.ID, d, who)
	return WorkRef{WorkID: w.ID, Title: w.Title, DocNumber: w.DocNumber, Status: string(v.Status), StatusReason: v.Reason}, true
}

func (st *State) interpretations(workID string, d model.Date, who Viewer) []WorkRef {
	out := []WorkRef{}
	for _, id := range st.Catalog.Interpretations(workID) {
		if ref, ok := st.ref(id, d, who); ok {
			out = append(out, ref)
		}
	}
	return out
}

// MaxValidityItems bounds one batch check.
const MaxValidityItems = 500

// Validity checks each pasted doc number or title.
func (st *State) Validity(items []string, d model.Date, who Viewer) ([]ValidityResult, error) {
	if len(items) > MaxValidityItems {
		// A bad request, not a body too large: the items are what is wrong (400).
		return nil, problem.Invalidf("items", "一次最多核对 %d 条，收到 %d 条", MaxValidityItems, len(items))
	}
	out := make([]ValidityResult, 0, len(items))
	for _, in := range items {
		out = append(out, st.checkOne(in, d, who))
	}
	return out, nil
}

func (st *State) checkOne(input string, d model.Date, who Viewer) ValidityResult {
	res := ValidityResult{Input: input, StatusReason: "未找到匹配的文件"}
	item := textnorm.Simplified(strings.TrimSpace(input))
	if item == "" {
		res.StatusReason = "空行"
		return res
	}
	// 某县就业补贴办法（2018年12月1日印发）, 某县就业补贴办法\t2018-12-01: a list's date
	// column is no part of what the line names; nor is the question asked of it
	// (某县就业补贴办法还有效吗？).
	for _, re := range []*regexp.Regexp{dateColumn, questionTail} {
		if d := strings.TrimSpace(re.ReplaceAllString(item, "")); d != "" {
			item = d
		}
	}
	var ids []string
	by, number := "", ""
	// A number the line's title cites names another document: only the line's own is
	// looked up (numbersIn).
	own, cited := numbersIn(item)
	for _, n := range own {
		if ids = st.visible(st.Catalog.ByNumber(n), who); len(ids) > 0 {
			by, number = "doc_number", n
			break
		}
	}
	var quoted []string
	if len(ids) > 0 && st.quotes(titleOf(item), ids[0]) {
		// 上海市人民政府办公厅关于转发国务院关于…的意见的通知（国函〔2023〕1号）: the number is
		// that of the document the line's title forwards, and part of the title; the
		// line names the notice.
		own = slices.DeleteFunc(own, func(n string) bool { return n == number })
		cited, quoted = append(cited, number), []string{number}
		ids, by, number = nil, "", ""
	}
	if len(ids) == 0 && len(own) == 0 && len(cited) == 0 {
		// A number given in metadata in a form docnum does not read is found as written.
		if ids = st.visible(st.Catalog.ByNumber(item), who); len(ids) > 0 {
			by, number = "doc_number", item
		}
	}
	// A number the library does not hold but whose repeal it states comes before the
	// title: the line may name an earlier document of the title, replaced by the one
	// the library holds (原《某办法》（某政发〔2015〕3号）同时废止).
	if len(ids) == 0 && st.endedOutside(&res, own, "doc_number", d, who) {
		return res
	}
	if len(ids) == 0 {
		seen := func(id string) bool { _, ok := st.visibleWork(id, who); return ok }
		for _, title := range titlesOf(item, quoted...) {
			if ids = st.visible(st.Catalog.ByTitleWhere(title, seen), who); len(ids) > 0 {
				by = "title"
				break
			}
		}
		for _, title := range titlesOf(item, quoted...) {
			if len(ids) > 0 {
				break
			}
			if ids = st.visible(st.Catalog.ByTitleLooseIssuer(title, seen), who); len(ids) > 0 {
				by = "title"
			}
		}
	}
	yearNamed := 0
	if len(ids) == 0 && len(own) == 0 {
		// 工伤保险条例 2003: a title and the year of the version meant.
		if rest, year, ok := splitYearTail(item); ok {
			seen := func(id string) bool { _, ok := st.visibleWork(id, who); return ok }
			for _, title := range titlesOf(rest) {
				if ids = st.visible(st.Catalog.ByTitleWhere(title, seen), who); len(ids) > 0 {
					by, yearNamed = "title", year
					break
				}
			}
		}
	}
	if len(ids) == 0 {
		st.endedOutside(&res, titlesOf(item, quoted...), "title", d, who)
		if res.Status == nil {
			res.Suggestions = st.suggest(item, d, who)
		}
		return res
	}
	if by == "title" && len(ids) > 1 {
		ids = st.inForceFirst(ids, d, who)
	}
	w := st.Catalog.Works[ids[0]]
	v := st.verdict(w.ID, d, who)
	status := string(v.Status)
	res.Status, res.StatusReason, res.ExpiresSoon, res.ExpiryDate, res.SourceClaim = &status, v.Reason, v.ExpiresSoon, v.Expiry, v.SourceClaim
	// Title and number as they read on the date asked.
	title, dn := w.Title, w.DocNumber
	if tl := st.Catalog.Timeline(w.ID); tl != nil {
		if i := tl.Current(d); i >= 0 {
			cur := st.Catalog.Versions[tl.Spans[i].VersionID]
			title = cur.Title
			if cur.DocNumber != "" {
				dn = cur.DocNumber
			}
		}
	}
	// A number, or a title with its version note (公司法（2023年修订）), names one version
	// of the work: say so when that version is not the one in effect on d.
	var names func(v *model.Version) bool
	what := number
	switch {
	case by == "doc_number":
		names = func(v *model.Version) bool { return catalog.SameNumber(v.DocNumber, number) }
	case by == "title" && yearNamed != 0:
		names, what = st.versionOfYear(w.ID, yearNamed), "“"+strings.TrimSpace(input)+"”"
		if !slices.ContainsFunc(w.VersionIDs, func(id string) bool { return names(st.Catalog.Versions[id]) }) {
			res.StatusReason += "（注意：库中未收录" + what + "所指的" + strconv.Itoa(yearNamed) + "年版本，以上为该文件在所查日期的效力，请核对）"
			names = nil
		}
	case by == "title":
		if year, line, ok := versionNote(item); ok {
			names = st.versionOfYear(w.ID, year)
			what = "“" + line + "”"
		}
	}
	if names != nil {
		nv, ndn, named, ok := st.newerVersionVerdict(w.ID, names, what, d, who)
		if ok && by == "doc_number" && !st.numberIsLater(w.ID, number, d, who) {
			// A revision's record may carry the number that first issued the work: keep
			// the status of the version in effect, and say where the number was found.
			ok = false
			res.StatusReason += "（注意：库中" + number + "记载于" + validity.VersionName(named) + "（" +
				named.From.Chinese() + "起施行），也可能是最初发布时的文号，请核对）"
		}
		if ok {
			// The input names a version that had not taken effect on d: that document did
			// not apply yet, whatever the earlier version then in effect says.
			status = string(nv.Status)
			res.StatusReason, res.ExpiresSoon, res.ExpiryDate, res.SourceClaim = nv.Reason, false, 0, ""
			if ndn != "" || by == "doc_number" {
				dn = ndn
			}
		} else {
			res.StatusReason += st.olderVersionNote(w.ID, names, what, d, who)
		}
	}
	if n := lastOf(own); by == "title" && n != "" && !strings.Contains(textnorm.TitleKey(docnum.NormalizeNumbers(title)), textnorm.TitleKey(n)) {
		// The line gives a number no document (the viewer may see) has: found by its
		// title, the document has another.
		res.StatusReason += "（注意：库中未找到所填文号" + n
		if dn != "" {
			res.StatusReason += "，该文件文号为" + dn
		}
		res.StatusReason += "，请核对）"
	}
	if by == "doc_number" {
		res.StatusReason += st.titleConflict(item, quoted, w.ID, d, who)
	}
	if len(own) > 1 {
		// 清府发〔2022〕20号、清府发〔2015〕8号 on one line: one is answered.
		res.StatusReason += "（注意：本行含有多个文号（" + strings.Join(own, "、") + "），仅核对了其中一个，请每行填写一个）"
	}
	res.WorkID, res.Title, res.MatchedBy = &w.ID, &title, &by
	res.DocNumber = &dn
	res.Candidates = len(ids) - 1
	if res.Candidates > 0 {
		res.StatusReason += "（另有 " + strconv.Itoa(res.Candidates) + " 个同名或同号文件，请核对发文机关）"
	}
	return res
}

// inForceFirst orders the documents a title names for the date asked: one in force
// then first (a measure re-issued under its title, the old one repealed), then the
// later ones.
func (st *State) inForceFirst(ids []string, d model.Date, who Viewer) []string {
	type keyed struct {
		id      string
		inForce bool
		from    model.Date // the first version's 施行日期
	}
	ks := make([]keyed, len(ids))
	for i, id := range ids {
		ks[i] = keyed{id: id, inForce: st.verdict(id, d, who).Status == validity.InForce}
		if tl := st.Catalog.Timeline(id); tl != nil && len(tl.Spans) > 0 {
			ks[i].from = tl.Spans[0].From
		}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].inForce != ks[j].inForce {
			return ks[i].inForce
		}
		return ks[i].from > ks[j].from
	})
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.id
	}
	return out
}

// titleConflict is the note for a line found by its number whose title names another
// document of the library (《中华人民共和国公司法》（抚县政公领发〔2022〕3号）): the answer
// is the number's document, and the staff member is told which document the title
// names and its status, as either may be the one meant. A title the library does not
// hold, or that also names the number's document (a former title, a short one), is
// no conflict.
func (st *State) titleConflict(item string, quoted []string, workID string, d model.Date, who Viewer) string {
	seen := func(id string) bool { _, ok := st.visibleWork(id, who); return ok }
	for _, t := range titlesOf(item, quoted...) {
		if len(st.Catalog.ByTitleWhere(t, func(id string) bool { return id == workID })) > 0 {
			return ""
		}
		ids := st.visible(st.Catalog.ByTitleWhere(t, seen), who)
		if len(ids) == 0 {
			continue
		}
		ref, ok := st.ref(ids[0], d, who)
		if !ok {
			continue
		}
		note := "（注意：所填标题对应库中另一文件《" + ref.Title + "》"
		if ref.DocNumber != "" {
			note += "（" + ref.DocNumber + "）"
		}
		return note + "，其状态为" + ref.Status + "；以上按文号核对，请确认所指文件）"
	}
	return ""
}

func lastOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

// quotes reports whether a line's title quotes the title of the work within words of
// its own — 关于转发X的通知, X实施细则 — so that the work's number, written with it, is
// the quoted document's, not the line's. A notice issuing the work (关于印发《X》的通知)
// is the same document, under the notice's number; a spreadsheet row's other columns
// (1<TAB>X<TAB>2022-03-01) are no title's words.
func (st *State) quotes(title, workID string) bool {
	t := textnorm.TitleKey(title)
	var keys []string
	for _, vid := range st.Catalog.Works[workID].VersionIDs {
		vt := st.Catalog.Versions[vid].Title
		for _, k := range []string{textnorm.TitleKey(vt), textnorm.TitleKey(textnorm.ShortTitle(vt))} {
			if k != "" && !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	if slices.Contains(keys, t) {
		return false
	}
	// Longer titles first, each blanked out once seen: the short title inside the full
	// one (就业促进法 in 中华人民共和国就业促进法) is no quote.
	sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
	rest := t
	for _, k := range keys {
		i := strings.Index(rest, k)
		if i < 0 {
			continue
		}
		if strings.HasPrefix(k, "关于") && i+len(k) == len(rest) {
			// 清溪县教育局关于印发《…》的通知: the document itself, its issuer written
			// before the title the library holds from 关于 on (a red header's two lines).
			return false
		}
		before, _ := utf8.DecodeLastRuneInString(rest[:i])
		after, _ := utf8.DecodeRuneInString(rest[i+len(k):])
		if textnorm.IsHan(before) || textnorm.IsHan(after) {
			return !strings.Contains(t, "印发"+k) && !strings.Contains(t, "发布"+k)
		}
		rest = strings.ReplaceAll(rest, k, "\x00")
	}
	return false
}

// endedOutside answers for a document the library does not hold but whose repeal or
// lapse a document in it states (婚姻法, repealed by the 民法典): 已废止 or 已失效 from
// that date, with the sentence, when one of refs (doc numbers or titles, as by says)
// names it. Before that date, or with no such statement, the item stays not found:
// the library cannot tell whether it was in force.
func (st *State) endedOutside(res *ValidityResult, refs []string, by string, d model.Date, who Viewer) bool {
	seen := func(id string) bool { _, ok := st.visibleWork(id, who); return ok }
	// Stated by a document the viewer may see, about one they may not: a restricted
	// document reads to the public like one outside the library.
	outside := func(r *model.Relation) bool { return seen(r.FromWork) && (r.TargetWork == "" || !seen(r.TargetWork)) }
	var r *model.Relation
	ref := ""
	for _, ref = range refs {
		if r = st.Catalog.EndedOutside(ref, d, outside); r != nil {
			break
		}
	}
	if r == nil {
		return false
	}
	from := st.Catalog.Works[r.FromWork]
	in := validity.Incoming{Relation: *r, FromTitle: from.Title, FromDocNumber: from.DocNumber}
	in.Date = st.Catalog.RelationDate(r)
	status, verb := validity.Repealed, "废止"
	if r.Type == model.Lapses {
		status, verb = validity.Lapsed, "宣布失效"
	}
	s, target := string(status), strings.Trim(strings.TrimSpace(r.Target), "《》")
	res.Status, res.MatchedBy = &s, &by
	res.StatusReason = string(status) + "：" + validity.RelationReason(&in, verb) + "（本库未收录该文件，据上述文件判断；如其后另有同名新文件，请核对）"
	if by == "doc_number" {
		res.DocNumber = &ref
	} else {
		res.Title = &target
	}
	return true
}

// newerVersionVerdict is the status on d of the version a checked number (or titled
// version, 公司法（2023年修订）) names when that version had not yet taken effect on d
// (某政发〔2021〕3号 replacing 某政发〔2017〕9号, asked as of 2020): 尚未生效, saying which
// version applied instead. names tells the versions meant and number is the input as
// the reason quotes it. ok is false when a version named was in effect on or before d,
// or the work had ended by then.
func (st *State) newerVersionVerdict(workID string, names func(*model.Version) bool, number string, d model.Date, who Viewer) (v validity.Verdict, docNumber string, named validity.Span, ok bool) {
	tl := st.Catalog.Timeline(workID)
	if tl == nil || len(tl.Spans) == 0 {
		return v, "", validity.Span{}, false
	}
	tl = tl.For(!who.Staff)
	if ws := tl.Work(d).Status; ws != validity.InForce && ws != validity.NotYetEffective {
		return v, "", validity.Span{}, false
	}
	at := -1
	for i, s := range tl.Spans {
		if !names(st.Catalog.Versions[s.VersionID]) {
			continue
		}
		if s.From <= d {
			return v, "", validity.Span{}, false // a version with this number was in effect by d
		}
		if at < 0 {
			at = i
		}
	}
	if at < 0 || at == tl.Current(d) {
		return v, "", validity.Span{}, false // the first version, not yet in effect: the work's own status says so
	}
	s := tl.Spans[at]
	v = tl.Version(s.VersionID, d)
	if v.Status != validity.NotYetEffective {
		return v, "", validity.Span{}, false
	}
	docNumber = st.Catalog.Versions[s.VersionID].DocNumber
	note := "（注意：" + number + "所指的是" + validity.VersionName(s) + "，" + d.Chinese() + "尚未施行"
	if cur := tl.Current(d); tl.Work(d).Status == validity.InForce && cur != at {
		c := tl.Spans[cur]
		note += "；当日适用的是" + validity.VersionName(c)
		if n := st.Catalog.Versions[c.VersionID].DocNumber; n != "" {
			note += "（" + n + "）"
		}
	}
	v.Reason += note + "）"
	return v, docNumber, s, true
}

// numberIsLater reports whether a checked number that a later version's record carries
// cannot name the version in effect on d: its year (法释〔2023〕7号) is after d or after
// that version was published, or that version carries a number of its own. A revision's record often carries the order
// that first issued the work (国务院令第274号发布, 2020年修订), so without either the
// number may be the earlier version's.
func (st *State) numberIsLater(workID, number string, d model.Date, who Viewer) bool {
	y := numberYear(number)
	if y > d.Year() {
		return true
	}
	tl := st.Catalog.Timeline(workID)
	if tl == nil || len(tl.Spans) == 0 {
		return false
	}
	tl = tl.For(!who.Staff)
	cur := tl.Spans[tl.Current(d)]
	if cur.From > d {
		return false // nothing in effect yet
	}
	if y != 0 && cur.PublishDate != 0 && y > cur.PublishDate.Year() {
		return true // numbered in a year after the version in effect was published
	}
	n := st.Catalog.Versions[cur.VersionID].DocNumber
	return n != "" && !catalog.SameNumber(n, number)
}

// olderVersionNote warns when the number (or titled version) checked is that of a
// version no longer in effect: the work is 现行有效, but not in the text the number
// names (某政发〔2017〕9号 amended by 某政发〔2021〕3号).
func (st *State) olderVersionNote(workID string, names func(*model.Version) bool, number string, d model.Date, who Viewer) string {
	tl := st.Catalog.Timeline(workID)
	if tl == nil {
		return ""
	}
	tl = tl.For(!who.Staff)
	cur := tl.Current(d)
	older := -1
	for i, s := range tl.Spans {
		if !names(st.Catalog.Versions[s.VersionID]) {
			continue
		}
		if i == cur {
			return "" // the number names the version in effect
		}
		older = i
	}
	if older < 0 {
		return ""
	}
	vv := tl.Version(tl.Spans[older].VersionID, d)
	if vv.Status != validity.Amended {
		return ""
	}
	return "（注意：" + number + "所指的是已修改的旧版本：" + strings.TrimPrefix(vv.Reason, "已修改：") + "）"
}

func (st *State) visible(ids []string, who Viewer) []string {
	var out []string
	for _, id := range ids {
		if _, ok := st.visibleWork(id, who); ok {
			out = append(out, id)
		}
	}
	// The most recently published work first: a reissued title names the live document.
	sort.SliceStable(out, func(i, j int) bool { return st.latestPublish(out[i]) > st.latestPublish(out[j]) })
	return out
}

func (st *State) latestPublish(workID string) model.Date {
	var d model.Date
	for _, vid := range st.Catalog.Works[workID].VersionIDs {
		d = max(d, st.Catalog.Versions[vid].PublishDate)
	}
	return d
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// versionOfYear tells the versions of a work that a version note of the given year
// names: those labelled with that year (2018年修正), or, when none is, those published
// in it.
func (st *State) versionOfYear(workID string, year int) func(*model.Version) bool {
	prefix := strconv.Itoa(year) + "年"
	labelled := false
	for _, id := range st.Catalog.Works[workID].VersionIDs {
		if strings.HasPrefix(st.Catalog.Versions[id].Label, prefix) {
			labelled = true
		}
	}
	return func(v *model.Version) bool {
		if labelled {
			return strings.HasPrefix(v.Label, prefix)
		}
		return v.PublishDate.Year() == year
	}
}
