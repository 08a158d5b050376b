package e2e

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMarkdownBombsStaySmall opens, in the real binary, docs and a change
// request built to make Glamour blow up — each once grew the app by
// gigabytes or held a core for minutes — and checks that each shows as
// plain text with the reason, and that the app's peak resident memory
// stays under 300 MB.
func TestMarkdownBombsStaySmall(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bombs.db")
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "Bombs"); code != 0 {
		t.Fatal(errOut)
	}
	bombs := []struct{ body, why string }{
		{"# Notes\n\n" + strings.Repeat(">", 182) + " deep thought\n", "nested 182 deep"}, // 205 bytes
		{strings.Repeat("- ", 2000) + "x\n", "nested 2000 deep"},
		{strings.Repeat("*a _b ", 30_000), "60,000 emphasis marks"},
		{strings.Repeat("[", 150_000), "a word 150,000 characters"},
		{strings.Repeat("# Fixed\n", 20_000), "the same heading 20,000 times"},
	}
	bundle := filepath.Join(dir, "bombs.json")
	if _, errOut, code := mopdeck(t, nil, "--db", db, "export", "project", "Bombs", "-o", bundle); code != 0 {
		t.Fatal(errOut)
	}
	setDocBodies(t, bundle, bombs[0].body, bombs[1].body, bombs[2].body, bombs[3].body, bombs[4].body)
	if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "project", "--replace", bundle); code != 0 {
		t.Fatal(errOut)
	}
	sheet := filepath.Join(dir, "crs.csv")
	writeCSV(t, sheet, []string{"Title", "Description", "Status"}, []string{"Quote bomb", strings.Repeat(">", 300), "new"})
	if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", sheet, "--project", "Bombs"); code != 0 {
		t.Fatal(errOut)
	}

	s := startTmux(t, 120, 40, "--db", db, "--project", "Bombs")
	s.waitFor("Phases")
	pid := appPID(t, s)
	s.keys("4")
	s.waitFor("Status report")
	for _, b := range bombs {
		s.keys("j")
		s.waitFor("shown as plain text: " + b.why)
	}
	s.keys("2")
	s.waitFor("CR-")
	s.keys("t")
	s.waitFor("Quote bomb", "shown as plain text: nested 300 deep")
	peak := peakRSS(t, pid)
	t.Logf("peak resident memory: %d MB", peak>>20)
	if peak > 300<<20 {
		t.Errorf("the app reached %d MB, over the 300 MB budget", peak>>20)
	}
}

// setDocBodies replaces the bodies of a project bundle's first docs.
func setDocBodies(t *testing.T, path string, bodies ...string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bundle map[string]any
	if err := json.Unmarshal(raw, &bundle); err != nil {
		t.Fatal(err)
	}
	docs, _ := bundle["data"].(map[string]any)["docs"].([]any)
	if len(docs) < len(bodies) {
		t.Fatalf("the bundle has %d docs, %d needed", len(docs), len(bodies))
	}
	for i, b := range bodies {
		docs[i].(map[string]any)["body"] = b
	}
	if raw, err = json.Marshal(bundle); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeCSV(t *testing.T, path string, rows ...[]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := f.Close(); err != nil || w.Error() != nil {
		t.Fatal(err, w.Error())
	}
}

// appPID is the process ID of mopdeck in the session: the pane's process,
// or its child when a shell runs it.
func appPID(t *testing.T, s *tmuxSession) int {
	t.Helper()
	pid := s.panePID()
	for range 3 {
		comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
		if err != nil {
			t.Skipf("no /proc here: %v", err)
		}
		if strings.TrimSpace(string(comm)) == "mopdeck" {
			return pid
		}
		kids, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
		f := strings.Fields(string(kids))
		if len(f) == 0 {
			break
		}
		pid, _ = strconv.Atoi(f[0])
	}
	t.Fatal("mopdeck is not running in the session")
	return 0
}
