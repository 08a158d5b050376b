package store

import (
	"errors"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// corruptRecord overwrites change request 1 of project pid with bytes that
// do not decode, behind mopdeck's back.
func corruptRecord(t *testing.T, s *Store, pid uint64) {
	t.Helper()
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketProjects).Bucket(itob(pid)).Bucket([]byte(KindChanges))
		return b.Put(itob(1), []byte(`{"v":1,"d":{"title":`))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Once check has found damage, every later mopdeck opens the file
// read-only: reads work, writes are refused with the way out, the file is
// not changed; a file restored in its place is not held to it.
func TestDamageFoundByCheckHoldsTheFileReadOnly(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, sample())
	clean, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	corruptRecord(t, s, d.Project.ID)
	s.Close()

	problems, err := CheckFile(path, 0)
	if err != nil || len(problems) == 0 {
		t.Fatalf("check found %v, %v; want the broken record", problems, err)
	}
	KeepCheckFinding(path, problems)
	damaged, _ := os.ReadFile(path)

	s = openT(t, path)
	if s.Damaged() == "" {
		t.Fatal("the file opened writable after check found damage")
	}
	if _, err := s.Projects(); err != nil {
		t.Fatalf("reading the project list: %v", err)
	}
	_, err = s.ImportChanges(d.Project.ID, []model.ChangeRequest{{Title: "one more"}}, "x")
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), "backup") {
		t.Fatalf("import into a damaged file: %v; want refused with the way out", err)
	}
	if _, err := s.CreateProject(sample(), "x"); !errors.Is(err, ErrDamaged) {
		t.Fatalf("new project in a damaged file: %v", err)
	}
	s.Close()
	if now, _ := os.ReadFile(path); string(now) != string(damaged) {
		t.Fatal("the damaged file was written to")
	}

	// A backup restored in its place opens writable again.
	if err := os.WriteFile(path, clean, 0o600); err != nil {
		t.Fatal(err)
	}
	s = openT(t, path)
	if why := s.Damaged(); why != "" {
		t.Fatalf("the restored file is held read-only: %s", why)
	}
	if _, err := s.SaveChange(d.Project.ID, model.ChangeRequest{Title: "after the restore"}, "x"); err != nil {
		t.Fatalf("write after the restore: %v", err)
	}
}

// A read that meets a record it cannot decode holds the file read-only
// at once, for this process and the next.
func TestDamageMetWhileReadingStopsWrites(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, sample())
	corruptRecord(t, s, d.Project.ID)
	if _, err := s.LoadProject(d.Project.ID); !errors.Is(err, ErrDamaged) {
		t.Fatalf("load: %v, want damage", err)
	}
	if _, err := s.SaveChange(d.Project.ID, model.ChangeRequest{Title: "x"}, "x"); !errors.Is(err, ErrDamaged) {
		t.Fatalf("write after damage was met: %v", err)
	}
	s = reopen(t, s)
	if s.Damaged() == "" {
		t.Fatal("the next mopdeck on the file does not know it is damaged")
	}
	// A clean check (after a repair) lifts the finding.
	KeepCheckFinding(path, nil)
	if _, err := os.Stat(markPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the finding is still kept after a clean check: %v", err)
	}
}
