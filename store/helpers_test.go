package store

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"mopdeck/model"
)

var t0 = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)

// clock returns a fake Now that advances one minute per call.
func clock() func() time.Time {
	t := t0
	return func() time.Time {
		t = t.Add(time.Minute)
		return t
	}
}

func tempPath(t testing.TB) string {
	return filepath.Join(t.TempDir(), "mopdeck.db")
}

func openT(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{AppVersion: "test"})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	s.Now = clock()
	t.Cleanup(func() { s.Close() })
	return s
}

// reopen closes s and opens its file again.
func reopen(t testing.TB, s *Store) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return openT(t, s.Path())
}

func sample() model.ProjectData {
	return model.ProjectData{
		Project: model.Project{
			Name: "CRM roll-out", Template: "mrm", SponsorID: 2, LeadID: 1, MeID: 1,
			Start: t0, GoLive: t0.AddDate(0, 6, 0), Description: "# Goals\n\nOne lead funnel.",
		},
		People: []model.Person{
			{ID: 1, Name: "Léa Martin", Team: "marketing", Handle: "lea@example.com"},
			{ID: 2, Name: "Sam Roy", Team: "executive sponsor"},
		},
		Phases: []model.Phase{
			{
				ID: 1, Order: 1, Name: "Discovery", Goal: "Know the **current** state", Duration: "1–2 days",
				PlannedStart: t0, PlannedEnd: t0.AddDate(0, 0, 2), ActualStart: t0, ActualEnd: t0.AddDate(0, 0, 3),
				Status:       model.PhaseSignedOff,
				Deliverables: []model.Deliverable{{Name: "Discovery document", Done: true, DocID: 1}, {Name: "Requirements sheet"}},
				Checklist:    []model.CheckItem{{Section: "Scope", Text: "Systems listed", Done: true, ByID: 1, At: t0.Add(time.Hour)}},
				Participants: []string{"marketing", "IT"},
				Gate: model.Gate{SignedOff: true, ByID: 2, At: t0.AddDate(0, 0, 3), Note: "good to go",
					Override: &model.Override{ByID: 1, At: t0, Reason: "sponsor away"}},
			},
			{ID: 2, Order: 2, Name: "Design", Duration: "several weeks", BlocksOnOpenChanges: true},
		},
		Changes: []model.ChangeRequest{
			{ID: 1, Title: "Add a lead-source field", Description: "Sales asks for it.", RaisedBy: "Léa", RaisedIn: 2,
				CreatedAt: t0, Area: model.AreaDataFields, Impact: 4, Complexity: model.ComplexityLow, EstimateHrs: 6.5,
				Decision: model.DecisionNow, Status: model.StatusTriaged, Assignee: "Sam"},
			{ID: 2, Title: "Rename the approval step", CreatedAt: t0.Add(time.Hour)},
		},
		Activities: []model.Activity{
			{ID: 1, Name: "Discovery sign-off", PhaseID: 1, Order: 1, Gate: true},
			{ID: 2, Name: "Design document", PhaseID: 2, Order: 2},
		},
		Cells: []model.Assignment{
			{ActivityID: 1, PersonID: 2, Role: model.Accountable},
			{ActivityID: 1, PersonID: 1, Role: model.Responsible},
			{ActivityID: 2, PersonID: 1, Role: model.Accountable},
			{ActivityID: 2, PersonID: 2, Role: model.Consulted},
		},
		Docs: []model.Doc{{ID: 1, Title: "Discovery document", PhaseID: 1, Body: "# Discovery\n\n| a | b |\n|---|---|\n", Rev: 3, Updated: t0}},
		Checklists: []model.Checklist{{ID: 1, Name: "Marketo mini-audit", Items: []model.CheckItem{
			{Section: "Admin", Text: "Users have roles", Done: true, ByID: 1, At: t0},
			{Section: "Naming", Text: "Programs follow the convention"},
		}}},
		History: []model.HistoryEntry{{ID: 1, At: t0, By: "bundle", Kind: KindChanges, Key: itob(1),
			Action: ActionCreate, Summary: `CR-1 "Add a lead-source field" created`, After: []byte(`{"v":1,"d":{}}`)}},
	}
}

func createT(t testing.TB, s *Store, d model.ProjectData) model.ProjectData {
	t.Helper()
	out, err := s.CreateProject(d, "tester")
	if err != nil {
		t.Fatalf("CreateProject: %v", err)
	}
	return out
}

func historyLen(t testing.TB, s *Store, pid uint64) int {
	t.Helper()
	h, err := s.History(pid, 0)
	if err != nil {
		t.Fatalf("History: %v", err)
	}
	return len(h)
}

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}
