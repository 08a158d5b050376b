package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The mouse on the real binary: tmux is told the terminal's mouse reports
// as typed text (send-keys -M only replays a mouse event tmux itself
// received), in the SGR encoding the program asks the terminal for.

// sgrMouse is one SGR mouse report for cell (x, y), counted from 0.
func sgrMouse(button, x, y int, release bool) string {
	end := "M"
	if release {
		end = "m"
	}
	return fmt.Sprintf("\x1b[<%d;%d;%d%s", button, x+1, y+1, end)
}

// click presses and releases the left button on (x, y), n times in one
// go (2: a double click).
func (s *tmuxSession) click(x, y, n int) {
	var b strings.Builder
	for range n {
		b.WriteString(sgrMouse(0, x, y, false) + sgrMouse(0, x, y, true))
	}
	s.keys("-l", b.String())
}

// wheelDown turns the wheel one notch down over (x, y).
func (s *tmuxSession) wheelDown(x, y int) { s.keys("-l", sgrMouse(65, x, y, false)) }

// cellOf is where text is first drawn on the screen, at or below line from.
func (s *tmuxSession) cellOf(text string, from int) (x, y int) {
	s.t.Helper()
	lines := strings.Split(s.waitFor(text), "\n")
	for y := from; y < len(lines); y++ {
		if i := strings.Index(lines[y], text); i >= 0 {
			return ansi.StringWidth(lines[y][:i]), y
		}
	}
	s.t.Fatalf("%q is not at or below line %d:\n%s", text, from, s.screen())
	return 0, 0
}

func TestMouseClicksAndWheel(t *testing.T) {
	t.Setenv("NO_COLOR", "1") // the selection then shows as ▸ on the screen
	s := startTmux(t, 100, 30, "--db", filepath.Join(t.TempDir(), "mouse.db"))
	s.waitFor("[1 Phases]", "▸ ✓ Discovery")

	// A tab, then a row, then a double click that opens a request.
	x, y := s.cellOf("2 Change requests", 0)
	s.click(x+2, y, 1)
	s.waitFor("[2 Change requests]", "▸ CR-1 ")
	x, y = s.cellOf("CR-6 ", 1)
	s.click(x, y, 1)
	s.waitFor("▸ CR-6 ", "4 of 15")
	x, y = s.cellOf("CR-10 ", 1)
	s.click(x, y, 2)
	s.waitFor("CR-10 · read-only")
	s.keys("Escape")
	s.waitFor("▸ CR-10 ")

	// A cell of the RACI matrix, then r: the letter lands there.
	x, y = s.cellOf("3 RACI", 0)
	s.click(x+1, y, 1)
	s.waitFor("[3 RACI]")
	px, _ := s.cellOf("Nicolas", 1)
	_, ry := s.cellOf("Design review sessions", 1)
	s.click(px+4, ry, 1)
	s.waitFor("Design review sessions × Nicolas Laurent (IT): no letter")
	s.keys("r")
	s.waitFor("Design review sessions × Nicolas Laurent (IT): Responsible")

	// The wheel over the doc scrolls it.
	x, y = s.cellOf("4 Docs", 0)
	s.click(x+1, y, 1)
	s.waitFor("[4 Docs]", "lines 1–")
	x, _ = s.cellOf("│", 1)
	s.wheelDown(x+10, 10)
	s.waitFor("lines 4–")

	s.keys("q")
	s.waitGone()
}
