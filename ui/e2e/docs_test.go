package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocsEditWithRealEditor hands the terminal to $EDITOR (a script that
// appends a line), then checks the new revision on screen and that undo
// brings the old text back, in the real binary.
func TestDocsEditWithRealEditor(t *testing.T) {
	dir := t.TempDir()
	editor := filepath.Join(dir, "append-editor")
	script := "#!/bin/sh\nfor f; do :; done\nprintf '\\nReviewed in the steering committee.\\n' >> \"$f\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("EDITOR", editor)
	db := filepath.Join(dir, "docs.db")
	s := startTmux(t, 120, 40, "--db", db)
	s.waitFor("Discovery")
	s.keys("4")
	s.waitFor("Status report", "generated")
	s.keys("j")
	s.waitFor("Acme runs about 400 campaigns")
	s.keys("e")
	s.waitFor(`saved "Discovery document", revision 3`)
	s.keys("G")
	s.waitFor("Reviewed in the steering committee.", "rev 3")
	s.keys("u")
	s.waitFor("undone", "rev 2")
	s.keys("q")
	s.waitGone()

	// The undo is stored: a new run shows revision 2 without the line.
	s2 := startTmux(t, 120, 40, "--db", db)
	s2.waitFor("Discovery")
	s2.keys("4")
	s2.waitFor("Status report", "generated")
	s2.keys("j")
	s2.waitFor("Acme runs about 400 campaigns")
	s2.keys("G")
	screen := s2.waitFor("Discovery document", "rev 2", "Nicolas Laurent")
	s2.keys("q")
	s2.waitGone()
	if strings.Contains(screen, "Reviewed in the steering committee.") {
		t.Fatalf("the undone line is back:\n%s", screen)
	}
}
