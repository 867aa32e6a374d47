package extract

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// cmapRange maps the codes lo..hi to consecutive Unicode text starting at dst
// (ToUnicode bfrange) or to consecutive CIDs starting at cid (cidrange).
type cmapRange struct {
	lo, hi uint32
	dst    []rune   // bfrange with a base string: the last rune is incremented
	list   []string // bfrange with an array of strings
	cid    uint32
}

// codeSpace is one codespacerange: byte strings of length n between lo and hi.
type codeSpace struct {
	n      int
	lo, hi [4]byte
}

// cmapData is a parsed CMap: a ToUnicode map (code → text) or an encoding CMap
// (code → CID), with the code space that says how many bytes each code takes.
type cmapData struct {
	spaces  []codeSpace
	chars   map[uint32]string // bfchar
	ranges  []cmapRange       // bfrange, sorted by lo
	cids    map[uint32]uint32 // cidchar
	cidRngs []cmapRange       // cidrange, sorted by lo
}

func bytesToCode(b string) uint32 {
	var c uint32
	for i := 0; i < len(b) && i < 4; i++ {
		c = c<<8 | uint32(b[i])
	}
	return c
}

// utf16Text decodes a big-endian UTF-16 string as ToUnicode destinations are written.
func utf16Text(b string) []rune {
	if len(b) == 1 {
		return []rune{rune(b[0])}
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return utf16.Decode(u)
}

// parseCMap reads the operators of a CMap program; unknown operators are ignored,
// so a damaged CMap yields what could be read.
func parseCMap(data []byte) *cmapData {
	m := &cmapData{chars: map[uint32]string{}, cids: map[uint32]uint32{}}
	l := &psLexer{data: data}
	var stack []operand
	const maxEntries = 1 << 17
	entries := 0
	for {
		v, op, ok := l.next()
		if !ok {
			break
		}
		if op == "" {
			if len(stack) < 1<<12 {
				stack = append(stack, v)
			}
			continue
		}
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(stack); i += 2 {
				lo, hi := stack[i].str, stack[i+1].str
				if n := len(lo); n >= 1 && n <= 4 && len(hi) == n {
					var s codeSpace
					s.n = n
					copy(s.lo[:], lo)
					copy(s.hi[:], hi)
					m.spaces = append(m.spaces, s)
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stack) && entries < maxEntries; i += 2 {
				src, dst := stack[i], stack[i+1]
				if src.kind != opString {
					continue
				}
				switch dst.kind {
				case opString:
					m.chars[bytesToCode(src.str)] = string(utf16Text(dst.str))
				case opName:
					if r := glyphRune(dst.str); r != 0 {
						m.chars[bytesToCode(src.str)] = string(r)
					}
				}
				entries++
			}
		case "endbfrange":
			for i := 0; i+2 < len(stack) && entries < maxEntries; i += 3 {
				lo, hi, dst := stack[i], stack[i+1], stack[i+2]
				if lo.kind != opString || hi.kind != opString {
					continue
				}
				r := cmapRange{lo: bytesToCode(lo.str), hi: bytesToCode(hi.str)}
				if r.hi < r.lo {
					continue
				}
				switch dst.kind {
				case opString:
					r.dst = utf16Text(dst.str)
					if len(r.dst) == 0 {
						continue
					}
				case opArray:
					for _, e := range dst.arr {
						r.list = append(r.list, string(utf16Text(e.str)))
					}
				default:
					continue
				}
				m.ranges = append(m.ranges, r)
				entries++
			}
		case "endcidchar":
			for i := 0; i+1 < len(stack); i += 2 {
				if stack[i].kind == opString && stack[i+1].kind == opNumber {
					m.cids[bytesToCode(stack[i].str)] = uint32(stack[i+1].num)
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(stack); i += 3 {
				if stack[i].kind == opString && stack[i+1].kind == opString && stack[i+2].kind == opNumber {
					m.cidRngs = append(m.cidRngs, cmapRange{lo: bytesToCode(stack[i].str), hi: bytesToCode(stack[i+1].str), cid: uint32(stack[i+2].num)})
				}
			}
		}
		stack = stack[:0]
	}
	sort.Slice(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
	sort.Slice(m.cidRngs, func(i, j int) bool { return m.cidRngs[i].lo < m.cidRngs[j].lo })
	return m
}

// lookup returns the text of a code and whether the CMap has it.
func (m *cmapData) lookup(code uint32) (string, bool) {
	if s, ok := m.chars[code]; ok {
		return s, true
	}
	if r := findRange(m.ranges, code); r != nil {
		off := code - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		out := append([]rune(nil), r.dst...)
		out[len(out)-1] += rune(off)
		if !utf8.ValidRune(out[len(out)-1]) {
			return "", false
		}
		return string(out), true
	}
	return "", false
}

func (m *cmapData) cid(code uint32) (uint32, bool) {
	if c, ok := m.cids[code]; ok {
		return c, true
	}
	if r := findRange(m.cidRngs, code); r != nil {
		return r.cid + code - r.lo, true
	}
	return 0, false
}

// findRange returns the range holding code; ranges are sorted by lo and rarely overlap.
func findRange(rs []cmapRange, code uint32) *cmapRange {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].lo > code })
	// Check a few candidates below: overlapping ranges are legal if unusual.
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if code >= rs[j].lo && code <= rs[j].hi {
			return &rs[j]
		}
	}
	return nil
}

// codeLen says how many bytes the code starting at s takes in this code space,
// or 0 when no range matches.
func codeLen(spaces []codeSpace, s string) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, sp := range spaces {
			if sp.n != n {
				continue
			}
			in := true
			for k := 0; k < n; k++ {
				if s[k] < sp.lo[k] || s[k] > sp.hi[k] {
					in = false
					break
				}
			}
			if in {
				return n
			}
		}
	}
	return 0
}
