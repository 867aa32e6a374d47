// Package textnorm normalises Chinese document text and queries the same way,
// so that what is indexed and what is searched compare equal.
package textnorm

import (
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
		// Every full-width form starts with 0xEF 0xBC or 0xEF 0xBD in UTF-8.
		if s[i] == 0xEF && i+1 < len(s) && (s[i+1] == 0xBC || s[i+1] == 0xBD) {
			return true
		}
	}
	return false
}

func foldRune(r rune) rune {
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
