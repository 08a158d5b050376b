package ui_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"mopdeck/ui/uitest"

	"github.com/charmbracelet/x/ansi"
)

// TestChangeTableGoldens: the Change requests pane of the sample project,
// drawn by the root at 80×24, 120×40 and 200×60 — at 80 the title keeps
// room, at 200 the assignee is whole and the title takes the rest.
// Regenerate with -update and read the diff.
func TestChangeTableGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := started(t, sz[0], sz[1], nil)
		press(t, m, "2")
		got := ansi.Strip(m.View())
		uitest.Golden(t, filepath.Join("changes", "testdata", fmt.Sprintf("table_%dx%d.golden", sz[0], sz[1])), got)
	}
}
