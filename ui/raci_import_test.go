package ui_test

import (
	"slices"
	"strings"
	"testing"

	"mopdeck/model"
	"mopdeck/ui"
)

// Fixtures of store/raciio: grid-comma.csv is a column per person, six
// people and ten activities the sample project lacks; phase-unknown.csv
// ties its rows to phases the sample project lacks, so it is refused.
const (
	gridCommaCSV = "../store/raciio/testdata/grid-comma.csv"
	refusedRACI  = "../store/raciio/testdata/phase-unknown.csv"
)

// matrixOf is what a RACI import may change: the people, the activities
// and the cells, in a form to compare.
func matrixOf(d model.ProjectData) (people, activities []string, cells []model.Assignment) {
	for _, p := range d.People {
		people = append(people, p.Name)
	}
	for _, a := range d.Activities {
		activities = append(activities, a.Name)
	}
	return people, activities, d.Cells
}

func sameMatrix(a, b model.ProjectData) bool {
	pa, aa, ca := matrixOf(a)
	pb, ab, cb := matrixOf(b)
	return slices.Equal(pa, pb) && slices.Equal(aa, ab) && slices.Equal(ca, cb)
}

// startedRACI opens the app on the RACI pane.
func startedRACI(t *testing.T) (*ui.Model, func() model.ProjectData) {
	t.Helper()
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	press(t, m, "3")
	return m, func() model.ProjectData { return projectOf(t, s) }
}

// I, a path: the screen lists what the import would do and nothing is
// written; enter imports in one write, shown in the grid; one u takes
// the whole import back.
func TestRACIImportPreviewsThenImportsThenUndoes(t *testing.T) {
	m, stored := startedRACI(t)
	before := stored()

	press(t, m, "I", gridCommaCSV, "enter")
	view := phView(m)
	for _, want := range []string{"Import " + gridCommaCSV, "read as a column per person",
		"would create 6 people:", "Marketing lead", "would create 10 activities:", `"Define campaign goals" (no phase)`,
		"would set 51 cells: 51 added, 0 replaced, 0 already so", "cells the file leaves empty keep their letters",
		"after the import every row has one A and at least one R", "enter import"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the preview lacks %q:\n%s", want, view)
		}
	}
	if after := stored(); after.Version != before.Version || !sameMatrix(before, after) {
		t.Fatal("the preview wrote to the store")
	}

	press(t, m, "enter")
	status, isErr := m.Status()
	if isErr || !strings.Contains(status, "imported grid-comma.csv: created 6 people and 10 activities, set 51 cells") ||
		!strings.Contains(status, "u undoes") {
		t.Fatalf("status %q (error %v)", status, isErr)
	}
	after := stored()
	if len(after.People) != len(before.People)+6 || len(after.Activities) != len(before.Activities)+10 ||
		len(after.Cells) != len(before.Cells)+51 {
		t.Fatalf("stored %d people, %d activities, %d cells; want %d, %d, %d", len(after.People), len(after.Activities),
			len(after.Cells), len(before.People)+6, len(before.Activities)+10, len(before.Cells)+51)
	}
	if v := phView(m); !strings.Contains(v, "Define campaign goals") || !strings.Contains(v, "31 activities · 15 people") {
		t.Fatalf("the grid does not show the import:\n%s", v)
	}

	press(t, m, "u")
	if status, isErr := m.Status(); isErr || !strings.Contains(status, "undone: RACI imported from grid-comma.csv") {
		t.Fatalf("u: status %q (error %v)", status, isErr)
	}
	if !sameMatrix(before, stored()) {
		t.Fatal("one u did not take the whole import back")
	}
	if v := phView(m); strings.Contains(v, "Define campaign goals") || !strings.Contains(v, "21 activities · 9 people") {
		t.Fatalf("the grid still shows the import:\n%s", v)
	}
}

// R switches to replacing the matrix: the preview counts the cells it
// clears and the rows left to look at, and enter leaves only the file's
// cells.
func TestRACIImportReplaceClearsTheOtherCells(t *testing.T) {
	m, stored := startedRACI(t)
	before := stored()
	press(t, m, "I", gridCommaCSV, "enter", "R")
	view := phView(m)
	for _, want := range []string{"replace the matrix: on", "would clear 131 cells the file leaves empty",
		"after the import, 21 warnings to look at", `"Discovery document" (Discovery): no A, no R`} {
		if !strings.Contains(view, want) {
			t.Fatalf("the preview lacks %q:\n%s", want, view)
		}
	}
	if len(before.Cells) != 131 || stored().Version != before.Version {
		t.Fatalf("the sample holds %d cells, or the preview wrote", len(before.Cells))
	}
	press(t, m, "enter")
	if status, _ := m.Status(); !strings.Contains(status, "cleared 131") {
		t.Fatalf("status %q", status)
	}
	if got := len(stored().Cells); got != 51 {
		t.Fatalf("%d cells after replacing, want the file's 51", got)
	}
}

// esc on the screen writes nothing and goes back to the grid.
func TestRACIImportEscWritesNothing(t *testing.T) {
	m, stored := startedRACI(t)
	before := stored()
	press(t, m, "I", gridCommaCSV, "enter", "esc")
	if status, _ := m.Status(); !strings.Contains(status, "not imported") {
		t.Fatalf("esc: status %q", status)
	}
	if v := phView(m); strings.Contains(v, "would create") || !strings.Contains(v, "Discovery document") {
		t.Fatalf("esc did not go back to the grid:\n%s", v)
	}
	press(t, m, "enter")
	if after := stored(); after.Version != before.Version || !sameMatrix(before, after) {
		t.Fatal("esc then enter wrote to the store")
	}
}

// A refused file lists every problem with its row and column, says so in
// the status line, and enter writes nothing.
func TestRACIImportRefusedFileShowsItsProblems(t *testing.T) {
	m, stored := startedRACI(t)
	before := stored()
	press(t, m, "I", refusedRACI, "enter")
	view := phView(m)
	for _, want := range []string{"cannot be imported as it is (3 problems)", `rows 2, 3, column B "Phase": the project has no phase "Phase 7"`,
		`row 4, column B "Phase": the project has no phase "Out of scope"`, "cannot import as it is"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the screen lacks %q:\n%s", want, view)
		}
	}
	if status, isErr := m.Status(); !isErr || !strings.Contains(status, "was refused (3 problems listed)") {
		t.Fatalf("status %q (error %v)", status, isErr)
	}
	press(t, m, "enter")
	if after := stored(); after.Version != before.Version || !sameMatrix(before, after) {
		t.Fatal("enter on a refused file wrote to the store")
	}
	if !strings.Contains(phView(m), "cannot be imported") {
		t.Fatal("enter closed the screen of a refused file")
	}
}

// I and a path read together in one message (a paste, fast typing): the
// path goes into the prompt as text, none of its letters (r, a, c, i)
// acts on the grid.
func TestRACIImportPathTypedAsABurst(t *testing.T) {
	m, stored := startedRACI(t)
	before := stored()
	_, cmd := m.Update(burst("I" + gridCommaCSV))
	settle(t, m, cmd)
	if v := phView(m); !strings.Contains(v, "import a RACI matrix, CSV/XLSX file: "+gridCommaCSV) {
		t.Fatalf("the prompt does not hold the path:\n%s", v)
	}
	if after := stored(); after.Version != before.Version {
		t.Fatal("a letter of the path acted on the grid")
	}
	press(t, m, "enter")
	if v := phView(m); !strings.Contains(v, "would create 6 people") {
		t.Fatalf("the burst path was not previewed:\n%s", v)
	}
}

// The screen holds the keyboard: a digit, tab or p there does not switch
// panes or open the projects, and enter still imports into this project.
func TestRACIImportScreenHoldsTheKeyboard(t *testing.T) {
	m, stored := startedRACI(t)
	before := stored()
	press(t, m, "I", gridCommaCSV, "enter", "1", "tab", "p", "@")
	if v := phView(m); m.Active() != 2 || !strings.Contains(v, "would create 6 people") {
		t.Fatalf("a global key left the import screen (pane %d):\n%s", m.Active(), v)
	}
	press(t, m, "enter")
	if got := len(stored().Activities); got != len(before.Activities)+10 {
		t.Fatalf("%d activities after enter, want %d", got, len(before.Activities)+10)
	}
}
