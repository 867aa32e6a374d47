package diff

// opKind is one step of an edit script.
type opKind uint8

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// seg is a run of one kind in an edit script over two sequences a and b: an equal
// run covers a[a0:a0+n] and b[b0:b0+n]; a delete covers a[a0:a0+n]; an insert
// covers b[b0:b0+n].
type seg struct {
	kind   opKind
	a0, b0 int
	n      int
}

// myers computes a shortest edit script from a to b with the linear-space variant
// of E. Myers, "An O(ND) Difference Algorithm and Its Variations" (1986), §4b. The
// time is O((N+M)·D) and the memory O(N+M); it gives up, returning false, when more
// than maxD edits are needed, so that the caller can bound the time and fall back to
// a coarser comparison.
func myers[T comparable](a, b []T, maxD int) ([]seg, bool) {
	d := &differ[T]{a: a, b: b}
	size := 2*((len(a)+len(b)+1)/2) + 3
	d.vf = make([]int, size)
	d.vb = make([]int, size)
	if !d.run(0, len(a), 0, len(b), maxD) {
		return nil, false
	}
	return d.segs, true
}

type differ[T comparable] struct {
	a, b   []T
	vf, vb []int // furthest reaching paths, forward and backward, by diagonal
	segs   []seg
}

func (d *differ[T]) add(kind opKind, a0, b0, n int) {
	if n == 0 {
		return
	}
	if k := len(d.segs) - 1; k >= 0 && d.segs[k].kind == kind {
		d.segs[k].n += n
		return
	}
	d.segs = append(d.segs, seg{kind, a0, b0, n})
}

// run appends the script for a[a0:a1] → b[b0:b1]. maxD bounds the edits (checked
// on the first, outermost call; the halves of a bounded script are bounded too).
func (d *differ[T]) run(a0, a1, b0, b1, maxD int) bool {
	// Common ends cost nothing and are most of an amended article.
	pre := 0
	for a0+pre < a1 && b0+pre < b1 && d.a[a0+pre] == d.b[b0+pre] {
		pre++
	}
	d.add(opEqual, a0, b0, pre)
	a0, b0 = a0+pre, b0+pre
	suf := 0
	for a1-suf > a0 && b1-suf > b0 && d.a[a1-1-suf] == d.b[b1-1-suf] {
		suf++
	}
	a1, b1 = a1-suf, b1-suf
	switch {
	case a0 == a1:
		d.add(opInsert, a0, b0, b1-b0)
	case b0 == b1:
		d.add(opDelete, a0, b0, a1-a0)
	default:
		x0, y0, x1, y1, ok := d.middleSnake(a0, a1, b0, b1, maxD)
		if !ok {
			return false
		}
		// Both halves need fewer edits than the whole, so no bound is needed below.
		d.run(a0, x0, b0, y0, a1-a0+b1-b0)
		d.add(opEqual, x0, y0, x1-x0)
		d.run(x1, a1, y1, b1, a1-a0+b1-b0)
	}
	d.add(opEqual, a1, b1, suf)
	return true
}

// middleSnake finds the snake in the middle of a shortest path from (a0, b0) to
// (a1, b1), searching from both ends at once, and returns its ends.
func (d *differ[T]) middleSnake(a0, a1, b0, b1, maxD int) (x0, y0, x1, y1 int, ok bool) {
	n, m := a1-a0, b1-b0
	delta := n - m
	odd := delta&1 != 0
	half := (n + m + 1) / 2
	off := half + 1
	vf, vb := d.vf, d.vb
	vf[off+1], vb[off+1] = 0, 0
	for step := 0; step <= half; step++ {
		if 2*step-1 > maxD {
			return 0, 0, 0, 0, false
		}
		for k := -step; k <= step; k += 2 {
			var x int
			if k == -step || k != step && vf[off+k-1] < vf[off+k+1] {
				x = vf[off+k+1]
			} else {
				x = vf[off+k-1] + 1
			}
			y := x - k
			sx, sy := x, y
			for x < n && y < m && d.a[a0+x] == d.b[b0+y] {
				x++
				y++
			}
			vf[off+k] = x
			if kb := delta - k; odd && kb >= -(step-1) && kb <= step-1 && x+vb[off+kb] >= n {
				return a0 + sx, b0 + sy, a0 + x, b0 + y, true
			}
		}
		for k := -step; k <= step; k += 2 {
			var x int
			if k == -step || k != step && vb[off+k-1] < vb[off+k+1] {
				x = vb[off+k+1]
			} else {
				x = vb[off+k-1] + 1
			}
			y := x - k
			sx, sy := x, y
			for x < n && y < m && d.a[a1-1-x] == d.b[b1-1-y] {
				x++
				y++
			}
			vb[off+k] = x
			if kf := delta - k; !odd && kf >= -step && kf <= step && x+vf[off+kf] >= n {
				return a1 - x, b1 - y, a1 - sx, b1 - sy, true
			}
		}
	}
	return 0, 0, 0, 0, false // unreachable: the paths meet by step half
}
