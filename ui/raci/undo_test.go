package raci

import (
	"slices"
	"testing"

	"mopdeck/model"
)

// A move is one edit: one history entry, one u, however many rows it
// renumbers, and even when a second press lands before the first came back.
func TestMoveIsOneUndoStepEvenWhenPressedTwiceAtOnce(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	hs.press("c")
	hs.goTo("Build config", "Ana")
	hs.press("i")
	before, err := hs.store.History(hs.pid, 0)
	if err != nil {
		t.Fatal(err)
	}

	hs.goTo("Design review", "Ana")
	first := hs.send("K")
	// Still on the old grid: the store finds the row first already and
	// moves nothing more.
	second := hs.send("K")
	hs.run(first)
	hs.run(second)
	moved := []string{"Design review", "Design document", "Build config"}
	if got := rowNames(hs.data()); !slices.Equal(got, moved) {
		t.Fatalf("after the move: %v", got)
	}
	after, _ := hs.store.History(hs.pid, 0)
	if n := len(after) - len(before); n != 1 {
		t.Fatalf("the move made %d history entries, want 1", n)
	}

	hs.press("u")
	if got := rowNames(hs.data()); !slices.Equal(got, []string{"Design document", "Design review", "Build config"}) {
		t.Fatalf("one u did not undo the move: %v", got)
	}
	hs.press("u")
	if got := hs.roleOf("Build config", "Ana"); got != model.RoleNone {
		t.Fatalf("second u should take back the last letter: %q", got)
	}
	if got := hs.roleOf("Design document", "Cy"); got != model.Consulted {
		t.Fatalf("two u's took back more than the move and one letter: Design document/Cy = %q", got)
	}
}

// Switching project forgets what the pane knew about the old one's edits.
func TestUndoAfterProjectSwitchTakesBackOneEdit(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design review", "Ana")
	hs.press("K")

	other := smallProject()
	other.Project.Name = "Other"
	d, err := hs.store.CreateProject(other, "test")
	if err != nil {
		t.Fatal(err)
	}
	pid := d.Project.ID
	for _, c := range []model.Assignment{
		{ActivityID: 1, PersonID: 3, Role: model.Consulted},
		{ActivityID: 3, PersonID: 1, Role: model.Informed},
	} {
		if err := hs.store.SetCell(pid, c, "test"); err != nil {
			t.Fatal(err)
		}
	}
	hs.open(pid)
	hs.press("u")
	if got := hs.roleOf("Build config", "Ana"); got != model.RoleNone {
		t.Fatalf("u did not take back the last letter: %q", got)
	}
	if got := hs.roleOf("Design document", "Cy"); got != model.Consulted {
		t.Fatalf("u took back more than one edit in the new project: Design document/Cy = %q", got)
	}
}
