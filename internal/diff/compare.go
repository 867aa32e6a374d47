// Package diff compares two versions of a normative text article by article (新旧对照):
// 第X条 is set against 第X条, and inside a changed article the changed characters are
// marked. Formatting alone (full- or half-width forms, punctuation variants, spaces
// and line breaks) is not a change.
package diff

import (
	"strconv"

	"github.com/guifan/guifan/internal/article"
)

// Op says how an article fared between two versions.
type Op string

const (
	OpSame    Op = "same"
	OpAdded   Op = "added"   // only in the new version
	OpRemoved Op = "removed" // only in the old version
	OpChanged Op = "changed"
)

// PreambleKey labels the row of the text before the first article: title and 题注.
const PreambleKey = "题注"

// Row is one line of the comparison.
type Row struct {
	// Key labels the row: 第十条 (in Chinese numerals whatever the writing), 一、 for a
	// notice's part, 题注 for the preamble, 第3段 for a paragraph.
	Key string `json:"key"`
	// Anchor is the item's anchor in the new version (in the old one when removed),
	// as article.Split gives it: link to /works/…/versions/…#Anchor.
	Anchor string `json:"anchor"`
	Op     Op     `json:"op"`
	// Chapter is the heading path the item reads under (第二章 待遇 > 第一节 …), in
	// the new version unless the row is removed.
	Chapter string `json:"chapter,omitempty"`
	// OldChapter is the old article's heading path when a row pairs two articles under
	// different headings: a chapter renamed, renumbered (a chapter added or removed
	// before it), or the article moved to another chapter.
	OldChapter string `json:"old_chapter,omitempty"`
	// Old and New are the texts without their labels; the spans cover them exactly
	// and are set for changed rows only.
	Old      string `json:"old,omitempty"`
	New      string `json:"new,omitempty"`
	OldSpans []Span `json:"old_spans,omitempty"`
	NewSpans []Span `json:"new_spans,omitempty"`
	// MovedFrom is the old article whose text this row's new article carries, when
	// that is another number (after an insertion every later article shifts);
	// MovedTo is the new article that carries this row's old text.
	MovedFrom string `json:"moved_from,omitempty"`
	MovedTo   string `json:"moved_to,omitempty"`
	// Note says the same in words: 原第十条; 原文移至第十一条.
	Note string `json:"note,omitempty"`
	// Coarse says the marks are by sentence or whole text: the article was too long
	// or too rewritten for a character comparison within bounds.
	Coarse bool `json:"coarse,omitempty"`
}

// Summary counts the rows by outcome.
type Summary struct {
	Same    int `json:"same"`
	Changed int `json:"changed"`
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Moved   int `json:"moved"` // rows whose new text is an old article of another number
	Coarse  int `json:"coarse,omitempty"`
}

// Result is a whole comparison.
type Result struct {
	Rows    []Row   `json:"rows"`
	Summary Summary `json:"summary"`
	// AlignedBy is "number" when items were matched by their numbers, "content"
	// when items were matched by their text: the texts have no common numbering
	// (paragraphs, or articles against paragraphs), or articles were renumbered (an
	// article inserted or removed shifts every later number; each row then notes the
	// old number, 原第十六条).
	AlignedBy string `json:"aligned_by"`
}

// Compare sets two versions of a text side by side. The headings are for texts that
// carry no article numbers (see article.HeadingsFromProvisions); nil otherwise.
func Compare(oldText, newText string, oldHeadings, newHeadings []string) Result {
	return CompareArticles(article.Split(oldText, oldHeadings), article.Split(newText, newHeadings))
}

// item is an article prepared for comparison.
type item struct {
	art  article.Article
	text normText
	key  string // what matches across versions: kind and anchor
}

func prepare(arts []article.Article) []item {
	items := make([]item, len(arts))
	for i, a := range arts {
		items[i] = item{art: a, text: normalize(a.Content()), key: string(a.Kind) + ":" + a.Anchor}
	}
	return items
}

// label is how a row names an item.
func (it item) label() string {
	a := it.art
	switch a.Kind {
	case article.KindPreamble:
		return PreambleKey
	case article.KindSection:
		return article.ChineseNumber(a.Seq) + "、"
	case article.KindParagraph:
		return "第" + strconv.Itoa(a.Seq) + "段"
	}
	return a.Anchor
}

// CompareArticles compares two texts already split by article.Split.
func CompareArticles(oldArts, newArts []article.Article) Result {
	a, b := prepare(oldArts), prepare(newArts)
	var res Result
	var pairs [][2]int
	if numbered(oldArts) && numbered(newArts) && kindOf(oldArts) == kindOf(newArts) {
		res.AlignedBy = "number"
		pairs = alignByNumber(a, b)
	} else {
		res.AlignedBy = "content"
		pairs = alignByContent(a, b)
	}
	res.Rows = rowsOf(a, b, pairs)
	if res.AlignedBy == "number" {
		noteMoves(a, b, pairs, res.Rows)
		if renumbered(res.Rows) {
			// An article inserted or removed shifts every later number: set against the
			// article of its number, each of them would read as rewritten. Each article
			// is set against the one whose text it carries instead, with its old number
			// (原第十六条), as a 修改前后对照表 does.
			res.AlignedBy = "content"
			pairs = pairMoved(a, b, alignByContent(a, b))
			res.Rows = rowsOf(a, b, pairs)
			noteRenumbered(a, b, pairs, res.Rows)
		}
	}
	for _, r := range res.Rows {
		switch r.Op {
		case OpSame:
			res.Summary.Same++
		case OpChanged:
			res.Summary.Changed++
		case OpAdded:
			res.Summary.Added++
		case OpRemoved:
			res.Summary.Removed++
		}
		if r.MovedFrom != "" {
			res.Summary.Moved++
		}
		if r.Coarse {
			res.Summary.Coarse++
		}
	}
	return res
}

func rowsOf(a, b []item, pairs [][2]int) []Row {
	rows := make([]Row, 0, len(pairs))
	for _, p := range pairs {
		rows = append(rows, makeRow(a, b, p[0], p[1]))
	}
	return rows
}

// renumbered tells whether, aligned by number, some new article carries the text of an
// old article of another number.
func renumbered(rows []Row) bool {
	for _, r := range rows {
		if r.MovedFrom != "" {
			return true
		}
	}
	return false
}

// noteRenumbered notes on each row pairing two articles of different numbers the old
// one's: 原第十六条; an article removed is labelled by its old number the same way, so
// it does not read as the new article of that number.
func noteRenumbered(a, b []item, pairs [][2]int, rows []Row) {
	for k, p := range pairs {
		if p[1] < 0 {
			rows[k].Key = "原" + rows[k].Key
			continue
		}
		if p[0] < 0 {
			continue
		}
		if from := a[p[0]].label(); from != b[p[1]].label() {
			rows[k].MovedFrom, rows[k].Note = from, "原"+from
		}
	}
}

// numbered says whether a text's items carry numbers (articles or notice parts).
func numbered(arts []article.Article) bool {
	k := kindOf(arts)
	return k == article.KindArticle || k == article.KindSection
}

// kindOf is the kind of a text's items besides its preamble.
func kindOf(arts []article.Article) article.Kind {
	for _, a := range arts {
		if a.Kind != article.KindPreamble {
			return a.Kind
		}
	}
	return article.KindPreamble
}

func makeRow(a, b []item, i, j int) Row {
	var r Row
	switch {
	case i >= 0 && j >= 0:
		r.Key, r.Anchor, r.Chapter = b[j].label(), b[j].art.Anchor, b[j].art.Chapter
		if c := a[i].art.Chapter; c != r.Chapter {
			r.OldChapter = c
		}
		r.Old, r.New = a[i].art.Content(), b[j].art.Content()
		if a[i].text.key == b[j].text.key {
			r.Op = OpSame
		} else {
			r.Op = OpChanged
			r.OldSpans, r.NewSpans, r.Coarse = markChanges(&a[i].text, &b[j].text)
		}
	case j >= 0:
		r.Key, r.Anchor, r.Chapter, r.Op = b[j].label(), b[j].art.Anchor, b[j].art.Chapter, OpAdded
		r.New = b[j].art.Content()
	default:
		r.Key, r.Anchor, r.Chapter, r.Op = a[i].label(), a[i].art.Anchor, a[i].art.Chapter, OpRemoved
		r.Old = a[i].art.Content()
	}
	return r
}
