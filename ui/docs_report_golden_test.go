package ui_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mopdeck/ui/uitest"

	"github.com/charmbracelet/x/ansi"
)

// cutDate finds a line (or a table cell's line) ending inside a date:
// "2026-" then "10-03" on the next.
var cutDate = regexp.MustCompile(`\d{4}-\s*$|\d{2}-\s*$`)

// TestDocsReportGoldens: the status report in the Docs pane, drawn by the
// root at 80×24, 120×40 and 200×60, page by page to its end. The tables
// fit: headers whole, no word or date split across lines. Regenerate with
// -update and read the diff.
func TestDocsReportGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := started(t, sz[0], sz[1], nil)
		press(t, m, "4")
		var views []string
		views = append(views, ansi.Strip(m.View()))
		// Page down to the end: the view stops changing there.
		for range 12 {
			press(t, m, "pgdown")
			v := ansi.Strip(m.View())
			if v == views[len(views)-1] {
				break
			}
			views = append(views, v)
		}
		got := strings.Join(views, "\n")
		for _, cut := range []string{"Discov\n", "Deliverab ", "I…", "Plann…", "Delive…"} {
			if strings.Contains(got, cut) {
				t.Errorf("%dx%d: %q on screen:\n%s", sz[0], sz[1], cut, got)
			}
		}
		for _, l := range strings.Split(got, "\n") {
			for _, c := range strings.Split(l, "│") {
				if cutDate.MatchString(strings.TrimRight(c, " ")) {
					t.Errorf("%dx%d: a date is split in %q", sz[0], sz[1], l)
				}
			}
		}
		uitest.Golden(t, filepath.Join("docs", "testdata", fmt.Sprintf("report_%dx%d.golden", sz[0], sz[1])), got)
	}
}
