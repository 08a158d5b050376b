package changesio

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// oneByteAtATime cuts every multi-byte rune across reads.
func oneByteAtATime(s string) io.Reader {
	r := strings.NewReader(s)
	return readerFunc(func(p []byte) (int, error) {
		if len(p) > 1 {
			p = p[:1]
		}
		return r.Read(p)
	})
}

func cp1252(t *testing.T, s string) string {
	t.Helper()
	out, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pad is plain ASCII past the first 8 KiB, where the encoding used to be
// guessed: what follows it must be decided the same way.
var pad = strings.Repeat("Plain ASCII row,2\n", 9<<10/18)

func TestEncodingIsDecidedFromTheWholeFile(t *testing.T) {
	padLines := strings.Count(pad, "\n")
	type want struct {
		line   int    // the refused line; 0: imported
		in     string // in the refusal
		titles []string
		note   string // in the note; "" for no note
	}
	cases := []struct {
		name, text string
		enc        Encoding
		want       want
	}{
		{"stray byte in line 2 of a UTF-8 file", "title,impact\nCaf\xe9 stray,3\nCréer le champ,2\n", EncodingAuto,
			want{line: 2, in: "byte 0xE9), though line 3 is: the file mixes two encodings"}},
		{"stray byte after a UTF-8 line", "title,impact\nCréer le champ,2\nCaf\xe9 stray,3\n", EncodingAuto,
			want{line: 3, in: "though line 2 is"}},
		{"stray byte past 8 KiB", "title,impact\nCréer,1\n" + pad + "ok,1\nbad \x80 byte,1\n", EncodingAuto,
			want{line: padLines + 4, in: "byte 0x80"}},
		{"UTF-8 accent past 8 KiB after a stray byte", "title,impact\nCaf\xe9,1\n" + pad + "Créer,1\n", EncodingAuto,
			want{line: 2, in: "though line " + strconv.Itoa(padLines+3) + " is"}},
		{"UTF-8 rune cut by the end", "title\nCréer\nCaf\xc3", EncodingAuto, want{line: 3, in: "byte 0xC3"}},
		{"overlong form in a UTF-8 file", "title\nCréer\nslash \xc0\xaf\n", EncodingAuto, want{line: 3, in: "byte 0xC0"}},
		{"marked UTF-8 with a stray byte", "\ufefftitle\nCaf\xe9\n", EncodingAuto, want{line: 2, in: "marked as UTF-8"}},
		{"pure Windows-1252", cp1252(t, "title,description\nCréer le champ,Élevé\nœuvre €,\n"), EncodingAuto,
			want{titles: []string{"Créer le champ", "œuvre €"}, note: "read as Windows-1252, as the file is not UTF-8 (line 2 is the first with an accent)"}},
		{"Windows-1252 whose first accent is past 8 KiB", "title,impact\n" + pad + cp1252(t, "Créer,1\n"), EncodingAuto,
			want{titles: append(padTitles(), "Créer"), note: "line " + strconv.Itoa(padLines+2) + " is the first with an accent"}},
		{"ASCII with a rune cut by the end", "title\nCaf\xc3", EncodingAuto, want{titles: []string{"CafÃ"}, note: "Windows-1252"}},
		{"UTF-8 throughout", "title\nCréer\n" + pad + "Élevé,1\n", EncodingAuto, want{titles: append(append([]string{"Créer"}, padTitles()...), "Élevé")}},
		{"ASCII", "title\nplain\n", EncodingAuto, want{titles: []string{"plain"}}},
		{"told UTF-8, given Windows-1252", cp1252(t, "title\nok\nCréer\n"), EncodingUTF8, want{line: 3, in: "not UTF-8 text (byte 0xE9)"}},
		{"told UTF-8, given UTF-8", "title\nCréer\n", EncodingUTF8, want{titles: []string{"Créer"}}},
		{"told Windows-1252, given Windows-1252", cp1252(t, "title\nCréer\n"), EncodingWindows1252, want{titles: []string{"Créer"}}},
		{"told Windows-1252, given UTF-8", "title\nCréer\n", EncodingWindows1252, want{titles: []string{"CrÃ©er"}}},
		{"told Windows-1252, marked UTF-8", "\ufefftitle\nCréer\n", EncodingWindows1252, want{in: "byte order mark, so it is UTF-8"}},
		{"told UTF-8, given UTF-16", utf16(t, "title\nCréer\n"), EncodingUTF8, want{in: "UTF-16 byte order mark"}},
	}
	for _, c := range cases {
		for _, feed := range []struct {
			name string
			r    func(string) io.Reader
		}{{"whole", func(s string) io.Reader { return strings.NewReader(s) }}, {"byte by byte", oneByteAtATime}} {
			t.Run(c.name+"/"+feed.name, func(t *testing.T) {
				o := opt
				o.Encoding = c.enc
				res := ReadCSV(feed.r(c.text), "enc.csv", o)
				if c.want.titles == nil {
					if len(res.Problems) != 1 {
						t.Fatalf("problems %q, want one refusal", problems(res))
					}
					p := res.Problems[0]
					if p.Line != c.want.line || !strings.Contains(p.Message, c.want.in) {
						t.Fatalf("refusal %q, want line %d and %q", p, c.want.line, c.want.in)
					}
					if !strings.Contains(p.Message, "import") {
						t.Fatalf("refusal %q does not say what to do", p)
					}
					return
				}
				if len(res.Problems) != 0 {
					t.Fatalf("problems %q", problems(res))
				}
				var titles []string
				for _, cr := range res.Changes {
					titles = append(titles, cr.Title)
				}
				if strings.Join(titles, "|") != strings.Join(c.want.titles, "|") {
					t.Fatalf("titles %q, want %q", clipList(titles), clipList(c.want.titles))
				}
				notes := strings.Join(res.Notes, "|")
				if c.want.note == "" && notes != "" || !strings.Contains(notes, c.want.note) {
					t.Fatalf("notes %q, want %q", notes, c.want.note)
				}
			})
		}
	}
}

func padTitles() []string {
	n := strings.Count(pad, "\n")
	out := make([]string, n)
	for i := range out {
		out[i] = "Plain ASCII row"
	}
	return out
}

func clipList(s []string) []string {
	if len(s) > 4 {
		return append(s[:2:2], "…", s[len(s)-1])
	}
	return s
}

func utf16(t *testing.T, s string) string {
	t.Helper()
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The decoder agrees with the standard library on every input, however
// the reads cut it: UTF-8 comes through unchanged; bytes with no UTF-8
// accent among them come out as Windows-1252; both together are refused.
func TestDecoderAgreesWithUTF8Valid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab\n\x80\xbf\xc2\xc3\xa9\xe0\xa0\xed\x9f\xf0\x90\xf4\x8f\xff\xc0")
	for i := 0; i < 20000; i++ {
		in := make([]byte, rng.IntN(12))
		for j := range in {
			in[j] = alphabet[rng.IntN(len(alphabet))]
		}
		hasRune := false
		for s := string(in); s != ""; {
			r, n := utf8.DecodeRuneInString(s)
			hasRune = hasRune || (n > 1 && r != utf8.RuneError)
			s = s[n:]
		}
		want, wantErr := string(in), false
		if !utf8.Valid(in) {
			want, _ = charmap.Windows1252.NewDecoder().String(string(in))
			wantErr = hasRune
		}
		r := &decodingReader{r: &chunky{data: in, rng: rng}, d: newDecoder(EncodingAuto), in: make([]byte, 4)}
		got, err := io.ReadAll(r)
		if wantErr {
			if err == nil {
				t.Fatalf("%q: no error, read %q", in, got)
			}
			continue
		}
		if err != nil || string(got) != want {
			t.Fatalf("%q: read %q, %v; want %q", in, got, err, want)
		}
		if (r.d.note() != "") != !utf8.Valid(in) {
			t.Fatalf("%q: note %q", in, r.d.note())
		}
		strict := &decodingReader{r: bytes.NewReader(in), d: newDecoder(EncodingUTF8), in: make([]byte, 3)}
		if _, err := io.ReadAll(strict); (err != nil) == utf8.Valid(in) {
			t.Fatalf("%q told UTF-8: error %v", in, err)
		}
	}
}

// chunky returns its data in reads of random sizes.
type chunky struct {
	data []byte
	rng  *rand.Rand
}

func (c *chunky) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(c.data), 1+c.rng.IntN(3))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

func TestParseEncoding(t *testing.T) {
	for in, want := range map[string]Encoding{"": EncodingAuto, "UTF-8": EncodingUTF8, "utf8": EncodingUTF8, "windows-1252": EncodingWindows1252, "CP1252": EncodingWindows1252} {
		if got, err := ParseEncoding(in); err != nil || got != want {
			t.Errorf("ParseEncoding(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseEncoding("latin-9"); err == nil || !strings.Contains(err.Error(), "use utf-8 or windows-1252") {
		t.Errorf("unknown encoding: %v", err)
	}
}

func TestJSONEncodingIsDecidedToo(t *testing.T) {
	dir := t.TempDir()
	read := func(text string, enc Encoding) *Result {
		t.Helper()
		p := filepath.Join(dir, "x.json")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		o := opt
		o.Encoding = enc
		res, err := ReadFile(p, o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := read(cp1252(t, "[\n{\"title\": \"Créer\"}\n]"), EncodingAuto)
	if len(res.Problems) != 0 || res.Changes[0].Title != "Créer" || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "Windows-1252") {
		t.Fatalf("Windows-1252 JSON: %q %+v %q", problems(res), res.Changes, res.Notes)
	}
	if !strings.Contains(res.Summary(), "; read as Windows-1252") {
		t.Errorf("the summary does not carry the note: %q", res.Summary())
	}
	res = read("[\n{\"title\": \"Créer\"},\n{\"title\": \"Caf\xe9\"}\n]", EncodingAuto)
	if len(res.Problems) != 1 || res.Problems[0].Line != 3 || !strings.Contains(res.Problems[0].Message, "mixes two encodings") {
		t.Fatalf("mixed JSON: %q", problems(res))
	}
	res = read("\ufeff[{\"title\": \"Créer\"}]", EncodingUTF8)
	if len(res.Problems) != 0 || res.Changes[0].Title != "Créer" || len(res.Notes) != 0 {
		t.Fatalf("UTF-8 JSON with a byte order mark: %q %+v", problems(res), res.Changes)
	}
}
