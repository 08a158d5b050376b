package components

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Cursor is a position in a list of n items with a window of h visible
// rows that scrolls to keep the position in view.
type Cursor struct {
	Pos, Offset, N, Height int
}

// Clamp keeps position and offset valid after N or Height changed.
func (c *Cursor) Clamp() {
	if c.Pos >= c.N {
		c.Pos = c.N - 1
	}
	if c.Pos < 0 {
		c.Pos = 0
	}
	h := max(c.Height, 1)
	if c.Pos < c.Offset {
		c.Offset = c.Pos
	}
	if c.Pos >= c.Offset+h {
		c.Offset = c.Pos - h + 1
	}
	if c.Offset > max(c.N-h, 0) {
		c.Offset = max(c.N-h, 0)
	}
	if c.Offset < 0 {
		c.Offset = 0
	}
}

// Move shifts the position by delta and keeps it in view.
func (c *Cursor) Move(delta int) {
	c.Pos += delta
	c.Clamp()
}

// HandleKey moves the cursor for a navigation key; it reports whether the
// key was one.
func (c *Cursor) HandleKey(k NavKeys, msg tea.KeyMsg) bool {
	page := max(c.Height-1, 1)
	switch {
	case key.Matches(msg, k.Up):
		c.Move(-1)
	case key.Matches(msg, k.Down):
		c.Move(1)
	case key.Matches(msg, k.PageUp):
		c.Move(-page)
	case key.Matches(msg, k.PageDown):
		c.Move(page)
	case key.Matches(msg, k.Top):
		c.Move(-c.N)
	case key.Matches(msg, k.Bottom):
		c.Move(c.N)
	default:
		return false
	}
	return true
}

// Visible returns the half-open range of items on screen.
func (c Cursor) Visible() (from, to int) {
	return c.Offset, min(c.Offset+max(c.Height, 0), c.N)
}
