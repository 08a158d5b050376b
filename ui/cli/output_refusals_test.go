package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/store"
)

// An extension that names no format is refused unless --format says
// which to write; a name without an extension is CSV, as before.
func TestExportRefusesAnUnknownExtension(t *testing.T) {
	db := sampleDB(t)
	dir := t.TempDir()
	for _, what := range []string{"changes", "raci"} {
		ods := filepath.Join(dir, what+".ods")
		out, errOut, code := runCLI("--db", db, "export", what, "-o", ods)
		if code != ExitUser || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--format") || !strings.Contains(errOut, ".ods") {
			t.Errorf("export %s -o x.ods: exit %d, %q; want exit 1 asking for --format", what, code, errOut)
		}
		if _, err := os.Stat(ods); err == nil {
			t.Errorf("export %s wrote %s though it refused", what, ods)
		}
		if _, errOut, code := runCLI("--db", db, "export", what, "-o", ods, "--format", "csv"); code != ExitOK {
			t.Errorf("export %s -o x.ods --format csv: exit %d, %s", what, code, errOut)
		}
		b, err := os.ReadFile(ods)
		if err != nil || !strings.Contains(string(b), ",") {
			t.Errorf("export %s --format csv to .ods: %v, %.40q", what, err, b)
		}
		plain := filepath.Join(dir, what+"-plain")
		if _, errOut, code := runCLI("--db", db, "export", what, "-o", plain); code != ExitOK {
			t.Errorf("export %s -o without extension: exit %d, %s", what, code, errOut)
		}
	}
}

// A backup onto a file already there replaces it only with --force.
func TestBackupRefusesToReplaceAFileUnlessForced(t *testing.T) {
	db := sampleDB(t)
	target := filepath.Join(t.TempDir(), "before-go-live.db")
	if err := os.WriteFile(target, []byte("an earlier backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI("--db", db, "backup", "-o", target)
	if code != ExitUser || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--force") {
		t.Fatalf("backup onto a file: exit %d, %q %q; want exit 1 asking for --force", code, out, errOut)
	}
	if b, _ := os.ReadFile(target); string(b) != "an earlier backup" {
		t.Fatal("the refused backup changed the file")
	}
	if _, errOut, code := runCLI("--db", db, "backup", "-o", target, "--force"); code != ExitOK {
		t.Fatalf("backup --force: exit %d, %s", code, errOut)
	}
	if problems, err := store.CheckFile(target, 0); err != nil || len(problems) > 0 {
		t.Fatalf("the forced backup is not a sound copy: %v %v", err, problems)
	}
	fresh := filepath.Join(t.TempDir(), "new.db")
	if _, errOut, code := runCLI("--db", db, "backup", "-o", fresh); code != ExitOK {
		t.Fatalf("backup to a new file: exit %d, %s", code, errOut)
	}
	small := filepath.Join(t.TempDir(), "small.db")
	out, errOut, code = runCLI("--db", db, "backup", "--compact", "-o", small)
	if code != ExitOK || !strings.Contains(out, "compacted from") || !strings.Contains(out, "checked: no problems") {
		t.Fatalf("backup --compact: exit %d, %q %q", code, out, errOut)
	}
	if problems, err := store.CheckFile(small, 0); err != nil || len(problems) > 0 {
		t.Fatalf("the compacted backup is not a sound copy: %v %v", err, problems)
	}
}

// A bundle sent to a pipe or a file (not a terminal) is written as it
// always was.
func TestExportProjectToAPipeWritesTheBundle(t *testing.T) {
	db := sampleDB(t)
	out, errOut, code := runCLI("--db", db, "export", "project")
	if code != ExitOK || !strings.Contains(out, `"mopdeck-project"`) {
		t.Fatalf("exit %d, %.80q, %s", code, out, errOut)
	}
}

// The words of an unquoted name are refused, saying what to quote,
// rather than joined into a name nobody typed.
func TestNewRefusesExtraArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	out, errOut, code := runCLI("--db", db, "new", "--template", "mrm", "A", "B")
	if code != ExitUser || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, `mopdeck new --template mrm "A B"`) {
		t.Fatalf("exit %d, %q %q; want exit 1 naming \"A B\" to quote", code, out, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a refused new created the database")
	}
	if _, errOut, code := runCLI("--db", db, "new", "--template", "mrm", "A B"); code != ExitOK {
		t.Fatalf("quoted name: exit %d, %s", code, errOut)
	}
}

// new without --template says the flag is missing and lists the
// templates, instead of `unknown template ""`.
func TestNewWithoutATemplateSaysWhichFlagIsMissing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	_, errOut, code := runCLI("--db", db, "new", "Y")
	if code != ExitUser || !strings.Contains(errOut, "--template") || !strings.Contains(errOut, "mrm") || strings.Contains(errOut, `""`) {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}
