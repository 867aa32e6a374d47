package service

import (
	"io"

	"github.com/guifan/guifan/internal/changes"
	"github.com/guifan/guifan/internal/cleanup"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/opendata"
	"github.com/guifan/guifan/internal/problem"
)

// Cleanup is the clean-up list (定期清理) as of d with an expiry window of days. It
// names restricted documents, so it is for staff only.
func (st *State) Cleanup(d model.Date, days int, who Viewer) (*cleanup.List, error) {
	if !who.Staff {
		return nil, problem.New(problem.Forbidden, "定期清理清单仅限工作人员使用，请先登录")
	}
	if days < 0 || days > cleanup.MaxDays {
		return nil, problem.Invalidf("days", "days 应为 0 到 %d 之间的整数", cleanup.MaxDays)
	}
	return cleanup.Build(st.Catalog, cleanup.Options{AsOf: d, Days: days}), nil
}

// MaxChangeWindowDays bounds a change-feed window.
const MaxChangeWindowDays = 3660

// Changes lists what changed between since and until (inclusive); the public sees
// changes to public works only.
func (st *State) Changes(since, until model.Date, kinds []changes.Kind, who Viewer) (*changes.Feed, error) {
	if until < since {
		return nil, problem.Invalidf("until", "until（%s）早于 since（%s）", until, since)
	}
	if since.AddDays(MaxChangeWindowDays) < until {
		return nil, problem.Invalidf("since", "时间窗口最长 %d 天", MaxChangeWindowDays)
	}
	return changes.Collect(st.Catalog, changes.Options{Since: since, Until: until, Kinds: kinds, Public: !who.Staff}), nil
}

// CatalogueCSV streams the public catalogue as of d as CSV; it lists public works
// only, whoever asks, so it can be republished as it is.
func (st *State) CatalogueCSV(w io.Writer, d model.Date, base string, bom bool) error {
	return opendata.WriteCSV(w, st.Catalog, d, base, bom)
}

// CatalogueJSONL streams the public catalogue as of d as JSON Lines.
func (st *State) CatalogueJSONL(w io.Writer, d model.Date, base string) error {
	return opendata.WriteJSONL(w, st.Catalog, d, base)
}
