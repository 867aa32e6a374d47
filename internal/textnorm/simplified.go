package textnorm

import (
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
)

// Simplified converts traditional Chinese characters to simplified ones, by OpenCC's
// phrase and character tables (勞動合同法 → 劳动合同法, 失業金怎麼領 → 失业金怎么领), for
// what people type: queries and pasted titles, where the library's texts are simplified.
// Simplified text comes back as it is (the 2,516 corpus titles all do).
func Simplified(s string) string {
	if isASCII(s) {
		return s
	}
	t2sOnce.Do(func() {
		c, err := opencc.New("t2s")
		if err == nil {
			t2s = c
		}
	})
	if t2s == nil {
		return s
	}
	out, err := t2s.Convert(s)
	if err != nil || !utf8.ValidString(out) {
		return s
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
