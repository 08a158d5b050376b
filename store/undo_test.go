package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"mopdeck/model"
)

func TestUndoCreateUpdateDelete(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, model.ProjectData{Project: model.Project{Name: "P"}}).Project.ID

	v1, err := s.SaveChange(pid, model.ChangeRequest{Title: "first", CreatedAt: t0}, "ann") // create
	if err != nil {
		t.Fatal(err)
	}
	v2 := v1
	v2.Title, v2.Impact = "second", 3
	if _, err := s.SaveChange(pid, v2, "ann"); err != nil { // update
		t.Fatal(err)
	}
	if err := s.DeleteChange(pid, v1.ID, "ann"); err != nil { // delete
		t.Fatal(err)
	}
	changes := func() []model.ChangeRequest {
		d, err := s.LoadProject(pid)
		if err != nil {
			t.Fatal(err)
		}
		return d.Changes
	}

	e, err := s.Undo(pid, "bob")
	if err != nil || e.Action != ActionDelete {
		t.Fatalf("first undo = %+v, %v; want the delete", e, err)
	}
	if got := changes(); len(got) != 1 || !reflect.DeepEqual(got[0], v2) {
		t.Fatalf("after undoing the delete: %+v, want %+v", got, v2)
	}
	e, err = s.Undo(pid, "bob")
	if err != nil || e.Action != ActionUpdate {
		t.Fatalf("second undo = %+v, %v; want the update", e, err)
	}
	if got := changes(); len(got) != 1 || !reflect.DeepEqual(got[0], v1) {
		t.Fatalf("after undoing the update: %+v, want %+v", got, v1)
	}
	e, err = s.Undo(pid, "bob")
	if err != nil || e.Action != ActionCreate {
		t.Fatalf("third undo = %+v, %v; want the create", e, err)
	}
	if got := changes(); len(got) != 0 {
		t.Fatalf("after undoing the create: %+v", got)
	}
	if _, err := s.Undo(pid, "bob"); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("fourth undo: %v, want ErrNothingToUndo (the project's creation is the floor)", err)
	}

	h, _ := s.History(pid, 0)
	last := h[len(h)-1]
	if last.Undoes != h[1].ID || last.By != "bob" || last.Summary != "undo: "+h[1].Summary {
		t.Errorf("undo entry = %+v", last)
	}
}

func TestUndoKindsFilter(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, model.ProjectData{Project: model.Project{Name: "P"}}).Project.ID
	if _, err := s.SavePhase(pid, model.Phase{Name: "Design"}, "me"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveChange(pid, model.ChangeRequest{Title: "CR"}, "me"); err != nil {
		t.Fatal(err)
	}
	e, err := s.Undo(pid, "me", KindPhases)
	if err != nil || e.Kind != KindPhases {
		t.Fatalf("Undo(phases) = %+v, %v", e, err)
	}
	d, _ := s.LoadProject(pid)
	if len(d.Phases) != 0 || len(d.Changes) != 1 {
		t.Errorf("Undo(phases) left %d phases and %d changes, want 0 and 1", len(d.Phases), len(d.Changes))
	}
	if _, err := s.Undo(pid, "me", KindPhases, KindDocs); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("second Undo(phases, docs): %v, want ErrNothingToUndo", err)
	}
	if _, err := s.Undo(pid, "me", "bogus"); err == nil {
		t.Error("Undo with an unknown kind succeeded")
	}
	if e, err := s.Undo(pid, "me"); err != nil || e.Kind != KindChanges {
		t.Errorf("Undo() = %+v, %v; want the change request", e, err)
	}
}

func TestUndoCellAndProject(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	if err := s.SetCell(pid, model.Assignment{ActivityID: 1, PersonID: 1, Role: model.Informed}, "me"); err != nil {
		t.Fatal(err)
	}
	p := d.Project
	p.Name = "New name"
	if _, err := s.SaveProject(p, "me"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "me"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "me"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.LoadProject(pid)
	got.History, d.History = nil, nil
	got.Version, d.Version = 0, 0
	if !reflect.DeepEqual(got, d) {
		t.Errorf("after undoing a cell and a rename\n%+v\nwant\n%+v", got, d)
	}
}

func TestUndoRefusesDanglingReference(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	// Change a cell, then delete its activity (which removes the cell).
	if err := s.SetCell(pid, model.Assignment{ActivityID: 2, PersonID: 2, Role: model.Informed}, "me"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteActivity(pid, 2, "me"); err != nil {
		t.Fatal(err)
	}
	n := historyLen(t, s, pid)
	if _, err := s.Undo(pid, "me", KindCells); !errors.Is(err, ErrInvalid) {
		t.Errorf("undoing a cell of a deleted activity: %v, want ErrInvalid", err)
	}
	if historyLen(t, s, pid) != n {
		t.Error("a refused undo wrote history")
	}
	if problems, _ := s.Check(); len(problems) != 0 {
		t.Errorf("Check: %v", problems)
	}
}

func TestNothingToUndoNamesTheKindInWords(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	_, err := s.Undo(d.Project.ID, "x", KindChanges)
	if !errors.Is(err, ErrNothingToUndo) || !strings.Contains(err.Error(), "no change request changes left") {
		t.Fatalf("Undo = %v", err)
	}
	_, err = s.Undo(d.Project.ID, "x", KindPhases, KindCells)
	if err == nil || !strings.Contains(err.Error(), "no phase or RACI cell changes left") {
		t.Fatalf("Undo = %v", err)
	}
}
