package meta

import (
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// dateSpan is a calendar date written in the text at [start, end).
type dateSpan struct {
	date       model.Date
	start, end int
}

// findDates returns the dates written as 2024年7月1日 (stray spaces allowed) or in
// Chinese numerals, 二〇二二年六月二十日 (〇 or ○), in order.
func findDates(s string) []dateSpan {
	var out []dateSpan
	for off := 0; ; {
		k := strings.Index(s[off:], "年")
		if k < 0 {
			return out
		}
		at := off + k
		off = at + len("年")
		if d, ok := dateAround(s, at); ok {
			out = append(out, d)
			off = d.end
		}
	}
}

// dateAround reads the date whose 年 is at s[at:].
func dateAround(s string, at int) (dateSpan, bool) {
	// Year: four digits or four Chinese digits, spaces allowed before 年.
	i := skipSpaceBack(s, at, 2)
	start := i
	n := 0
	for start > 0 && n < 4 {
		r, w := utf8.DecodeLastRuneInString(s[:start])
		if !docnum.IsNumeralRune(r) || r == '十' || r == '百' || r == '千' || r == '万' {
			break
		}
		start -= w
		n++
	}
	if n != 4 {
		return dateSpan{}, false
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); isDigitRune(r) {
		return dateSpan{}, false
	}
	y, ok := docnum.ParseNumeral(s[start:i])
	if !ok {
		return dateSpan{}, false
	}
	j := skipSpace(s, at+len("年"), 2)
	m, j, ok := numeralUntil(s, j, "月")
	if !ok {
		return dateSpan{}, false
	}
	d, j, ok := numeralUntil(s, j, "日")
	if !ok {
		return dateSpan{}, false
	}
	date := model.NewDate(y, m, d)
	if date == 0 || y < 1900 || y > 2100 {
		return dateSpan{}, false
	}
	return dateSpan{date: date, start: start, end: j}, true
}

// numeralUntil reads a one- or two-place number (6, 06, 二十) then spaces and unit.
func numeralUntil(s string, j int, unit string) (int, int, bool) {
	j = skipSpace(s, j, 2)
	e := j
	n := 0
	for e < len(s) && n < 4 {
		r, w := utf8.DecodeRuneInString(s[e:])
		if !docnum.IsNumeralRune(r) {
			break
		}
		e += w
		n++
	}
	if n == 0 {
		return 0, 0, false
	}
	v, ok := docnum.ParseNumeral(s[j:e])
	if !ok {
		return 0, 0, false
	}
	e = skipSpace(s, e, 2)
	if !strings.HasPrefix(s[e:], unit) {
		return 0, 0, false
	}
	return v, e + len(unit), true
}

// parseDateLine reads a line that is only a date: 2022 年 6 月 20 日, 二〇二二年六月二十日,
// 2022-06-20, 2022/6/20 or 2022.6.20.
func parseDateLine(line string) (model.Date, bool) {
	line = strings.TrimSpace(line)
	if ds := findDates(line); len(ds) == 1 && ds[0].start == 0 && strings.TrimSpace(line[ds[0].end:]) == "" {
		return ds[0].date, true
	}
	return parseNumericDate(line)
}

// parseNumericDate reads 2022-06-20, 2022/6/20 or 2022.6.20 filling the whole string.
func parseNumericDate(s string) (model.Date, bool) {
	var parts []int
	cur, digits := 0, 0
	sep := rune(0)
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			cur = cur*10 + int(r-'0')
			digits++
			if digits > 4 {
				return 0, false
			}
		case r == '-' || r == '/' || r == '.':
			if digits == 0 || sep != 0 && r != sep {
				return 0, false
			}
			sep = r
			parts = append(parts, cur)
			cur, digits = 0, 0
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	parts = append(parts, cur)
	if len(parts) != 3 || parts[0] < 1900 || parts[0] > 2100 {
		return 0, false
	}
	d := model.NewDate(parts[0], parts[1], parts[2])
	return d, d != 0
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
