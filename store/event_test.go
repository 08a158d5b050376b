package store

import (
	"reflect"
	"testing"

	"mopdeck/model"
)

// Applying every event a series of writes commits, in order, to the
// project as loaded before them gives the project as loaded after them:
// the events say exactly what changed, cascades and undos included.
func TestEventsReplayToTheStoredProject(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	start, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	rec := s.Recording()
	steps := []struct {
		name  string
		write func() error
	}{
		{"create a request", func() error {
			_, err := rec.SaveChange(pid, model.ChangeRequest{Title: "Add a region filter", CreatedAt: t0}, "Léa")
			return err
		}},
		{"rate it", func() error {
			_, err := rec.UpdateChange(pid, 3, "Léa", func(c model.ChangeRequest) (model.ChangeRequest, error) {
				c.Impact = 4
				return c, nil
			})
			return err
		}},
		{"set a cell", func() error {
			return rec.SetCell(pid, model.Assignment{ActivityID: 2, PersonID: 2, Role: model.Informed}, "Léa")
		}},
		{"delete a phase (unlinks what points at it)", func() error { return rec.DeletePhase(pid, 2, "Léa") }},
		{"undo the delete (links come back)", func() error { _, err := rec.Undo(pid, "Léa"); return err }},
		{"delete a person (their cells and the sponsor link go)", func() error { return rec.DeletePerson(pid, 2, "Léa") }},
		{"rename the project", func() error {
			_, err := rec.UpdateProject(pid, "Léa", func(p model.Project) (model.Project, error) {
				p.Name = "CRM roll-out (EMEA)"
				return p, nil
			})
			return err
		}},
		{"move phases in one batch", func() error {
			_, err := rec.UpdatePhases(pid, "Léa", "phases reordered", func(stored []model.Phase) ([]model.Phase, error) {
				for i := range stored {
					stored[i].Order = len(stored) - i
				}
				return stored, nil
			})
			return err
		}},
		{"import two requests", func() error {
			_, err := rec.ImportChanges(pid, []model.ChangeRequest{{Title: "One", CreatedAt: t0}, {Title: "Two", CreatedAt: t0}}, "Léa")
			return err
		}},
	}
	held := &start
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		events := rec.Events()
		if len(events) != 1 {
			t.Fatalf("%s: %d events, want 1", st.name, len(events))
		}
		e := events[0]
		if e.ProjectID != pid || !e.Follows(held.Version) || e.To <= e.From || len(e.History) == 0 {
			t.Fatalf("%s: event %d→%d of project %d with %d history entries does not follow version %d",
				st.name, e.From, e.To, e.ProjectID, len(e.History), held.Version)
		}
		held = held.Apply(e)
		want, err := s.LoadProject(pid)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*held, want) {
			t.Fatalf("%s: the events applied do not give the stored project\n got %+v\nwant %+v", st.name, *held, want)
		}
	}
}

// A write that changes nothing commits no event; a refused one neither.
func TestNoEventWithoutAChange(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	rec := s.Recording()
	if _, err := rec.UpdateChange(d.Project.ID, 1, "Léa", func(c model.ChangeRequest) (model.ChangeRequest, error) { return c, nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := rec.UpdateChange(d.Project.ID, 1, "Léa", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Impact = 9 // out of range: refused
		return c, nil
	}); err == nil {
		t.Fatal("impact 9 was accepted")
	}
	if ev := rec.Events(); len(ev) != 0 {
		t.Fatalf("events %+v, want none", ev)
	}
}

// Subscribers get every handle's events in commit order; a recording
// handle keeps only its own.
func TestSubscribersSeeEveryWriter(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	sub := s.Subscribe()
	defer sub.Close()
	a, b := s.Recording(), s.Recording()
	rate := func(h *Store, impact int) {
		t.Helper()
		if _, err := h.UpdateChange(d.Project.ID, 1, "x", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Impact = impact
			return c, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	rate(a, 2)
	rate(b, 3)
	rate(a, 5)
	if n := len(a.Events()); n != 2 {
		t.Fatalf("handle a recorded %d events, want its own 2", n)
	}
	if n := len(b.Events()); n != 1 {
		t.Fatalf("handle b recorded %d events, want its own 1", n)
	}
	got, ok := sub.Next()
	if !ok || len(got) != 3 {
		t.Fatalf("subscriber got %d events (ok %v), want 3", len(got), ok)
	}
	for i := 1; i < len(got); i++ {
		if !got[i].Follows(got[i-1].To) {
			t.Fatalf("events out of order: %d→%d after %d→%d", got[i].From, got[i].To, got[i-1].From, got[i-1].To)
		}
	}
	sub.Close()
	if _, ok := sub.Next(); ok {
		t.Fatal("Next after Close returned events")
	}
}
