package store

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// Undoing a phase insert removes the new phase and unlinks what was tied
// to it since, as a delete would: no record points at a missing phase.
func TestUndoPhaseInsertUnlinksWhatWasTiedToIt(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	pid := d.Project.ID
	recs, err := model.InsertPhase(d.Phases, d.Phases[0].ID, "Kick-off")
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.SavePhases(pid, recs, "Hugo", `phase "Kick-off" added`)
	if err != nil {
		t.Fatal(err)
	}
	kickoff := saved[0].ID
	act, err := s.SaveActivity(pid, model.Activity{Name: "Kick-off meeting", PhaseID: kickoff, Order: 1}, "Hugo")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := s.SaveDoc(pid, model.Doc{Title: "Kick-off deck", PhaseID: kickoff, Body: "x", Rev: 1, Updated: t0}, "Hugo")
	if err != nil {
		t.Fatal(err)
	}

	if _, err := s.Undo(pid, "Hugo", KindPhases); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("after the undo, check says %v %v", problems, err)
	}
	got, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got.Activities {
		if a.ID == act.ID && a.PhaseID != 0 {
			t.Errorf("activity still points at the removed phase %d", a.PhaseID)
		}
	}
	for _, dc := range got.Docs {
		if dc.ID == doc.ID && dc.PhaseID != 0 {
			t.Errorf("doc still points at the removed phase %d", dc.PhaseID)
		}
	}
}

// An undo that would bring back a deliverable linked to a doc deleted
// since is refused, and nothing changes.
func TestUndoRefusesADeliverableLinkToADeletedDoc(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	pid := d.Project.ID
	doc, err := s.SaveDoc(pid, model.Doc{Title: "Spec", Body: "x", Rev: 1, Updated: t0}, "Hugo")
	if err != nil {
		t.Fatal(err)
	}
	ph := d.Phases[0]
	ph.Deliverables = append(ph.Deliverables, model.Deliverable{Name: "Spec", DocID: doc.ID})
	if ph, err = s.SavePhase(pid, ph, "Hugo"); err != nil {
		t.Fatal(err)
	}
	ph.Deliverables = ph.Deliverables[:len(ph.Deliverables)-1]
	if _, err = s.SavePhase(pid, ph, "Hugo"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDoc(pid, doc.ID, "Hugo"); err != nil {
		t.Fatal(err)
	}

	_, err = s.Undo(pid, "Hugo", KindPhases)
	if err == nil || !strings.Contains(err.Error(), "points at doc") {
		t.Fatalf("undo = %v, want a refusal naming the missing doc", err)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("after the refused undo, check says %v %v", problems, err)
	}
}

// A phase cannot be saved with a deliverable linked to a doc that does
// not exist.
func TestSavePhaseRefusesALinkToAMissingDoc(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	ph := d.Phases[0]
	ph.Deliverables = append(ph.Deliverables, model.Deliverable{Name: "Ghost", DocID: 999})
	if _, err := s.SavePhase(d.Project.ID, ph, "Hugo"); err == nil || !strings.Contains(err.Error(), "doc 999") {
		t.Fatalf("save = %v, want a refusal naming doc 999", err)
	}
}
