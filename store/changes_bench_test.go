package store

import (
	"errors"
	"testing"

	"mopdeck/model"
)

// BenchmarkTriageDecision10k: one triage decision on a project of 10,000
// requests: read the stored request, decide, write it with its history
// entry, commit.
func BenchmarkTriageDecision10k(b *testing.B) {
	s, d := benchStore(b)
	id := d.Changes[len(d.Changes)/2].ID
	decisions := []model.Decision{model.DecisionNow, model.DecisionLater, model.DecisionRejected}
	i := 0
	for b.Loop() {
		dec := decisions[i%len(decisions)]
		i++
		if _, err := s.UpdateChange(d.Project.ID, id, "bench", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Impact = i%5 + 1
			return model.Decide(c, dec)
		}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestUpdateChangeEditsTheStoredValue(t *testing.T) {
	s := openT(t, tempPath(t))
	d, err := s.CreateProject(sample(), "test")
	if err != nil {
		t.Fatal(err)
	}
	pid, id := d.Project.ID, d.Changes[0].ID
	// Two edits made from the same stale copy both land: each starts from
	// what is stored.
	if _, err := s.UpdateChange(pid, id, "lead", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Impact = 2
		return c, nil
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.UpdateChange(pid, id, "lead", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Complexity = model.ComplexityHigh
		return c, nil
	})
	if err != nil || got.Impact != 2 || got.Complexity != model.ComplexityHigh || got.ID != id {
		t.Fatalf("got %+v, %v", got, err)
	}
	hist, _ := s.History(pid, 2)
	if len(hist) != 2 || hist[1].By != "lead" || hist[1].Summary != "CR-1 updated: complexity low → high" {
		t.Fatalf("history = %+v", hist)
	}
	e, err := s.Undo(pid, "lead", KindChanges)
	if err != nil || e.ID != hist[1].ID {
		t.Fatalf("undo reverted %+v, %v", e, err)
	}
}

func TestUpdateChangeRefusals(t *testing.T) {
	s := openT(t, tempPath(t))
	d, err := s.CreateProject(sample(), "test")
	if err != nil {
		t.Fatal(err)
	}
	pid, id := d.Project.ID, d.Changes[0].ID
	count := func() int {
		h, _ := s.History(pid, 0)
		return len(h)
	}
	before := count()
	tests := []struct {
		name string
		id   uint64
		edit func(c model.ChangeRequest) (model.ChangeRequest, error)
		is   error
	}{
		{"missing request", 999, func(c model.ChangeRequest) (model.ChangeRequest, error) { return c, nil }, ErrNotFound},
		{"edit refuses", id, func(c model.ChangeRequest) (model.ChangeRequest, error) {
			return model.SetStatus(c, model.StatusVerified)
		}, ErrInvalid},
		{"invalid result", id, func(c model.ChangeRequest) (model.ChangeRequest, error) { c.Impact = 9; return c, nil }, ErrInvalid},
		{"empty title", id, func(c model.ChangeRequest) (model.ChangeRequest, error) { c.Title = " "; return c, nil }, ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := s.UpdateChange(pid, tt.id, "lead", tt.edit); !errors.Is(err, tt.is) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.is)
		}
	}
	// An edit that changes nothing writes nothing.
	if _, err := s.UpdateChange(pid, id, "lead", func(c model.ChangeRequest) (model.ChangeRequest, error) { return c, nil }); err != nil {
		t.Fatal(err)
	}
	// The ID cannot be changed by an edit.
	if got, err := s.UpdateChange(pid, id, "lead", func(c model.ChangeRequest) (model.ChangeRequest, error) { c.ID = 77; return c, nil }); err != nil || got.ID != id {
		t.Fatalf("got %+v, %v", got, err)
	}
	if n := count(); n != before {
		t.Fatalf("%d history entries written by refused or empty edits", n-before)
	}
}
