package components

import tea "github.com/charmbracelet/bubbletea"

// WheelStep is how many rows one notch of the wheel scrolls, everywhere.
const WheelStep = 3

// LeftPress tells whether msg is a press of the left button (a click);
// releases and drags are not.
func LeftPress(msg tea.MouseMsg) bool {
	return msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
}

// Wheel is the rows a vertical wheel notch asks to scroll: -WheelStep up,
// +WheelStep down, 0 for anything else (shift+wheel included: terminals
// send it for sideways scrolling).
func Wheel(msg tea.MouseMsg) int {
	if msg.Action != tea.MouseActionPress || msg.Shift {
		return 0
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return -WheelStep
	case tea.MouseButtonWheelDown:
		return WheelStep
	}
	return 0
}

// WheelSideways is the columns a sideways notch asks to move: wheel left
// or right, or shift with the vertical wheel; -1, +1 or 0.
func WheelSideways(msg tea.MouseMsg) int {
	if msg.Action != tea.MouseActionPress {
		return 0
	}
	switch {
	case msg.Button == tea.MouseButtonWheelLeft, msg.Shift && msg.Button == tea.MouseButtonWheelUp:
		return -1
	case msg.Button == tea.MouseButtonWheelRight, msg.Shift && msg.Button == tea.MouseButtonWheelDown:
		return 1
	}
	return 0
}

// At is the item drawn on line y of the cursor's window (0 is the first
// line of the window), or -1 when y shows no item.
func (c Cursor) At(y int) int {
	from, to := c.Visible()
	if y < 0 || from+y >= to {
		return -1
	}
	return from + y
}

// Scroll moves the window by delta rows, as far as the items go. The
// position stays on its item while that item is in view, else it moves
// to the nearest one in view, so that a click lands where it is seen.
func (c *Cursor) Scroll(delta int) {
	h := max(c.Height, 1)
	c.Offset = min(max(c.Offset+delta, 0), max(c.N-h, 0))
	c.Pos = min(max(c.Pos, c.Offset), c.Offset+h-1)
	c.Clamp()
}
