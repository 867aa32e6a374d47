// Package privacy screens text for personal information that 政务公开 (government
// information disclosure) must not publish: 居民身份证号码 (resident identity numbers,
// GB 11643-1999) and mainland mobile phone numbers. It runs on every ingested text,
// so it reads bytes in one pass without regular expressions and never reports a
// number in clear: findings carry masked values only.
//
// What counts as a finding:
//   - id_number: 17 digits and a check character (0-9 or X), whole or grouped 6-8-4,
//     whose check character is right (ISO 7064 MOD 11-2), whose first two digits are a
//     province code and whose birth date is a real date from 1900-01-01 to today.
//     15-digit first-generation numbers are not reported: they have no check
//     character, so in budget tables and account numbers they cannot be told from
//     other 15-digit figures, and those cards have been invalid since 2013.
//   - mobile: 11 digits 13x-19x, whole or grouped 3-4-4 with one space or hyphen,
//     optionally after +86 / 86.
//
// A number must stand alone: not inside a longer digit run, not touching a letter
// (codes such as 合同编号 HT13800138000), not part of a decimal, and when grouped, not
// one stretch of a longer row of groups joined by the same separator.
package privacy

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Finding kinds.
const (
	KindID     = "id_number" // 居民身份证号码
	KindMobile = "mobile"    // 手机号码
)

// Finding is one piece of personal information in a text. Start and End are byte
// offsets of the number as written, a +86 prefix included. Masked and Context never
// hold the hidden digits.
type Finding struct {
	Kind    string `json:"kind"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Line    int    `json:"line"`    // 1-based line of Start
	Masked  string `json:"masked"`  // 110105********1234, 138****8000: ASCII digits, no country code
	Context string `json:"context"` // a short excerpt around it, masked
}

// contextRunes is how many characters of text Context shows on each side.
const contextRunes = 12

// Scan returns the personal information found in text, in order of position.
func Scan(text string) []Finding {
	var now int
	today := func() int {
		if now == 0 {
			y, m, d := time.Now().Date()
			now = y*10000 + int(m)*100 + d
		}
		return now
	}
	return scan(text, today)
}

func scan(s string, today func() int) []Finding {
	var cs []candidate
	var r run
	for i := 0; i < len(s); {
		i = skipPlain(s, i)
		if i >= len(s) {
			break
		}
		r.read(s, i)
		cand, ok := matchAt(s, &r, today)
		if ok {
			cs = append(cs, cand)
			i = cand.end
		} else {
			i = r.end
		}
	}
	if len(cs) == 0 {
		return nil
	}
	fs := make([]Finding, len(cs))
	line, last := 1, 0
	for k, c := range cs {
		line += strings.Count(s[last:c.start], "\n")
		last = c.start
		fs[k] = Finding{Kind: c.kind, Start: c.start, End: c.end, Line: line, Masked: maskedValue(c)}
	}
	for k := range fs {
		fs[k].Context = excerpt(s, fs, k)
	}
	return fs
}

// matchAt tries every shape of number that can start with run r.
// The cheap tests on the leading digits come first: budget tables are full of
// short runs that must be dismissed quickly.
func matchAt(s string, r *run, today func() int) (candidate, bool) {
	switch r.n {
	case 2, 13:
		if r.d[0] == '8' && r.d[1] == '6' {
			return matchPrefixed(s, *r)
		}
	case 3, 11:
		if mobileHead(r.d[0], r.d[1]) {
			return matchMobile(s, *r, true)
		}
	case 6, 17, 18:
		if provinceCodes[int(r.d[0]-'0')*10+int(r.d[1]-'0')] {
			return matchID(s, *r, today)
		}
	}
	return candidate{}, false
}

// hidden returns which digits of a finding's span are masked, counted over the
// digits of the span: the 8 birth-date digits of an ID, the 4 middle digits of a
// mobile (the last 11 digits of the span, after any 86 prefix).
func hidden(kind string, digits int) (from, to int) {
	switch kind {
	case KindID:
		return 6, 14
	case KindMobile:
		return digits - 8, digits - 4
	}
	return 0, 0
}

func maskedValue(c candidate) string {
	from, to := hidden(c.kind, c.n)
	b := []byte(string(c.d[:c.n]))
	for i := from; i < to; i++ {
		b[i] = '*'
	}
	return string(b)
}

// maskSpan overwrites, in b (a copy of s[lo:lo+len(b)]), the hidden digits of the
// finding f. ASCII digits become '*', full-width digits '＊', so lengths and all
// other offsets stay as they were.
func maskSpan(b []byte, s string, lo int, f Finding) {
	total := 0
	for i := f.Start; i < f.End; {
		if _, w := digitAt(s[:f.End], i); w > 0 {
			total++
			i += w
		} else {
			i++
		}
	}
	from, to := hidden(f.Kind, total)
	k := 0
	for i := f.Start; i < f.End; {
		_, w := digitAt(s[:f.End], i)
		if w == 0 {
			i++
			continue
		}
		if k >= from && k < to && i >= lo && i+w <= lo+len(b) {
			if w == 1 {
				b[i-lo] = '*'
			} else {
				copy(b[i-lo:], "＊")
			}
		}
		k++
		i += w
	}
}

// Mask returns text with the hidden digits of each finding replaced by '*' (or '＊'
// for full-width digits). The result has the same length as text. Findings whose
// offsets do not fit text are ignored.
func Mask(text string, fs []Finding) string {
	if len(fs) == 0 {
		return text
	}
	b := []byte(text)
	for _, f := range fs {
		if f.Start < 0 || f.End > len(text) || f.Start > f.End {
			continue
		}
		maskSpan(b, text, 0, f)
	}
	return string(b)
}

// excerpt returns up to contextRunes characters each side of fs[k], with every
// finding in that window masked and line breaks shown as spaces.
func excerpt(s string, fs []Finding, k int) string {
	f := fs[k]
	lo := f.Start
	for n := 0; n < contextRunes && lo > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(s[:lo])
		lo -= w
	}
	hi := f.End
	for n := 0; n < contextRunes && hi < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[hi:])
		hi += w
	}
	b := []byte(s[lo:hi])
	for j := k; j >= 0 && fs[j].End > lo; j-- {
		maskSpan(b, s, lo, fs[j])
	}
	for j := k + 1; j < len(fs) && fs[j].Start < hi; j++ {
		maskSpan(b, s, lo, fs[j])
	}
	for i, c := range b {
		if c == '\n' || c == '\r' || c == '\t' {
			b[i] = ' '
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}
