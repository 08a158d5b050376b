package raci

import (
	"strings"
	"testing"

	"mopdeck/model"
)

func TestAddAndEditPerson(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.press("P", "a")
	if !hs.pane.Capturing() {
		t.Fatal("the name prompt does not hold the keyboard")
	}
	hs.typeText("Zoë 山田")
	hs.typeText("agency")
	hs.typeText("zoe@agency.example")
	if hs.pane.Capturing() {
		t.Fatal("the form is still open after the handle")
	}
	p, ok := findPerson(hs.data(), "Zoë 山田")
	if !ok || p.Team != "agency" || p.Handle != "zoe@agency.example" {
		t.Fatalf("added person = %+v, %v", p, ok)
	}
	if c, _ := hs.pane.cursorPerson(); hs.pane.grid.people[c].Name != "Zoë 山田" {
		t.Fatalf("cursor is not on the new column: %d", c)
	}
	// Edit: rename, keep the team (enter), clear the handle.
	hs.press("P", "e")
	for range len([]rune("Zoë 山田")) {
		hs.press("backspace")
	}
	hs.typeText("Zoé Yamada")
	hs.press("enter")
	hs.press("ctrl+u")
	hs.press("enter")
	p, ok = findPerson(hs.data(), "Zoé Yamada")
	if !ok || p.Team != "agency" || p.Handle != "" {
		t.Fatalf("edited person = %+v, %v", p, ok)
	}
	// esc drops the whole edit.
	hs.press("P", "e", "x", "esc")
	if _, ok := findPerson(hs.data(), "Zoé Yamadax"); ok || hs.pane.Capturing() {
		t.Fatal("esc did not cancel the edit")
	}
	// An empty name is refused.
	hs.press("P", "a")
	hs.press("enter")
	if !strings.Contains(hs.err(), "needs a name") || len(hs.data().People) != 4 {
		t.Fatalf("empty name: err %q, %d people", hs.err(), len(hs.data().People))
	}
}

func findPerson(d model.ProjectData, name string) (model.Person, bool) {
	for _, p := range d.People {
		if p.Name == name {
			return p, true
		}
	}
	return model.Person{}, false
}

func TestRemovePersonRefusedWhileAccountable(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Ana")
	hs.press("P", "d")
	for _, w := range []string{"Ana is Accountable for 2 activities", `"Design document"`, `"Design review"`, "someone else first"} {
		if !strings.Contains(hs.err(), w) {
			t.Errorf("refusal %q lacks %q", hs.err(), w)
		}
	}
	if hs.pane.Capturing() || len(hs.data().People) != 3 {
		t.Fatal("the refusal asked a question or removed someone")
	}
	// Cy holds no A: asked, then removed with her letters; undo restores.
	hs.goTo("Design document", "Cy")
	hs.press("P", "d")
	if v := hs.view(); !strings.Contains(v, "Remove Cy and their 2 RACI letters? (y/n)") {
		t.Fatalf("no question:\n%s", v)
	}
	hs.press("n")
	if len(hs.data().People) != 3 {
		t.Fatal("n removed the person")
	}
	hs.press("P", "d", "y")
	if len(hs.data().People) != 2 || len(hs.pane.grid.people) != 2 {
		t.Fatalf("y did not remove Cy: %d people", len(hs.data().People))
	}
	hs.press("u")
	if len(hs.data().People) != 3 || hs.roleOf("Design review", "Cy") != model.Responsible {
		t.Fatal("undo did not bring Cy and her letters back")
	}
}

// P waits for a verb on the person: a, e or d act; any other key cancels
// and does nothing else (r there sets no letter).
func TestPersonVerbAfterP(t *testing.T) {
	hs := newHarness(t, smallProject(), 100, 20)
	hs.goTo("Design document", "Cy")
	before := hs.cursorRole()
	hs.press("P")
	if !hs.pane.Capturing() || hs.pane.Typing() {
		t.Fatal("P does not hold the keyboard for its verb")
	}
	var help []string
	for _, b := range hs.pane.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(help, " · "); !strings.Contains(got, "a add a person") || !strings.Contains(got, "d remove the person") {
		t.Fatalf("the help bar after P: %s", got)
	}
	hs.press("r")
	if hs.pane.Capturing() || hs.cursorRole() != before || hs.roleOf("Design document", "Cy") != before {
		t.Fatal("r after P set a letter or left P waiting")
	}
	hs.press("P", "esc", "r")
	if hs.roleOf("Design document", "Cy") != model.Responsible {
		t.Fatal("after P esc, r does not set the letter")
	}
}
