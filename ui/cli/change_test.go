package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/store"
)

// changeDB writes a database with one project, "Shop", phases Build and
// Test, and the given requests (IDs 1, 2, … in order).
func changeDB(t *testing.T, crs ...model.ChangeRequest) (path string, pid uint64, phases map[string]uint64) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "changes.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.CreateProject(model.ProjectData{
		Project: model.Project{Name: "Shop"},
		Phases:  []model.Phase{{Name: "Build", Order: 1}, {Name: "Test", Order: 2}},
		People:  []model.Person{{Name: "Léa Petit", Handle: "lea.petit@acme.example"}},
	}, "tester")
	if err != nil {
		t.Fatal(err)
	}
	phases = map[string]uint64{}
	for _, ph := range d.Phases {
		phases[ph.Name] = ph.ID
	}
	for i := range crs {
		if crs[i].CreatedAt.IsZero() {
			crs[i].CreatedAt = time.Date(2026, 1, 1+i, 9, 0, 0, 0, time.UTC)
		}
	}
	if len(crs) > 0 {
		if _, err := s.SaveChanges(d.Project.ID, crs, "tester"); err != nil {
			t.Fatal(err)
		}
	}
	return path, d.Project.ID, phases
}

// stored reads one request back, and the project's history length.
func stored(t *testing.T, db string, pid, id uint64) (model.ChangeRequest, int) {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Change(pid, id)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.History(pid, 0)
	if err != nil {
		t.Fatal(err)
	}
	return c, len(h)
}

func TestChangeAddPrintsTheIDAndReadsValuesAsTheFormDoes(t *testing.T) {
	db, pid, phases := changeDB(t, model.ChangeRequest{Title: "first"})
	t.Setenv("USER", "lea")
	_, h0 := stored(t, db, pid, 1)
	out, errOut, code := runCLI("--db", db, "change", "add", "Add", "a", "Region", "filter",
		"--impact", "high", "--complexity", "M", "--estimate", "1,5", "--decision", "now",
		"--area", "workflow", "--raised-by", " Tom ", "--phase", "test", "--assignee", "lea  PETIT",
		"--description", "On the\x1b[31m campaign list")
	if code != ExitOK || out != "CR-2\n" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want CR-2", code, out, errOut)
	}
	c, hist := stored(t, db, pid, 2)
	want := model.ChangeRequest{
		ID: 2, Title: "Add a Region filter", Description: model.Sanitize("On the\x1b[31m campaign list"),
		RaisedBy: "Tom", RaisedIn: phases["Test"], Area: model.AreaWorkflow, Impact: 4,
		Complexity: model.ComplexityMedium, EstimateHrs: 1.5,
		// "now" on a new request moves it to triaged, as triage does;
		// a person of the project is kept as the project spells them.
		Decision: model.DecisionNow, Status: model.StatusTriaged, Assignee: "Léa Petit",
	}
	c.CreatedAt = time.Time{}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("stored\n %+v\nwant\n %+v", c, want)
	}
	if hist != h0+1 {
		t.Errorf("history has %d entries, want one more (%d) for the add", hist, h0+1)
	}

	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	last, err := s.History(pid, 1)
	s.Close()
	if err != nil || len(last) != 1 || last[0].By != "lea" || last[0].Action != store.ActionCreate {
		t.Errorf("last history entry %+v, %v; want a create by lea", last, err)
	}

	out, _, code = runCLI("--db", db, "change", "add", "Later one", "--decision", "later")
	if code != ExitOK || out != "CR-3\n" {
		t.Fatalf("second add: exit %d, %q", code, out)
	}
	if c, _ := stored(t, db, pid, 3); c.Status != model.StatusDeferred || c.CreatedAt.IsZero() {
		t.Errorf("decided later: status %s, created %v; want deferred and a creation time", c.Status, c.CreatedAt)
	}
}

func TestChangeSetFollowsTheWorkflow(t *testing.T) {
	db, pid, _ := changeDB(t, model.ChangeRequest{Title: "a request", Impact: 2})
	set := func(args ...string) (string, string, int) {
		return runCLI(append([]string{"--db", db, "change", "set", "CR-1"}, args...)...)
	}
	// An illegal move is refused in one line and writes nothing.
	before := importDigest(t, db)
	_, errOut, code := set("--status", "verified")
	if code != ExitUser || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "cannot go from new to verified") {
		t.Errorf("new → verified: exit %d, %q", code, errOut)
	}
	if importDigest(t, db) != before {
		t.Error("a refused move changed the database")
	}
	steps := []struct {
		args     []string
		status   model.CRStatus
		decision model.Decision
	}{
		{[]string{"--decision", "now"}, model.StatusTriaged, model.DecisionNow},
		{[]string{"--status", "in-progress"}, model.StatusInProgress, model.DecisionNow},
		// Decision and status agree: a status brings its decision.
		{[]string{"--decision", "later", "--status", "deferred"}, model.StatusDeferred, model.DecisionLater},
		{[]string{"--status", "triaged", "--title", "renamed", "--impact", ""}, model.StatusTriaged, model.DecisionNow},
	}
	_, h0 := stored(t, db, pid, 1)
	for i, st := range steps {
		out, errOut, code := set(st.args...)
		if code != ExitOK || !strings.HasPrefix(out, "CR-1 saved") {
			t.Fatalf("%q: exit %d, %q %q", st.args, code, out, errOut)
		}
		c, h := stored(t, db, pid, 1)
		if c.Status != st.status || c.Decision != st.decision {
			t.Errorf("%q: %s/%s, want %s/%s", st.args, c.Status, c.Decision, st.status, st.decision)
		}
		if h != h0+i+1 {
			t.Errorf("%q: history has %d entries, want one more per edit (%d)", st.args, h, h0+i+1)
		}
	}
	c, _ := stored(t, db, pid, 1)
	if c.Title != "renamed" || c.Impact != 0 {
		t.Errorf("title %q impact %d: want renamed and unrated", c.Title, c.Impact)
	}
	// The same value again writes nothing.
	_, hBefore := stored(t, db, pid, 1)
	if out, _, code := set("--status", "triaged"); code != ExitOK || out != "CR-1 unchanged\n" {
		t.Errorf("no-op: exit %d, %q", code, out)
	}
	if _, h := stored(t, db, pid, 1); h != hBefore {
		t.Error("an edit that changes nothing was recorded in history")
	}
	// The app's undo takes the last edit back.
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "tester"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if c, _ := stored(t, db, pid, 1); c.Title != "a request" || c.Impact != 2 || c.Status != model.StatusDeferred {
		t.Errorf("after undo: %q impact %d %s; want the edit before the last", c.Title, c.Impact, c.Status)
	}
	// Decision and status never contradict: rejecting work in progress is
	// refused in words; rejecting a triaged request rejects it.
	if _, errOut, code := set("--status", "triaged"); code != ExitOK {
		t.Fatalf("triaged: %q", errOut)
	}
	if _, errOut, code := set("--status", "in-progress"); code != ExitOK {
		t.Fatalf("in progress: %q", errOut)
	}
	before = importDigest(t, db)
	if _, errOut, code := set("--decision", "reject"); code != ExitUser || !strings.Contains(errOut, "in progress") || importDigest(t, db) != before {
		t.Errorf("reject in progress: exit %d, %q", code, errOut)
	}
	if _, errOut, code := set("--status", "deferred"); code != ExitOK {
		t.Fatalf("deferred: %q", errOut)
	}
	if _, errOut, code := set("--status", "triaged"); code != ExitOK {
		t.Fatalf("triaged again: %q", errOut)
	}
	if _, errOut, code := set("--decision", "reject"); code != ExitOK {
		t.Fatalf("reject: %q", errOut)
	}
	if c, _ := stored(t, db, pid, 1); c.Status != model.StatusRejected || c.Decision != model.DecisionRejected {
		t.Errorf("after rejecting: %s/%s, want rejected/rejected", c.Status, c.Decision)
	}
}

// listCases: four requests whose fields tell the filters and orders apart.
func listDB(t *testing.T) (string, map[string]uint64) {
	t.Helper()
	db, _, phases := changeDB(t,
		model.ChangeRequest{Title: "Budget owner field", Impact: 4, Complexity: model.ComplexityLow, EstimateHrs: 3,
			Decision: model.DecisionNow, Status: model.StatusTriaged, Assignee: "Léa Petit", Area: model.AreaDataFields},
		model.ChangeRequest{Title: "Parallel proof rounds", Impact: 3, Complexity: model.ComplexityHigh, EstimateHrs: 60,
			Decision: model.DecisionLater, Status: model.StatusDeferred, Area: model.AreaWorkflow},
		model.ChangeRequest{Title: "Region filter", Description: "on the budget list", Status: model.StatusNew},
		model.ChangeRequest{Title: "Colour theme", Impact: 1, Complexity: model.ComplexityMedium, EstimateHrs: 8,
			Decision: model.DecisionNow, Status: model.StatusInProgress, Assignee: "lea petit", Area: model.AreaOther},
	)
	return db, phases
}

func refsOf(t *testing.T, table string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(table, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "ID ") {
		t.Fatalf("no header: %q", table)
	}
	var refs []string
	for _, l := range lines[1:] {
		refs = append(refs, strings.Fields(l)[0])
	}
	return refs
}

func TestChangeListFiltersAndSorts(t *testing.T) {
	db, _ := listDB(t)
	for _, tc := range []struct {
		filter, sort string
		want         []string
	}{
		{"", "", []string{"CR-1", "CR-2", "CR-4", "CR-3"}}, // priority: quick win, major, fill-in, unrated
		{"status:new", "", []string{"CR-3"}},
		{`status:"in progress"`, "", []string{"CR-4"}},
		{"status:new,triaged", "", []string{"CR-1", "CR-3"}},
		{"status:new status:deferred", "", []string{"CR-2", "CR-3"}},
		{"decision:now impact>=4", "", []string{"CR-1"}},
		{"impact<3", "", []string{"CR-4"}}, // the unrated one never passes a comparison
		{"estimate<=8 complexity<high", "", []string{"CR-1", "CR-4"}},
		{"quadrant:quick-win", "", []string{"CR-1"}},
		{"quadrant:unrated", "", []string{"CR-3"}},
		{"assignee:LEA-petit", "", []string{"CR-1", "CR-4"}},
		{"assignee:none", "", []string{"CR-2", "CR-3"}},
		{"area:workflow,other", "", []string{"CR-2", "CR-4"}},
		{"area:none", "", []string{"CR-3"}},
		{"budget", "", []string{"CR-1", "CR-3"}}, // title or description
		{"BUDGET owner", "", []string{"CR-1"}},
		{"cr-2", "", []string{"CR-2"}},
		{"", "impact", []string{"CR-1", "CR-2", "CR-4", "CR-3"}},
		{"", "effort", []string{"CR-1", "CR-4", "CR-2", "CR-3"}},
		{"", "created", []string{"CR-1", "CR-2", "CR-3", "CR-4"}},
		{"nothing-matches", "", nil},
	} {
		args := []string{"--db", db, "change", "list"}
		if tc.filter != "" {
			args = append(args, "--filter", tc.filter)
		}
		if tc.sort != "" {
			args = append(args, "--sort", tc.sort)
		}
		out, errOut, code := runCLI(args...)
		if code != ExitOK {
			t.Errorf("filter %q sort %q: exit %d, %s", tc.filter, tc.sort, code, errOut)
			continue
		}
		if got := refsOf(t, out); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("filter %q sort %q: %q, want %q", tc.filter, tc.sort, got, tc.want)
		}
	}
}

func TestChangeListPhaseFilter(t *testing.T) {
	db, pid, phases := changeDB(t, model.ChangeRequest{Title: "a"}, model.ChangeRequest{Title: "b"})
	if _, _, code := runCLI("--db", db, "change", "set", "2", "--phase", "TEST"); code != ExitOK {
		t.Fatal("set --phase failed")
	}
	if c, _ := stored(t, db, pid, 2); c.RaisedIn != phases["Test"] {
		t.Fatalf("raised in %d, want Test (%d)", c.RaisedIn, phases["Test"])
	}
	for filter, want := range map[string][]string{"phase:test": {"CR-2"}, "phase:none": {"CR-1"}, "phase:build": nil} {
		out, errOut, code := runCLI("--db", db, "change", "list", "--filter", filter)
		if got := refsOf(t, out); code != ExitOK || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q (exit %d, %s), want %q", filter, got, code, errOut, want)
		}
	}
}

// CSV and JSON hold what the export holds, for the requests listed, in
// the list's order.
func TestChangeListFormatsAreTheExports(t *testing.T) {
	db, _ := listDB(t)
	csvOut, _, code := runCLI("--db", db, "change", "list", "--format", "csv", "--filter", "decision:now", "--sort", "created")
	if code != ExitOK {
		t.Fatal(csvOut)
	}
	exp, _, code := runCLI("--db", db, "export", "changes", "--format", "csv")
	if code != ExitOK {
		t.Fatal(exp)
	}
	lines := strings.Split(exp, "\n")
	if want := lines[0] + "\n" + lines[1] + "\n" + lines[4] + "\n"; csvOut != want {
		t.Errorf("csv list:\n%s\nwant the export's header and rows of CR-1 and CR-4:\n%s", csvOut, want)
	}
	jsonOut, _, code := runCLI("--db", db, "change", "list", "--format", "json", "--filter", "decision:now")
	var got []map[string]any
	if err := json.Unmarshal([]byte(jsonOut), &got); err != nil || code != ExitOK {
		t.Fatalf("json list: %v\n%s", err, jsonOut)
	}
	var doc struct {
		Changes []map[string]any `json:"changes"`
	}
	exp, _, _ = runCLI("--db", db, "export", "changes", "--format", "json")
	if err := json.Unmarshal([]byte(exp), &doc); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !reflect.DeepEqual(got[0], doc.Changes[0]) || !reflect.DeepEqual(got[1], doc.Changes[3]) {
		t.Errorf("json list %v\nwant the export's objects of CR-1 and CR-4", got)
	}
}

func TestChangeShow(t *testing.T) {
	db, _ := listDB(t)
	out, errOut, code := runCLI("--db", db, "change", "show", "cr-1")
	if code != ExitOK {
		t.Fatal(errOut)
	}
	for _, want := range []string{"CR-1  Budget owner field", "status:      triaged", "quadrant:    quick win", "estimate:    3 h", "assignee:    Léa Petit"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	out, _, code = runCLI("--db", db, "change", "show", "3", "--json")
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil || code != ExitOK {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	if obj["ref"] != "CR-3" || obj["description"] != "on the budget list" || obj["quadrant"] != "unrated" {
		t.Errorf("show --json: %v", obj)
	}
}

// Every refusal: exit 1, one line on stderr, nothing on stdout, and the
// database as it was.
func TestChangeRefusalsAreOneLine(t *testing.T) {
	db, _ := listDB(t)
	before := importDigest(t, db)
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"change"}, "add|set|list|show"},
		{[]string{"change", "fly"}, "unknown change command"},
		{[]string{"change", "add"}, "title"},
		{[]string{"change", "add", "x", "--impact", "9"}, "out of range"},
		{[]string{"change", "add", "x", "--complexity", "huge"}, "--complexity"},
		{[]string{"change", "add", "x", "--estimate", "lots"}, "--estimate"},
		{[]string{"change", "add", "x", "--decision", "maybe"}, "--decision"},
		{[]string{"change", "add", "x", "--area", "marketing stuff"}, "is not an area"},
		{[]string{"change", "add", "x", "--phase", "Launch"}, `no phase named "Launch": use one of "Build", "Test"`},
		{[]string{"change", "add", "x", "--status", "new"}, "unknown flag --status"},
		{[]string{"change", "set", "CR-1"}, "nothing to change"},
		{[]string{"change", "set", "CR-x", "--impact", "2"}, "not a change request ID"},
		{[]string{"change", "set", "CR-99", "--impact", "2"}, "there is no CR-99"},
		{[]string{"change", "set", "CR-1", "--title", " "}, "--title is empty"},
		{[]string{"change", "set", "CR-1", "--status", "triaged", "--status", "new"}, "cannot go from triaged to new"},
		{[]string{"change", "show", "CR-99"}, "there is no CR-99"},
		{[]string{"change", "show"}, "give one request"},
		{[]string{"change", "list", "--filter", "owner:me"}, `unknown field "owner:"`},
		{[]string{"change", "list", "--filter", `status:"in progress`}, "quote is not closed"},
		{[]string{"change", "list", "--filter", "impact>="}, "needs a value"},
		{[]string{"change", "list", "--filter", "quadrant:best"}, "is not a quadrant"},
		{[]string{"change", "list", "--sort", "age"}, "--sort"},
		{[]string{"change", "list", "--format", "xml"}, "--format"},
		{[]string{"change", "list", "--project", "Nope"}, `no project named "Nope"`},
	} {
		out, errOut, code := runCLI(append([]string{"--db", db}, tc.args...)...)
		if code != ExitUser || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "mopdeck: ") || !strings.Contains(errOut, tc.says) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 saying %q", tc.args, code, out, errOut, tc.says)
		}
	}
	if importDigest(t, db) != before {
		t.Error("a refused command changed the database")
	}
	_, errOut, code := runCLI("--db", missing, "change", "add", "x")
	if code != ExitUser || !strings.Contains(errOut, "does not exist") {
		t.Errorf("add to a missing database: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("add created a database")
	}
}

// The table of change list never cuts an ID, however many requests.
func TestChangeListTableShowsLongIDsWhole(t *testing.T) {
	var b strings.Builder
	list := []model.ChangeRequest{{ID: 7, Title: "Short"}, {ID: 123456, Title: "Long"}}
	if err := writeTable(&b, list, 0); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if !strings.HasPrefix(lines[2], "CR-123456 Long") || !strings.HasPrefix(lines[1], "CR-7      Short") || !strings.HasPrefix(lines[0], "ID        Title") {
		t.Fatalf("table:\n%s", b.String())
	}
}

// On a terminal the table fits its width: the columns the app's table
// drops first go (complexity, impact, decision…), the title keeps at
// least 30 cells, and no line is wider than the terminal.
func TestChangeListTableFitsTheTerminal(t *testing.T) {
	list := []model.ChangeRequest{
		{ID: 1, Title: "Agency users can see other brands' projects in the shared workspace", Impact: 5,
			Complexity: model.ComplexityHigh, EstimateHrs: 32, Decision: model.DecisionNow, Status: model.StatusInProgress, Assignee: "Nicolas Laurent"},
		{ID: 100234, Title: "Créer un modèle de brief pour les campagnes régionales — version étendue", Assignee: "Léa Petit"},
	}
	for _, tt := range []struct {
		width      int
		has, lacks []string
	}{
		{80, []string{"ID", "Title", "Quadrant", "Est h", "Status"}, []string{"Cx", "Imp", "Decision", "Assignee"}},
		{120, []string{"Imp", "Decision", "Assignee"}, nil},
		{200, []string{"Cx", "Imp", "Decision", "Assignee", "Nicolas Laurent", "Agency users can see other brands' proj…"}, nil},
	} {
		var b strings.Builder
		if err := writeTable(&b, list, tt.width); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > tt.width {
				t.Errorf("width %d: a line of %d cells: %q", tt.width, w, l)
			}
		}
		head := strings.Fields(lines[0])
		for _, h := range tt.has {
			if !strings.Contains(b.String(), h) {
				t.Errorf("width %d: lacks %q:\n%s", tt.width, h, b.String())
			}
		}
		for _, h := range tt.lacks {
			if slices.Contains(head, h) {
				t.Errorf("width %d: keeps %q:\n%s", tt.width, h, b.String())
			}
		}
		if !strings.HasPrefix(lines[2], "CR-100234 ") {
			t.Errorf("width %d: the ID is cut: %q", tt.width, lines[2])
		}
		title := strings.Index(lines[0], "Title")
		if next := strings.Index(lines[0], "Quadrant"); next-title < 31 {
			t.Errorf("width %d: the title has %d cells", tt.width, next-title-1)
		}
	}
}
