package e2e

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The real binary, measured from outside: CPU time per triage rating on a
// project of 10,000 requests (the idle frame ticker subtracted), and the
// resident memory after 100 ratings on 100,000. They take a minute, so
// they run when MOPDECK_PERF=1:
//
//	MOPDECK_PERF=1 go test -run Perf -count=1 -v ./ui/e2e/
func TestPerfTriageRatingCPU10k(t *testing.T) {
	perfOnly(t)
	s, pid := bigTriage(t, 10_000)
	idle := cpuOver(t, pid, 3*time.Second, nil)
	const n = 60
	var took time.Duration
	busy := cpuOver(t, pid, 0, func() {
		start := time.Now()
		for i := range n {
			s.keys(strconv.Itoa(3 + i%2))
			time.Sleep(50 * time.Millisecond)
		}
		s.waitFor(fmt.Sprintf("impact %d", 3+(n-1)%2))
		took = time.Since(start)
	})
	per := (busy - idle*took/(3*time.Second)) / n
	t.Logf("CPU per rating: %v (busy %v over %v, idle %v per 3 s)", per, busy, took, idle)
	if per > 10*time.Millisecond {
		t.Errorf("a rating costs %v of CPU, over the 10 ms budget", per)
	}
}

func TestPerfMemoryAfterSaves100k(t *testing.T) {
	perfOnly(t)
	s, pid := bigTriage(t, 100_000)
	for i := range 100 {
		s.keys(strconv.Itoa(3 + i%2))
		time.Sleep(30 * time.Millisecond)
	}
	s.waitFor("impact 4")
	time.Sleep(time.Second)
	rss := rssOf(t, pid)
	t.Logf("resident memory after 100 ratings on 100,000 requests: %d MB", rss>>20)
	if rss > 200<<20 {
		t.Errorf("the app holds %d MB, over the 200 MB budget", rss>>20)
	}
}

func perfOnly(t *testing.T) {
	if os.Getenv("MOPDECK_PERF") == "" {
		t.Skip("a measurement: set MOPDECK_PERF=1")
	}
}

// bigTriage imports n generated requests (a quarter untriaged) into a new
// project, opens it in tmux and starts triage; it returns the session and
// the app's process ID.
func bigTriage(t *testing.T, n int) (*tmuxSession, int) {
	t.Helper()
	dir := t.TempDir()
	db, file := filepath.Join(dir, "big.db"), filepath.Join(dir, "crs.csv")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"Title", "Description", "Impact", "Complexity", "Estimate", "Decision", "Status"})
	for i := range n {
		row := []string{fmt.Sprintf("Change request %d about the lead form", i), "Testers found the field order differs.", "", "", "", "", "new"}
		if i%4 != 0 {
			row[2], row[3], row[4], row[5], row[6] = strconv.Itoa(i%5+1), []string{"low", "medium", "high"}[i%3], strconv.Itoa(i%80), "now", "triaged"
		}
		w.Write(row)
	}
	w.Flush()
	f.Close()
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "Big"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", file, "--project", "Big"); code != 0 {
		t.Fatal(errOut)
	}
	s := startTmux(t, 120, 40, "--db", db, "--project", "Big")
	s.waitFor("Phases")
	s.keys("2")
	s.waitFor("CR-")
	s.keys("t")
	s.waitFor("untriaged")
	s.keys("5") // a known impact, so that every rating below changes it
	s.waitFor("impact 5")
	return s, s.panePID()
}

// cpuOver is the CPU time the process used while do ran, or over d.
func cpuOver(t *testing.T, pid int, d time.Duration, do func()) time.Duration {
	t.Helper()
	before := cpuOf(t, pid)
	if do != nil {
		do()
	} else {
		time.Sleep(d)
	}
	return cpuOf(t, pid) - before
}

// cpuOf reads a process's user and system time from /proc.
func cpuOf(t *testing.T, pid int) time.Duration {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * time.Second / 100 // clock ticks
}
