package ui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// The mouse: a click on a tab switches pane; the wheel scrolls the full
// help; everything else goes to what is drawn over the pane's box (the
// project switcher, the "me" picker, else the pane on screen), with Y
// counted from the box's first line. Nothing acts while the window is
// too small. While a text input has the keyboard the tabs do not switch;
// the pane decides (a picker's filter takes clicks, a form does not).

func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall() {
		return nil
	}
	if m.showHelp {
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.helpTop = max(m.helpTop-3, 0)
		case tea.MouseButtonWheelDown:
			m.helpTop = min(m.helpTop+3, max(len(m.helpLines())-(m.height-m.chromeLines()), 0))
		}
		return nil
	}
	if m.log.open {
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.scrollLog(-3)
		case tea.MouseButtonWheelDown:
			m.scrollLog(3)
		}
		return nil
	}
	if msg.Y == 0 {
		if components.LeftPress(msg) && !m.switcher.Active() && !m.typing() {
			if i := m.tabAt(msg.X); i >= 0 {
				return m.focus(i)
			}
		}
		return nil
	}
	if msg.Y > m.height-m.chromeLines() {
		return nil // the status and help lines
	}
	msg.Y--
	double := m.double(msg)
	switch {
	case m.switcher.Active():
		return m.switcher.Mouse(msg, double)
	case m.me.Active():
		// The picker is drawn over the pane, which must not see the
		// click through it.
		return m.me.Mouse(msg, double)
	}
	return m.panes[m.active].Update(common.MouseMsg{MouseMsg: msg, Double: double})
}

// tabAt is the tab under column x of the tab bar, or -1: the tabs are
// measured as tabBar draws them.
func (m *Model) tabAt(x int) int {
	at := 0
	for i, p := range m.panes {
		w := ansi.StringWidth(m.ctx.Styles.Tab(fmt.Sprintf("%d %s", i+1, p.Title()), i == m.active))
		if x >= at && x < at+w {
			return i
		}
		at += w
	}
	return -1
}

// doubleClick is the longest gap between the two clicks of a double click.
const doubleClick = 400 * time.Millisecond

// double tells whether a left press is the second of a double click: the
// same cell, soon after the first.
func (m *Model) double(msg tea.MouseMsg) bool {
	if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
		return false
	}
	now := m.ctx.Now()
	d := m.lastClick.X == msg.X && m.lastClick.Y == msg.Y && now.Sub(m.lastClickAt) <= doubleClick
	m.lastClick, m.lastClickAt = msg, now
	if d {
		m.lastClickAt = time.Time{} // a third click starts again
	}
	return d
}
