package search

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/model"
)

// Any query string parses without panicking, and highlighting never emits unescaped
// markup from the text.
func FuzzParsePlan(f *testing.F) {
	for _, s := range []string{"失业金怎么领", "法释[2023]13号", `"劳动合同" 解除`, "《中华人民共和国民法典》第一千零六十二条", "税", "ＡＢＣ１２３", "<script>", "被公司辞退有没有补偿", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		p := ParsePlan(q)
		for _, lit := range p.Literals() {
			if lit == "" {
				t.Fatalf("empty literal from %q", q)
			}
		}
		text := "第一条 <b>" + q + "</b> 与" + q
		for _, s := range Snippets(text, p.Literals(), 3, 40) {
			if strings.Contains(strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", ""), "<") {
				t.Fatalf("unescaped markup in snippet %q", s)
			}
		}
		_ = textQuery(p, passExact)
		_ = textQuery(p, passPartial)
		_ = textQuery(p, passLoose)
	})
}

// Any parameter values give a Query or a problem, never a panic; valid queries respect limits.
func FuzzFromValues(f *testing.F) {
	f.Add("公司法", "2024-01-01", "现行有效", "1", "10", "date")
	f.Add("", "2024-02-30", "bogus", "-1", "1000", "x")
	f.Fuzz(func(t *testing.T, q, asof, status, page, size, sort string) {
		v := url.Values{"q": {q}, "asof": {asof}, "status": {status}, "page": {page}, "size": {size}, "sort": {sort}}
		got, err := FromValues(v, model.Date(20261127))
		if err != nil {
			return
		}
		if got.Size < 1 || got.Size > MaxSize || got.Offset < 0 || got.Offset+got.Size > MaxDepth || utf8.RuneCountInString(got.Text) > MaxQueryRunes {
			t.Fatalf("limits broken: %+v", got)
		}
	})
}
