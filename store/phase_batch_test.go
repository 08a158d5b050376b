package store

import (
	"errors"
	"slices"
	"testing"
	"time"

	"mopdeck/model"
)

// phaseOrder lists phase names in Order.
func phaseOrder(t *testing.T, s *Store, pid uint64) []string {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range model.PhasesInOrder(d.Phases) {
		names = append(names, p.Name)
	}
	return names
}

func mrmProject(t *testing.T, s *Store) model.ProjectData {
	t.Helper()
	tpl, _ := model.TemplateByKey("mrm")
	d, err := s.CreateProject(model.NewProject(tpl, "Batch", t0), "test")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSavePhasesInsertThenUndoInOneStep(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	before := phaseOrder(t, s, d.Project.ID)

	recs, err := model.InsertPhase(d.Phases, d.Phases[0].ID, "Kick-off")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(d.Phases) { // the new one and every phase after Discovery
		t.Fatalf("InsertPhase returned %d records, want %d", len(recs), len(d.Phases))
	}
	saved, err := s.SavePhases(d.Project.ID, recs, "Hugo", `phase "Kick-off" added`)
	if err != nil {
		t.Fatal(err)
	}
	if saved[0].ID == 0 {
		t.Fatal("the new phase got no ID")
	}
	want := append([]string{before[0], "Kick-off"}, before[1:]...)
	if got := phaseOrder(t, s, d.Project.ID); !slices.Equal(got, want) {
		t.Fatalf("order after insert = %v, want %v", got, want)
	}
	h, _ := s.History(d.Project.ID, 1)
	if h[0].Summary != `phase "Kick-off" added` || h[0].By != "Hugo" {
		t.Fatalf("history = %+v", h[0])
	}

	e, err := s.Undo(d.Project.ID, "Hugo", KindPhases)
	if err != nil {
		t.Fatal(err)
	}
	if e.Summary != `phase "Kick-off" added` {
		t.Errorf("undid %q", e.Summary)
	}
	if got := phaseOrder(t, s, d.Project.ID); !slices.Equal(got, before) {
		t.Fatalf("order after one undo = %v, want %v", got, before)
	}
}

func TestSavePhasesMoveAndUndo(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	before := phaseOrder(t, s, d.Project.ID)
	recs, err := model.MovePhase(d.Phases, d.Phases[1].ID, +1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePhases(d.Project.ID, recs, "t", "moved"); err != nil {
		t.Fatal(err)
	}
	got := phaseOrder(t, s, d.Project.ID)
	if got[1] != before[2] || got[2] != before[1] {
		t.Fatalf("after move %v (was %v)", got, before)
	}
	if _, err := s.Undo(d.Project.ID, "t"); err != nil {
		t.Fatal(err)
	}
	if got := phaseOrder(t, s, d.Project.ID); !slices.Equal(got, before) {
		t.Fatalf("after undo %v, want %v", got, before)
	}
}

func TestSavePhasesRefusesAllOrNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	good := d.Phases[0]
	good.Name = "Renamed"
	bad := d.Phases[1]
	bad.PlannedEnd = bad.PlannedStart.AddDate(0, 0, -1)
	_, err := s.SavePhases(d.Project.ID, []model.Phase{good, bad}, "t", "edit")
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if got := phaseOrder(t, s, d.Project.ID); got[0] != "Discovery" {
		t.Fatalf("half saved: %v", got)
	}

	gone := d.Phases[2]
	if err := s.DeletePhase(d.Project.ID, gone.ID, "t"); err != nil {
		t.Fatal(err)
	}
	n := len(mustHistory(t, s, d.Project.ID))
	_, err = s.SavePhases(d.Project.ID, []model.Phase{good, gone}, "t", "edit")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("saving a deleted phase: err = %v, want ErrNotFound", err)
	}
	if got := phaseOrder(t, s, d.Project.ID); got[0] != "Discovery" {
		t.Fatalf("half saved: %v", got)
	}
	if len(mustHistory(t, s, d.Project.ID)) != n {
		t.Fatal("a refused batch left history")
	}
}

func TestSavePhasesNoChangeRecordsNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	n := len(mustHistory(t, s, d.Project.ID))
	if _, err := s.SavePhases(d.Project.ID, d.Phases[:2], "t", "nothing"); err != nil {
		t.Fatal(err)
	}
	if len(mustHistory(t, s, d.Project.ID)) != n {
		t.Fatal("an unchanged batch was recorded")
	}
}

func TestSavePhasesOnlyNewOnesUndoOneByOne(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	a := model.Phase{Name: "Extra A", Order: 50, PlannedStart: t0, PlannedEnd: t0.Add(48 * time.Hour)}
	b := model.Phase{Name: "Extra B", Order: 51}
	if _, err := s.SavePhases(d.Project.ID, []model.Phase{a, b}, "t", "extras"); err != nil {
		t.Fatal(err)
	}
	if got := phaseOrder(t, s, d.Project.ID); len(got) != len(d.Phases)+2 {
		t.Fatalf("phases = %v", got)
	}
	for range 2 {
		if _, err := s.Undo(d.Project.ID, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if got := phaseOrder(t, s, d.Project.ID); len(got) != len(d.Phases) {
		t.Fatalf("after two undos phases = %v", got)
	}
}

func mustHistory(t *testing.T, s *Store, pid uint64) []model.HistoryEntry {
	t.Helper()
	h, err := s.History(pid, 0)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
