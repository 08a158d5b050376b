package ui_test

import (
	"strings"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/common"
)

// Through the root model, with the global keys in play: a RACI letter and
// the undo pressed right after it, the undo's command run first. The one
// writer commits them in key order, so the undo takes back that letter.
func TestRootUndoRightAfterALetter(t *testing.T) {
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 160, 40)
	press(t, m, "3")
	d := projectOf(t, s)
	row := model.ActivitiesInOrder(d)[0]
	before := roleIn(projectOf(t, s), row.ID, d.People[0].ID)
	letter := model.Informed
	if before == letter {
		letter = model.Consulted
	}
	_, first := m.Update(key(strings.ToLower(letter.String())))
	_, undo := m.Update(key("u"))
	settle(t, m, undo)
	settle(t, m, first)
	if got := roleIn(projectOf(t, s), row.ID, d.People[0].ID); got != before {
		t.Fatalf("stored %q, want %q again: the undo took back another change", got, before)
	}
	if msg, isErr := m.Status(); isErr || !strings.HasPrefix(msg, "undone: RACI") || !strings.Contains(msg, d.People[0].Name) {
		t.Fatalf("status = %q (error %v), want the undo of the letter", msg, isErr)
	}
}

// Through the root: the last triage decision's note is what the status
// line keeps, whatever order the key's commands run in.
func TestRootTriageDoneNote(t *testing.T) {
	for range 5 {
		m := started(t, 120, 40, nil)
		press(t, m, "2", "t", "n", "n", "n", "n")
		if msg, _ := m.Status(); !strings.Contains(msg, "triage done") {
			t.Fatalf("status = %q, want the triage-done note", msg)
		}
	}
}

func roleIn(d model.ProjectData, activity, person uint64) model.Role {
	for _, c := range d.Cells {
		if c.ActivityID == activity && c.PersonID == person {
			return c.Role
		}
	}
	return model.RoleNone
}

// A file held read-only for damage says so in the status line, and a
// key's write is refused there in words.
func TestDamagedFileShowsReadOnly(t *testing.T) {
	_, s := newApp(t, nil)
	pid := projectOf(t, s).Project.ID
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	store.KeepCheckFinding(path, []string{"project 1: changes key 1: record does not decode"})
	s2, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	m := ui.New(&common.Context{Store: s2, Styles: themes.NewStyles(themes.Default(), true), Now: func() time.Time { return now }}, pid)
	settle(t, m, m.Init())
	resize(t, m, 160, 40)
	if v := m.View(); !strings.Contains(v, "READ-ONLY") {
		t.Fatalf("no read-only banner:\n%s", v)
	}
	press(t, m, "2", "t", "4")
	if msg, isErr := m.Status(); !isErr || !strings.Contains(msg, "damaged") {
		t.Fatalf("status = %q (error %v), want the write refused for damage", msg, isErr)
	}
}
