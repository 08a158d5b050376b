package ui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func click(x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
}

func wheel(down bool, x, y int) tea.MouseMsg {
	b := tea.MouseButtonWheelUp
	if down {
		b = tea.MouseButtonWheelDown
	}
	return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: b}
}

// A click on a tab's label opens that pane.
func TestClickATab(t *testing.T) {
	m := started(t, 120, 40, nil)
	bar := ansi.Strip(strings.Split(m.View(), "\n")[0])
	for i, title := range []string{"RACI", "Docs", "Change requests", "Phases"} {
		x := strings.Index(bar, title)
		if x < 0 {
			t.Fatalf("no %q in the tab bar %q", title, bar)
		}
		_, cmd := m.Update(click(ansi.StringWidth(bar[:x]), 0))
		settle(t, m, cmd)
		if want := []int{2, 3, 1, 0}[i]; m.Active() != want {
			t.Fatalf("click on %q: pane %d active, want %d", title, m.Active(), want)
		}
		bar = ansi.Strip(strings.Split(m.View(), "\n")[0])
	}
}

// The wheel scrolls the full help when it is taller than the window.
func TestWheelScrollsTheHelp(t *testing.T) {
	m := started(t, 80, 24, nil)
	press(t, m, "3", "?")
	top := m.View()
	_, cmd := m.Update(wheel(true, 10, 10))
	settle(t, m, cmd)
	if m.View() == top {
		t.Fatal("the wheel does not scroll the help")
	}
	_, cmd = m.Update(wheel(false, 10, 10))
	settle(t, m, cmd)
	if m.View() != top {
		t.Fatal("wheel up does not come back to the top")
	}
}

// Nothing happens on a click while the window is too small.
func TestClickDoesNothingWhileTooSmall(t *testing.T) {
	m := started(t, 60, 20, nil)
	_, cmd := m.Update(click(30, 0))
	settle(t, m, cmd)
	if m.Active() != 0 {
		t.Fatalf("pane %d active after a click on a window too small", m.Active())
	}
}
