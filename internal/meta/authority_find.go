package meta

import (
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/textnorm"
)

// bodyEnds are the last characters of issuing bodies' names: 厅, 局, 委员会, 人民政府,
// 办公室, 领导小组, 人民法院, 国务院, 中共中央, 有限公司 …
const bodyEnds = "厅局委府室组院部署会行心站所处科队社团办央司军"

// isBodyName reports whether s looks like the name of one issuing body.
func isBodyName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 30 {
		return false
	}
	for _, r := range s {
		if !textnorm.IsHan(r) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(bodyEnds, last) {
		return false
	}
	// Words of a sentence, not of a name (现决定对最高人民法院 is no body).
	for _, w := range []string{"的", "关于", "印发", "通知", "是", "在", "了", "本", "各", "决定", "根据", "依据",
		"依照", "按照", "现", "为", "将", "由", "向", "请", "以", "及", "与", "并", "就", "按", "对于", "除", "通过", "同时", "已", "被", "把"} {
		if strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// splitBodies splits joint issuers written with 、，or spaces.
func splitBodies(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ';' || r == '；' || isBlank(r)
	}) {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// bodiesOfLine returns the bodies a line names when it names nothing else.
func bodiesOfLine(s string) []string {
	parts := splitBodies(s)
	if len(parts) == 0 || len(parts) > 6 {
		return nil
	}
	for _, p := range parts {
		if !isBodyName(p) {
			// 海南省农业农村厅 written 海 南 省 农 业 农 村 厅 by a spaced-out layout.
			if c := compact(s); len(parts) > 2 && isBodyName(c) {
				return []string{c}
			}
			return nil
		}
	}
	return parts
}

// findAuthorities reads the 发文机关: the information table, the red header
// (…文件, …文), the line of bodies above the title, the signature block, the part of
// the title before 关于, and last the body named in a law's header.
func findAuthorities(d *doc, f fields, law lawHeader, sig signature, title string) []string {
	if len(f.authorities) > 0 {
		return f.authorities
	}
	if a := redHeaderBodies(d); len(a) > 0 {
		return a
	}
	if len(sig.bodies) > 0 {
		return sig.bodies
	}
	if i := strings.Index(title, "关于"); i > 0 {
		var out []string
		for _, b := range splitBodies(title[:i]) {
			if isBodyName(b) {
				out = append(out, b)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return law.authorities
}

// redHeaderBodies reads the bodies printed above the number and title:
// 抚顺县政务公开领导小组文, 测试符路桥区卫生局文件, or 海南省农业农村厅 海南省财政厅
// on the line before 关于….
func redHeaderBodies(d *doc) []string {
	for i := 0; i < d.head; i++ {
		s := d.lines[i].s
		c := compact(s)
		if strings.HasPrefix(c, "关于") || d.isNumberLine(i) {
			return nil
		}
		switch {
		case c == "文件" && i > 0:
			// Joint red header: the bodies stacked above a single 文件.
			var out []string
			for k := max(0, i-4); k < i; k++ {
				out = append(out, bodiesOfLine(d.lines[k].s)...)
			}
			if len(out) > 0 {
				return out
			}
		case strings.HasSuffix(c, "文件"):
			if b := bodiesOfLine(strings.TrimSuffix(strings.TrimSpace(s), "文件")); len(b) > 0 {
				return b
			}
		case strings.HasSuffix(c, "文"):
			if b := bodiesOfLine(strings.TrimSuffix(strings.TrimSpace(s), "文")); len(b) > 0 {
				return b
			}
		}
		// A line of bodies right above the title.
		if i+1 < len(d.lines) && strings.HasPrefix(compact(d.lines[i+1].s), "关于") {
			if b := bodiesOfLine(s); len(b) > 0 {
				return b
			}
		}
	}
	return nil
}

// signature is the block that closes a document: the bodies, then the date.
type signature struct {
	bodies  []string
	date    model.Date
	dateEv  string
	printed model.Date // 版记 "2011年3月10日印发"
}

func findSignature(d *doc) signature {
	var sig signature
	for i := d.head; i < len(d.lines); i++ {
		s := d.lines[i].s
		if sig.printed == 0 && strings.HasSuffix(s, "印发") {
			if ds := findDates(s); len(ds) == 1 {
				sig.printed = ds[0].date
			}
		}
		if sig.date != 0 || len(s) > 80 {
			continue
		}
		dt, ok := parseDateLine(s)
		if !ok {
			continue
		}
		// The 版记 pairs the printing office with the date it was printed: not a signature.
		// A 版记 line of its own below ("…办公室 2011年3月10日印发") carries its date itself.
		if i+1 < len(d.lines) && strings.Contains(d.lines[i+1].s, "印发") && len(findDates(d.lines[i+1].s)) == 0 {
			continue
		}
		var bodies []string
		for k := i - 1; k >= max(d.head, i-4); k-- {
			b := bodiesOfLine(d.lines[k].s)
			if len(b) == 0 {
				break
			}
			bodies = append(b, bodies...)
		}
		next := ""
		if i+1 < len(d.lines) {
			next = d.lines[i+1].s
		}
		if len(bodies) == 0 && !(i+1 == len(d.lines) || strings.HasPrefix(next, "（此件") ||
			strings.HasPrefix(next, "(此件") || strings.HasPrefix(next, "附件")) {
			continue
		}
		sig.bodies, sig.date, sig.dateEv = bodies, dt, s
	}
	return sig
}

// isNumberLine reports whether line i is the document's number, alone or with 签发人.
func (d *doc) isNumberLine(i int) bool {
	return ownNumberOfLine(d.lines[i].s) != ""
}
