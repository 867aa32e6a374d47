package ingest

import (
	"github.com/guifan/guifan/internal/article"
	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/library"
)

// provisionHeadings gives article headings for bulk records whose text carries none
// (ansvar-flk keeps article numbers in `provisions`, aligned with the text's blocks).
func provisionHeadings(r *catalog.Record, f *library.Fields, text string) []string {
	if len(f.Provisions) == 0 || string(f.Provisions) == "null" {
		return nil
	}
	h, ok := article.HeadingsFromProvisions(string(f.Provisions), article.CountBlocks(text))
	if !ok {
		r.Version.Warnings = append(r.Version.Warnings, "provisions 与正文段落数不一致，未标注条号")
		return nil
	}
	return h
}
