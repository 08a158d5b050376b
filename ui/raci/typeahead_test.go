package raci

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"mopdeck/model"
)

// Keys typed before the last write reported back: Bubble Tea runs each
// key's command on its own goroutine, in any order. Each test below keeps
// the commands two keys returned and runs the later key's first; the
// app's one writer still commits them in key order, and each write reads
// what it changes from the store.

func TestUndoRightAfterALetterTakesBackThatLetter(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	hs.press("c")
	letter := hs.send("i")
	undo := hs.send("u")
	hs.run(undo)
	hs.run(letter)
	if got := hs.roleOf("Design document", "Cy"); got != model.Consulted {
		t.Fatalf("stored %q, want C: the undo must take back the i, not the c", got)
	}
	if got := hs.cursorRole(); got != model.Consulted {
		t.Fatalf("the grid shows %q, want the stored C", got)
	}
	if !strings.Contains(hs.note(), "C → C/I") {
		t.Fatalf("note = %q, want the undo of C → C/I", hs.note())
	}
}

func TestRenameRightAfterAMoveKeepsBoth(t *testing.T) {
	for _, renameFirst := range []bool{false, true} {
		t.Run(fmt.Sprintf("rename command first %v", renameFirst), func(t *testing.T) {
			hs := newHarness(t, smallProject(), 100, 20)
			hs.goTo("Design review", "Ana")
			move := hs.send("K")
			// The prompt opens on the grid as it was: the move is not back.
			hs.press("E", "ctrl+u")
			hs.typeOnly("Review")
			rename := hs.send("enter")
			if renameFirst {
				move, rename = rename, move
			}
			hs.run(move)
			hs.run(rename)

			d := hs.data()
			orders := map[int]string{}
			for _, a := range d.Activities {
				if other, ok := orders[a.Order]; ok {
					t.Fatalf("%q and %q share order %d", other, a.Name, a.Order)
				}
				orders[a.Order] = a.Name
			}
			want := []string{"Review", "Design document", "Build config"}
			if got := rowNames(d); !slices.Equal(got, want) {
				t.Fatalf("stored rows %v, want %v", got, want)
			}
			if got := rowNames(*hs.pane.data); !slices.Equal(got, want) {
				t.Fatalf("the pane shows %v, want %v", got, want)
			}
			if rw, _ := hs.pane.cursorActivity(); rw.activity.Name != "Review" {
				t.Fatalf("cursor on %q, want the moved row", rw.activity.Name)
			}
		})
	}
}

// The pane's copy lets the question through (Cy holds no A there yet);
// the store, which has the A by then, refuses.
func TestRemovalRightAfterAnAIsRefused(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	letter := hs.send("a")
	hs.press("P", "d")
	if v := hs.view(); !strings.Contains(v, "Remove Cy") {
		t.Fatalf("no question:\n%s", v)
	}
	remove := hs.send("y")
	hs.run(remove)
	hs.run(letter)
	if !strings.Contains(hs.err(), "Cy is Accountable for 1 activity") {
		t.Fatalf("err = %q, want the refusal", hs.err())
	}
	if n := len(hs.data().People); n != 3 {
		t.Fatalf("%d people stored: Cy was removed with an A", n)
	}
	if got := hs.roleOf("Design document", "Cy"); got != model.Accountable {
		t.Fatalf("stored %q, want A", got)
	}
	if len(hs.pane.grid.people) != 3 {
		t.Fatalf("the grid shows %d people, want the stored 3", len(hs.pane.grid.people))
	}
	hs.goTo("Design document", "Cy")
	if got := hs.cursorRole(); got != model.Accountable {
		t.Fatalf("the grid shows %q, want the stored A", got)
	}
}

// Two rows added before either came back take two places, and the cursor
// lands on the last one.
func TestTwoAddsRightAfterEachOtherTakeTwoPlaces(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design review", "Ana")
	var cmds []func()
	for _, name := range []string{"Workbooks", "Wireframes"} {
		hs.press("A")
		hs.typeOnly(name)
		cmd := hs.send("enter")
		cmds = append(cmds, func() { hs.run(cmd) })
	}
	cmds[1]()
	cmds[0]()
	want := []string{"Design document", "Design review", "Workbooks", "Wireframes", "Build config"}
	if got := rowNames(hs.data()); !slices.Equal(got, want) {
		t.Fatalf("stored rows %v, want %v", got, want)
	}
	if got := rowNames(*hs.pane.data); !slices.Equal(got, want) {
		t.Fatalf("the pane shows %v, want %v", got, want)
	}
	if rw, _ := hs.pane.cursorActivity(); rw.activity.Name != "Wireframes" {
		t.Fatalf("cursor on %q, want the last row added", rw.activity.Name)
	}
}

// An edit writes the fields it changed onto the person as stored: a team
// changed elsewhere meanwhile stays.
func TestPersonEditKeepsAFieldChangedMeanwhile(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Bo")
	hs.press("P", "e", "ctrl+u")
	hs.typeText("Bob")
	if _, err := hs.store.UpdatePerson(hs.pid, 2, "other", func(p model.Person) (model.Person, error) {
		p.Team = "ops"
		return p, nil
	}); err != nil {
		t.Fatal(err)
	}
	hs.press("enter", "enter") // team and handle kept as prefilled
	p, ok := findPerson(hs.data(), "Bob")
	if !ok || p.Team != "ops" {
		t.Fatalf("stored %+v, want Bob of ops", p)
	}
	if c, _ := hs.pane.cursorPerson(); hs.pane.grid.people[c].Team != "ops" {
		t.Fatalf("the grid shows %+v", hs.pane.grid.people[c])
	}
}
