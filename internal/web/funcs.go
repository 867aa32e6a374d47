package web

import (
	"html"
	"html/template"
	"strings"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

func funcs(as *assets) template.FuncMap {
	return template.FuncMap{
		"asset":       as.url,
		"statusClass": statusClass,
		"verifyNote":  verifyNote,
		"date":        chineseDate,
		"isodate":     isoDate,
		"marked":      marked,
		"workURL":     workURL,
		"versionURL":  versionURL,
		"fileURL":     fileURL,
		"join":        strings.Join,
		"add":         func(a, b int) int { return a + b },
		"orDash": func(s string) string {
			if strings.TrimSpace(s) == "" {
				return "—"
			}
			return s
		},
	}
}

// statusClass is the CSS class of a status badge; the badge always shows the status
// in words as well, so colour is never the only signal.
func statusClass(status string) string {
	switch validity.Status(status) {
	case validity.InForce:
		return "st-inforce"
	case validity.NotYetEffective:
		return "st-pending"
	case validity.Amended:
		return "st-amended"
	case validity.Repealed:
		return "st-repealed"
	case validity.Lapsed:
		return "st-lapsed"
	}
	return "st-none"
}

// verifyNote says why a document in force should still be checked before it is relied
// on, or "" when nothing calls for it: its source states another status (the claim),
// a document it rests on (依据) has been repealed or has lapsed, or the policy it
// explains (for a 政策解读) is no longer in force. The service words the last two into
// the status reason; the status itself stays 现行有效, as the rules make it.
func verifyNote(status, reason, claim string) string {
	if validity.Status(status) != validity.InForce {
		return ""
	}
	var notes []string
	if claim != "" {
		notes = append(notes, "数据来源标注为“"+claim+"”，与本库按日期计算的结果不一致")
	}
	if strings.Contains(reason, "；注意：所依据的") {
		notes = append(notes, "所依据的文件已废止或失效，本文件是否仍可适用需核实")
	}
	if strings.Contains(reason, "；注意：所解读的") {
		notes = append(notes, "所解读的文件已不再有效，本解读所述政策可能已不适用")
	}
	// Notes of the batch check (service.checkOne) on what the line itself gave.
	if strings.Contains(reason, "（注意：库中未找到所填文号") {
		notes = append(notes, "所填文号与库中该文件的文号不符")
	}
	if strings.Contains(reason, "（注意：库中未收录") {
		notes = append(notes, "所指的版本未收录，结果为该文件在所查日期的效力")
	}
	if strings.Contains(reason, "个同名或同号文件，请核对发文机关") {
		notes = append(notes, "另有同名或同号文件，请核对发文机关")
	}
	if len(notes) == 0 {
		return ""
	}
	return strings.Join(notes, "；") + "。"
}

func chineseDate(d model.Date) string { return d.Chinese() }

func isoDate(d model.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// marked renders a highlight from the search layer: HTML-escaped text with <mark>
// around matches. Only the <mark> tags survive; every stretch between them is
// unescaped and escaped again, so nothing else can ever reach the page as markup.
func marked(s string) template.HTML {
	var b strings.Builder
	b.Grow(len(s) + 16)
	open := false
	for len(s) > 0 {
		i := strings.Index(s, "<")
		if i < 0 {
			b.WriteString(html.EscapeString(html.UnescapeString(s)))
			break
		}
		b.WriteString(html.EscapeString(html.UnescapeString(s[:i])))
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "<mark>") && !open:
			b.WriteString("<mark>")
			s, open = s[len("<mark>"):], true
		case strings.HasPrefix(s, "</mark>") && open:
			b.WriteString("</mark>")
			s, open = s[len("</mark>"):], false
		default:
			b.WriteString("&lt;")
			s = s[1:]
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}
