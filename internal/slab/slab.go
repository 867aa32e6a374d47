// Package slab allocates many small values of one type in shared chunks, and copies
// many small strings into shared blocks. A catalog of 100k versions holds about a
// million small objects otherwise; the garbage collector marks each of them in every
// cycle while the catalog lives, and a chunk of hundreds costs it about as much as one.
// What a chunk holds lives as long as any of it does: meant for data that lives and dies
// together, such as one snapshot's catalog.
package slab

import "strings"

// chunk is how many values one allocation holds.
const chunk = 256

// Slab hands out pointers to zeroed values of T. The zero Slab is ready to use; it is
// not safe for concurrent use.
type Slab[T any] struct {
	buf []T
}

// New returns a pointer to a new zero T.
func (s *Slab[T]) New() *T {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, chunk)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// Copy returns a pointer to a new copy of v.
func (s *Slab[T]) Copy(v T) *T {
	p := s.New()
	*p = v
	return p
}

// Slice returns a copy of vs whose capacity is its length, so an append to it never
// writes into a neighbour. Slices longer than a quarter chunk get an array of their own;
// nil and empty stay as they are.
func (s *Slab[T]) Slice(vs []T) []T {
	n := len(vs)
	if n == 0 {
		return vs
	}
	if n > chunk/4 {
		return append([]T(nil), vs...)
	}
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, chunk)
	}
	at := len(s.buf)
	s.buf = append(s.buf, vs...)
	return s.buf[at : at+n : at+n]
}

// Strings copies strings into shared blocks. The zero Strings is ready to use; it is
// not safe for concurrent use.
type Strings struct {
	b strings.Builder // the current block: bytes once written are never changed
}

// block is the size of one shared block of string bytes.
const block = 64 << 10

// Copy returns a copy of s in a shared block (a string longer than a quarter block
// gets its own).
func (p *Strings) Copy(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > block/4:
		return strings.Clone(s)
	}
	if p.b.Cap()-p.b.Len() < len(s) {
		p.b = strings.Builder{}
		p.b.Grow(block)
	}
	at := p.b.Len()
	p.b.WriteString(s)
	return p.b.String()[at:]
}

// In replaces *s with its copy.
func (p *Strings) In(s *string) { *s = p.Copy(*s) }

// All replaces every string of ss with its copy.
func (p *Strings) All(ss []string) {
	for i := range ss {
		ss[i] = p.Copy(ss[i])
	}
}
