package changesio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
	"mopdeck/store"
)

// mrmPhases are phases named as the MRM template names them, so that the
// fixtures' "Recette" and "Formation" find Test and Train by alias.
var mrmPhases = []model.Phase{{ID: 1, Name: "Design"}, {ID: 2, Name: "Build"}, {ID: 3, Name: "Test"}, {ID: 4, Name: "Train"}, {ID: 5, Name: "Deploy"}}

func mrmStore(t *testing.T) (*store.Store, uint64) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "mopdeck.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	d, err := s.CreateProject(model.ProjectData{Project: model.Project{Name: "CRM"}, Phases: mrmPhases}, "me")
	if err != nil {
		t.Fatal(err)
	}
	return s, d.Project.ID
}

// The exports people really have: each imports whole, with its keys,
// statuses on mopdeck's workflow, priorities as impacts and its dates;
// importing it again changes nothing.
func TestEveryFixtureImportsAndReimportsToNothing(t *testing.T) {
	if os.Getenv("MOPDECK_WRITE_FIXTURES") != "" {
		writeRecetteWorkbook(t, filepath.Join("testdata", "recette-fr.xlsx"))
	}
	type check func(t *testing.T, crs []model.ChangeRequest)
	byKey := func(crs []model.ChangeRequest, key string) model.ChangeRequest {
		for _, c := range crs {
			if c.SourceKey == key {
				return c
			}
		}
		t.Fatalf("no request with key %q", key)
		return model.ChangeRequest{}
	}
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	for _, tc := range []struct {
		file  string
		rows  int
		tool  string
		check check
	}{
		{"jira-cloud.csv", 8, "Jira", func(t *testing.T, crs []model.ChangeRequest) {
			c := byKey(crs, "MOPS-101")
			if c.Status != model.StatusNew || c.Impact != 5 || !c.CreatedAt.Equal(utc(2025, 12, 22, 14, 38)) || c.RaisedBy != "Tom Becker" || !strings.Contains(c.Description, "{code}") {
				t.Errorf("MOPS-101 = %+v", c)
			}
			if c := byKey(crs, "MOPS-103"); c.Status != model.StatusVerified || c.Decision != model.DecisionNow || c.Impact != 2 {
				t.Errorf("Done → %+v", c)
			}
			if c := byKey(crs, "MOPS-106"); c.Status != model.StatusRejected || c.Decision != model.DecisionRejected {
				t.Errorf("Won't Do → %+v", c)
			}
			if c := byKey(crs, "MOPS-107"); c.Status != model.StatusNew { // unknown status, its category To Do
				t.Errorf("Selected for Tech Check → %v", c.Status)
			}
		}},
		{"jira-all-fields-pt.csv", 5, "Jira", func(t *testing.T, crs []model.ChangeRequest) {
			c := byKey(crs, "CRMX-12")
			if c.Title != "Campo de consentimento não aparece no formulário" || c.EstimateHrs != 2 || c.Impact != 4 || c.RaisedBy != "João Pereira" || !c.CreatedAt.Equal(utc(2025, 12, 22, 14, 38)) {
				t.Errorf("CRMX-12 = %+v", c)
			}
			if c := byKey(crs, "CRMX-14"); c.Status != model.StatusVerified || !strings.Contains(c.Description, "\n") {
				t.Errorf("CRMX-14 = %+v", c)
			}
			if c := byKey(crs, "CRMX-15"); c.Status != model.StatusNew || c.Impact != 5 {
				t.Errorf("CRMX-15 = %+v", c)
			}
		}},
		{"github-issues.csv", 5, "GitHub", func(t *testing.T, crs []model.ChangeRequest) {
			c := byKey(crs, "41")
			if c.Status != model.StatusNew || !strings.HasPrefix(c.Description, "The hero image") || !c.CreatedAt.Equal(time.Date(2025, 2, 3, 10, 20, 30, 0, time.UTC)) {
				t.Errorf("#41 = %+v", c)
			}
			if c := byKey(crs, "43"); c.Status != model.StatusVerified {
				t.Errorf("closed → %v", c.Status)
			}
		}},
		{"azure-devops.csv", 6, "Azure DevOps", func(t *testing.T, crs []model.ChangeRequest) {
			c := byKey(crs, "1203")
			// 2/3/2025 reads either way: the file's 1/15 and 1/20 say month first.
			if !c.CreatedAt.Equal(utc(2025, 2, 3, 16, 20)) || c.Status != model.StatusVerified || c.Impact != 3 || c.Assignee != "Jane Doe" {
				t.Errorf("1203 = %+v", c)
			}
			if c := byKey(crs, "1204"); c.Status != model.StatusReadyForRetest || c.Impact != 4 {
				t.Errorf("Resolved → %+v", c)
			}
			if c := byKey(crs, "1205"); c.Status != model.StatusRejected {
				t.Errorf("Removed → %v", c.Status)
			}
		}},
		{"servicenow-changes.csv", 8, "ServiceNow", func(t *testing.T, crs []model.ChangeRequest) {
			c := byKey(crs, "CHG0030102")
			if c.Title != "Rotate the API key of the CRM connector" || c.Impact != 5 || c.Status != model.StatusNew || c.RaisedBy != "Ben Carter" {
				t.Errorf("CHG0030102 = %+v", c)
			}
			for key, want := range map[string]model.CRStatus{"CHG0030103": model.StatusTriaged, "CHG0030105": model.StatusInProgress,
				"CHG0030106": model.StatusReadyForRetest, "CHG0030107": model.StatusVerified, "CHG0030108": model.StatusRejected} {
				if got := byKey(crs, key).Status; got != want {
					t.Errorf("%s: %v, want %v", key, got, want)
				}
			}
		}},
		{"glpi-tickets.csv", 6, "GLPI", func(t *testing.T, crs []model.ChangeRequest) {
			c := byKey(crs, "4013")
			if c.Area != model.AreaOther || c.AreaText != "Matériel > Imprimante" || c.Impact != 3 || !c.CreatedAt.Equal(utc(2025, 1, 16, 9, 15)) {
				t.Errorf("4013 = %+v", c)
			}
			if c := byKey(crs, "4012"); c.Status != model.StatusInProgress || c.RaisedBy != "Claire Dubois" || c.Assignee != "Karim Benali" {
				t.Errorf("4012 = %+v", c)
			}
			if c := byKey(crs, "4014"); c.Status != model.StatusDeferred || c.Area != model.AreaSecurity || c.Impact != 5 {
				t.Errorf("En attente → %+v", c)
			}
		}},
		{"french.csv", 3, "", nil},
		{"recette-fr.xlsx", 10, "", func(t *testing.T, crs []model.ChangeRequest) {
			c := byKey(crs, "3")
			if c.RaisedIn != 3 || c.EstimateHrs != 12.5 || c.Complexity != model.ComplexityHigh || !c.CreatedAt.Equal(utc(2025, 3, 5, 0, 0)) {
				t.Errorf("row 3 = %+v", c)
			}
			if c := byKey(crs, "9"); c.RaisedIn != 4 {
				t.Errorf("Formation is not Train: %+v", c)
			}
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s, pid := mrmStore(t)
			path := filepath.Join("testdata", tc.file)
			res, err := Import(s, pid, path, "me", now)
			if err != nil {
				t.Fatalf("%v\n%s", err, strings.Join(problems(res), "\n"))
			}
			if len(res.Plan.Add) != tc.rows || res.Tool != tc.tool {
				t.Fatalf("imported %d of %d rows (tool %q): %s", len(res.Plan.Add), tc.rows, res.Tool, res.Summary())
			}
			crs, err := s.Changes(pid)
			if err != nil {
				t.Fatal(err)
			}
			if tc.check != nil {
				tc.check(t, crs)
			}
			again, err := Import(s, pid, path, "me", now.Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if want := "0 added, 0 updated, " + itoa(tc.rows) + " unchanged"; !strings.HasSuffix(again.Headline(), want) {
				t.Errorf("again: %s, want %q\n%s", again.Headline(), want, strings.Join(PreviewLines(again, "CRM", mrmPhases, 5), "\n"))
			}
			if after, _ := s.Changes(pid); len(after) != tc.rows {
				t.Errorf("%d requests after importing twice, want %d", len(after), tc.rows)
			}
		})
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// writeRecetteWorkbook writes testdata/recette-fr.xlsx, a tester's
// workbook in French: a merged title row and a date above the header, a
// blank row among the requests, a TOTAL row whose formula has no
// computed value. Run with MOPDECK_WRITE_FIXTURES=1 to write it again.
func writeRecetteWorkbook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	const sh = "Recette"
	f.SetSheetName("Sheet1", sh)
	f.SetCellValue(sh, "A1", "Cahier de recette — migration CRM")
	f.MergeCell(sh, "A1", "L1")
	f.SetCellValue(sh, "A2", "Mis à jour le 12/03/2025")
	head := []any{"N°", "Titre", "Description", "Demandeur", "Phase", "Date", "Domaine", "Impact", "Complexité", "Charge (h)", "Décision", "Statut"}
	f.SetSheetRow(sh, "A4", &head)
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	rows := [][]any{
		{1, "Ajouter le champ « source du lead »", "Demandé par les commerciaux", "Léa Martin", "Recette", day(3), "champs de données", 4, "faible", 6.5, "maintenant", "trié"},
		{2, "Renommer l'étape d'approbation", "", "Sam Roy", "Recette", day(4), "flux de travail", 2, "moyenne", 4, "plus tard", "reporté"},
		{3, "Corriger le dédoublonnage des contacts", "Doublons sur l'adresse e-mail", "Léa Martin", "Recette", day(5), "données", 5, "élevée", 12.5, "maintenant", "en cours"},
		{4, "Le bouton Valider ne répond pas", "", "Hugo Martin", "UAT", day(6), "workflow", 5, "faible", 2, "maintenant", "à retester"},
		{5, "Export PDF illisible", "Police trop petite", "Sam Roy", "Recette", day(7), "rapports", 2, "élevée", 30, "plus tard", "nouveau"},
		nil, // a blank row between requests
		{6, "Droits des agences trop larges", "", "Claire Dubois", "Recette", day(10), "sécurité", 5, "moyenne", 16, "maintenant", "vérifié"},
		{7, "Synchroniser le budget vers l'ERP", "", "Claire Dubois", "Recette", day(11), "intégration", 3, "élevée", 40, "plus tard", "reporté"},
		{8, "Aide contextuelle sur le champ Canal", "", "Hugo Martin", "Recette", day(11), "autre", 1, "faible", 1, "rejeté", "rejeté"},
		{9, "Support de formation incomplet", "", "Léa Martin", "Formation", day(12), "", 2, "faible", 3, "maintenant", "nouveau"},
		{10, "Couleurs du thème par marque", "", "Sam Roy", "Recette", day(12), "Charte graphique", 1, "élevée", 24, "rejeté", "rejeté"},
	}
	for i, r := range rows {
		if r == nil {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(1, 5+i)
		f.SetSheetRow(sh, cell, &r)
	}
	date := "dd/mm/yyyy"
	style, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &date})
	f.SetCellStyle(sh, "F5", "F15", style)
	f.SetCellValue(sh, "A16", "TOTAL")
	f.SetCellFormula(sh, "J16", "SUM(J5:J15)")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
