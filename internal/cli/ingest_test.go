package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// An ingest collects half as often as Go's default unless GOGC says otherwise, under a
// soft limit below the machine's memory unless GOMEMLIMIT says otherwise.
func TestIngestGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	ingestGC()
	if got := debug.SetGCPercent(100); got != 200 {
		t.Errorf("GOGC %d, want 200", got)
	}
	if m := machineMemory(); m > 0 {
		if got := debug.SetMemoryLimit(-1); got != m/4*3 {
			t.Errorf("memory limit %d, want %d (three quarters of %d)", got, m/4*3, m)
		}
	}
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	ingestGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set in the environment: the ingest changed it to %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set in the environment: the ingest changed the limit to %d", got)
	}
}
