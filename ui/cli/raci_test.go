package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/store"
)

// raciDB writes a database holding the sample project, plus two people
// who make names hard to tell apart.
func raciDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "raci.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	d := model.SampleProject(now)
	d.People = append(d.People,
		model.Person{ID: 20, Name: "Leo Petitjean", Team: "agency", Handle: "leo@agency.example"},
		model.Person{ID: 21, Name: "Nobody Yet", Team: "sales"},
	)
	if _, err := s.CreateProject(d, "test"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func raciCLI(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := Run(args, "test", &out, &errb, func(*Env) error { return nil })
	return out.String(), errb.String(), code
}

func TestRACIPersonText(t *testing.T) {
	db := raciDB(t)
	out, errOut, code := raciCLI("--db", db, "raci", "--person", "lea petit")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	d := sampleData(t, db)
	lea := model.FindPeople(d.People, "Léa Petit")[0]
	groups := model.PersonRoles(d, lea.ID)
	if len(groups) == 0 {
		t.Fatal("the sample gives Léa no letter: the test proves nothing")
	}
	if !strings.HasPrefix(out, "Léa Petit · creative · lea.petit@acme.example\nAcme MRM roll-out: R ") {
		t.Fatalf("head:\n%s", out)
	}
	// Every letter of hers is printed under its phase, and nothing else.
	listed := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "       ") {
			listed++
		}
	}
	want := 0
	for _, g := range groups {
		if !strings.Contains(out, "\n"+g.Phase+"\n") {
			t.Errorf("phase %q missing", g.Phase)
		}
		for _, l := range g.Letters {
			if !strings.Contains(out, "  "+l.Role.String()+"  "+l.Role.Meaning()+"\n") {
				t.Errorf("letter %s missing in %s", l.Role, g.Phase)
			}
			for _, a := range l.Activities {
				want++
				if !strings.Contains(out, "       "+a.Name+"\n") {
					t.Errorf("activity %q missing", a.Name)
				}
			}
		}
	}
	if listed != want {
		t.Fatalf("%d activities listed, want %d:\n%s", listed, want, out)
	}
	// Same person by handle, and bare, with --project inside the command.
	out2, _, code := raciCLI("--db", db, "raci", "--project", "acme mrm roll-out", "LEA.PETIT@acme.example")
	if code != ExitOK || out2 != out {
		t.Fatalf("by handle: exit %d\n%s", code, out2)
	}
	out, _, code = raciCLI("--db", db, "raci", "--person", "Nobody Yet")
	if code != ExitOK || !strings.Contains(out, "no RACI letter yet") {
		t.Fatalf("person without letters: exit %d\n%s", code, out)
	}
}

func sampleData(t *testing.T, db string) model.ProjectData {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.Projects()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadProject(ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRACIPersonJSON(t *testing.T) {
	db := raciDB(t)
	out, errOut, code := raciCLI("--db", db, "raci", "--person", "Hugo Bernard", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got roleJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	d := sampleData(t, db)
	hugo := model.FindPeople(d.People, "Hugo Bernard")[0]
	if got.Project != "Acme MRM roll-out" || got.Person.Name != "Hugo Bernard" || got.Person.ID != hugo.ID {
		t.Fatalf("head: %+v", got)
	}
	cells := 0
	for _, c := range d.Cells {
		if c.PersonID == hugo.ID {
			cells++
		}
	}
	listed, counted := 0, 0
	for _, ph := range got.Phases {
		for _, r := range ph.Roles {
			listed += len(r.Activities)
			if r.Meaning == "" {
				t.Errorf("letter %s has no meaning", r.Letter)
			}
		}
	}
	for _, n := range got.Counts {
		counted += n
	}
	if listed != cells || counted != cells || len(got.Counts) != 4 {
		t.Fatalf("%d activities listed, %d counted, want %d cells; counts %v", listed, counted, cells, got.Counts)
	}
}

func TestRACIPersonErrors(t *testing.T) {
	db := raciDB(t)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"typo lists close matches", []string{"--person", "Lea Petti"}, []string{`no person named "Lea Petti"`, `close matches: "Léa Petit"`}},
		{"several close matches", []string{"--person", "PETIT"}, []string{`close matches: "Léa Petit", "Leo Petitjean"`}},
		{"part of a name", []string{"--person", "thomas"}, []string{`close matches: "Thomas Moreau"`}},
		{"nobody close lists the people", []string{"--person", "Zyx"}, []string{"nor anyone close", `"Claire Martin"`, "and 3 more"}},
		{"no name", nil, []string{"whose role?"}},
		{"bad flag", []string{"--persons", "x"}, []string{"unknown flag --persons", "mopdeck raci --help"}},
		{"unknown project", []string{"--project", "Nope", "--person", "Hugo Bernard"}, []string{`no project named "Nope"`}},
		{"hostile name is shown inert", []string{"--person", "Eve\x1b[2J"}, []string{`"Eve␛[2J"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := raciCLI(append([]string{"--db", db, "raci"}, tt.args...)...)
			if code != ExitUser || out != "" {
				t.Fatalf("exit %d, stdout %q; want exit 1 and nothing on stdout", code, out)
			}
			if strings.Count(errOut, "\n") != 1 {
				t.Errorf("error is not one line: %q", errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
		})
	}
}

func TestRACIHelp(t *testing.T) {
	out, _, code := raciCLI("raci", "--help")
	if code != ExitOK || !strings.Contains(out, "Usage: mopdeck raci --person NAME") || !strings.Contains(out, "Examples:") {
		t.Fatalf("help: exit %d\n%s", code, out)
	}
	if out, _, _ := raciCLI("--help"); !strings.Contains(out, "raci ") {
		t.Fatalf("the command list lacks raci:\n%s", out)
	}
}
