package changesio

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"mopdeck/model"
)

// FuzzReadCSV feeds the CSV importer arbitrary bytes. Whatever it accepts
// must be valid, sanitised, and survive an export and a new import
// unchanged; whatever it refuses must say where.
func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"title,impact,complexity,decision\nA,3,low,now\n",
		"\ufeffTitre;Complexité;Décision\r\n\"Deux\r\nlignes\";élevée;plus tard\r\n;;\r\n",
		"title,description\n\"=cmd|' /C calc'!A0\",\"'-1\"\n",
		"title\tstatus\tcreated\nX\tready for retest\t31/12/2024\n",
		"title,estimate\n\"a \"\"b\"\"\",\"6,5\"\n",
		"title,raised in\nx,Test\n",
		"\xff\xfet\x00i\x00t\x00l\x00e\x00\n\x00A\x00\n\x00",
		"title\n\x1b]8;;http://x\x07link\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := ReadCSV(bytes.NewReader(data), "fuzz.csv", opt)
		if len(res.Changes) != len(res.Lines) {
			t.Fatalf("%d changes but %d lines", len(res.Changes), len(res.Lines))
		}
		for _, p := range res.Problems {
			if p.File != "fuzz.csv" || p.Line < 0 || p.Message == "" {
				t.Fatalf("problem without a place or a message: %+v", p)
			}
		}
		if len(res.Problems) > 0 {
			return
		}
		for _, c := range res.Changes {
			if err := c.Validate(); err != nil {
				t.Fatalf("accepted an invalid request %+v: %v", c, err)
			}
			if model.SanitizeLine(c.Title) != c.Title || model.Sanitize(c.Description) != c.Description ||
				model.SanitizeLine(c.RaisedBy) != c.RaisedBy || model.SanitizeLine(c.Assignee) != c.Assignee {
				t.Fatalf("text not sanitised: %+v", c)
			}
			if strings.TrimSpace(c.Title) != c.Title {
				t.Fatalf("title not trimmed: %q", c.Title)
			}
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, res.Changes, Export{Phases: phases}); err != nil {
			t.Fatal(err)
		}
		again := ReadCSV(&buf, "again.csv", opt)
		if len(again.Problems) > 0 {
			t.Fatalf("own export refused: %q\n%s", problems(again), buf.String())
		}
		if !reflect.DeepEqual(again.Changes, res.Changes) {
			t.Fatalf("round trip changed the requests:\n got %+v\nwant %+v", again.Changes, res.Changes)
		}
	})
}

// FuzzFormulaEscape: unescaping an escaped cell gives it back, and an
// escaped cell never starts like a formula.
func FuzzFormulaEscape(f *testing.F) {
	for _, s := range []string{"=1+2", "'=x", "''", "'", "-", "plain", "\t", "'\r'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := escapeFormula(s)
		if unescapeFormula(e) != s {
			t.Fatalf("unescape(escape(%q)) = %q", s, unescapeFormula(e))
		}
		if e != "" && e[0] != '\'' && needsEscape(e) {
			t.Fatalf("escape(%q) = %q starts like a formula", s, e)
		}
	})
}

// FuzzKeyOfLink: any cell gives a key, never an empty one for a cell with
// text, and never longer than the cell.
func FuzzKeyOfLink(f *testing.F) {
	for _, s := range []string{"https://github.com/a/b/issues/1", "https://x/browse/K-1", "http://[::1", "%", "https://"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := keyOfLink(s)
		if strings.TrimSpace(s) != "" && k == "" || len(k) > len(s) {
			t.Fatalf("keyOfLink(%q) = %q", s, k)
		}
	})
}
