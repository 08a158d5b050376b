package changesio

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
)

// tricky is a set of requests that exercise every column and the cells
// that break naive writers: formulas, quotes, separators, newlines,
// accents, apostrophes, fractional hours, nanosecond times.
func tricky() []model.ChangeRequest {
	created := time.Date(2025, 3, 3, 9, 15, 42, 123456789, time.UTC)
	crs := []model.ChangeRequest{
		{Title: "=HYPERLINK(\"http://x\",\"click\")", Description: "-1 then +2\nsecond line; with, separators", RaisedBy: "@bob",
			RaisedIn: 4, Area: model.AreaSecurity, Impact: 5, Complexity: model.ComplexityHigh, EstimateHrs: 0.25,
			Decision: model.DecisionNow, Status: model.StatusReadyForRetest, Assignee: "+33 6 12"},
		{Title: "'=already quoted", Description: "\ttabbed start", RaisedIn: 5, Area: model.AreaDataFields, Impact: 1,
			Complexity: model.ComplexityLow, EstimateHrs: 10000, Decision: model.DecisionRejected, Status: model.StatusRejected},
		{Title: `Champ « région » "quoted"`, Description: "Élevée, moyenne ; faible", RaisedBy: "Léa Martin", Impact: 3,
			Complexity: model.ComplexityMedium, EstimateHrs: 6.5, Decision: model.DecisionLater, Status: model.StatusDeferred},
		{Title: "Unrated request", Status: model.StatusNew},
		{Title: "'", Description: "'", Decision: model.DecisionNow, Status: model.StatusVerified, Area: model.AreaOther, Assignee: "O'Brien"},
	}
	for i := range crs {
		crs[i].ID = uint64(i + 1)
		crs[i].CreatedAt = created.Add(time.Duration(i) * time.Hour)
	}
	return crs
}

// imported is what an import of exported requests must give: the same,
// with IDs left for the store to give.
func imported(crs []model.ChangeRequest) []model.ChangeRequest {
	out := make([]model.ChangeRequest, len(crs))
	for i, c := range crs {
		c.ID = 0
		out[i] = c
	}
	return out
}

func TestRoundTripEveryFormat(t *testing.T) {
	crs := tricky()
	x := Export{Project: "CRM roll-out", Phases: phases}
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "changes."+string(f))
			if err := WriteFile(path, f, crs, x); err != nil {
				t.Fatal(err)
			}
			res, err := ReadFile(path, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Problems) > 0 || len(res.Ignored) > 0 {
				t.Fatalf("problems %q, ignored %q", problems(res), res.Ignored)
			}
			want := imported(crs)
			if f == XLSX { // Excel dates hold milliseconds
				for i := range want {
					want[i].CreatedAt = want[i].CreatedAt.Round(time.Millisecond)
				}
			}
			if !reflect.DeepEqual(res.Changes, want) {
				for i := range want {
					if i < len(res.Changes) && res.Changes[i] != want[i] {
						t.Errorf("row %d:\n got %+v\nwant %+v", i, res.Changes[i], want[i])
					}
				}
				t.Fatalf("got %d requests, want %d", len(res.Changes), len(want))
			}
		})
	}
}

// The header row of an export names every column the importer knows.
func TestExportHeadersReadBack(t *testing.T) {
	for _, h := range exportHeaders {
		if got := headerNames[fold(h.name)]; got != h.f {
			t.Errorf("header %q reads as field %d, want %d", h.name, got, h.f)
		}
	}
}

// An XLSX fixture as a tester fills it: French headers, a cover sheet, real
// dates and numbers, blank rows at the end. A formula cell has no cached
// value until a spreadsheet computes it: it is refused, naming its cell.
func TestXLSXFixtureWrittenByHand(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Lisez-moi")
	f.SetCellValue("Lisez-moi", "A1", "Remplissez l'onglet Recette")
	f.NewSheet("Recette")
	rows := [][]any{
		{"Titre", "Impact", "Complexité", "Estimation (heures)", "Décision", "Créé le", "Commentaire"},
		{"Ajouter le champ région", 4, "Faible", 6.5, "maintenant", time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC), "urgent"},
		{"Corriger l'export", 2, "élevée", 24, "plus tard", "2025-03-15", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Recette", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellFormula("Recette", "B4", "=1+1")
	f.SetCellValue("Recette", "A4", "Formule")
	f.SetCellValue("Recette", "A6", "")
	path := filepath.Join(t.TempDir(), "recette.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := ReadFile(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheet != "Recette" {
		t.Errorf("read sheet %q, want Recette (the cover sheet has no title column)", res.Sheet)
	}
	if got := problems(res); len(got) != 1 || got[0] != "recette.xlsx:Recette!B4: Impact: this cell holds a formula (=1+1) that was never computed, so it has no value: open the workbook in a spreadsheet, save it, and import it again" {
		t.Fatalf("problems %q", got)
	}
	// Computed (as a spreadsheet saving it would), the row reads.
	f.SetCellValue("Recette", "B4", 2)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if res, err = ReadFile(path, opt); err != nil || len(res.Problems) > 0 {
		t.Fatalf("%v %q", err, problems(res))
	}
	want := []model.ChangeRequest{
		{Title: "Ajouter le champ région", Impact: 4, Complexity: model.ComplexityLow, EstimateHrs: 6.5, Decision: model.DecisionNow, Status: model.StatusTriaged, CreatedAt: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)},
		{Title: "Corriger l'export", Impact: 2, Complexity: model.ComplexityHigh, EstimateHrs: 24, Decision: model.DecisionLater, Status: model.StatusDeferred, CreatedAt: time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC)},
		{Title: "Formule", Impact: 2, CreatedAt: now},
	}
	if !reflect.DeepEqual(res.Changes, want) {
		t.Errorf("read\n%+v\nwant\n%+v", res.Changes, want)
	}
	if !reflect.DeepEqual(res.Ignored, []string{"Commentaire"}) || !reflect.DeepEqual(res.Lines, []int{2, 3, 4}) {
		t.Errorf("ignored %q, lines %v", res.Ignored, res.Lines)
	}
}

func TestXLSXBadRowsReported(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Title", "Impact", "Decision"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Good", 3, "now"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"Bad", 6, "maybe"})
	path := filepath.Join(t.TempDir(), "bad.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := ReadFile(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"bad.xlsx:Sheet1!B3: Impact: 6 is out of range: rate the impact from 1 (least) to 5 (most), or leave it empty",
		`bad.xlsx:Sheet1!C3: Decision: "maybe" is not a decision: use now, later or reject (maintenant, plus tard, rejeté), or leave it empty`,
	}
	if !reflect.DeepEqual(problems(res), want) {
		t.Errorf("problems %q", problems(res))
	}
}

// writeZip writes a zip holding the given files.
func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestXLSXRefusals(t *testing.T) {
	dir := t.TempDir()
	noSheet := filepath.Join(dir, "empty-book.xlsx")
	writeZip(t, noSheet, map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets/></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
	})
	notZip := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(notZip, []byte("title,impact\nA,3\n"), 0o644)
	xls := filepath.Join(dir, "old.xlsx")
	os.WriteFile(xls, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest of an old workbook"), 0o644)
	brokenZip := filepath.Join(dir, "broken.xlsx")
	os.WriteFile(brokenZip, []byte("PK\x03\x04 then nothing a zip reader wants"), 0o644)
	empty := filepath.Join(dir, "zero.xlsx")
	os.WriteFile(empty, nil, 0o644)
	for path, want := range map[string]string{
		noSheet:   "empty-book.xlsx: this workbook has no sheet: add a sheet with a header row (Title, Impact, …) and one row per request",
		notZip:    "notes.xlsx: this is not an XLSX workbook (not a zip file): if it is CSV text, give it the .csv extension",
		xls:       "old.xlsx: this is an old Excel (.xls) or password-protected workbook: save it without a password as .xlsx",
		brokenZip: "broken.xlsx: this workbook does not open (",
		empty:     "zero.xlsx: the file is empty: save the workbook again as .xlsx",
	} {
		res, err := ReadFile(path, opt)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0].String(), want) {
			t.Errorf("%s: problems %q, want %q", filepath.Base(path), problems(res), want)
		}
	}
}

func TestFormatChoice(t *testing.T) {
	for path, want := range map[string]Format{"a.csv": CSV, "A.CSV": CSV, "a.tsv": CSV, "a.xlsx": XLSX, "a.json": JSON} {
		if got, ok := FormatOf(path); !ok || got != want {
			t.Errorf("FormatOf(%s) = %s %v", path, got, ok)
		}
	}
	if _, ok := FormatOf("a.ods"); ok {
		t.Error("ods known")
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}

func ExampleProblem() {
	fmt.Println(Problem{File: "tests.csv", Line: 14, Column: "Impact", Message: "7 is out of range"})
	// Output: tests.csv:14: Impact: 7 is out of range
}
