package raci

import (
	"strings"
	"testing"

	"mopdeck/model"
)

func TestCursorStartsOnFirstActivityAndSkipsHeadings(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	p := hs.pane
	if rw, ok := p.cursorActivity(); !ok || rw.activity.Name != "Design document" {
		t.Fatalf("cursor starts on %+v, want the first activity", rw)
	}
	hs.press("j", "j")
	if rw, _ := p.cursorActivity(); rw.activity.Name != "Build config" {
		t.Fatalf("two rows down = %q, want Build config (the Build heading skipped)", rw.activity.Name)
	}
	hs.press("j")
	if rw, _ := p.cursorActivity(); rw.activity.Name != "Build config" {
		t.Fatalf("past the end = %q", rw.activity.Name)
	}
	hs.press("k", "k", "k", "g")
	if rw, _ := p.cursorActivity(); rw.activity.Name != "Design document" {
		t.Fatalf("top = %q", rw.activity.Name)
	}
	if p.rowCur.Offset != 0 {
		t.Fatalf("the first heading is scrolled away: offset %d", p.rowCur.Offset)
	}
	hs.press("l", "l", "l")
	if c, _ := p.cursorPerson(); c != 2 {
		t.Fatalf("column = %d, want 2 (the last)", c)
	}
	hs.press("h", "0")
	if c, _ := p.cursorPerson(); c != 0 {
		t.Fatalf("0 goes to column %d, want 0", c)
	}
	hs.press("$")
	if c, _ := p.cursorPerson(); c != 2 {
		t.Fatalf("$ goes to column %d, want 2", c)
	}
}

// r a c i toggle their letter in the cell, so a cell may hold two;
// space and backspace clear it whole; u takes back one key at a time.
func TestToggleClearAndUndoCells(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	hs.press("c")
	if got := hs.roleOf("Design document", "Cy"); got != model.Consulted {
		t.Fatalf("after c: %q", got)
	}
	hs.press("i")
	if got := hs.roleOf("Design document", "Cy"); got != model.Consulted|model.Informed {
		t.Fatalf("after c then i: %q, want C/I", got)
	}
	if !strings.Contains(hs.note(), "Design document × Cy: C/I") {
		t.Fatalf("note = %q", hs.note())
	}
	hs.press("i")
	if got := hs.roleOf("Design document", "Cy"); got != model.Consulted {
		t.Fatalf("i again takes I off: %q, want C", got)
	}
	hs.press("space")
	if got := hs.roleOf("Design document", "Cy"); got != model.RoleNone {
		t.Fatalf("after space: %q", got)
	}
	hs.press("r")
	hs.press("backspace")
	if got := hs.roleOf("Design document", "Cy"); got != model.RoleNone {
		t.Fatalf("after backspace: %q", got)
	}
	hs.press("u")
	if got := hs.roleOf("Design document", "Cy"); got != model.Responsible {
		t.Fatalf("undo of the clear: %q, want R back", got)
	}
	if !strings.HasPrefix(hs.note(), "undone:") {
		t.Fatalf("note after undo = %q", hs.note())
	}
	hs.press("u", "u", "u")
	if got := hs.roleOf("Design document", "Cy"); got != model.Consulted|model.Informed {
		t.Fatalf("three more undos: %q, want C/I back", got)
	}
	hs.press("u", "u")
	if got := hs.roleOf("Design document", "Cy"); got != model.RoleNone {
		t.Fatalf("after undoing every edit: %q", got)
	}
	hs.press("u")
	if !strings.Contains(hs.err(), "nothing") {
		t.Fatalf("undo with nothing left: err %q", hs.err())
	}
}

// A letter shows when the store has it, with what the row now breaks.
func TestSecondAccountableIsFlaggedWhenSaved(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	cmd := hs.send("a")
	if v := hs.view(); strings.Contains(v, ">1 A") || hs.cursorRole() != model.RoleNone {
		t.Fatalf("the letter is shown before the store has it:\n%s", v)
	}
	hs.run(cmd)
	if !strings.Contains(hs.note(), "Design document × Cy: A — warning: this row has more than one A") {
		t.Fatalf("note = %q", hs.note())
	}
	v := hs.view()
	if !strings.Contains(v, "✗ >1 A") || !strings.Contains(v, "1 row breaks a rule (1 more than one A)") {
		t.Fatalf("no warning once saved:\n%s", v)
	}
	hs.press("space")
	if v := hs.view(); strings.Contains(v, ">1 A") || !strings.Contains(v, "every row has one A") {
		t.Fatalf("warning stays after clearing:\n%s", v)
	}
}

// A letter the store refuses is never shown, and the refusal is.
func TestRefusedLetterIsNeverShown(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	// Someone else deletes Cy meanwhile: the cell cannot be saved.
	if err := hs.store.DeletePerson(hs.pid, 3, "other"); err != nil {
		t.Fatal(err)
	}
	cmd := hs.send("r")
	if got := hs.cursorRole(); got != model.RoleNone {
		t.Fatalf("the letter is shown before the store took it: %q", got)
	}
	hs.run(cmd)
	if !strings.Contains(hs.err(), "does not exist") {
		t.Fatalf("err = %q", hs.err())
	}
	if got := hs.cursorRole(); got != model.RoleNone {
		t.Fatalf("the refused letter is shown: %q", got)
	}
}

func TestOverloadIsFlaggedPerPerson(t *testing.T) {
	d := bigProject(model.OverloadFrom, 3)
	d.Cells = nil
	for _, a := range d.Activities {
		d.Cells = append(d.Cells, model.Assignment{ActivityID: a.ID, PersonID: 1, Role: model.Accountable},
			model.Assignment{ActivityID: a.ID, PersonID: 2, Role: model.Responsible})
	}
	hs := newHarness(t, d, 120, 30)
	v := hs.view()
	if !strings.Contains(v, "6 A!") || !strings.Contains(v, "6+ A's: P01 Name") {
		t.Fatalf("overload not flagged:\n%s", v)
	}
	hs.goTo(d.Activities[0].Name, "P01 Name")
	hs.press("space")
	if v := hs.view(); strings.Contains(v, "A!") || strings.Contains(v, "6+ A's") {
		t.Fatalf("overload still flagged at %d A's:\n%s", model.OverloadFrom-1, v)
	}
}
