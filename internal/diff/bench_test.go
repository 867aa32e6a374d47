package diff

import (
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/article"
)

type benchPair struct {
	name                  string
	oldText, newText      string
	oldHeadings, newHeads []string
}

// benchPairs are real versions from laws.jsonl, and the largest law, 民法典, against
// itself with one article inserted near its start so that some 1,260 articles shift.
func benchPairs(b *testing.B) []benchPair {
	ids := map[string]string{
		"lawrefbook:346e158f261d4a6c888ab67f87331c78": "公司法 2018",
		"lawrefbook:63b57441812b41ec9e96b1fa27d3eb44": "公司法 2023",
		"ansvar-flk:2c909fdd678bf17901678bf6922504bf": "刑法 2009",
		"ansvar-flk:ff808181796a636a0179822a19640c92": "刑法 2020",
		"lawrefbook:c2ca1d7f068346ceafbfb9875b887e2a": "刑诉解释 2012",
		"lawrefbook:31836d8468e24c488a8e4a54c851a6db": "刑诉解释 2021",
		"lawrefbook:0e687e2c582c499180d0d21b14e81342": "检察院刑诉规则 2012",
		"lawrefbook:2d96c511d7af4e7eb269b9b914738f0e": "检察院刑诉规则 2019",
	}
	parts := []string{"总则", "物权编", "合同编", "人格权编", "婚姻家庭编", "继承编", "侵权责任编", "附则"}
	recs := loadLaws(b, func(r lawRecord) bool { return ids[r.ID] != "" || r.Title == "中华人民共和国民法典" })
	text := map[string]string{}
	heads := map[string][]string{}
	civil := map[string]string{}
	for _, r := range recs {
		if name := ids[r.ID]; name != "" {
			text[name] = r.Text
			if r.Collection == "ansvar-flk" {
				heads[name], _ = article.HeadingsFromProvisions(string(r.Provisions), article.CountBlocks(r.Text))
			}
			continue
		}
		for _, p := range parts {
			if strings.Contains(r.Text, "\n# "+p+"\n") {
				civil[p] = r.Text
			}
		}
	}
	if len(text) != len(ids) || len(civil) != len(parts) {
		b.Skipf("benchmark versions not all in the corpus (%d of %d, 民法典 %d of %d parts)", len(text), len(ids), len(civil), len(parts))
	}
	var whole []string
	for _, p := range parts {
		whole = append(whole, civil[p])
	}
	civilOld, civilNew := insertArticle(strings.Join(whole, "\n\n"))
	longOld, longNew := longArticle()
	return []benchPair{
		{"公司法_2018_2023", text["公司法 2018"], text["公司法 2023"], nil, nil},
		{"刑法_2009_2020_provisions", text["刑法 2009"], text["刑法 2020"], heads["刑法 2009"], heads["刑法 2020"]},
		{"刑诉解释_2012_2021", text["刑诉解释 2012"], text["刑诉解释 2021"], nil, nil},
		{"检察院刑诉规则_2012_2019", text["检察院刑诉规则 2012"], text["检察院刑诉规则 2019"], nil, nil},
		{"民法典_identical", civilOld, civilOld, nil, nil},
		{"民法典_inserted_article", civilOld, civilNew, nil, nil},
		{"long_article_rewritten", longOld, longNew, nil, nil},
	}
}

// longArticle is one article of some 60,000 characters with every third sentence
// rewritten: beyond the character diff's bound, so it is compared by sentence.
func longArticle() (string, string) {
	var o, n strings.Builder
	o.WriteString("第一条 ")
	n.WriteString("第一条 ")
	for i := 0; i < 4000; i++ {
		s := "第" + article.ChineseNumber(i) + "项 申请人应当提交材料。"
		o.WriteString(s)
		if i%3 == 0 {
			s = "第" + article.ChineseNumber(i) + "项 申请人可以通过网络提交电子材料。"
		}
		n.WriteString(s)
	}
	return o.String(), n.String()
}

// insertArticle writes the 民法典 back from its articles, and again with a new
// 第二条 so that every later article is renumbered.
func insertArticle(text string) (string, string) {
	var o, n strings.Builder
	for _, a := range article.Split(text, nil) {
		if a.Kind != article.KindArticle {
			o.WriteString(a.Body + "\n\n")
			n.WriteString(a.Body + "\n\n")
			continue
		}
		o.WriteString(a.Number + " " + a.Content() + "\n\n")
		if a.Seq == 2 && a.Sub == 0 {
			n.WriteString("第二条 国家依法保护民事主体在数字环境中的合法权益。\n\n")
		}
		seq := a.Seq
		if seq >= 2 {
			seq++
		}
		n.WriteString("第" + article.ChineseNumber(seq) + "条 " + a.Content() + "\n\n")
	}
	return o.String(), n.String()
}

func BenchmarkCompare(b *testing.B) {
	for _, p := range benchPairs(b) {
		b.Run(p.name, func(b *testing.B) {
			var res Result
			cpu0 := cpuTime()
			for b.Loop() {
				res = Compare(p.oldText, p.newText, p.oldHeadings, p.newHeads)
			}
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			}
			s := res.Summary
			b.ReportMetric(float64(len(p.oldText)+len(p.newText))/1024, "KB")
			b.ReportMetric(float64(len(res.Rows)), "rows")
			b.Logf("%s: %d+%d bytes, %d rows: same %d changed %d added %d removed %d moved %d coarse %d",
				p.name, len(p.oldText), len(p.newText), len(res.Rows), s.Same, s.Changed, s.Added, s.Removed, s.Moved, s.Coarse)
		})
	}
}
