package privacy

// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit
// sequence and a check character.

// idWeights are the ISO 7064 MOD 11-2 weights of the first 17 digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps the weighted sum mod 11 to the check character.
const idCheckChars = "10X98765432"

// IDCheckChar returns the check character for the first 17 digits of an identity
// number (ASCII '0'-'9'), or 0 when d is not 17 digits.
func IDCheckChar(d string) byte {
	if len(d) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := d[i] - '0'
		if v > 9 {
			return 0
		}
		sum += int(v) * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// provinceCodes are the first two digits of GB/T 2260 province-level divisions, plus
// 81/82/83 used by 港澳台居民居住证 (residence permits for Hong Kong, Macao and
// Taiwan residents), which carry the same 18-character number and are personal data too.
var provinceCodes = func() (t [100]bool) {
	for _, c := range []int{
		11, 12, 13, 14, 15, // 华北
		21, 22, 23, // 东北
		31, 32, 33, 34, 35, 36, 37, // 华东
		41, 42, 43, 44, 45, 46, // 中南
		50, 51, 52, 53, 54, // 西南
		61, 62, 63, 64, 65, // 西北
		71, 81, 82, 83,
	} {
		t[c] = true
	}
	return t
}()

// validID reports whether d (17 ASCII digits and a check character 0-9 or X) is a
// well-formed identity number born between 1900-01-01 and today (YYYYMMDD).
func validID(d *[18]byte, today int) bool {
	if !provinceCodes[int(d[0]-'0')*10+int(d[1]-'0')] {
		return false
	}
	if IDCheckChar(string(d[:17])) != d[17] {
		return false
	}
	y := num(d[6:10])
	m := num(d[10:12])
	day := num(d[12:14])
	if y < 1900 || m < 1 || m > 12 || day < 1 || day > daysIn(y, m) {
		return false
	}
	return y*10000+m*100+day <= today
}

func num(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
