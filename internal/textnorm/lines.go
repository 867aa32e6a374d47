package textnorm

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// JoinLines rebuilds paragraphs from layout lines (PDF, OFD): a line break inside a
// sentence is dropped, while a break after closing punctuation, before a heading
// (第一条, 一、, （一）, 1.) or after a short line (a title, a signature, a date) stays.
// Paragraphs are separated by a blank line in the result.
func JoinLines(lines []string) string { return JoinLinesGlued(lines, nil) }

// JoinLinesGlued is JoinLines for a caller that knows more than the text: where
// glued[i] is true, line i continues line i-1 even after a sentence end (a PDF line
// running to the right margin, the next line showing no paragraph start).
func JoinLinesGlued(lines []string, glued []bool) string {
	width := typicalWidth(lines)
	var b strings.Builder
	prev := ""
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			if prev != "" {
				b.WriteString("\n\n")
				prev = ""
			}
			continue
		}
		if prev != "" {
			if i < len(glued) && glued[i] || continues(prev, line, width) {
				// Latin words need their space back; Chinese text never had one.
				if needsSpace(prev, line) {
					b.WriteByte(' ')
				}
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(line)
		prev = line
	}
	return strings.TrimSpace(b.String())
}

var headingStart = regexp.MustCompile(`^(第[一二三四五六七八九十百千零〇0-9]+[条章节编款]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十0-9]+\)|[0-9]+[.、．]|附件|附：)`)

// StartsHeading reports whether a line opens an article, a numbered item or an
// attachment (第三条, 二、, （一）, 1., 附件), which never continues the line above.
func StartsHeading(line string) bool { return headingStart.MatchString(line) }

func continues(prev, next string, width int) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune("。！？；：!?;:", last) {
		return false
	}
	if headingStart.MatchString(next) {
		return false
	}
	// A line much shorter than the page's usual line ended its paragraph on purpose.
	if width > 0 && utf8.RuneCountInString(prev) < width*7/10 {
		return false
	}
	return true
}

// typicalWidth is the most common long line length, a proxy for the text column width.
func typicalWidth(lines []string) int {
	counts := map[int]int{}
	for _, l := range lines {
		if n := utf8.RuneCountInString(strings.TrimSpace(l)); n >= 10 {
			counts[n]++
		}
	}
	best, bestN := 0, 0
	for w, n := range counts {
		if n > bestN || n == bestN && w > best {
			best, bestN = w, n
		}
	}
	if bestN < 3 {
		return 0
	}
	return best
}

func needsSpace(prev, next string) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	return a < 0x80 && b < 0x80 && isWordRune(a) && isWordRune(b)
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}
