package cli

import (
	"strings"
	"testing"

	"mopdeck/model"
	"mopdeck/store"
)

// holdDB opens db in this process and answers on its socket, as the app
// or mopdeck serve does.
func holdDB(t *testing.T, db string) *store.Store {
	t.Helper()
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{Version: "test"}
	o, err := e.own(s, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		o.Close()
		s.Close()
	})
	return s
}

func TestCommandsRunThroughTheMopdeckHoldingTheFile(t *testing.T) {
	db := sampleDB(t)
	s := holdDB(t, db)
	sub := s.Subscribe()
	defer sub.Close()

	out, errOut, code := runCLI("--db", db, "report")
	if code != 0 || !strings.HasPrefix(out, "# Acme MRM roll-out") {
		t.Fatalf("report while held: exit %d, %q %q", code, out, errOut)
	}
	// An export closes its store once it has read the requests: the
	// holder's stays open (checked at the end).
	if out, errOut, code := runCLI("--db", db, "export", "changes", "--format", "csv"); code != 0 || !strings.HasPrefix(out, "ID,") {
		t.Fatalf("export while held: exit %d, %q %q", code, out, errOut)
	}
	// A write goes through the holder's store: its subscribers see it.
	out, errOut, code = runCLI("--db", db, "change", "add", "Raised from the shell")
	if code != 0 {
		t.Fatalf("change add while held: exit %d, %q %q", code, out, errOut)
	}
	events, _ := sub.Next()
	if len(events) == 0 || !events[0].Touches(model.KindChanges) {
		t.Fatalf("the holder did not see the write: %+v", events)
	}
	// A command that needs the file to itself is refused in words.
	_, errOut, code = runCLI("--db", db, "serve")
	if code != ExitUser || !strings.Contains(errOut, "held by another mopdeck") {
		t.Fatalf("serve while held: exit %d, %q", code, errOut)
	}
	// The holder's store is still open after all that.
	if _, err := s.Projects(); err != nil {
		t.Fatalf("a command closed the holder's store: %v", err)
	}
}

func TestAbsArgs(t *testing.T) {
	cases := []struct{ in, want string }{
		{"--db x.db report", "--db /w/x.db report"},
		{"--db=x.db report", "--db=/w/x.db report"},
		{"--project P import changes f.csv --dry-run", "--project P import changes /w/f.csv --dry-run"},
		{"import project b.json --as Copy", "import project /w/b.json --as Copy"},
		{"export changes -o out.csv --format csv", "export changes -o /w/out.csv --format csv"},
		{"backup --output=/abs/b.db", "backup --output=/abs/b.db"},
		{"team add Léa --key-file k.pub", "team add Léa --key-file /w/k.pub"},
		{"change add Title", "change add Title"},
		{"export changes -o -", "export changes -o -"},
	}
	for _, c := range cases {
		got := strings.Join(absArgs(strings.Fields(c.in), "/w"), " ")
		if got != c.want {
			t.Errorf("absArgs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
