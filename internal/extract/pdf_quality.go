package extract

import (
	"fmt"
	"sync"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// textQuality holds measurable signs of text decoded with the wrong map: fonts without
// a ToUnicode map (GBK-EUC-H subsets, Identity CIDs) give replacement characters,
// private-use or control characters, Latin-1 mojibake, or Han characters drawn at
// random from the whole CJK block instead of the common ones real prose is made of.
type textQuality struct {
	runes     int // non-space characters
	bad       int // U+FFFD, private use, control characters
	latinExt  int // Latin-1 supplement and Latin extended: mojibake of GBK bytes
	han       int
	commonHan int // in GB2312 level 1, the 3,755 characters ordinary text is written in
}

func measureText(s string) textQuality {
	common := gb2312Level1()
	var q textQuality
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == unicode.ReplacementChar, r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000,
			unicode.IsControl(r):
			q.bad++
		case r >= 0xC0 && r <= 0x24F:
			q.latinExt++
		case unicode.Is(unicode.Han, r):
			q.han++
			if common[r] {
				q.commonHan++
			}
		}
		q.runes++
	}
	return q
}

// garbled says why the text looks decoded with the wrong map, or "" when it looks fine.
func (q textQuality) garbled() string {
	if q.runes < 20 {
		return ""
	}
	switch {
	case q.bad*20 > q.runes:
		return fmt.Sprintf("%d个字符中有%d个是无映射字符、私用区字符或控制字符", q.runes, q.bad)
	case q.han >= 50 && q.commonHan*2 < q.han:
		return fmt.Sprintf("%d个汉字中只有%d个是常用字", q.han, q.commonHan)
	case q.latinExt*10 > q.runes*3 && q.han*10 < q.runes:
		return fmt.Sprintf("%d个字符中有%d个是带附加符号的拉丁字母，像是把中文字节当作 Latin-1 读取", q.runes, q.latinExt)
	}
	return ""
}

var (
	level1Once sync.Once
	level1     map[rune]bool
)

// gb2312Level1 is the set of GB2312 level-1 characters, rows 16–55 of the standard.
func gb2312Level1() map[rune]bool {
	level1Once.Do(func() {
		level1 = make(map[rune]bool, 3755)
		dec := simplifiedchinese.GBK.NewDecoder()
		for hi := 0xB0; hi <= 0xD7; hi++ {
			for lo := 0xA1; lo <= 0xFE; lo++ {
				s, err := dec.String(string([]byte{byte(hi), byte(lo)}))
				if err != nil {
					continue
				}
				for _, r := range s {
					if unicode.Is(unicode.Han, r) {
						level1[r] = true
					}
				}
			}
		}
	})
	return level1
}
