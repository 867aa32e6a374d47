// Package textnorm normalises Chinese document text and queries the same way,
// so that what is indexed and what is searched compare equal.
package textnorm

import (
	"golang.org/x/text/unicode/norm"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldWidth turns full-width ASCII letters, digits and a few symbols (ＡＢＣ１２３％)
// into their ASCII forms. Chinese punctuation such as ，。（）《》 is left alone:
// it is what the documents are written in.
func FoldWidth(s string) string {
	if !hasFullWidth(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func hasFullWidth(s string) bool {
	for i := 0; i < len(s); i++ {
		// Every full-width form starts with 0xEF 0xBC or 0xEF 0xBD in UTF-8, every
		// radical (U+2E80–U+2FDF) with 0xE2 0xBA–0xBF.
		if s[i] == 0xEF && i+1 < len(s) && (s[i+1] == 0xBC || s[i+1] == 0xBD) ||
			s[i] == 0xE2 && i+1 < len(s) && s[i+1] >= 0xBA && s[i+1] <= 0xBF {
			return true
		}
	}
	return false
}

// radicals maps the Kangxi radicals and the CJK radicals supplement (U+2E80–U+2FDF)
// to the ideographs they look like (⼈ → 人, ⻅ → 见). PDFs printed by Chrome and some
// Word fonts carry them instead of the ideographs, so 施⾏ would not read as 施行.
var radicals = func() map[rune]rune {
	m := map[rune]rune{}
	for r := rune(0x2E80); r <= 0x2FDF; r++ {
		if f := []rune(norm.NFKC.String(string(r))); len(f) == 1 && f[0] != r {
			m[r] = f[0]
		}
	}
	// The supplement's simplified forms have no NFKC mapping; the common ones.
	for k, v := range map[rune]rune{'⻅': '见', '⻓': '长', '⻔': '门', '⻢': '马', '⻋': '车', '⻜': '飞', '⻉': '贝', '⻚': '页', '⻛': '风', '⻥': '鱼', '⻦': '鸟', '⻬': '齐', '⻰': '龙', '⻳': '龟', '⻘': '青', '⻝': '食', '⻨': '麦', '⻩': '黄', '⻄': '西', '⻆': '角'} {
		if _, ok := m[k]; !ok {
			m[k] = v
		}
	}
	return m
}()

func foldRune(r rune) rune {
	if r >= 0x2E80 && r <= 0x2FDF {
		if f, ok := radicals[r]; ok {
			return f
		}
		return r
	}
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	case r == '％', r == '＋', r == '－', r == '．', r == '／', r == '＝', r == '＠', r == '＃', r == '＆', r == '＿':
		return r - 0xFEE0
	}
	return r
}

// Clean makes extracted text tidy without changing its words: it unifies line
// endings, drops control and zero-width characters, trims line ends and keeps at
// most one blank line between paragraphs.
func Clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRightFunc(dropInvisible(line), unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

func dropInvisible(s string) string {
	clean := true
	for _, r := range s {
		if isInvisible(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			if r == '\t' {
				return ' '
			}
			return -1
		}
		return r
	}, s)
}

func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', utf8.RuneError:
		return true
	}
	return r < 0x20 && r != '\n' || r == 0x7f
}

// IsHan reports whether r is a Chinese character (CJK ideograph).
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// Compact removes every space (ASCII, ideographic and no-break) from s: Chinese text
// has no spaces between words, and PDFs and red-header layouts add stray ones
// (“2022 年 6 月”, “农办机〔 2019〕7 号”).
func Compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// Query normalises a search query or lookup key the way indexed text is normalised.
func Query(s string) string {
	return strings.TrimSpace(strings.ToLower(FoldWidth(s)))
}
