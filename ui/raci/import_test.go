package raci

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/model"
)

// Fixtures of store/raciio: title-row.csv names smallProject's people and
// phases (Ana, Bo, Cy; Design, Build) and three new activities;
// phase-unknown.csv names phases smallProject lacks, so it is refused.
const (
	titleRowCSV = "../../store/raciio/testdata/title-row.csv"
	refusedCSV  = "../../store/raciio/testdata/phase-unknown.csv"
)

// openImportOf types I and a path and returns the read's command, not run.
func (hs *harness) openImportOf(path string) func() {
	hs.t.Helper()
	hs.press("I")
	hs.typeOnly(path)
	cmd := hs.send("enter")
	return func() { hs.run(cmd) }
}

// The file is read in a command, never in Update; a result of an older
// request (before R switched the option, or of a screen closed since) is
// dropped, and the screen shows the newest.
func TestImportDropsTheResultOfAnOlderRequest(t *testing.T) {
	hs := newHarness(t, smallProject(), 120, 30)
	first := hs.openImportOf(titleRowCSV)
	if v := hs.view(); !strings.Contains(v, "reading…") || strings.Contains(v, "would create") {
		t.Fatalf("the file was read before its command ran:\n%s", v)
	}
	second := hs.send("R")
	hs.run(second)
	if v := hs.view(); !strings.Contains(v, "would clear 6 cells") || !strings.Contains(v, "replace the matrix: on") {
		t.Fatalf("after R:\n%s", v)
	}
	first()
	if v := hs.view(); !strings.Contains(v, "would clear 6 cells") {
		t.Fatalf("the older result (without replace) was shown over the newer:\n%s", v)
	}

	hs.press("esc")
	closed := hs.openImportOf(titleRowCSV)
	hs.press("esc")
	refused := hs.openImportOf(refusedCSV)
	closed()
	if v := hs.view(); !strings.Contains(v, "reading…") || strings.Contains(v, "would create") {
		t.Fatalf("the result of a closed screen was shown on the new one:\n%s", v)
	}
	refused()
	if v := hs.view(); !strings.Contains(v, "cannot be imported") || !strings.Contains(v, `rows 2, 3, column B "Phase"`) || !strings.Contains(v, `"Phase 7"`) {
		t.Fatalf("the refused file:\n%s", v)
	}
	if got := len(hs.data().Activities); got != 3 {
		t.Fatalf("%d activities: the previews wrote", got)
	}
}

// enter matches the file to the project as it is when it writes, not as
// it was previewed: an activity added meanwhile is matched, not doubled.
func TestImportPlansAgainWhenItWrites(t *testing.T) {
	hs := newHarness(t, smallProject(), 120, 30)
	hs.openImportOf(titleRowCSV)()
	if v := hs.view(); !strings.Contains(v, "would create 3 activities") {
		t.Fatalf("preview:\n%s", v)
	}
	if _, err := hs.store.AddActivity(hs.pid, model.Activity{Name: "Kickoff", PhaseID: 1}, "someone else"); err != nil {
		t.Fatal(err)
	}
	hs.press("enter")
	if hs.err() != "" || !strings.Contains(hs.note(), "created 2 activities") {
		t.Fatalf("note %q, error %q", hs.note(), hs.err())
	}
	kickoffs := 0
	for _, a := range hs.data().Activities {
		if a.Name == "Kickoff" {
			kickoffs++
		}
	}
	if kickoffs != 1 || hs.roleOf("Kickoff", "Ana") != model.Accountable || hs.roleOf("Assets", "Bo") != model.Accountable|model.Responsible {
		t.Fatalf("%d Kickoff rows; Kickoff × Ana %q, Assets × Bo %q", kickoffs, hs.roleOf("Kickoff", "Ana"), hs.roleOf("Assets", "Bo"))
	}
	if v := hs.view(); !strings.Contains(v, "Go-live") {
		t.Fatalf("the grid does not show the import:\n%s", v)
	}
}

// A switch to another project closes the screen: its plan was for the
// project left, and enter must not write it there.
func TestImportScreenClosesOnProjectSwitch(t *testing.T) {
	hs := newHarness(t, smallProject(), 120, 30)
	hs.openImportOf(titleRowCSV)()
	other := smallProject()
	other.Project.Name = "Other"
	d, err := hs.store.CreateProject(other, "test")
	if err != nil {
		t.Fatal(err)
	}
	hs.open(d.Project.ID)
	if hs.pane.Capturing() || strings.Contains(hs.view(), "would create") {
		t.Fatalf("the screen stayed open over another project:\n%s", hs.view())
	}
	hs.press("enter")
	if got := len(hs.data().Activities); got != 3 {
		t.Fatalf("%d activities in the other project: enter imported", got)
	}
}

// A path typed from the home folder, ~/…, is read there.
func TestImportExpandsTheHomeFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	data, err := os.ReadFile(titleRowCSV)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "matrix.csv"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, smallProject(), 120, 30)
	hs.openImportOf("~/matrix.csv")()
	if v := hs.view(); hs.err() != "" || !strings.Contains(v, "would create 3 activities") {
		t.Fatalf("~/matrix.csv: error %q\n%s", hs.err(), v)
	}
}
