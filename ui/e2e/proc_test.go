package e2e

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// procMemory is a process's resident memory (VmRSS) and the most it has
// held (VmHWM), in bytes, read from /proc; the test is skipped where
// there is none.
func procMemory(t *testing.T, pid int) (rss, peak int64) {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		field, rest, _ := strings.Cut(line, ":")
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		switch field {
		case "VmRSS":
			rss = kb << 10
		case "VmHWM":
			peak = kb << 10
		}
	}
	if rss == 0 && peak == 0 {
		t.Fatalf("no memory figures in /proc/%d/status", pid)
	}
	return rss, peak
}

func rssOf(t *testing.T, pid int) int64 {
	rss, _ := procMemory(t, pid)
	return rss
}

func peakRSS(t *testing.T, pid int) int64 {
	_, peak := procMemory(t, pid)
	return peak
}
