package service

import (
	"regexp"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/textnorm"
)

var numberLike = regexp.MustCompile(`[\p{Han}A-Za-z]{1,12}\s*[〔\[［（(【﹝{｛]\s*\d{4}\s*[〕\]］）)】﹞}｝]\s*第?\s*\d{1,5}\s*号`)

// numbersIn finds the doc numbers written in a pasted line, normalised.
func numbersIn(s string) []string {
	s = textnorm.FoldWidth(s)
	var out []string
	for _, m := range numberLike.FindAllString(s, -1) {
		if n := docnum.Normalize(m); n != "" {
			out = append(out, n)
		}
	}
	if n := docnum.Normalize(s); n != "" && len(out) == 0 {
		out = append(out, n)
	}
	return out
}

func stripNumbers(s string) string {
	return numberLike.ReplaceAllString(textnorm.FoldWidth(s), "")
}
