package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/uitest"
)

// reportNow is the pinned clock of the report tests.
var reportNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// sampleDB writes a database holding the sample project as a first run
// on reportNow would, history included.
func sampleDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return reportNow }
	if _, err := s.CreateProject(model.SampleProject(reportNow), "mopdeck"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// emptyDB writes a database with no project in it.
func emptyDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "empty.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCLI(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = Run(args, "test", &out, &errb, func(*Env) error { return nil })
	return out.String(), errb.String(), code
}

func TestReportGoldenOnSampleProject(t *testing.T) {
	db := sampleDB(t)
	t.Setenv(nowEnv, reportNow.Format(time.RFC3339))
	out, errOut, code := runCLI("--db", db, "report")
	if code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	uitest.Golden(t, filepath.Join("testdata", "report_sample.golden"), out)
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Error("report holds control characters")
	}
	// The same report with --project after the command.
	again, errOut, code := runCLI("--db", db, "report", "--project", "acme mrm roll-out")
	if code != ExitOK || again != out {
		t.Fatalf("report --project after the command: exit %d, same output %v: %s", code, again == out, errOut)
	}
}

func TestReportRefusesBadInput(t *testing.T) {
	db := sampleDB(t)
	for _, tc := range []struct {
		name, now string
		args      []string
		want      string
	}{
		{"unknown project", "", []string{"--db", db, "report", "--project", "Nope"}, "no project named"},
		{"stray argument", "", []string{"--db", db, "report", "Acme"}, "unexpected argument"},
		{"unknown flag", "", []string{"--db", db, "report", "--format", "pdf"}, "unknown flag --format"},
		{"bad pinned clock", "yesterday", []string{"--db", db, "report"}, "MOPDECK_NOW"},
		{"database without a project", "", []string{"--db", emptyDB(t), "report"}, "no project yet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(nowEnv, tc.now)
			out, errOut, code := runCLI(tc.args...)
			if code != ExitUser || out != "" || !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and one line with %q", code, out, errOut, tc.want)
			}
		})
	}
}

func TestClockAcceptsDateOrTime(t *testing.T) {
	for v, want := range map[string]time.Time{
		"2026-11-23":            time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		" 2026-11-23T09:00:00Z": reportNow,
	} {
		t.Setenv(nowEnv, v)
		got, err := clock()
		if err != nil || !got.Equal(want) {
			t.Errorf("%s=%q: %v, %v; want %v", nowEnv, v, got, err, want)
		}
	}
	t.Setenv(nowEnv, "")
	if got, err := clock(); err != nil || time.Since(got) > time.Minute {
		t.Errorf("unpinned clock: %v, %v", got, err)
	}
}
