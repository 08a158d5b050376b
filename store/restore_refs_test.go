package store

import (
	"errors"
	"strings"
	"testing"

	"mopdeck/model"
)

func TestRestoreProjectRefusesADeliverableLinkedToAMissingDoc(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	d, err := s.LoadProject(d.Project.ID)
	if err != nil {
		t.Fatal(err)
	}
	d.Project.Name = "Other"
	d.Phases[0].Deliverables = append(d.Phases[0].Deliverables, model.Deliverable{Name: "Brief", DocID: 9999})
	_, err = s.RestoreProject(d, false, "t")
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "doc 9999") {
		t.Fatalf("err = %v, want a refusal naming doc 9999", err)
	}
}

// A record deleted before the export keeps its number retired after the
// import: the history names it, so a new one must not take it again.
func TestRestoreProjectNeverReusesANumberItsHistoryNames(t *testing.T) {
	s := openT(t, tempPath(t))
	d := mrmProject(t, s)
	pid := d.Project.ID
	var last model.ChangeRequest
	var err error
	for _, title := range []string{"keep", "drop"} {
		if last, err = s.SaveChange(pid, model.ChangeRequest{Title: title, CreatedAt: t0}, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteChange(pid, last.ID, "t"); err != nil {
		t.Fatal(err)
	}
	ph, err := s.SavePhase(pid, model.Phase{Name: "Gone"}, "t")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePhase(pid, ph.ID, "t"); err != nil {
		t.Fatal(err)
	}
	bundle, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}

	restored, err := s.RestoreProject(bundle, true, "t")
	if err != nil {
		t.Fatal(err)
	}
	cr, err := s.SaveChange(restored.Project.ID, model.ChangeRequest{Title: "new", CreatedAt: t0}, "t")
	if err != nil {
		t.Fatal(err)
	}
	if cr.ID <= last.ID {
		t.Fatalf("the new request is %s, reusing the number of deleted %s", cr.Ref(), last.Ref())
	}
	np, err := s.SavePhase(restored.Project.ID, model.Phase{Name: "New"}, "t")
	if err != nil {
		t.Fatal(err)
	}
	if np.ID <= ph.ID {
		t.Fatalf("the new phase got ID %d, reusing deleted phase %d", np.ID, ph.ID)
	}
}
