package benchgen

import "math"

// rng is a small deterministic generator (splitmix64). It is written here rather than
// taken from math/rand so that the same (n, seed) gives byte-identical output on every
// Go release: the standard library does not promise stable streams for its helpers.
type rng struct{ s uint64 }

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// newRNG derives an independent stream for one purpose (a work, a version) from the seed.
func newRNG(seed int64, stream ...uint64) *rng {
	s := mix64(uint64(seed) + 0x9e3779b97f4a7c15)
	for _, x := range stream {
		s = mix64(s ^ (x + 0x632be59bd9b4e019))
	}
	return &rng{s: s}
}

func (r *rng) u64() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix64(r.s)
}

// intn returns a value in [0, n); n must be positive.
func (r *rng) intn(n int) int {
	if n <= 1 {
		return 0
	}
	// Multiply-shift keeps the bias below 2^-32 for the small n used here.
	return int((r.u64() >> 32) * uint64(n) >> 32)
}

// between returns a value in [lo, hi].
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.intn(hi-lo+1)
}

func (r *rng) float() float64 { return float64(r.u64()>>11) / (1 << 53) }

// chance is true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// norm is a standard normal deviate (Box–Muller).
func (r *rng) norm() float64 {
	u := r.float()
	for u == 0 {
		u = r.float()
	}
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*r.float())
}

// weighted picks an index with probability proportional to its weight.
func (r *rng) weighted(weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.float() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// permutation is a pseudo-random bijection of [0, size): a four-round Feistel network
// over the smallest even number of bits covering size, walked until it lands inside.
// It hands out title combinations in a scattered order without remembering which were used.
type permutation struct {
	size     uint64
	halfBits uint
	keys     [4]uint64
}

func newPermutation(size uint64, seed int64, salt uint64) permutation {
	bits := uint(1)
	for uint64(1)<<bits < size {
		bits++
	}
	if bits%2 == 1 {
		bits++
	}
	p := permutation{size: size, halfBits: bits / 2}
	r := newRNG(seed, salt)
	for i := range p.keys {
		p.keys[i] = r.u64()
	}
	return p
}

func (p permutation) at(i uint64) uint64 {
	if p.size <= 1 {
		return 0
	}
	mask := uint64(1)<<p.halfBits - 1
	x := i
	for {
		l, rr := x>>p.halfBits, x&mask
		for _, k := range p.keys {
			l, rr = rr, l^(mix64(rr^k)&mask)
		}
		x = l<<p.halfBits | rr
		if x < p.size {
			return x
		}
	}
}
