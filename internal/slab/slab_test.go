package slab

import (
	"strings"
	"testing"
	"unsafe"
)

func TestSlabValuesShareChunks(t *testing.T) {
	var s Slab[[2]int]
	a, b := s.New(), s.New()
	a[0], b[0] = 1, 2
	if a[0] != 1 || b[0] != 2 {
		t.Fatalf("values overlap: %v %v", *a, *b)
	}
	if uintptr(unsafe.Pointer(b))-uintptr(unsafe.Pointer(a)) != unsafe.Sizeof(*a) {
		t.Fatal("consecutive values are not in one chunk")
	}
	c := s.Copy([2]int{7, 8})
	if *c != [2]int{7, 8} {
		t.Fatalf("Copy = %v", *c)
	}
	for range 3 * chunk {
		if p := s.New(); *p != [2]int{} {
			t.Fatalf("New returned a used value %v", *p)
		}
	}
}

func TestSliceNeverWritesIntoANeighbour(t *testing.T) {
	var s Slab[string]
	a := s.Slice([]string{"a", "b"})
	b := s.Slice([]string{"c"})
	if cap(a) != 2 {
		t.Fatalf("cap = %d, want 2", cap(a))
	}
	a = append(a, "x")
	if b[0] != "c" || strings.Join(a, "") != "abx" {
		t.Fatalf("append to one slice changed another: a=%v b=%v", a, b)
	}
	if got := s.Slice(nil); got != nil {
		t.Fatalf("Slice(nil) = %v", got)
	}
	long := make([]string, chunk)
	long[chunk-1] = "z"
	if got := s.Slice(long); len(got) != chunk || got[chunk-1] != "z" || &got[0] == &long[0] {
		t.Fatal("a long slice is not copied whole")
	}
}

func TestStringsCopiesIntoSharedBlocks(t *testing.T) {
	var p Strings
	src := []string{"通知", "", "办法", strings.Repeat("长", block)}
	p.All(src)
	if src[0] != "通知" || src[1] != "" || src[2] != "办法" || len(src[3]) != 3*block {
		t.Fatalf("copies differ: %q", src[:3])
	}
	if unsafe.StringData(src[2]) != (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(src[0])), len(src[0]))) {
		t.Fatal("two small strings are not in one block")
	}
	// A full block starts another; the strings already copied keep their bytes.
	var many []string
	for i := range 2 * block / 8 {
		many = append(many, p.Copy(strings.Repeat(string(rune('a'+i%26)), 8)))
	}
	for i, s := range many {
		if s != strings.Repeat(string(rune('a'+i%26)), 8) {
			t.Fatalf("copy %d changed to %q", i, s)
		}
	}
	if src[0] != "通知" {
		t.Fatal("a later copy overwrote an earlier one")
	}
}
