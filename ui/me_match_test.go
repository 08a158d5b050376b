package ui_test

import (
	"strings"
	"testing"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui"
)

// addProject stores a small project with the given people and no "me",
// listed after the sample one.
func addProject(t *testing.T, s *store.Store, name string, people ...string) uint64 {
	t.Helper()
	d := model.ProjectData{Project: model.Project{Name: name, Template: "mrm"}}
	for i, n := range people {
		d.People = append(d.People, model.Person{ID: uint64(i + 1), Name: n})
	}
	out, err := s.CreateProject(d, "test")
	if err != nil {
		t.Fatal(err)
	}
	return out.Project.ID
}

func meOf(t *testing.T, s *store.Store, pid uint64) (model.ProjectData, string) {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	return d, d.PersonName(d.Project.MeID)
}

// openProject opens the switcher and picks the project steps below the
// open one.
func openProject(t *testing.T, m *ui.Model, steps int) {
	t.Helper()
	press(t, m, "p")
	for range steps {
		press(t, m, "j")
	}
	press(t, m, "enter")
}

// "Me" chosen in one project is found by name in the next one opened,
// case and accents aside, with a history entry and no question; a
// project where nobody, or more than one person, is named so still has
// nobody; choosing nobody is not undone by the next project opened.
func TestMeChosenOnceIsMatchedByNameInOtherProjects(t *testing.T) {
	m, s := newApp(t, noMe)
	b := addProject(t, s, "Beta launch", "Julien Roux", "SARAH lefèbvre")
	c := addProject(t, s, "Gamma", "Sarah Lefebvre-Martin")
	dup := addProject(t, s, "Delta", "Sarah Lefebvre", "SARAH LEFEBVRE")
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	a := m.ProjectID()

	press(t, m, "@")
	phType(t, m, "sarah")
	press(t, m, "enter")
	if _, me := meOf(t, s, a); me != "Sarah Lefebvre" {
		t.Fatalf("me in the first project = %q", me)
	}

	openProject(t, m, 1)
	if m.ProjectID() != b {
		t.Fatalf("opened project %d, want %d", m.ProjectID(), b)
	}
	d, me := meOf(t, s, b)
	if me != "SARAH lefèbvre" {
		t.Fatalf("me in %q = %q, want the Sarah of that project", d.Project.Name, me)
	}
	if last := d.History[len(d.History)-1].Summary; !strings.Contains(last, "me set to") || !strings.Contains(last, "(matched by name)") {
		t.Fatalf("history says %q", last)
	}
	if v := phView(m); strings.Contains(v, "Who are you?") || !strings.Contains(v, "me: SARAH lefèbvre") {
		t.Fatalf("the match is not on screen, or a question is:\n%s", v)
	}
	if msg, isErr := m.Status(); isErr || !strings.Contains(msg, "matched by name") {
		t.Fatalf("status %q (error %v)", msg, isErr)
	}

	for _, pid := range []uint64{c, dup} {
		openProject(t, m, 1)
		if m.ProjectID() != pid {
			t.Fatalf("opened project %d, want %d", m.ProjectID(), pid)
		}
		if d, me := meOf(t, s, pid); me != "" || d.Project.MeID != 0 {
			t.Fatalf("%q got me %q without a unique match", d.Project.Name, me)
		}
	}

	// Nobody, chosen in the project matched just now, forgets the name;
	// the first project keeps its own "me".
	openProject(t, m, 0)
	press(t, m, "p", "k", "k", "enter") // back to Beta
	if m.ProjectID() != b {
		t.Fatalf("opened project %d, want %d", m.ProjectID(), b)
	}
	press(t, m, "@")
	phType(t, m, "nobody")
	press(t, m, "enter")
	if _, me := meOf(t, s, b); me != "" {
		t.Fatalf("nobody was not chosen: me = %q", me)
	}
	if name, _ := s.KeptMe(); name != "" {
		t.Fatalf("the kept name outlives nobody: %q", name)
	}
	press(t, m, "p", "k", "enter")
	if m.ProjectID() != a {
		t.Fatalf("opened project %d, want %d", m.ProjectID(), a)
	}
	if _, me := meOf(t, s, a); me != "Sarah Lefebvre" {
		t.Fatalf("the first project's own me changed to %q", me)
	}
}
