package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderHTML writes an element's visible text with the breaks a browser shows:
// a blank line between paragraphs and blocks, one row of a table per line with
// its cells apart, a line break for <br>.
func renderHTML(n *html.Node) string {
	r := &htmlRenderer{}
	r.walk(n, false)
	return r.b.String()
}

type htmlRenderer struct {
	b strings.Builder
}

func (r *htmlRenderer) br(s string) {
	// Never stack more breaks than asked for; Clean trims the rest.
	cur := r.b.String()
	trail := len(cur) - len(strings.TrimRight(cur, "\n"))
	for i := trail; i < len(s); i++ {
		r.b.WriteByte('\n')
	}
}

func (r *htmlRenderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			r.b.WriteString(n.Data)
		} else {
			r.b.WriteString(collapseSpace(n.Data))
		}
		return
	case html.ElementNode:
		if htmlInvisible(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	before, after := "", ""
	switch n.DataAtom {
	case atom.Br:
		r.br("\n")
		return
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table, atom.Ul, atom.Ol,
		atom.Dl, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Blockquote, atom.Pre, atom.Center,
		atom.Form, atom.Main, atom.Nav, atom.Aside, atom.Hr, atom.Address, atom.Figure, atom.Figcaption:
		before, after = "\n\n", "\n\n"
	case atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Caption:
		before, after = "\n", "\n"
	case atom.Td, atom.Th:
		if hasPrevElement(n) {
			r.b.WriteString(docxCellSep)
		}
	}
	if before != "" {
		r.br(before)
	}
	isPre := pre || n.DataAtom == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, isPre)
	}
	if after != "" {
		r.br(after)
	}
}

func hasPrevElement(n *html.Node) bool {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// collapseSpace folds source whitespace the way a browser does, except that a line
// break between two Chinese characters disappears: it comes from the editor that
// wrapped the HTML source, and Chinese has no spaces between words.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, " \t\n\r\f") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		j := i
		newline := false
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f') {
			newline = newline || s[j] == '\n' || s[j] == '\r'
			j++
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[j:])
		if !(newline && htmlWide(prev) && htmlWide(next)) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// wide reports characters written without spaces around them: Chinese characters
// and full-width punctuation.
func htmlWide(r rune) bool {
	return r != utf8.RuneError && r >= 0x2E80 && !unicode.IsSpace(r)
}
