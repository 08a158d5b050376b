package store

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"mopdeck/model"
)

// A compacted copy leaves out what deletes freed: an import undone leaves
// the database as large as it grew, the copy smaller (the history still
// holds the records the undo took out). The copy holds the
// same project, passes check, and new IDs follow on from the database's.
func TestCompactBackupShrinksAndKeepsSequences(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	big := make([]model.ChangeRequest, 5000)
	for i := range big {
		big[i] = model.ChangeRequest{Title: "An imported request", Description: strings.Repeat("A long description to take room. ", 30)}
	}
	if _, err := s.SaveChanges(pid, big, "import"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "import"); err != nil {
		t.Fatal(err)
	}
	want, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	path := tempPath(t)
	if _, _, err := s.CompactBackup(path); err != nil {
		t.Fatal(err)
	}
	db, _ := os.Stat(s.Path())
	copied, _ := os.Stat(path)
	if copied.Size()*4 > db.Size()*3 {
		t.Fatalf("compacted copy %d bytes from a database of %d: want it under three quarters", copied.Size(), db.Size())
	}
	if problems, err := CheckFile(path, 0); err != nil || len(problems) > 0 {
		t.Fatalf("CheckFile(compacted) = %v, %v", problems, err)
	}
	c := openT(t, path)
	got, err := c.LoadProject(pid)
	if err != nil || !reflect.DeepEqual(got.Changes, want.Changes) || !reflect.DeepEqual(got.Phases, want.Phases) {
		t.Fatalf("the compacted copy holds %d requests (%v), want %d", len(got.Changes), err, len(want.Changes))
	}
	next, err := s.SaveChange(pid, model.ChangeRequest{Title: "next in the database"}, "me")
	if err != nil {
		t.Fatal(err)
	}
	nextCopy, err := c.SaveChange(pid, model.ChangeRequest{Title: "next in the copy"}, "me")
	if err != nil || nextCopy.ID != next.ID {
		t.Fatalf("the copy numbers the next request %d (%v), the database %d", nextCopy.ID, err, next.ID)
	}
}
