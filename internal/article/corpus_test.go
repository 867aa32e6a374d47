package article

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
)

type lawRecord struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	PublishDate string          `json:"publish_date"`
	Collection  string          `json:"collection"`
	Text        string          `json:"text"`
	Provisions  json.RawMessage `json:"provisions"`
}

func loadLaws(t testing.TB) []lawRecord {
	t.Helper()
	f, err := os.Open(testcorpus.Laws(t))
	if err != nil {
		t.Skipf("laws.jsonl: %v", err)
	}
	defer f.Close()
	var recs []lawRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r lawRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// spacedLabel is how LawRefBook writes an article's label: at a line start, then a space.
var spacedLabel = regexp.MustCompile(`(?m)^第[零〇一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?[ 　]`)

// Over the whole corpus: items are in order and disjoint, every character of a text
// is in an item or in a heading line, and every spaced article label of LawRefBook
// is found.
func TestSplitCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	recs := loadLaws(t)
	kinds := map[Kind]int{}
	missed := 0
	for _, r := range recs {
		if r.Collection == "ansvar-flk" {
			continue
		}
		arts := Split(r.Text, nil)
		if len(arts) == 0 {
			t.Errorf("%s: no items", r.ID)
			continue
		}
		kinds[arts[len(arts)-1].Kind]++
		covered := make([]bool, len(r.Text))
		prevEnd := 0
		for _, a := range arts {
			if a.Start < prevEnd || a.End < a.Start || r.Text[a.Start:a.End] != a.Body {
				t.Fatalf("%s %s: bad span [%d,%d) after %d", r.ID, a.Anchor, a.Start, a.End, prevEnd)
			}
			for i := a.Start; i < a.End; i++ {
				covered[i] = true
			}
			prevEnd = a.End
		}
		ls := scanLines(r.Text)
		_, headingLines := splitArticles(r.Text, ls)
		for i, l := range ls {
			s := l.text(r.Text)
			if headingLines != nil && headingLines[i] {
				continue
			}
			for i, c := range s {
				if !covered[l.start+i] && !isSpace(c) && c != '#' {
					t.Errorf("%s: line %q is outside every item", r.ID, s)
					break
				}
			}
		}
		want := 0
		for _, m := range spacedLabel.FindAllStringIndex(r.Text, -1) {
			// Labels inside the header block are revision notes, not articles.
			if i := strings.Index(r.Text, "<!-- INFO END -->"); i < 0 || m[0] > i {
				want++
			}
		}
		got := 0
		for _, a := range arts {
			if a.Kind == KindArticle {
				got++
			}
		}
		if got < want {
			missed++
			t.Errorf("%s %s: %d articles, %d spaced labels", r.ID, r.Title, got, want)
		}
	}
	t.Logf("LawRefBook texts by structure: %v; texts with missed labels: %d", kinds, missed)
}

// The provisions of the national law database's records line up with their texts.
func TestHeadingsFromProvisionsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test")
	}
	recs := loadLaws(t)
	total, aligned := 0, 0
	byID := map[string]bool{}
	for _, r := range recs {
		if r.Collection != "ansvar-flk" {
			continue
		}
		total++
		hs, ok := HeadingsFromProvisions(string(r.Provisions), CountBlocks(r.Text))
		byID[r.ID] = ok
		if !ok {
			t.Logf("not aligned: %s %s %s", r.ID, r.Title, r.PublishDate)
			continue
		}
		aligned++
		arts := Split(r.Text, hs)
		if len(arts) != len(hs) || arts[0].Anchor != "第一条" {
			t.Errorf("%s: Split with headings gave %d items for %d headings", r.ID, len(arts), len(hs))
		}
	}
	if total == 0 {
		t.Skip("no ansvar-flk records")
	}
	t.Logf("provisions aligned with text blocks: %d of %d (%.1f%%)", aligned, total, 100*float64(aligned)/float64(total))
	// 刑法 as amended in 2020 has inserted articles (第十七条之一): repeated numbers.
	if ok, seen := byID["ansvar-flk:ff808181796a636a0179822a19640c92"]; seen {
		if !ok {
			t.Error("刑法 2020: provisions with 之一 articles should align")
		} else {
			for _, r := range recs {
				if r.ID != "ansvar-flk:ff808181796a636a0179822a19640c92" {
					continue
				}
				hs, _ := HeadingsFromProvisions(string(r.Provisions), CountBlocks(r.Text))
				arts := Split(r.Text, hs)
				a := arts[17]
				if a.Anchor != "第十七条之一" || !strings.HasPrefix(a.Body, "第十七条之一") || !strings.HasPrefix(a.Content(), "已满七十五周岁") {
					t.Errorf("刑法 2020 item 18 = %q %q", a.Anchor, a.Body)
				}
			}
		}
	}
	// 兵役法 of 2011: its provisions number 45 twice, apart; that is not an insertion.
	if ok, seen := byID["ansvar-flk:2c909fdd678bf17901678bf7361b061d"]; seen && ok {
		t.Error("兵役法 2011: provisions numbered 45, 46, 45 should not align")
	}
}
