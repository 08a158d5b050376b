package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/store"
)

// Flags may follow the positional arguments, as they do for import and
// export: the name is not swallowed with them.
func TestNewTakesFlagsAfterTheName(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	out, errOut, code := raciCLI("--db", db, "new", "Proj B", "--template", "migration", "--start", "2026-12-01")
	if code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.Projects()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Name != "Proj B" || ps[0].Template != "migration" {
		t.Fatalf("projects = %+v, want one migration project named Proj B", ps)
	}
}

func TestRACITakesFlagsAfterTheName(t *testing.T) {
	db := raciDB(t)
	out, errOut, code := raciCLI("--db", db, "raci", "Léa Petit", "--project", "Acme MRM roll-out")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "Léa Petit · creative") {
		t.Fatalf("out:\n%s", out)
	}
	_, errOut, code = raciCLI("--db", db, "raci", "Léa Petit", "--project", "Nope")
	if code != ExitUser || !strings.Contains(errOut, `no project named "Nope"`) {
		t.Fatalf("the --project after the name was not taken: exit %d, %s", code, errOut)
	}
}
