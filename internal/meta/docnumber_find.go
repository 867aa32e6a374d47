package meta

import (
	"strings"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// ownNumberOfLine returns the document number when a line is only that number, or
// the number followed by 签发人 as red headers print it; "" otherwise. A number
// cited inside a sentence is never the document's own.
func ownNumberOfLine(s string) string {
	if len(s) > 180 {
		return ""
	}
	c := compact(s)
	if i := strings.Index(c, "签发人"); i > 0 {
		c = c[:i]
	}
	return docnum.Normalize(c)
}

// findDocNumber reads the document's own number: from the information table, the
// red header or the lines under the title (法释〔2023〕13号), a law's header line
// (国务院令第715号公布), the file name, and last the title's closing parentheses.
func findDocNumber(d *doc, h Hint, f fields, law lawHeader, info *Info) string {
	fromName := fileNameNumber(h.FileName)
	own := f.docNumber
	if own == "" {
		for _, l := range d.header {
			if n := ownNumberOfLine(l.s); n != "" {
				own = n
				break
			}
		}
	}
	if own == "" {
		for i := 0; i < d.head; i++ {
			if n := ownNumberOfLine(d.lines[i].s); n != "" {
				own = n
				break
			}
		}
	}
	if own == "" {
		own = law.docNumber
	}
	switch {
	case own == "" && fromName == "":
		return titleNumber(info.Title)
	case own == "":
		return fromName
	case fromName != "" && docnum.Key(fromName) != docnum.Key(own):
		info.warn("文件名中的文号" + fromName + "与正文中的文号" + own + "不一致，采用正文")
	}
	return own
}

// titleNumber is the number a title ends with in parentheses, as listings and some
// files print a document's own number after its title: …的批复（临翔发改复[2018]172号）.
// It is only asked for when the document shows no other number. Even then, a number
// right after a cited title (…《某办法》（某政发〔2020〕1号）) names that document, and
// one in the title of an interpretation (解读) the document explained: neither is the
// document's own.
func titleNumber(title string) string {
	n, before := docnum.TrailingNumber(title)
	if n == "" || strings.HasSuffix(before, "》") || strings.HasSuffix(before, "〉") {
		return ""
	}
	if k, _ := interpretationOf(title); k == model.KindInterpretation {
		return ""
	}
	return n
}
