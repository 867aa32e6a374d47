package extract

import (
	"math/bits"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlStats are measured once per element, bottom-up.
type htmlStats struct {
	han    int    // Chinese characters outside links
	link   int    // Chinese characters inside links
	labels uint16 // which metadata labels (索引号 …) the subtree mentions
	score  float64
	own    float64 // the part of score from text whose nearest container is this one
}

type htmlPage struct {
	title string
	main  *html.Node
	meta  *html.Node // metadata table outside the main container, if any
	stats map[*html.Node]*htmlStats
}

// Metadata labels of government disclosure pages (政府信息公开).
var htmlMetaLabels = []string{"索引号", "发文机关", "发文字号", "成文日期", "发布日期", "主题分类", "公文种类", "发布机构", "文号", "主题词", "有效性"}

var (
	htmlGoodName = regexp.MustCompile(`(?i)content|article|zoom|trs_editor|custom_unionstyle|pages_content|xxgk|detail|artibody|zhengwen|\bzw\b|con_text|news_con`)
	htmlBadName  = regexp.MustCompile(`(?i)nav|menu|footer|foot|header|breadcrumb|crumb|sidebar|share|copyright|banner|comment|related|recommend|bottom|location|position`)
)

func analyseHTML(doc *html.Node) *htmlPage {
	p := &htmlPage{stats: map[*html.Node]*htmlStats{}}
	body := findElement(doc, atom.Body)
	if body == nil {
		body = doc
	}
	p.measure(body, false)
	p.scoreBlocks(body)
	p.main = p.pickMain(body)
	p.meta = p.pickMeta(body)
	if p.meta != nil && (htmlContains(p.main, p.meta) || htmlContains(p.meta, p.main)) {
		p.meta = nil
	}
	p.title = p.pickTitle(doc)
	return p
}

func (p *htmlPage) text() string {
	var parts []string
	if p.meta != nil {
		parts = append(parts, renderHTML(p.meta))
	}
	body := renderHTML(p.main)
	if p.title != "" && !strings.Contains(htmlCompact(body), htmlCompact(p.title)) {
		parts = append(parts, p.title)
	}
	parts = append(parts, body)
	return strings.Join(parts, "\n\n")
}

// htmlInvisible reports elements that hold no reading text.
func htmlInvisible(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type == html.CommentNode
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Select, atom.Option,
		atom.Button, atom.Svg, atom.Head, atom.Object, atom.Embed, atom.Textarea, atom.Input:
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(htmlAttr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

func (p *htmlPage) measure(n *html.Node, inLink bool) *htmlStats {
	s := &htmlStats{}
	p.stats[n] = s
	if n.Type == html.TextNode {
		c := htmlCountHan(n.Data)
		if inLink {
			s.link = c
		} else {
			s.han = c
		}
		for i, l := range htmlMetaLabels {
			if strings.Contains(n.Data, l) {
				s.labels |= 1 << i
			}
		}
		return s
	}
	if htmlInvisible(n) {
		return s
	}
	if n.DataAtom == atom.A && htmlAttr(n, "href") != "" {
		inLink = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := p.measure(c, inLink)
		s.han += cs.han
		s.link += cs.link
		s.labels |= cs.labels
	}
	return s
}

func isContainer(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Div, atom.Td, atom.Article, atom.Section, atom.Main, atom.Body, atom.Center, atom.Form, atom.Blockquote:
		return true
	}
	return false
}

// scoreBlocks credits each run of text to its nearest container in full and to
// the next container up in half, so a container of many paragraphs outscores both
// a lone long paragraph and the page that wraps everything.
func (p *htmlPage) scoreBlocks(n *html.Node) {
	if htmlInvisible(n) {
		return
	}
	if n.Type == html.TextNode {
		c := htmlCountHan(n.Data)
		if c == 0 || insideLink(n) {
			return
		}
		first := nearestContainer(n.Parent)
		if first == nil {
			return
		}
		// Commas mark running prose; navigation and footers have none.
		w := float64(c) + 5*float64(strings.Count(n.Data, "，")+strings.Count(n.Data, "。"))
		p.stats[first].score += w
		p.stats[first].own += w
		if second := nearestContainer(first.Parent); second != nil {
			p.stats[second].score += w / 2
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.scoreBlocks(c)
	}
}

func nearestContainer(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if isContainer(n) {
			return n
		}
	}
	return nil
}

func insideLink(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.A && htmlAttr(a, "href") != "" {
			return true
		}
	}
	return false
}

func (p *htmlPage) pickMain(body *html.Node) *html.Node {
	var best *html.Node
	bestScore := 0.0
	consider := func(n *html.Node, raw float64) {
		s := p.stats[n]
		total := float64(s.han + s.link)
		if raw == 0 || total == 0 {
			return
		}
		score := raw * (1 - float64(s.link)/total) * nameWeight(n)
		if score > bestScore {
			best, bestScore = n, score
		}
	}
	// The body competes with the text written straight into it: a page without a
	// wrapper element holds its paragraphs there, and a table cell between them
	// must not win over them. Only its own text counts, not the half share of every
	// container below it, so a page of navigation, sidebars and footers around a
	// content element does not pick the whole page.
	if s := p.stats[body]; s != nil {
		consider(body, s.own)
	}
	walkElements(body, func(n *html.Node) bool {
		if htmlInvisible(n) {
			return false
		}
		if s := p.stats[n]; s != nil && isContainer(n) {
			consider(n, s.score)
		}
		return true
	})
	if best == nil || best == body {
		return body
	}
	// Climb to a wrapper that adds little text and few links: it usually holds the
	// article's heading and its 发布日期 line.
	for i := 0; i < 3 && best != body; i++ {
		up := nearestContainer(best.Parent)
		if up == nil {
			break
		}
		s, u := p.stats[best], p.stats[up]
		addedHan, addedLink := u.han-s.han, u.link-s.link
		if float64(u.han) > 1.3*float64(s.han) || addedLink > addedHan || nameWeight(up) < 1 || hasBadChild(up) {
			break
		}
		best = up
	}
	return best
}

// hasBadChild reports a wrapper that also holds navigation, a sidebar or a footer.
func hasBadChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (nameWeight(c) < 1 || c.DataAtom == atom.Nav || c.DataAtom == atom.Footer || c.DataAtom == atom.Aside) {
			return true
		}
	}
	return false
}

func nameWeight(n *html.Node) float64 {
	name := htmlAttr(n, "id") + " " + htmlAttr(n, "class")
	good, bad := htmlGoodName.MatchString(name), htmlBadName.MatchString(name)
	switch {
	case good && !bad:
		return 1.5
	case bad && !good:
		return 0.3
	}
	return 1
}

// pickMeta finds the smallest element that holds the most metadata labels (at least two).
func (p *htmlPage) pickMeta(body *html.Node) *html.Node {
	var best *html.Node
	bestLabels, bestSize := 1, 0
	walkElements(body, func(n *html.Node) bool {
		if htmlInvisible(n) {
			return false
		}
		s := p.stats[n]
		k := bits.OnesCount16(s.labels)
		if k > bestLabels || k == bestLabels && k >= 2 && s.han+s.link < bestSize {
			best, bestLabels, bestSize = n, k, s.han+s.link
		}
		return true
	})
	if best == nil || p.stats[best].han > 600 {
		return nil
	}
	return best
}
