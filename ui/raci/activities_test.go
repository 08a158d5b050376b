package raci

import (
	"slices"
	"strings"
	"testing"

	"mopdeck/model"
)

func rowNames(d model.ProjectData) []string {
	var out []string
	for _, a := range model.ActivitiesInOrder(d) {
		out = append(out, a.Name)
	}
	return out
}

func TestAddRenameMoveTieDeleteActivity(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design review", "Ana")
	hs.press("A")
	if v := hs.view(); !strings.Contains(v, "new activity in Design") {
		t.Fatalf("prompt does not name the phase:\n%s", v)
	}
	hs.typeText("Workbooks")
	want := []string{"Design document", "Design review", "Workbooks", "Build config"}
	if got := rowNames(hs.data()); !slices.Equal(got, want) {
		t.Fatalf("after add: %v", got)
	}
	if rw, _ := hs.pane.cursorActivity(); rw.activity.Name != "Workbooks" {
		t.Fatalf("cursor on %q, want the new row", rw.activity.Name)
	}
	if v := hs.view(); !strings.Contains(v, "✗ no A no R") {
		t.Fatalf("the new empty row is not marked:\n%s", v)
	}

	hs.press("K", "K")
	want = []string{"Workbooks", "Design document", "Design review", "Build config"}
	if got := rowNames(hs.data()); !slices.Equal(got, want) {
		t.Fatalf("after two moves up: %v", got)
	}
	if rw, _ := hs.pane.cursorActivity(); rw.activity.Name != "Workbooks" {
		t.Fatalf("cursor did not follow the row: %q", rw.activity.Name)
	}
	hs.press("K")
	if !strings.Contains(hs.note(), "already first") {
		t.Fatalf("moving the first row up: note %q", hs.note())
	}
	hs.press("J")
	want = []string{"Design document", "Workbooks", "Design review", "Build config"}
	if got := rowNames(hs.data()); !slices.Equal(got, want) {
		t.Fatalf("after a move down: %v", got)
	}
	hs.press("u")
	want = []string{"Workbooks", "Design document", "Design review", "Build config"}
	if got := rowNames(hs.data()); !slices.Equal(got, want) {
		t.Fatalf("one u should undo the whole move: %v", got)
	}

	hs.press("E")
	hs.press("ctrl+u")
	hs.typeText("Design workbooks")
	if got := rowNames(hs.data())[0]; got != "Design workbooks" {
		t.Fatalf("after rename: %q", got)
	}

	hs.press("T")
	if !hs.pane.Capturing() || !strings.Contains(hs.view(), "to which phase?") {
		t.Fatalf("no phase picker:\n%s", hs.view())
	}
	hs.typeText("bui")
	want = []string{"Design document", "Design review", "Build config", "Design workbooks"}
	if got := rowNames(hs.data()); !slices.Equal(got, want) {
		t.Fatalf("after tying to Build: %v", got)
	}

	hs.press("D")
	if v := hs.view(); !strings.Contains(v, "Delete activity Design workbooks and its 0 letters? (y/n)") {
		t.Fatalf("no question:\n%s", v)
	}
	hs.press("y")
	if got := rowNames(hs.data()); len(got) != 3 {
		t.Fatalf("after delete: %v", got)
	}
}

func TestEmptyMatrixInvitesToStart(t *testing.T) {
	d := smallProject()
	d.Activities, d.Cells = nil, nil
	hs := newHarness(t, d, 100, 20)
	if v := hs.view(); !strings.Contains(v, "No RACI activities yet: A adds one") {
		t.Fatalf("empty matrix:\n%s", v)
	}
	hs.press("r")
	if !strings.Contains(hs.err(), "no cell under the cursor") {
		t.Fatalf("setting a letter with no row: %q", hs.err())
	}
	hs.press("A")
	hs.typeText("Kick-off")
	if got := rowNames(hs.data()); !slices.Equal(got, []string{"Kick-off"}) {
		t.Fatalf("after add: %v", got)
	}
	if v := hs.view(); !strings.Contains(v, "Not tied to a phase") || !strings.Contains(v, "Kick-off") {
		t.Fatalf("the new row is not shown:\n%s", v)
	}
}
