package ingest

import (
	"path"
	"sort"
	"strings"

	"github.com/guifan/guifan/internal/article"
)

// joinParts merges bulk records that are parts of one document: the same title, no
// dates and no version key, from files in one source folder (LawRefBook keeps the
// 民法典 as 总则.md, 物权编.md, … under 民法典/). Undated, they cannot be versions; read
// apart, each would pose as the whole law. Parts are ordered by their first article.
func joinParts(lines []bulkLine) []bulkLine {
	groups := map[string][]int{}
	for i, l := range lines {
		f := l.fields
		if f.PublishDate != 0 || f.EffectiveDate != 0 || f.VersionOf != "" || f.Source == "" || strings.TrimSpace(f.Title) == "" {
			continue
		}
		k := f.Title + "\x00" + path.Dir(f.Source)
		groups[k] = append(groups[k], i)
	}
	drop := map[int]bool{}
	for _, idx := range groups {
		if len(idx) < 2 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool {
			return firstArticle(lines[idx[a]].fields.Text) < firstArticle(lines[idx[b]].fields.Text)
		})
		head := lines[idx[0]]
		merged := *head.fields
		var texts, keys, ids []string
		for _, i := range idx {
			texts = append(texts, lines[i].fields.Text)
			keys = append(keys, lines[i].key)
			if i != idx[0] {
				ids = append(ids, firstNonEmpty(lines[i].fields.ID, lines[i].fields.VersionID))
				drop[i] = true
			}
		}
		merged.Text = strings.Join(texts, "\n\n")
		lines[idx[0]] = bulkLine{key: strings.Join(keys, "+"), line: head.line, fields: &merged, partIDs: ids, parts: len(idx)}
	}
	out := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// firstArticle is the number of the first 第X条 in a text, or a large number when it has none.
func firstArticle(text string) int {
	for _, a := range article.Split(text, nil) {
		if a.Seq > 0 {
			return a.Seq
		}
	}
	return 1 << 30
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
