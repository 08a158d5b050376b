package changesio

import (
	"io"
	"strconv"
	"strings"
	"testing"
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

func TestNonUTF8PastTheSniffedHeadIsRefusedWithItsLine(t *testing.T) {
	head := "title,impact\n" + strings.Repeat("Plain ASCII row,2\n", 9<<10/18)
	lines := strings.Count(head, "\n")
	cases := []struct {
		name, text string
		wantLine   int // 0: no problem expected
	}{
		{"latin-1 accent", head + "Caf\xe9,3\n", lines + 1},
		{"stray byte later", head + "ok,1\nok,1\nbad \x80 byte,1\n", lines + 3},
		{"rune cut by the end", head + "Caf\xc3", lines + 1},
		{"valid accents", head + "Café élevé,3\n", 0},
	}
	for _, c := range cases {
		for _, feed := range []struct {
			name string
			r    func(string) io.Reader
		}{{"whole", func(s string) io.Reader { return strings.NewReader(s) }}, {"byte by byte", oneByteAtATime}} {
			t.Run(c.name+"/"+feed.name, func(t *testing.T) {
				res := ReadCSV(feed.r(c.text), "late.csv", opt)
				if c.wantLine == 0 {
					if len(res.Problems) != 0 {
						t.Fatalf("problems %q", problems(res))
					}
					last := res.Changes[len(res.Changes)-1].Title
					if last != "Café élevé" {
						t.Fatalf("last title %q", last)
					}
					return
				}
				if len(res.Problems) != 1 {
					t.Fatalf("problems %q, want one refusal", problems(res))
				}
				msg := res.Problems[0].Message
				for _, want := range []string{"line " + strconv.Itoa(c.wantLine) + " ", "not UTF-8", `save the sheet as "CSV UTF-8"`} {
					if !strings.Contains(msg, want) {
						t.Fatalf("message %q lacks %q", msg, want)
					}
				}
				for _, cr := range res.Changes {
					if strings.ContainsRune(cr.Title, '\uFFFD') {
						t.Fatalf("a replacement character was imported: %q", cr.Title)
					}
				}
			})
		}
	}
}
