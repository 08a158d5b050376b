package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRACIPersonCommand prints a template's role from the real binary:
// text, JSON, and the error for a name nobody has.
func TestRACIPersonCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "raci.db")
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "--start", "2027-01-04", "Roll-out"); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	out, errOut, code := mopdeck(t, nil, "--db", db, "raci", "--person", "project LEAD", "--project", "roll-out")
	if code != 0 {
		t.Fatalf("raci: exit %d: %s", code, errOut)
	}
	for _, w := range []string{"Project lead · operations\nRoll-out: R ", "\nDiscovery\n", "  A  Accountable: you approve it and answer for it\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	out, errOut, code = mopdeck(t, nil, "--db", db, "raci", "--person", "Sponsor", "--json")
	if code != 0 {
		t.Fatalf("raci --json: exit %d: %s", code, errOut)
	}
	var doc struct {
		Person struct{ Name string }
		Counts map[string]int
		Phases []struct {
			Phase string
			Roles []struct {
				Letter     string
				Activities []string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.Person.Name != "Sponsor" || len(doc.Phases) == 0 || doc.Counts["A"] == 0 {
		t.Fatalf("JSON: %+v", doc)
	}
	_, errOut, code = mopdeck(t, nil, "--db", db, "raci", "--person", "Sponser")
	if code != 1 || !strings.Contains(errOut, `no person named "Sponser"`) || !strings.Contains(errOut, `close matches: "Sponsor"`) {
		t.Fatalf("unknown name: exit %d: %q", code, errOut)
	}
	out, _, code = mopdeck(t, nil, "raci", "--help")
	if code != 0 || !strings.Contains(out, "Examples:") {
		t.Fatalf("help: exit %d\n%s", code, out)
	}
}

// TestRACIChooseMeInTheApp picks "me" in the RACI pane of the real binary
// in tmux, opens the my-role view, and finds the choice kept on the next
// run.
func TestRACIChooseMeInTheApp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "me.db")
	s := startTmux(t, 140, 40, "--db", db)
	s.waitFor("Discovery")
	s.keys("3")
	s.waitFor("activities", "A's held")
	s.keys("@")
	s.waitFor("Who are you?")
	s.keys("-l", "léa")
	s.keys("Enter")
	s.waitFor("me: Léa Petit")
	s.keys("M")
	screen := s.waitFor("My role — Léa Petit", "Responsible: you do the work")
	if strings.Contains(screen, "A's held") {
		t.Fatalf("the grid is still shown:\n%s", screen)
	}
	s.keys("q")
	s.waitGone()
	out, errOut, code := mopdeck(t, nil, "--db", db, "raci", "--person", "Léa Petit")
	if code != 0 || !strings.Contains(out, "Léa Petit · creative") {
		t.Fatalf("raci after the run: exit %d %q %q", code, out, errOut)
	}
	s2 := startTmux(t, 140, 40, "--db", db)
	s2.waitFor("me: Léa Petit")
	s2.keys("q")
	s2.waitGone()
}
