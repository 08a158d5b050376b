package projects

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/ui/components"
)

// Mouse takes a mouse event over the switcher, y counted from its first
// line, double set on a double click: a click selects a project or a
// template, a double click opens the project or starts the new one (as
// enter does), the wheel scrolls the projects. While a name or an answer
// is asked for it does nothing.
func (s *Switcher) Mouse(msg tea.MouseMsg, double bool) tea.Cmd {
	if !s.open || s.prompt.Active() || s.confirm.Active() {
		return nil
	}
	if s.mode == modeTemplates {
		i := s.templateAt(msg.Y)
		if !components.LeftPress(msg) || i < 0 {
			return nil
		}
		s.tpl.Pos = i
		s.tpl.Clamp()
		if double {
			return s.askName(s.templates[i], "")
		}
		return nil
	}
	if d := components.Wheel(msg); d != 0 {
		s.list.Scroll(d)
		return nil
	}
	i := s.projectAt(msg.Y)
	if !components.LeftPress(msg) || i < 0 {
		return nil
	}
	s.list.Pos = i
	s.list.Clamp()
	if double {
		return s.openProject(s.shown[i])
	}
	return nil
}
