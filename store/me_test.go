package store

import (
	"testing"

	"mopdeck/model"
)

// withPeople is the sample project under another name, with other
// people and no "me".
func withPeople(name string, people ...model.Person) model.ProjectData {
	d := sample()
	d.Project.Name = name
	d.Project.MeID, d.Project.SponsorID, d.Project.LeadID = 0, 0, 0
	d.People = people
	d.Activities, d.Cells, d.Checklists = nil, nil, nil
	for i := range d.Phases {
		d.Phases[i].Gate = model.Gate{}
		d.Phases[i].Checklist = nil
		d.Phases[i].Status = model.PhaseNotStarted
	}
	return d
}

// The name kept as "me" outlives the session, and an empty name forgets it.
func TestKeepMeSurvivesReopenAndForgets(t *testing.T) {
	s := openT(t, tempPath(t))
	if name, err := s.KeptMe(); err != nil || name != "" {
		t.Fatalf("a new file keeps %q (%v)", name, err)
	}
	if err := s.KeepMe("Léa Martin"); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if name, err := s.KeptMe(); err != nil || name != "Léa Martin" {
		t.Fatalf("after reopening: %q (%v)", name, err)
	}
	if err := s.KeepMe(""); err != nil {
		t.Fatal(err)
	}
	if name, _ := s.KeptMe(); name != "" {
		t.Fatalf("forgotten name still kept: %q", name)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

// A project without "me" gets the one person whose folded name is the
// kept one, with a history entry that says so; several such people,
// none, or a "me" already there leave the project as it is.
func TestMatchMeSetsTheOnePersonNamedAlike(t *testing.T) {
	s := openT(t, tempPath(t))
	if err := s.KeepMe("Léa Martin"); err != nil {
		t.Fatal(err)
	}
	create := func(d model.ProjectData) uint64 {
		t.Helper()
		out, err := s.CreateProject(d, "test")
		if err != nil {
			t.Fatal(err)
		}
		return out.Project.ID
	}
	one := create(withPeople("One", model.Person{ID: 4, Name: "Sam Roy"}, model.Person{ID: 9, Name: "  LEA   martin "}))
	p, ok, err := s.MatchMe(one, "tester")
	if err != nil || !ok || p.ID != 9 {
		t.Fatalf("MatchMe = %+v, %v, %v; want person 9", p, ok, err)
	}
	d, err := s.LoadProject(one)
	if err != nil {
		t.Fatal(err)
	}
	if d.Project.MeID != 9 {
		t.Fatalf("stored me %d, want 9", d.Project.MeID)
	}
	last := d.History[len(d.History)-1]
	if want := "me set to   LEA   martin  (matched by name)"; last.Summary != want || last.By != "tester" {
		t.Fatalf("history %q by %q, want %q", last.Summary, last.By, want)
	}
	if _, err := s.Undo(one, "tester"); err != nil {
		t.Fatalf("the match cannot be undone: %v", err)
	}
	if d, _ := s.LoadProject(one); d.Project.MeID != 0 {
		t.Fatalf("undo left me %d", d.Project.MeID)
	}

	for _, c := range []struct {
		name string
		d    model.ProjectData
	}{
		{"two people named alike", withPeople("Two", model.Person{ID: 1, Name: "Lea Martin"}, model.Person{ID: 2, Name: "LÉA MARTIN", Team: "IT"})},
		{"nobody named alike", withPeople("None", model.Person{ID: 1, Name: "Léa Martins"})},
	} {
		pid := create(c.d)
		before, _ := s.LoadProject(pid)
		if p, ok, err := s.MatchMe(pid, "tester"); err != nil || ok || p.ID != 0 {
			t.Errorf("%s: MatchMe = %+v, %v, %v; want no match", c.name, p, ok, err)
		}
		after, _ := s.LoadProject(pid)
		if after.Project.MeID != 0 || after.Version != before.Version {
			t.Errorf("%s: wrote me %d, version %d → %d", c.name, after.Project.MeID, before.Version, after.Version)
		}
	}

	set := withPeople("Set", model.Person{ID: 1, Name: "Sam Roy"}, model.Person{ID: 2, Name: "Léa Martin"})
	set.Project.MeID = 1
	pid := create(set)
	if _, ok, err := s.MatchMe(pid, "tester"); err != nil || ok {
		t.Fatalf("a project with a me was matched (%v, %v)", ok, err)
	}
	if d, _ := s.LoadProject(pid); d.Project.MeID != 1 {
		t.Fatalf("me changed to %d", d.Project.MeID)
	}
}
