package ui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
)

// burst is what Bubble Tea v1 hands over when several printable keys are
// read at once (fast typing, key repeat, SSH): one message, many runes.
func burst(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// A "jjj" read in one go moves the cursor three rows, as three j's do.
func TestBurstOfKeysActsKeyByKey(t *testing.T) {
	one := started(t, 120, 40, nil)
	press(t, one, "2", "j", "j", "j")
	three := started(t, 120, 40, nil)
	press(t, three, "2")
	_, cmd := three.Update(burst("jjj"))
	settle(t, three, cmd)
	if one.View() != three.View() {
		t.Fatalf("jjj in one message differs from three j's:\n%s\n---\n%s", three.View(), one.View())
	}
}

// In triage, "4m" read at once rates impact 4 and complexity medium.
func TestBurstInTriageRatesBoth(t *testing.T) {
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	press(t, m, "2", "t")
	_, cmd := m.Update(burst("4m"))
	settle(t, m, cmd)
	d := projectOf(t, s)
	var c model.ChangeRequest
	for _, x := range d.Changes {
		if x.ID == 12 {
			c = x
		}
	}
	if c.Impact != 4 || c.Complexity != model.ComplexityMedium {
		t.Fatalf("CR-12 after \"4m\": impact %d, complexity %s; want 4, medium", c.Impact, c.Complexity)
	}
}

// A burst that opens a text input sends the rest into it as typed.
func TestBurstIntoAPromptTypesTheRest(t *testing.T) {
	m := started(t, 120, 40, nil)
	press(t, m, "2")
	_, cmd := m.Update(burst("/legal"))
	settle(t, m, cmd)
	press(t, m, "enter")
	if v := m.View(); !strings.Contains(v, "legal") || !strings.Contains(v, "CR-5") || strings.Contains(v, "CR-1 ") {
		t.Fatalf("the filter did not get \"legal\":\n%s", v)
	}
}

// While "window too small" is shown, keys do nothing: 2 d y deletes no
// request that is not on screen.
func TestKeysDoNothingWhileTheWindowIsTooSmall(t *testing.T) {
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 60, 20)
	before := len(projectOf(t, s).Changes)
	press(t, m, "2", "d", "y")
	if n := len(projectOf(t, s).Changes); n != before {
		t.Fatalf("%d change requests, want %d: a key acted while the window was too small", n, before)
	}
	resize(t, m, 120, 40)
	if m.Active() != 0 {
		t.Fatalf("pane %d is active, want the first: 2 acted while too small", m.Active())
	}
}

// ? shows every key in triage too, and the full help scrolls when it is
// taller than the window.
func TestHelpInEveryModeAndScrolls(t *testing.T) {
	m := started(t, 80, 24, nil)
	press(t, m, "2", "t", "?")
	if v := m.View(); !strings.Contains(v, "Keys") || !strings.Contains(v, "decide") {
		t.Fatalf("? in triage does not show the triage keys:\n%s", v)
	}
	// The title spans the window above the columns: it says how to close.
	if v := m.View(); !strings.Contains(v, "any other key closes)") {
		t.Fatalf("the help's title is cut:\n%s", v)
	}
	press(t, m, "esc")
	if v := m.View(); !strings.Contains(v, "Triage · ") {
		t.Fatalf("closing the help did not return to triage:\n%s", v)
	}
	press(t, m, "esc", "3", "?")
	first := m.View()
	press(t, m, "pgdown")
	if m.View() == first {
		t.Fatalf("the RACI help does not scroll at 80×24:\n%s", first)
	}
	press(t, m, "pgup")
	if m.View() != first {
		t.Fatal("pgup does not come back to the top of the help")
	}
}

// A pasted bidi override or escape is never echoed raw by an input: the
// filter prompt shows its placeholder.
func TestPastedControlsAreShownAsPlaceholders(t *testing.T) {
	m := started(t, 120, 40, nil)
	press(t, m, "2", "/")
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ab\u202ecd\x1b[2J"), Paste: true})
	settle(t, m, cmd)
	v := m.View()
	if strings.ContainsRune(v, '\u202e') || strings.ContainsRune(v, '\x1b') {
		t.Fatalf("the prompt echoes raw controls: %q", v)
	}
	if !strings.Contains(v, "cd␛[2J") {
		t.Fatalf("the prompt does not show the placeholders:\n%s", v)
	}
}
