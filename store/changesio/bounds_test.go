package changesio

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/store/changesio/xlsxtest"
)

// workbook writes a minimal XLSX: one sheet whose rows rows writes (the
// <row> elements), and a shared-string table from sst (its <si> elements)
// when sst is not nil. extra parts are added as they are.
func workbook(t *testing.T, rows, sst func(w io.Writer), extra map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := (xlsxtest.Book{Rows: rows, Strings: sst, Extra: extra}).Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// titled writes a header row and n rows of one inline title each.
func titled(n int) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>`)
		for i := 2; i <= n+1; i++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Request %d</t></is></c></row>`, i, i, i)
		}
	}
}

func withRows(n int) Options {
	o := opt
	o.MaxRows = n
	return o
}

func wantRefusal(t *testing.T, res *Result, want ...string) {
	t.Helper()
	if len(res.Problems) == 0 {
		t.Fatalf("imported %d requests, want a refusal with %q", len(res.Changes), want)
	}
	got := res.Problems[0].String()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("refusal %q lacks %q (all: %q)", got, w, problems(res))
		}
	}
}

func TestRowCapHoldsInEveryFormat(t *testing.T) {
	csvRows := func(n int) string {
		var b strings.Builder
		b.WriteString("title\n")
		for i := range n {
			fmt.Fprintf(&b, "r%d\n", i)
		}
		return b.String()
	}
	jsonRows := func(n int) string {
		var b strings.Builder
		b.WriteString("[")
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `{"title":"r%d"}`, i)
		}
		b.WriteString("]")
		return b.String()
	}
	dir := t.TempDir()
	file := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, f := range []struct {
		format string
		make   func(n int) string
	}{
		{"csv", func(n int) string { return file("rows.csv", csvRows(n)) }},
		{"json", func(n int) string { return file("rows.json", jsonRows(n)) }},
		{"xlsx", func(n int) string { return workbook(t, titled(n), nil, nil) }},
	} {
		t.Run(f.format, func(t *testing.T) {
			at := f.make(1000)
			res, err := ReadFile(at, withRows(1000))
			if err != nil || len(res.Problems) != 0 || len(res.Changes) != 1000 {
				t.Fatalf("at the cap: %v %q, %d requests", err, problems(res), len(res.Changes))
			}
			over := f.make(1001)
			res, err = ReadFile(over, withRows(1000))
			if err != nil {
				t.Fatal(err)
			}
			wantRefusal(t, res, "more than 1,000 rows, the most one import takes", "--max-rows")
			if res, _ = ReadFile(over, withRows(1001)); len(res.Problems) != 0 || len(res.Changes) != 1001 {
				t.Fatalf("a raised cap: %q, %d requests", problems(res), len(res.Changes))
			}
		})
	}
	// The default cap, without options.
	res := ReadCSV(strings.NewReader(csvRows(DefaultMaxRows+1)), "big.csv", opt)
	wantRefusal(t, res, "big.csv: the file holds more than 200,000 rows")
	res = ReadJSON([]byte(jsonRows(DefaultMaxRows+1)), "big.json", opt)
	wantRefusal(t, res, "big.json: the file holds more than 200,000 rows")
}

func TestBlankRowsEnd(t *testing.T) {
	res := ReadCSV(strings.NewReader("title\nA\n"+strings.Repeat(",\n", 1001)), "blank.csv", withRows(1000))
	wantRefusal(t, res, "more than 1,000 blank rows")
}

func TestOversizedCellsAreRefused(t *testing.T) {
	big := strings.Repeat("é", maxCell/2+1)
	res := ReadCSV(strings.NewReader("title,notes\nA,ok\nB,"+big+"\n"), "cell.csv", opt)
	wantRefusal(t, res, "cell.csv:3: notes: this cell holds 1.0 MiB, more than the 1 MiB a cell may hold")

	title := strings.Repeat("x", 2<<20)
	res = ReadJSON([]byte("[\n{\"title\":\"ok\"},\n{\"impact\":2,\"title\":\""+title+"\"}\n]"), "title.json", opt)
	wantRefusal(t, res, "title.json:3: title: this cell holds 2.0 MiB")
	if len(res.Problems) != 1 {
		t.Errorf("problems %q", problems(res))
	}

	book := workbook(t, func(w io.Writer) {
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>`)
		io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>`+title+`</t></is></c></row>`)
	}, nil, nil)
	res = ReadXLSX(book, "cell.xlsx", opt)
	wantRefusal(t, res, "cell.xlsx:Requests!A2: Title: this cell holds 2.0 MiB")
}

func TestOversizedCSVIsRefusedBeforeReading(t *testing.T) {
	o := withRows(10)
	path := filepath.Join(t.TempDir(), "huge.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(o.maxText() + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := ReadFile(path, o)
	if err != nil {
		t.Fatal(err)
	}
	wantRefusal(t, res, "huge.csv: the file is over 64 MiB, the most an import of 10 rows reads")
}

// endless repeats line after head, forever.
func endless(head, line string) io.Reader {
	at := 0
	return io.MultiReader(strings.NewReader(head), readerFunc(func(p []byte) (int, error) {
		n := 0
		for n < len(p) {
			c := copy(p[n:], line[at:])
			n += c
			at = (at + c) % len(line)
		}
		return n, nil
	}))
}

// A stream's size is not known first: reading stops at the bound.
func TestStreamOverTheSizeCapStops(t *testing.T) {
	cell := strings.Repeat("x", maxCell-1)
	row := "T" + strings.Repeat(","+cell, 8) + "\n"
	res := ReadCSV(endless("title,a,b,c,d,e,f,g,h\n", row), "stream.csv", withRows(10))
	wantRefusal(t, res, "stream.csv: the file is over 64 MiB, the most an import of 10 rows reads")
}

// A workbook is measured before excelize opens it: each of these would
// take gigabytes or minutes to read, and each is refused in a pass that
// holds nothing but one length a shared string.
func TestWorkbookBombsAreRefusedBeforeOpening(t *testing.T) {
	item := strings.Repeat("x", maxCell-10)
	cases := []struct {
		name      string
		rows, sst func(io.Writer)
		extra     map[string]string
		rowsCap   int
		want      string
	}{
		{"rows past the cap", titled(1200), nil, nil, 1000, "a sheet of the workbook holds more than 1,000 rows"},
		{"shared strings past the cap", titled(1), func(w io.Writer) {
			for i := range 5000 {
				fmt.Fprintf(w, "<si><t>%d</t></si>", i)
			}
		}, nil, 10, "the workbook holds over 4,136 distinct texts"},
		{"one shared string repeated across a row", func(w io.Writer) {
			io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><row r="2">`)
			for range 20 {
				io.WriteString(w, `<c t="s"><v>0</v></c>`)
			}
			io.WriteString(w, `</row>`)
		}, func(w io.Writer) { io.WriteString(w, "<si><t>"+item+"</t></si>") }, nil, 1000, "row 2 of a sheet holds over 16 MiB of text"},
		{"one shared string repeated down the rows", func(w io.Writer) {
			io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>`)
			for i := 2; i < 100; i++ {
				fmt.Fprintf(w, `<row r="%d"><c t="s"><v>0</v></c><c t="s"><v> 0 </v></c><c t="s"><v>0</v></c></row>`, i)
			}
		}, func(w io.Writer) { io.WriteString(w, "<si><t>"+item+"</t></si>") }, nil, 100, "the workbook's rows, their shared strings counted in, come to over 64 MiB"},
		{"a large part kept in memory", titled(1), nil, map[string]string{"xl/styles.xml": strings.Repeat(" ", maxPart+1)}, 1000, "xl/styles.xml expands to 8 MiB"},
		{"small parts that add up in memory", titled(1), nil, func() map[string]string {
			m := map[string]string{}
			for i := range 9 {
				m[fmt.Sprintf("xl/media/image%d.png", i)] = strings.Repeat("x", maxPart-1)
			}
			return m
		}(), 100_000, "the workbook's small parts come to 72 MiB"},
		{"too many parts", titled(1), nil, func() map[string]string {
			m := map[string]string{}
			for i := range maxParts {
				m[fmt.Sprintf("p%d", i)] = ""
			}
			return m
		}(), 1000, "the workbook has 10,005 parts"},
		{"rows in a part of another name", titled(1), nil, map[string]string{"xl/other.xml": "<sheetData>" + strings.Repeat("<row><c><v>1</v></c></row>", 1100) + "</sheetData>"}, 1000, "a sheet of the workbook holds more than 1,000 rows"},
		{"comments skipped, prefixes and quotes seen through", func(w io.Writer) {
			io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><!-- <row> --><x:row r="2">`)
			for range 20 {
				io.WriteString(w, `<x:c x:t='s' r=">"><x:v>0</x:v></x:c>`)
			}
			io.WriteString(w, `</x:row>`)
		}, func(w io.Writer) { io.WriteString(w, "<si><t>"+item+"</t></si>") }, nil, 1000, "row 2 of a sheet holds over 16 MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			book := workbook(t, c.rows, c.sst, c.extra)
			res := ReadXLSX(book, "bomb.xlsx", withRows(c.rowsCap))
			wantRefusal(t, res, "bomb.xlsx: "+c.want)
			if len(res.Problems) != 1 || len(res.Changes) != 0 {
				t.Errorf("problems %q, %d requests", problems(res), len(res.Changes))
			}
		})
	}
	// Under the caps the same shapes read.
	book := workbook(t, func(w io.Writer) {
		io.WriteString(w, `<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>0</v></c></row>`)
	}, func(w io.Writer) { io.WriteString(w, "<si><t>"+item+"</t></si><si><t>Title</t></si>") }, nil)
	res := ReadXLSX(book, "ok.xlsx", opt)
	if len(res.Problems) != 0 || len(res.Changes) != 1 || len(res.Changes[0].Title) != len(item) {
		t.Fatalf("a workbook under the caps: %q, %d requests", problems(res), len(res.Changes))
	}
}

func TestLargeWorkbookFileIsRefusedBeforeReading(t *testing.T) {
	o := withRows(10)
	path := filepath.Join(t.TempDir(), "large.xlsx")
	if err := os.WriteFile(path, []byte("PK\x03\x04"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, o.maxWorkbook()+1); err != nil {
		t.Fatal(err)
	}
	wantRefusal(t, ReadXLSX(path, "large.xlsx", o), "large.xlsx: the workbook is over 64 MiB, the most an import of 10 rows reads")
}

func TestWorkbookTemporaryFilesAreRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// A sheet over xmlInMemory: excelize unzips it to a temporary file.
	book := workbook(t, titled(100_000), nil, nil)
	for _, o := range []Options{opt, withRows(10)} {
		res := ReadXLSX(book, "big.xlsx", o)
		if o.MaxRows == 0 && (len(res.Problems) != 0 || len(res.Changes) != 100_000) {
			t.Fatalf("%q, %d requests", problems(res), len(res.Changes))
		}
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Fatalf("left behind in the temporary folder: %v", left)
		}
	}
	var buf strings.Builder
	if err := WriteXLSX(&buf, bigChanges(10), Export{}); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("the export left behind: %v", left)
	}
}

func TestRemoveTemporaryEmptiesEveryScratchFolder(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	defer func() { scratch.Lock(); scratch.closed = false; scratch.Unlock() }()
	var dirs []string
	for range 2 {
		dir, done, err := scratchDir()
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		if err := os.WriteFile(filepath.Join(dir, "excelize-1"), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	RemoveTemporary()
	for _, d := range dirs {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s is still there: %v", d, err)
		}
	}
	if _, _, err := scratchDir(); err == nil {
		t.Error("a new scratch folder after RemoveTemporary: a read started now would leave it behind")
	}
}
