package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// /dev/null is a character device but not a terminal: output sent there
// is a file's (so an XLSX export to it is not refused).
func TestDevNullIsNoTerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Fatal("/dev/null taken for a terminal")
	}
}

// Text under a heading wraps at words on a terminal, each line indented,
// and stays one line for a pipe.
func TestIndentedWrapsAtWordsOnATerminal(t *testing.T) {
	text := "Sponsorship → Steering → IT involvement → Marketing actions → Data sourcing → Consent and compliance"
	got := indented(text, 11, 60)
	for _, l := range strings.Split(got, "\n") {
		if !strings.HasPrefix(l, strings.Repeat(" ", 11)) || ansi.StringWidth(l) > 60 {
			t.Errorf("line %q", l)
		}
	}
	if strings.Join(strings.Fields(got), " ") != text {
		t.Errorf("words lost or broken:\n%s", got)
	}
	if piped := indented(text, 11, 0); piped != strings.Repeat(" ", 11)+text {
		t.Errorf("piped: %q", piped)
	}
}
