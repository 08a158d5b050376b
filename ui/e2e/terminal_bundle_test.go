package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A project bundle is not printed on a terminal, where it would only
// scroll by: mopdeck asks for -o FILE, on one line, and exits 1. Piped,
// the bundle is written as it always was.
func TestExportProjectOnATerminalAsksForAFile(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script (util-linux) is not installed")
	}
	db := filepath.Join(t.TempDir(), "m.db")
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "P"); code != 0 {
		t.Fatal(errOut)
	}
	cmd := exec.Command("script", "-qec", binary+" export project --db "+db, "/dev/null")
	// TERM=dumb: nobody answers Bubble Tea's start-up query on this pty.
	cmd.Env = append(os.Environ(), "TERM=dumb")
	out, err := cmd.Output()
	exit, ok := err.(*exec.ExitError)
	if !ok || exit.ExitCode() != 1 {
		t.Fatalf("export project on a terminal: %v, want exit 1\n%s", err, out)
	}
	text := strings.TrimSpace(string(out))
	if strings.Count(text, "\n") != 0 || !strings.Contains(text, "-o BUNDLE.json") || strings.Contains(text, "mopdeck-project") {
		t.Fatalf("want one line asking for -o, got %q", out)
	}
	piped, errOut, code := mopdeck(t, nil, "--db", db, "export", "project")
	if code != 0 || !strings.Contains(piped, `"mopdeck-project"`) {
		t.Fatalf("piped export project: exit %d, %.80q %s", code, piped, errOut)
	}
}
