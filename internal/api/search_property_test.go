package api

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

// TestSearchAgreesWithOracle checks GET /api/search against a brute-force oracle on
// generated libraries (search_library_test.go), ingested for real.
//
// A hit is a work, shown by its version representing it on the as-of date (the latest
// version in effect then, else its first): the oracle reads that version's title and
// text. A word the query names must be in either: every such work is found (the text
// in effect is never missed), and nothing else is, but for what the index documents
// as a looser match — a word of four or more characters matches a text holding all of
// its trigrams, and a title holding its bigrams one after another across punctuation.
// A lone Chinese character matches wherever it is written; letters and digits match
// whole words, in either case; several words must all match (but those that narrow
// nothing: 政策, 办理, a lone character beside other words), a colloquial word by any of
// the terms it stands for (search.ParsePlan says which), a doc number the document's
// own or one its work cites, and a phrase as written. When no document the viewer may
// see matches, the search tries looser passes — any of the words (all but one of three
// or more), then any bigram of them — and is held to the same rule in each.
//
// Filters (status as of the date, 即将到期, level, authority, topic, year, from/to) keep
// exactly the works they name, with the status the product computes for each work (the
// status rules have their own oracle, TestStatusAgreesWithSpecOracle); facets count the
// works found with every filter applied, but the status facet, which ignores the status
// filter. Pages by number and by cursor, sorted by relevance or by date, cover the hits
// once each in the order of one large page; highlights mark the query's words and only
// them; the public never sees a restricted document and staff see them all; and the
// answer is the same from the caches and fast paths as from bleve's searchers alone,
// the first time and the second, and through HTTP.
//
// GUIFAN_SEARCH_ORACLE_SEEDS=n runs seeds 1 to n instead of the three kept here.
func TestSearchAgreesWithOracle(t *testing.T) {
	seeds := []int64{1, 2, 3}
	if n, _ := strconv.Atoi(os.Getenv("GUIFAN_SEARCH_ORACLE_SEEDS")); n > 0 {
		seeds = nil
		for s := range n {
			seeds = append(seeds, int64(s+1))
		}
	}
	if testing.Short() {
		seeds = seeds[:1]
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { checkSearchSeed(t, seed) })
	}
}

var oracleToday = model.Date(20261127)

const oracleStaffToken = "staff-token-for-search-oracle"

// searchCheck is one ingested library and what the checks found wrong.
type searchCheck struct {
	t       *testing.T
	r       *rand.Rand
	lib     *gLibrary
	st      *service.State
	h       *Handler
	works   map[string]*gWork
	verdict map[string]*service.WorkView // by work key and date, the product's status
	fails   map[string][]string
	counts  map[string]int // searches made, by kind
}

func checkSearchSeed(t *testing.T, seed int64) {
	start := time.Now()
	g := &gen{r: rand.New(rand.NewSource(seed))}
	lib := g.library(110)
	data, err := lib.jsonl()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	libDir, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := os.MkdirAll(libDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(libDir, "generated.jsonl"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if dump := os.Getenv("GUIFAN_SEARCH_ORACLE_DUMP"); dump != "" {
		// Keep the library to reproduce a disagreement by hand.
		if err := os.WriteFile(filepath.Join(dump, fmt.Sprintf("search-seed%d.jsonl", seed)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := ingest.Run(context.Background(), ingest.Options{Library: libDir, Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("ingest errors: %+v", rep.Errors)
	}
	svc := service.New(idx, nil)
	svc.Today = func() model.Date { return oracleToday }
	if _, err := svc.Reload(); err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	st, release, err := svc.Acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	gate, err := access.NewGate(oracleStaffToken, "")
	if err != nil {
		t.Fatal(err)
	}
	c := &searchCheck{t: t, r: rand.New(rand.NewSource(seed * 7919)), lib: lib, st: st, h: &Handler{Svc: svc, Gate: gate},
		works: map[string]*gWork{}, verdict: map[string]*service.WorkView{}, fails: map[string][]string{}, counts: map[string]int{}}
	for _, w := range lib.works {
		c.works[w.key] = w
	}
	c.sameTexts()
	ingested := time.Since(start)
	for _, q := range c.queries() {
		c.checkQuery(q)
	}
	kinds := make([]string, 0, len(c.counts))
	for k := range c.counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var summary []string
	for _, k := range kinds {
		summary = append(summary, fmt.Sprintf("%s %d", k, c.counts[k]))
	}
	t.Logf("%d works; ingest %s, checks %s: %s", len(lib.works), ingested.Round(time.Millisecond), (time.Since(start) - ingested).Round(time.Millisecond), strings.Join(summary, ", "))
	c.report()
}

// fail records a disagreement under a category; report prints a few of each.
func (c *searchCheck) fail(category, format string, args ...any) {
	c.fails[category] = append(c.fails[category], fmt.Sprintf(format, args...))
}

func (c *searchCheck) report() {
	cats := make([]string, 0, len(c.fails))
	for k := range c.fails {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	for _, k := range cats {
		msgs := c.fails[k]
		shown := msgs[:min(len(msgs), 6)]
		c.t.Errorf("%s: %d disagreements, e.g.\n  %s", k, len(msgs), strings.Join(shown, "\n  "))
	}
}

// sameTexts checks that the index holds the texts the oracle reads.
func (c *searchCheck) sameTexts() {
	for _, w := range c.lib.works {
		for _, v := range w.versions {
			got, err := c.st.Index.Text(v.id)
			if err != nil || got != v.text {
				c.t.Fatalf("%s: the index holds %q (%v), the library %q", v.id, got, err, v.text)
			}
		}
	}
}

// ---- the oracle ----

// rep is the version representing w on d: the latest in effect, else the first.
func rep(w *gWork, d model.Date) *gVersion {
	out := w.versions[0]
	for _, v := range w.versions {
		if v.effective <= d {
			out = v
		}
	}
	return out
}

// status is the product's status of w on d (checked against SPEC elsewhere).
func (c *searchCheck) status(w *gWork, d model.Date) *service.WorkView {
	key := w.key + "@" + d.String()
	if v, ok := c.verdict[key]; ok {
		return v
	}
	v, err := c.st.Work(w.key, d, service.Viewer{Staff: true})
	if err != nil {
		c.t.Fatalf("%s: %v", w.key, err)
	}
	c.verdict[key] = v
	return v
}

// querySpec is what a query asks for, as search.ParsePlan reads it.
type querySpec struct {
	raw     string
	kind    string
	phrases []string   // quoted, required as written
	units   []specUnit // the words of the free text
	numbers []string   // lookup keys (docnum.Key)
	empty   bool
}

// specUnit is one word and the words it may be written as (a colloquial word's terms).
type specUnit struct {
	alts []string
	weak bool // adds to the score, not required (政策, a lone character beside other words)
}

func specOf(raw, kind string) querySpec {
	p := search.ParsePlan(raw)
	s := querySpec{raw: raw, kind: kind, empty: p.Empty(), phrases: p.Phrases}
	for _, u := range p.Units {
		s.units = append(s.units, specUnit{alts: u.Alts, weak: u.Weak})
	}
	for _, n := range p.Numbers {
		s.numbers = append(s.numbers, docnum.Key(n))
	}
	return s
}

// passes are how strictly the words are matched, strictest first: a looser pass runs
// only when the stricter ones match no document the viewer may see. Every word (or
// one of its terms) as written; then any of them, or with three or more words all but
// one; then any bigram of them. Phrases and numbers are required in every pass.
func (s querySpec) passes() []string {
	if s.empty || len(s.units) == 0 {
		return []string{"exact"}
	}
	return []string{"exact", "partial", "loose"}
}

// shape names the words of a query by their length, to group failures.
func (s querySpec) shape() string {
	var parts []string
	for _, ph := range s.phrases {
		parts = append(parts, strconv.Itoa(utf8.RuneCountInString(ph)))
	}
	for _, u := range s.units {
		if !u.weak {
			parts = append(parts, strconv.Itoa(utf8.RuneCountInString(u.alts[0])))
		}
	}
	if len(s.numbers) > 0 {
		parts = append(parts, "number")
	}
	return " (" + s.kind + " " + strings.Join(parts, "+") + ")"
}

// matches reports whether version v of w holds what the query asks for in a pass
// (must), and whether the index's documented looser matching may find it (may).
func (s querySpec) matches(w *gWork, v *gVersion, pass string) (must, may bool) {
	if s.empty {
		return true, true
	}
	for _, n := range s.numbers {
		if !slices.Contains(workNumbers(w, v), n) {
			return false, false
		}
	}
	must, may = true, true
	for _, ph := range s.phrases {
		m1, m2 := wordIn(ph, v.title, v.text)
		must, may = must && m1, may && m2
	}
	unitIn := func(u specUnit) (bool, bool) {
		m1, m2 := false, false
		for _, a := range u.alts {
			a1, a2 := wordIn(a, v.title, v.text)
			m1, m2 = m1 || a1, m2 || a2
		}
		return m1, m2
	}
	switch pass {
	case "exact":
		for _, u := range s.units {
			if !u.weak {
				m1, m2 := unitIn(u)
				must, may = must && m1, may && m2
			}
		}
	case "partial":
		strong, n1, n2 := 0, 0, 0
		for _, u := range s.units {
			if !u.weak {
				strong++
			}
			m1, m2 := unitIn(u)
			if m1 {
				n1++
			}
			if m2 {
				n2++
			}
		}
		need := 1
		if strong >= 3 {
			need = strong - 1
		}
		must, may = must && n1 >= need, may && n2 >= need
	case "loose":
		// Any token of any of the words' terms, as the index holds the title and the text.
		title, text := oracleTokens(v.title, false), oracleTokens(v.text, true)
		any := false
		for _, u := range s.units {
			for _, a := range u.alts {
				for _, tok := range oracleTokens(a, false) {
					any = any || slices.Contains(title, tok) || slices.Contains(text, tok)
				}
			}
		}
		must, may = must && any, may && any
	}
	return must, may
}

// workNumbers are the doc numbers a search finds version v of w by: its own, and those
// its work cites (in any version's text, or in a relation it states).
func workNumbers(w *gWork, v *gVersion) []string {
	out := []string{docnum.Key(v.number)}
	for _, o := range w.versions {
		for _, n := range o.cites {
			out = append(out, docnum.Key(n))
		}
	}
	for _, r := range w.repeals {
		if k := docnum.Key(docnum.Normalize(r.target)); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// wordIn reports whether a word is in a title or text as written (must) or as the index
// may match it (may): letters and digits as whole words in either case; four or more
// Chinese characters as trigrams anywhere in the text, and in the title as bigrams one
// after the other, which punctuation does not separate.
func wordIn(a, title, text string) (must, may bool) {
	if !allHanWord(a) {
		ws := oracleTokens(a, false)
		must = len(ws) > 0 && (phraseIn(ws, oracleTokens(title, false)) || subset(ws, oracleTokens(text, false)))
		return must, must
	}
	if strings.Contains(title, a) || strings.Contains(text, a) {
		return true, true
	}
	n := utf8.RuneCountInString(a)
	if n >= 3 && phraseIn(oracleTokens(a, false), oracleTokens(title, false)) {
		return false, true
	}
	if n >= 4 {
		rs := []rune(a)
		all := true
		for i := 0; i+3 <= len(rs) && all; i++ {
			all = strings.Contains(text, string(rs[i:i+3]))
		}
		return false, all
	}
	return false, false
}

func allHanWord(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// oracleTokens splits s as the index's bigram fields do: runs of Chinese characters
// into overlapping bigrams (a lone character stays one), runs of letters and digits
// into lower-case words; everything else separates them. With ends, as the text field:
// the character ending a run of bigrams is a token too.
func oracleTokens(s string, ends bool) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		switch r := rs[i]; {
		case unicode.Is(unicode.Han, r):
			j := i
			for j < len(rs) && unicode.Is(unicode.Han, rs[j]) {
				j++
			}
			if j-i == 1 {
				out = append(out, string(rs[i]))
			}
			for k := i; k+2 <= j; k++ {
				out = append(out, string(rs[k:k+2]))
			}
			if ends && j-i >= 2 {
				out = append(out, string(rs[j-1]))
			}
			i = j
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(rs) && !unicode.Is(unicode.Han, rs[j]) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
				j++
			}
			out = append(out, strings.ToLower(string(rs[i:j])))
			i = j
		default:
			i++
		}
	}
	return out
}

func phraseIn(ws, in []string) bool {
	for i := 0; i+len(ws) <= len(in); i++ {
		if slices.Equal(in[i:i+len(ws)], ws) {
			return true
		}
	}
	return false
}

func subset(ws, in []string) bool {
	for _, w := range ws {
		if !slices.Contains(in, w) {
			return false
		}
	}
	return true
}

// filters are a search's filters as the oracle applies them.
type filters struct {
	statuses         []string // 即将到期 among them
	level, authority string
	topic            string
	year             int
	from, to         model.Date
	sortDate         bool
	values           url.Values
}

func (f filters) keepBase(w *gWork, v *gVersion) bool {
	if f.level != "" && w.level != f.level || f.authority != "" && !slices.Contains(w.authorities, f.authority) ||
		f.topic != "" && !slices.Contains(w.topics, f.topic) {
		return false
	}
	if f.year != 0 && v.publish.Year() != f.year {
		return false
	}
	return (f.from == 0 || v.publish >= f.from) && (f.to == 0 || v.publish <= f.to)
}

func (f filters) keepStatus(s *service.WorkView) bool {
	if len(f.statuses) == 0 {
		return true
	}
	for _, st := range f.statuses {
		if st == s.Status || st == search.ExpiringStatus && s.ExpiresSoon {
			return true
		}
	}
	return false
}

// ---- queries ----

type queryCase struct {
	spec  querySpec
	dates []model.Date
}

// queries are the searches asked of the library: pieces of texts and titles of any
// version (current, older, restricted), words of the vocabulary, words no document has,
// several words, quoted phrases and 《titles》, doc numbers in the forms people write
// them, codes and years, colloquial questions, and no words at all.
func (c *searchCheck) queries() []queryCase {
	r := c.r
	var specs []querySpec
	add := func(kind, q string) { specs = append(specs, specOf(q, kind)) }
	randomVersion := func() (*gWork, *gVersion) {
		w := c.lib.works[r.Intn(len(c.lib.works))]
		return w, w.versions[r.Intn(len(w.versions))]
	}
	piece := func(max int) string {
		_, v := randomVersion()
		s := v.text
		if r.Intn(4) == 0 {
			s = v.title
		}
		var runs [][]rune
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
			runs = append(runs, []rune(f))
		}
		run := runs[r.Intn(len(runs))]
		n := min(len(run), 1+r.Intn(max))
		at := r.Intn(len(run) - n + 1)
		return string(run[at : at+n])
	}
	for range 50 {
		add("piece", piece(6))
	}
	for range 15 {
		add("word", c.pickWord())
	}
	for range 8 {
		// Characters of the vocabulary in an order no text has, mostly.
		chars := []rune(strings.Join(genNouns, ""))
		var b strings.Builder
		for range 2 + r.Intn(3) {
			b.WriteRune(chars[r.Intn(len(chars))])
		}
		add("absent", b.String())
	}
	for range 14 {
		q := piece(4) + " " + c.pickWord()
		if r.Intn(3) == 0 {
			q += " " + piece(3)
		}
		add("words", q)
	}
	for range 8 {
		_, v := randomVersion()
		switch r.Intn(4) {
		case 0:
			add("phrase", `"`+piece(6)+`"`)
		case 1:
			add("phrase", "“"+piece(6)+"”")
		case 2:
			add("phrase", "《"+v.title+"》")
		default:
			add("phrase", v.title)
		}
	}
	for range 3 {
		if len(c.lib.codes) > 0 {
			// Chinese and a code in one phrase: every token of it.
			code := c.lib.codes[r.Intn(len(c.lib.codes))]
			if !strings.Contains(code, " ") {
				add("phrase", `"编码为`+code+`"`)
			}
		}
	}
	for _, tw := range traditional {
		if r.Intn(2) == 0 {
			// Typed in traditional characters, searched as the simplified word.
			s := specOf(tw[1], "traditional")
			s.raw = tw[0]
			specs = append(specs, s)
		}
	}
	for range 14 {
		_, v := randomVersion()
		add("number", numberForm(r, v.number))
	}
	add("number", "甲政规〔2011〕99999号")
	for range 6 {
		// A number and words: both are required.
		_, v := randomVersion()
		add("number+words", v.number+" "+piece(3))
	}
	for range 6 {
		// Words that narrow nothing (政策, 办理, 规定) add to the score but are not required.
		add("weak words", piece(4)+" "+[]string{"政策", "办理", "规定", "申请"}[r.Intn(4)])
	}
	for range 8 {
		if len(c.lib.codes) == 0 {
			break
		}
		code := c.lib.codes[r.Intn(len(c.lib.codes))]
		if r.Intn(2) == 0 {
			code = strings.ToLower(code)
		}
		add("code", code)
	}
	add("code", "ZZ0000")
	add("year", fmt.Sprintf("%d年度", 2015+r.Intn(12)))
	for _, q := range []string{"社保", "退休金怎么领", "低保", "公积金怎么办", "失业金怎么领", "交税", "养狗", "噪音", "放鞭炮", "车祸", "电动车", "生孩子有什么补贴"} {
		if r.Intn(2) == 0 {
			add("colloquial", q)
		}
	}
	var out []queryCase
	pool := c.datePool()
	for _, s := range specs {
		out = append(out, queryCase{spec: s, dates: []model.Date{oracleToday, pool[r.Intn(len(pool))]}})
	}
	out = append(out, queryCase{spec: specOf("", "browse"), dates: pool})
	return out
}

func (c *searchCheck) pickWord() string {
	switch c.r.Intn(4) {
	case 0:
		return genVerbs[c.r.Intn(len(genVerbs))]
	case 1:
		return genBodies[c.r.Intn(len(genBodies))]
	}
	return genNouns[c.r.Intn(len(genNouns))]
}

// numberForm writes a doc number as people type it: other brackets, full-width digits,
// a leading zero.
func numberForm(r *rand.Rand, n string) string {
	switch r.Intn(7) {
	case 0:
		return strings.NewReplacer("〔", "[", "〕", "]").Replace(n)
	case 1:
		return strings.NewReplacer("〔", "（", "〕", "）").Replace(n)
	case 2:
		return strings.NewReplacer("〔", "(", "〕", ")").Replace(n)
	case 3:
		var b strings.Builder
		for _, c := range n {
			if c >= '0' && c <= '9' {
				c += '０' - '0'
			}
			b.WriteRune(c)
		}
		return b.String()
	case 4:
		return strings.Replace(n, "〕", "〕0", 1)
	case 5:
		return strings.TrimSuffix(n, "号") // as the batch check reads a number typed without 号
	}
	return n
}

// traditional are words of the vocabulary as typed in traditional characters.
var traditional = [][2]string{{"養老服務", "养老服务"}, {"社會保險", "社会保险"}, {"醫療救助", "医疗救助"}, {"殯葬服務", "殡葬服务"},
	{"環境保護", "环境保护"}, {"職業技能培訓", "职业技能培训"}, {"勞動者", "劳动者"}, {"義務教育", "义务教育"}}

// datePool are the as-of dates: today, days around the dates on which statuses and
// representing versions change, and a few others.
func (c *searchCheck) datePool() []model.Date {
	pool := []model.Date{oracleToday, 20100101, 20290101}
	for range 8 {
		d := c.lib.events[c.r.Intn(len(c.lib.events))]
		pool = append(pool, d.AddDays(-1), d)
	}
	return pool
}

// ---- searching ----

type answer struct {
	res  *service.SearchResult
	hits []service.Hit // every page
}

func (c *searchCheck) search(v url.Values, staff bool) *service.SearchResult {
	q, err := search.FromValues(v, oracleToday)
	if err != nil {
		c.t.Fatalf("%s: %v", v.Encode(), err)
	}
	res, err := c.st.Search(context.Background(), q, service.Viewer{Staff: staff})
	if err != nil {
		c.t.Fatalf("%s: %v", v.Encode(), err)
	}
	return res
}

// all asks for every hit, a hundred a page.
func (c *searchCheck) all(v url.Values, staff bool) answer {
	v = cloneValues(v)
	v.Set("size", "100")
	var a answer
	for page := 1; ; page++ {
		v.Set("page", strconv.Itoa(page))
		res := c.search(v, staff)
		if page == 1 {
			a.res = res
		}
		a.hits = append(a.hits, res.Hits...)
		if len(res.Hits) < 100 || uint64(len(a.hits)) >= res.Total {
			break
		}
	}
	return a
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

// ---- the checks ----

func (c *searchCheck) checkQuery(qc queryCase) {
	for _, d := range qc.dates {
		for _, staff := range []bool{false, true} {
			c.checkOn(qc.spec, d, staff)
		}
	}
}

func who(staff bool) string {
	if staff {
		return "staff"
	}
	return "public"
}

// checkOn checks one query on one date for one viewer, without filters and with some.
func (c *searchCheck) checkOn(s querySpec, d model.Date, staff bool) {
	base := url.Values{"asof": {d.String()}}
	if s.raw != "" {
		base.Set("q", s.raw)
	}
	name := fmt.Sprintf("q=%q asof=%s %s", s.raw, d, who(staff))
	c.counts[s.kind]++
	all := c.all(base, staff)
	got := map[string]bool{}
	for _, h := range all.hits {
		w := c.works[h.WorkID]
		switch {
		case w == nil:
			c.fail("unknown work", "%s: hit %s", name, h.WorkID)
			continue
		case got[h.WorkID]:
			c.fail("work found twice", "%s: %s", name, h.WorkID)
		case w.restricted && !staff:
			c.fail("restricted document shown to the public", "%s: %s", name, h.WorkID)
		}
		got[h.WorkID] = true
		if want := rep(w, d); h.VersionID != want.id {
			c.fail("hit is not the version in effect", "%s: %s shown by %s, in effect %s", name, h.WorkID, h.VersionID, want.id)
		}
	}
	if all.res.Total != uint64(len(all.hits)) {
		c.fail("total differs from the hits paged", "%s: total %d, %d hits", name, all.res.Total, len(all.hits))
	}
	// The works each pass matches on the date, as the viewer sees them: the search
	// answers with the first pass that matches any, exactly those.
	match := all.res.Match
	if s.empty {
		match = "exact"
		if all.res.Match != "all" {
			c.fail("browse", "%s: %s match", name, all.res.Match)
		}
	}
	for _, pass := range s.passes() {
		must, may := map[string]bool{}, map[string]bool{}
		for _, w := range c.lib.works {
			if w.restricted && !staff {
				continue
			}
			m1, m2 := s.matches(w, rep(w, d), pass)
			if m1 {
				must[w.key] = true
			}
			if m2 {
				may[w.key] = true
			}
		}
		if pass != match {
			if len(must) > 0 {
				c.fail("looser pass though documents match", "%s: %s match, but %d works match the %s pass", name, match, len(must), pass)
			}
			continue
		}
		c.counts["works found ("+pass+")"] += len(got)
		for k := range got {
			if !must[k] {
				c.counts["works found by a documented looser match"]++
			}
		}
		for k := range must {
			if !got[k] {
				w := c.works[k]
				v := rep(w, d)
				c.fail("missed: the version in effect holds the words"+s.shape()+" "+pass, "%s: %s (%s) %q\n    %s", name, k, v.id, v.title, v.text)
			}
		}
		for k := range got {
			if !may[k] {
				v := rep(c.works[k], d)
				c.fail("found: the version in effect does not hold the words"+s.shape()+" "+pass, "%s: %s (%s) %q\n    %s", name, k, v.id, v.title, v.text)
			}
		}
		break
	}
	if !slices.Contains(s.passes(), match) {
		c.fail("unknown pass", "%s: %s match", name, match)
	}
	c.checkHistory(name, s, all.res, d, staff)
	if !s.empty {
		c.checkHighlights(name, s, all.hits)
	}
	c.checkFacets(name, filters{}, all, got, d)
	c.checkSame(name, base, staff, all.res)
	if c.r.Intn(6) == 0 {
		c.checkHTTP(name, base, staff, all.res)
	}
	if c.r.Intn(4) == 0 {
		c.checkPages(name, base, staff)
	}
	// With filters: exactly the works found without them that the filters keep.
	for range 3 {
		f := c.randomFilters(d)
		v := cloneValues(base)
		for k, vs := range f.values {
			v[k] = vs
		}
		fname := name + " " + f.values.Encode()
		fa := c.all(v, staff)
		c.counts["filtered"]++
		if fa.res.Match != all.res.Match {
			c.fail("filters change how the words match", "%s: %s, without filters %s", fname, fa.res.Match, all.res.Match)
		}
		want := map[string]bool{}
		for k := range got {
			w := c.works[k]
			if f.keepBase(w, rep(w, d)) && f.keepStatus(c.status(w, d)) {
				want[k] = true
			}
		}
		fgot := map[string]bool{}
		for _, h := range fa.hits {
			fgot[h.WorkID] = true
		}
		c.sameSet("filtered hits", fname, fgot, want)
		if len(want) > 0 {
			c.counts["filtered, some left"]++
		}
		if fa.res.Total != uint64(len(fa.hits)) {
			c.fail("total differs from the hits paged", "%s: total %d, %d hits", fname, fa.res.Total, len(fa.hits))
		}
		c.checkFacets(fname, f, fa, got, d)
		if f.sortDate {
			c.checkDateOrder(fname, fa.hits)
		}
		if c.r.Intn(3) == 0 {
			c.checkSame(fname, v, staff, fa.res)
		}
		if c.r.Intn(5) == 0 {
			c.checkPages(fname, v, staff)
		}
		if c.r.Intn(10) == 0 {
			c.checkHTTP(fname, v, staff, fa.res)
		}
	}
}

// checkHistory holds the history of a search — the versions, other than the one in
// effect on the date, that hold every word — to the oracle: given exactly when the
// words do not all match the versions in effect, it lists versions holding them, none
// representing its work on the date, none the viewer may not see, and counts them all.
func (c *searchCheck) checkHistory(name string, s querySpec, res *service.SearchResult, d model.Date, staff bool) {
	h := res.History
	if res.Match == "exact" || res.Match == "all" {
		if h != nil {
			c.fail("history of an exact match", "%s: %s match with a history of %d", name, res.Match, h.Total)
		}
		return
	}
	must, may := map[string]bool{}, map[string]bool{}
	for _, w := range c.lib.works {
		if w.restricted && !staff {
			continue
		}
		for _, v := range w.versions {
			if v == rep(w, d) {
				continue
			}
			m1, m2 := s.matches(w, v, "exact")
			if m1 {
				must[v.id] = true
			}
			if m2 {
				may[v.id] = true
			}
		}
	}
	if h == nil {
		if len(must) > 0 {
			c.fail("history missed", "%s: no history, but %d other versions hold the words", name, len(must))
		}
		return
	}
	c.counts["histories"]++
	if h.Total < uint64(len(must)) || h.Total > uint64(len(may)) {
		c.fail("history total", "%s: %d versions, want %d to %d", name, h.Total, len(must), len(may))
	}
	if len(h.Hits) == 0 || len(h.Hits) > 5 || uint64(len(h.Hits)) > h.Total {
		c.fail("history hits", "%s: %d hits of %d", name, len(h.Hits), h.Total)
	}
	for _, hit := range h.Hits {
		v := c.versionByID(hit.VersionID)
		switch {
		case v == nil || c.works[hit.WorkID] == nil:
			c.fail("history hit unknown", "%s: %s", name, hit.VersionID)
		case !may[v.id]:
			c.fail("history hit does not hold the words", "%s: %s %q", name, v.id, v.text)
		}
	}
}

func (c *searchCheck) sameSet(category, name string, got, want map[string]bool) {
	var missing, extra []string
	for k := range want {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	if len(missing)+len(extra) > 0 {
		sort.Strings(missing)
		sort.Strings(extra)
		c.fail(category, "%s: missing %v, extra %v", name, missing, extra)
	}
}

// randomFilters picks one to three filters; the values are mostly ones the library has.
func (c *searchCheck) randomFilters(d model.Date) filters {
	r := c.r
	f := filters{values: url.Values{}}
	for range 1 + r.Intn(3) {
		switch r.Intn(8) {
		case 0, 1:
			all := []string{"现行有效", "尚未生效", "已废止", "已失效", search.ExpiringStatus}
			for range 1 + r.Intn(2) {
				s := all[r.Intn(len(all))]
				if !slices.Contains(f.statuses, s) {
					f.statuses = append(f.statuses, s)
					f.values.Add("status", s)
				}
			}
		case 2:
			f.level = genLevels[r.Intn(len(genLevels))]
			if r.Intn(8) == 0 {
				f.level = "司法解释" // a level no document has
			}
			f.values.Set("level", f.level)
		case 3:
			f.authority = genAuthorities[r.Intn(len(genAuthorities))]
			f.values.Set("authority", f.authority)
		case 4:
			f.topic = genTopics[r.Intn(len(genTopics))]
			f.values.Set("topic", f.topic)
		case 5:
			f.year = 2012 + r.Intn(16)
			f.values.Set("year", strconv.Itoa(f.year))
		case 6:
			f.from = model.Date((2012+r.Intn(16))*10000 + 101 + r.Intn(11)*100)
			f.values.Set("from", f.from.String())
			f.to = 0
			f.values.Del("to")
			if r.Intn(2) == 0 {
				f.to = f.from.AddDays(r.Intn(2000))
				f.values.Set("to", f.to.String())
			}
		case 7:
			f.sortDate = true
			f.values.Set("sort", "date")
		}
	}
	_ = d
	return f
}

// checkFacets compares the facet counts with the oracle's: the works found (matched,
// a set without the filters) with the filters applied, the status facet ignoring the
// status filter.
func (c *searchCheck) checkFacets(name string, f filters, a answer, matched map[string]bool, d model.Date) {
	wantStatus, wantLevel, wantAuth, wantYear, wantTopic := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	expiring := 0
	for k := range matched {
		w := c.works[k]
		v := rep(w, d)
		if !f.keepBase(w, v) {
			continue
		}
		s := c.status(w, d)
		wantStatus[s.Status]++
		if s.ExpiresSoon {
			expiring++
		}
		if !f.keepStatus(s) {
			continue
		}
		wantLevel[w.level]++
		for _, x := range w.authorities {
			wantAuth[x]++
		}
		wantYear[strconv.Itoa(v.publish.Year())]++
		for _, x := range w.topics {
			wantTopic[x]++
		}
	}
	got := a.res.Facets
	for _, fc := range []struct {
		name      string
		got, want map[string]int
	}{{"status", got.Status, wantStatus}, {"level", got.Level, wantLevel}, {"authority", got.Authority, wantAuth},
		{"year", got.Year, wantYear}, {"topic", got.Topic, wantTopic}} {
		if len(fc.got)+len(fc.want) > 0 && !reflect.DeepEqual(fc.got, fc.want) {
			c.fail("facet "+fc.name, "%s: %v, oracle %v", name, fc.got, fc.want)
		}
	}
	if got.Expiring != expiring {
		c.fail("facet 即将到期", "%s: %d, oracle %d", name, got.Expiring, expiring)
	}
	if len(f.statuses) == 0 {
		sum := 0
		for _, n := range got.Status {
			sum += n
		}
		if uint64(sum) != a.res.Total {
			c.fail("status facet does not sum to the total", "%s: %v, total %d", name, got.Status, a.res.Total)
		}
	}
}

func (c *searchCheck) checkDateOrder(name string, hits []service.Hit) {
	for i := 1; i < len(hits); i++ {
		if hits[i].PublishDate > hits[i-1].PublishDate {
			c.fail("sort=date out of order", "%s: %s (%s) after %s (%s)", name, hits[i].VersionID, hits[i].PublishDate, hits[i-1].VersionID, hits[i-1].PublishDate)
			return
		}
	}
}

// checkPages walks the hits by page number and by cursor, in pages of a few, and
// compares them with one large page.
func (c *searchCheck) checkPages(name string, v url.Values, staff bool) {
	c.counts["paged"]++
	whole := c.all(v, staff).hits
	ids := func(hs []service.Hit) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.VersionID)
		}
		return out
	}
	want := ids(whole)
	size := 1 + c.r.Intn(6)
	pv := cloneValues(v)
	pv.Set("size", strconv.Itoa(size))
	var byPage, byCursor []string
	for page := 1; page <= len(want)/size+2; page++ {
		pv.Set("page", strconv.Itoa(page))
		res := c.search(pv, staff)
		if res.Total != uint64(len(want)) {
			c.fail("total differs between pages", "%s size=%d page=%d: total %d, %d hits", name, size, page, res.Total, len(want))
		}
		byPage = append(byPage, ids(res.Hits)...)
	}
	pv.Del("page")
	for n := 0; n <= len(want)/size+1; n++ {
		res := c.search(pv, staff)
		byCursor = append(byCursor, ids(res.Hits)...)
		if res.Next == "" {
			break
		}
		pv.Set("after", res.Next)
	}
	if !slices.Equal(byPage, want) {
		c.fail("pages by number", "%s size=%d: %v, one page %v", name, size, byPage, want)
	}
	if !slices.Equal(byCursor, want) {
		c.fail("pages by cursor", "%s size=%d: %v, one page %v", name, size, byCursor, want)
	}
}

// comparable is a result without what may differ between two identical searches: the
// time taken and the sealed cursor (compared by presence).
func comparable(r *service.SearchResult) service.SearchResult {
	out := *r
	out.TookMS = 0
	if out.Next != "" {
		out.Next = "next"
	}
	return out
}

// checkSame asks again (from the caches), and with the caches and fast paths off.
func (c *searchCheck) checkSame(name string, v url.Values, staff bool, first *service.SearchResult) {
	v = cloneValues(v)
	v.Set("size", "100")
	c.counts["repeated"]++
	again := c.search(v, staff)
	c.st.Index.Exhaustive = true
	plain := c.search(v, staff)
	c.st.Index.Exhaustive = false
	want := comparable(first)
	if first.Size != 100 {
		want = comparable(c.search(v, staff))
	}
	for _, o := range []struct {
		how string
		res *service.SearchResult
	}{{"second search", again}, {"without caches and fast paths", plain}} {
		if got := comparable(o.res); !reflect.DeepEqual(got, want) {
			c.fail("differs "+o.how, "%s: %s", name, firstDiff(got, want))
		}
	}
}

func firstDiff(a, b service.SearchResult) string {
	if a.Total != b.Total || a.Match != b.Match {
		return fmt.Sprintf("total %d %s, want %d %s", a.Total, a.Match, b.Total, b.Match)
	}
	if !reflect.DeepEqual(a.Facets, b.Facets) {
		return fmt.Sprintf("facets %+v, want %+v", a.Facets, b.Facets)
	}
	for i := range min(len(a.Hits), len(b.Hits)) {
		if !reflect.DeepEqual(a.Hits[i], b.Hits[i]) {
			return fmt.Sprintf("hit %d: %+v, want %+v", i, a.Hits[i], b.Hits[i])
		}
	}
	return fmt.Sprintf("%d hits, want %d", len(a.Hits), len(b.Hits))
}

// checkHTTP asks GET /api/search and compares the answer with the service's.
func (c *searchCheck) checkHTTP(name string, v url.Values, staff bool, res *service.SearchResult) {
	c.counts["http"]++
	v = cloneValues(v)
	v.Set("size", "100")
	req := httptest.NewRequest("GET", "/api/search?"+v.Encode(), nil)
	if staff {
		req.Header.Set("Authorization", "Bearer "+oracleStaffToken)
	}
	rec := httptest.NewRecorder()
	c.h.Search(rec, req)
	if rec.Code != http.StatusOK {
		c.fail("HTTP", "%s: status %d %s", name, rec.Code, rec.Body.String())
		return
	}
	var got, want map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		c.fail("HTTP", "%s: %v", name, err)
		return
	}
	b, _ := json.Marshal(res)
	_ = json.Unmarshal(b, &want)
	for _, m := range []map[string]any{got, want} {
		delete(m, "took_ms")
		if m["next"] != nil {
			m["next"] = "next"
		}
	}
	if !reflect.DeepEqual(got, want) {
		gb, _ := json.Marshal(got)
		c.fail("HTTP", "%s: %s\n    service: %s", name, gb, b)
	}
}

// checkHighlights holds each hit's highlights to the query: the title highlight is the
// title, HTML-escaped, with every occurrence of the query's words marked; the text
// highlights are pieces of the text with only the query's words (or the doc number
// asked for) marked, at least one when the text holds a word.
func (c *searchCheck) checkHighlights(name string, s querySpec, hits []service.Hit) {
	p := search.ParsePlan(s.raw)
	literals := p.Literals()
	// asked tells whether a mark is made of the words asked for: occurrences of the
	// literals (overlapping ones marked as one) or a doc number asked for.
	asked := func(plain string, m [2]int) bool {
		if len(s.numbers) > 0 && slices.Contains(s.numbers, docnum.Key(docnum.Normalize(plain[m[0]:m[1]]))) {
			return true
		}
		covered := m[0]
		for covered < m[1] {
			next := covered
			for _, l := range literals {
				for _, at := range foldIndexAll(plain, l) {
					if at <= covered && at+len(l) > next && at >= m[0] && at+len(l) <= m[1] {
						next = at + len(l)
					}
				}
			}
			if next == covered {
				return false
			}
			covered = next
		}
		return true
	}
	for _, h := range hits {
		v := c.versionByID(h.VersionID)
		if v == nil {
			continue
		}
		plain, marks, ok := unmark(h.Highlights.Title)
		if !ok || plain != v.title {
			c.fail("title highlight is not the title", "%s: %q, title %q", name, h.Highlights.Title, v.title)
			continue
		}
		for _, m := range marks {
			if !asked(plain, m) {
				c.fail("title highlight marks what was not asked", "%s: %q marks %q", name, h.Highlights.Title, plain[m[0]:m[1]])
			}
		}
		for _, l := range literals {
			for _, at := range foldIndexAll(v.title, l) {
				if !covered(marks, at, at+len(l)) {
					c.fail("title highlight misses a word asked for", "%s: %q does not mark %q", name, h.Highlights.Title, l)
				}
			}
		}
		text := strings.Join(strings.Fields(v.text), " ")
		any := false
		for _, sn := range h.Highlights.Text {
			plain, marks, ok := unmark(sn)
			if !ok {
				c.fail("text highlight is not escaped text", "%s: %q", name, sn)
				continue
			}
			body := strings.TrimSuffix(strings.TrimPrefix(plain, "…"), "…")
			if !strings.Contains(text, body) {
				c.fail("text highlight is not a piece of the text", "%s %s: %q", name, h.VersionID, sn)
			}
			for _, m := range marks {
				if !asked(plain, m) {
					c.fail("text highlight marks what was not asked", "%s %s: %q marks %q", name, h.VersionID, sn, plain[m[0]:m[1]])
				}
			}
			any = any || len(marks) > 0
		}
		holds := false
		for _, l := range literals {
			holds = holds || len(foldIndexAll(v.text, l)) > 0
		}
		if holds && !any {
			c.fail("text highlight missing", "%s %s: the text holds a word asked for, highlights %q", name, h.VersionID, h.Highlights.Text)
		}
	}
}

func (c *searchCheck) versionByID(id string) *gVersion {
	for _, w := range c.lib.works {
		for _, v := range w.versions {
			if v.id == id {
				return v
			}
		}
	}
	return nil
}

// unmark reads a highlight: the unescaped text, the byte spans marked in it, and
// whether it is well formed (escaped text, <mark> never nested).
func unmark(s string) (plain string, marks [][2]int, ok bool) {
	var b strings.Builder
	for s != "" {
		i := strings.Index(s, "<mark>")
		if i < 0 {
			i = len(s)
		}
		if strings.ContainsAny(s[:i], "<>\"") {
			return "", nil, false
		}
		b.WriteString(html.UnescapeString(s[:i]))
		if i == len(s) {
			break
		}
		s = s[i+len("<mark>"):]
		j := strings.Index(s, "</mark>")
		if j < 0 || strings.ContainsAny(s[:j], "<>\"") {
			return "", nil, false
		}
		start := b.Len()
		b.WriteString(html.UnescapeString(s[:j]))
		marks = append(marks, [2]int{start, b.Len()})
		s = s[j+len("</mark>"):]
	}
	return b.String(), marks, true
}

// foldIndexAll are the byte offsets of lit in s, ASCII letters in either case; a lone
// letter or digit only where it is a word of its own (the a of Q&A, not of law).
func foldIndexAll(s, lit string) []int {
	if lit == "" {
		return nil
	}
	ls, ll := strings.ToLower(s), strings.ToLower(lit)
	alnum := func(i int) bool {
		return i >= 0 && i < len(ls) && (ls[i] >= 'a' && ls[i] <= 'z' || ls[i] >= '0' && ls[i] <= '9')
	}
	var out []int
	for i := 0; ; {
		j := strings.Index(ls[i:], ll)
		if j < 0 {
			return out
		}
		if at := i + j; len(ll) > 1 || !alnum(at) || !alnum(at-1) && !alnum(at+1) {
			out = append(out, at)
		}
		i += j + len(ll)
	}
}

func covered(marks [][2]int, from, to int) bool {
	for _, m := range marks {
		if m[0] <= from && to <= m[1] {
			return true
		}
	}
	return false
}
