package ui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// "? all keys" leads to every other key: at 80 columns, in every pane and
// in triage, the help bar keeps it and lets the pane's keys give way.
func TestHelpBarKeepsTheWayToEveryKeyAt80Columns(t *testing.T) {
	m, _ := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 80, 24)
	for _, keys := range [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"2", "t"}, {"p"}} {
		press(t, m, keys...)
		bar := helpBar(m)
		if !strings.HasSuffix(strings.TrimRight(bar, " "), "? all keys") {
			t.Errorf("after %v the help bar is %q", keys, bar)
		}
		if w := ansi.StringWidth(bar); w > 80 {
			t.Errorf("after %v the help bar is %d wide", keys, w)
		}
		press(t, m, "esc")
	}
}
