package raciio

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
)

// matrix is a project with every kind of cell: combined letters, a row
// tied to no phase, a row with no letter, names a spreadsheet would run
// as formulas, accents, two people of one name told apart by handle.
func matrix() model.ProjectData {
	AR := model.Accountable | model.Responsible
	return model.ProjectData{
		Project: model.Project{Name: "Spring launch"},
		Phases:  []model.Phase{{ID: 1, Name: "Conception", Order: 0}, {ID: 2, Name: "=Build", Order: 1}},
		People: []model.Person{
			{ID: 1, Name: "Léa Martin", Team: "marketing"},
			{ID: 2, Name: "Hugo Bernard", Handle: "hugo@acme"},
			{ID: 3, Name: "Hugo Bernard", Handle: "hb2@acme"},
			{ID: 4, Name: "@ops team"},
		},
		Activities: []model.Activity{
			{ID: 1, Name: "Brief", PhaseID: 1, Order: 0},
			{ID: 2, Name: "Assets, v2", PhaseID: 1, Order: 1},
			{ID: 3, Name: "-Go live", PhaseID: 2, Order: 0, Gate: true},
			{ID: 4, Name: "Retro \"lessons\"", Order: 0},
			{ID: 5, Name: "Unassigned", Order: 1},
		},
		Cells: []model.Assignment{
			{ActivityID: 1, PersonID: 1, Role: AR}, {ActivityID: 1, PersonID: 2, Role: model.Consulted},
			{ActivityID: 2, PersonID: 1, Role: model.Accountable}, {ActivityID: 2, PersonID: 3, Role: model.Responsible | model.Consulted},
			{ActivityID: 3, PersonID: 1, Role: model.Informed}, {ActivityID: 3, PersonID: 4, Role: AR},
			{ActivityID: 4, PersonID: 2, Role: model.Accountable | model.Responsible | model.Consulted | model.Informed},
		},
	}
}

// shell is the project with its people, phases and activities but no
// cell: an import of the export must give every cell back and create
// nothing.
func shell() model.ProjectData {
	d := matrix()
	d.Cells = nil
	return d
}

func exportTo(t *testing.T, format Format, opt WriteOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, matrix(), opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "raci."+string(format))
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExportImportRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format Format
		opt    WriteOptions
	}{
		{"csv comma", CSV, WriteOptions{}},
		{"csv semicolon", CSV, WriteOptions{Delimiter: ';'}},
		{"xlsx", XLSX, WriteOptions{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readT(t, exportTo(t, tc.format, tc.opt))
			if res.Shape != Grid {
				t.Fatalf("read back as %v", res.Shape)
			}
			want := matrix()
			// Into the project as it is: nothing to create, nothing to change.
			p, problems := model.PlanRACIImport(want, res.Sheet, false)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if len(p.NewPeople)+len(p.NewActivities) > 0 || !reflect.DeepEqual(p.Preview(want).Cells, want.Cells) {
				t.Fatalf("import of the export changes the matrix: new %+v %+v", p.NewPeople, p.NewActivities)
			}
			// Into the same project emptied: every cell comes back.
			p, problems = model.PlanRACIImport(shell(), res.Sheet, true)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if got := p.Preview(shell()).Cells; !reflect.DeepEqual(got, want.Cells) {
				t.Fatalf("cells:\n got %+v\nwant %+v", got, want.Cells)
			}
			// And the export of what was read is the same file.
			again := p.Preview(shell())
			var a, b bytes.Buffer
			if err := Write(&a, CSV, want, tc.opt); err != nil {
				t.Fatal(err)
			}
			if err := Write(&b, CSV, again, tc.opt); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Fatalf("second export differs:\n%s\n---\n%s", a.String(), b.String())
			}
		})
	}
}

func TestCSVExportLooksAsSpreadsheetsWant(t *testing.T) {
	b, err := os.ReadFile(exportTo(t, CSV, WriteOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i, want := range []string{
		`Activity,Phase,Léa Martin,hugo@acme,hb2@acme,'@ops team`,
		`Brief,Conception,A/R,C,,`,
		`"Assets, v2",Conception,A,,R/C,`,
		`'-Go live,'=Build,I,,,A/R`,
		`"Retro ""lessons""",,,A/R/C/I,,`,
		`Unassigned,,,,,`,
	} {
		if lines[i] != want {
			t.Errorf("line %d = %s\nwant       %s", i+1, lines[i], want)
		}
	}
	semi, _ := os.ReadFile(exportTo(t, CSV, WriteOptions{Delimiter: ';'}))
	if !bytes.HasPrefix(semi, bomUTF8) || !bytes.Contains(semi, []byte("Brief;Conception;A/R;C;;")) {
		t.Errorf("semicolon export: %q", semi[:min(len(semi), 80)])
	}
	if err := Write(&bytes.Buffer{}, CSV, matrix(), WriteOptions{Delimiter: '|'}); err == nil {
		t.Error("a | separator was accepted")
	}
}

func TestXLSXExportFreezesAndColours(t *testing.T) {
	f, err := excelize.OpenFile(exportTo(t, XLSX, WriteOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	panes, err := f.GetPanes("RACI")
	if err != nil || !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 1 {
		t.Fatalf("panes = %+v %v, want the header row and two columns frozen", panes, err)
	}
	colour := func(cell string) string {
		id, err := f.GetCellStyle("RACI", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.Font == nil {
			return ""
		}
		return st.Font.Color
	}
	// C2 is Léa's A/R on Brief, D2 Hugo's C, F4 the ops team's A/R.
	if v, _ := f.GetCellValue("RACI", "C2"); v != "A/R" {
		t.Fatalf("C2 = %q", v)
	}
	if a, c := colour("C2"), colour("D2"); a == "" || c == "" || a == c || colour("F4") != a {
		t.Errorf("colours: A/R %q, C %q, A/R %q: one colour per first letter", a, c, colour("F4"))
	}
	if v, _ := f.GetCellValue("RACI", "A4"); v != "-Go live" {
		t.Errorf("A4 = %q: a workbook keeps text as text, unescaped", v)
	}
}

func TestJSONExport(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, JSON, matrix(), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	var got jsonMatrix
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Project != "Spring launch" || len(got.People) != 4 || len(got.Activities) != 5 {
		t.Fatalf("%+v", got)
	}
	brief := got.Activities[0]
	if brief.Name != "Brief" || brief.Phase != "Conception" || len(brief.Cells) != 2 ||
		!reflect.DeepEqual(brief.Cells[0], jsonCell{Person: "Léa Martin", Letters: "A/R", Roles: []string{"A", "R"}}) {
		t.Fatalf("brief = %+v", brief)
	}
	if !got.Activities[2].Gate || len(got.Activities[4].Cells) != 0 {
		t.Fatalf("gate or empty row: %+v", got.Activities)
	}
}

// A workbook with a cover sheet: the sheet with the matrix is read.
func TestXLSXWithACoverSheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Read me: the matrix is on the next sheet")
	f.NewSheet("Matrice")
	rows := [][]any{
		{"Tâche", "Ana", "Bo"},
		{"Cadrage", "A/R", "C"},
		{"Recette", "A", "R"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Matrice", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "m.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res := readT(t, path)
	if res.SheetName != "Matrice" || len(res.Sheet.Rows) != 2 || !has(cellsOf(res.Sheet), "Cadrage × Ana: A/R") {
		t.Fatalf("read %q: %v", res.SheetName, cellsOf(res.Sheet))
	}
}

func TestBrokenWorkbookIsAProblem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.xlsx")
	os.WriteFile(path, []byte("PK\x03\x04 not really a workbook"), 0o600)
	res, err := ReadFile(path)
	if err != nil || len(res.Problems) != 1 || !strings.Contains(res.Problems[0].String(), "does not open") {
		t.Fatalf("%v %v", res.Problems, err)
	}
}

// Whatever bytes a CSV holds, reading never panics, and every problem
// names the file and says what to do in one line.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"grid-comma.csv", "grid-semicolon-de.csv", "transposed-es.csv", "title-row.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Activity,A\nx,\"A\n/R\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res := &Result{Sheet: model.RACISheet{File: "f.csv"}}
		readCSV(res, bytes.NewReader(data))
		for _, p := range res.Problems {
			s := p.String()
			if !strings.HasPrefix(s, "f.csv") || strings.ContainsAny(s, "\n\r\x1b") {
				t.Fatalf("problem %q", s)
			}
		}
		if len(res.Problems) == 0 {
			model.PlanRACIImport(model.ProjectData{}, res.Sheet, false)
		}
	})
}
