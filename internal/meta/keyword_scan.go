package meta

import "strings"

// scanWords are the words the finders start from. Finding them all in one pass keeps
// Extract linear: strings.Index on Chinese text stops at every character sharing the
// keyword's first UTF-8 byte, and a dozen such scans cost more than the rest together.
var scanWords = func() []string {
	ws := append([]string{}, effVerbs...)
	ws = append(ws, periodWords...)
	for _, e := range endWords {
		ws = append(ws, e.word)
	}
	ws = append(ws, "延长", "延续", "延期", "顺延", "继续有效", "继续执行", "修改", "名称")
	return ws
}()

// firstIndex maps a CJK character (U+4E00–U+9FFF) to 1 + the index in firstWords of
// the words starting with it.
var firstIndex, firstWords = func() ([]uint8, [][]int) {
	idx := make([]uint8, 0x9FFF-0x4E00+1)
	var words [][]int
	for w, s := range scanWords {
		r := []rune(s)[0]
		k := idx[r-0x4E00]
		if k == 0 {
			words = append(words, nil)
			k = uint8(len(words))
			idx[r-0x4E00] = k
		}
		words[k-1] = append(words[k-1], w)
	}
	return idx, words
}()

// maxHits bounds the occurrences kept of one keyword; the longest law uses 执行 a few
// hundred times.
const maxHits = 5000

// keywordHits finds every occurrence of scanWords in text from lo, by word.
func keywordHits(text string, lo int) map[string][]int {
	hits := map[string][]int{}
	for i := lo; i+2 < len(text); i++ {
		c := text[i]
		if c < 0xE4 || c > 0xE9 {
			continue
		}
		r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		if r < 0x4E00 || r > 0x9FFF {
			continue
		}
		if k := firstIndex[r-0x4E00]; k != 0 {
			for _, w := range firstWords[k-1] {
				if strings.HasPrefix(text[i:], scanWords[w]) && len(hits[scanWords[w]]) < maxHits {
					hits[scanWords[w]] = append(hits[scanWords[w]], i)
				}
			}
		}
		i += 2
	}
	return hits
}

// hits returns where word (one of scanWords) occurs in the body, in order.
func (d *doc) hits(word string) []int {
	if d.kw == nil {
		d.kw = keywordHits(d.text, d.bodyStart())
	}
	return d.kw[word]
}
