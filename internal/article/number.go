package article

import (
	"strconv"
	"strings"
)

var digitNames = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumber writes n the way article numbers are written (1260 → 一千二百六十,
// 10 → 十, 105 → 一百零五, 110 → 一百一十). Numbers of 100,000,000 and above, which no
// document numbers its articles with, are written in Arabic digits.
func ChineseNumber(n int) string {
	switch {
	case n < 0:
		return "负" + ChineseNumber(-n)
	case n == 0:
		return "零"
	case n >= 100000000:
		return strconv.Itoa(n)
	case n >= 10000:
		high, low := n/10000, n%10000
		s := ChineseNumber(high) + "万"
		if low == 0 {
			return s
		}
		if low < 1000 {
			s += "零"
		}
		// Inside a larger number 10–19 keep their 一 (一万零一十, not 一万零十).
		return s + section(low, true)
	}
	return section(n, false)
}

// section writes 1..9999. inner says the group follows a higher one.
func section(n int, inner bool) string {
	var b strings.Builder
	units := []struct {
		value int
		name  string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	zero := false
	started := false
	for _, u := range units {
		d := n / u.value % 10
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		// 十五, not 一十五, when the number starts with its tens.
		if !(u.value == 10 && d == 1 && !started && !inner) {
			b.WriteString(digitNames[d])
		}
		b.WriteString(u.name)
		started = true
	}
	return b.String()
}

func digitValue(r rune) int {
	switch r {
	case '零', '〇', 'O', '○':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

func unitValue(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 10000
	}
	return 0
}

// ParseChineseNumber reads a number written in Chinese numerals (一千二百六十, 十五,
// 一百零五, 一百〇五), digit by digit as in years (二〇二二), or in Arabic or full-width
// digits. It reports false for anything else.
func ParseChineseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok := parseArabic(s); ok {
		return n, true
	}
	hasUnit := false
	for _, r := range s {
		if unitValue(r) > 0 {
			hasUnit = true
		} else if digitValue(r) < 0 {
			return 0, false
		}
	}
	if !hasUnit {
		// 二〇二二: digits spelled one by one; 两 is never used this way.
		if strings.ContainsRune(s, '两') {
			return 0, false
		}
		n := 0
		for _, r := range s {
			n = n*10 + digitValue(r)
			if n > 1e9 {
				return 0, false
			}
		}
		return n, true
	}
	return parseUnits(s)
}

func parseArabic(s string) (int, bool) {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
		if n > 1e9 {
			return 0, false
		}
	}
	return n, true
}

// parseUnits reads numerals with 十百千万, rejecting malformed ones (十十, 五三, 百千).
func parseUnits(s string) (int, bool) {
	total, sec := 0, 0
	digit := -1
	lastUnit := 10000 // the unit just used inside the current 万 group
	zero := false     // a 零 since the last unit: the trailing digit is a ones digit
	for i, r := range s {
		if d := digitValue(r); d >= 0 {
			if d == 0 {
				if digit >= 0 {
					return 0, false
				}
				zero = true
				continue
			}
			if digit >= 0 {
				return 0, false
			}
			digit = d
			continue
		}
		u := unitValue(r)
		if u == 10000 {
			if digit >= 0 {
				sec += digit
			}
			if sec == 0 || total > 0 {
				return 0, false
			}
			total = sec * 10000
			sec, digit, lastUnit, zero = 0, -1, 10000, false
			continue
		}
		if u >= lastUnit {
			return 0, false
		}
		if digit < 0 {
			// A bare 十 opens a number (十五) or a 万 group, or follows 零 (一万零十).
			if u != 10 || !(i == 0 || zero || sec == 0) {
				return 0, false
			}
			digit = 1
		}
		sec += digit * u
		digit, lastUnit, zero = -1, u, false
	}
	if digit >= 0 {
		if !zero && lastUnit >= 100 && lastUnit < 10000 {
			// 一百五 is 150 in speech; documents write 一百五十, but read it the spoken way.
			sec += digit * lastUnit / 10
		} else {
			sec += digit
		}
	}
	return total + sec, true
}
