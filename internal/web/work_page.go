package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/pathvar"
	"github.com/guifan/guifan/internal/service"
	"github.com/guifan/guifan/internal/validity"
)

type workView struct {
	W          *service.WorkView
	V          *service.VersionView // the version shown
	Text       renderedText
	ShowTOC    bool
	AsOf       model.Date
	AsOfSet    bool
	AsOfQ      string
	Today      model.Date
	Current    bool // V is the version in effect on the as-of date
	CurrentURL string
	TodayURL   string // this page without the chosen date
	ShownName  string // V in words: “2018年修正”版本, 2019年3月1日公布的版本
	Versions   []versionRow
	Downloads  []download
	Incoming   []relationRow // what other documents did to this one
	Outgoing   []relationRow // what this one states about others
	DiffURL    string        // V against the version before it (after it, for the first)
	DiffLabel  string
	Interp     bool // the document is itself an interpretation (政策解读)
	// EndedPolicies are the documents this interpretation explains that are repealed
	// or lapsed on the as-of date: the interpretation no longer describes rules in force.
	EndedPolicies []service.WorkRef
	Meta          []metaRow
}

type versionRow struct {
	service.VersionInfo
	Name    string
	Dates   string // 公布 … · 施行 … · 有效期至 …, of the dates the version has
	URL     string
	DiffURL string // against the version before it
	Shown   bool
	Current bool
	// ExtendedTo is the end of the current version's 有效期 as an extension set it
	// (延续有效期), when it is not the one the version states.
	ExtendedTo model.Date
}

type download struct {
	URL   string
	Label string
	Name  string
}

type relationRow struct {
	service.RelationView
	URL   string // the other document's page, when resolved and visible
	Other string // the other document as shown: its title or the reference as written
}

type metaRow struct {
	Name  string
	Value string
}

// Work is GET /works/{work_id}: the document with the text of its version in effect.
func (h *Handler) Work(w http.ResponseWriter, r *http.Request) {
	h.document(w, r, "")
}

// Version is GET /works/{work_id}/versions/{version_id}: the document with the text
// of that version.
func (h *Handler) Version(w http.ResponseWriter, r *http.Request) {
	h.document(w, r, pathvar.Get(r, "version_id"))
}

func (h *Handler) document(w http.ResponseWriter, r *http.Request, asked string) {
	d, explicit, ok := h.asof(w, r)
	if !ok {
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	who := h.viewer(r)
	wv, err := st.Work(pathvar.Get(r, "work_id"), d, who)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	versionID := asked
	if versionID == "" {
		versionID = wv.CurrentVersionID
		if versionID == "" && len(wv.Versions) > 0 {
			versionID = wv.Versions[0].VersionID
		}
	}
	vv, err := st.Version(wv.WorkID, versionID, d, who)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &workView{W: wv, V: vv, AsOf: d, AsOfSet: explicit, AsOfQ: asofQuery(d, explicit), Today: h.svc.Today(),
		Current: vv.VersionID == wv.CurrentVersionID, Interp: wv.Kind == string(model.KindInterpretation)}
	v.CurrentURL = workURL(wv.WorkID) + v.AsOfQ
	v.TodayURL = workURL(wv.WorkID)
	if asked != "" {
		v.TodayURL = versionURL(wv.WorkID, vv.VersionID)
	}
	v.Text = h.texts.get(st.Name+"\x00"+vv.VersionID, func() renderedText { return renderText(vv.Text, vv.Articles) })
	if len(vv.RepealedArticles) > 0 {
		v.Text.HTML = markRepealed(v.Text.HTML, vv.RepealedArticles)
	}
	v.ShowTOC = len(v.Text.TOC) >= 2
	v.timeline(wv, vv.VersionID)
	v.ShownName = shownName(vv.VersionInfo)
	v.Downloads = downloads(wv.WorkID, vv.VersionInfo)
	// A document may name the same other document twice in one sentence (by its
	// number and by its title, or by its full and its short title); both references
	// resolve to the same work and would show as two identical lines.
	shown := make(map[string]bool, len(wv.Relations))
	for _, rel := range wv.Relations {
		if rel.Type == string(model.Interprets) {
			continue // the 政策解读 box and the box of the policy explained show these
		}
		row := relationRow{RelationView: rel, Other: rel.Target}
		if rel.WorkID != "" {
			row.URL = workURL(rel.WorkID) + v.AsOfQ
			row.Other = "《" + rel.Title + "》"
			if rel.DocNumber != "" {
				row.Other += "（" + rel.DocNumber + "）"
			}
		}
		key := strings.Join([]string{rel.Direction, rel.Type, rel.WorkID, row.Other, rel.Date.String(), rel.Evidence, strings.Join(rel.Articles, "、")}, "\x00")
		if shown[key] {
			continue
		}
		shown[key] = true
		if rel.Direction == "incoming" {
			v.Incoming = append(v.Incoming, row)
		} else {
			v.Outgoing = append(v.Outgoing, row)
		}
	}
	for _, p := range wv.Interprets {
		if p.Status == string(validity.Repealed) || p.Status == string(validity.Lapsed) {
			v.EndedPolicies = append(v.EndedPolicies, p)
		}
	}
	v.Meta = metadata(wv, vv)
	h.render(w, r, http.StatusOK, "work", page{Title: wv.Title, Nav: "search", Data: v})
}

// timeline lists the versions newest first, each linked, with a comparison against
// the version before it.
func (v *workView) timeline(wv *service.WorkView, shown string) {
	n := len(wv.Versions)
	for i, vi := range wv.Versions {
		row := versionRow{VersionInfo: vi, Name: versionName(vi), URL: versionURL(wv.WorkID, vi.VersionID) + v.AsOfQ,
			Shown: vi.VersionID == shown, Current: vi.VersionID == wv.CurrentVersionID}
		if row.Current && vi.ExpiryDate != 0 && wv.ExpiryDate != 0 && wv.ExpiryDate != vi.ExpiryDate {
			row.ExtendedTo = wv.ExpiryDate
		}
		row.Dates = row.dates()
		if i+1 < n {
			row.DiffURL = diffURL(wv.WorkID, wv.Versions[i+1].VersionID, vi.VersionID, v.AsOf, v.AsOfSet)
			if row.Shown {
				v.DiffURL, v.DiffLabel = row.DiffURL, "与上一版本对照"
			}
		} else if row.Shown && i > 0 {
			// The first version has nothing before it: compare it with the one after.
			v.DiffURL = diffURL(wv.WorkID, vi.VersionID, wv.Versions[i-1].VersionID, v.AsOf, v.AsOfSet)
			v.DiffLabel = "与下一版本对照"
		}
		v.Versions = append(v.Versions, row)
	}
}

// dates lists the version's dates, each with its name, separated only where two meet.
func (row versionRow) dates() string {
	var parts []string
	if row.PublishDate != 0 {
		parts = append(parts, "公布 "+row.PublishDate.Chinese())
	}
	if row.EffectiveDate != 0 {
		parts = append(parts, "施行 "+row.EffectiveDate.Chinese())
	}
	switch {
	case row.ExtendedTo != 0:
		parts = append(parts, "有效期延续至 "+row.ExtendedTo.Chinese()+"（原至 "+row.ExpiryDate.Chinese()+"）")
	case row.ExpiryDate != 0:
		parts = append(parts, "有效期至 "+row.ExpiryDate.Chinese())
	}
	return strings.Join(parts, " · ")
}

// versionName names a version for people as the status reasons do
// (validity.VersionName): its label, or the date it was published or took effect.
func versionName(vi service.VersionInfo) string {
	switch {
	case vi.Label != "":
		return vi.Label
	case vi.PublishDate != 0:
		return vi.PublishDate.Chinese() + "公布"
	case vi.EffectiveDate != 0:
		return vi.EffectiveDate.Chinese() + "施行"
	}
	return "未注明日期的版本"
}

// shownName is the version shown, in the sentence that says it is not the one in effect.
func shownName(vi service.VersionInfo) string {
	switch {
	case vi.Label != "":
		return "“" + vi.Label + "”版本"
	case vi.PublishDate != 0 || vi.EffectiveDate != 0:
		return versionName(vi) + "的版本"
	}
	return versionName(vi)
}

// downloads offers the version's original file, and the same version in other
// formats. A bulk record has no file of its own: its text is offered instead.
func downloads(workID string, vi service.VersionInfo) []download {
	var out []download
	add := func(src model.SourceFile, alt int) {
		if src.Path == "" {
			return
		}
		u := fileURL(workID, vi.VersionID)
		if alt > 0 {
			u += "?alt=" + strconv.Itoa(alt)
		}
		name := downloadName(src, vi)
		label := "下载原文（" + strings.ToUpper(src.Format) + "）"
		if src.Format == "jsonl" {
			label = "下载全文（TXT）"
		}
		out = append(out, download{URL: u, Label: label, Name: name})
	}
	add(vi.Source, 0)
	for i, a := range vi.Alternates {
		// A bulk record downloads as the version's own text, the same from any record.
		if a.Format == "jsonl" && (vi.Source.Format == "jsonl" || hasFormat(vi.Alternates[:i], "jsonl")) {
			continue
		}
		add(a, i+1)
	}
	return out
}

// metadata is the table of the document's fields; empty fields are left out, since
// many documents are published without them.
func metadata(wv *service.WorkView, vv *service.VersionView) []metaRow {
	num := vv.DocNumber
	if num == "" {
		num = wv.DocNumber
	}
	expiry := "未规定"
	if vv.ExpiryDate != 0 {
		expiry = "至" + vv.ExpiryDate.Chinese()
	}
	if wv.ExpiryDate != 0 && wv.ExpiryDate != vv.ExpiryDate {
		expiry = "至" + wv.ExpiryDate.Chinese()
	}
	rows := []metaRow{
		{"发文字号", num},
		{"发文机关", strings.Join(wv.Authority, "、")},
		{"成文/发布日期", vv.PublishDate.Chinese()},
		{"施行日期", vv.EffectiveDate.Chinese()},
		{"有效期", expiry},
		{"效力级别", wv.Level},
		{"主题分类", strings.Join(wv.Topics, "、")},
		{"登记号", wv.RegistrationNumber},
		{"索引号", wv.IndexNumber},
	}
	if vv.Label != "" {
		rows = append(rows, metaRow{"版本", vv.Label})
	}
	if vv.SourceStatus != "" {
		if s := validity.SourceStatusName(vv.SourceStatus); s != "" {
			rows = append(rows, metaRow{"来源标注状态", string(s) + "（仅供参考，以本库按日期计算的状态为准）"})
		}
	}
	if wv.Disclosure == string(model.Restricted) {
		rows = append(rows, metaRow{"公开方式", "不公开（仅工作人员可见）"})
	}
	out := rows[:0]
	for _, r := range rows {
		if strings.TrimSpace(r.Value) != "" {
			out = append(out, r)
		}
	}
	return out
}

func hasFormat(srcs []model.SourceFile, format string) bool {
	for _, s := range srcs {
		if s.Format == format {
			return true
		}
	}
	return false
}
