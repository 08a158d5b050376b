package changes

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEveryViewFitsItsBox: every mode draws within the pane's box at the
// smallest supported window (80×24 less the chrome) and larger ones, and
// smaller boxes never panic.
func TestEveryViewFitsItsBox(t *testing.T) {
	modes := map[string][]string{
		"table":  nil,
		"triage": {"t"},
		"matrix": {"m"},
		"facets": {"f", "enter"},
		"status": {"S"},
		"form":   {"a"},
		"prompt": {"/"},
	}
	for name, keys := range modes {
		h := newHarness(t, nil)
		h.press(keys...)
		for _, sz := range [][2]int{{80, 21}, {100, 27}, {200, 60}} {
			h.p.SetSize(sz[0], sz[1])
			h.run(h.p.renderDescription())
			lines := strings.Split(h.p.View(), "\n")
			if len(lines) > sz[1] {
				t.Errorf("%s at %v: %d lines", name, sz, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > sz[0] {
					t.Errorf("%s at %v: line %d is %d cells: %q", name, sz, i, w, l)
				}
			}
		}
		for _, sz := range [][2]int{{0, 0}, {1, 1}, {10, 3}, {30, 8}} {
			h.p.SetSize(sz[0], sz[1])
			_ = h.p.View()
		}
	}
}
