package diff

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/article"
)

// A randomized property test of the comparison. Real articles from the shipped
// library (library/laws) are set in a model text; the model is edited as amendments
// edit laws — wording changed, articles inserted and removed with every later article
// renumbered (原第十条改为第十一条), 第X条之一 inserted without renumbering, an article
// moved, 款 split or merged, chapters renamed, added or removed, punctuation and spaces
// reformatted, the 题注 and the last article (施行日期) amended — and every edit is
// recorded. Some texts are written as the national law database writes them, the
// numbers apart (see article.HeadingsFromProvisions).
//
// The record is the oracle. Both texts first split into the items they were written
// with. Then every item of both versions is shown by exactly one row, with its text;
// an article kept or only reformatted is "same" and one reworded "changed", each set
// against the article it came from (or one of the same text), with the old number
// noted (原第十条) when it differs and no note when it does not; an inserted article is
// "added" and a removed one "removed" — but for an article removed and another
// inserted at its place in a comparison by number, which is that number rewritten;
// a row gives the old article's heading when it differs; the marks cover each text
// and leave unmarked the same text on both sides; the summary counts the rows; and
// the comparison the other way round pairs the same items, added and removed swapped.

// fate is what the edits did to an article of the new version.
type fate int

const (
	kept        fate = iota // its text is the old article's
	reformatted             // only width, punctuation variants, spaces or line breaks differ
	edited                  // its wording changed
	inserted                // a new article
)

func (f fate) String() string {
	return [...]string{"kept", "reformatted", "edited", "inserted"}[f]
}

// mArticle is an article of a model text.
type mArticle struct {
	origin int      // its index among the old version's articles; -1 when inserted
	paras  []string // its 款 (and items), without the label
	sub    bool     // numbered 第X条之Y after the article before it
	fate   fate
}

// mEntry is a chapter heading or an article.
type mEntry struct {
	chapter string // a chapter's title (总则) when the entry is a heading
	art     *mArticle
}

// mStyle is how a model text is written; both versions share it.
type mStyle struct {
	mdHeadings bool   // ## 第一章 总则, or a plain 第一章　总则 line
	labelSep   string // between 第X条 and the text
	paraSep    string // between 款
	// provisions writes the text as the national law database does: the articles
	// without their numbers, one block each, the numbers given apart as headings
	// (see article.HeadingsFromProvisions), no 题注 and no chapter headings.
	provisions bool
}

type mDoc struct {
	preamble string
	entries  []*mEntry
	style    mStyle
}

func (d *mDoc) clone() *mDoc {
	c := &mDoc{preamble: d.preamble, style: d.style}
	for _, e := range d.entries {
		ne := &mEntry{chapter: e.chapter}
		if e.art != nil {
			a := *e.art
			a.paras = slices.Clone(a.paras)
			ne.art = &a
		}
		c.entries = append(c.entries, ne)
	}
	return c
}

// mItem is an item of a rendered model text as the comparison should see it.
type mItem struct {
	label   string // 题注 or the canonical article number
	content string // the text without its label
	chapter string // the heading path: 第二章 待遇
	art     *mArticle
}

// render writes the text and lists its items, the 题注 first when there is one, and,
// for a text written as provisions, the headings that number its blocks.
func (d *mDoc) render() (string, []mItem, []string) {
	var b strings.Builder
	var items []mItem
	var headings []string
	if d.preamble != "" {
		b.WriteString(d.preamble)
		items = append(items, mItem{label: PreambleKey, content: d.preamble})
	}
	seq, sub, chap := 0, 0, 0
	chapter := ""
	for k, e := range d.entries {
		if e.art == nil && (k+1 == len(d.entries) || d.entries[k+1].art == nil) {
			continue // a chapter left without articles is dropped
		}
		if b.Len() > 0 && !(e.art == nil && d.style.provisions) {
			b.WriteString("\n\n")
		}
		if e.art == nil {
			chap++
			if d.style.provisions {
				continue
			}
			chapter = "第" + article.ChineseNumber(chap) + "章 " + strings.Join(strings.Fields(e.chapter), " ")
			if d.style.mdHeadings {
				b.WriteString("## 第" + article.ChineseNumber(chap) + "章 " + e.chapter)
			} else {
				b.WriteString("第" + article.ChineseNumber(chap) + "章\u3000" + e.chapter)
			}
			continue
		}
		if e.art.sub && seq > 0 {
			sub++
		} else {
			seq, sub = seq+1, 0
		}
		label := "第" + article.ChineseNumber(seq) + "条"
		if sub > 0 {
			label += "之" + article.ChineseNumber(sub)
		}
		content := strings.Join(e.art.paras, d.style.paraSep)
		if d.style.provisions {
			b.WriteString(content)
			headings = append(headings, label)
		} else {
			b.WriteString(label + d.style.labelSep + content)
		}
		items = append(items, mItem{label: label, content: content, chapter: chapter, art: e.art})
	}
	return b.String(), items, headings
}

func (d *mDoc) articles() []int {
	var idx []int
	for i, e := range d.entries {
		if e.art != nil {
			idx = append(idx, i)
		}
	}
	return idx
}

// source is a real law split into its articles, for models to be made of.
type source struct {
	title    string
	text     string
	preamble string
	arts     []article.Article
}

// propertySources reads the shipped library's laws whose articles are numbered in
// the text and fall under 第X章 headings.
func propertySources(t testing.TB) []source {
	t.Helper()
	f, err := os.Open("../../library/laws/national-sample.jsonl")
	if err != nil {
		t.Fatalf("the shipped library: %v", err)
	}
	defer f.Close()
	var out []source
	for _, r := range scanLaws(t, f, func(lawRecord) bool { return true }) {
		arts := article.Split(r.Text, nil)
		if len(arts) < 12 || arts[0].Kind != article.KindPreamble || !strings.HasPrefix(arts[1].Chapter, "第一章") {
			continue
		}
		s := source{title: r.Title, text: r.Text, preamble: arts[0].Body}
		ok := true
		for _, a := range arts[1:] {
			if a.Kind != article.KindArticle || a.Sub > 0 || a.Content() == "" {
				ok = false
				break
			}
			s.arts = append(s.arts, a)
		}
		if ok {
			out = append(out, s)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d laws with chapters in the shipped library", len(out))
	}
	return out
}

// chapterTitle is the title of an article's chapter: 第三章 网络运行安全 > 第一节 … →
// 网络运行安全.
func chapterTitle(path string) string {
	top, _, _ := strings.Cut(path, article.ChapterSep)
	rest, ok := strings.CutPrefix(top, "第")
	if !ok {
		return ""
	}
	_, after, ok := strings.Cut(rest, "章")
	if !ok {
		return ""
	}
	return strings.TrimSpace(after)
}

// paragraphs are an article's 款 and items, one a line.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// modelOf sets up to max articles of a law, from a random one on, in a model text.
func modelOf(rng *rand.Rand, s source, max int) *mDoc {
	d := &mDoc{preamble: s.preamble, style: mStyle{
		mdHeadings: rng.IntN(2) == 0,
		labelSep:   []string{" ", "\u3000"}[rng.IntN(2)],
		paraSep:    []string{"\n\n", "\n"}[rng.IntN(2)],
	}}
	if rng.IntN(6) == 0 {
		d.preamble = ""
	}
	if rng.IntN(4) == 0 {
		d.style.provisions, d.style.paraSep, d.preamble = true, "\n", ""
	}
	start := 0
	if len(s.arts) > max {
		start = rng.IntN(len(s.arts) - max)
	}
	arts := s.arts[start:min(len(s.arts), start+max)]
	chapter := ""
	for i, a := range arts {
		if c := chapterTitle(a.Chapter); c != "" && (i == 0 || c != chapter) {
			d.entries = append(d.entries, &mEntry{chapter: c})
			chapter = c
		}
		d.entries = append(d.entries, &mEntry{art: &mArticle{origin: i, paras: paragraphs(a.Content())}})
	}
	return d
}

// fold is the comparison's documented normalisation, written out again: widths,
// quote and bracket variants and white space do not count.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u3000' || r == '\u200b' || r == '\ufeff':
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == '“' || r == '”':
			r = '"'
		case r == '‘' || r == '’':
			r = '\''
		case r == '〔' || r == '【' || r == '［':
			r = '['
		case r == '〕' || r == '】' || r == '］':
			r = ']'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// dice is the share of character pairs two texts have in common.
func dice(a, b string) float64 {
	count := func(s string) map[[2]rune]int {
		rs := []rune(fold(s))
		m := map[[2]rune]int{}
		for i := 0; i+1 < len(rs); i++ {
			m[[2]rune{rs[i], rs[i+1]}]++
		}
		return m
	}
	ma, mb := count(a), count(b)
	na, nb, common := 0, 0, 0
	for k, n := range ma {
		na += n
		common += min(n, mb[k])
	}
	for _, n := range mb {
		nb += n
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(common) / float64(na+nb)
}

// editor applies random edits to a copy of an old model and records them.
type editor struct {
	rng     *rand.Rand
	old     *mDoc
	new     *mDoc
	sources []source
	self    int // the source the model was made of
	log     []string
	// preambleEdited records that the 题注 was amended.
	preambleEdited bool
}

var phrases = []string{"依法", "按照国家有关规定", "县级以上地方人民政府", "并向社会公布", "有关主管部门", "及时", "严格", "会同有关部门"}

var chapterTitles = []string{"监督管理", "信息公开", "保障措施", "服务与管理", "法律责任", "附则"}

// pickArticle returns the index in entries of a random article that keep accepts, or -1.
func (e *editor) pickArticle(keep func(*mArticle) bool) int {
	var idx []int
	for i, en := range e.new.entries {
		if en.art != nil && keep(en.art) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return -1
	}
	return idx[e.rng.IntN(len(idx))]
}

func untouched(a *mArticle) bool { return a.fate == kept }

func (e *editor) logf(format string, args ...any) {
	e.log = append(e.log, fmt.Sprintf(format, args...))
}

// freshArticle is a real article from another law, sharing little with any article of
// either version, so that it can only be new.
func (e *editor) freshArticle() []string {
	for range 50 {
		si := e.rng.IntN(len(e.sources))
		if si == e.self {
			continue
		}
		src := e.sources[si]
		a := src.arts[e.rng.IntN(len(src.arts))]
		text := a.Content()
		if n := utf8.RuneCountInString(text); n < 12 || n > 400 {
			continue
		}
		clash := false
		for _, d := range []*mDoc{e.old, e.new} {
			for _, en := range d.entries {
				if en.art != nil && dice(strings.Join(en.art.paras, ""), text) >= 0.3 {
					clash = true
				}
			}
		}
		if !clash {
			return paragraphs(text)
		}
	}
	return nil
}

// edit applies one random edit; false when it found nothing to apply it to.
func (e *editor) edit() bool {
	switch e.rng.IntN(14) {
	case 0, 1:
		return e.reword()
	case 2:
		return e.insert(false)
	case 3:
		return e.insert(true)
	case 4:
		return e.remove()
	case 5:
		return e.move()
	case 6:
		return e.splitParagraph()
	case 7:
		return e.mergeParagraphs()
	case 8:
		return e.renameChapter()
	case 9:
		return e.addChapter()
	case 10:
		return e.removeChapter()
	case 11:
		return e.reformat()
	case 12:
		return e.amendPreamble()
	default:
		return e.amendLast()
	}
}

// reword changes a few words of an article: a phrase inserted, a few characters
// replaced, or a clause dropped.
func (e *editor) reword() bool {
	i := e.pickArticle(func(a *mArticle) bool { return a.fate != inserted && a.fate != edited })
	if i < 0 {
		return false
	}
	a := e.new.entries[i].art
	p := e.rng.IntN(len(a.paras))
	rs := []rune(a.paras[p])
	before := fold(strings.Join(a.paras, ""))
	phrase := phrases[e.rng.IntN(len(phrases))]
	var what string
	switch e.rng.IntN(3) {
	case 0: // a phrase after a comma or before the full stop
		var at []int
		for k, r := range rs {
			if r == '，' || r == '。' && k > 0 {
				at = append(at, k)
			}
		}
		if len(at) == 0 {
			at = []int{len(rs)}
		}
		k := at[e.rng.IntN(len(at))]
		if k < len(rs) && rs[k] == '，' {
			k++
		}
		rs = slices.Insert(rs, k, []rune(phrase)...)
		what = "inserted " + phrase
	case 1: // a few characters replaced
		if len(rs) < 8 {
			return false
		}
		n := 2 + e.rng.IntN(3)
		k := e.rng.IntN(len(rs) - n)
		if strings.ContainsFunc(string(rs[k:k+n]), func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }) {
			return false
		}
		what = "replaced " + string(rs[k:k+n]) + " with " + phrase
		rs = slices.Replace(rs, k, k+n, []rune(phrase)...)
	default: // a clause dropped
		var commas []int
		for k, r := range rs {
			if r == '，' {
				commas = append(commas, k)
			}
		}
		if len(commas) < 2 {
			return false
		}
		c := e.rng.IntN(len(commas) - 1)
		from, to := commas[c], commas[c+1]
		if 5*(to-from) > utf8.RuneCountInString(before) {
			return false
		}
		what = "dropped " + string(rs[from:to])
		rs = slices.Delete(rs, from, to)
	}
	text := string(rs)
	if strings.HasPrefix(text, "第") {
		return false // could read as an article label
	}
	a.paras[p] = text
	if fold(strings.Join(a.paras, "")) == before {
		return false
	}
	a.fate = edited
	e.logf("reword article at %d: %s", i, what)
	return true
}

// insert adds a real article of another law: a numbered one, after which every
// article is renumbered, or a 第X条之一 after an article, which renumbers nothing.
func (e *editor) insert(sub bool) bool {
	paras := e.freshArticle()
	if paras == nil {
		return false
	}
	a := &mArticle{origin: -1, paras: paras, fate: inserted, sub: sub}
	if sub {
		i := e.pickArticle(func(*mArticle) bool { return true })
		if i < 0 {
			return false
		}
		for i+1 < len(e.new.entries) && e.new.entries[i+1].art != nil && e.new.entries[i+1].art.sub {
			i++
		}
		e.new.entries = slices.Insert(e.new.entries, i+1, &mEntry{art: a})
		e.logf("insert 之X article after entry %d", i)
		return true
	}
	i := e.rng.IntN(len(e.new.entries) + 1)
	// Not between an article and its 之X articles.
	for i < len(e.new.entries) && e.new.entries[i].art != nil && e.new.entries[i].art.sub {
		i++
	}
	e.new.entries = slices.Insert(e.new.entries, i, &mEntry{art: a})
	e.logf("insert article at entry %d", i)
	return true
}

func (e *editor) remove() bool {
	i := e.pickArticle(func(a *mArticle) bool { return a.fate != inserted })
	if i < 0 || len(e.new.articles()) < 3 {
		return false
	}
	e.logf("remove article at entry %d", i)
	e.new.entries = slices.Delete(e.new.entries, i, i+1)
	return true
}

// move takes an untouched article elsewhere.
func (e *editor) move() bool {
	i := e.pickArticle(func(a *mArticle) bool { return untouched(a) && !a.sub })
	if i < 0 {
		return false
	}
	en := e.new.entries[i]
	e.new.entries = slices.Delete(e.new.entries, i, i+1)
	j := e.rng.IntN(len(e.new.entries) + 1)
	for j < len(e.new.entries) && e.new.entries[j].art != nil && e.new.entries[j].art.sub {
		j++
	}
	if j == i {
		e.new.entries = slices.Insert(e.new.entries, i, en)
		return false
	}
	e.new.entries = slices.Insert(e.new.entries, j, en)
	e.logf("move article from entry %d to %d", i, j)
	return true
}

// splitParagraph breaks a 款 in two after one of its sentences: a line break, which
// the comparison documents as formatting.
func (e *editor) splitParagraph() bool {
	i := e.pickArticle(func(a *mArticle) bool { return a.fate == kept || a.fate == reformatted })
	if i < 0 {
		return false
	}
	a := e.new.entries[i].art
	for p, s := range a.paras {
		rs := []rune(s)
		for k := 1; k < len(rs)-1; k++ {
			if rs[k] == '。' && rs[k+1] != '第' {
				a.paras = slices.Replace(a.paras, p, p+1, string(rs[:k+1]), string(rs[k+1:]))
				a.fate = reformatted
				e.logf("split a paragraph of article at entry %d", i)
				return true
			}
		}
	}
	return false
}

func (e *editor) mergeParagraphs() bool {
	i := e.pickArticle(func(a *mArticle) bool { return (a.fate == kept || a.fate == reformatted) && len(a.paras) > 1 })
	if i < 0 {
		return false
	}
	a := e.new.entries[i].art
	p := e.rng.IntN(len(a.paras) - 1)
	a.paras = slices.Replace(a.paras, p, p+2, a.paras[p]+a.paras[p+1])
	a.fate = reformatted
	e.logf("merge paragraphs %d and %d of article at entry %d", p, p+1, i)
	return true
}

func (e *editor) chapters() []int {
	var idx []int
	for i, en := range e.new.entries {
		if en.art == nil {
			idx = append(idx, i)
		}
	}
	return idx
}

func (e *editor) renameChapter() bool {
	cs := e.chapters()
	if len(cs) == 0 {
		return false
	}
	i := cs[e.rng.IntN(len(cs))]
	old := e.new.entries[i].chapter
	e.new.entries[i].chapter = chapterTitles[e.rng.IntN(len(chapterTitles))] + "和" + old
	e.logf("rename chapter %q to %q", old, e.new.entries[i].chapter)
	return true
}

func (e *editor) addChapter() bool {
	i := e.pickArticle(func(a *mArticle) bool { return !a.sub })
	if i <= 0 || e.new.entries[i-1].art == nil {
		return false
	}
	title := chapterTitles[e.rng.IntN(len(chapterTitles))]
	e.new.entries = slices.Insert(e.new.entries, i, &mEntry{chapter: title})
	e.logf("add chapter %q before entry %d", title, i)
	return true
}

func (e *editor) removeChapter() bool {
	cs := e.chapters()
	if len(cs) == 0 {
		return false
	}
	i := cs[e.rng.IntN(len(cs))]
	e.logf("remove chapter %q", e.new.entries[i].chapter)
	e.new.entries = slices.Delete(e.new.entries, i, i+1)
	return true
}

// widthSwaps are formatting edits: full- and half-width forms, quote variants, spaces.
var widthSwaps = []*strings.Replacer{
	strings.NewReplacer("，", ",", "；", ";", "：", ":"),
	strings.NewReplacer("（", "(", "）", ")"),
	strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "5", "５", "9", "９"),
	strings.NewReplacer("“", "\"", "”", "\""),
	strings.NewReplacer("，", "， ", "。", "。 "),
	strings.NewReplacer("、", "、\u3000"),
}

func (e *editor) reformat() bool {
	i := e.pickArticle(func(a *mArticle) bool { return a.fate == kept || a.fate == reformatted })
	if i < 0 {
		return false
	}
	a := e.new.entries[i].art
	r := widthSwaps[e.rng.IntN(len(widthSwaps))]
	changed := false
	for p, s := range a.paras {
		if t := strings.TrimSpace(r.Replace(s)); t != s {
			a.paras[p] = t
			changed = true
		}
	}
	if !changed {
		return false
	}
	a.fate = reformatted
	e.logf("reformat article at entry %d", i)
	return true
}

func (e *editor) amendPreamble() bool {
	if e.new.preamble == "" {
		return false
	}
	line := "2025年6月1日 第十四届全国人民代表大会常务委员会第十五次会议修正"
	if before, after, ok := strings.Cut(e.new.preamble, "<!-- INFO END -->"); ok {
		e.new.preamble = before + line + "\n\n<!-- INFO END -->" + after
	} else {
		e.new.preamble += "\n\n" + line
	}
	e.preambleEdited = true
	e.logf("amend the 题注")
	return true
}

// amendLast changes the last article: its 施行日期, or a sentence added after it.
func (e *editor) amendLast() bool {
	idx := e.new.articles()
	a := e.new.entries[idx[len(idx)-1]].art
	if a.fate == inserted || a.fate == edited {
		return false
	}
	last := len(a.paras) - 1
	s := a.paras[last]
	if k := strings.Index(s, "起施行"); k >= 0 && e.rng.IntN(2) == 0 {
		s = s[:k] + "起施行，2026年1月1日起修订施行" + s[k+len("起施行"):]
	} else {
		s += "本办法施行前的有关规定与本办法不一致的，以本办法为准。"
	}
	a.paras[last] = s
	a.fate = edited
	e.logf("amend the last article")
	return true
}

// propertyCase is one generated pair of versions and its record.
type propertyCase struct {
	title              string
	oldText, newText   string
	oldHeads, newHeads []string // the numbers of a text written as provisions
	oldItems, newItems []mItem
	preambleEdited     bool
	log                []string
}

func makeCase(seed uint64, sources []source) propertyCase {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	si := rng.IntN(len(sources))
	old := modelOf(rng, sources[si], 10+rng.IntN(70))
	e := &editor{rng: rng, old: old, new: old.clone(), sources: sources, self: si}
	for n, tries := 1+rng.IntN(6), 0; n > 0 && tries < 500; tries++ {
		if e.edit() {
			n--
		}
	}
	c := propertyCase{title: sources[si].title, preambleEdited: e.preambleEdited, log: e.log}
	c.oldText, c.oldItems, c.oldHeads = old.render()
	c.newText, c.newItems, c.newHeads = e.new.render()
	return c
}

// rowSides finds, for each row, the item of each version it shows (-1 for none), and
// checks that every item of both versions is shown by exactly one row, with its text
// as written.
func rowSides(res Result, oldItems, newItems []mItem) (olds, news []int, errs []string) {
	index := func(items []mItem) map[string]int {
		m := map[string]int{}
		for i, it := range items {
			m[it.label] = i
		}
		return m
	}
	oldAt, newAt := index(oldItems), index(newItems)
	seenOld := make([]int, len(oldItems))
	seenNew := make([]int, len(newItems))
	for k, r := range res.Rows {
		o, n := -1, -1
		if r.Op != OpAdded {
			label := strings.TrimPrefix(r.Key, "原")
			if r.Op != OpRemoved && r.MovedFrom != "" {
				label = r.MovedFrom
			}
			i, ok := oldAt[label]
			switch {
			case !ok:
				errs = append(errs, fmt.Sprintf("row %d (%s %s): no old item %s", k, r.Key, r.Op, label))
			case r.Old != oldItems[i].content:
				errs = append(errs, fmt.Sprintf("row %d (%s %s): old text is not old %s's:\n  got  %.60q\n  want %.60q", k, r.Key, r.Op, label, r.Old, oldItems[i].content))
			default:
				o = i
				seenOld[i]++
			}
		}
		if r.Op != OpRemoved {
			i, ok := newAt[r.Key]
			switch {
			case !ok:
				errs = append(errs, fmt.Sprintf("row %d (%s %s): no new item", k, r.Key, r.Op))
			case r.New != newItems[i].content:
				errs = append(errs, fmt.Sprintf("row %d (%s %s): new text is not new %s's", k, r.Key, r.Op, r.Key))
			default:
				n = i
				seenNew[i]++
			}
		}
		olds, news = append(olds, o), append(news, n)
	}
	for i, c := range seenOld {
		if c != 1 {
			errs = append(errs, fmt.Sprintf("old %s shown by %d rows", oldItems[i].label, c))
		}
	}
	for i, c := range seenNew {
		if c != 1 {
			errs = append(errs, fmt.Sprintf("new %s shown by %d rows", newItems[i].label, c))
		}
	}
	return olds, news, errs
}

// checkSpans: the marks cover each side's text exactly, and what is left unmarked is
// the same on both sides once normalised.
func checkSpans(r Row) []string {
	var errs []string
	if r.Op != OpChanged {
		if len(r.OldSpans)+len(r.NewSpans) > 0 {
			errs = append(errs, fmt.Sprintf("%s %s: spans on an unchanged row", r.Key, r.Op))
		}
		return errs
	}
	if marked(r.OldSpans, "", "") != r.Old || marked(r.NewSpans, "", "") != r.New {
		errs = append(errs, fmt.Sprintf("%s: spans do not cover the text", r.Key))
	}
	unmarked := func(spans []Span) string {
		var b strings.Builder
		for _, s := range spans {
			if !s.Changed {
				b.WriteString(s.Text)
			}
		}
		return fold(b.String())
	}
	if a, b := unmarked(r.OldSpans), unmarked(r.NewSpans); a != b {
		errs = append(errs, fmt.Sprintf("%s: unmarked text differs:\n  old %q\n  new %q", r.Key, a, b))
	}
	return errs
}

// checkCase compares the case's versions and returns what disagrees with its record.
func checkCase(c propertyCase) []string {
	var errs []string
	// The texts split as they were written.
	for _, side := range []struct {
		name  string
		text  string
		heads []string
		items []mItem
	}{{"old", c.oldText, c.oldHeads, c.oldItems}, {"new", c.newText, c.newHeads, c.newItems}} {
		arts := article.Split(side.text, side.heads)
		if len(arts) != len(side.items) {
			return []string{fmt.Sprintf("%s text splits into %d items, written with %d", side.name, len(arts), len(side.items))}
		}
		for k, a := range arts {
			it := side.items[k]
			label := a.Anchor
			if a.Kind == article.KindPreamble {
				label = PreambleKey
			}
			if label != it.label || a.Content() != it.content || a.Kind == article.KindArticle && a.Chapter != it.chapter {
				return []string{fmt.Sprintf("%s text: item %d splits as %s %q (chapter %q), written as %s %q (chapter %q)",
					side.name, k, label, a.Content(), a.Chapter, it.label, it.content, it.chapter)}
			}
		}
	}
	res := Compare(c.oldText, c.newText, c.oldHeads, c.newHeads)
	olds, news, errs := rowSides(res, c.oldItems, c.newItems)
	if len(errs) > 0 {
		return errs
	}
	rowOfNew := map[int]int{}
	rowOfOld := map[int]int{}
	for k := range res.Rows {
		if news[k] >= 0 {
			rowOfNew[news[k]] = k
		}
		if olds[k] >= 0 {
			rowOfOld[olds[k]] = k
		}
	}
	// An old article's index among the old items (the 题注 comes first).
	oldIndex := map[int]int{}
	for i, it := range c.oldItems {
		if it.art != nil {
			oldIndex[it.art.origin] = i
		}
	}
	carried := map[int]bool{} // old items the new version carries
	for _, it := range c.newItems {
		switch {
		case it.art == nil:
			carried[0] = true
		case it.art.fate != inserted:
			carried[oldIndex[it.art.origin]] = true
		}
	}
	// An article removed and another inserted at its place leave one number with two
	// texts: aligned by number, 第X条 against 第X条, that is the article rewritten.
	replaced := map[int]bool{}
	for j, it := range c.newItems {
		r := res.Rows[rowOfNew[j]]
		i := olds[rowOfNew[j]]
		describe := func() string {
			s := fmt.Sprintf("new %s (%s", it.label, "题注")
			if it.art != nil {
				s = fmt.Sprintf("new %s (%s", it.label, it.art.fate)
				if it.art.origin >= 0 {
					s += ", from old " + c.oldItems[oldIndex[it.art.origin]].label
				}
			}
			s += fmt.Sprintf(") is row %s %s", r.Key, r.Op)
			if i >= 0 {
				s += " with old " + c.oldItems[i].label
			}
			if r.Note != "" {
				s += " (" + r.Note + ")"
			}
			return s
		}
		want := -1
		wantOp := OpSame
		switch {
		case it.art == nil: // the 题注
			if len(c.oldItems) > 0 && c.oldItems[0].art == nil {
				want = 0
				if c.preambleEdited {
					wantOp = OpChanged
				}
			} else {
				wantOp = OpAdded
			}
		case it.art.fate == inserted:
			wantOp = OpAdded
		default:
			want = oldIndex[it.art.origin]
			if it.art.fate == edited {
				wantOp = OpChanged
			}
		}
		if wantOp == OpAdded && r.Op == OpChanged && res.AlignedBy == "number" && i >= 0 && !carried[i] && c.oldItems[i].label == it.label {
			replaced[i] = true
			continue
		}
		// Articles of the same text cannot be told apart.
		samePartner := i == want || i >= 0 && want >= 0 && fold(c.oldItems[i].content) == fold(c.oldItems[want].content)
		switch {
		case r.Op != wantOp || (want >= 0) != (i >= 0) || want >= 0 && !samePartner:
			errs = append(errs, describe()+", want "+string(wantOp))
		case i >= 0 && c.oldItems[i].label != it.label && r.MovedFrom != c.oldItems[i].label:
			errs = append(errs, describe()+": renumbering not noted, want moved from "+c.oldItems[i].label)
		case i >= 0 && c.oldItems[i].label != it.label && !strings.Contains(r.Note, "原"+c.oldItems[i].label):
			errs = append(errs, describe()+": note lacks 原"+c.oldItems[i].label)
		case i >= 0 && c.oldItems[i].label == it.label && r.MovedFrom != "":
			errs = append(errs, describe()+": noted as moved")
		}
		if r.Chapter != it.chapter {
			errs = append(errs, fmt.Sprintf("%s: chapter %q, want %q", describe(), r.Chapter, it.chapter))
		}
		// A heading renamed or renumbered shows as the old article's heading.
		if i >= 0 {
			wantOld := c.oldItems[i].chapter
			if wantOld == it.chapter {
				wantOld = ""
			}
			if r.OldChapter != wantOld {
				errs = append(errs, fmt.Sprintf("%s: old chapter %q, want %q", describe(), r.OldChapter, wantOld))
			}
		}
	}
	for i, it := range c.oldItems {
		r := res.Rows[rowOfOld[i]]
		if !carried[i] && r.Op != OpRemoved && !replaced[i] {
			errs = append(errs, fmt.Sprintf("old %s was removed, is row %s %s", it.label, r.Key, r.Op))
		}
		if r.Op == OpRemoved && r.Chapter != it.chapter {
			errs = append(errs, fmt.Sprintf("removed old %s: chapter %q, want %q", it.label, r.Chapter, it.chapter))
		}
	}
	for _, r := range res.Rows {
		errs = append(errs, checkSpans(r)...)
	}
	errs = append(errs, checkSummary(res)...)
	errs = append(errs, checkMirror(res, olds, news, c)...)
	return errs
}

func checkSummary(res Result) []string {
	var s Summary
	for _, r := range res.Rows {
		switch r.Op {
		case OpSame:
			s.Same++
		case OpChanged:
			s.Changed++
		case OpAdded:
			s.Added++
		case OpRemoved:
			s.Removed++
		}
		if r.MovedFrom != "" {
			s.Moved++
		}
		if r.Coarse {
			s.Coarse++
		}
	}
	if s != res.Summary {
		return []string{fmt.Sprintf("summary %+v, rows count %+v", res.Summary, s)}
	}
	return nil
}

var mirrorOp = map[Op]Op{OpSame: OpSame, OpChanged: OpChanged, OpAdded: OpRemoved, OpRemoved: OpAdded}

// checkMirror: comparing the new version with the old pairs the same articles, with
// the outcomes mirrored.
func checkMirror(res Result, olds, news []int, c propertyCase) []string {
	back := Compare(c.newText, c.oldText, c.newHeads, c.oldHeads)
	bOlds, bNews, errs := rowSides(back, c.newItems, c.oldItems)
	if len(errs) > 0 {
		return append([]string{"reverse comparison:"}, errs...)
	}
	type pair struct {
		old, new int
		op       Op
	}
	key := func(p pair) string {
		o, n := "-", "-"
		if p.old >= 0 {
			o = fold(c.oldItems[p.old].content)
		}
		if p.new >= 0 {
			n = fold(c.newItems[p.new].content)
		}
		return string(p.op) + "|" + o + "|" + n
	}
	count := map[string]int{}
	for k, r := range res.Rows {
		count[key(pair{olds[k], news[k], r.Op})]++
	}
	for k, r := range back.Rows {
		count[key(pair{bNews[k], bOlds[k], mirrorOp[r.Op]})]--
	}
	for k, n := range count {
		if n != 0 {
			op, rest, _ := strings.Cut(k, "|")
			errs = append(errs, fmt.Sprintf("mirror: %s row %.50q counted %+d", op, rest, n))
		}
	}
	return errs
}

func TestComparePropertyRandomEdits(t *testing.T) {
	sources := propertySources(t)
	n := 600
	if testing.Short() {
		n = 100
	}
	failed := 0
	for seed := range uint64(n) {
		c := makeCase(seed, sources)
		errs := checkCase(c)
		if len(errs) == 0 {
			continue
		}
		failed++
		if failed <= 5 {
			t.Errorf("seed %d (%s), edits:\n  %s\nfailures:\n  %s", seed, c.title, strings.Join(c.log, "\n  "), strings.Join(errs, "\n  "))
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases failed", failed, n)
	}
}

// A version compared with itself is the same throughout: no change, no move.
func TestComparePropertySelf(t *testing.T) {
	sources := propertySources(t)
	for _, s := range sources {
		res := Compare(s.text, s.text, nil, nil)
		for _, r := range res.Rows {
			if r.Op != OpSame || r.MovedFrom != "" || r.MovedTo != "" || r.Note != "" {
				t.Errorf("%s compared with itself: row %s %s %q", s.title, r.Key, r.Op, r.Note)
				break
			}
		}
	}
}
