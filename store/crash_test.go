package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
)

// A process killed with SIGKILL at any moment of a write must leave a file
// that passes bbolt's check, holds every change it reported saved, and
// holds each bulk import whole or not at all. The writer is this test
// binary run again as a helper; the parent kills it at random moments.

const (
	crashDBEnv  = "MOPDECK_TEST_CRASH_DB"
	crashRunEnv = "MOPDECK_TEST_CRASH_RUN"
	// MOPDECK_KILL_ITERATIONS raises the number of kills (default 50).
	killIterationsEnv = "MOPDECK_KILL_ITERATIONS"
	batchSize         = 10
	counterTitle      = "Counter of the crash test"
)

// The helper's operations, by op number n: n%4 picks the kind.
const (
	opBatch   = 0 // SaveChanges of batchSize change requests, one transaction
	opChange  = 1 // SaveChange of a new change request
	opCounter = 2 // SaveChange updating one existing change request
	opPerson  = 3 // SavePerson of a new person
)

func opTitle(run string, n int) string { return fmt.Sprintf("%s op%d", run, n) }

func batchTitle(run string, n, i int) string {
	return fmt.Sprintf("%s op%d item %d/%d", run, n, i+1, batchSize)
}

// TestHelperCrashWriter is not a test: re-executed by TestKillDuringWrites,
// it writes without end, printing "ack N" after each write is committed.
func TestHelperCrashWriter(t *testing.T) {
	path, run := os.Getenv(crashDBEnv), os.Getenv(crashRunEnv)
	if path == "" {
		t.Skip("helper process for TestKillDuringWrites")
	}
	fail := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "crash helper: "+format+"\n", args...)
		os.Exit(3)
	}
	s, err := Open(path, Options{Timeout: 10 * time.Second})
	if err != nil {
		fail("open: %v", err)
	}
	ps, err := s.Projects()
	if err != nil || len(ps) != 1 {
		fail("projects: %v %v", ps, err)
	}
	pid := ps[0].ID
	d, err := s.LoadProject(pid)
	if err != nil {
		fail("load: %v", err)
	}
	var counter model.ChangeRequest
	for _, c := range d.Changes {
		if c.Title == counterTitle {
			counter = c
		}
	}
	if counter.ID == 0 {
		fail("no counter change request")
	}
	os.Stdout.WriteString("ready\n")
	for n := 1; ; n++ {
		switch n % 4 {
		case opBatch:
			crs := make([]model.ChangeRequest, batchSize)
			for i := range crs {
				crs[i] = model.ChangeRequest{Title: batchTitle(run, n, i), Description: strings.Repeat("imported row ", 8)}
			}
			_, err = s.SaveChanges(pid, crs, "crash test")
		case opChange:
			_, err = s.SaveChange(pid, model.ChangeRequest{Title: opTitle(run, n)}, "crash test")
		case opCounter:
			counter.Description = opTitle(run, n)
			_, err = s.SaveChange(pid, counter, "crash test")
		case opPerson:
			_, err = s.SavePerson(pid, model.Person{Name: opTitle(run, n)}, "crash test")
		}
		if err != nil {
			fail("op %d: %v", n, err)
		}
		// Unbuffered: once this line is in the pipe the parent may count
		// on the write.
		os.Stdout.WriteString("ack " + strconv.Itoa(n) + "\n")
	}
}

// crashFile creates a database with one project holding the counter.
func crashFile(t *testing.T) (string, uint64) {
	t.Helper()
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, model.ProjectData{Project: model.Project{Name: "Crash test"}})
	if _, err := s.SaveChange(d.Project.ID, model.ChangeRequest{Title: counterTitle}, "tester"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, d.Project.ID
}

// killedRun starts the writer, kills it after delay (counted from start,
// or from "ready" when afterReady), and returns the last acknowledged op.
func killedRun(t *testing.T, path, run string, delay time.Duration, afterReady bool) (acked int, reachedReady bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCrashWriter$")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashRunEnv+"="+run)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{})
	lines := make(chan int, 1)
	go func() {
		last, sc := 0, bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			if line == "ready" {
				close(ready)
				continue
			}
			if n, ok := strings.CutPrefix(line, "ack "); ok {
				last, _ = strconv.Atoi(n)
			}
		}
		lines <- last
	}()
	if afterReady {
		select {
		case <-ready:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the writer never got ready: %s", stderr.String())
		}
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	acked = <-lines
	werr := cmd.Wait()
	if ee, ok := werr.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
		t.Fatalf("the writer stopped by itself before the kill (%v): %s", werr, stderr.String())
	}
	select {
	case <-ready:
		reachedReady = true
	default:
	}
	return acked, reachedReady
}

// verifyAfterKill checks the file after run was killed with ops up to
// acked acknowledged. counter is the counter's description before the run;
// the one after it is returned.
func verifyAfterKill(t *testing.T, path string, pid uint64, run string, acked int, counter string) string {
	t.Helper()
	problems, err := CheckFile(path, 0)
	if err != nil || len(problems) > 0 {
		t.Fatalf("%s: check after the kill: %v %q", run, err, problems)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("%s: open after the kill: %v", run, err)
	}
	defer s.Close()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatalf("%s: load after the kill: %v", run, err)
	}
	titles := map[string]bool{}
	after := ""
	for _, c := range d.Changes {
		titles[c.Title] = true
		if c.Title == counterTitle {
			after = c.Description
		}
	}
	names := map[string]bool{}
	for _, p := range d.People {
		names[p.Name] = true
	}
	// present tells whether op n left its mark, failing on half a batch.
	present := func(n int) bool {
		switch n % 4 {
		case opBatch:
			found := 0
			for i := range batchSize {
				if titles[batchTitle(run, n, i)] {
					found++
				}
			}
			if found != 0 && found != batchSize {
				t.Fatalf("%s: bulk import op %d is in part: %d of %d change requests", run, n, found, batchSize)
			}
			return found == batchSize
		case opChange:
			return titles[opTitle(run, n)]
		case opCounter:
			return after == opTitle(run, n)
		default:
			return names[opTitle(run, n)]
		}
	}
	lastCounter := counter
	for n := 1; n <= acked; n++ {
		if n%4 == opCounter {
			lastCounter = opTitle(run, n)
			continue
		}
		if !present(n) {
			t.Fatalf("%s: op %d was acknowledged but is not in the file", run, n)
		}
	}
	// The op in flight at the kill may or may not have committed; none
	// after it can be there.
	inFlight := acked + 1
	committed := present(inFlight)
	for n := inFlight + 1; n <= inFlight+8; n++ {
		if n%4 != opCounter && present(n) {
			t.Fatalf("%s: op %d is in the file, but op %d before it was never acknowledged", run, n, inFlight)
		}
	}
	if after != lastCounter && !(inFlight%4 == opCounter && committed) {
		t.Fatalf("%s: the counter reads %q, want %q (the last acknowledged update)", run, after, lastCounter)
	}
	return after
}

func TestKillDuringWrites(t *testing.T) {
	iterations := 50
	if v := os.Getenv(killIterationsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", killIterationsEnv, v)
		}
		iterations = n
	}
	// A fresh file every 10 kills keeps each check quick.
	const perFile = 10
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var path string
	var pid uint64
	var counter string
	totalAcked, midWrite, beforeReady := 0, 0, 0
	start := time.Now()
	for i := range iterations {
		if i%perFile == 0 {
			path, pid = crashFile(t)
			counter = ""
		}
		run := fmt.Sprintf("r%d", i)
		// Most kills land in the stream of writes; one in five lands at
		// any moment from the start, opening the file included.
		afterReady := i%5 != 0
		delay := time.Duration(r.IntN(40_000)) * time.Microsecond
		if !afterReady {
			delay = time.Duration(r.IntN(150_000)) * time.Microsecond
		}
		acked, ready := killedRun(t, path, run, delay, afterReady)
		if !ready {
			beforeReady++
		} else if acked > 0 {
			midWrite++
		}
		totalAcked += acked
		counter = verifyAfterKill(t, path, pid, run, acked, counter)
	}
	t.Logf("%d kills in %v: %d during the stream of writes, %d before the writer was ready; %d writes acknowledged and found",
		iterations, time.Since(start).Round(time.Millisecond), midWrite, beforeReady, totalAcked)
	if midWrite < iterations/2 {
		t.Errorf("only %d of %d kills landed among the writes: the test is not exercising them", midWrite, iterations)
	}
}
