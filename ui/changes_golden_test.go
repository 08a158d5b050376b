package ui_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestChangeTableGoldens: the Change requests pane of the sample project,
// drawn by the root at 80×24, 120×40 and 200×60 — at 80 the title keeps
// room, at 200 the assignee is whole and the title takes the rest.
// Regenerate with -update and read the diff.
func TestChangeTableGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := started(t, sz[0], sz[1], nil)
		press(t, m, "2")
		got := ansi.Strip(m.View())
		path := filepath.Join("changes", "testdata", fmt.Sprintf("table_%dx%d.golden", sz[0], sz[1]))
		if updating() {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to write it)", err)
		}
		if got != string(want) {
			t.Errorf("%dx%d differs from %s:\n%s", sz[0], sz[1], path, got)
		}
	}
}
