package search

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"
)

type span struct{ start, end int } // byte offsets

// matches finds every occurrence of the literals in s, longest literal winning where
// they overlap, so a highlight marks the whole word that matched.
func matches(s string, literals []string) []span {
	var all []span
	for _, lit := range literals {
		if lit == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(s[i:], lit)
			if j < 0 {
				break
			}
			all = append(all, span{i + j, i + j + len(lit)})
			i += j + len(lit)
			if len(all) > 5000 {
				break
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	var out []span
	for _, m := range all {
		if n := len(out); n > 0 && m.start < out[n-1].end {
			if m.end > out[n-1].end {
				out[n-1].end = m.end
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// Mark returns s HTML-escaped with <mark> around every match of the literals.
func Mark(s string, literals []string) string {
	return markRange(s, 0, len(s), matches(s, literals))
}

func markRange(s string, from, to int, ms []span) string {
	var b strings.Builder
	pos := from
	for _, m := range ms {
		if m.end <= from || m.start >= to {
			continue
		}
		st, en := max(m.start, from), min(m.end, to)
		b.WriteString(html.EscapeString(s[pos:st]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(s[st:en]))
		b.WriteString("</mark>")
		pos = en
	}
	b.WriteString(html.EscapeString(s[pos:to]))
	return b.String()
}

// Snippets picks up to n fragments of about width runes around matches, preferring
// fragments that show the most different literals, in text order.
func Snippets(text string, literals []string, n, width int) []string {
	ms := matches(text, literals)
	if len(ms) == 0 {
		return nil
	}
	type frag struct {
		from, to int
		score    int
	}
	var frags []frag
	used := -1
	for i, m := range ms {
		if m.start < used {
			continue
		}
		from := backRunes(text, m.start, width/3)
		to := forwardRunes(text, m.start, width)
		distinct := map[string]bool{}
		for _, o := range ms[i:] {
			if o.start >= to {
				break
			}
			distinct[text[o.start:o.end]] = true
		}
		frags = append(frags, frag{from, to, len(distinct)*100 + (m.end - m.start)})
		used = to
	}
	sort.SliceStable(frags, func(i, j int) bool { return frags[i].score > frags[j].score })
	if len(frags) > n {
		frags = frags[:n]
	}
	sort.Slice(frags, func(i, j int) bool { return frags[i].from < frags[j].from })
	out := make([]string, 0, len(frags))
	for _, f := range frags {
		s := markRange(text, f.from, f.to, ms)
		s = strings.Join(strings.Fields(s), " ")
		if f.from > 0 {
			s = "…" + s
		}
		if f.to < len(text) {
			s += "…"
		}
		out = append(out, s)
	}
	return out
}

// backRunes moves back up to n runes from byte offset i, stopping after a paragraph break.
func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		if s[i-size] == '\n' {
			break
		}
		i -= size
	}
	return i
}

// forwardRunes moves forward n runes from byte offset i.
func forwardRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}
