package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Replacing a project from its bundle keeps it where it was: the project
// opened (and reported) by default stays the same.
func TestImportReplaceKeepsTheDefaultProject(t *testing.T) {
	dir := t.TempDir()
	db, bundle := filepath.Join(dir, "m.db"), filepath.Join(dir, "a.json")
	for _, name := range []string{"Alpha", "Beta"} {
		if _, errOut, code := runCLI("--db", db, "new", "--template", "mrm", name); code != ExitOK {
			t.Fatalf("new %s: %s", name, errOut)
		}
	}
	if _, errOut, code := runCLI("--db", db, "export", "project", "Alpha", "-o", bundle); code != ExitOK {
		t.Fatalf("export: %s", errOut)
	}
	if _, errOut, code := runCLI("--db", db, "import", "project", bundle, "--replace"); code != ExitOK {
		t.Fatalf("import --replace: %s", errOut)
	}
	out, errOut, code := runCLI("--db", db, "report")
	if code != ExitOK || !strings.Contains(out, "Alpha") || strings.Contains(strings.SplitN(out, "\n", 2)[0], "Beta") {
		t.Fatalf("the default project changed after --replace: %q %q", strings.SplitN(out, "\n", 2)[0], errOut)
	}
}
