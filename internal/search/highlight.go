package search

import (
	"html"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
)

type span struct{ start, end int } // byte offsets

// matches finds every occurrence of the literals in s, longest literal winning where
// they overlap, so a highlight marks the whole word that matched.
func matches(s string, literals []string) []span {
	return merge(literalSpans(nil, s, literals))
}

// literalSpans adds the occurrences of the literals in s to all. Letters match in
// either case, as the index matches them (a query's are lower-cased: gb/t finds GB/T).
// A literal of one ASCII letter or digit (the a of Q&A) matches only as a word of its
// own, not inside law or 2015.
func literalSpans(all []span, s string, literals []string) []span {
	folded := "" // s with its ASCII letters in lower case, made for the first literal with letters
	for _, lit := range literals {
		if lit == "" {
			continue
		}
		if len(lit) == 1 && isWordByte(lit[0]) {
			all = wordSpans(all, s, lit[0])
			continue
		}
		in := s
		if hasASCIILetter(lit) {
			if folded == "" {
				folded = asciiLower(s)
			}
			in, lit = folded, asciiLower(lit)
		}
		for i := 0; ; {
			j := indexFrom(in, lit, i)
			if j < 0 {
				break
			}
			all = append(all, span{j, j + len(lit)})
			i = j + len(lit)
			if len(all) > 5000 {
				break
			}
		}
	}
	return all
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// asciiLower is s with its ASCII letters in lower case: the same bytes otherwise, so
// offsets in it are offsets in s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// wordSpans adds the occurrences of the ASCII letter or digit c in s, in either case,
// that no other ASCII letter or digit touches.
func wordSpans(all []span, s string, c byte) []span {
	lo, up := c, c
	if c >= 'a' && c <= 'z' {
		up = c - 'a' + 'A'
	} else if c >= 'A' && c <= 'Z' {
		lo = c - 'A' + 'a'
	}
	next := func(c byte, from int) int {
		if k := strings.IndexByte(s[from:], c); k >= 0 {
			return from + k
		}
		return len(s)
	}
	nl, nu := next(lo, 0), len(s) // the next lower- and upper-case occurrence
	if up != lo {
		nu = next(up, 0)
	}
	for len(all) <= 5000 {
		i := min(nl, nu)
		if i == len(s) {
			break
		}
		if i == nl {
			nl = next(lo, i+1)
		} else {
			nu = next(up, i+1)
		}
		if (i == 0 || !isWordByte(s[i-1])) && (i+1 == len(s) || !isWordByte(s[i+1])) {
			all = append(all, span{i, i + 1})
		}
	}
	return all
}

// numberSpans adds the doc numbers written in s whose lookup key (docnum.Key) is one
// of keys, however they are written there (法释[2013]12号 for 法释〔2013〕12号). Every
// number ends in 号 or 号令: only the text before each 号 is read, not the whole text
// (a 100 KB law names a few dozen 号).
func numberSpans(all []span, s string, keys []string) []span {
	const before = 80 * 3 // an issuer of 40 characters, the year and the serial, in UTF-8
	for i := 0; ; {
		j := indexFrom(s, "号", i)
		if j < 0 {
			return all
		}
		i = j + len("号")
		from := max(0, j-before)
		for from < j && !utf8.RuneStart(s[from]) {
			from++
		}
		to := i
		if strings.HasPrefix(s[i:], "令") {
			to += len("令")
		}
		for _, m := range docnum.FindAll(s[from:to]) {
			// The number this 号 ends; earlier ones were read before their own 号.
			if from+m.End == to && slices.Contains(keys, docnum.Key(m.Number)) {
				all = append(all, span{from + m.Start, from + m.End})
			}
		}
	}
}

// merge sorts spans and joins those that overlap.
func merge(all []span) []span {
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

// indexFrom is strings.Index(s[i:], lit) + i, or -1: the first occurrence of lit at or
// after i. It looks for the literal's last byte rather than its first: in Chinese text
// the first byte of a literal is the lead byte of a common block, which starts a good
// part of all characters, while the last is one of 64 continuation bytes, so IndexByte
// stops at far fewer candidates. Finding every literal in each hit's whole text was a
// fifth of the search time on the corpus, whose texts average 18 KB.
func indexFrom(s, lit string, i int) int {
	k := len(lit) - 1
	c := lit[k]
	for i+len(lit) <= len(s) {
		p := strings.IndexByte(s[i+k:], c)
		if p < 0 {
			return -1
		}
		if s[i+p:i+p+len(lit)] == lit {
			return i + p
		}
		i += p + 1
	}
	return -1
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
	return snippets(text, literals, nil, n, width)
}

// snippets is Snippets marking the doc numbers with the given keys as well: a document
// found by a number it cites shows where it cites it.
func snippets(text string, literals, numbers []string, n, width int) []string {
	all := literalSpans(nil, text, literals)
	if len(numbers) > 0 {
		all = numberSpans(all, text, numbers)
	}
	ms := merge(all)
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
		// A fragment takes whole matches: cut at its ends, a match would be marked in
		// part (数 of 数据共享), a piece of a word that was not asked for.
		if k := sort.Search(len(ms), func(k int) bool { return ms[k].end > from }); k < len(ms) && ms[k].start < from {
			from = ms[k].start
		}
		if k := sort.Search(len(ms), func(k int) bool { return ms[k].end > to }); k < len(ms) && ms[k].start < to {
			to = ms[k].end
		}
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
		s := collapseSpace(markRange(text, f.from, f.to, ms))
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

// forwardRunes moves forward n runes from byte offset i (an invalid byte counts as one).
func forwardRunes(s string, i, n int) int {
	if n <= 0 {
		return i
	}
	for j := range s[i:] {
		if n == 0 {
			return i + j
		}
		n--
	}
	return len(s)
}

// collapseSpace is strings.Join(strings.Fields(s), " ") without the slice of fields:
// runs of white space become one space, none at either end.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for f := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}
