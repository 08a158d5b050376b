package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

func TestRestoreProjectKeepsRecordsAndHistory(t *testing.T) {
	src := openT(t, tempPath(t))
	orig := createT(t, src, sample())
	if _, err := src.SaveChange(orig.Project.ID, model.ChangeRequest{Title: "later edit", CreatedAt: t0}, "Léa"); err != nil {
		t.Fatal(err)
	}
	want, err := src.LoadProject(orig.Project.ID)
	if err != nil {
		t.Fatal(err)
	}

	dst := openT(t, tempPath(t))
	got, err := dst.RestoreProject(want, false, "importer")
	if err != nil {
		t.Fatalf("RestoreProject: %v", err)
	}
	if len(got.History) != len(want.History)+1 {
		t.Fatalf("history has %d entries, want the bundle's %d plus one", len(got.History), len(want.History))
	}
	if !reflect.DeepEqual(got.History[:len(want.History)], want.History) {
		t.Errorf("history changed on the way:\n got %+v\nwant %+v", got.History[:len(want.History)], want.History)
	}
	last := got.History[len(got.History)-1]
	if last.Action != ActionCreate || last.Kind != KindProject || last.By != "importer" {
		t.Errorf("last entry = %+v, want the project's create by importer", last)
	}
	got.History, want.History = nil, nil
	got.Version, want.Version = 0, 0
	got.Project.ID = want.Project.ID
	if !reflect.DeepEqual(got, want) {
		t.Errorf("restored project differs:\n got %+v\nwant %+v", got, want)
	}
}

func TestRestoreProjectNameTakenReplaceAndAs(t *testing.T) {
	s := openT(t, tempPath(t))
	first := createT(t, s, sample())
	sum := fileSum(t, s.Path())

	d := sample()
	d.Project.Name = "  crm ROLL-OUT " // same name, other case and spaces
	if _, err := s.RestoreProject(d, false, "me"); !errors.Is(err, ErrNameTaken) {
		t.Fatalf("same name: err = %v, want ErrNameTaken", err)
	}
	if fileSum(t, s.Path()) != sum {
		t.Fatal("a refused restore changed the file")
	}

	d.Changes = append(d.Changes, model.ChangeRequest{ID: 9, Title: "only in the bundle", CreatedAt: t0})
	got, err := s.RestoreProject(d, true, "me")
	if err != nil {
		t.Fatalf("replace: %v", err)
	}
	projects, _ := s.Projects()
	// The bundle takes the replaced project's number, and so its place.
	if len(projects) != 1 || projects[0].ID != got.Project.ID || projects[0].ID != first.Project.ID || projects[0].Name != d.Project.Name {
		t.Fatalf("after replace the projects are %+v, want only the new one, in the old one's place", projects)
	}
	if len(got.Changes) != 3 {
		t.Errorf("replaced project has %d changes, want 3", len(got.Changes))
	}

	d.Project.Name = "CRM roll-out (copy)"
	if _, err := s.RestoreProject(d, false, "me"); err != nil {
		t.Fatalf("another name: %v", err)
	}
	if projects, _ := s.Projects(); len(projects) != 2 {
		t.Errorf("have %d projects, want 2", len(projects))
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check after restores: %v %v", problems, err)
	}
}

func TestRestoreProjectReplaceFailureKeepsOld(t *testing.T) {
	s := openT(t, tempPath(t))
	old := createT(t, s, sample())
	sum := fileSum(t, s.Path())
	d := sample()
	d.Cells = append(d.Cells, model.Assignment{ActivityID: 1, PersonID: 99, Role: model.Informed})
	if _, err := s.RestoreProject(d, true, "me"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad bundle: err = %v, want ErrInvalid", err)
	}
	if fileSum(t, s.Path()) != sum {
		t.Fatal("a refused replace changed the file")
	}
	if _, err := s.LoadProject(old.Project.ID); err != nil {
		t.Errorf("the old project is gone: %v", err)
	}
}

func TestPhasesAndChangesReadOneKind(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	phases, err := s.Phases(d.Project.ID)
	if err != nil || !reflect.DeepEqual(phases, d.Phases) {
		t.Errorf("Phases = %+v, %v", phases, err)
	}
	crs, err := s.Changes(d.Project.ID)
	if err != nil || !reflect.DeepEqual(crs, d.Changes) {
		t.Errorf("Changes = %+v, %v", crs, err)
	}
	if _, err := s.Phases(999); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown project: err = %v", err)
	}
}

func TestBackupToOpensAndPassesCheck(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	if _, err := s.SaveChange(d.Project.ID, model.ChangeRequest{Title: "after the bundle"}, "me"); err != nil {
		t.Fatal(err)
	}
	want, _ := s.LoadProject(d.Project.ID)
	path := BackupPath(s.Path(), time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	if filepath.Base(path) != "mopdeck-20250303-090000.db" || filepath.Dir(path) != filepath.Dir(s.Path()) {
		t.Fatalf("BackupPath = %s", path)
	}
	n, err := s.BackupTo(path)
	if err != nil || n == 0 {
		t.Fatalf("BackupTo = %d, %v", n, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, want 0600", fi.Mode().Perm())
	}
	if problems, err := CheckFile(path, 0); err != nil || len(problems) > 0 {
		t.Fatalf("CheckFile(backup) = %v, %v", problems, err)
	}
	b := openT(t, path)
	got, err := b.LoadProject(d.Project.ID)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("backup holds %+v, %v", got, err)
	}

	sum := fileSum(t, s.Path())
	if _, err := s.BackupTo(s.Path()); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "database itself") {
		t.Errorf("backup over itself: err = %v", err)
	}
	if fileSum(t, s.Path()) != sum {
		t.Error("a refused backup changed the database")
	}
}

func TestCheckFindsDeliverableWithoutDoc(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	path := s.Path()
	s.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketProjects).Bucket(itob(d.Project.ID)).Bucket([]byte(KindDocs)).Delete(itob(1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	problems, err := CheckFile(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], `deliverable "Discovery document" points at doc 1`) {
		t.Errorf("CheckFile = %q, want the dangling deliverable", problems)
	}
}

func TestImportChangesAllOrNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	sum := fileSum(t, s.Path())
	crs := []model.ChangeRequest{{Title: "one", RaisedIn: 1}, {Title: "two", RaisedIn: 42}}
	if _, err := s.ImportChanges(pid, crs, "me"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "change request 2 of 2") {
		t.Fatalf("dangling phase: err = %v", err)
	}
	if fileSum(t, s.Path()) != sum || crs[0].ID != 0 {
		t.Fatalf("a refused import changed the file or kept IDs (%d)", crs[0].ID)
	}
	for _, bad := range [][]model.ChangeRequest{{{Title: ""}}, {{ID: 1, Title: "x"}}, {{Title: "x", Impact: 6}}} {
		if _, err := s.ImportChanges(pid, bad, "me"); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: err = %v", bad, err)
		}
	}
	if fileSum(t, s.Path()) != sum {
		t.Fatal("refused imports changed the file")
	}
	crs[1].RaisedIn = 2
	got, err := s.ImportChanges(pid, crs, "me")
	if err != nil {
		t.Fatal(err)
	}
	if got[0].ID != 3 || got[1].ID != 4 {
		t.Errorf("numbered %d, %d; want 3, 4 after the two existing requests", got[0].ID, got[1].ID)
	}
	h, _ := s.History(pid, 2)
	if h[1].Summary != `imported 2 change requests (CR-3 to CR-4)` || btoi(h[1].Key) != 3 || h[1].Through != 4 ||
		len(h[1].After) != 0 || h[1].Action != ActionCreate || h[0].Kind != KindProject {
		t.Errorf("history %+v, want the project's creation then one entry for the import", h)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}
