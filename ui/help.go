package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// The full help (?) opens over any pane and any mode but a text input,
// and scrolls when it is taller than the window.

func (m *Model) openHelp() {
	m.showHelp, m.helpTop = true, 0
}

// helpKey scrolls the full help; any other key closes it (q still quits).
func (m *Model) helpKey(msg tea.KeyMsg) tea.Cmd {
	page := max(m.height-m.chromeLines()-1, 1)
	last := max(len(m.helpLines())-(m.height-m.chromeLines()), 0)
	switch msg.String() {
	case "up", "k":
		m.helpTop = max(m.helpTop-1, 0)
	case "down", "j":
		m.helpTop = min(m.helpTop+1, last)
	case "pgup":
		m.helpTop = max(m.helpTop-page, 0)
	case "pgdown", " ":
		m.helpTop = min(m.helpTop+page, last)
	case "q":
		return tea.Quit
	default:
		m.showHelp = false
	}
	return nil
}
