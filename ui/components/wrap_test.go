package components

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks on spaces only: dates, "sign-off" and file names stay on one
// line, hyphens and non-breaking hyphens come back as they were, styles
// are kept, and every line fits.
func TestWrapBreaksOnSpacesOnly(t *testing.T) {
	for _, c := range []struct {
		text string
		w    int
		want string
	}{
		{"each closed by a formal sign-off, then support", 30, "each closed by a formal\nsign-off, then support"},
		{"planned 2026-10-03 → 2026-10-04 by the team", 20, "planned 2026-10-03 →\n2026-10-04 by the\nteam"},
		{"cannot read /tmp/my-export-file.csv: no such file", 25, "cannot read\n/tmp/my-export-file.csv:\nno such file"},
		{"a dated 2026\u201110\u201103 and a 2026-10-04", 16, "a dated\n2026\u201110\u201103 and a\n2026-10-04"},
		{"no hyphen at all here", 10, "no hyphen\nat all\nhere"},
	} {
		if got := Wrap(c.text, c.w); got != c.want {
			t.Errorf("Wrap(%q, %d) =\n%s\nwant\n%s", c.text, c.w, got, c.want)
		}
	}
	styled := "\x1b[1mPhases\x1b[0m Discovery → Design → Build → Post-production"
	for _, l := range strings.Split(Wrap(styled, 24), "\n") {
		if ansi.StringWidth(l) > 24 {
			t.Errorf("a styled line is %d wide: %q", ansi.StringWidth(l), l)
		}
	}
	if got := ansi.Strip(Wrap(styled, 24)); !strings.Contains(got, "Post-production") {
		t.Errorf("a hyphenated word was split:\n%s", got)
	}
}
