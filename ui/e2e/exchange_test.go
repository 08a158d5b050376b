package e2e

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exchangeDB makes a database with two projects from the same template.
func exchangeDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "exchange.db")
	for _, name := range []string{"Source", "Target"} {
		if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "--start", "2027-01-04", name); code != 0 {
			t.Fatalf("new %s: %s", name, errOut)
		}
	}
	return db
}

func exchangeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func dbSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// testerSheet is a French Excel export: BOM, semicolons, CRLF, a cell over
// two lines, a formula-like cell, an unknown column, blank trailing rows.
const testerSheet = "\ufeffTitre;Description;Impact;Complexité;Estimation (heures);Décision;Statut;Phase;Demandeur;Créé le;Couleur\r\n" +
	"Ajouter le champ région;\"Deux\r\nlignes\";4;faible;6,5;maintenant;trié;Test;Léa;15/03/2027;bleu\r\n" +
	"=SOMME(A1:A2);;2;élevée;40;plus tard;nouveau;;Sam;2027-03-16;\r\n" +
	"\"Corriger \"\"l'export\"\"\";-1 ligne;5;moyenne;;rejeté;rejeté;Train;;2027-03-17 10:30;vert\r\n" +
	";;;;;;;;;;\r\n;;;;;;;;;;\r\n"

func TestImportExportRoundTripEveryFormat(t *testing.T) {
	db := exchangeDB(t)
	dir := t.TempDir()
	sheet := exchangeFile(t, dir, "recette.csv", []byte(testerSheet))

	before := dbSum(t, db)
	out, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", sheet, "--project", "Source", "--dry-run")
	if code != 0 || !strings.Contains(out, `would import 3 change requests into "Source"`) || !strings.Contains(out, "dry run: nothing was written") {
		t.Fatalf("dry run: %q %q (exit %d)", out, errOut, code)
	}
	if !strings.Contains(errOut, `ignored columns mopdeck does not know: "Couleur"`) {
		t.Errorf("unknown column not reported: %q", errOut)
	}
	if dbSum(t, db) != before {
		t.Fatal("a dry run changed the database")
	}
	out, errOut, code = mopdeck(t, nil, "--db", db, "--project", "Source", "import", "changes", sheet)
	if code != 0 || !strings.Contains(out, `imported 3 change requests from recette.csv (CR-1 to CR-3) into "Source"`) {
		t.Fatalf("import: %q %q (exit %d)", out, errOut, code)
	}
	first, errOut, code := mopdeck(t, nil, "--db", db, "export", "changes", "--project", "Source")
	if code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	if !strings.Contains(first, "'=SOMME(A1:A2)") || !strings.Contains(first, "'-1 ligne") || !strings.Contains(first, "\"Deux\nlignes\"") {
		t.Errorf("export does not escape formulas or keep the newline:\n%s", first)
	}

	// Each format out of Source and into a fresh project gives the same CSV.
	for _, format := range []string{"csv", "xlsx", "json"} {
		t.Run(format, func(t *testing.T) {
			db := exchangeDB(t)
			if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", sheet, "--project", "Source"); code != 0 {
				t.Fatal(errOut)
			}
			file := filepath.Join(t.TempDir(), "out."+format)
			if _, errOut, code := mopdeck(t, nil, "--db", db, "export", "changes", "--format", format, "-o", file, "--project", "Source"); code != 0 {
				t.Fatalf("export: %s", errOut)
			}
			if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", file, "--project", "Target"); code != 0 {
				t.Fatalf("import back: %s", errOut)
			}
			again, _, _ := mopdeck(t, nil, "--db", db, "export", "changes", "--project", "Target")
			if again != first {
				t.Errorf("round trip through %s changed the requests:\n%s\nwant\n%s", format, again, first)
			}
		})
	}
}

func TestBadFilesChangeNothing(t *testing.T) {
	db := exchangeDB(t)
	dir := t.TempDir()
	binary := make([]byte, 50<<20)
	rand.Read(binary)
	noSheet := filepath.Join(dir, "no-sheet.xlsx")
	emptyWorkbook(t, noSheet)
	for _, tc := range []struct {
		name, file string
		want       []string
	}{
		{"missing title column", exchangeFile(t, dir, "no-title.csv", []byte("owner;impact\r\nA;3\r\n")),
			[]string{`no-title.csv:1: title: no title column (found "owner", "impact")`}},
		{"values out of range", exchangeFile(t, dir, "range.csv", []byte("title,impact,estimate,decision\nok,2,1,now\nA,9,1,now\nB,3,-4,soon\n")),
			[]string{
				"range.csv:3: impact: 9 is out of range: rate the impact from 1 (least) to 5 (most)",
				"range.csv:4: estimate: -4 is out of range: estimate from 0 to 10000 hours",
				`range.csv:4: decision: "soon" is not a decision`,
				"range.csv was refused (3 problems listed above): nothing was imported",
			}},
		{"50 MB binary renamed .csv", exchangeFile(t, dir, "photo.csv", binary),
			[]string{"photo.csv: this is not CSV text (a binary byte at offset"}},
		{"XLSX with no sheet", noSheet,
			[]string{"no-sheet.xlsx: this workbook has no sheet: add a sheet with a header row"}},
		{"CSV named .xlsx", exchangeFile(t, dir, "sheet.xlsx", []byte("title\nA\n")),
			[]string{"sheet.xlsx: this is not an XLSX workbook (not a zip file)"}},
		{"header only", exchangeFile(t, dir, "empty.csv", []byte("title,impact\n")),
			[]string{"empty.csv holds no change request"}},
		{"missing file", filepath.Join(dir, "nope.csv"), []string{"cannot open", "no such file"}},
		{"bad quotes", exchangeFile(t, dir, "quotes.csv", []byte("title,impact\nok,1\nA \"x\" B,3\n")),
			[]string{`quotes.csv:3: the CSV does not read: bare " in non-quoted-field`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := dbSum(t, db)
			out, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", tc.file, "--project", "Target")
			if code != 1 {
				t.Errorf("exit %d, want 1; stdout %q", code, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if dbSum(t, db) != before {
				t.Error("the database changed")
			}
		})
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	_, errOut, code := mopdeck(t, nil, "--db", missing, "import", "changes", exchangeFile(t, dir, "ok.csv", []byte("title\nA\n")))
	if _, err := os.Stat(missing); code != 1 || !strings.Contains(errOut, "does not exist: create a project first") || err == nil {
		t.Errorf("import into a missing database: %q (exit %d, stat %v)", errOut, code, err)
	}
	// Nothing of any refused file reached the project.
	out, _, _ := mopdeck(t, nil, "--db", db, "export", "changes", "--format", "json", "--project", "Target")
	var doc struct{ Changes []any }
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Changes) != 0 {
		t.Errorf("Target holds %d changes (%v)", len(doc.Changes), err)
	}
}

// emptyWorkbook writes the smallest XLSX package with no sheet at all.
func emptyWorkbook(t *testing.T, path string) {
	t.Helper()
	const rels = "http://schemas.openxmlformats.org/package/2006/relationships"
	files := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + rels + `"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + rels + `"></Relationships>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestProjectBundleOfflineSession(t *testing.T) {
	db := exchangeDB(t)
	dir := t.TempDir()
	sheet := exchangeFile(t, dir, "recette.csv", []byte(testerSheet))
	if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", sheet, "--project", "Source"); code != 0 {
		t.Fatal(errOut)
	}
	bundle := filepath.Join(dir, "source.json")
	_, errOut, code := mopdeck(t, nil, "--db", db, "export", "project", "Source", "-o", bundle)
	if code != 0 || !strings.Contains(errOut, `exported project "Source"`) {
		t.Fatalf("export project: %q (exit %d)", errOut, code)
	}
	report := func(db, project string) string {
		out, errOut, code := mopdeck(t, nil, "--db", db, "--project", project, "export", "changes")
		if code != 0 {
			t.Fatal(errOut)
		}
		return out
	}
	want := report(db, "Source")

	before := dbSum(t, db)
	_, errOut, code = mopdeck(t, nil, "--db", db, "import", "project", bundle)
	if code != 1 || !strings.Contains(errOut, `a project named "Source" already exists: add --replace`) || !strings.Contains(errOut, "--as NEW-NAME") {
		t.Fatalf("existing name: %q (exit %d)", errOut, code)
	}
	if dbSum(t, db) != before {
		t.Fatal("a refused bundle import changed the database")
	}
	out, errOut, code := mopdeck(t, nil, "--db", db, "import", "project", bundle, "--as", "Source (offsite)")
	if code != 0 || !strings.Contains(out, `imported project "Source (offsite)"`) {
		t.Fatalf("--as: %q %q (exit %d)", out, errOut, code)
	}
	if got := report(db, "Source (offsite)"); got != want {
		t.Errorf("the copy's requests differ:\n%s\nwant\n%s", got, want)
	}
	if out, errOut, code = mopdeck(t, nil, "--db", db, "import", "project", "--replace", bundle); code != 0 {
		t.Fatalf("--replace: %q %q (exit %d)", out, errOut, code)
	}
	if got := report(db, "Source"); got != want {
		t.Errorf("the replaced project's requests differ")
	}
	// A fresh laptop: the bundle brings the history along.
	other := filepath.Join(t.TempDir(), "laptop.db")
	if _, errOut, code := mopdeck(t, nil, "--db", other, "import", "project", bundle); code != 0 {
		t.Fatal(errOut)
	}
	rep, _, _ := mopdeck(t, nil, "--db", other, "--project", "Source", "report")
	if !strings.Contains(rep, "imported") {
		t.Errorf("the report's history does not show the import:\n%s", rep)
	}

	// A bundle from a newer mopdeck is refused.
	data, _ := os.ReadFile(bundle)
	newer := exchangeFile(t, dir, "newer.json", bytes.Replace(data, []byte(`"version":3`), []byte(`"version":4`), 1))
	before = dbSum(t, other)
	_, errOut, code = mopdeck(t, nil, "--db", other, "import", "project", newer, "--replace")
	if code != 1 || !strings.Contains(errOut, "newer mopdeck (bundle version 4 > 3)") || dbSum(t, other) != before {
		t.Errorf("newer bundle: %q (exit %d)", errOut, code)
	}
	_, errOut, code = mopdeck(t, nil, "--db", other, "import", "project", bundle, "--replace", "--as", "X")
	if code != 1 || !strings.Contains(errOut, "not both") {
		t.Errorf("both flags: %q (exit %d)", errOut, code)
	}
}

func TestBackupOpensAndPassesCheck(t *testing.T) {
	db := exchangeDB(t)
	out, errOut, code := mopdeck(t, nil, "--db", db, "check")
	if code != 0 || !strings.Contains(out, "ok: ") {
		t.Fatalf("check: %q %q (exit %d)", out, errOut, code)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	out, errOut, code = mopdeck(t, nil, "--db", db, "backup", "-o", backup)
	if code != 0 || !strings.Contains(out, "checked: no problems") {
		t.Fatalf("backup: %q %q (exit %d)", out, errOut, code)
	}
	if out, errOut, code = mopdeck(t, nil, "--db", backup, "check"); code != 0 || !strings.Contains(out, "ok: ") {
		t.Fatalf("check of the backup: %q %q (exit %d)", out, errOut, code)
	}
	a, _, _ := mopdeck(t, nil, "--db", db, "--project", "Source", "export", "project")
	b, _, _ := mopdeck(t, nil, "--db", backup, "--project", "Source", "export", "project")
	strip := regexp.MustCompile(`"exported_at":"[^"]*"`)
	if a == "" || strip.ReplaceAllString(a, "") != strip.ReplaceAllString(b, "") {
		t.Error("the backup does not hold the same project")
	}

	// Without -o the backup goes beside the database, named by the time.
	out, errOut, code = mopdeck(t, nil, "--db", db, "backup")
	m := regexp.MustCompile(`to (\S+exchange-\d{8}-\d{6}\.db) `).FindStringSubmatch(out)
	if code != 0 || m == nil || filepath.Dir(m[1]) != filepath.Dir(db) {
		t.Fatalf("default backup: %q %q (exit %d)", out, errOut, code)
	}
	if _, err := os.Stat(m[1]); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = mopdeck(t, nil, "--db", db, "backup", "-o", db)
	if code != 1 || !strings.Contains(errOut, "is the database itself") {
		t.Errorf("backup over itself: %q (exit %d)", errOut, code)
	}
}

func TestCheckReportsDamage(t *testing.T) {
	db := exchangeDB(t)
	data, _ := os.ReadFile(db)
	// Scribble over the pages after the two meta pages and the freelist.
	for i := 4 * 4096; i < len(data) && i < 12*4096; i++ {
		data[i] = byte(i * 7)
	}
	bad := exchangeFile(t, t.TempDir(), "bad.db", data)
	out, errOut, code := mopdeck(t, nil, "--db", bad, "check")
	if code != 1 || out == "" || !strings.Contains(errOut, "problem") {
		t.Errorf("damaged file: %q %q (exit %d)", out, errOut, code)
	}
	_, errOut, code = mopdeck(t, nil, "--db", filepath.Join(t.TempDir(), "none.db"), "check")
	if code != 1 || !strings.Contains(errOut, "does not exist") {
		t.Errorf("missing file: %q (exit %d)", errOut, code)
	}
	notes := exchangeFile(t, t.TempDir(), "notes.db", []byte("not a database"))
	_, errOut, code = mopdeck(t, nil, "--db", notes, "check")
	if code != 1 || !strings.Contains(errOut, "not a mopdeck database") {
		t.Errorf("foreign file: %q (exit %d)", errOut, code)
	}
}

func TestExchangeCommandsHaveHelp(t *testing.T) {
	top, _, _ := mopdeck(t, nil, "--help")
	for _, cmd := range []string{"import", "export", "backup", "check"} {
		if !regexp.MustCompile(`(?m)^  ` + cmd + ` +\S`).MatchString(top) {
			t.Errorf("mopdeck --help does not list %s:\n%s", cmd, top)
		}
		out, _, code := mopdeck(t, nil, cmd, "--help")
		if code != 0 || !strings.Contains(out, "Usage:") || !strings.Contains(out, "Example") {
			t.Errorf("%s --help: %q (exit %d)", cmd, out, code)
		}
	}
	_, errOut, code := mopdeck(t, nil, "export", "changes", "--format", "pdf")
	if code != 1 || !strings.Contains(errOut, `unknown format "pdf"`) {
		t.Errorf("bad format: %q (exit %d)", errOut, code)
	}
	_, errOut, code = mopdeck(t, nil, "import", "spreadsheet")
	if code != 1 || !strings.Contains(errOut, `unknown import "spreadsheet"`) {
		t.Errorf("bad import: %q (exit %d)", errOut, code)
	}
}
