package article

import "strings"

// Entry is one line of a table of contents (目录): a chapter or section with the
// anchor of its first item and the range of its articles.
type Entry struct {
	Level  int    `json:"level"` // 1 for the outermost heading
	Title  string `json:"title"` // 第二章 自然人, or a notice's part heading 一、总体要求
	Anchor string `json:"anchor"`
	First  string `json:"first,omitempty"` // first article's label: 第十三条
	Last   string `json:"last,omitempty"`  // last article's label: 第五十六条
}

// TOC lists the chapters and sections the articles fall under, in text order, or for
// a notice its parts; nil for a text with neither.
func TOC(arts []Article) []Entry {
	var toc []Entry
	var path []string // the heading path of the previous article
	var open []int    // index in toc of the open entry at each level
	for _, a := range arts {
		switch a.Kind {
		case KindSection:
			toc = append(toc, Entry{Level: 1, Title: a.Heading, Anchor: a.Anchor, First: a.Number, Last: a.Number})
			continue
		case KindArticle:
		default:
			continue
		}
		var cur []string
		if a.Chapter != "" {
			cur = strings.Split(a.Chapter, ChapterSep)
		}
		same := 0
		for same < len(cur) && same < len(path) && cur[same] == path[same] {
			same++
		}
		open = open[:min(same, len(open))]
		for lvl := same; lvl < len(cur); lvl++ {
			toc = append(toc, Entry{Level: lvl + 1, Title: cur[lvl], Anchor: a.Anchor, First: a.Number})
			open = append(open, len(toc)-1)
		}
		for _, i := range open {
			toc[i].Last = a.Number
		}
		path = cur
	}
	return toc
}
