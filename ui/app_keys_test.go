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
	if m.Active() != 2 {
		t.Fatalf("@ left pane %d focused, want the RACI pane", m.Active())
	}
	if !strings.Contains(strings.ToLower(m.View()), "who are you") {
		t.Fatalf("@ opened no people picker:\n%s", m.View())
	}
}
