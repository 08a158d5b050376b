package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// Keys that reach the app in one write — fast typing, key repeat, SSH —
// each act: "jjj" moves three rows, "4m" in triage rates impact and
// complexity.
func TestBurstOfKeysInOneWrite(t *testing.T) {
	t.Setenv("NO_COLOR", "1") // the selected row is marked ▸
	db := filepath.Join(t.TempDir(), "burst.db")
	s := startTmux(t, 120, 40, "--db", db)
	s.waitFor("Phases")
	s.keys("2")
	s.waitFor("sorted by priority")
	s.keys("-l", "jjj") // one write of three keys
	screen := s.waitFor("4 of 15")
	var marked string
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "▸") {
			marked = l
		}
	}
	rows := 0
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "CR-") {
			rows++
			if l == marked && rows != 4 {
				t.Fatalf("the fourth row is not the selected one after jjj:\n%s", screen)
			}
		}
	}
	s.keys("t")
	s.waitFor("untriaged")
	s.keys("-l", "4m")
	s.waitFor("impact 4", "medium")
}

// A filter typed in one write (a paste, or fast typing over SSH) leaves
// the table filtered by the whole text, not by a part of it.
func TestFilterTypedInOneWrite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "filter.db")
	s := startTmux(t, 120, 40, "--db", db)
	s.waitFor("Phases")
	s.keys("2")
	all := s.waitFor("sorted by priority")
	s.keys("-l", "/proofs")
	s.keys("Enter")
	screen := s.waitFor("filter: proofs  (esc clears)")
	rows := strings.Count(screen, "CR-")
	if rows == 0 || rows >= strings.Count(all, "CR-") {
		t.Fatalf("%d rows after the filter, %d before:\n%s", rows, strings.Count(all, "CR-"), screen)
	}
}
