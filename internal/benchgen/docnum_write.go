package benchgen

import (
	"strconv"
	"strings"
)

// numbering hands out doc-number serials: each body numbers its documents of a year
// upwards from a seeded start, with gaps for the documents that are not in the library.
// Its size is bounded by the bodies × years there are, never by the number of versions.
type numbering struct {
	prefixes map[string]uint32
	last     map[uint64]uint16
}

func newNumbering() *numbering {
	return &numbering{prefixes: map[string]uint32{}, last: map[uint64]uint16{}}
}

// next returns the next serial of series (a body's prefix) in year (0 for series that
// run across years, such as 国务院令第N号).
func (n *numbering) next(r *rng, series string, year int) int {
	id, ok := n.prefixes[series]
	if !ok {
		id = uint32(len(n.prefixes))
		n.prefixes[series] = id
	}
	key := uint64(id)<<16 | uint64(year)
	last, ok := n.last[key]
	var s int
	switch {
	case !ok && year == 0:
		s = r.between(20, 400)
	case !ok:
		s = r.between(1, 40)
	default:
		s = int(last) + r.between(1, 6)
	}
	if s > 65000 {
		s = 65000
	}
	n.last[key] = uint16(s)
	return s
}

// shapedNumber writes prefix〔year〕serial号, usually in the standard form and sometimes
// in a form people also write: [] or （） brackets, full-width digits, a leading zero,
// 第, or stray spaces. All of them normalise to the standard form.
func shapedNumber(r *rng, prefix string, year, serial int, variants bool) (written string, variant bool) {
	y, s := strconv.Itoa(year), strconv.Itoa(serial)
	if !variants || !r.chance(0.18) {
		return prefix + "〔" + y + "〕" + s + "号", false
	}
	switch r.intn(7) {
	case 0, 1:
		return prefix + "[" + y + "]" + s + "号", true
	case 2:
		return prefix + "（" + y + "）" + s + "号", true
	case 3:
		return prefix + "〔" + fullWidthDigits(y) + "〕" + fullWidthDigits(s) + "号", true
	case 4:
		return prefix + "〔" + y + "〕" + strings.Repeat("0", 3-min(3, len(s))) + s + "号", true
	case 5:
		return prefix + "〔" + y + "〕第" + s + "号", true
	}
	return prefix + "〔 " + y + "〕" + s + " 号", true
}
