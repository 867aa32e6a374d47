package benchgen

import "strconv"

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// numerals caches the numbers articles and points use most.
var numerals = func() []string {
	out := make([]string, 1024)
	for i := 1; i < len(out); i++ {
		out[i] = formatChinese(i)
	}
	return out
}()

// chineseNumber writes 1..9999 the way article numbers are written: 十二, 一百零五,
// 一百一十, 二千零三十.
func chineseNumber(n int) string {
	if n > 0 && n < len(numerals) {
		return numerals[n]
	}
	return formatChinese(n)
}

func formatChinese(n int) string {
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	units := []string{"千", "百", "十", ""}
	div := []int{1000, 100, 10, 1}
	out := ""
	zero := false
	for i, d := range div {
		digit := n / d % 10
		if digit == 0 {
			if out != "" {
				zero = true
			}
			continue
		}
		if zero {
			out += "零"
			zero = false
		}
		if !(d == 10 && digit == 1 && out == "") {
			out += cnDigits[digit]
		}
		out += units[i]
	}
	return out
}

// fullWidthDigits writes ASCII digits as full-width ones (２０１９), a form some
// documents use for doc numbers.
func fullWidthDigits(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r += 0xFEE0
		}
		b = append(b, r)
	}
	return string(b)
}
