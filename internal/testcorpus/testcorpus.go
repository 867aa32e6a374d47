// Package testcorpus locates the shared real-document corpus (../shared beside the
// repository) for tests. Tests that need it skip with a clear message when it is absent,
// as on a user's fresh clone.
package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder (holding corpus/ and seeds/) or "" when it is not there.
// GUIFAN_SHARED overrides the location.
func Dir() string {
	if d := os.Getenv("GUIFAN_SHARED"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if _, err := os.Stat(filepath.Join(shared, "corpus")); err == nil {
				return shared
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Require returns the shared folder or skips the test.
func Require(t testing.TB) string {
	t.Helper()
	d := Dir()
	if d == "" {
		t.Skip("real corpus not found: put the shared corpus beside the repository as ../shared (or set GUIFAN_SHARED) to run this test")
	}
	return d
}

// File returns the path of a file under shared/corpus/files, skipping the test when absent.
func File(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(Require(t), "corpus", "files", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus file %s not found", name)
	}
	return p
}

// Laws returns the path of shared/corpus/laws.jsonl, skipping the test when absent.
func Laws(t testing.TB) string {
	t.Helper()
	return filepath.Join(Require(t), "corpus", "laws.jsonl")
}

// Seed returns the path of the seed document, skipping the test when absent.
func Seed(t testing.TB) string {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(Require(t), "seeds", "*.txt"))
	if len(matches) == 0 {
		t.Skip("seed document not found")
	}
	return matches[0]
}
