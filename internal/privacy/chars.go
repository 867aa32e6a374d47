package privacy

// Byte-level character tests. Scan works on UTF-8 bytes directly, so that the hot
// loop over Chinese text is a pair of comparisons per byte and never decodes runes.
// Full-width digits (０-９, U+FF10-U+FF19) are EF BC 90-99 in UTF-8: documents typed
// in a Chinese input method write numbers that way, and extraction may not fold them.

// digitAt returns the value of the ASCII or full-width digit starting at s[i] and its
// width in bytes, or (-1, 0).
func digitAt(s string, i int) (int, int) {
	if i >= len(s) {
		return -1, 0
	}
	c := s[i]
	if c-'0' < 10 {
		return int(c - '0'), 1
	}
	if c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2]-0x90 < 10 {
		return int(s[i+2] - 0x90), 3
	}
	return -1, 0
}

// digitBefore is digitAt for the character ending just before s[i].
func digitBefore(s string, i int) (int, int) {
	if i < 1 || i > len(s) {
		return -1, 0
	}
	c := s[i-1]
	if c-'0' < 10 {
		return int(c - '0'), 1
	}
	if i >= 3 && s[i-3] == 0xEF && s[i-2] == 0xBC && c-0x90 < 10 {
		return int(c - 0x90), 3
	}
	return -1, 0
}

// checkXAt returns the width of the check character X (X, x, Ｘ, ｘ) at s[i], or 0.
func checkXAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch {
	case s[i] == 'X' || s[i] == 'x':
		return 1
	case i+2 < len(s) && s[i] == 0xEF && ((s[i+1] == 0xBC && s[i+2] == 0xB8) || (s[i+1] == 0xBD && s[i+2] == 0x98)):
		return 3
	}
	return 0
}

// wordAt reports whether s[i] starts a letter or digit (ASCII or full-width). A number
// touching one is part of a code (合同编号 HT…, 统一社会信用代码), not a phone or ID.
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c-'0' < 10 || (c|0x20)-'a' < 26 {
		return true
	}
	if c != 0xEF || i+2 >= len(s) {
		return false
	}
	return isFullWidthWord(s[i+1], s[i+2])
}

// wordBefore is wordAt for the character ending just before s[i].
func wordBefore(s string, i int) bool {
	if i < 1 || i > len(s) {
		return false
	}
	c := s[i-1]
	if c-'0' < 10 || (c|0x20)-'a' < 26 {
		return true
	}
	if i < 3 || s[i-3] != 0xEF {
		return false
	}
	return isFullWidthWord(s[i-2], c)
}

// isFullWidthWord tests the last two UTF-8 bytes of a U+FFxx character for ０-９, Ａ-Ｚ, ａ-ｚ.
func isFullWidthWord(b1, b2 byte) bool {
	switch b1 {
	case 0xBC: // U+FF00-U+FF3F
		return b2-0x90 < 10 || b2-0xA1 < 26
	case 0xBD: // U+FF40-U+FF7F
		return b2-0x81 < 26
	}
	return false
}

// sepAt returns the width of a digit-group separator at s[i]: space, hyphen,
// no-break space, ideographic space or full-width hyphen; 0 if none.
func sepAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch c := s[i]; {
	case c == ' ' || c == '-':
		return 1
	case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
		return 2
	case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80:
		return 3
	case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x8D:
		return 3
	}
	return 0
}

// plusBefore returns the width of a + or ＋ ending just before s[i], or 0.
func plusBefore(s string, i int) int {
	if i >= 1 && s[i-1] == '+' {
		return 1
	}
	if i >= 3 && s[i-3] == 0xEF && s[i-2] == 0xBC && s[i-1] == 0x8B {
		return 3
	}
	return 0
}
