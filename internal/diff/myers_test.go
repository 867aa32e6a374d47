package diff

import (
	"math/rand/v2"
	"testing"
)

// apply rebuilds both sequences from an edit script, checking it is well formed.
func apply(t *testing.T, a, b []rune, segs []seg) (edits int) {
	t.Helper()
	var ra, rb []rune
	for _, s := range segs {
		switch s.kind {
		case opEqual:
			if s.a0 != len(ra) || s.b0 != len(rb) {
				t.Fatalf("equal run at %d,%d after %d,%d", s.a0, s.b0, len(ra), len(rb))
			}
			ra = append(ra, a[s.a0:s.a0+s.n]...)
			rb = append(rb, b[s.b0:s.b0+s.n]...)
			if string(a[s.a0:s.a0+s.n]) != string(b[s.b0:s.b0+s.n]) {
				t.Fatalf("equal run differs: %q %q", string(a[s.a0:s.a0+s.n]), string(b[s.b0:s.b0+s.n]))
			}
		case opDelete:
			if s.a0 != len(ra) {
				t.Fatalf("delete at %d after %d", s.a0, len(ra))
			}
			ra = append(ra, a[s.a0:s.a0+s.n]...)
			edits += s.n
		case opInsert:
			if s.b0 != len(rb) {
				t.Fatalf("insert at %d after %d", s.b0, len(rb))
			}
			rb = append(rb, b[s.b0:s.b0+s.n]...)
			edits += s.n
		}
	}
	if string(ra) != string(a) || string(rb) != string(b) {
		t.Fatalf("script rebuilds %q/%q, want %q/%q", string(ra), string(rb), string(a), string(b))
	}
	return edits
}

// lcs is the textbook quadratic longest common subsequence length.
func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] > cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// The script is valid and shortest: its edits are N+M-2·LCS.
func TestMyersShortest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("的法第条甲乙")
	gen := func() []rune {
		r := make([]rune, rng.IntN(30))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return r
	}
	for n := 0; n < 2000; n++ {
		a, b := gen(), gen()
		segs, ok := myers(a, b, 1000)
		if !ok {
			t.Fatalf("gave up on %q %q", string(a), string(b))
		}
		edits := apply(t, a, b, segs)
		if want := len(a) + len(b) - 2*lcs(a, b); edits != want {
			t.Fatalf("%q→%q: %d edits, shortest is %d", string(a), string(b), edits, want)
		}
	}
}

func TestMyersGivesUp(t *testing.T) {
	a := []rune("甲乙丙丁戊己庚辛")
	b := []rune("子丑寅卯辰巳午未")
	if _, ok := myers(a, b, 5); ok {
		t.Error("16 edits fit in a bound of 5")
	}
	if _, ok := myers(a, b, 16); !ok {
		t.Error("16 edits do not fit in a bound of 16")
	}
}

// After cleanup no single character, and no equal run shorter than the changes on
// both its sides, is left unmarked between two changes.
func TestCleanupSemantic(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("的法第条甲乙丙")
	for n := 0; n < 500; n++ {
		a := make([]rune, 5+rng.IntN(40))
		for i := range a {
			a[i] = alphabet[rng.IntN(len(alphabet))]
		}
		b := append([]rune(nil), a...)
		for k := 0; k < 1+rng.IntN(6); k++ {
			b[rng.IntN(len(b))] = alphabet[rng.IntN(len(alphabet))]
		}
		segs, _ := myers(a, b, 1000)
		segs = cleanupSemantic(segs)
		apply(t, a, b, segs)
		for i := 1; i+1 < len(segs); i++ {
			if segs[i].kind != opEqual {
				continue
			}
			d1, i1 := editsAround(segs, i, -1)
			d2, i2 := editsAround(segs, i, +1)
			if n := segs[i].n; n == 1 || n < max(d1, i1) && n < max(d2, i2) {
				t.Fatalf("equal run of %d left between edits (%d,%d) and (%d,%d)", segs[i].n, d1, i1, d2, i2)
			}
		}
	}
	// 规范 → 加强 with a shared middle character reads as one change.
	a, b := []rune("为了规范管理"), []rune("为了加范强管理")
	segs, _ := myers(a, b, 100)
	segs = cleanupSemantic(segs)
	if len(segs) != 4 || segs[1].kind != opDelete || segs[1].n != 2 || segs[2].n != 3 {
		t.Errorf("segments = %+v", segs)
	}
}
