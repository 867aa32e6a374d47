package docnum

import "unicode/utf8"

// ParseNumeral reads a whole number written with ASCII or full-width digits, or in
// Chinese numerals: positional (二〇二二, with 〇 or ○) or with units (三十一, 一百零五, 两千).
func ParseNumeral(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	return parseChinese(s)
}

func parseDigits(s string) (int, bool) {
	n := 0
	count := 0
	for _, r := range s {
		d, ok := digitValue(r)
		if !ok {
			return 0, false
		}
		if count >= 9 {
			return 0, false
		}
		n = n*10 + d
		count++
	}
	return n, count > 0
}

// digitValue accepts ASCII and full-width digits.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// cnDigit maps a Chinese digit (including the two circles used for zero) to its value.
func cnDigit(r rune) (int, bool) {
	switch r {
	case '〇', '○', '零', 'Ｏ', 'O', '0':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '贰':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

func cnUnit(r rune) int {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万':
		return 10000
	}
	return 0
}

// IsNumeralRune reports whether r can be part of a number ParseNumeral reads.
func IsNumeralRune(r rune) bool {
	if _, ok := digitValue(r); ok {
		return true
	}
	if _, ok := cnDigit(r); ok {
		return true
	}
	return cnUnit(r) != 0
}

func parseChinese(s string) (int, bool) {
	if utf8.RuneCountInString(s) > 12 {
		return 0, false
	}
	hasUnit := false
	for _, r := range s {
		if cnUnit(r) != 0 {
			hasUnit = true
		} else if _, ok := cnDigit(r); !ok {
			return 0, false
		}
	}
	if !hasUnit {
		// Positional: 二〇二二 is 2022, digit by digit.
		n := 0
		for _, r := range s {
			d, _ := cnDigit(r)
			n = n*10 + d
		}
		return n, true
	}
	total, section, digit := 0, 0, -1
	for _, r := range s {
		if u := cnUnit(r); u != 0 {
			if digit < 0 {
				digit = 1 // 十二 means 一十二
			}
			if u == 10000 {
				section = (section + digit) * u
				total += section
				section = 0
			} else {
				section += digit * u
			}
			digit = -1
			continue
		}
		d, _ := cnDigit(r)
		if digit > 0 {
			return 0, false // two digits in a row without a unit (三五十)
		}
		digit = d
	}
	if digit > 0 {
		section += digit
	}
	return total + section, true
}
