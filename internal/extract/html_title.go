package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var titleSeparators = regexp.MustCompile(`\s*(?:_|\||｜|\s[-–—]\s|--|——)\s*`)

// pickTitle prefers the page heading that agrees with <title>, and strips site
// suffixes such as “_XX市人民政府” from <title>.
func (p *htmlPage) pickTitle(doc *html.Node) string {
	titleTag := ""
	if t := findElement(doc, atom.Title); t != nil {
		titleTag = strings.TrimSpace(collapseSpace(nodeText(t)))
	}
	stripped := ""
	for _, part := range titleSeparators.Split(titleTag, -1) {
		if utf8.RuneCountInString(part) > utf8.RuneCountInString(stripped) {
			stripped = strings.TrimSpace(part)
		}
	}
	var headings []string
	walkElements(doc, func(n *html.Node) bool {
		if htmlInvisible(n) {
			return false
		}
		name := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
		if n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3 ||
			strings.Contains(name, "title") && !strings.Contains(name, "sub") {
			if h := strings.TrimSpace(collapseSpace(nodeText(n))); htmlCountHan(h) >= 4 && utf8.RuneCountInString(h) <= 150 {
				headings = append(headings, h)
			}
		}
		return true
	})
	compactTitle := htmlCompact(stripped)
	best := ""
	for _, h := range headings {
		ch := htmlCompact(h)
		if compactTitle != "" && (strings.Contains(compactTitle, ch) || strings.Contains(ch, compactTitle)) &&
			utf8.RuneCountInString(h) > utf8.RuneCountInString(best) {
			best = h
		}
	}
	if best != "" {
		return best
	}
	if stripped != "" && !siteName.MatchString(stripped) {
		return stripped
	}
	for _, h := range headings {
		if htmlCountHan(h) >= 6 && !siteName.MatchString(h) {
			return h
		}
	}
	return stripped
}

var siteName = regexp.MustCompile(`(人民政府|政府网|门户网站|网站|官网|首页)$`)
