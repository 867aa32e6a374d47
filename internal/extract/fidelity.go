package extract

import (
	"unicode"

	"github.com/guifan/guifan/internal/textnorm"
)

// BigramRecall is the share of the reference's Chinese-character bigrams that got also
// has, counted as multisets: every pair of adjacent Han characters of the reference,
// whitespace removed, is matched at most as often as it occurs in got. Because bigrams
// span neighbouring characters, text read out of order loses them as surely as text
// missed. A reference without any bigram gives 1.
func BigramRecall(reference, got string) float64 {
	ref := hanBigrams(reference)
	total := 0
	for _, n := range ref {
		total += n
	}
	if total == 0 {
		return 1
	}
	have := hanBigrams(got)
	matched := 0
	for b, n := range ref {
		matched += min(n, have[b])
	}
	return float64(matched) / float64(total)
}

func hanBigrams(s string) map[[2]rune]int {
	out := map[[2]rune]int{}
	var prev rune
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u3000' {
			continue
		}
		if textnorm.IsHan(r) && prev != 0 {
			out[[2]rune{prev, r}]++
		}
		if textnorm.IsHan(r) {
			prev = r
		} else {
			prev = 0
		}
	}
	return out
}
