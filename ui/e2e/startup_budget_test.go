package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Start-up budgets of the real binary, a whole process each run, as a
// script calling mopdeck in a loop pays them. Most of `mopdeck --version`
// is the initialisation of the packages linked in (see the README's
// "Scripting"); a package that starts building tables or registries at
// init, or an open that reads the whole file again, shows here.
//
// The budgets are on the median CPU time (user + system) of the runs,
// which a busy machine changes little, with room for a loaded two-core CI
// machine; a looser bound on the wall time catches waits, such as a
// terminal query left unanswered. The figures are logged:
//
//	go test -v -run StartupBudget ./ui/e2e/
const (
	versionCPU  = 45 * time.Millisecond  // median of 20 runs; about 20 ms on a quiet machine
	versionWall = 250 * time.Millisecond // about 20 ms
	listCPU     = 250 * time.Millisecond // median of 10 runs on 10,000 requests; about 60 ms
	listWall    = time.Second            // about 70 ms
)

// timed runs the binary n times and returns the median wall and CPU times.
func timed(t *testing.T, n int, args ...string) (wall, cpu time.Duration) {
	t.Helper()
	walls := make([]time.Duration, n)
	cpus := make([]time.Duration, n)
	for i := range n {
		cmd := exec.Command(binary, args...)
		start := time.Now()
		out, err := cmd.Output()
		walls[i] = time.Since(start)
		if err != nil {
			t.Fatalf("%q: %v\n%s", args, err, out)
		}
		cpus[i] = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	return walls[n/2], cpus[n/2]
}

func TestStartupBudget(t *testing.T) {
	wall, cpu := timed(t, 20, "--version")
	t.Logf("mopdeck --version: median %v wall, %v CPU", wall.Round(100*time.Microsecond), cpu.Round(100*time.Microsecond))
	if cpu > versionCPU || wall > versionWall {
		t.Errorf("mopdeck --version takes %v of CPU, %v in all (medians of 20), over its budget of %v, %v", cpu, wall, versionCPU, versionWall)
	}

	dir := t.TempDir()
	db := filepath.Join(dir, "10k.db")
	var csv strings.Builder
	csv.WriteString("title,description,impact,complexity,estimate,decision\n")
	for i := range 10_000 {
		fmt.Fprintf(&csv, "Request %d about the lead form,Testers found the field order differs,%d,%s,%d,%s\n",
			i, i%5+1, []string{"low", "medium", "high"}[i%3], i%60+1, []string{"now", "later", ""}[i%3])
	}
	items := filepath.Join(dir, "items.csv")
	if err := os.WriteFile(items, []byte(csv.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "Budget"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", items); code != 0 {
		t.Fatal(errOut)
	}
	wall, cpu = timed(t, 10, "--db", db, "change", "list")
	t.Logf("mopdeck change list on 10,000 requests: median %v wall, %v CPU", wall.Round(100*time.Microsecond), cpu.Round(100*time.Microsecond))
	if cpu > listCPU || wall > listWall {
		t.Errorf("mopdeck change list on 10,000 requests takes %v of CPU, %v in all (medians of 10), over its budget of %v, %v", cpu, wall, listCPU, listWall)
	}
}
