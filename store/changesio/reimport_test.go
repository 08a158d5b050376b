package changesio

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
	"mopdeck/store"
)

// seeded is a project with three requests, one of them imported from
// Jira with its key.
func seeded(t *testing.T) (*store.Store, uint64, []model.ChangeRequest) {
	t.Helper()
	s, pid := mrmStore(t)
	crs := []model.ChangeRequest{
		{Title: "Add a region field", RaisedBy: "Léa", CreatedAt: now, Impact: 3, Complexity: model.ComplexityLow, Status: model.StatusNew},
		{Title: "Fix the approval mail", CreatedAt: now.Add(time.Hour), Impact: 4, Decision: model.DecisionNow, Status: model.StatusTriaged, RaisedIn: 3},
		{Title: "Sync budgets", CreatedAt: now.Add(2 * time.Hour), SourceKey: "MOPS-7", Area: model.AreaOther, AreaText: "Database", Status: model.StatusNew},
	}
	saved, err := s.ImportChanges(pid, crs, "me")
	if err != nil {
		t.Fatal(err)
	}
	return s, pid, saved
}

// editCSV rewrites cells of a CSV export as a spreadsheet user would:
// edit(header, row) changes a row in place.
func editCSV(t *testing.T, path string, edit func(head []string, row []string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		edit(recs[0], r)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true // as Excel saves it
	w.WriteAll(recs)
	out.Close()
}

func col(head []string, name string) int {
	for i, h := range head {
		if h == name {
			return i
		}
	}
	panic(name)
}

// Export, change cells as a spreadsheet user would, import again: the
// requests are updated in place, with history, nothing is added; one undo
// puts them back.
func TestExportEditReimportUpdatesInPlace(t *testing.T) {
	for _, format := range []Format{CSV, XLSX, JSON} {
		t.Run(string(format), func(t *testing.T) {
			s, pid, saved := seeded(t)
			path := filepath.Join(t.TempDir(), "changes."+string(format))
			if err := WriteFile(path, format, saved, Export{Phases: mrmPhases}); err != nil {
				t.Fatal(err)
			}
			// Untouched, the export imports to nothing.
			res, err := Import(s, pid, path, "me", now.Add(time.Hour))
			if err != nil || !strings.HasSuffix(res.Headline(), "0 added, 0 updated, 3 unchanged") {
				t.Fatalf("%v: %s", err, res.Headline())
			}
			switch format {
			case CSV:
				editCSV(t, path, func(head, row []string) {
					switch row[col(head, "ID")] {
					case "CR-1":
						row[col(head, "Status")] = "triaged"
						row[col(head, "Impact")] = "5"
					case "CR-3":
						row[col(head, "Title")] = "Sync approved budgets to the ERP"
					}
				})
			case XLSX:
				f, err := excelize.OpenFile(path)
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellValue("Change requests", "L2", "triaged")
				f.SetCellValue("Change requests", "H2", 5)
				f.SetCellValue("Change requests", "B4", "Sync approved budgets to the ERP")
				if err := f.Save(); err != nil {
					t.Fatal(err)
				}
				f.Close()
			case JSON:
				b, _ := os.ReadFile(path)
				text := strings.Replace(string(b), `"impact": 3`, `"impact": 5`, 1)
				text = strings.Replace(text, `"status": "new"`, `"status": "triaged"`, 1)
				text = strings.Replace(text, `"Sync budgets"`, `"Sync approved budgets to the ERP"`, 1)
				os.WriteFile(path, []byte(text), 0o644)
			}
			before, _ := s.History(pid, 0)
			res, err = Import(s, pid, path, "Sam", now.Add(2*time.Hour))
			if err != nil {
				t.Fatalf("%v\n%q", err, problems(res))
			}
			if !strings.HasSuffix(res.Headline(), "0 added, 2 updated, 1 unchanged") {
				t.Fatalf("%s", res.Headline())
			}
			crs, _ := s.Changes(pid)
			if len(crs) != 3 || crs[0].Status != model.StatusTriaged || crs[0].Impact != 5 || crs[2].Title != "Sync approved budgets to the ERP" ||
				crs[2].SourceKey != "MOPS-7" || crs[2].AreaText != "Database" || crs[1] != saved[1] {
				t.Fatalf("after the re-import: %+v", crs)
			}
			after, _ := s.History(pid, 0)
			if len(after) != len(before)+1 || !strings.Contains(after[len(after)-1].Summary, "2 updated (CR-1, CR-3)") {
				t.Fatalf("history: %d → %d entries, last %q", len(before), len(after), after[len(after)-1].Summary)
			}
			if _, err := s.Undo(pid, "Sam"); err != nil {
				t.Fatal(err)
			}
			if back, _ := s.Changes(pid); !sameAll(back, saved) {
				t.Errorf("one undo gives\n%+v\nwant\n%+v", back, saved)
			}
		})
	}
}

func sameAll(a, b []model.ChangeRequest) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameCR(a[i], b[i]) {
			return false
		}
	}
	return true
}

// A re-import that adds and updates is one history entry: one undo
// removes the added requests and restores the updated ones.
func TestReimportAddingAndUpdatingIsOneUndo(t *testing.T) {
	s, pid, saved := seeded(t)
	path := filepath.Join(t.TempDir(), "jira.csv")
	os.WriteFile(path, []byte("Summary,Issue key,Status\nSync budgets,MOPS-7,Done\nNew thing,MOPS-8,To Do\n"), 0o644)
	res, err := Import(s, pid, path, "me", now)
	if err != nil || !strings.HasSuffix(res.Headline(), "1 added, 1 updated, 0 unchanged") {
		t.Fatalf("%v %s", err, res.Headline())
	}
	crs, _ := s.Changes(pid)
	if len(crs) != 4 || crs[2].Status != model.StatusVerified || crs[2].Decision != model.DecisionNow || crs[3].SourceKey != "MOPS-8" {
		t.Fatalf("%+v", crs)
	}
	if _, err := s.Undo(pid, "me"); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.Changes(pid); !sameAll(back, saved) {
		t.Errorf("after one undo: %+v", back)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}

// An impact taken from a priority fills an unrated request, and never
// overwrites what the lead rated in mopdeck; a decision implied by a
// status fills an undecided one only.
func TestInferredValuesGiveWayToTheLeads(t *testing.T) {
	s, pid, _ := seeded(t)
	if _, err := s.UpdateChange(pid, 3, "me", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Impact, c.Decision, c.Status = 2, model.DecisionLater, model.StatusDeferred
		return c, nil
	}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "jira.csv")
	os.WriteFile(path, []byte("Summary,Issue key,Status,Priority\nSync budgets,MOPS-7,In Progress,Highest\n"), 0o644)
	if _, err := Import(s, pid, path, "me", now); err != nil {
		t.Fatal(err)
	}
	crs, _ := s.Changes(pid)
	if c := crs[2]; c.Impact != 2 || c.Decision != model.DecisionLater || c.Status != model.StatusInProgress {
		t.Errorf("the lead's impact and decision were overwritten: %+v", c)
	}
}

func TestDuplicatesAndKeys(t *testing.T) {
	s, pid, _ := seeded(t)
	dir := t.TempDir()
	// Without a key, a row like a request already there is skipped.
	noKey := filepath.Join(dir, "again.csv")
	os.WriteFile(noKey, []byte("Title,Raised by\nAdd a region field,Léa\nSomething new,Léa\n"), 0o644)
	res, err := Import(s, pid, noKey, "me", now)
	if err != nil || !strings.HasSuffix(res.Headline(), "1 added, 0 updated, 0 unchanged, 1 row skipped as probable duplicates") {
		t.Fatalf("%v %s", err, res.Headline())
	}
	res, err = ImportFile(s, pid, noKey, "me", ImportOptions{Options: Options{Now: now}, AllowDuplicates: true})
	if err != nil || !strings.HasSuffix(res.Headline(), "2 added, 0 updated, 0 unchanged") {
		t.Fatalf("--allow-duplicates: %v %s", err, res.Headline())
	}
	// A key twice in one file is refused, naming both rows.
	twice := filepath.Join(dir, "twice.csv")
	os.WriteFile(twice, []byte("Summary,Issue key\nA,K-1\nB,K-2\nC,K-1\n"), 0o644)
	res, err = Import(s, pid, twice, "me", now)
	if err == nil || len(res.Problems) != 1 || res.Problems[0].String() != `twice.csv: Issue key: "K-1" is the key of more than one row (2 rows: 2, 4): keep one row per key` {
		t.Errorf("%v %q", err, problems(res))
	}
}

// A CR number from another project's export is not this project's
// request: it is added, and next time it is a probable duplicate.
func TestAnotherProjectsExportIsAdded(t *testing.T) {
	s, pid, _ := seeded(t)
	path := filepath.Join(t.TempDir(), "other.csv")
	os.WriteFile(path, []byte("ID,Title,Created\nCR-1,Unrelated request,2024-05-05T10:00:00Z\n"), 0o644)
	res, err := Import(s, pid, path, "me", now)
	if err != nil || !strings.HasSuffix(res.Headline(), "1 added, 0 updated, 0 unchanged") {
		t.Fatalf("%v %s", err, res.Headline())
	}
	crs, _ := s.Changes(pid)
	if crs[0].Title != "Add a region field" || crs[3].Title != "Unrelated request" {
		t.Fatalf("%+v", crs)
	}
	if res, _ := Import(s, pid, path, "me", now); !strings.HasSuffix(res.Headline(), "0 added, 0 updated, 0 unchanged, 1 row skipped as probable duplicates") {
		t.Errorf("again: %s", res.Headline())
	}
}

func TestDateOrderInferredOrRefused(t *testing.T) {
	read := func(text string, order model.DateOrder) *Result {
		return ReadCSV(strings.NewReader(text), "d.csv", Options{Now: now, DateOrder: order})
	}
	// Every date reads two ways: refused, naming what to say.
	res := read("Title,Created\nA,8/12/2025\nB,3/4/2025\n", model.OrderUnknown)
	want := `d.csv:2: Created: every numeric date of the file reads two ways ("8/12/2025" is 8 December day first, 12 August month first; 2 such dates): say which with --date-order dmy or --date-order mdy`
	if got := problems(res); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q", got)
	}
	// Said: read so.
	res = read("Title,Created\nA,8/12/2025\nB,3/4/2025\n", model.MonthFirst)
	if len(res.Problems) > 0 || res.Changes[0].CreatedAt.Month() != time.August {
		t.Errorf("mdy: %q %v", problems(res), res.Changes)
	}
	// One date shows the order: the others follow it, and a note says so.
	res = read("Title,Created\nA,8/12/2025\nB,25/4/2025\n", model.OrderUnknown)
	if len(res.Problems) > 0 || res.Changes[0].CreatedAt.Month() != time.December || res.DateOrder != model.DayFirst ||
		len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "dates read day first") {
		t.Errorf("inferred: %q %v %v %q", problems(res), res.Changes, res.DateOrder, res.Notes)
	}
	// Both orders in one file: refused.
	res = read("Title,Created\nA,25/4/2025\nB,4/25/2025\n", model.OrderUnknown)
	if got := problems(res); len(got) != 1 || !strings.Contains(got[0], "dates are written in both orders") {
		t.Errorf("mixed: %q", got)
	}
	// Said, but a date contradicts it.
	res = read("Title,Created\nA,25/4/2025\n", model.MonthFirst)
	if got := problems(res); len(got) != 1 || !strings.Contains(got[0], `"25/4/2025" does not read month first`) {
		t.Errorf("contradicted: %q", got)
	}
}

func TestMapAndMapValue(t *testing.T) {
	text := "Thing,Where,State,Cat\nRotate keys,Recette,Selected for Tech Check,Database\nOld job,Sprint 4,Aborted,Hardware\n"
	m := NewMapping()
	for _, spec := range []string{"Thing=title", "Where=phase", "Cat=area"} {
		if err := m.AddColumn(spec); err != nil {
			t.Fatal(err)
		}
	}
	for _, spec := range []string{"status:Selected for Tech Check=triaged", "status:Aborted=rejected", "phase:Sprint 4=Build", "area:Hardware=other"} {
		if err := m.AddValue(spec); err != nil {
			t.Fatal(err)
		}
	}
	res := ReadCSV(strings.NewReader(text), "m.csv", Options{Now: now, Phases: mrmPhases, Mapping: m})
	if len(res.Problems) > 0 || len(res.Changes) != 2 {
		t.Fatalf("%q", problems(res))
	}
	a, b := res.Changes[0], res.Changes[1]
	if a.Title != "Rotate keys" || a.RaisedIn != 3 || a.Status != model.StatusTriaged || a.Area != model.AreaOther || a.AreaText != "Database" {
		t.Errorf("row 1: %+v", a)
	}
	if b.RaisedIn != 2 || b.Status != model.StatusRejected || b.AreaText != "" {
		t.Errorf("row 2: %+v", b)
	}
	// Without the mapping the file says what to do.
	res = ReadCSV(strings.NewReader(text), "m.csv", Options{Now: now, Phases: mrmPhases})
	if got := problems(res); len(got) != 1 || !strings.Contains(got[0], "no title column") || !strings.Contains(got[0], "--map") {
		t.Errorf("unmapped: %q", got)
	}
	for _, bad := range []string{"Thing", "Thing=colour", "=title"} {
		if err := m.AddColumn(bad); err == nil {
			t.Errorf("--map %q accepted", bad)
		}
	}
	for _, bad := range []string{"status:Aborted=gone", "colour:red=blue", "status=new", "title:x=y"} {
		if err := m.AddValue(bad); err == nil {
			t.Errorf("--map-value %q accepted", bad)
		}
	}
	// The mapping round-trips through a profile.
	again, err := MappingFrom(m.Profile())
	if err != nil {
		t.Fatal(err)
	}
	res = ReadCSV(strings.NewReader(text), "m.csv", Options{Now: now, Phases: mrmPhases, Mapping: again})
	if len(res.Problems) > 0 || res.Changes[1].Status != model.StatusRejected {
		t.Errorf("from the profile: %q", problems(res))
	}
}

// A profile is kept in the database by name, folded.
func TestProfilesAreSaved(t *testing.T) {
	s, _ := mrmStore(t)
	p := model.ImportProfile{Name: "Jira", Columns: map[string]string{"Thing": "title"}, DateOrder: "dmy"}
	if err := s.SaveImportProfile(p); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.ImportProfile(" jira ")
	if err != nil || !ok || got.Columns["Thing"] != "title" || got.DateOrder != "dmy" {
		t.Fatalf("%+v %v %v", got, ok, err)
	}
	if _, ok, _ := s.ImportProfile("glpi"); ok {
		t.Error("an unknown profile was found")
	}
	if names, _ := s.ImportProfiles(); len(names) != 1 || names[0] != "Jira" {
		t.Errorf("profiles %q", names)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}

// A sheet's header below a title, a named sheet and header row, and the
// refusal of a sheet that is not there.
func TestXLSXSheetAndHeaderRow(t *testing.T) {
	path := filepath.Join("testdata", "recette-fr.xlsx")
	res, err := ReadFile(path, Options{Now: now, Phases: mrmPhases, Sheet: "recette", HeaderRow: 4})
	if err != nil || len(res.Problems) > 0 || len(res.Changes) != 10 || res.Lines[0] != 5 {
		t.Fatalf("%v %q %d %v", err, problems(res), len(res.Changes), res.Lines)
	}
	res, _ = ReadFile(path, Options{Now: now, Sheet: "Tests"})
	if got := problems(res); len(got) != 1 || got[0] != `recette-fr.xlsx: the workbook has no sheet "Tests": its sheets are "Recette"` {
		t.Errorf("%q", got)
	}
	// The header row named wrong: the row there says what is missing.
	res, _ = ReadFile(path, Options{Now: now, HeaderRow: 2})
	if got := problems(res); len(got) != 1 || !strings.HasPrefix(got[0], "recette-fr.xlsx:Recette!2: title: no title column") {
		t.Errorf("%q", got)
	}
}

// Two rows that stand for one request refuse the import.
func TestTwoRowsForOneRequestAreRefused(t *testing.T) {
	s, pid, _ := seeded(t)
	path := filepath.Join(t.TempDir(), "both.csv")
	os.WriteFile(path, []byte("ID,Title,Source key\nCR-3,Sync budgets,\n,Sync budgets again,MOPS-7\n"), 0o644)
	before, _ := s.Changes(pid)
	res, err := Import(s, pid, path, "me", now)
	if err == nil || len(res.Problems) != 1 || res.Problems[0].String() != "both.csv:3: this row and row 2 both stand for CR-3: keep one of them" {
		t.Fatalf("%v %q", err, problems(res))
	}
	if after, _ := s.Changes(pid); !sameAll(after, before) {
		t.Error("a refused import changed the project")
	}
}

// A file whose rows are known by their link alone (a GitHub project's
// export) updates in place when imported again with a changed status.
func TestALinkKeyedFileReimportsInPlace(t *testing.T) {
	s, pid, _ := seeded(t)
	path := filepath.Join(t.TempDir(), "project.csv")
	write := func(status string) {
		os.WriteFile(path, []byte("Title,URL,Status\nBrief form loses budget,https://github.com/acme/mrm/issues/12,"+status+"\n"), 0o644)
	}
	write("Todo")
	if res, err := Import(s, pid, path, "me", now); err != nil || !strings.HasSuffix(res.Headline(), "1 added, 0 updated, 0 unchanged") {
		t.Fatalf("%v %s", err, res.Headline())
	}
	write("In Progress")
	if res, err := Import(s, pid, path, "me", now); err != nil || !strings.HasSuffix(res.Headline(), "0 added, 1 updated, 0 unchanged") {
		t.Fatalf("again: %v %s", err, res.Headline())
	}
}
