package meta

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// ref is a reference to another document written in a sentence: a 《title》 with the
// number cited after it, or a bare number.
type ref struct {
	title  string // cleaned, issuer prepended when written before 《关于…》
	number string // normalised
	// start and end span the reference in the sentence, issuer and （number） included.
	start, end int
}

// target is what a relation names: the title when written, else the number.
func (r ref) target() string {
	if r.title != "" {
		return r.title
	}
	return r.number
}

// relation is a relation of type typ naming the reference: by its title when written,
// with the number written beside it, else by its number.
func (r ref) relation(typ model.RelationType, ev string) model.Relation {
	rel := model.Relation{Type: typ, Target: r.target(), Evidence: ev}
	if r.title != "" {
		rel.TargetNumber = r.number
	}
	return rel
}

// refsIn finds the references of a sentence, in order.
func refsIn(s string) []ref {
	var out []ref
	nums := docnum.FindAll(s)
	used := make([]bool, len(nums))
	for off := 0; ; {
		k := strings.Index(s[off:], "《")
		if k < 0 {
			break
		}
		open := off + k
		closeAt := matchingClose(s, open)
		if closeAt < 0 {
			break
		}
		r := ref{title: cleanTitle(s[open+len("《") : closeAt]), start: open, end: closeAt + len("》")}
		off = r.end
		// The number cited right after the title: 《…》（国办发〔2022〕8 号）.
		j := skipSpace(s, r.end, 2)
		if c, w := utf8.DecodeRuneInString(s[j:]); c == '（' || c == '(' {
			for i, m := range nums {
				if m.Start >= j+w && m.Start <= j+w+3 {
					r.number = m.Number
					used[i] = true
					e := skipSpace(s, m.End, 2)
					if idx := strings.IndexAny(s[e:], "）)"); idx >= 0 && idx < 40 {
						r.end = e + idx + 1
						if s[e+idx] != ')' {
							r.end = e + idx + len("）")
						}
					}
					off = r.end
					break
				}
			}
		}
		if strings.HasPrefix(r.title, "关于") {
			if issuer, at := issuerBefore(s, open); issuer != "" {
				r.title = issuer + r.title
				r.start = at
			}
		}
		// （以下简称《解释》） names a short form, not another document.
		if r.title == "" || strings.HasSuffix(strings.TrimRight(s[max(0, open-12):open], "“\"为 "), "简称") {
			continue
		}
		out = append(out, r)
	}
	for i, m := range nums {
		if used[i] || insideAny(out, m.Start) {
			continue
		}
		out = append(out, ref{number: m.Number, start: m.Start, end: m.End})
	}
	sortRefs(out)
	return out
}

// matchingClose finds the 》 closing the 《 at open, skipping nested 《》. A title may
// run over a line break of a PDF layout, not over a paragraph or a sentence.
func matchingClose(s string, open int) int {
	depth := 0
	for i := open; i < len(s) && i-open < 600; {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '《':
			depth++
		case '》':
			depth--
			if depth == 0 {
				return i
			}
		case '。':
			return -1
		case '\n':
			if strings.HasPrefix(s[i+1:], "\n") {
				return -1
			}
		}
		i += w
	}
	return -1
}

func insideAny(rs []ref, at int) bool {
	for _, r := range rs {
		if at >= r.start && at < r.end {
			return true
		}
	}
	return false
}

func sortRefs(rs []ref) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].start < rs[j-1].start; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// issuerRe reads the bodies written before a title: 最高人民法院、最高人民检察院《关于…》,
// 最高人民法院2012年12月20日发布的《关于…》.
var issuerRe = regexp.MustCompile(`([\p{Han}、 ]{2,40}?)\s*(?:于?\s*` + dateExpr + `)?\s*(?:发布|公布|印发|制定|下发)?的?\s*$`)

func issuerBefore(s string, open int) (string, int) {
	lo := max(0, open-150)
	for lo < open && !utf8.RuneStart(s[lo]) {
		lo++
	}
	m := issuerRe.FindStringSubmatchIndex(s[lo:open])
	if m == nil {
		return "", 0
	}
	cs, ce := lo+m[2], lo+m[3]
	// 2000年3月17日劳动保障部发布的《…》: the run of characters starts inside the date.
	for _, ds := range findDates(s[lo:open]) {
		if lo+ds.end > cs && lo+ds.end <= ce {
			cs = lo + ds.end
		}
	}
	cand := s[cs:ce]
	// Take the bodies at the end of the run: 本解释施行后最高人民法院 has none, and
	// 根据最高人民法院 starts with a verb.
	parts := splitBodies(cand)
	var bodies []string
	for i := len(parts) - 1; i >= 0; i-- {
		p := parts[i]
		if !isBodyName(p) {
			// 根据最高人民法院: keep the body at the end of the word.
			for _, b := range []string{"最高人民法院", "最高人民检察院", "国务院办公厅", "国务院"} {
				if strings.HasSuffix(p, b) {
					bodies = append([]string{b}, bodies...)
				}
			}
			break
		}
		bodies = append([]string{p}, bodies...)
	}
	if len(bodies) == 0 {
		return "", 0
	}
	issuer := strings.Join(bodies, "、")
	start := cs + strings.Index(cand, bodies[0])
	return issuer, start
}

// modifierRe is what may describe the next document in a list: ，1993年9月23日北京市
// 人民政府第14号令发布的《…》.
var modifierRe = regexp.MustCompile(`^[、，,]?\s*(?:和|及|以及|与)?\s*(?:` + dateExpr + `)?[^《》。；;]{0,80}?(?:通过|发布|公布|印发|颁布|制定|施行|实施)的\s*$`)

// separatorOnly reports whether the text between two references only joins them.
func separatorOnly(s string) bool {
	c := strings.Trim(compact(s), "、，,；;")
	switch c {
	case "", "和", "及", "以及", "与", "或", "或者", "、以及":
		return true
	}
	return false
}
