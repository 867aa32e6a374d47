package web

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/api"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

type checkView struct {
	Input   string
	AsOf    model.Date
	AsOfSet bool
	AsOfQ   string
	Today   model.Date
	Items   int
	Rows    []checkRow
	Counts  []statusCount
	Missing int
	Max     int
	Error   string // why the list was not checked (too many lines, a bad date); the form keeps the input
}

type checkRow struct {
	N int
	service.ValidityResult
	Status  string
	Title   string
	Number  string
	URL     string
	MatchBy string
	// Suggest are the documents a line that matched nothing may have meant.
	Suggest []suggestion
}

type suggestion struct {
	Title, Status, URL string
}

type statusCount struct {
	Status string
	Count  int
}

// checkRequest reads the batch check's parameters from the query or a posted form:
// q (one number or title per line, or repeated) and asof.
func (h *Handler) checkRequest(r *http.Request) (items []string, input string, d model.Date, explicit bool, err error) {
	var vals url.Values
	if r.Method == http.MethodPost {
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			// A form posted with enctype="multipart/form-data": its fields, no files.
			err = r.ParseMultipartForm(api.MaxBody)
			if r.MultipartForm != nil {
				defer r.MultipartForm.RemoveAll()
			}
		} else {
			err = r.ParseForm()
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return nil, "", 0, false, problem.New(problem.TooLarge, "提交的内容过多")
			}
			return nil, "", 0, false, problem.Invalidf("q", "无法读取提交的表单")
		}
		vals = r.Form
	} else {
		vals = r.URL.Query()
	}
	if err := textProblem(vals); err != nil {
		return nil, "", 0, false, err
	}
	var lines []string
	for _, q := range vals["q"] {
		items = append(items, api.SplitLines(q)...)
		lines = append(lines, q)
	}
	input = strings.Join(lines, "\n")
	d, err = search.DateParam(vals, "asof", h.svc.Today())
	return items, input, d, vals.Get("asof") != "", err
}

// Check is GET and POST /check: the batch validity check for staff.
func (h *Handler) Check(w http.ResponseWriter, r *http.Request) {
	items, input, d, explicit, err := h.checkRequest(r)
	if p, ok := problem.As(err); ok && p.Kind == problem.Invalid && input != "" {
		// A bad date: the form again with the pasted list, not an error page that loses it.
		h.checkAgain(w, r, &checkView{Input: input, AsOf: h.svc.Today(), Max: service.MaxValidityItems}, p.Message)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &checkView{Input: input, AsOf: d, AsOfSet: explicit, AsOfQ: asofQuery(d, explicit), Today: h.svc.Today(),
		Items: len(items), Max: service.MaxValidityItems}
	if len(items) == 0 && (r.Method == http.MethodPost || r.URL.Query().Has("q")) {
		// Submitted with nothing to check: say so, rather than the same blank form again.
		h.checkAgain(w, r, v, "请输入要核对的发文字号或文件标题，每行一个。")
		return
	}
	if len(items) > service.MaxValidityItems {
		h.checkAgain(w, r, v, fmt.Sprintf("一次最多核对 %d 条，本次填写了 %d 条。请删去多余的行，或分批核对。", service.MaxValidityItems, len(items)))
		return
	}
	if len(items) > 0 {
		st, release, ok := h.state(w, r)
		if !ok {
			return
		}
		defer release()
		res, err := st.Validity(items, d, h.viewer(r))
		if err != nil {
			h.fail(w, r, err)
			return
		}
		counts := map[string]int{}
		for i, vr := range res {
			row := checkRow{N: i + 1, ValidityResult: vr, MatchBy: matchedByName(vr.MatchedBy)}
			if vr.Status != nil {
				row.Status = *vr.Status
				counts[row.Status]++
			} else {
				v.Missing++
			}
			if vr.Title != nil {
				row.Title = *vr.Title
			}
			if vr.DocNumber != nil {
				row.Number = *vr.DocNumber
			}
			if vr.WorkID != nil {
				row.URL = workURL(*vr.WorkID) + v.AsOfQ
			}
			for _, sg := range vr.Suggestions {
				row.Suggest = append(row.Suggest, suggestion{Title: sg.Title, Status: sg.Status, URL: workURL(sg.WorkID) + v.AsOfQ})
			}
			v.Rows = append(v.Rows, row)
		}
		for _, s := range []string{"现行有效", "尚未生效", "已废止", "已失效"} {
			if counts[s] > 0 {
				v.Counts = append(v.Counts, statusCount{s, counts[s]})
			}
		}
	}
	p := page{Title: "批量核对效力", Nav: "check", Data: v}
	if v.AsOfSet {
		p.AsOf = d.String() // a posted form's date is not in the URL
	}
	h.render(w, r, http.StatusOK, "check", p)
}

// checkAgain answers a list that could not be checked with the form, the input kept
// and the reason above it, and status 400.
func (h *Handler) checkAgain(w http.ResponseWriter, r *http.Request, v *checkView, msg string) {
	v.Error = msg
	h.render(w, r, http.StatusBadRequest, "check", page{Title: "批量核对效力", Nav: "check", Data: v})
}

func matchedByName(by *string) string {
	if by == nil {
		return "未找到"
	}
	switch *by {
	case "doc_number":
		return "发文字号"
	case "title":
		return "标题"
	}
	return *by
}

// CheckCSV is GET and POST /check.csv: the batch check as a spreadsheet. It is UTF-8
// with a byte-order mark, which is how Excel recognises UTF-8.
func (h *Handler) CheckCSV(w http.ResponseWriter, r *http.Request) {
	items, _, d, _, err := h.checkRequest(r)
	if err == nil && len(items) == 0 {
		err = problem.Invalidf("q", "请至少填写一个发文字号或标题")
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	res, err := st.Validity(items, d, h.viewer(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	_ = cw.Write([]string{"序号", "输入", "核对日期", "效力状态", "即将到期", "有效期至", "原因", "文件标题", "发文字号", "匹配方式", "文件编号"})
	for i, vr := range res {
		status := "未找到"
		if vr.Status != nil {
			status = *vr.Status
		}
		soon := ""
		if vr.ExpiresSoon {
			soon = "是"
		}
		_ = cw.Write(cells(strconv.Itoa(i+1), vr.Input, d.String(), status, soon, vr.ExpiryDate.String(), vr.StatusReason,
			deref(vr.Title), deref(vr.DocNumber), matchedByName(vr.MatchedBy), deref(vr.WorkID)))
	}
	cw.Flush()
	hd := w.Header()
	hd.Set("Content-Type", "text/csv; charset=utf-8")
	hd.Set("Content-Disposition", contentDisposition("效力核对结果_"+d.String()+".csv", "validity-check_"+d.String()))
	hd.Set("Cache-Control", "private, no-store")
	_, _ = w.Write(buf.Bytes())
}

// cells guards spreadsheet cells against formula injection: a pasted line starting
// with = + - @ would otherwise run as a formula when the file is opened.
func cells(vals ...string) []string {
	for i, s := range vals {
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			vals[i] = "'" + s
		}
	}
	return vals
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
