package bundle

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/store"
)

var now = time.Date(2025, 5, 6, 7, 8, 9, 0, time.UTC)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "mopdeck.db"), store.Options{AppVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// source is the sample project after a few edits and an undo, so that its
// history holds creates, updates, deletes and an undo.
func source(t *testing.T) (*store.Store, model.ProjectData) {
	t.Helper()
	s := openStore(t)
	d, err := s.CreateProject(model.SampleProject(now), "Léa")
	if err != nil {
		t.Fatal(err)
	}
	pid := d.Project.ID
	cr, err := s.SaveChange(pid, model.ChangeRequest{Title: "Bundle me", CreatedAt: now, Impact: 3}, "Léa")
	if err != nil {
		t.Fatal(err)
	}
	cr.Decision = model.DecisionNow
	if _, err := s.SaveChange(pid, cr, "Sam"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteChange(pid, d.Changes[0].ID, "Sam"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "Sam"); err != nil {
		t.Fatal(err)
	}
	full, err := s.LoadProjectFull(pid)
	if err != nil {
		t.Fatal(err)
	}
	return s, full
}

func TestRoundTripKeepsTheWholeProjectAndHistory(t *testing.T) {
	_, want := source(t)
	var buf bytes.Buffer
	if err := Write(&buf, want, "1.2.3", now); err != nil {
		t.Fatal(err)
	}
	b, err := Read(bytes.NewReader(buf.Bytes()), "crm.json")
	if err != nil {
		t.Fatal(err)
	}
	if b.Format != Format || b.Version != Version || b.App != "1.2.3" || !b.ExportedAt.Equal(now) {
		t.Errorf("head = %q v%d app %q at %v", b.Format, b.Version, b.App, b.ExportedAt)
	}

	dst := openStore(t)
	got, err := dst.RestoreProject(b.Data, false, "importer")
	if err != nil {
		t.Fatalf("RestoreProject: %v", err)
	}
	if n := len(want.History); len(got.History) != n+1 || !reflect.DeepEqual(got.History[:n], want.History) {
		t.Fatalf("history: got %d entries, want the bundle's %d unchanged plus the import", len(got.History), n)
	}
	for _, kind := range []string{"create", "update", "delete"} {
		found := false
		for _, e := range got.History {
			found = found || e.Action == kind
		}
		if !found {
			t.Errorf("no %s entry in the imported history", kind)
		}
	}
	got.History, want.History = nil, nil
	// The version counts the history, which grew by the import entry.
	got.Project.ID, got.Version = want.Project.ID, want.Version
	if !reflect.DeepEqual(got, want) {
		t.Errorf("project changed on the way:\n got %+v\nwant %+v", got, want)
	}
	if problems, err := dst.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check after import: %v %v", problems, err)
	}
	// What the user does next still works on the imported copy.
	if _, err := dst.SaveChange(got.Project.ID, model.ChangeRequest{Title: "after the session"}, "Léa"); err != nil {
		t.Fatal(err)
	}
	if e, err := dst.Undo(got.Project.ID, "Léa"); err != nil || !strings.Contains(e.Summary, "after the session") {
		t.Errorf("undo after import: %v %v", e.Summary, err)
	}
}

func TestFileRoundTripIsAtomicAndPrivate(t *testing.T) {
	_, d := source(t)
	path := filepath.Join(t.TempDir(), "crm.json")
	if err := WriteFile(path, d, "test", now); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("bundle mode %v, want 0600 (it holds the whole project)", fi.Mode().Perm())
	}
	b, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Data.Changes) != len(d.Changes) || b.Data.Project.ID != 0 {
		t.Errorf("read %d changes, project ID %d", len(b.Data.Changes), b.Data.Project.ID)
	}
}

func TestRefusals(t *testing.T) {
	for name, tc := range map[string]struct {
		text string
		is   error
		want string
	}{
		"newer":          {`{"format":"mopdeck-project","version":4,"data":{"project":{"name":"X"}},"later":"field"}`, ErrNewer, "x.json was written by a newer mopdeck (bundle version 4 > 3): upgrade mopdeck to import it; nothing was changed"},
		"bad v1 history": {`{"format":"mopdeck-project","version":1,"data":{"project":{"name":"X"},"history":[{"id":4,"before":{"v":1}}]}}`, ErrNotBundle, "x.json is not a mopdeck project bundle (history entry 4, before: not a base64 string of the old layout)"},
		"changes":        {`{"format":"mopdeck-changes","version":1,"changes":[]}`, ErrNotBundle, "import it with mopdeck import changes x.json"},
		"other json":     {`{"name":"package.json"}`, ErrNotBundle, `x.json is not a mopdeck project bundle (no "format": "mopdeck-project" field)`},
		"broken":         {"{\n\"format\": \"mopdeck-project\",\n\"version\": 1,\n\"data\": {\n", ErrNotBundle, "invalid JSON on line"},
		"wrong type":     {"{\"format\":\"mopdeck-project\",\"version\":1,\n\"data\":{\"changes\":\"none\"}}", ErrNotBundle, `field "data.changes" holds a string on line 2`},
		"no data":        {`{"format":"mopdeck-project","version":1}`, ErrNotBundle, "it has no data"},
		"version zero":   {`{"format":"mopdeck-project","version":0,"data":{}}`, ErrNotBundle, "(version 0)"},
		"csv":            {"title,impact\nA,3\n", ErrNotBundle, "x.json is not a mopdeck project bundle (invalid JSON on line 1)"},
	} {
		_, err := Read(strings.NewReader(tc.text), "x.json")
		if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %v containing %q", name, err, tc.is, tc.want)
		}
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "none.json")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadSanitisesText(t *testing.T) {
	d := model.ProjectData{
		Project: model.Project{ID: 7, Name: "Evil\x1b[2J", Description: "body\x07"},
		Changes: []model.ChangeRequest{{ID: 1, Title: "CR\u202e", Description: "a\x1b]8;;x\x07b"}},
		People:  []model.Person{{ID: 1, Name: "Bob\r"}},
		Docs:    []model.Doc{{ID: 1, Title: "Doc\x00", Body: "# ok\n\x1b[31mred"}},
		History: []model.HistoryEntry{{ID: 1, By: "x\x1b", Summary: "s\x1b[1m"}},
	}
	var buf bytes.Buffer
	Write(&buf, d, "", now)
	b, err := Read(&buf, "x.json")
	if err != nil {
		t.Fatal(err)
	}
	g := b.Data
	for _, s := range []string{g.Project.Name, g.Project.Description, g.Changes[0].Title, g.Changes[0].Description,
		g.People[0].Name, g.Docs[0].Title, g.Docs[0].Body, g.History[0].By, g.History[0].Summary} {
		if strings.ContainsAny(s, "\x1b\x07\x00\r\u202e") {
			t.Errorf("not sanitised: %q", s)
		}
	}
	if g.Project.ID != 0 || g.Project.Name != "Evil␛[2J" {
		t.Errorf("project %d %q", g.Project.ID, g.Project.Name)
	}
}
