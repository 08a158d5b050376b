package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
	"mopdeck/store"
)

func TestNoHomeAndNoDBIsTheUsersToFix(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_DATA_HOME", "")
	for _, args := range [][]string{{"check"}, {"report"}, {"backup"}} {
		_, errOut, code := raciCLI(args...)
		if code != ExitUser || !strings.Contains(errOut, "pass --db PATH") {
			t.Errorf("mopdeck %s: exit %d, %q; want exit 1 asking for --db", args[0], code, errOut)
		}
	}
}

// damagedDB writes a database that opens and copies but fails its check:
// a bucket's sequence below its records' IDs.
func damagedDB(t *testing.T) string {
	t.Helper()
	path := raciDB(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("projects")).ForEachBucket(func(k []byte) error {
			return tx.Bucket([]byte("projects")).Bucket(k).Bucket([]byte(store.KindPhases)).SetSequence(0)
		})
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// A damaged database is backed up all the same, as a snapshot of what can
// still be read, and the message says the copy holds the same damage.
func TestBackupOfADamagedDatabaseKeepsASnapshot(t *testing.T) {
	db := damagedDB(t)
	target := filepath.Join(t.TempDir(), "copy.db")
	out, errOut, code := raciCLI("--db", db, "backup", "-o", target)
	if code != ExitUser || out != "" {
		t.Fatalf("exit %d, stdout %q; want exit 1", code, out)
	}
	for _, w := range []string{"database " + db + " is damaged", "same damage", "kept as a snapshot", "check"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr %q lacks %q", errOut, w)
		}
	}
	if strings.Count(errOut, "\n") != 1 {
		t.Errorf("error is not one line: %q", errOut)
	}
	if _, err := os.Stat(target); err != nil {
		t.Fatalf("the snapshot of the damaged database was not kept: %v", err)
	}
}

// A panic inside a store transaction is mopdeck's bug: exit 2, one line
// that says so, however the error was wrapped on its way up.
func TestInternalErrorIsExitTwo(t *testing.T) {
	db := raciDB(t)
	var caught error
	var out, errb bytes.Buffer
	code := Run([]string{"--db", db}, "test", &out, &errb, func(e *Env) error {
		s, err := store.Open(e.DB, store.Options{})
		if err != nil {
			return err
		}
		defer s.Close()
		ps, err := s.Projects()
		if err != nil {
			return err
		}
		d, err := s.LoadProject(ps[0].ID)
		if err != nil {
			return err
		}
		_, caught = s.UpdateChange(d.Project.ID, d.Changes[0].ID, "cli", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			panic("edit fell over")
		})
		return caught
	})
	if code != ExitInternal || strings.Count(errb.String(), "\n") != 1 ||
		!strings.Contains(errb.String(), "internal error in mopdeck: edit fell over") || !strings.Contains(errb.String(), "this is a bug, please report it") {
		t.Fatalf("exit %d, stderr %q; want exit 2 and one line saying it is a bug", code, errb.String())
	}
	for _, err := range []error{UserError{caught}, fmt.Errorf("import: %w", caught)} {
		if code := Report(err, &bytes.Buffer{}); code != ExitInternal {
			t.Errorf("Report(%v) = %d, want %d", err, code, ExitInternal)
		}
	}
}
