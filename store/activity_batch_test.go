package store

import (
	"errors"
	"slices"
	"testing"

	"mopdeck/model"
)

func activityOrder(t *testing.T, s *Store, pid uint64) []string {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range model.ActivitiesInOrder(d) {
		names = append(names, a.Name)
	}
	return names
}

func TestSaveActivitiesMoveIsOneEntryAndOneUndo(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	pid := d.Project.ID
	before := activityOrder(t, s, pid)
	n := len(mustHistory(t, s, pid))

	recs := model.MoveActivity(d, d.Activities[1].ID, -1)
	if len(recs) < 2 {
		t.Fatalf("a move renumbers %d rows, want 2 or more", len(recs))
	}
	if _, err := s.SaveActivities(pid, recs, "Hugo", "moved row"); err != nil {
		t.Fatal(err)
	}
	if got := activityOrder(t, s, pid); slices.Equal(got, before) {
		t.Fatal("the move changed nothing")
	}
	h := mustHistory(t, s, pid)
	if len(h) != n+1 || h[len(h)-1].Summary != "moved row" {
		t.Fatalf("history grew by %d (newest %q), want one entry \"moved row\"", len(h)-n, h[len(h)-1].Summary)
	}
	// Saving the same rows again is no edit and records nothing.
	if _, err := s.SaveActivities(pid, recs, "Hugo", "moved row"); err != nil {
		t.Fatal(err)
	}
	if got := len(mustHistory(t, s, pid)); got != n+1 {
		t.Fatalf("a no-op batch recorded history: %d entries, want %d", got, n+1)
	}
	if _, err := s.Undo(pid, "Hugo", KindActivities); err != nil {
		t.Fatal(err)
	}
	if got := activityOrder(t, s, pid); !slices.Equal(got, before) {
		t.Fatalf("after one undo %v, want %v", got, before)
	}
}

func TestSaveActivitiesRefusesADanglingPhaseAndSavesNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	pid := d.Project.ID
	good, bad := d.Activities[0], d.Activities[1]
	good.Name = "Renamed"
	bad.PhaseID = 9999
	_, err := s.SaveActivities(pid, []model.Activity{good, bad}, "t", "edit")
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if got := activityOrder(t, s, pid); slices.Contains(got, "Renamed") {
		t.Fatalf("half saved: %v", got)
	}
}
