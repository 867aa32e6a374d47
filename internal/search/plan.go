package search

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/article"
	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/textnorm"
)

// Plan is a query as understood: the doc numbers it names, the quoted phrases it
// requires, and its words, each with the formal terms a colloquial word stands for.
type Plan struct {
	Raw     string
	Numbers []string // normalised doc numbers
	Phrases []string // quoted, required as written
	Units   []Unit   // words and phrases of the free text
	words   []string // words split into units one of which is a Piece, highlighted whole
	// titled is Raw without its version notes (（2018年修正）): what may be a whole title.
	titled string
}

// Unit is one thing the user asked for and the equivalent ways documents write it.
type Unit struct {
	Text string
	Alts []string // Text first, then synonyms
	Weak bool     // adds to the score but is not required (政策, 办理, a lone character)
	// Piece is a lone character left over from a longer word the user typed (法 of
	// 居民身份证法): it is matched, but not highlighted on its own.
	Piece bool
}

// Empty reports whether the query asks for nothing (browse everything).
func (p *Plan) Empty() bool { return len(p.Numbers) == 0 && len(p.Phrases) == 0 && len(p.Units) == 0 }

// Literals are the strings to highlight, longest first so a longer match wins.
func (p *Plan) Literals() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range p.Phrases {
		add(s)
	}
	for _, s := range p.words {
		add(s)
	}
	for _, u := range p.Units {
		if u.Piece {
			continue // 法 of 居民身份证法 would mark every 法 of 合法 and 本法
		}
		for _, a := range u.Alts {
			add(a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return utf8.RuneCountInString(out[i]) > utf8.RuneCountInString(out[j]) })
	return out
}

// numberKeys are the lookup keys (docnum.Key) of the numbers the query names.
func (p *Plan) numberKeys() []string {
	var keys []string
	for _, n := range p.Numbers {
		if k := docnum.Key(n); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// MaxQueryRunes bounds a query; longer input is refused by the request parser.
const MaxQueryRunes = 200

var (
	quoted    = regexp.MustCompile(`"([^"]+)"|“([^”]+)”|「([^」]+)」|《([^》]+)》`)
	numberish = regexp.MustCompile(`[\p{Han}A-Za-z]{1,12}\s*[〔\[［（(【﹝﹙〖〘{｛]\s*\d{4}\s*[〕\]］）)】﹞﹚〗〙}｝]\s*第?\s*\d{1,5}\s*号`)
)

// versionNote is a version's label written after a title (（2018年修正）, 2023年修订,
// (2018年第四次修正), 2018修正本). Hits stand for works, shown by their version in
// force, whose text need not repeat the note (the national database's texts start at
// 第一条), so a query does not require it of the text.
var versionNote = regexp.MustCompile(`[（(]?\s*\d{4}\s*年?\s*(?:第[一二三四五六七八九十]+次)?\s*(?:修正|修订|修改)[本版]?\s*[）)]?`)

// articleRef is an article number in a query: 第十九条, 第1079条, 第 16 条.
var articleRef = regexp.MustCompile(`第\s*([0-9]{1,4}|[一二三四五六七八九十百千零〇两]{1,8})\s*条`)

// Segmenter splits a run of Chinese text into the units a query asks for.
type Segmenter func(chunk string) []string

// ParsePlan analyses a query: doc numbers in any written form, quoted phrases (and
// 《titles》), then free text split at spaces and punctuation, with colloquial words
// rewritten to the terms documents use and question words dropped.
func ParsePlan(raw string) *Plan { return parsePlan(raw, segment) }

func parsePlan(raw string, seg Segmenter) *Plan {
	p := &Plan{Raw: raw}
	// The texts are simplified Chinese; a query typed or pasted in traditional characters
	// (勞動合同法) is read as its simplified form.
	raw = textnorm.Simplified(raw)
	q := textnorm.FoldWidth(strings.ToLower(raw))
	q = numberish.ReplaceAllStringFunc(q, func(m string) string {
		if n := docnum.Normalize(m); n != "" {
			p.Numbers = append(p.Numbers, n)
			return " "
		}
		return m
	})
	// Numbers without a bracketed year (国务院令第735号, 国家税务总局公告2019年第5号,
	// 国务院第14号令) and bracketed ones after other words, read as documents are read.
	if ms := docnum.FindAll(q); len(ms) > 0 {
		var b strings.Builder
		at := 0
		for _, m := range ms {
			b.WriteString(q[at:m.Start])
			b.WriteByte(' ')
			at = m.End
			p.Numbers = append(p.Numbers, m.Number)
		}
		b.WriteString(q[at:])
		q = b.String()
	}
	if len(p.Numbers) == 0 && typedNumber(q) {
		// A query that is a number in a form only a query writes (国办发〔2022〕8 without
		// 号, 法释2023年7号 without brackets), as the batch check reads it.
		if n := docnum.NormalizeTyped(q); n != "" {
			p.Numbers = append(p.Numbers, n)
			q = ""
		}
	}
	// An article named after its law (劳动合同法第十九条, 民法典第1079条): the law's words and
	// the article as the text heads it (第一千零七十九条), each a word of its own.
	q = articleRef.ReplaceAllStringFunc(q, func(m string) string {
		n := articleRef.FindStringSubmatch(m)[1]
		if v, err := strconv.Atoi(n); err == nil && v > 0 && v < 10000 {
			n = article.ChineseNumber(v)
		}
		return " 第" + n + "条 "
	})
	p.titled = raw
	if rest := versionNote.ReplaceAllString(q, " "); rest != q && strings.TrimFunc(rest, isSeparator) != "" {
		q = rest
		p.titled = versionNote.ReplaceAllString(textnorm.FoldWidth(raw), "")
	}
	q = quoted.ReplaceAllStringFunc(q, func(m string) string {
		inner := strings.TrimSpace(quoted.FindStringSubmatch(m)[0])
		inner = strings.Trim(inner, "\"“”「」《》")
		if inner = textnorm.Compact(inner); inner != "" {
			p.Phrases = append(p.Phrases, inner)
		}
		return " "
	})
	for _, chunk := range strings.FieldsFunc(q, isSeparator) {
		// Chinese and Latin or digits are words apart (第117次常务会议, 735号): the index
		// keeps a lone character between digits only inside its neighbours' bigrams.
		var ws []string
		for _, run := range scriptRuns(chunk) {
			ws = append(ws, seg(run)...)
		}
		pieces := false
		for _, w := range ws {
			u := Unit{Text: w, Alts: expand(w)}
			if len(ws) > 1 && utf8.RuneCountInString(w) == 1 && allHan(w) {
				u.Piece, pieces = true, true
			}
			p.Units = append(p.Units, u)
		}
		if pieces {
			p.words = append(p.words, chunk)
		}
	}
	strong := 0
	for i := range p.Units {
		u := &p.Units[i]
		// An article number beside a law's words (劳动合同法 第十九条) ranks the law's texts
		// that head it so, but is not required: some sources keep the headings apart
		// from the text.
		article := len(p.Units) > 1 && articleRef.MatchString(u.Text)
		u.Weak = weakWords[u.Text] || utf8.RuneCountInString(u.Text) == 1 && len(p.Units) > 1 || article
		if !u.Weak {
			strong++
		}
	}
	if strong == 0 && len(p.Numbers) == 0 && len(p.Phrases) == 0 {
		for i := range p.Units {
			p.Units[i].Weak = false
		}
	}
	return p
}

// scriptRuns splits a word where Chinese characters meet letters or digits.
func scriptRuns(s string) []string {
	var out []string
	start, prev := 0, 0 // prev: 0 none yet, 1 Chinese, 2 other
	for i, r := range s {
		kind := 2
		if isHan(r) {
			kind = 1
		}
		if prev != 0 && kind != prev {
			out = append(out, s[start:i])
			start = i
		}
		prev = kind
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// typedNumber tells whether a query may be one number as a whole: one word, or a word
// followed only by digits (法释2023 7号, 国办发 2022 8号).
func typedNumber(q string) bool {
	f := strings.Fields(q)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	for _, w := range f[1:] {
		if strings.TrimFunc(w, func(r rune) bool { return r >= '0' && r <= '9' || strings.ContainsRune("年第号-—－.", r) }) != "" {
			return false
		}
	}
	return true
}

// numberForms are the indexed values a normalised number may be found under: an
// order is written with or without the 中华人民共和国 its issuer may carry, and either
// form names it (docnum.Key), as the catalog's number lookup has it.
func numberForms(n string) []string {
	forms := []string{n}
	add := func(s string) {
		if s != "" && !slices.Contains(forms, s) {
			forms = append(forms, s)
		}
	}
	k := docnum.Key(n)
	add(k)
	if k != "" && !strings.Contains(k, "〔") {
		add(nationPrefix + k)
	}
	return forms
}

// nationPrefix is what orders and notices of national bodies may start with.
const nationPrefix = "中华人民共和国"

func isSeparator(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// segment splits a run of text into units: known colloquial words and question words
// are recognised by longest match (question words are dropped); what remains between
// them stays whole, because the bigram index matches any run as a phrase.
func segment(chunk string) []string {
	runes := []rune(chunk)
	var out []string
	var pending []rune
	flush := func() {
		if len(pending) > 0 {
			s := strings.TrimSpace(string(pending))
			if s != "" && !isStopword(s) {
				out = append(out, splitWeak(s)...)
			}
			pending = pending[:0]
		}
	}
	for i := 0; i < len(runes); {
		if n := longestKnown(runes[i:]); n > 0 {
			w := string(runes[i : i+n])
			flush()
			if !isStopword(w) {
				out = append(out, w)
			}
			i += n
			continue
		}
		pending = append(pending, runes[i])
		i++
	}
	flush()
	return out
}

// splitWeak splits off the generic words (weakWords) a run of unknown words starts or
// ends with — 失业保险金领取条件 is 失业保险金, 领取 and 条件; 办理居住证 is 办理 and
// 居住证 — as long as two characters or more are left: the rest is what the question
// is about, and the generic words only add to the score.
func splitWeak(s string) []string {
	whole := s
	var head, tail []string
	for {
		rs := []rune(s)
		if len(rs) < 4 {
			break
		}
		if w := string(rs[len(rs)-2:]); weakWords[w] {
			tail = append([]string{w}, tail...)
			s = string(rs[:len(rs)-2])
			continue
		}
		if w := string(rs[:2]); weakWords[w] && !strings.ContainsRune(nounEnds, rs[2]) {
			head = append(head, w)
			s = string(rs[2:])
			continue
		}
		break
	}
	if weakWords[s] {
		return []string{whole} // 申请条件: generic words only, asked for as written
	}
	return append(append(head, s), tail...)
}

// nounEnds make a generic word before them part of a noun (申请人, 申请表, 办理费):
// there it is not split off.
const nounEnds = "人书表者费单件点处机期日时方额率量数"

func longestKnown(rs []rune) int {
	for n := min(len(rs), maxWordRunes); n >= 2; n-- {
		w := string(rs[:n])
		if _, ok := synonyms[w]; ok || stopwords[w] {
			return n
		}
	}
	// One-character question particles count only at the end of a query or before
	// another known word, never inside a word (的 in 目的, 有 in 有效期).
	if len(rs) >= 1 && stopChars[rs[0]] && (len(rs) == 1 || longestKnownAt(rs[1:]) > 0) {
		return 1
	}
	return 0
}

func longestKnownAt(rs []rune) int {
	for n := min(len(rs), maxWordRunes); n >= 2; n-- {
		w := string(rs[:n])
		if _, ok := synonyms[w]; ok || stopwords[w] {
			return n
		}
	}
	return 0
}

// IsStopword reports whether a word is a question or filler word queries drop.
func IsStopword(s string) bool { return isStopword(s) }

// HasSynonyms reports whether the colloquial dictionary knows the word.
func HasSynonyms(s string) bool { _, ok := synonyms[s]; return ok }

func isStopword(s string) bool {
	if stopwords[s] {
		return true
	}
	rs := []rune(s)
	return len(rs) == 1 && stopChars[rs[0]]
}

func expand(w string) []string {
	alts := []string{w}
	for _, s := range synonyms[w] {
		if s != w {
			alts = append(alts, s)
		}
	}
	return alts
}
