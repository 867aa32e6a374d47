package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/article"
)

// corpusSides finds, for each row of a comparison of real versions, the item of each
// version it shows, and checks that every item of both versions is shown by exactly
// one row with its text as written. Rows name their new item by its label; the old
// item is the one of the label the row gives it (原第十条, the old number of a moved
// one) or, failing that, in texts aligned by content without numbers, the first not
// yet shown of the same text.
func corpusSides(res Result, a, b []item) (olds, news []int, errs []string) {
	at := func(items []item) map[string]int {
		m := map[string]int{}
		for i, it := range items {
			m[it.label()] = i
		}
		return m
	}
	oldAt, newAt := at(a), at(b)
	seenOld := make([]int, len(a))
	seenNew := make([]int, len(b))
	for k, r := range res.Rows {
		o, n := -1, -1
		if r.Op != OpAdded {
			label := strings.TrimPrefix(r.Key, "原")
			if r.Op != OpRemoved && r.MovedFrom != "" {
				label = r.MovedFrom
			}
			if i, ok := oldAt[label]; ok && a[i].art.Content() == r.Old && seenOld[i] == 0 {
				o = i
			} else {
				for i := range a {
					if seenOld[i] == 0 && a[i].art.Content() == r.Old {
						o = i
						break
					}
				}
			}
			if o < 0 {
				errs = append(errs, fmt.Sprintf("row %d (%s %s): old text %.40q is no old item's", k, r.Key, r.Op, r.Old))
			} else {
				seenOld[o]++
			}
		}
		if r.Op != OpRemoved {
			if i, ok := newAt[r.Key]; ok && b[i].art.Content() == r.New {
				n = i
				seenNew[i]++
			} else {
				errs = append(errs, fmt.Sprintf("row %d (%s %s): new text %.40q is not new %s's", k, r.Key, r.Op, r.New, r.Key))
			}
		}
		olds, news = append(olds, o), append(news, n)
	}
	for i, c := range seenOld {
		if c != 1 {
			errs = append(errs, fmt.Sprintf("old %s shown by %d rows", a[i].label(), c))
		}
	}
	for i, c := range seenNew {
		if c != 1 {
			errs = append(errs, fmt.Sprintf("new %s shown by %d rows", b[i].label(), c))
		}
	}
	return olds, news, errs
}

// TestComparePropertyCorpusVersions compares every two consecutive versions of each
// work of the real corpus (laws.jsonl, grouped by version_of), both ways: nothing
// panics, every item of both versions is shown exactly once with its text, a changed
// row's texts differ beyond formatting, an article whose text is found once in each
// version is set against that text as the same, the comparison the other way mirrors
// it (nearly always: see below), and no comparison takes long.
func TestComparePropertyCorpusVersions(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	recs := loadLaws(t, func(r lawRecord) bool { return r.VersionOf != "" })
	works := map[string][]lawRecord{}
	for _, r := range recs {
		works[r.VersionOf] = append(works[r.VersionOf], r)
	}
	ids := make([]string, 0, len(works))
	for id := range works {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var slowest time.Duration
	slowestName := ""
	pairs, rows, failed, asymmetric := 0, 0, 0, 0
	for _, id := range ids {
		vs := works[id]
		slices.SortStableFunc(vs, func(x, y lawRecord) int { return strings.Compare(x.PublishDate, y.PublishDate) })
		for k := 1; k < len(vs); k++ {
			old, new := vs[k-1], vs[k]
			name := fmt.Sprintf("%s %s→%s", old.Title, old.PublishDate, new.PublishDate)
			oldArts, newArts := article.Split(old.Text, corpusHeadings(old)), article.Split(new.Text, corpusHeadings(new))
			start := time.Now()
			res, err := compareSafely(oldArts, newArts)
			if took := time.Since(start); took > slowest {
				slowest, slowestName = took, name
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				failed++
				continue
			}
			back, err := compareSafely(newArts, oldArts)
			if err != nil {
				t.Errorf("%s, the other way: %v", name, err)
				failed++
				continue
			}
			pairs++
			rows += len(res.Rows)
			errs, asym := checkCorpusPair(res, back, prepare(oldArts), prepare(newArts))
			for _, e := range asym {
				if strings.Contains(e, "("+string(OpSame)+")") {
					errs = append(errs, "mirror: "+e)
				}
			}
			if len(errs) > 0 {
				failed++
				if failed <= 10 {
					t.Errorf("%s (%s, %s):\n  %s", name, old.ID, new.ID, strings.Join(errs, "\n  "))
				}
			}
			if len(asym) > 0 {
				asymmetric += len(asym)
				t.Logf("%s: %d rows pair otherwise the other way round, e.g. %s", name, len(asym), asym[0])
			}
		}
	}
	if pairs == 0 {
		t.Skip("no work with several versions in the corpus")
	}
	t.Logf("%d pairs of consecutive versions, %d rows; slowest %s: %v", pairs, rows, slowestName, slowest)
	if failed > 0 {
		t.Errorf("%d pairs failed", failed)
	}
	// Where articles crossed (one moved over others), two common sequences of articles
	// can be equally long, and swapping the versions may pick the other: the rewritten
	// articles around them then pair otherwise. Rows of the same text always mirror;
	// the others nearly always.
	if asymmetric*200 > rows {
		t.Errorf("%d of %d rows pair otherwise the other way round", asymmetric, rows)
	}
	// A comparison is asked for by a reader waiting on a page: even the largest law
	// must take a fraction of a second (with room for a loaded machine).
	if slowest > 2*time.Second {
		t.Errorf("slowest comparison %s took %v", slowestName, slowest)
	}
}

// corpusHeadings are the article numbers of a national law database record, which its
// text lacks; nil for other records.
func corpusHeadings(r lawRecord) []string {
	if len(r.Provisions) == 0 || string(r.Provisions) == "null" {
		return nil
	}
	h, _ := article.HeadingsFromProvisions(string(r.Provisions), article.CountBlocks(r.Text))
	return h
}

func compareSafely(a, b []article.Article) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return CompareArticles(a, b), nil
}

// checkCorpusPair checks a comparison of two real versions and the comparison the other
// way round; it returns what is wrong, and apart the rows that do not mirror.
func checkCorpusPair(res, back Result, a, b []item) (errs, asymmetric []string) {
	olds, news, errs := corpusSides(res, a, b)
	if len(errs) > 0 {
		return errs, nil
	}
	bOlds, bNews, errs := corpusSides(back, b, a)
	if len(errs) > 0 {
		return append([]string{"the other way:"}, errs...), nil
	}
	count := func(items []item) map[string]int {
		m := map[string]int{}
		for _, it := range items {
			m[it.text.key]++
		}
		return m
	}
	inOld, inNew := count(a), count(b)
	for k, r := range res.Rows {
		o, n := olds[k], news[k]
		if r.Op == OpChanged && a[o].text.key == b[n].text.key {
			errs = append(errs, fmt.Sprintf("%s: changed, but its text is the same", r.Key))
		}
		errs = append(errs, checkSpans(r)...)
		if n < 0 {
			continue
		}
		key := b[n].text.key
		if key == "" || inOld[key] != 1 || inNew[key] != 1 {
			continue
		}
		if o < 0 || a[o].text.key != key || r.Op != OpSame {
			with := "nothing"
			if o >= 0 {
				with = a[o].label()
			}
			errs = append(errs, fmt.Sprintf("%s: its text is found once in the old version, but the row is %s with %s", r.Key, r.Op, with))
		}
	}
	errs = append(errs, checkSummary(res)...)
	return errs, mirrorDiffers(res, back, olds, news, bOlds, bNews, a, b)
}

// mirrorDiffers lists the rows of the comparison the other way round that do not
// mirror this one's: the same pairs, added and removed swapped.
func mirrorDiffers(res, back Result, olds, news, bOlds, bNews []int, a, b []item) []string {
	var errs []string
	pairs := map[[3]int]int{}
	for k, r := range res.Rows {
		pairs[[3]int{olds[k], news[k], opIndex(r.Op)}]++
	}
	for k, r := range back.Rows {
		pairs[[3]int{bNews[k], bOlds[k], opIndex(mirrorOp[r.Op])}]--
	}
	for p, c := range pairs {
		if c == 0 {
			continue
		}
		o, n := "-", "-"
		if p[0] >= 0 {
			o = a[p[0]].label()
		}
		if p[1] >= 0 {
			n = b[p[1]].label()
		}
		errs = append(errs, fmt.Sprintf("old %s with new %s (%s) counted %+d", o, n, []Op{OpSame, OpChanged, OpAdded, OpRemoved}[p[2]], c))
	}
	slices.Sort(errs)
	return errs
}

func opIndex(op Op) int {
	return slices.Index([]Op{OpSame, OpChanged, OpAdded, OpRemoved}, op)
}
