package privacy

// candidate is one number accepted by the matchers, before it becomes a Finding.
type candidate struct {
	kind       string
	start, end int
	d          [18]byte // the number's own digits (ASCII), prefix 86 left out; X for a check X
	n          int
}

// run is a maximal sequence of digits.
type run struct {
	start, end int
	n          int      // digits in the run
	d          [18]byte // the first 18 of them, ASCII
}

// readRun reads the digits from s[i]. A long run is read once and then skipped as a
// whole by the caller, so the scan stays linear on tables full of numbers.
func readRun(s string, i int) run {
	var r run
	r.read(s, i)
	return r
}

// read is readRun into r, for the hot loop: a run is too large to return cheaply.
func (r *run) read(s string, i int) {
	r.start, r.n = i, 0
	for {
		v, w := digitAt(s, i)
		if w == 0 {
			break
		}
		if r.n < len(r.d) {
			r.d[r.n] = byte('0' + v)
		}
		r.n++
		i += w
	}
	r.end = i
}

// leftFree reports whether a number may start at s[i]: it does not continue a word,
// a decimal (0.13800138000) or, when it is written in groups, a longer sequence of
// groups joined by the same separator (budget rows such as 12 138 0013 8000).
func leftFree(s string, i int, sep string) bool {
	if wordBefore(s, i) {
		return false
	}
	if i >= 1 && s[i-1] == '.' {
		if _, w := digitBefore(s, i-1); w > 0 {
			return false
		}
	}
	if sep != "" && i >= len(sep) && s[i-len(sep):i] == sep {
		if _, w := digitBefore(s, i-len(sep)); w > 0 {
			return false
		}
	}
	return true
}

// rightFree is leftFree for the end of a number.
func rightFree(s string, i int, sep string) bool {
	if wordAt(s, i) {
		return false
	}
	if i < len(s) && s[i] == '.' {
		if _, w := digitAt(s, i+1); w > 0 {
			return false
		}
	}
	if sep != "" && len(s)-i > len(sep) && s[i:i+len(sep)] == sep {
		if _, w := digitAt(s, i+len(sep)); w > 0 {
			return false
		}
	}
	return true
}

// groups reads runs after first, each joined to the previous by the separator that
// follows first, and checks their digit counts against want (first included). A last
// group one digit short may end in the check character X when allowX is set. It
// returns the digits, the end offset and the separator.
func groups(s string, first run, want []int, allowX bool) (d [18]byte, n, end int, sep string, ok bool) {
	if first.n != want[0] {
		return d, 0, 0, "", false
	}
	copy(d[:], first.d[:first.n])
	n = first.n
	end = first.end
	w := sepAt(s, end)
	if w == 0 {
		return d, 0, 0, "", false
	}
	sep = s[end : end+w]
	for k := 1; k < len(want); k++ {
		if end+len(sep) > len(s) || s[end:end+len(sep)] != sep {
			return d, 0, 0, "", false
		}
		r := readRun(s, end+len(sep))
		last := k == len(want)-1
		switch {
		case r.n == want[k]:
		case last && allowX && r.n == want[k]-1:
			xw := checkXAt(s, r.end)
			if xw == 0 {
				return d, 0, 0, "", false
			}
			r.d[r.n] = 'X'
			r.n++
			r.end += xw
		default:
			return d, 0, 0, "", false
		}
		if n+r.n > len(d) {
			return d, 0, 0, "", false
		}
		copy(d[n:], r.d[:r.n])
		n += r.n
		end = r.end
	}
	return d, n, end, sep, true
}

// mobileHead reports whether two digits open a mainland mobile number: 13x-19x.
func mobileHead(a, b byte) bool { return a == '1' && b >= '3' && b <= '9' }

var phoneGroups = []int{3, 4, 4}
var idGroups = []int{6, 8, 4}

// matchMobile matches an 11-digit mobile number starting with run r, written whole
// (13800138000) or in 3-4-4 groups (138 0013 8000, 138-0013-8000). checkLeft is
// false after a country prefix, which has been checked already.
func matchMobile(s string, r run, checkLeft bool) (candidate, bool) {
	c := candidate{kind: KindMobile, start: r.start}
	if r.n < 2 || !mobileHead(r.d[0], r.d[1]) {
		return c, false
	}
	switch r.n {
	case 11:
		if (checkLeft && !leftFree(s, r.start, "")) || !rightFree(s, r.end, "") {
			return c, false
		}
		copy(c.d[:], r.d[:11])
		c.n, c.end = 11, r.end
		return c, true
	case 3:
		d, n, end, sep, ok := groups(s, r, phoneGroups, false)
		if !ok || (checkLeft && !leftFree(s, r.start, sep)) || !rightFree(s, end, sep) {
			return c, false
		}
		c.d, c.n, c.end = d, n, end
		return c, true
	}
	return c, false
}

// matchPrefixed matches a mobile number after the country code 86, which run r
// holds: +86 138 0013 8000, 86-13800138000, +8613800138000.
func matchPrefixed(s string, r run) (candidate, bool) {
	start := r.start - plusBefore(s, r.start)
	if !leftFree(s, start, "") {
		return candidate{}, false
	}
	var c candidate
	var ok bool
	switch r.n {
	case 13: // written without a separator: the run holds 86 and the number
		inner := run{start: r.start, end: r.end, n: 11}
		copy(inner.d[:], r.d[2:13])
		c, ok = matchMobile(s, inner, false)
	case 2:
		w := sepAt(s, r.end)
		if _, dw := digitAt(s, r.end+w); dw == 0 {
			return candidate{}, false
		}
		c, ok = matchMobile(s, readRun(s, r.end+w), false)
	}
	if !ok {
		return candidate{}, false
	}
	c.start = start
	return c, true
}

// matchID matches an 18-character identity number starting with run r, whole or in
// 6-8-4 groups, and checks its province, birth date and check character.
func matchID(s string, r run, today func() int) (candidate, bool) {
	c := candidate{kind: KindID, start: r.start}
	switch r.n {
	case 17, 18:
		end := r.end
		c.d = r.d
		if r.n == 17 {
			xw := checkXAt(s, end)
			if xw == 0 {
				return c, false
			}
			c.d[17] = 'X'
			end += xw
		}
		if !leftFree(s, r.start, "") || !rightFree(s, end, "") {
			return c, false
		}
		c.n, c.end = 18, end
	case 6:
		d, n, end, sep, ok := groups(s, r, idGroups, true)
		if !ok || !leftFree(s, r.start, sep) || !rightFree(s, end, sep) {
			return c, false
		}
		c.d, c.n, c.end = d, n, end
	default:
		return c, false
	}
	return c, validID(&c.d, today())
}
