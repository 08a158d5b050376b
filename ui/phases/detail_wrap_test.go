package phases

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A wrapped fact uses the width there is: the first line leaves room for
// its prefix, the others only for their indent; every line fits, words
// come out in order and a date stays whole.
func TestWrapTextUsesTheWidthOfEachLine(t *testing.T) {
	text := "by Claire Martin on 2026-10-05 10:30"
	got := wrapText("Gate ✓ signed off ", text, 32)
	want := []string{"Gate ✓ signed off by Claire", "    Martin on 2026-10-05 10:30"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	long := strings.Repeat("requirements sheet reviewed with the team leads ", 6) + "supercalifragilisticexpialidocious-and-more-than-a-line"
	for w := 22; w <= 60; w++ { // from the prefix and the 10 cells a line always keeps
		lines := wrapText("  may sign: ", long, w)
		var words []string
		for i, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Fatalf("width %d: line %d is %d wide: %q", w, i, ansi.StringWidth(l), l)
			}
			words = append(words, strings.Fields(l)...)
		}
		if joined := strings.Join(words[2:], " "); strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(long, " ", "") {
			t.Fatalf("width %d: the words changed:\n%s", w, strings.Join(lines, "\n"))
		}
	}
}
