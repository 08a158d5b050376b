package ui_test

import (
	"strings"
	"testing"
)

// Every pane asks on the same line: its first, under the tab bar,
// whether it is a prompt for text or a y/n question.
func TestPromptsAreThePanesFirstLine(t *testing.T) {
	for _, c := range []struct {
		name string
		keys []string
		want string
	}{
		{"phases: add", []string{"1", "a"}, "new phase"},
		{"raci: new activity", []string{"3", "A"}, "new activity in"},
		{"docs: new doc", []string{"4", "a"}, "new doc title"},
		{"docs: rename", []string{"4", "j", "E"}, "rename doc"},
		{"docs: search", []string{"4", "/"}, "search docs"},
		{"docs: delete", []string{"4", "j", "d"}, "Delete the doc"},
	} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			m := started(t, size[0], size[1], nil)
			press(t, m, c.keys...)
			lines := strings.Split(phView(m), "\n")
			if !strings.Contains(lines[1], c.want) {
				t.Errorf("%s at %dx%d: first line of the pane is %q, want %q:\n%s", c.name, size[0], size[1], lines[1], c.want, strings.Join(lines, "\n"))
				continue
			}
			if n := strings.Count(phView(m), c.want); n != 1 {
				t.Errorf("%s at %dx%d: %q shown %d times", c.name, size[0], size[1], c.want, n)
			}
		}
	}
}
