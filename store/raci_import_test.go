package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"mopdeck/model"
)

// sheetColumns are the columns of the people the tests' sheets name, as
// one header row would place them.
var sheetColumns = map[string]string{"ana": "C", "bo": "D", "cy": "E", "dee": "F", "zed": "G"}

// sheetRow builds a row of people across: pairs of name and letters.
func sheetRow(row int, name, phase string, cells ...string) model.RACISheetRow {
	r := model.RACISheetRow{Row: row, Column: "A", NameHeader: "Activity", Name: name, Phase: phase}
	for i := 0; i+1 < len(cells); i += 2 {
		role, err := model.ParseRoles(cells[i+1])
		if err != nil {
			panic(err)
		}
		r.Cells = append(r.Cells, model.RACISheetCell{Column: sheetColumns[model.FoldName(cells[i])], Header: cells[i], Who: cells[i], ByColumn: true, Role: role})
	}
	return r
}

// matrixOf is a project's matrix without what an import or its undo may
// renumber or record.
func matrixOf(t *testing.T, s *Store, pid uint64) model.ProjectData {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	return model.ProjectData{People: d.People, Activities: d.Activities, Cells: d.Cells, Phases: d.Phases}
}

func TestImportOfOnlyNewRecordsIsOneUndo(t *testing.T) {
	s := openT(t, tempPath(t))
	d, err := s.CreateProject(model.ProjectData{Project: model.Project{Name: "Empty", Template: "mrm", Start: t0}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	pid := d.Project.ID
	before := matrixOf(t, s, pid)
	entries := historyLen(t, s, pid)
	sheet := model.RACISheet{File: "raci.csv", HeaderRow: 1, Rows: []model.RACISheetRow{
		sheetRow(2, "Kickoff", "", "Ana", "A/R", "Bo", "C"),
		sheetRow(3, "Brief", "", "Ana", "A", "Bo", "R"),
	}}
	got, err := s.ImportRACI(pid, sheet, false, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Plan.NewPeople) != 2 || len(got.Plan.NewActivities) != 2 || got.Created != 4 {
		t.Fatalf("import: %d people, %d activities, %d cells created", len(got.Plan.NewPeople), len(got.Plan.NewActivities), got.Created)
	}
	after := matrixOf(t, s, pid)
	if len(after.People) != 2 || len(after.Activities) != 2 || len(after.Cells) != 4 {
		t.Fatalf("stored: %+v", after)
	}
	if n := historyLen(t, s, pid) - entries; n != 1 {
		t.Fatalf("the import recorded %d history entries, want 1", n)
	}
	undone, err := s.Undo(pid, "Ana", KindCells, KindActivities, KindPeople)
	if err != nil || !strings.Contains(undone.Summary, "RACI imported from raci.csv: 2 people, 2 activities, 4 RACI cells") {
		t.Fatalf("undo: %q %v", undone.Summary, err)
	}
	if got := matrixOf(t, s, pid); !reflect.DeepEqual(got, before) {
		t.Fatalf("after one undo: %+v\nwant %+v", got, before)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("Check: %q %v", problems, err)
	}
}

func TestImportIntoAMatrixAddsAndOneUndoPutsItBack(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	before := matrixOf(t, s, pid)
	entries := historyLen(t, s, pid)
	sheet := model.RACISheet{File: "raci.csv", HeaderRow: 1, PhaseColumn: "B", PhaseHeader: "Phase", Rows: []model.RACISheetRow{
		sheetRow(2, "design DOCUMENT", "Design", "ana", "R/A", "Cy", "C"),
		sheetRow(3, "Launch", "Build", "Bo", "A", "Dée", "R"),
		sheetRow(4, "Build config", "Build", "Bo", "A", "Cy", "R"),
	}}
	rec := s.Recording()
	start, _ := s.LoadProject(pid)
	got, err := rec.ImportRACI(pid, sheet, false, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if got.Created != 3 || got.Changed != 1 || got.Unchanged != 2 || got.Cleared != 0 || got.Plan.MatchedPeople != 3 {
		t.Fatalf("counts: %+v", got)
	}
	d, _ := s.LoadProject(pid)
	dee := model.FindPeople(d.People, "Dée")
	if len(dee) != 1 {
		t.Fatalf("Dée not created: %+v", d.People)
	}
	launch := d.Activities[len(d.Activities)-1]
	if launch.Name != "Launch" || launch.PhaseID != 2 || launch.Order != 3 {
		t.Fatalf("new activity = %+v, want Launch last under Build", launch)
	}
	for _, c := range []struct {
		act, person uint64
		want        model.Role
	}{
		{1, 1, model.Accountable | model.Responsible}, {1, 3, model.Consulted},
		{2, 1, model.Accountable}, {2, 3, model.Responsible}, // rows the file leaves out stay
		{launch.ID, 2, model.Accountable}, {launch.ID, dee[0].ID, model.Responsible},
	} {
		if r := cellOf(t, s, pid, c.act, c.person); r != c.want {
			t.Errorf("cell (%d, %d) = %q, want %q", c.act, c.person, r, c.want)
		}
	}
	// The import's event says every record it wrote.
	cur := &start
	for _, e := range rec.Events() {
		cur = cur.Apply(e)
	}
	if !reflect.DeepEqual(cur.Cells, d.Cells) || !reflect.DeepEqual(cur.People, d.People) || !reflect.DeepEqual(cur.Activities, d.Activities) {
		t.Fatalf("events replay to %+v\nstored %+v", cur.Cells, d.Cells)
	}
	if n := historyLen(t, s, pid) - entries; n != 1 {
		t.Fatalf("the import recorded %d history entries, want 1", n)
	}
	if _, err := s.Undo(pid, "Ana", KindCells); err != nil {
		t.Fatal(err)
	}
	if got := matrixOf(t, s, pid); !reflect.DeepEqual(got, before) {
		t.Fatalf("after one undo: %+v\nwant %+v", got, before)
	}
}

func TestImportWithReplaceClearsTheRest(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	before := matrixOf(t, s, pid)
	sheet := model.RACISheet{File: "raci.csv", HeaderRow: 1, Rows: []model.RACISheetRow{
		sheetRow(2, "Build config", "", "Bo", "A", "Cy", "R"),
	}}
	got, err := s.ImportRACI(pid, sheet, true, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	if got.Cleared != 3 || got.Unchanged != 2 {
		t.Fatalf("counts: %+v", got)
	}
	if d := matrixOf(t, s, pid); len(d.Cells) != 2 || len(d.Activities) != 3 || len(d.People) != 3 {
		t.Fatalf("after replace: %d cells, %d activities, %d people; want 2, 3, 3", len(d.Cells), len(d.Activities), len(d.People))
	}
	if _, err := s.Undo(pid, "Ana"); err != nil {
		t.Fatal(err)
	}
	if got := matrixOf(t, s, pid); !reflect.DeepEqual(got, before) {
		t.Fatalf("after one undo: %+v\nwant %+v", got, before)
	}
}

func TestRefusedImportWritesNothingAndSaysWhere(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	if _, err := s.SavePerson(pid, model.Person{Name: "ANA"}, "t"); err != nil {
		t.Fatal(err)
	}
	before := matrixOf(t, s, pid)
	entries := historyLen(t, s, pid)
	sheet := model.RACISheet{File: "raci.csv", HeaderRow: 1, PhaseColumn: "B", PhaseHeader: "Phase", Rows: []model.RACISheetRow{
		sheetRow(2, "Kickoff", "Launch", "Bo", "A"),
		sheetRow(3, "Brief", "", "Ana", "R", "Bo", "A"),
		sheetRow(4, "New row", "", "Zed", "A"),
	}}
	_, err := s.ImportRACI(pid, sheet, false, "Ana")
	var se *SheetError
	if !errors.As(err, &se) || !errors.Is(err, ErrInvalid) || len(se.Problems) != 2 {
		t.Fatalf("err = %v", err)
	}
	for i, want := range []string{
		`raci.csv: row 1, column C "Ana": 2 people of the project are named "Ana"`,
		`raci.csv: row 2, column B "Phase": the project has no phase "Launch"; its phases: "Design", "Build"`,
	} {
		if got := se.Problems[i].String(); !strings.HasPrefix(got, want) {
			t.Errorf("problem %d = %q\nwant %q…", i+1, got, want)
		}
	}
	if got := matrixOf(t, s, pid); !reflect.DeepEqual(got, before) || historyLen(t, s, pid) != entries {
		t.Fatal("a refused import wrote")
	}
}

// A file that fills every cell as stored writes nothing and records
// nothing.
func TestImportOfTheSameMatrixChangesNothing(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	entries := historyLen(t, s, pid)
	sheet := model.RACISheet{File: "raci.csv", HeaderRow: 1, Rows: []model.RACISheetRow{
		sheetRow(2, "Design review", "", "Ana", "A", "Cy", "R"),
	}}
	got, err := s.ImportRACI(pid, sheet, false, "Ana")
	if err != nil || got.Written() || got.Unchanged != 2 {
		t.Fatalf("import: %+v %v", got, err)
	}
	if historyLen(t, s, pid) != entries {
		t.Fatal("an import that changed nothing was recorded")
	}
}

// BenchmarkImportRACI200x60 imports a 200 × 60 matrix (a large real
// one) into a project with no one yet, and undoes it: one transaction,
// one history entry each.
func BenchmarkImportRACI200x60(b *testing.B) {
	var sheet model.RACISheet
	sheet.File, sheet.HeaderRow = "big.csv", 1
	letters := []model.Role{model.Consulted, model.Informed, model.RoleNone, model.RoleNone, model.Informed}
	for r := range 200 {
		row := model.RACISheetRow{Row: r + 2, Column: "A", NameHeader: "Activity", Name: fmt.Sprintf("Activity %03d", r)}
		for c := range 60 {
			role := letters[(r+c)%len(letters)]
			switch c {
			case r % 60:
				role = model.Accountable | model.Responsible
			case (r + 1) % 60:
				role = model.Responsible
			}
			if role != model.RoleNone {
				who := fmt.Sprintf("Person %02d", c)
				row.Cells = append(row.Cells, model.RACISheetCell{Column: model.ColumnLetter(c + 1), Header: who, Who: who, ByColumn: true, Role: role})
			}
		}
		sheet.Rows = append(sheet.Rows, row)
	}
	s := openT(b, tempPath(b))
	d, err := s.CreateProject(model.ProjectData{Project: model.Project{Name: "Big", Template: "mrm", Start: t0}}, "test")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		got, err := s.ImportRACI(d.Project.ID, sheet, false, "bench")
		if err != nil || got.Created == 0 {
			b.Fatal(err)
		}
		if _, err := s.Undo(d.Project.ID, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
