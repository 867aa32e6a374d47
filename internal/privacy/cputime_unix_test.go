//go:build unix

package privacy

import (
	"syscall"
	"time"
)

// processCPU is the user and system time this process has used. Benchmarks report
// throughput per CPU second beside the wall-clock MB/s, which a busy machine skews.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
