package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"mopdeck/model"
)

// policyWrites are writes a pane or a command makes, each tried under
// every role: want is "" when a member may make it, else words of the
// member's refusal. Leads may make them all, viewers none.
var policyWrites = []struct {
	name   string
	member string
	write  func(s *Store, pid uint64) error
}{
	{"edit a request's title", "", func(s *Store, pid uint64) error {
		_, err := s.UpdateChange(pid, 2, "x", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Title = "Rename the approval step to Review"
			return c, nil
		})
		return err
	}},
	{"rate a request", "", func(s *Store, pid uint64) error {
		_, err := s.UpdateChange(pid, 2, "x", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Impact, c.Complexity = 3, model.ComplexityLow
			return c, nil
		})
		return err
	}},
	{"add a request", "", func(s *Store, pid uint64) error {
		_, err := s.SaveChange(pid, model.ChangeRequest{Title: "New field", CreatedAt: t0}, "x")
		return err
	}},
	{"add a request already decided", "triage", func(s *Store, pid uint64) error {
		_, err := s.SaveChange(pid, model.ChangeRequest{Title: "New field", CreatedAt: t0, Decision: model.DecisionNow}, "x")
		return err
	}},
	{"decide a request", "triage", func(s *Store, pid uint64) error {
		_, err := s.UpdateChange(pid, 2, "x", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Decision, c.Status = model.DecisionLater, model.StatusDeferred
			return c, nil
		})
		return err
	}},
	{"reject a request by its status", "triage", func(s *Store, pid uint64) error {
		_, err := s.UpdateChange(pid, 2, "x", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Status = model.StatusRejected
			return c, nil
		})
		return err
	}},
	{"start work on a request", "", func(s *Store, pid uint64) error {
		_, err := s.UpdateChange(pid, 1, "x", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Status = model.StatusInProgress
			return c, nil
		})
		return err
	}},
	{"delete a request", "cannot delete", func(s *Store, pid uint64) error {
		return s.DeleteChange(pid, 2, "x")
	}},
	{"import requests", "", func(s *Store, pid uint64) error {
		_, err := s.ImportChanges(pid, []model.ChangeRequest{{Title: "a", CreatedAt: t0}, {Title: "b", CreatedAt: t0}}, "x")
		return err
	}},
	{"import one request", "", func(s *Store, pid uint64) error {
		_, err := s.ImportChanges(pid, []model.ChangeRequest{{Title: "a", CreatedAt: t0}}, "x")
		return err
	}},
	{"import decided requests", "triage", func(s *Store, pid uint64) error {
		_, err := s.ImportChanges(pid, []model.ChangeRequest{{Title: "a", CreatedAt: t0}, {Title: "b", CreatedAt: t0, Decision: model.DecisionRejected, Status: model.StatusRejected}}, "x")
		return err
	}},
	{"tick a deliverable", "", func(s *Store, pid uint64) error {
		_, err := s.UpdatePhase(pid, 2, "x", func(ph model.Phase) (model.Phase, error) {
			return model.ToggleItem(ph, model.ItemDeliverable, 0, 1, t0)
		})
		return err
	}},
	{"tick an exit item", "", func(s *Store, pid uint64) error {
		_, err := s.UpdatePhase(pid, 2, "x", func(ph model.Phase) (model.Phase, error) {
			return model.ToggleItem(ph, model.ItemExit, 0, 1, t0)
		})
		return err
	}},
	{"rename a phase", "cannot edit phases", func(s *Store, pid uint64) error {
		_, err := s.UpdatePhase(pid, 2, "x", func(ph model.Phase) (model.Phase, error) {
			ph.Name = "Design and build"
			return ph, nil
		})
		return err
	}},
	{"sign off a gate", "cannot sign off gates", func(s *Store, pid uint64) error {
		_, err := s.UpdatePhases(pid, "x", "Design signed off", func(stored []model.Phase) ([]model.Phase, error) {
			ph := stored[1]
			ph.Status, ph.Gate = model.PhaseSignedOff, model.Gate{SignedOff: true, ByID: 1, At: t0}
			return []model.Phase{ph}, nil
		})
		return err
	}},
	{"tick a checklist item", "", func(s *Store, pid uint64) error {
		_, err := s.UpdateChecklist(pid, 1, "x", func(c model.Checklist) (model.Checklist, error) {
			return model.ToggleChecklistItem(c, 1, 1, t0)
		})
		return err
	}},
	{"rename a checklist", "only tick", func(s *Store, pid uint64) error {
		_, err := s.UpdateChecklist(pid, 1, "x", func(c model.Checklist) (model.Checklist, error) {
			c.Name = "Audit"
			return c, nil
		})
		return err
	}},
	{"edit a doc", "", func(s *Store, pid uint64) error {
		_, err := s.UpdateDoc(pid, 1, "x", func(d model.Doc) (model.Doc, error) {
			d.Body += "\nMore."
			return d, nil
		})
		return err
	}},
	{"add a doc", "", func(s *Store, pid uint64) error {
		_, err := s.SaveDoc(pid, model.Doc{Title: "Notes", Updated: t0}, "x")
		return err
	}},
	{"delete a doc", "cannot delete", func(s *Store, pid uint64) error {
		return s.DeleteDoc(pid, 1, "x")
	}},
	{"set a RACI cell", "RACI", func(s *Store, pid uint64) error {
		return s.SetCell(pid, model.Assignment{ActivityID: 2, PersonID: 2, Role: model.Informed}, "x")
	}},
	{"add an activity", "RACI", func(s *Store, pid uint64) error {
		_, err := s.AddActivity(pid, model.Activity{Name: "Build", PhaseID: 2}, "x")
		return err
	}},
	{"remove a person", "cannot delete", func(s *Store, pid uint64) error {
		return s.DeletePerson(pid, 2, "x")
	}},
	{"rename the project", "project's settings", func(s *Store, pid uint64) error {
		_, err := s.UpdateProject(pid, "x", func(p model.Project) (model.Project, error) {
			p.Name = "CRM roll-out 2"
			return p, nil
		})
		return err
	}},
	{"create a project", "only a lead", func(s *Store, pid uint64) error {
		d := sample()
		d.Project.Name = "Another"
		_, err := s.CreateProject(d, "x")
		return err
	}},
}

func TestPolicyJudgesEveryWriteByRole(t *testing.T) {
	for _, role := range TeamRoles {
		for _, w := range policyWrites {
			t.Run(string(role)+"/"+w.name, func(t *testing.T) {
				s := openT(t, tempPath(t))
				pid := createT(t, s, openPhase()).Project.ID
				var heard []error
				g := s.Guarded(&Policy{Role: role, Person: "Léa Martin", Refused: func(err error) { heard = append(heard, err) }})
				before, entries := snapshot(t, s, pid), historyLen(t, s, pid)
				err := w.write(g, pid)
				want := ""
				switch role {
				case RoleMember:
					want = w.member
				case RoleViewer:
					want = "viewers cannot change anything"
				}
				if want == "" {
					if err != nil {
						t.Fatalf("refused: %v", err)
					}
					if historyLen(t, s, pid) == entries {
						return // wrote into another project
					}
					h, _ := s.History(pid, 1)
					if got := h[len(h)-1].By; got != "Léa Martin" {
						t.Errorf("history records %q, want the guarded person", got)
					}
					return
				}
				if !errors.Is(err, ErrNotAllowed) || !strings.Contains(err.Error(), want) {
					t.Fatalf("err = %v, want a refusal saying %q", err, want)
				}
				if len(heard) != 1 {
					t.Errorf("Refused heard %d refusals, want 1", len(heard))
				}
				if after := snapshot(t, s, pid); after != before {
					t.Errorf("a refused write changed the project")
				}
			})
		}
	}
}

func TestPolicyUndoIsJudgedAsTheWriteItMakes(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	member := s.Guarded(&Policy{Role: RoleMember, Person: "Léa Martin"})
	if _, err := member.SaveChange(pid, model.ChangeRequest{Title: "Typo", CreatedAt: t0}, "x"); err != nil {
		t.Fatal(err)
	}
	// Undoing a create deletes the request: a member may not.
	if _, err := member.Undo(pid, "x"); !errors.Is(err, ErrNotAllowed) {
		t.Fatalf("member undoing a create: %v, want refused", err)
	}
	// A lead's edit of a title, undone by a member, is a title edit.
	if _, err := s.UpdateChange(pid, 2, "lead", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Title = "Renamed"
		return c, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := member.Undo(pid, "x", KindChanges); err != nil {
		t.Fatalf("member undoing a title edit: %v", err)
	}
}

func TestPolicyKeepsMeToTheKeysPerson(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	lead := s.Guarded(&Policy{Role: RoleLead, Person: "Sam Roy"})
	_, err := lead.UpdateProject(pid, "x", func(p model.Project) (model.Project, error) {
		p.MeID = 2
		return p, nil
	})
	if !errors.Is(err, ErrNotAllowed) || !strings.Contains(err.Error(), "you are Sam Roy") {
		t.Fatalf("a lead choosing me in team mode: %v", err)
	}
	// Removing the person who is "me" clears it in passing: allowed.
	if err := lead.DeletePerson(pid, 1, "x"); err != nil {
		t.Fatalf("a lead removing the person who is me: %v", err)
	}
}

func TestPolicyRecordingStaysGuarded(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	rec := s.Guarded(&Policy{Role: RoleViewer}).Recording()
	if err := rec.DeleteChange(pid, 2, "x"); !errors.Is(err, ErrNotAllowed) {
		t.Fatalf("a Recording of a guarded handle wrote: %v", err)
	}
	if s.Policy() != nil {
		t.Fatal("Guarded changed the handle it was called on")
	}
	if err := s.DeleteChange(pid, 2, "x"); err != nil {
		t.Fatalf("the unguarded handle: %v", err)
	}
}

// openPhase is the sample project with items to tick in its open
// phase (Design).
func openPhase() model.ProjectData {
	d := sample()
	d.Phases[1].Deliverables = []model.Deliverable{{Name: "Design document"}}
	d.Phases[1].Checklist = []model.CheckItem{{Text: "Reviewed"}}
	return d
}

// snapshot is the project with its whole history, as JSON.
func snapshot(t *testing.T, s *Store, pid uint64) string {
	t.Helper()
	d, err := s.LoadProjectFull(pid)
	if err != nil {
		t.Fatal(err)
	}
	projects, err := s.Projects()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(struct {
		D model.ProjectData
		P []model.Project
	}{d, projects})
	return string(b)
}

func TestBorrowedHandlesLeaveTheFileOpen(t *testing.T) {
	s := openT(t, tempPath(t))
	lent := s.Borrowed().Guarded(&Policy{Role: RoleLead}).Recording()
	if err := lent.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Projects(); err != nil {
		t.Fatalf("closing a borrowed handle closed the file: %v", err)
	}
}
