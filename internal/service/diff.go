package service

import (
	"github.com/guifan/guifan/internal/diff"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
)

// DiffView is a side-by-side comparison (新旧对照) of two versions of one work.
type DiffView struct {
	WorkID string      `json:"work_id"`
	Title  string      `json:"title"`
	From   VersionInfo `json:"from"`
	To     VersionInfo `json:"to"`
	diff.Result
}

// Diff compares two versions of a work article by article. With from or to empty it
// compares the version in effect on d with the one before it.
func (st *State) Diff(workID, from, to string, d model.Date, who Viewer) (*DiffView, error) {
	w, ok := st.visibleWork(workID, who)
	if !ok {
		return nil, problem.NotFoundf("未找到文件 %s", workID)
	}
	tl := st.Catalog.Timeline(w.ID).For(!who.Staff)
	if len(tl.Spans) < 2 && (from == "" || to == "") {
		return nil, problem.Invalidf("from", "该文件只有一个版本，无可对照的版本")
	}
	if to == "" {
		i := max(tl.Current(d), 1)
		to = tl.Spans[i].VersionID
		if from == "" {
			from = tl.Spans[i-1].VersionID
		}
	}
	if from == "" {
		for i, s := range tl.Spans {
			if s.VersionID == to && i > 0 {
				from = tl.Spans[i-1].VersionID
			}
		}
		if from == "" {
			return nil, problem.Invalidf("from", "请指定要对照的旧版本")
		}
	}
	ov, err := st.versionOf(w.ID, from, "from")
	if err != nil {
		return nil, err
	}
	nv, err := st.versionOf(w.ID, to, "to")
	if err != nil {
		return nil, err
	}
	oldText, err := st.Index.Text(ov.ID)
	if err != nil {
		return nil, err
	}
	newText, err := st.Index.Text(nv.ID)
	if err != nil {
		return nil, err
	}
	return &DiffView{
		WorkID: w.ID, Title: w.Title,
		From: st.versionInfo(tl, ov.ID, d, who), To: st.versionInfo(tl, nv.ID, d, who),
		Result: diff.Compare(oldText, newText, ov.Articles, nv.Articles),
	}, nil
}

func (st *State) versionOf(workID, id, param string) (*model.Version, error) {
	v, ok := st.Catalog.Version(id)
	if !ok || v.WorkID != workID {
		return nil, problem.Invalidf(param, "版本 %s 不属于该文件", id)
	}
	return v, nil
}
