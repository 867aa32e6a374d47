package meta

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// fields are the labelled values of the information table government websites and
// some files print above a document (索引号：… 发文字号：… 成文日期：…).
type fields struct {
	title, docNumber      string
	authorities           []string
	written, published    model.Date // 成文日期, 发布日期
	effective, expiry     model.Date
	effectiveEv, expiryEv string
	index, registration   string
	topics                []string
	disclosure            model.Disclosure
	disclosureEv          string
	status                string // the website's own status claim (有效性：失效), as a source status code
}

// labels maps each label to the field it fills.
var labels = map[string]string{
	"索引号": "index", "主题分类": "topics", "主题词": "topics", "发文机关": "authority", "发布机关": "authority",
	"发文单位": "authority", "制定机关": "authority", "发文字号": "docnum", "文号": "docnum", "成文日期": "written",
	"发布日期": "published", "公布日期": "published", "印发日期": "published", "标题": "title", "文件名称": "title",
	"登记号": "registration", "统一登记号": "registration", "登记编号": "registration", "生效日期": "effective",
	"施行日期": "effective", "实施日期": "effective", "失效日期": "expiry", "有效期至": "expiry",
	"公开方式": "disclosure", "公开属性": "disclosure", "公开类型": "disclosure",
	"有效期": "period", "有效期限": "period",
	"有效性": "status", "时效性": "status", "效力状态": "status", "时效状态": "status",
}

// standalone are the fields whose labels count only at the start of a line or a cell:
// words that end longer labels of other things (证书有效期, 产品有效性).
var standalone = map[string]bool{"period": true, "status": true}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// labelNames is the labels, longest first, so 统一登记号 wins over 登记号.
var labelNames = func() []string {
	var out []string
	for k := range labels {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}()

type labelAt struct {
	name       string
	start, end int // of the label and its colon
}

func readFields(d *doc) fields {
	var f fields
	lines := d.lines
	if len(lines) > 40 {
		lines = lines[:40]
	}
	for i, l := range lines {
		if len(l.s) > 900 || !strings.Contains(l.s, "：") && !strings.Contains(l.s, ":") && len(l.s) > 20 {
			continue
		}
		found := labelsIn(l.s)
		if len(found) == 0 {
			continue
		}
		for k, lab := range found {
			end := len(l.s)
			if k+1 < len(found) {
				end = found[k+1].start
			}
			val := strings.TrimSpace(l.s[lab.end:end])
			evidence := strings.TrimSpace(l.s[lab.start:end])
			// A label alone on its line, its value on the next (tables laid out by OFD and PDF readers).
			if val == "" && len(found) == 1 && i+1 < len(lines) && len(labelsIn(lines[i+1].s)) == 0 {
				val = lines[i+1].s
				evidence = lab.name + "：" + val
			}
			if val != "" {
				f.set(labels[lab.name], val, evidence)
			}
		}
	}
	return f
}

// labelsIn finds the labels followed by a colon in s, or a label that is the whole line.
func labelsIn(s string) []labelAt {
	var out []labelAt
	for _, name := range labelNames {
		for off := 0; ; {
			k := strings.Index(s[off:], name)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(name)
			if overlaps(out, at, off) {
				continue
			}
			if standalone[labels[name]] && at > 0 && !strings.ContainsRune(" \t\u3000|｜", lastRune(s[:at])) {
				continue // 证书有效期：… is a certificate's, not the document's
			}
			j := skipSpace(s, off, 3)
			switch {
			case strings.HasPrefix(s[j:], "："):
				out = append(out, labelAt{name, at, j + len("：")})
			case strings.HasPrefix(s[j:], ":"):
				out = append(out, labelAt{name, at, j + 1})
			case at == 0 && j == len(s):
				out = append(out, labelAt{name, at, j})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func overlaps(ls []labelAt, start, end int) bool {
	for _, l := range ls {
		if start < l.end && end > l.start {
			return true
		}
	}
	return false
}

func (f *fields) set(kind, val, evidence string) {
	switch kind {
	case "index":
		f.index = compact(val)
	case "registration":
		f.registration = compact(val)
	case "title":
		f.title = compact(val)
	case "docnum":
		f.docNumber = docnum.Normalize(val)
	case "authority":
		f.authorities = splitBodies(val)
	case "topics":
		f.topics = splitList(val)
	case "written":
		f.written = fieldDate(val)
	case "published":
		f.published = fieldDate(val)
	case "effective":
		if dt := fieldDate(val); dt != 0 {
			f.effective, f.effectiveEv = dt, evidence
		}
	case "expiry":
		if dt := fieldDate(val); dt != 0 {
			f.expiry, f.expiryEv = dt, evidence
		}
	case "disclosure":
		if dis := disclosureWord(val); dis != "" {
			f.disclosure, f.disclosureEv = dis, evidence
		}
	case "status":
		f.status = statusWord(val)
	case "period":
		// 有效期：2022-04-01至2025-03-31 — the first day and the last.
		if parts := periodJoinRe.Split(strings.TrimSpace(val), -1); len(parts) == 2 {
			from, until := fieldDate(parts[0]), fieldDate(strings.TrimSuffix(strings.TrimSpace(parts[1]), "止"))
			if from != 0 && until >= from {
				f.expiry, f.expiryEv = until, evidence
				if f.effective == 0 {
					f.effective, f.effectiveEv = from, evidence
				}
			}
		}
	}
}

// periodJoinRe is what joins the two days of a period: 至, 到, a dash (not the
// hyphens inside 2022-04-01).
var periodJoinRe = regexp.MustCompile(`\s*起?\s*(?:至|到|—+|－|~|～)\s*|\s+-\s+`)

// statusWord is the source status code of a website's 有效性 value: 有效, 失效, 废止 …;
// "" for anything else.
func statusWord(val string) string {
	switch v := compact(val); v {
	case "有效", "现行有效", "现行":
		return "in_force"
	case "失效", "已失效":
		return "expired"
	case "废止", "已废止":
		return "repealed"
	case "已修改", "已被修改", "已修订":
		return "amended"
	case "尚未生效", "未生效":
		return "not_yet_in_force"
	}
	return ""
}

// fieldDate reads a date value, which may carry a time (2022-06-20 10:30).
func fieldDate(s string) model.Date {
	s = strings.TrimSpace(s)
	if ds := findDates(s); len(ds) > 0 && ds[0].start == 0 {
		return ds[0].date
	}
	if i := strings.IndexAny(s, " \tT"); i > 0 {
		s = s[:i]
	}
	dt, _ := parseNumericDate(s)
	return dt
}

// splitList splits 主题分类 values such as 综合政务\政务公开 or 农业；财政.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("；;、,，/\\ 　|", r)
	}) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
