package meta

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// maxSentence bounds how far a sentence reaches either way from a keyword, in bytes
// (about 800 characters): text without punctuation must not make Extract quadratic.
const maxSentence = 2400

// sentenceBounds returns the sentence around text[start:end]: from after the previous
// 。！？； or line break (not before lo) to the next one, inclusive.
func sentenceBounds(text string, lo, start, end int) (int, int) {
	lo = max(lo, start-maxSentence)
	stop := min(len(text), end+maxSentence)
	s := start
	for s > lo {
		r, w := utf8.DecodeLastRuneInString(text[:s])
		if isSentenceEnd(r) {
			break
		}
		s -= w
	}
	for s > 0 && s < len(text) && !utf8.RuneStart(text[s]) {
		s++
	}
	e := end
	for e < stop {
		r, w := utf8.DecodeRuneInString(text[e:])
		if r == '\n' {
			break
		}
		e += w
		if isSentenceEnd(r) {
			break
		}
	}
	return s, e
}

func isSentenceEnd(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '；' || r == '!' || r == '?' || r == ';' || r == '\n'
}

// evidence is a sentence as written, trimmed and capped for display.
func evidence(s string) string {
	s = strings.TrimFunc(s, isBlank)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 300 {
		r := []rune(s)
		s = string(r[:300]) + "…"
	}
	return s
}

// articleHead matches what opens a sentence without being its subject: an article
// number (第八十七条), a list marker (九、 （三） 1．) or Markdown.
var articleHead = regexp.MustCompile(`^(?:#+\s*)?(?:第[一二三四五六七八九十百千零〇0-9]+条(?:之[一二三四五六七八九十]+)?|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])\s*`)

// subjectOf is the compacted text of a sentence before a clause, without its article number.
func subjectOf(text string, sentStart, at int) string {
	return articleHead.ReplaceAllString(compact(text[sentStart:at]), "")
}

// ownSubject reports whether a sentence whose text before the clause is pre speaks of
// the document itself: 本办法…, 此通知…, or nothing (自2021年1月1日起施行。). A clause
// about some articles only (本法第十条自…) or another document (《…》自…) is not.
func ownSubject(pre string) bool {
	pre = strings.TrimPrefix(pre, "自") // 自本规定公布之日起施行
	if pre == "" {
		return true
	}
	if !strings.HasPrefix(pre, "本") && !strings.HasPrefix(pre, "此") {
		return false
	}
	if strings.Contains(pre, "《") || partialRe.MatchString(pre) {
		return false
	}
	return true
}

var partialRe = regexp.MustCompile(`第[一二三四五六七八九十百千零〇0-9]+(?:条|款|项|章|节)|附件`)
