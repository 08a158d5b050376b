package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// rehearseUpgrade makes this build one schema newer than the files it
// wrote so far, with migration as the step from the current schema.
func rehearseUpgrade(t *testing.T, migration func(tx *bolt.Tx) error) {
	t.Helper()
	old := currentSchema
	currentSchema = old + 1
	migrations[old] = migration
	t.Cleanup(func() {
		currentSchema = old
		delete(migrations, old)
	})
}

// oldFile writes a database of the current schema, before the rehearsal
// raises it, and returns its path and its bytes' hash.
func oldFile(t *testing.T) (string, [32]byte) {
	t.Helper()
	path := tempPath(t)
	s := openT(t, path)
	createT(t, s, sample())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, fileSum(t, path)
}

var keyMigrated = []byte("migrated")

// copyName is the name of the n-th copy of a file of the schema before the
// rehearsed one.
func copyName(path string, n int) string {
	if n == 1 {
		return fmt.Sprintf("%s.schema%d.bak", path, currentSchema-1)
	}
	return fmt.Sprintf("%s.schema%d.%d.bak", path, currentSchema-1, n)
}

func TestUpgradeCopiesTheOriginalAsideFirst(t *testing.T) {
	path, sum := oldFile(t)
	old := currentSchema
	var sawCopy bool
	rehearseUpgrade(t, func(tx *bolt.Tx) error {
		// The copy must be complete before the first byte is migrated.
		_, err := os.Stat(copyName(path, 1))
		sawCopy = err == nil && fileSum(t, copyName(path, 1)) == sum
		return tx.Bucket(bucketMeta).Put(keyMigrated, []byte("yes"))
	})

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open of an older schema: %v", err)
	}
	defer s.Close()
	if !sawCopy {
		t.Error("the migration ran before the original was copied aside whole")
	}
	backup := s.SchemaBackup()
	if backup != copyName(path, 1) {
		t.Fatalf("SchemaBackup = %q", backup)
	}
	if fileSum(t, backup) != sum {
		t.Error("the copy differs from the original file")
	}
	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("copy mode: %v %v, want 0600 like the database", fi.Mode().Perm(), err)
	}
	s.db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if string(m.Get(keyMigrated)) != "yes" || string(m.Get(keySchema)) != strconv.Itoa(currentSchema) {
			t.Errorf("after the upgrade meta holds migrated=%q schema=%q", m.Get(keyMigrated), m.Get(keySchema))
		}
		return nil
	})
	// The copy is a sound file of the old schema: the old mopdeck opens it.
	s.Close()
	currentSchema = old
	b, err := Open(backup, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the copy does not open as the old schema: %v", err)
	}
	if ps, err := b.Projects(); err != nil || len(ps) != 1 {
		t.Errorf("the copy holds %v, %v", ps, err)
	}
	b.Close()
}

func TestUpgradeNeverOverwritesAnEarlierCopy(t *testing.T) {
	path, _ := oldFile(t)
	earlier := []byte("an earlier copy the user kept")
	rehearseUpgrade(t, func(tx *bolt.Tx) error { return nil })
	if err := os.WriteFile(copyName(path, 1), earlier, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaBackup() != copyName(path, 2) {
		t.Errorf("SchemaBackup = %q, want the next free name", s.SchemaBackup())
	}
	if got, _ := os.ReadFile(copyName(path, 1)); string(got) != string(earlier) {
		t.Error("the earlier copy was overwritten")
	}
}

func TestFailedUpgradeLeavesTheFileAndNoCopy(t *testing.T) {
	path, sum := oldFile(t)
	rehearseUpgrade(t, func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketMeta).Put(keyMigrated, []byte("half")); err != nil {
			return err
		}
		return errors.New("a record of an unknown shape")
	})
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("cannot upgrade %s from schema %d", path, currentSchema-1)) ||
		!strings.Contains(err.Error(), "the file was not changed") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("failed upgrade: %v", err)
	}
	if fileSum(t, path) != sum {
		t.Error("a failed upgrade changed the file")
	}
	if m, _ := filepath.Glob(path + ".schema*"); len(m) != 0 {
		t.Errorf("a failed upgrade left copies: %v", m)
	}
}

func TestReadOnlyOpenDoesNotUpgrade(t *testing.T) {
	path, sum := oldFile(t)
	rehearseUpgrade(t, func(tx *bolt.Tx) error { t.Error("a read-only open migrated"); return nil })
	_, err := Open(path, Options{ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "needs an upgrade") {
		t.Fatalf("read-only open of an older schema: %v", err)
	}
	if fileSum(t, path) != sum {
		t.Error("the file changed")
	}
	if m, _ := filepath.Glob(path + ".schema*"); len(m) != 0 {
		t.Errorf("a read-only open made copies: %v", m)
	}
}

func TestNoUpgradeStepRefusesUntouched(t *testing.T) {
	path, sum := oldFile(t)
	rehearseUpgrade(t, nil)
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot upgrade it") {
		t.Fatalf("no migration step: %v", err)
	}
	if fileSum(t, path) != sum {
		t.Error("the file changed")
	}
	if m, _ := filepath.Glob(path + ".schema*"); len(m) != 0 {
		t.Errorf("copies made without an upgrade: %v", m)
	}
}

func TestSoundFileIsNotCopied(t *testing.T) {
	path, _ := oldFile(t)
	s := openT(t, path)
	if s.SchemaBackup() != "" {
		t.Errorf("SchemaBackup = %q for a file of the current schema", s.SchemaBackup())
	}
	if m, _ := filepath.Glob(path + ".schema*"); len(m) != 0 {
		t.Errorf("copies made without an upgrade: %v", m)
	}
}
