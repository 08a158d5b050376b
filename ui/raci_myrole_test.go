package ui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"mopdeck/model"
)

// TestChooseMeAndSeeMyRole adds a person, gives them three letters, picks
// them as "me" with @ and opens the my-role view with M, all in the
// running program. The view lists exactly the three cells set, under
// their phases and letters, and "me" is saved in the database.
func TestChooseMeAndSeeMyRole(t *testing.T) {
	m, s := newApp(t, nil)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(160, 40))
	waitFor(t, tm, "Discovery")
	tm.Send(key("3"))
	waitFor(t, tm, "activities")
	typeIn := func(text string) {
		for _, r := range text {
			tm.Send(key(string(r)))
		}
		tm.Send(key("enter"))
	}
	tm.Send(key("P"))
	tm.Send(key("a"))
	typeIn("Zoë Quinn")
	typeIn("agency")
	typeIn("")
	waitFor(t, tm, "added Zoë Quinn")
	tm.Send(key("r"))
	waitFor(t, tm, "× Zoë Quinn: R")
	tm.Send(key("j"))
	tm.Send(key("j"))
	tm.Send(key("c"))
	waitFor(t, tm, "× Zoë Quinn: C")
	tm.Send(key("G"))
	tm.Send(key("i"))
	waitFor(t, tm, "× Zoë Quinn: I")
	tm.Send(key("@"))
	waitFor(t, tm, "Who are you?")
	typeIn("zoe q")
	waitFor(t, tm, "you are Zoë Quinn")
	tm.Send(key("M"))
	waitFor(t, tm, "My role — Zoë Quinn")
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	view := ansi.Strip(tm.FinalModel(t).View())

	d := projectOf(t, s)
	zoe := model.FindPeople(d.People, "Zoë Quinn")
	if len(zoe) != 1 || d.Project.MeID != zoe[0].ID {
		t.Fatalf("me = %d, want Zoë (%v)", d.Project.MeID, zoe)
	}
	names := map[uint64]string{}
	for _, a := range d.Activities {
		names[a.ID] = a.Name
	}
	set := map[string]model.Role{}
	for _, c := range d.Cells {
		if c.PersonID == zoe[0].ID {
			set[names[c.ActivityID]] = c.Role
		}
	}
	if len(set) != 3 {
		t.Fatalf("Zoë holds %d letters in the store, want 3: %v", len(set), set)
	}
	// Read the view back: phase headings, letter lines, activity lines.
	got := map[string]model.Role{}
	var letter model.Role
	listed := 0
	for _, line := range strings.Split(view, "\n") {
		trimmed := strings.TrimSpace(strings.TrimLeft(line, "│ "))
		switch {
		case strings.HasPrefix(line, "  ") && len(trimmed) > 3 && trimmed[1:3] == "  ":
			letter, _ = model.ParseRole(trimmed[:1])
			if !strings.Contains(trimmed, letter.Meaning()) {
				t.Errorf("letter line without its meaning: %q", line)
			}
		case strings.HasPrefix(line, "       ") && trimmed != "":
			got[trimmed] = letter
			listed++
		}
	}
	if listed != 3 {
		t.Fatalf("the view lists %d activities, want exactly the 3 set:\n%s", listed, view)
	}
	for name, r := range set {
		if got[name] != r {
			t.Errorf("%q: view shows %q, store holds %q\n%s", name, got[name], r, view)
		}
	}
	if !strings.Contains(view, "R 1 · A 0 · C 1 · I 1") || !strings.Contains(view, "me: Zoë Quinn") {
		t.Fatalf("counts or status line wrong:\n%s", view)
	}
}
