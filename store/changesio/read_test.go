package changesio

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"mopdeck/model"
)

var (
	now    = time.Date(2025, 4, 1, 8, 30, 0, 0, time.UTC)
	phases = []model.Phase{{ID: 4, Name: "Test"}, {ID: 5, Name: "Formation"}}
	opt    = Options{Phases: phases, Now: now}
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func readString(t *testing.T, name, text string) *Result {
	t.Helper()
	return ReadCSV(strings.NewReader(text), name, opt)
}

func problems(r *Result) []string {
	out := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		out[i] = p.String()
	}
	return out
}

func TestFrenchFixtureWithSemicolonsAndBOM(t *testing.T) {
	res, err := ReadFile(filepath.Join("testdata", "french.csv"), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %q", problems(res))
	}
	want := []model.ChangeRequest{
		{Title: "Ajouter le champ « source du lead »", Description: "Les commerciaux le demandent.\nVoir la maquette ; page 3.",
			RaisedBy: "Léa Martin", RaisedIn: 4, CreatedAt: day(2025, 3, 15), Area: model.AreaDataFields, Impact: 4,
			Complexity: model.ComplexityLow, EstimateHrs: 6.5, Decision: model.DecisionNow, Status: model.StatusTriaged, Assignee: "Sam", SourceKey: "1"},
		{Title: "Renommer l'étape d'approbation", RaisedBy: "Sam Roy", RaisedIn: 5, CreatedAt: day(2025, 3, 16),
			Area: model.AreaWorkflow, Impact: 2, Complexity: model.ComplexityHigh, EstimateHrs: 40,
			Decision: model.DecisionLater, Status: model.StatusDeferred, SourceKey: "2"},
		{Title: `Corriger le "dédoublonnage"`, CreatedAt: now, Area: model.AreaSecurity, Impact: 5,
			Complexity: model.ComplexityMedium, EstimateHrs: 12, Decision: model.DecisionRejected, Status: model.StatusRejected, SourceKey: "3"},
	}
	if !reflect.DeepEqual(res.Changes, want) {
		t.Errorf("read\n%+v\nwant\n%+v", res.Changes, want)
	}
	if !reflect.DeepEqual(res.Lines, []int{2, 3, 4}) {
		t.Errorf("rows = %v, want [2 3 4] (the first spans two lines of text, one row)", res.Lines)
	}
	if !reflect.DeepEqual(res.Ignored, []string{"Couleur"}) {
		t.Errorf("ignored = %q, want [Couleur]", res.Ignored)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Complexité":          "complexite",
		"  COMPLEXITE_ ":      "complexite",
		"Estimate (hours)":    "estimate hours",
		"estimate_hours":      "estimate hours",
		"Élevée":              "elevee",
		"Raised-By":           "raised by",
		"Créé le":             "cree le",
		"plus  tard":          "plus tard",
		"\ufeffTitle":         "title",
		"":                    "",
		"Prêt pour  re-test!": "pret pour re test",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeadersEnglishAndFrench(t *testing.T) {
	for _, tc := range []struct{ head, row string }{
		{"title,description,impact,complexity,estimate,decision,status,area,raised by,raised in,assignee,created",
			"T,D,3,medium,8,now,in progress,reporting,Ann,Test,Bob,2025-01-02"},
		{"Titre,Description,Impact,Complexité,Estimation (heures),Décision,Statut,Domaine,Demandeur,Phase,Responsable,Créé le",
			"T,D,3,moyenne,8,maintenant,en cours,rapports,Ann,recette,Bob,2/1/2025 00:00"},
		{"TITRE,DESCRIPTION,IMPACT,COMPLEXITE,ESTIMATION,DECISION,STATUT,DOMAINE,DEMANDEUR,PHASE,RESPONSABLE,CREE LE",
			"T,D,3,MOYENNE,8 h,MAINTENANT,EN COURS,REPORTING,Ann,TEST,Bob,2025-01-02"},
	} {
		res := ReadCSV(strings.NewReader(tc.head+"\n"+tc.row+"\n"), "h.csv", Options{Phases: phases, Now: now, DateOrder: model.DayFirst})
		want := model.ChangeRequest{Title: "T", Description: "D", Impact: 3, Complexity: model.ComplexityMedium, EstimateHrs: 8,
			Decision: model.DecisionNow, Status: model.StatusInProgress, Area: model.AreaReporting, RaisedBy: "Ann",
			RaisedIn: 4, Assignee: "Bob", CreatedAt: day(2025, 1, 2)}
		if len(res.Problems) > 0 || len(res.Changes) != 1 || res.Changes[0] != want {
			t.Errorf("%s:\n got %+v %q\nwant %+v", tc.head, res.Changes, problems(res), want)
		}
	}
}

// The words of both languages read as the same values, through the
// model's parsers.
func TestValueWords(t *testing.T) {
	text := "title,complexity,decision,status,area,estimate,impact\n" +
		"a,Faible,Maintenant,trié,rapports,\"6,5 h\",4.0\n" +
		"b,élevée,plus tard,reporté,Sécurité,12 heures,0\n" +
		"c,MEDIUM,,à retester,other,1 200,\n" +
		"d,,rejetée,rejeté,,,\n"
	res := readString(t, "v.csv", text)
	if len(res.Problems) > 0 || len(res.Changes) != 4 {
		t.Fatalf("%q", problems(res))
	}
	want := []model.ChangeRequest{
		{Title: "a", Complexity: model.ComplexityLow, Decision: model.DecisionNow, Status: model.StatusTriaged, Area: model.AreaReporting, EstimateHrs: 6.5, Impact: 4, CreatedAt: now},
		{Title: "b", Complexity: model.ComplexityHigh, Decision: model.DecisionLater, Status: model.StatusDeferred, Area: model.AreaSecurity, EstimateHrs: 12, CreatedAt: now},
		{Title: "c", Complexity: model.ComplexityMedium, Decision: model.DecisionNow, Status: model.StatusReadyForRetest, Area: model.AreaOther, EstimateHrs: 1200, CreatedAt: now},
		{Title: "d", Decision: model.DecisionRejected, Status: model.StatusRejected, CreatedAt: now},
	}
	if !reflect.DeepEqual(res.Changes, want) {
		t.Errorf("read\n%+v\nwant\n%+v", res.Changes, want)
	}
}

// Every file shape a spreadsheet writes reads to the same two requests.
func TestSpreadsheetDialects(t *testing.T) {
	want := []model.ChangeRequest{
		{Title: "Add a field", Description: "first line\nsecond; line, too", Impact: 4, Complexity: model.ComplexityLow, Decision: model.DecisionNow, Status: model.StatusTriaged, CreatedAt: now},
		{Title: "Élevé", Impact: 2, CreatedAt: now},
	}
	table := func(sep string) string {
		return strings.Join([]string{"title", "description", "impact", "complexity", "decision"}, sep) + "\n" +
			strings.Join([]string{"Add a field", "\"first line\nsecond; line, too\"", "4", "low", "now"}, sep) + "\n" +
			strings.Join([]string{"Élevé", "", "2", "", ""}, sep) + "\n"
	}
	base, semi, tab := table(","), table(";"), table("\t")
	crlf := strings.ReplaceAll(base, "\n", "\r\n")
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(tab)
	cp1252, _ := charmap.Windows1252.NewEncoder().String(semi)
	for name, text := range map[string]string{
		"comma":                 base,
		"semicolon":             semi,
		"tab":                   tab,
		"BOM":                   "\ufeff" + base,
		"BOM, semicolon, CRLF":  "\ufeff" + strings.ReplaceAll(semi, "\n", "\r\n"),
		"CRLF":                  crlf,
		"trailing blank rows":   base + ",,,,\n,,,,\n\n\n",
		"blank rows first":      "\n,,,,\n" + base,
		"UTF-16 (Unicode text)": utf16,
		"Windows-1252":          cp1252,
		"no final newline":      strings.TrimSuffix(base, "\n"),
		"short rows":            "title,description,impact,complexity,decision\nAdd a field,\"first line\nsecond; line, too\",4,low,now\nÉlevé,,2\n",
	} {
		res := readString(t, name, text)
		if len(res.Problems) > 0 || !reflect.DeepEqual(res.Changes, want) {
			t.Errorf("%s:\n got %+v\n     %q\nwant %+v", name, res.Changes, problems(res), want)
		}
	}
}

func TestSanitisedOnImport(t *testing.T) {
	res := readString(t, "x.csv", "title,description,raised by\n\"Fix\x1b[2J the\tform\",\"line\x07 one\nline two\",\"Ann\u202e\"\n")
	if len(res.Problems) > 0 || len(res.Changes) != 1 {
		t.Fatalf("%q", problems(res))
	}
	c := res.Changes[0]
	if c.Title != "Fix␛[2J the form" || c.Description != "line␇ one\nline two" || c.RaisedBy != "Ann\ufffd" {
		t.Errorf("not sanitised: %q %q %q", c.Title, c.Description, c.RaisedBy)
	}
}

// Each bad input refuses the whole file with every problem at its place.
func TestBadRowsAreAllReported(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"missing title column", "requester;impact\nA;3\n",
			[]string{`x.csv:1: title: no title column (found "requester", "impact"): name the column that holds each request's title Title or Titre, or map it (--map 'Summary=title')`}},
		{"empty file", "", []string{"x.csv: the file is empty: it needs a header row with a Title (or Titre) column, then one row per request"}},
		{"column twice", "Title,Titre\nA,B\n", []string{`x.csv:1: Titre: this column means the same as "Title": keep one of them, or map one elsewhere (--map 'Titre=ignore')`}},
		{"RACI matrix", "Activité;Léa;Sam\nCadrage;A;R\n", []string{`x.csv:1: title: this looks like a RACI matrix ("Activité" then a column per person), not a list of change requests: import it with mopdeck import raci x.csv`}},
		{"transposed RACI matrix", "Task,R,A,C,I\nCadrage,Léa,Sam,,All\n", []string{`x.csv:1: title: this looks like a RACI matrix (columns R, A, C and I), not a list of change requests: import it with mopdeck import raci x.csv`}},
		{"out of range and unknown words", "Title,Impact,Complexité,Estimate,Decision,Status,Area,Phase,Created\n" +
			"ok,3,low,2,now,new,workflow,Test,2025-01-01\n" +
			"A,7,énorme,-1,peut-être,fini,marketing,Build,demain\n" +
			",2,,,,,,,\n" +
			"B,2.5,,10001,,,,,\n",
			[]string{
				"x.csv:3: Impact: 7 is out of range: rate the impact from 1 (least) to 5 (most), or leave it empty",
				`x.csv:3: Complexité: "énorme" is not a complexity: use low, medium or high (faible, moyenne, élevée), or leave it empty`,
				"x.csv: Estimate: 2 values out of range: -1 (row 3), 10001 (row 5): estimate from 0 to 10000 hours",
				`x.csv:3: Decision: "peut-être" is not a decision: use now, later or reject (maintenant, plus tard, rejeté), or leave it empty`,
				`x.csv:3: Phase: "Build" is not a phase of the project: use one of Test, Formation, or leave it empty, or map it (--map-value 'phase:Build=Test')`,
				`x.csv:3: Created: "demain" is not a date: write it as YYYY-MM-DD or DD/MM/YYYY`,
				`x.csv:3: Status: "fini" is not a status: use new, triaged, in progress, ready for retest, verified, rejected or deferred (nouveau, trié, en cours, à retester, vérifié, rejeté, reporté)`,
				"x.csv:4: Title: empty: every request needs a title, a few words that say what to change",
				"x.csv:5: Impact: 2.5 is not a whole number: type 1 to 5, or leave it empty",
			}},
		{"bad quotes", "title,impact\nok,1\nA\"x,3\nB,\"4\n",
			[]string{`x.csv:3: the CSV does not read: bare " in non-quoted-field; check the quotes on this line`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readString(t, "x.csv", tc.text)
			if res.Err() == nil {
				t.Fatalf("accepted: %+v", res.Changes)
			}
			if tc.want != nil && !reflect.DeepEqual(problems(res), tc.want) {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(problems(res), "\n"), strings.Join(tc.want, "\n"))
			}
			if !strings.Contains(res.Err().Error(), "nothing was imported") {
				t.Errorf("Err() = %v", res.Err())
			}
		})
	}
}

func TestHeaderOnlyIsNothingToImport(t *testing.T) {
	res := readString(t, "h.csv", "title,impact\n,\n,\n")
	if len(res.Problems) > 0 || res.Err() == nil || !strings.Contains(res.Err().Error(), "holds no change request") {
		t.Errorf("problems %q, Err %v", problems(res), res.Err())
	}
}

// A thousand rows with the same bad value are one problem naming the
// value, its count and the first rows; different values in one column are
// one line too; every kind of problem is listed, none hidden by a cap.
func TestProblemsAreGrouped(t *testing.T) {
	var b strings.Builder
	b.WriteString("title,impact,status\n")
	for i := range 1000 {
		switch {
		case i%10 == 3:
			b.WriteString("A,3,Selected for Tech Check\n")
		case i%10 == 7:
			b.WriteString("A,3,Aborted\n")
		default:
			b.WriteString("A,9,new\n")
		}
	}
	b.WriteString(",2,new\n")
	b.WriteString("B,2,Fini\n")
	res := readString(t, "many.csv", b.String())
	want := []string{
		"many.csv: impact: 9 is out of range (800 rows: 2, 3, 4, 6, 7, …): rate the impact from 1 (least) to 5 (most), or leave it empty",
		`many.csv: status: 3 unknown values: "Selected for Tech Check" (100 rows: 5, 15, 25, 35, 45, …), "Aborted" (100 rows: 9, 19, 29, 39, 49, …), "Fini" (row 1003): use new, triaged, in progress, ready for retest, verified, rejected or deferred (nouveau, trié, en cours, à retester, vérifié, rejeté, reporté)`,
		"many.csv:1002: title: empty: every request needs a title, a few words that say what to change",
	}
	if !reflect.DeepEqual(problems(res), want) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(problems(res), "\n"), strings.Join(want, "\n"))
	}
}

// Rows are the rows a spreadsheet shows; the text line is added when a
// multi-line cell above makes them differ.
func TestProblemRowsAreSpreadsheetRows(t *testing.T) {
	res := readString(t, "r.csv", "title,impact\n\"two\nlines\",2\nok,7\n")
	if got := problems(res); len(got) != 1 || got[0] != "r.csv:3 (line 4): impact: 7 is out of range: rate the impact from 1 (least) to 5 (most), or leave it empty" {
		t.Errorf("problems %q", got)
	}
}

// countingReader counts what the reader pulled.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// A 50 MB binary file renamed .csv is refused from its first bytes.
func TestBinaryRefusedEarly(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const size = 50 << 20
	src := &countingReader{r: io.LimitReader(readerFunc(func(p []byte) (int, error) {
		for i := range p {
			p[i] = byte(rng.Uint32())
		}
		return len(p), nil
	}), size)}
	res := ReadCSV(src, "photo.csv", opt)
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].String(), "photo.csv: this is not CSV text (a binary byte at offset") {
		t.Fatalf("problems %q", problems(res))
	}
	if src.n > 256<<10 {
		t.Errorf("read %d bytes of a binary file before refusing it", src.n)
	}
	if len(res.Changes) != 0 {
		t.Error("changes from a binary file")
	}
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

func TestBinaryAfterATextHeadStops(t *testing.T) {
	text := "title,impact\nA,3\n" + strings.Repeat("B,2\n", 5000) + "C,\x00\x01\x02\n" + strings.Repeat("D,1\n", 100)
	res := readString(t, "mixed.csv", text)
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "binary byte at offset") {
		t.Errorf("problems %q", problems(res))
	}
	long := "title\n" + strings.Repeat("x", maxRow+10)
	res = readString(t, "long.csv", long)
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "a row runs over 16 MiB") {
		t.Errorf("problems %q", problems(res))
	}
}

func TestOtherFilesNamedCSV(t *testing.T) {
	for name, head := range map[string]string{
		"zip": "PK\x03\x04rest", "xls": "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
		"controls": strings.Repeat("\x01\x02\x03a", 100),
	} {
		res := readString(t, name+".csv", head)
		if len(res.Problems) != 1 || res.Problems[0].Line != 0 {
			t.Errorf("%s: %q", name, problems(res))
		}
	}
}

func TestReadFileErrors(t *testing.T) {
	if _, err := ReadFile(filepath.Join(t.TempDir(), "nope.csv"), opt); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(t.TempDir(), opt); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
}

func TestJSONInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	res, err := ReadFile(write("a.json", `[
  {"title": "A", "impact": 4, "complexité": "faible", "estimate_hours": 2.5, "extra": true},
  {"titre": "B", "decision": "later", "impact": null}
]`), opt)
	if err != nil || len(res.Problems) > 0 {
		t.Fatalf("%v %q", err, problems(res))
	}
	if len(res.Changes) != 2 || res.Changes[0].Impact != 4 || res.Changes[0].EstimateHrs != 2.5 || res.Changes[1].Decision != model.DecisionLater {
		t.Errorf("read %+v", res.Changes)
	}
	if !reflect.DeepEqual(res.Ignored, []string{"extra"}) || !reflect.DeepEqual(res.Lines, []int{2, 3}) {
		t.Errorf("ignored %q lines %v", res.Ignored, res.Lines)
	}
	for name, tc := range map[string]struct{ text, want string }{
		"bad value":  {"[\n{\"title\":\"A\"},\n{\"title\":\"B\",\"impact\":9}\n]", "b.json:3: impact: 9 is out of range"},
		"no title":   {`[{"impact":2}]`, "b.json:1: title: this record has no title"},
		"newer":      {`{"format":"mopdeck-changes","version":9,"changes":[]}`, "newer mopdeck (version 9 > 1)"},
		"bundle":     {`{"format":"mopdeck-project","version":1}`, "use mopdeck import project"},
		"not json":   {"title,impact\n", "this is not JSON"},
		"broken":     {`[{"title": "A",`, "the JSON does not read"},
		"not object": {`[1]`, "the JSON does not read"},
	} {
		res, err := ReadFile(write("b.json", tc.text), opt)
		if err != nil || res.Err() == nil || !strings.Contains(strings.Join(problems(res), "\n"), tc.want) {
			t.Errorf("%s: %v %q, want %q", name, err, problems(res), tc.want)
		}
	}
}

func TestFormulaEscape(t *testing.T) {
	for in, want := range map[string]string{
		"=1+2": "'=1+2", "+33 6": "'+33 6", "-x": "'-x", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"'=x": "''=x", "''-x": "'''-x", "'plain": "'plain", "plain": "plain", "": "", "'": "'", "a=b": "a=b",
	} {
		got := escapeFormula(in)
		if got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
		if back := unescapeFormula(got); back != in {
			t.Errorf("unescape(%q) = %q, want %q", got, back, in)
		}
	}
}

func TestCSVExportEscapesFormulas(t *testing.T) {
	var buf bytes.Buffer
	crs := []model.ChangeRequest{{ID: 1, Title: "=HYPERLINK(\"http://evil\")", Description: "-2+3", RaisedBy: "@bob", Assignee: "+1 555", CreatedAt: now}}
	if err := WriteCSV(&buf, crs, Export{}); err != nil {
		t.Fatal(err)
	}
	line := strings.Split(buf.String(), "\n")[1]
	for _, want := range []string{`"'=HYPERLINK(""http://evil"")"`, "'-2+3", "'@bob", "'+1 555"} {
		if !strings.Contains(line, want) {
			t.Errorf("row %q lacks %q", line, want)
		}
	}
}

// A row whose decision and status contradict is refused with the rule's
// words; one that gives only one of them gets the other.
func TestDecisionAndStatusMustAgree(t *testing.T) {
	text := "title,decision,status\n" +
		"a,now,rejected\n" +
		"b,reject,verified\n" +
		"c,,in progress\n" +
		"d,later,\n"
	res := readString(t, "r.csv", text)
	got := problems(res)
	if len(got) != 2 || !strings.Contains(got[0], "decision now contradicts status rejected") ||
		!strings.Contains(got[1], "decision rejected contradicts status verified") {
		t.Fatalf("problems %q; want the two contradictions", got)
	}
}
