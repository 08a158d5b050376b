package changesio

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/model"
	"mopdeck/store"
)

func storeWithProject(t *testing.T) (*store.Store, uint64) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "mopdeck.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	d, err := s.CreateProject(model.ProjectData{Project: model.Project{Name: "CRM"}, Phases: phases,
		Changes: []model.ChangeRequest{{ID: 1, Title: "already there", CreatedAt: now}}}, "me")
	if err != nil {
		t.Fatal(err)
	}
	return s, d.Project.ID
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestImportNumbersAfterExistingAndUndoes(t *testing.T) {
	s, pid := storeWithProject(t)
	path := filepath.Join(t.TempDir(), "tests.csv")
	os.WriteFile(path, []byte("Titre;Phase;Impact\nUn;Test;2\nDeux;formation;3\n"), 0o644)
	res, err := Import(s, pid, path, "Léa", now)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Summary(); got != "imported 2 change requests from tests.csv (CR-2 to CR-3): 2 added, 0 updated, 0 unchanged" {
		t.Errorf("Summary = %q", got)
	}
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Changes) != 3 || d.Changes[1].Title != "Un" || d.Changes[1].RaisedIn != 4 || d.Changes[2].RaisedIn != 5 {
		t.Fatalf("changes %+v", d.Changes)
	}
	last := d.History[len(d.History)-1]
	if last.By != "Léa" || last.Summary != `imported 2 change requests (CR-2 to CR-3)` || last.Action != store.ActionCreate || last.Through != 3 {
		t.Errorf("history entry %+v, want one for the whole import", last)
	}
	if _, err := s.Undo(pid, "Léa"); err != nil {
		t.Fatal(err)
	}
	if crs, _ := s.Changes(pid); len(crs) != 1 {
		t.Errorf("after one undo %d changes, want the 1 there before the import", len(crs))
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}

func TestImportOfBadFileWritesNothing(t *testing.T) {
	s, pid := storeWithProject(t)
	before := fileHash(t, s.Path())
	path := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(path, []byte("title,impact\nA,2\nB,6\n"), 0o644)
	res, err := Import(s, pid, path, "me", now)
	if err == nil || !strings.Contains(err.Error(), "bad.csv was refused, nothing was imported: bad.csv:3: impact: 6 is out of range") {
		t.Fatalf("err = %v", err)
	}
	if len(res.Problems) != 1 {
		t.Errorf("problems %q", problems(res))
	}
	if fileHash(t, s.Path()) != before {
		t.Error("the database changed")
	}
	if _, err := Import(s, pid, filepath.Join(t.TempDir(), "none.csv"), "me", now); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := Import(s, 99, path, "me", now); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown project: %v", err)
	}
}
