package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestNewFromEveryTemplateThenReport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	out, errOut, code := mopdeck(t, nil, "templates")
	if code != 0 {
		t.Fatalf("templates: %s", errOut)
	}
	for _, key := range []string{"mrm", "migration", "campaign", "dmp"} {
		if !strings.Contains(out, key) {
			t.Fatalf("templates does not list %s:\n%s", key, out)
		}
		name := "Project " + key
		out, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", key, "--start", "2027-01-04", name)
		if code != 0 || !strings.Contains(out, "created") {
			t.Fatalf("new %s: %q %q (exit %d)", key, out, errOut, code)
		}
		rep, errOut, code := mopdeck(t, nil, "--db", db, "--project", name, "report")
		if code != 0 || !strings.Contains(rep, "# "+name) {
			t.Fatalf("report %s: %q %q (exit %d)", key, rep, errOut, code)
		}
	}
	_, errOut, code = mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "--start", "2027-01-04", "Project mrm")
	if code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("duplicate name: %q (exit %d)", errOut, code)
	}
	_, errOut, code = mopdeck(t, nil, "--db", db, "new", "--template", "nope", "X")
	if code != 1 || !strings.Contains(errOut, "unknown template") {
		t.Fatalf("unknown template: %q (exit %d)", errOut, code)
	}
	_, errOut, code = mopdeck(t, nil, "--db", db, "--project", "Nothing here", "report")
	if code != 1 || !strings.Contains(errOut, "no project named") {
		t.Fatalf("unknown project: %q (exit %d)", errOut, code)
	}
}
