package web

import (
	"net/http"
	"slices"

	"github.com/guifan/guifan/internal/diff"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/pathvar"
	"github.com/guifan/guifan/internal/service"
)

type diffView struct {
	D           *service.DiffView
	W           *service.WorkView
	Rows        []diffRow
	OnlyChanged bool
	AllURL      string
	ChangedURL  string
	AsOf        model.Date
	AsOfSet     bool
	AsOfQ       string
	FromName    string
	ToName      string
	FromURL     string
	ToURL       string
	Versions    []versionOption
	Swapped     bool // the versions asked for were the wrong way round and are compared swapped
	Same        bool // one version compared with itself
}

type diffRow struct {
	diff.Row
	// ChapterHead is the chapter (第二章 待遇) this row opens: the first row shown of
	// each chapter carries it, so the comparison reads under its headings.
	ChapterHead string
	// ChapterHeadOld is the heading the old articles of that chapter read under, when
	// another (第二章 管理 renamed 第二章 监督管理, or renumbered).
	ChapterHeadOld string
	// FromChapter is the heading this row's old article read under, when it is not
	// the one its chapter's old articles read under (an article moved between chapters).
	FromChapter string
	OpName      string
	URL         string // the article in its version's page
	Repealed    bool   // the article is no longer in force in the newer version (部分失效)
}

type versionOption struct {
	ID   string
	Name string
	From bool
	To   bool
}

// opNames are the row outcomes in words; the page never tells them by colour alone.
var opNames = map[diff.Op]string{diff.OpSame: "未修改", diff.OpChanged: "修改", diff.OpAdded: "新增", diff.OpRemoved: "删除"}

// Diff is GET /works/{work_id}/diff?from=&to=: the two versions side by side (新旧对照).
func (h *Handler) Diff(w http.ResponseWriter, r *http.Request) {
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
	q := r.URL.Query()
	wv, err := st.Work(pathvar.Get(r, "work_id"), d, who)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	dv, err := st.Diff(wv.WorkID, q.Get("from"), q.Get("to"), d, who)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	swapped := false
	if dv.From.VersionID != dv.To.VersionID && later(dv.From, dv.To, wv.Versions) {
		// A later version picked as the old one (新旧 reversed) would read every change
		// backwards: compare them the right way round, and say so.
		if dv, err = st.Diff(wv.WorkID, dv.To.VersionID, dv.From.VersionID, d, who); err != nil {
			h.fail(w, r, err)
			return
		}
		swapped = true
	}
	v := &diffView{D: dv, W: wv, Swapped: swapped, Same: dv.From.VersionID == dv.To.VersionID, AsOf: d, AsOfSet: explicit, AsOfQ: asofQuery(d, explicit), OnlyChanged: q.Get("only") == "changed"}
	for _, vi := range wv.Versions {
		name := versionName(vi)
		if vi.PublishDate != 0 && vi.Label != "" {
			name += "（" + vi.PublishDate.Chinese() + "公布）"
		}
		v.Versions = append(v.Versions, versionOption{ID: vi.VersionID, Name: name,
			From: vi.VersionID == dv.From.VersionID, To: vi.VersionID == dv.To.VersionID})
		if vi.VersionID == dv.From.VersionID {
			v.FromName = name
		}
		if vi.VersionID == dv.To.VersionID {
			v.ToName = name
		}
	}
	v.FromURL = versionURL(wv.WorkID, dv.From.VersionID) + v.AsOfQ
	v.ToURL = versionURL(wv.WorkID, dv.To.VersionID) + v.AsOfQ
	base := diffURL(wv.WorkID, dv.From.VersionID, dv.To.VersionID, d, explicit)
	v.AllURL, v.ChangedURL = base, base+"&only=changed"
	repealed := map[string]bool{}
	for _, a := range dv.To.RepealedArticles {
		repealed[a] = true
	}
	chapter, headOld := "", ""
	for _, row := range dv.Rows {
		if v.OnlyChanged && row.Op == diff.OpSame && row.MovedFrom == "" && row.MovedTo == "" {
			continue
		}
		dr := diffRow{Row: row, OpName: opNames[row.Op], Repealed: repealed[row.Anchor]}
		// The heading the old article read under, for rows with both.
		old, paired := row.Chapter, row.Op == diff.OpSame || row.Op == diff.OpChanged
		if row.OldChapter != "" {
			old = row.OldChapter
		}
		switch {
		case row.Chapter != chapter:
			headOld = row.Chapter
			if paired {
				headOld = old
			}
			if row.Chapter != "" {
				dr.ChapterHead = row.Chapter
				if headOld != row.Chapter {
					dr.ChapterHeadOld = headOld
				}
			}
		case paired && old != headOld:
			dr.FromChapter = old
		}
		chapter = row.Chapter
		if row.Anchor != "" {
			if row.Op == diff.OpRemoved {
				dr.URL = v.FromURL + "#" + row.Anchor
			} else {
				dr.URL = v.ToURL + "#" + row.Anchor
			}
		}
		v.Rows = append(v.Rows, dr)
	}
	h.render(w, r, http.StatusOK, "diff", page{Title: "新旧对照：" + wv.Title, Nav: "search", Data: v})
}

// later reports whether version a came after version b: by the date each took effect
// (or was published, when it has no 施行日期), and for versions of the same date by
// their order in the work's timeline (newest first).
func later(a, b service.VersionInfo, timeline []service.VersionInfo) bool {
	da, db := versionDate(a), versionDate(b)
	if da != 0 && db != 0 && da != db {
		return da > db
	}
	ia := slices.IndexFunc(timeline, func(vi service.VersionInfo) bool { return vi.VersionID == a.VersionID })
	ib := slices.IndexFunc(timeline, func(vi service.VersionInfo) bool { return vi.VersionID == b.VersionID })
	return ia >= 0 && ib >= 0 && ia < ib
}

func versionDate(vi service.VersionInfo) model.Date {
	if vi.EffectiveDate != 0 {
		return vi.EffectiveDate
	}
	return vi.PublishDate
}
