package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

func TestCreateProjectRoundTrip(t *testing.T) {
	s := openT(t, tempPath(t))
	in := sample()
	got := createT(t, s, in)

	if got.Project.ID == 0 {
		t.Fatal("project got no ID")
	}
	want := in
	want.Project.ID = got.Project.ID
	want.Cells = []model.Assignment{ // key order: activity, then person
		{ActivityID: 1, PersonID: 1, Role: model.Responsible},
		{ActivityID: 1, PersonID: 2, Role: model.Accountable},
		{ActivityID: 2, PersonID: 1, Role: model.Accountable},
		{ActivityID: 2, PersonID: 2, Role: model.Consulted},
	}
	if len(got.History) != 2 || got.History[1].Kind != KindProject || got.History[1].Action != ActionCreate {
		t.Fatalf("history = %+v, want the bundle's entry then one create", got.History)
	}
	want.History = append(want.History, got.History[1])
	want.Version = got.Version
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CreateProject returned\n%+v\nwant\n%+v", got, want)
	}

	s = reopen(t, s)
	loaded, err := s.LoadProjectFull(got.Project.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded, got) {
		t.Errorf("after reopen\n%+v\nwant\n%+v", loaded, got)
	}
	ps, err := s.Projects()
	if err != nil || len(ps) != 1 || !reflect.DeepEqual(ps[0], got.Project) {
		t.Errorf("Projects() = %+v, %v", ps, err)
	}
}

func TestSaveEveryTypeRoundTrip(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, model.ProjectData{Project: model.Project{Name: "Blank"}}).Project.ID

	person, err := s.SavePerson(pid, model.Person{Name: "Ana", Team: "IT", Handle: "ana@example.com"}, "me")
	if err != nil {
		t.Fatal(err)
	}
	report, err := s.SaveDoc(pid, model.Doc{Title: "Test report", Body: "# Report\n", Rev: 1, Updated: t0}, "me")
	if err != nil {
		t.Fatal(err)
	}
	phase, err := s.SavePhase(pid, model.Phase{
		Order: 1, Name: "Test", Goal: "Find the bugs", Duration: "2–3 weeks",
		PlannedStart: t0, PlannedEnd: t0.AddDate(0, 0, 21), ActualStart: t0.AddDate(0, 0, 1),
		Status:       model.PhaseAwaitingSignOff,
		Deliverables: []model.Deliverable{{Name: "Test cases", Done: true}, {Name: "Test report", DocID: report.ID}},
		Checklist:    []model.CheckItem{{Section: "Exit", Text: "All now-CRs verified", Done: true, ByID: person.ID, At: t0}},
		Participants: []string{"IT", "campaign"},
		Gate: model.Gate{SignedOff: true, ByID: person.ID, At: t0.Add(time.Hour), Note: "signed",
			Override: &model.Override{ByID: person.ID, At: t0, Reason: "build late"}},
		BlocksOnOpenChanges: true,
	}, "me")
	if err != nil {
		t.Fatal(err)
	}
	cr, err := s.SaveChange(pid, model.ChangeRequest{Title: "Add a field", Description: "why\nbecause", RaisedBy: "Ana",
		RaisedIn: phase.ID, CreatedAt: t0, Area: model.AreaSecurity, Impact: 5, Complexity: model.ComplexityHigh,
		EstimateHrs: 80, Decision: model.DecisionLater, Status: model.StatusDeferred, Assignee: "Ana"}, "me")
	if err != nil {
		t.Fatal(err)
	}
	act, err := s.SaveActivity(pid, model.Activity{Name: "Test sign-off", PhaseID: phase.ID, Order: 3, Gate: true}, "me")
	if err != nil {
		t.Fatal(err)
	}
	cell := model.Assignment{ActivityID: act.ID, PersonID: person.ID, Role: model.Accountable}
	if err := s.SetCell(pid, cell, "me"); err != nil {
		t.Fatal(err)
	}
	doc, err := s.SaveDoc(pid, model.Doc{Title: "Test plan", PhaseID: phase.ID, Body: "# Plan\n- a\n", Rev: 1, Updated: t0}, "me")
	if err != nil {
		t.Fatal(err)
	}
	cl, err := s.SaveChecklist(pid, model.Checklist{Name: "Audit", Items: []model.CheckItem{{Section: "Users", Text: "Roles", Done: true, ByID: person.ID, At: t0}}}, "me")
	if err != nil {
		t.Fatal(err)
	}
	proj, err := s.SaveProject(model.Project{ID: pid, Name: "Renamed", Template: "dmp", SponsorID: person.ID, Start: t0, GoLive: t0.AddDate(1, 0, 0), Archived: true}, "me")
	if err != nil {
		t.Fatal(err)
	}
	hist, err := s.History(pid, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 10 {
		t.Fatalf("history has %d entries, want 10 (create + 9 saves)", len(hist))
	}

	s = reopen(t, s)
	d, err := s.LoadProjectFull(pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"project", d.Project, proj},
		{"person", d.People, []model.Person{person}},
		{"phase", d.Phases, []model.Phase{phase}},
		{"change", d.Changes, []model.ChangeRequest{cr}},
		{"activity", d.Activities, []model.Activity{act}},
		{"cell", d.Cells, []model.Assignment{cell}},
		{"doc", d.Docs, []model.Doc{report, doc}},
		{"checklist", d.Checklists, []model.Checklist{cl}},
		{"history", d.History, hist},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s after reopen:\n got %+v\nwant %+v", c.name, c.got, c.want)
		}
	}
	h2, _ := s.History(pid, 3)
	if !reflect.DeepEqual(h2, hist[len(hist)-3:]) {
		t.Errorf("History(3) = %+v, want the last 3 oldest first", h2)
	}
	for i, e := range hist {
		if e.ID != uint64(i+1) || e.By == "" && i > 0 || e.At.IsZero() || e.Summary == "" {
			t.Errorf("history entry %d looks wrong: %+v", i, e)
		}
	}
}

func TestCreateProjectKeepsIDs(t *testing.T) {
	s := openT(t, tempPath(t))
	d := model.ProjectData{
		Project:    model.Project{Name: "Template"},
		Phases:     []model.Phase{{ID: 5, Name: "Build"}, {Name: "New"}, {ID: 9, Name: "Test"}},
		Activities: []model.Activity{{ID: 40, Name: "Test sign-off", PhaseID: 9}, {Name: "Unnumbered", PhaseID: 5}},
		Changes:    []model.ChangeRequest{{ID: 100, Title: "Big one", RaisedIn: 9}},
	}
	got := createT(t, s, d)
	var ids []uint64
	for _, p := range got.Phases {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []uint64{5, 9, 10}) {
		t.Errorf("phase IDs = %v, want [5 9 10] (given kept, zero after the highest)", ids)
	}
	if got.Activities[0].ID != 40 || got.Activities[0].PhaseID != 9 || got.Activities[1].ID != 41 {
		t.Errorf("activities = %+v", got.Activities)
	}
	pid := got.Project.ID
	p, err := s.SavePhase(pid, model.Phase{Name: "Later"}, "me")
	if err != nil || p.ID != 11 {
		t.Errorf("next phase ID = %d, %v; want 11", p.ID, err)
	}
	c, err := s.SaveChange(pid, model.ChangeRequest{Title: "next"}, "me")
	if err != nil || c.ID != 101 {
		t.Errorf("next CR ID = %d, %v; want 101", c.ID, err)
	}
	a, err := s.SaveActivity(pid, model.Activity{Name: "next"}, "me")
	if err != nil || a.ID != 42 {
		t.Errorf("next activity ID = %d, %v; want 42", a.ID, err)
	}
	// The caller's slices are not modified.
	if d.Phases[1].ID != 0 {
		t.Error("CreateProject wrote into the caller's slice")
	}
	second := createT(t, s, d)
	if second.Project.ID <= pid {
		t.Errorf("second project ID %d not above %d", second.Project.ID, pid)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}

func TestCreateProjectRefusesBadData(t *testing.T) {
	s := openT(t, tempPath(t))
	cases := map[string]func(d *model.ProjectData){
		"empty name":       func(d *model.ProjectData) { d.Project.Name = " " },
		"bad CR":           func(d *model.ProjectData) { d.Changes[1].Impact = 9 },
		"duplicate IDs":    func(d *model.ProjectData) { d.Phases[1].ID = 1 },
		"CR phase missing": func(d *model.ProjectData) { d.Changes[0].RaisedIn = 77 },
		"dangling cell":    func(d *model.ProjectData) { d.Cells[0].PersonID = 77 },
		"bad letter":       func(d *model.ProjectData) { d.Cells[0].Role = 'X' },
		"sponsor missing":  func(d *model.ProjectData) { d.Project.SponsorID = 77 },
		"activity phase":   func(d *model.ProjectData) { d.Activities[0].PhaseID = 77 },
	}
	for name, mod := range cases {
		d := sample()
		mod(&d)
		if _, err := s.CreateProject(d, "me"); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: message spans lines: %q", name, err)
		}
	}
	if ps, _ := s.Projects(); len(ps) != 0 {
		t.Errorf("refused projects were written: %+v", ps)
	}
}

func TestValidationFailuresWriteNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	before := historyLen(t, s, pid)
	bad := map[string]func() error{
		"phase name": func() error { _, err := s.SavePhase(pid, model.Phase{ID: 1, Name: ""}, "me"); return err },
		"phase dates": func() error {
			_, err := s.SavePhase(pid, model.Phase{Name: "X", PlannedStart: t0, PlannedEnd: t0.Add(-time.Hour)}, "me")
			return err
		},
		"CR impact": func() error {
			_, err := s.SaveChange(pid, model.ChangeRequest{ID: 1, Title: "x", Impact: 6}, "me")
			return err
		},
		"CR title": func() error { _, err := s.SaveChange(pid, model.ChangeRequest{Title: "  "}, "me"); return err },
		"CR phase": func() error {
			_, err := s.SaveChange(pid, model.ChangeRequest{Title: "x", RaisedIn: 99}, "me")
			return err
		},
		"person":      func() error { _, err := s.SavePerson(pid, model.Person{ID: 1}, "me"); return err },
		"activity":    func() error { _, err := s.SaveActivity(pid, model.Activity{}, "me"); return err },
		"act phase":   func() error { _, err := s.SaveActivity(pid, model.Activity{Name: "x", PhaseID: 99}, "me"); return err },
		"doc":         func() error { _, err := s.SaveDoc(pid, model.Doc{Title: ""}, "me"); return err },
		"checklist":   func() error { _, err := s.SaveChecklist(pid, model.Checklist{}, "me"); return err },
		"project":     func() error { _, err := s.SaveProject(model.Project{ID: pid}, "me"); return err },
		"cell letter": func() error { return s.SetCell(pid, model.Assignment{ActivityID: 1, PersonID: 1, Role: 'Z'}, "me") },
		"cell person": func() error { return s.SetCell(pid, model.Assignment{ActivityID: 1, PersonID: 99, Role: 'R'}, "me") },
	}
	for name, f := range bad {
		if err := f(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	missing := map[string]func() error{
		"save phase": func() error { _, err := s.SavePhase(pid, model.Phase{ID: 99, Name: "x"}, "me"); return err },
		"delete CR":  func() error { return s.DeleteChange(pid, 99, "me") },
		"project":    func() error { _, err := s.SavePerson(pid+1, model.Person{Name: "x"}, "me"); return err },
		"load":       func() error { _, err := s.LoadProjectFull(pid + 1); return err },
	}
	for name, f := range missing {
		if err := f(); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", name, err)
		}
	}
	if n := historyLen(t, s, pid); n != before {
		t.Errorf("history grew from %d to %d on refused saves", before, n)
	}
	got, err := s.LoadProjectFull(pid)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Error("refused saves changed the project")
	}
}

func TestSaveUnchangedRecordsNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	n := historyLen(t, s, d.Project.ID)
	if _, err := s.SaveChange(d.Project.ID, d.Changes[0], "me"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCell(d.Project.ID, d.Cells[0], "me"); err != nil {
		t.Fatal(err)
	}
	if m := historyLen(t, s, d.Project.ID); m != n {
		t.Errorf("saving unchanged records added %d history entries", m-n)
	}
}

func TestSaveChangesAllOrNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	before := historyLen(t, s, pid)

	batch := []model.ChangeRequest{{Title: "one"}, {Title: "two", Impact: 7}, {Title: "three"}}
	if _, err := s.SaveChanges(pid, batch, "me"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "2 of 3") {
		t.Errorf("bad impact: err = %v, want ErrInvalid naming request 2 of 3", err)
	}
	// Valid on its own but pointing at a missing phase: found inside the
	// transaction, after the first request was written.
	batch[1] = model.ChangeRequest{Title: "two", RaisedIn: 99}
	if _, err := s.SaveChanges(pid, batch, "me"); !errors.Is(err, ErrInvalid) {
		t.Errorf("missing phase: err = %v, want ErrInvalid", err)
	}
	got, _ := s.LoadProjectFull(pid)
	if len(got.Changes) != len(d.Changes) || historyLen(t, s, pid) != before {
		t.Fatalf("a refused batch wrote: %d changes, %d history", len(got.Changes), historyLen(t, s, pid))
	}

	batch[1].RaisedIn = 0
	upd := d.Changes[0]
	upd.Decision = model.DecisionRejected
	saved, err := s.SaveChanges(pid, append(batch, upd), "me")
	if err != nil {
		t.Fatal(err)
	}
	if len(saved) != 4 || saved[0].ID != 3 || saved[2].ID != 5 || saved[3].ID != 1 {
		t.Errorf("saved IDs = %+v", saved)
	}
	if n := historyLen(t, s, pid); n != before+4 {
		t.Errorf("history grew by %d, want 4", n-before)
	}
}

func TestSetCellRoleNoneDeletes(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	c := model.Assignment{ActivityID: 2, PersonID: 2, Role: model.Responsible}
	if err := s.SetCell(pid, c, "me"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.LoadProjectFull(pid)
	if got.Cells[3] != c {
		t.Errorf("cell = %+v, want %+v", got.Cells[3], c)
	}
	c.Role = model.RoleNone
	if err := s.SetCell(pid, c, "me"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.LoadProjectFull(pid)
	if len(got.Cells) != 3 || slices.ContainsFunc(got.Cells, func(a model.Assignment) bool { return a.ActivityID == 2 && a.PersonID == 2 }) {
		t.Errorf("RoleNone left the cell: %+v", got.Cells)
	}
	h, _ := s.History(pid, 1)
	if h[0].Action != ActionDelete || h[0].Summary != `RACI "Design document" × "Sam Roy": R → none` {
		t.Errorf("last entry = %+v", h[0])
	}
	// Clearing an empty cell is a no-op, not an error.
	if err := s.SetCell(pid, c, "me"); err != nil {
		t.Errorf("clearing an empty cell: %v", err)
	}
}

func TestSummaries(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, model.ProjectData{Project: model.Project{Name: "P"}}).Project.ID
	cr, _ := s.SaveChange(pid, model.ChangeRequest{Title: "Fix the form"}, "me")
	cr.Decision, cr.Impact = model.DecisionNow, 4
	if _, err := s.SaveChange(pid, cr, "me"); err != nil {
		t.Fatal(err)
	}
	ph, _ := s.SavePhase(pid, model.Phase{Name: "Design"}, "me")
	ph.Status = model.PhaseInProgress
	if _, err := s.SavePhase(pid, ph, "me"); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(pid, 0)
	want := []string{
		`project "P" created`,
		`CR-1 "Fix the form" created`,
		`CR-1 updated: impact 0 → 4, decision undecided → now`,
		`phase "Design" created`,
		`phase "Design" updated: status not started → in progress`,
	}
	for i, w := range want {
		if h[i].Summary != w {
			t.Errorf("summary %d = %q, want %q", i, h[i].Summary, w)
		}
	}
}

func TestCheckFindsDanglingCell(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("fresh file: %v %v", problems, err)
	}
	path := s.Path()
	s.Close()

	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		cells := tx.Bucket(bucketProjects).Bucket(itob(d.Project.ID)).Bucket([]byte(KindCells))
		v, _ := encode(model.Assignment{ActivityID: 1, PersonID: 77, Role: 'R'})
		return cells.Put(CellKey(1, 77), v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s = openT(t, path)
	problems, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "person 77") {
		t.Errorf("Check = %q, want one problem naming person 77", problems)
	}
}

func TestWriteBackup(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	if _, err := s.SaveChange(d.Project.ID, model.ChangeRequest{Title: "after"}, "me"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := s.WriteBackup(&buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("WriteBackup = %d, %v (buffer %d)", n, err, buf.Len())
	}
	want, _ := s.LoadProjectFull(d.Project.ID)

	bpath := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(bpath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := Open(bpath, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if problems, err := b.Check(); err != nil || len(problems) != 0 {
		t.Errorf("backup Check = %v, %v", problems, err)
	}
	got, err := b.LoadProjectFull(d.Project.ID)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("backup holds %+v, %v", got, err)
	}
}

func TestDeleteCascades(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID

	if err := s.DeletePerson(pid, 2, "me"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.LoadProjectFull(pid)
	if len(got.People) != 1 || len(got.Cells) != 2 || got.Project.SponsorID != 0 {
		t.Errorf("after deleting Sam: people %d, cells %+v, sponsor %d", len(got.People), got.Cells, got.Project.SponsorID)
	}
	if err := s.DeletePhase(pid, 2, "me"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.LoadProjectFull(pid)
	if got.Activities[1].PhaseID != 0 || got.Changes[0].RaisedIn != 0 {
		t.Errorf("links to the deleted phase remain: %+v %+v", got.Activities[1], got.Changes[0])
	}
	if err := s.DeleteActivity(pid, 1, "me"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDoc(pid, 1, "me"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.LoadProjectFull(pid)
	if len(got.Cells) != 1 || got.Phases[0].Deliverables[0].DocID != 0 {
		t.Errorf("after deleting activity 1 and doc 1: cells %+v, deliverable %+v", got.Cells, got.Phases[0].Deliverables[0])
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Errorf("Check after cascades: %v %v", problems, err)
	}
	// Undo everything back: the file is as created.
	for range 4 {
		if _, err := s.Undo(pid, "me"); err != nil {
			t.Fatal(err)
		}
	}
	got, _ = s.LoadProjectFull(pid)
	got.History, d.History = nil, nil
	got.Version, d.Version = 0, 0
	if !reflect.DeepEqual(got, d) {
		t.Errorf("after undoing the deletes\n%+v\nwant\n%+v", got, d)
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Errorf("Check after undo: %v %v", problems, err)
	}
}

func TestReadOnlyStoreRefusesWrites(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	pid := createT(t, s, sample()).Project.ID
	s.Close()
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.SaveChange(pid, model.ChangeRequest{Title: "x"}, "me"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SaveChange on read-only: %v", err)
	}
	if _, err := r.LoadProject(pid); err != nil {
		t.Errorf("LoadProject on read-only: %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, err := DefaultPath(); err != nil || p != "/data/mopdeck/mopdeck.db" {
		t.Errorf("with XDG_DATA_HOME: %q %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/ann")
	if p, err := DefaultPath(); err != nil || p != "/home/ann/.local/share/mopdeck/mopdeck.db" {
		t.Errorf("fallback: %q %v", p, err)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	done := make(chan error, 8)
	for g := range 4 {
		go func() {
			for i := range 25 {
				if _, err := s.SaveChange(pid, model.ChangeRequest{Title: strings.Repeat("c", g+i+1)}, "me"); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
		go func() {
			for range 10 {
				if _, err := s.LoadProjectFull(pid); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	d, _ := s.LoadProjectFull(pid)
	if len(d.Changes) != 102 {
		t.Errorf("%d changes, want 102", len(d.Changes))
	}
	if p, err := s.Check(); err != nil || len(p) > 0 {
		t.Errorf("Check: %v %v", p, err)
	}
}
