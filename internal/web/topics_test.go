package web

import (
	"context"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

// Every topic shortcut on the home page must lead to documents in force that are
// about the topic, on the laws of the shipped sample library.
func TestTopicsFindDocumentsInForce(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the sample library's laws (about 10 s)")
	}
	// A title among the first five results must say what the topic is about.
	about := map[string]string{
		"生育": "生育", "上学": "教育", "就业": "就业", "创业": "企业", "养老": "养老|老年", "医疗": "医疗",
		"纳税": "税", "社保": "社会保险", "住房": "住房", "婚姻家庭": "婚姻", "劳动用工": "劳动", "工伤": "工伤",
		"失业": "失业", "社会救助": "救助|最低生活", "残疾人": "残疾", "未成年人": "未成年", "消费维权": "消费者",
	}
	// The law a topic's questions come back to first, where there is one: 纳税 alone
	// ranked the laws of single taxes (环境保护税法实施条例) above it.
	first := map[string]string{"纳税": "中华人民共和国税收征收管理法"}
	idx := filepath.Join(t.TempDir(), "index")
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: filepath.Join("..", "..", "library", "laws"), Index: idx}); err != nil {
		t.Fatal(err)
	}
	st, done, err := service.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	today := model.Date(20260301)
	for _, tp := range topics {
		t.Run(tp.Label, func(t *testing.T) {
			pattern, ok := about[tp.Label]
			if !ok {
				t.Fatalf("topic %s has no expectation here: check its query on the sample library and add one", tp.Label)
			}
			u, err := url.Parse(tp.URL())
			if err != nil {
				t.Fatal(err)
			}
			q, err := search.FromValues(u.Query(), today)
			if err != nil {
				t.Fatal(err)
			}
			q.Size = 5
			res, err := st.Search(context.Background(), q, service.Viewer{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total < 3 || res.Match != "exact" {
				t.Errorf("%q: %d documents, match %s; want at least 3 matching exactly", tp.Query, res.Total, res.Match)
			}
			re := regexp.MustCompile(pattern)
			var titles []string
			found := false
			for _, h := range res.Hits {
				if h.Status != "现行有效" {
					t.Errorf("%q: %s is %s", tp.Query, h.Title, h.Status)
				}
				titles = append(titles, h.Title)
				found = found || re.MatchString(h.Title)
			}
			if !found {
				t.Errorf("%q: no title about %s among %s", tp.Query, pattern, strings.Join(titles, "；"))
			}
			if want := first[tp.Label]; want != "" && (len(titles) == 0 || titles[0] != want) {
				t.Errorf("%q: first %v, want %s", tp.Query, titles, want)
			}
		})
	}
}
