package uitest

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// namedKeys are the key names tests may press besides typed text.
var namedKeys = map[string]tea.KeyType{
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"backspace": tea.KeyBackspace, "ctrl+n": tea.KeyCtrlN, "ctrl+p": tea.KeyCtrlP, "ctrl+u": tea.KeyCtrlU,
}

// Key is the message of a named key ("esc", "up", "space"…) or of typed
// text ("a", "CR-12").
func Key(s string) tea.KeyMsg {
	if s == "space" {
		// Runes too, so that a text input types the space.
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
	}
	if t, ok := namedKeys[s]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// Settle runs cmd and every command it leads to, in order, as the Bubble
// Tea runtime would: batches are flattened here, and deliver handles every
// other message and returns the commands it leads to. A chain that never
// ends fails the test.
func Settle(t testing.TB, cmd tea.Cmd, deliver func(tea.Msg) []tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			queue = append(queue, deliver(msg)...)
		}
	}
}
