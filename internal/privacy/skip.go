package privacy

import "math/bits"

// SWAR constants: a byte repeated in every lane of a uint64.
const (
	lanes = 0x0101010101010101
	high  = 0x8080808080808080
)

// skipPlain returns the first offset from i holding an ASCII or full-width digit, or
// len(s). Chinese
// text is almost all other bytes, so it tests eight at a time: the scan runs on
// every ingested text.
func skipPlain(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i : i+8])
		d := x ^ ('0' * lanes)  // digit bytes become 0-9
		e := x ^ (0xEF * lanes) // 0xEF bytes become 0
		// A lane's high bit is set for a byte below 10 (resp. zero). Borrows can mark
		// lanes above a real hit, never below it, so the lowest mark is exact.
		m := ((d-10*lanes)&^d | (e-lanes)&^e) & high
		if m != 0 {
			j := i + bits.TrailingZeros64(m)/8
			if s[j] != 0xEF || fullWidthDigitAt(s, j) {
				return j
			}
			// Full-width punctuation (，：（）) is frequent: step over it here
			// rather than return to the caller for each one.
			i = j + 1 - 8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c-'0' < 10 || (c == 0xEF && fullWidthDigitAt(s, i)) {
			return i
		}
	}
	return i
}

func fullWidthDigitAt(s string, i int) bool {
	return i+2 < len(s) && s[i+1] == 0xBC && s[i+2]-0x90 < 10
}

// load64 reads 8 bytes little-endian; the compiler merges it into one load.
func load64(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
