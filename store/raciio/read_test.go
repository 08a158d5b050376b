package raciio

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"mopdeck/model"
)

// cellsOf writes a sheet's cells as "activity × who: letters" lines,
// sorted, "everyone" for the word that names the rest.
func cellsOf(s model.RACISheet) []string {
	var out []string
	for _, r := range s.Rows {
		for _, c := range r.Cells {
			who := c.Who
			if c.Everyone {
				who = "everyone"
			}
			out = append(out, r.Name+" × "+who+": "+c.Role.String())
		}
	}
	sort.Strings(out)
	return out
}

func has(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

func readT(t *testing.T, path string) *Result {
	t.Helper()
	res, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("%s: problems %v", path, res.Problems)
	}
	return res
}

func TestFixturesOfEveryShape(t *testing.T) {
	tests := []struct {
		file  string
		shape Shape
		delim rune
		rows  int
		phase string
		cells []string
		notes string
	}{
		{"grid-comma.csv", Grid, ',', 10, "", []string{
			"Define campaign goals × Marketing lead: A/R",
			"Set up tracking × Marketing ops: A/R",
			"Review claims × Legal: A/R",
			"Write the brief × Creative director: C",
		}, ""},
		{"grid-semicolon-de.csv", Grid, ';', 8, "", []string{
			"Konzept erstellen × FPL_Primaertechnik: A/R",
			"Umsetzung Primärtechnik × FPL_Primaertechnik: A/R",
			"Umsetzung Sekundärtechnik × FPL_Sekundaertechnik: A/R",
			"Dokumentation × FPL_Primaertechnik: A/R",
			"Abnahmetest × QS_Leitung: A/R",
		}, ""},
		{"grid-fr-cp1252.csv", Grid, ';', 4, "B", []string{
			"Cadrage × Chef de projet: A/R",
			"Maquettes × Studio créa: R",
			"Recette × DSI: R",
		}, "Windows-1252"},
		{"transposed-es.csv", Transposed, ',', 5, "", []string{
			"Diseño de la campaña × Designer: R",
			"Diseño de la campaña × Community: R",
			"Diseño de la campaña × everyone: I",
			"Contenido del blog × Redactor: R",
			"Contenido del blog × Redactor: A",
			"Informe mensual × SEO: R",
		}, ""},
		{"transposed-fr.csv", Transposed, ';', 3, "", []string{
			"Choix de l'outil × Achats: C",
			"Choix de l'outil × Juridique: C",
			"Choix de l'outil × everyone: I",
			"Formation × Directrice marketing: A",
		}, `ignored columns that name no one: "Commentaire"`},
		{"title-row.csv", Grid, ',', 3, "B", []string{"Assets × Bo: A/R", "Go-live × Cy: R"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := readT(t, filepath.Join("testdata", tt.file))
			if res.Shape != tt.shape || res.Delimiter != tt.delim || len(res.Sheet.Rows) != tt.rows || res.Sheet.PhaseColumn != tt.phase {
				t.Fatalf("read as %v, %q, %d rows, phase column %q", res.Shape, res.Delimiter, len(res.Sheet.Rows), res.Sheet.PhaseColumn)
			}
			got := cellsOf(res.Sheet)
			for _, c := range tt.cells {
				if !has(got, c) {
					t.Errorf("no cell %q in\n%s", c, strings.Join(got, "\n"))
				}
			}
			if tt.notes != "" && !strings.Contains(strings.Join(res.Notes, "; "), tt.notes) {
				t.Errorf("notes %q, want %q", res.Notes, tt.notes)
			}
		})
	}
}

// The fixtures import into a project that has their phases and no one
// yet: every person and activity is created, and the rules' problems
// are what the files hold.
func TestFixturesPlanIntoAnEmptyProject(t *testing.T) {
	d := model.ProjectData{Phases: []model.Phase{{ID: 1, Name: "Conception"}, {ID: 2, Name: "Réalisation", Order: 1}, {ID: 3, Name: "Design", Order: 2}, {ID: 4, Name: "Build", Order: 3}}}
	for file, want := range map[string]struct{ people, acts, cells int }{
		"grid-comma.csv":        {6, 10, 51},
		"grid-semicolon-de.csv": {5, 8, 37},
		"grid-fr-cp1252.csv":    {4, 4, 16},
		"transposed-es.csv":     {7, 5, 28}, // "Todos" fills in whoever the row leaves out
		"transposed-fr.csv":     {5, 3, 15},
		"title-row.csv":         {3, 3, 9},
	} {
		res := readT(t, filepath.Join("testdata", file))
		p, problems := model.PlanRACIImport(d, res.Sheet, false)
		if len(problems) > 0 {
			t.Errorf("%s: %v", file, problems)
			continue
		}
		if len(p.NewPeople) != want.people || len(p.NewActivities) != want.acts || len(p.Cells) != want.cells {
			t.Errorf("%s: %d people, %d activities, %d cells; want %+v", file, len(p.NewPeople), len(p.NewActivities), len(p.Cells), want)
		}
	}
}

// With a combined A/R cell, the rows that hold one are not short of an R.
func TestCombinedCellsSatisfyTheRulesAfterReading(t *testing.T) {
	res := readT(t, filepath.Join("testdata", "grid-comma.csv"))
	p, problems := model.PlanRACIImport(model.ProjectData{}, res.Sheet, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	rows, _ := model.ReviewRACI(p.Preview(model.ProjectData{}))
	for _, r := range rows {
		t.Errorf("%q: %s", r.Activity.Name, r.Text())
	}
}

func TestFileProblemsSayWhere(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string
	}{
		{"bad letter", "Activity,Ana,Bo\nKickoff,A,X\nBrief,S,R\n", []string{
			`f.csv: row 2, column C "Bo": "X" is not a RACI letter: write R, A, C or I, or two at once as A/R`,
			`f.csv: row 3, column B "Ana": "S" is not a RACI letter`,
		}},
		{"cell past the header", "Activity,Ana\nKickoff,A,R\n", []string{`f.csv: row 2, column C: a cell right of the last header`}},
		{"letters under no header", "Activity,Ana,\nKickoff,A,R\n", []string{`f.csv: row 2, column C: letters under a column with no header`}},
		{"header only", "Activity,Ana,Bo\n", []string{`f.csv: row 1: the file has a header but no activity under it`}},
		{"empty", "\n\n", []string{`f.csv: the file holds no row`}},
		{"utf-16", "\xff\xfeA\x00", []string{`f.csv: the file is UTF-16 text`}},
		{"binary", "PK\x03\x04\x00\x00", []string{`f.csv: the file is not text`}},
		{"broken quotes", "Activity,Ana\n\"Kick\"off\",A\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.csv")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			res, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == nil {
				return // only: no panic
			}
			if len(res.Problems) != len(tt.want) {
				t.Fatalf("problems %v, want %d", res.Problems, len(tt.want))
			}
			for i, w := range tt.want {
				if got := res.Problems[i].String(); !strings.HasPrefix(got, w) {
					t.Errorf("problem %d = %q\nwant %q…", i+1, got, w)
				}
			}
			if res.Err() == nil {
				t.Error("Err() is nil with problems")
			}
		})
	}
}

func TestReadFileRefusesWhatIsNoFile(t *testing.T) {
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.csv")); err == nil || !strings.Contains(err.Error(), "check the path") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(t.TempDir()); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
}

func TestHeaderWords(t *testing.T) {
	for h, want := range map[string]model.Role{
		"R": model.Responsible, "a": model.Accountable, "R (Responsible)": model.Responsible, "Consulté": model.Consulted,
		"Informado": model.Informed, "Aprobador": model.Accountable, "Verantwortlich": model.Responsible,
	} {
		if got, ok := headerLetter(h); !ok || got != want {
			t.Errorf("headerLetter(%q) = %q %v, want %q", h, got, ok, want)
		}
	}
	for _, h := range []string{"Responsable marketing", "Ana", "", "RA"} {
		if l, ok := headerLetter(h); ok {
			t.Errorf("headerLetter(%q) = %q", h, l)
		}
	}
	for _, h := range []string{"Activity", "Activité", "Aktivität", "Aktivitaet", "Atividade", "Tâche", "Task", "Actividad / Entregable", "Activity/Deliverable", "Área"} {
		if !isActivityHeader(h) {
			t.Errorf("%q is not read as the activity column", h)
		}
	}
}
