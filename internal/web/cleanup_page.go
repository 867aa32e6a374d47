package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/guifan/guifan/internal/cleanup"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
)

type cleanupView struct {
	AsOf      model.Date
	Days      int
	List      *cleanup.List
	Sections  []cleanupSection
	CSV, XLSX string // the export links
}

type cleanupSection struct {
	Name string
	Rows []cleanupRow
}

type cleanupRow struct {
	cleanup.Row
	URL         string
	RelatedURL  string
	HasDaysLeft bool
	Left        int
}

// Cleanup is GET /staff/cleanup: the 定期清理 list for staff — documents whose 有效期
// ends soon, in-force documents resting on a repealed basis, orphaned interpretations,
// normative documents without an 有效期 — with CSV and XLSX downloads.
func (h *Handler) Cleanup(w http.ResponseWriter, r *http.Request) {
	who := h.viewer(r)
	if !who.Staff {
		h.fail(w, r, problem.New(problem.Forbidden, "定期清理清单仅限工作人员使用，请先登录"))
		return
	}
	q := r.URL.Query()
	if !h.textParams(w, r, q) {
		return
	}
	d, err := search.DateParam(q, "asof", h.svc.Today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	days := cleanup.DefaultDays
	if s := q.Get("days"); s != "" {
		if days, err = strconv.Atoi(s); err != nil || days < 0 || days > cleanup.MaxDays {
			h.fail(w, r, problem.Invalidf("days", "提前天数应为 0 到 %d 之间的整数", cleanup.MaxDays))
			return
		}
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	list, err := st.Cleanup(d, days, who)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	params := url.Values{"asof": {d.String()}, "days": {strconv.Itoa(days)}}.Encode()
	v := &cleanupView{AsOf: d, Days: days, List: list, CSV: "/api/cleanup.csv?" + params, XLSX: "/api/cleanup.xlsx?" + params}
	asof := "?asof=" + d.String()
	byCat := map[cleanup.Category][]cleanupRow{}
	var order []cleanup.Category
	for _, row := range list.Rows {
		if _, seen := byCat[row.Category]; !seen {
			order = append(order, row.Category)
		}
		cr := cleanupRow{Row: row, URL: workURL(row.WorkID) + asof}
		if row.DaysLeft != nil {
			cr.HasDaysLeft, cr.Left = true, *row.DaysLeft
		}
		if row.Related != nil && row.Related.WorkID != "" {
			cr.RelatedURL = workURL(row.Related.WorkID) + asof
		}
		byCat[row.Category] = append(byCat[row.Category], cr)
	}
	for _, c := range order {
		v.Sections = append(v.Sections, cleanupSection{Name: c.Chinese(), Rows: byCat[c]})
	}
	h.render(w, r, http.StatusOK, "cleanup", page{Title: "定期清理", Nav: "cleanup", Data: v})
}
