package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mopdeck/model"
	"mopdeck/store"
)

// exportedRACI runs export raci on db and returns its records.
func exportedRACI(t *testing.T, db string, args ...string) (string, [][]string) {
	t.Helper()
	out, errOut, code := raciCLI(append([]string{"--db", db, "export", "raci"}, args...)...)
	if code != ExitOK {
		t.Fatalf("export raci: exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return out, recs
}

func writeCSV(t *testing.T, recs [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	path := filepath.Join(t.TempDir(), "matrix.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func historyCount(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, _ := s.Projects()
	h, err := s.History(ps[0].ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(h)
}

func cellIn(d model.ProjectData, activity, person string) model.Role {
	for _, c := range d.Cells {
		a, _ := findActivity(d, c.ActivityID)
		if a.Name == activity && d.PersonName(c.PersonID) == person {
			return c.Role
		}
	}
	return model.RoleNone
}

func findActivity(d model.ProjectData, id uint64) (model.Activity, bool) {
	for _, a := range d.Activities {
		if a.ID == id {
			return a, true
		}
	}
	return model.Activity{}, false
}

// A file shaped as teams keep it goes in through the command line: the
// dry run writes nothing; the import creates the person and the row it
// lacks, sets A/R in one cell, lists the rules' breaches without refusing
// them, and is one history entry. raci --person then shows the combined
// cell under both its letters.
func TestImportRACIThroughTheCLI(t *testing.T) {
	db := raciDB(t)
	_, recs := exportedRACI(t, db)
	head := recs[0]
	if head[0] != "Activity" || head[1] != "Phase" {
		t.Fatalf("export header = %q", head)
	}
	lea := -1
	for i, h := range head {
		if h == "Léa Petit" {
			lea = i
		}
	}
	if lea < 0 {
		t.Fatalf("no Léa Petit column in %q", head)
	}
	first, phase := recs[1][0], recs[1][1]
	// Léa's column headed as people type it; a new person; Léa A/R on
	// the first row; a new row with an A and no R.
	head[lea] = "LEA petit"
	head = append(head, "Zoé Blanc")
	rows := [][]string{head}
	row := make([]string, len(head))
	row[0], row[1], row[lea], row[len(head)-1] = first, phase, "R/A", "C"
	rows = append(rows, row)
	kit := make([]string, len(head))
	kit[0], kit[1], kit[lea] = "Press kit", phase, "A"
	rows = append(rows, kit)
	path := writeCSV(t, rows)

	before := sampleData(t, db)
	entries := historyCount(t, db)
	out, errOut, code := raciCLI("--db", db, "import", "raci", path, "--dry-run")
	if code != ExitOK {
		t.Fatalf("dry run: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		`would create 1 person: "Zoé Blanc"`,
		`would create 1 activity:` + "\n" + `  "Press kit" (under ` + phase + `)`,
		"would set 3 cells (",
		`"Press kit" (` + phase + `): no R`,
		"dry run: nothing was written",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "matrix.csv: read as a column per person") {
		t.Errorf("stderr = %q", errOut)
	}
	if after := sampleData(t, db); !reflect.DeepEqual(after.Cells, before.Cells) || len(after.People) != len(before.People) {
		t.Fatal("the dry run wrote")
	}

	out, errOut, code = raciCLI("--db", db, "import", "raci", path)
	if code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "imported matrix.csv into") || !strings.Contains(out, `"Press kit" (`+phase+`): no R`) {
		t.Errorf("import output:\n%s", out)
	}
	d := sampleData(t, db)
	if got := cellIn(d, first, "Léa Petit"); got != model.Accountable|model.Responsible {
		t.Errorf("Léa on %q = %q, want A/R", first, got)
	}
	if got := cellIn(d, first, "Zoé Blanc"); got != model.Consulted {
		t.Errorf("Zoé on %q = %q, want C", first, got)
	}
	if n := historyCount(t, db) - entries; n != 1 {
		t.Errorf("the import recorded %d history entries, want 1", n)
	}

	out, errOut, code = raciCLI("--db", db, "raci", "--person", "lea petit")
	if code != ExitOK {
		t.Fatalf("raci --person: exit %d: %s", code, errOut)
	}
	if strings.Count(out, first+"  (A/R)") != 2 {
		t.Errorf("the A/R cell is not listed under both letters:\n%s", out)
	}
	out, _, _ = raciCLI("--db", db, "raci", "--person", "lea petit", "--json")
	var rj roleJSON
	if err := json.Unmarshal([]byte(out), &rj); err != nil {
		t.Fatal(err)
	}
	combined := 0
	for _, ph := range rj.Phases {
		for _, r := range ph.Roles {
			if r.Combined[first] == "A/R" {
				combined++
			}
		}
	}
	if combined != 2 {
		t.Errorf("JSON marks the A/R cell %d times, want under A and under R:\n%s", combined, out)
	}
}

// Export, then import with --replace into the same project: the matrix
// is as it was, and exporting it again gives the same file.
func TestExportedRACIImportsBackUnchanged(t *testing.T) {
	db := raciDB(t)
	for _, sep := range []string{",", ";"} {
		text, _ := exportedRACI(t, db)
		path := filepath.Join(t.TempDir(), "m.csv")
		if _, errOut, code := raciCLI("--db", db, "export", "raci", "--sep", sep, "-o", path); code != ExitOK {
			t.Fatalf("export --sep %s: %s", sep, errOut)
		}
		before := sampleData(t, db)
		out, errOut, code := raciCLI("--db", db, "import", "raci", "--replace", path)
		if code != ExitOK || !strings.Contains(out, "nothing to change") {
			t.Fatalf("re-import --sep %s: exit %d\n%s\n%s", sep, code, out, errOut)
		}
		if after := sampleData(t, db); !reflect.DeepEqual(after.Cells, before.Cells) || !reflect.DeepEqual(after.Activities, before.Activities) {
			t.Fatal("the matrix changed")
		}
		if again, _ := exportedRACI(t, db); again != text {
			t.Fatalf("second export differs")
		}
	}
}

func TestRefusedRACIFileWritesNothing(t *testing.T) {
	db := raciDB(t)
	path := writeCSV(t, [][]string{
		{"Activity", "Léa Petit", "Hugo Bernard"},
		{"Kickoff", "A", "R"},
		{"Brief", "A/X", "R"},
		{"", "A", ""},
	})
	before := sampleData(t, db)
	_, errOut, code := raciCLI("--db", db, "import", "raci", path)
	if code != ExitUser {
		t.Fatalf("exit %d, want %d: %s", code, ExitUser, errOut)
	}
	for _, want := range []string{
		`matrix.csv: row 3, column B "Léa Petit": "X" is not a RACI letter`,
		"was refused (1 problem listed above): nothing was imported",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if after := sampleData(t, db); !reflect.DeepEqual(after, before) {
		t.Fatal("a refused file wrote")
	}
	// A row naming no activity is found once the letters read.
	path = writeCSV(t, [][]string{{"Activity", "Léa Petit"}, {"", "A"}})
	if _, errOut, code := raciCLI("--db", db, "import", "raci", path); code != ExitUser || !strings.Contains(errOut, "row 2, column A") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestExportRACIFormats(t *testing.T) {
	db := raciDB(t)
	semi, _, code := raciCLI("--db", db, "export", "raci", "--sep", ";")
	if code != ExitOK || !strings.HasPrefix(semi, "\ufeffActivity;Phase;") {
		t.Fatalf("--sep ';': exit %d, %.40q", code, semi)
	}
	xl := filepath.Join(t.TempDir(), "m.xlsx")
	if _, errOut, code := raciCLI("--db", db, "export", "raci", "-o", xl); code != ExitOK || !strings.Contains(errOut, "exported the RACI matrix") {
		t.Fatalf("xlsx: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(xl); !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatal("the .xlsx is not a workbook")
	}
	if _, errOut, code := raciCLI("--db", db, "import", "raci", "--dry-run", xl); code != ExitOK {
		t.Fatalf("the workbook does not import back: %s", errOut)
	}
	js, _, code := raciCLI("--db", db, "export", "raci", "--format", "json")
	if code != ExitOK || !json.Valid([]byte(js)) || !strings.Contains(js, `"letters": "`) {
		t.Fatalf("json: exit %d\n%.200s", code, js)
	}
	for _, args := range [][]string{
		{"--sep", ";", "--format", "xlsx", "-o", xl},
		{"--format", "csv", "-o", xl},
		{"--sep", "|"},
		{"--format", "pdf"},
		{"extra"},
	} {
		if _, errOut, code := raciCLI(append([]string{"--db", db, "export", "raci"}, args...)...); code != ExitUser || strings.Count(errOut, "\n") != 1 {
			t.Errorf("export raci %q: exit %d: %q", args, code, errOut)
		}
	}
	jsonFile := filepath.Join(t.TempDir(), "m.json")
	os.WriteFile(jsonFile, []byte(js), 0o600)
	if _, errOut, code := raciCLI("--db", db, "import", "raci", jsonFile); code != ExitUser || !strings.Contains(errOut, "import a .csv or .xlsx") {
		t.Errorf("import of the JSON export: exit %d: %s", code, errOut)
	}
}
