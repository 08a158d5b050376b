package components

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Whatever the window, the items and the scroll, the position stays on
// an item in view, and At names the items drawn, no other.
func TestScrollKeepsThePositionInView(t *testing.T) {
	for n := range 12 {
		for h := 1; h < 8; h++ {
			for pos := range max(n, 1) {
				for _, delta := range []int{-20, -3, -1, 1, 3, 20} {
					c := Cursor{N: n, Height: h, Pos: pos}
					c.Clamp()
					c.Scroll(delta)
					from, to := c.Visible()
					if n > 0 && (c.Pos < from || c.Pos >= to) {
						t.Fatalf("n=%d h=%d pos=%d scroll %d: position %d outside %d–%d", n, h, pos, delta, c.Pos, from, to)
					}
					for y := -1; y <= h; y++ {
						want := -1
						if y >= 0 && from+y < to {
							want = from + y
						}
						if got := c.At(y); got != want {
							t.Fatalf("n=%d h=%d offset=%d: At(%d) = %d, want %d", n, h, c.Offset, y, got, want)
						}
					}
				}
			}
		}
	}
}

// The wheel scrolls a picker taller than its box; a click then lands on
// the item drawn where it clicks, and a double click chooses it.
func TestPickerWheelThenClick(t *testing.T) {
	p, chosen := openPeople(t, 0)
	p.cur.Height = 2 // two items in view
	p.cur.Clamp()
	p.Mouse(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown}, false)
	if p.cur.Offset != 3 || selectedLabel(t, p) != "Kim Jones" {
		t.Fatalf("after a notch down: offset %d, on %q; want 3, Kim Jones", p.cur.Offset, selectedLabel(t, p))
	}
	click := tea.MouseMsg{Y: pickerHeadLines + 1, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
	p.Mouse(click, false)
	if selectedLabel(t, p) != "Jon Kjell" || len(*chosen) != 0 {
		t.Fatalf("a click on the second line shown: on %q, chosen %v", selectedLabel(t, p), *chosen)
	}
	p.Mouse(click, true)
	if len(*chosen) != 1 || (*chosen)[0] != 4 || p.Active() {
		t.Fatalf("a double click chose %v, picker open %v; want Jon Kjell (4), closed", *chosen, p.Active())
	}
}
