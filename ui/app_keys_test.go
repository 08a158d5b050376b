package ui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
)

func TestATerminalWithNoSizeGetsEightyByTwentyFour(t *testing.T) {
	m, _ := newApp(t, nil)
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 0, Height: 0})
	settle(t, m, cmd)
	v := m.View()
	if !strings.Contains(v, "Phases") {
		t.Fatalf("a terminal reporting 0×0 shows nothing:\n%q", v)
	}
	assertFits(t, v, 80, 24)
}

func TestAtPicksMeFromAnyPane(t *testing.T) {
	m := started(t, 120, 40, func(d *model.ProjectData) { d.Project.MeID = 0 })
	press(t, m, "4", "@")
	if m.Active() != 3 {
		t.Fatalf("@ left pane %d focused, want the Docs pane it was pressed on", m.Active())
	}
	if !strings.Contains(strings.ToLower(m.View()), "who are you") {
		t.Fatalf("@ opened no people picker:\n%s", m.View())
	}
}

// While a pane holds the keyboard, the help bar offers no global key the
// pane would take for itself; ? and ctrl+c still act, outside text inputs.
func TestHelpBarDropsGlobalKeysWhileAPaneHoldsTheKeyboard(t *testing.T) {
	m := started(t, 200, 40, nil)
	press(t, m, "2")
	lines := strings.Split(m.View(), "\n")
	if bar := lines[len(lines)-1]; !strings.Contains(bar, "q quit") || !strings.Contains(bar, "tab") {
		t.Fatalf("the table's help bar lacks the global keys: %q", bar)
	}
	press(t, m, "m") // the matrix holds the keyboard; q goes back
	lines = strings.Split(m.View(), "\n")
	bar := lines[len(lines)-1]
	for _, global := range []string{"q quit", "tab next pane", "p projects"} {
		if strings.Contains(bar, global) {
			t.Errorf("the matrix's help bar offers %q, which the matrix takes for itself: %q", global, bar)
		}
	}
	if !strings.Contains(bar, "ctrl+c") || !strings.Contains(bar, "? all keys") {
		t.Errorf("the matrix's help bar does not offer ? and ctrl+c: %q", bar)
	}
	press(t, m, "esc", "/") // a text prompt: ? is a character there
	lines = strings.Split(m.View(), "\n")
	if bar := lines[len(lines)-1]; strings.Contains(bar, "? all keys") {
		t.Errorf("the filter prompt's help bar offers ?, which types a character: %q", bar)
	}
}
