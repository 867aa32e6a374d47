package privacy

import (
	"math/rand/v2"
	"testing"
)

func digitWidth(s string, i int) int {
	_, w := digitAt(s, i)
	return w
}

// skipPlain must agree with the plain byte loop on every offset.
func TestSkipPlainMatchesByteLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{'0', '5', '9', '/', ':', 0xEF, 0xEE, 0xF0, 0xBC, 0x90, 0x99, 0x9A, 0x8F, 0x2F, 0x3A, 0x80, 0xFF, 0x00, 'a', 0xE4}
	for n := 0; n < 20000; n++ {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = alphabet[r.IntN(len(alphabet))]
			} else {
				b[i] = byte(r.IntN(256))
			}
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && digitWidth(s, want) == 0 {
				want++
			}
			if got := skipPlain(s, i); got != want {
				t.Fatalf("skipPlain(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
