package extract

import (
	"strconv"
	"strings"
)

// formatListNumber renders n in a Word numbering format (w:numFmt), so automatic
// article numbers read as the printed document does: 第%1条 with chineseCounting is 第十一条.
func formatListNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter":
		return letterNumber(n, 'A')
	case "lowerLetter":
		return letterNumber(n, 'a')
	case "upperRoman":
		return romanNumber(n)
	case "lowerRoman":
		return strings.ToLower(romanNumber(n))
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
		"taiwaneseCountingThousand", "koreanCounting":
		return chineseNumber(n, chineseLower)
	case "chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal":
		return chineseNumber(n, chineseUpper)
	case "ideographTraditional": // 天干 甲乙丙丁
		return cyclicNumber(n, []rune("甲乙丙丁戊己庚辛壬癸"))
	case "ideographZodiac": // 地支 子丑寅卯
		return cyclicNumber(n, []rune("子丑寅卯辰巳午未申酉戌亥"))
	case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
		return digitByDigit(n)
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		return enclosedNumber(n, '①', 20)
	case "decimalEnclosedParen":
		return enclosedNumber(n, '⑴', 20)
	case "decimalEnclosedFullstop":
		return enclosedNumber(n, '⒈', 20)
	}
	return strconv.Itoa(n)
}

type chineseDigits struct {
	digits                      []rune // 0-9
	ten, hundred, thousand, wan rune
}

var (
	chineseLower = chineseDigits{[]rune("零一二三四五六七八九"), '十', '百', '千', '万'}
	chineseUpper = chineseDigits{[]rune("零壹贰叁肆伍陆柒捌玖"), '拾', '佰', '仟', '万'}
)

// chineseNumber writes n the way article numbers are written: 十, 十一, 二十, 一百零一, 一千零一十.
func chineseNumber(n int, d chineseDigits) string {
	if n <= 0 || n >= 100000000 {
		return strconv.Itoa(n)
	}
	if n >= 10000 {
		s := chineseBelow10000(n/10000, d, true) + string(d.wan)
		if rest := n % 10000; rest > 0 {
			if rest < 1000 {
				s += string(d.digits[0])
			}
			s += chineseBelow10000(rest, d, false)
		}
		return s
	}
	return chineseBelow10000(n, d, true)
}

// chineseBelow10000 handles 1..9999; leading says whether a bare 十 may stand for 一十.
func chineseBelow10000(n int, d chineseDigits, leading bool) string {
	units := []rune{d.thousand, d.hundred, d.ten, 0}
	div := 1000
	var b strings.Builder
	zero := false
	started := false
	for i := 0; i < 4; i++ {
		digit := n / div % 10
		div /= 10
		if digit == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune(d.digits[0])
			zero = false
		}
		// 十一 rather than 一十一 at the start of a number; 一百一十 keeps its 一.
		if !(units[i] == d.ten && digit == 1 && !started && leading) {
			b.WriteRune(d.digits[digit])
		}
		if units[i] != 0 {
			b.WriteRune(units[i])
		}
		started = true
	}
	return b.String()
}

func letterNumber(n int, base rune) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	// Word repeats the letter past Z: 27 is AA, 28 is BB.
	letter := base + rune((n-1)%26)
	return strings.Repeat(string(letter), (n-1)/26+1)
}

func romanNumber(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func cyclicNumber(n int, set []rune) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return string(set[(n-1)%len(set)])
}

func digitByDigit(n int) string {
	if n < 0 {
		return strconv.Itoa(n)
	}
	digits := []rune("〇一二三四五六七八九")
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

func enclosedNumber(n int, first rune, max int) string {
	if n < 1 || n > max {
		return strconv.Itoa(n)
	}
	return string(first + rune(n-1))
}
