package cli

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// The global flags mean the same before and after the command.
func TestGlobalFlagsAfterTheCommand(t *testing.T) {
	db := sampleDB(t)
	t.Setenv(nowEnv, reportNow.Format(time.RFC3339))
	want, errOut, code := runCLI("--db", db, "--project", "Acme MRM roll-out", "report")
	if code != ExitOK {
		t.Fatalf("flags first: exit %d: %s", code, errOut)
	}
	for _, args := range [][]string{
		{"report", "--db", db, "--project", "Acme MRM roll-out"},
		{"report", "--db=" + db, "--project=Acme MRM roll-out", "--no-mouse", "--theme", "mono"},
		{"--project", "Acme MRM roll-out", "report", "--db", db},
	} {
		out, errOut, code := runCLI(args...)
		if code != ExitOK || out != want {
			t.Errorf("%q: exit %d, %s; the report differs from the one with the flags first", args, code, errOut)
		}
	}
	if out, errOut, code := runCLI("check", "--db", db); code != ExitOK || !strings.HasPrefix(out, "ok: "+db) {
		t.Errorf("check --db: exit %d, %q %q", code, out, errOut)
	}
	// The --db after the command is the one used: a missing file is named.
	missing := db + ".nope"
	if _, errOut, code := runCLI("--db", db, "change", "add", "x", "--db", missing); code != ExitUser || !strings.Contains(errOut, missing) {
		t.Errorf("the last --db was not taken: exit %d, %q", code, errOut)
	}
}

// A command's own flag that takes a value keeps it, even when the value
// looks like a global flag.
func TestAValueIsNotTakenForAGlobalFlag(t *testing.T) {
	db := sampleDB(t)
	if _, errOut, code := runCLI("change", "set", "CR-1", "--title", "--db", "--db", db); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	out, errOut, code := runCLI("--db", db, "change", "show", "CR-1")
	if code != ExitOK || !strings.Contains(out, "--db") {
		t.Fatalf("the title is not \"--db\": exit %d, %q %q", code, out, errOut)
	}
}

// Errors spell the flags as the help does: --db, -o.
func TestFlagErrorsSpellTheFlagsAsTheHelpDoes(t *testing.T) {
	db := sampleDB(t)
	singleDash := regexp.MustCompile(`(^|[^-])-(db|project|theme|format|persons|start)\b`)
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"--db"}, "--db needs a value"},
		{[]string{"report", "--db"}, "--db needs a value"},
		{[]string{"report", "--project"}, "--project needs a value"},
		{[]string{"-bogus"}, "unknown flag --bogus"},
		{[]string{"--db", db, "report", "--format", "pdf"}, "unknown flag --format"},
		{[]string{"--db", db, "raci", "--persons", "x"}, "unknown flag --persons"},
		{[]string{"--db", db, "export", "changes", "-o"}, "-o needs a value"},
		{[]string{"--db", db, "raci", "--json=maybe", "x"}, "for --json"},
		{[]string{"report", "--no-mouse=perhaps"}, "--no-mouse=perhaps"},
	} {
		out, errOut, code := runCLI(tc.args...)
		if code != ExitUser || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tc.says) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 saying %q", tc.args, code, out, errOut, tc.says)
		}
		if singleDash.MatchString(errOut) {
			t.Errorf("%q: a flag is spelt with one dash: %q", tc.args, errOut)
		}
	}
}

// help with a command that does not exist fails, on one line, instead of
// passing for success with the general help.
func TestHelpForAnUnknownCommand(t *testing.T) {
	out, errOut, code := runCLI("help", "nope")
	if code != ExitUser || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, `"nope"`) {
		t.Fatalf("help nope: exit %d, stdout %q, stderr %q; want exit 1, one line", code, out, errOut)
	}
	out, _, code = runCLI("help", "export")
	if code != ExitOK || !strings.Contains(out, "export changes") {
		t.Fatalf("help export: exit %d, %q", code, out)
	}
	out, _, code = runCLI("help")
	if code != ExitOK || !strings.Contains(out, "Global flags (before or after the command)") {
		t.Fatalf("help: exit %d, %q", code, out)
	}
}
