package diff

import (
	"unicode"

	"github.com/guifan/guifan/internal/textnorm"
)

// normText is a text prepared for comparison: formatting that does not change the
// meaning is folded away, and every compared rune remembers where it came from so
// that marks can be put back on the text as written.
type normText struct {
	orig []rune  // the text as written
	norm []rune  // what is compared
	pos  []int32 // pos[k] is the index in orig of norm[k]
	key  string  // string(norm), for equality and hashing
	bg   []uint64
}

// normalize folds full-width forms (textnorm.FoldWidth, and the full-width
// punctuation ，；：（）！？ too), Chinese and ASCII variants of quotes and brackets, and
// drops white space and line breaks, which Chinese text does not need: a version
// that only re-wraps or re-punctuates an article compares equal.
func normalize(s string) normText {
	orig := []rune(s)
	folded := orig
	if f := textnorm.FoldWidth(s); f != s {
		// FoldWidth maps rune to rune; should that ever change, compare unfolded.
		if fr := []rune(f); len(fr) == len(orig) {
			folded = fr
		}
	}
	t := normText{orig: orig, norm: make([]rune, 0, len(orig)), pos: make([]int32, 0, len(orig))}
	for i, r := range folded {
		if isSpace(r) {
			continue
		}
		t.norm = append(t.norm, foldPunct(r))
		t.pos = append(t.pos, int32(i))
	}
	t.key = string(t.norm)
	return t
}

func isSpace(r rune) bool {
	switch r {
	case '\u3000', '\u00a0', '\u200b', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// foldPunct maps punctuation variants to one form.
func foldPunct(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0 // every full-width ASCII form: ，→, ；→; （→(
	}
	switch r {
	case '“', '”', '„', '〝', '〞':
		return '"'
	case '‘', '’':
		return '\''
	case '〔', '【', '［':
		return '['
	case '〕', '】', '］':
		return ']'
	case '﹐':
		return ','
	case '﹔':
		return ';'
	case '﹕':
		return ':'
	case '–', '—', '―':
		return '-'
	}
	return r
}

// bigrams are the text's sorted character pairs, computed once.
func (t *normText) bigrams() []uint64 {
	if t.bg == nil && len(t.norm) > 1 {
		t.bg = bigrams(t.norm)
	}
	return t.bg
}
