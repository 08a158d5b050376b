package ui_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/ui"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

// errLongRefusal is a sign-off refusal with two blockers, longer than one
// status line at 80 columns.
var errLongRefusal = errors.New(`the "Build" gate cannot be signed off: exit item "Integration tested with the CRM sandbox" is not checked; ` +
	`deliverable "Runbook for the go-live weekend" is not done`)

// sendMsg hands the root one message and runs what it leads to.
func sendMsg(t *testing.T, m *ui.Model, msg tea.Msg) {
	t.Helper()
	_, cmd := m.Update(msg)
	settle(t, m, cmd)
}

// A long error is shown whole on two or three status lines; the panes give
// up the lines it takes, so the frame still fits and the help bar stays
// last; the next key gives them back.
func TestLongErrorTakesMoreStatusLines(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m := started(t, sz[0], sz[1], nil)
		before := strings.Split(phView(m), "\n")
		sendMsg(t, m, common.ErrMsg{Err: errLongRefusal})
		v := phView(m)
		assertFitsAt(t, fmt.Sprintf("error at %d×%d", sz[0], sz[1]), m.View(), sz[0], sz[1])
		lines := strings.Split(v, "\n")
		if len(lines) != sz[1] {
			t.Fatalf("%d lines at %d×%d", len(lines), sz[0], sz[1])
		}
		flat := strings.Join(strings.Fields(v), " ")
		if !strings.Contains(flat, "Runbook for the go-live weekend\" is not done") {
			t.Errorf("the second blocker is cut at %d×%d:\n%s", sz[0], sz[1], v)
		}
		if lines[len(lines)-1] != before[len(before)-1] {
			t.Errorf("help bar moved or changed: %q, was %q", lines[len(lines)-1], before[len(before)-1])
		}
		if lines[0] != before[0] {
			t.Errorf("tab bar changed: %q, was %q", lines[0], before[0])
		}
		press(t, m, "esc")
		if got := phView(m); got != strings.Join(before, "\n") {
			t.Errorf("after a key the window is not as before:\n%s\nwas:\n%s", got, strings.Join(before, "\n"))
		}
	}
}

// A long note is shown whole too: its end is often what to do next.
func TestLongNoteTakesMoreStatusLines(t *testing.T) {
	m := started(t, 80, 24, nil)
	note := `created "Go-live checklist for the spring campaign": press e to write it in your editor`
	sendMsg(t, m, common.NoteMsg{Text: note})
	v := phView(m)
	assertFitsAt(t, "note at 80×24", m.View(), 80, 24)
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "press e to write it in your editor") {
		t.Errorf("the note is cut:\n%s", v)
	}
	if strings.Contains(v, "✗") {
		t.Errorf("a note drawn as an error:\n%s", v)
	}
}

// An error longer than three lines is cut on the third, which says where
// the rest is.
func TestVeryLongErrorPointsToTheLog(t *testing.T) {
	m := started(t, 80, 24, nil)
	sendMsg(t, m, common.ErrMsg{Err: errors.New(strings.Repeat("blocker after blocker ", 30) + "THE END")})
	v := phView(m)
	assertFitsAt(t, "very long error", m.View(), 80, 24)
	if strings.Contains(v, "THE END") || !strings.Contains(v, "(L: the whole message)") {
		t.Errorf("a message longer than the status area is not cut with a pointer:\n%s", v)
	}
}

// Window sizes with a long error on show: every frame fits.
func TestLongErrorFitsEverySize(t *testing.T) {
	m := started(t, 80, 24, wideData)
	for _, sz := range windowSizes {
		resize(t, m, sz[0], sz[1])
		sendMsg(t, m, common.ErrMsg{Err: errLongRefusal})
		assertFitsAt(t, fmt.Sprintf("error at %d×%d", sz[0], sz[1]), m.View(), sz[0], sz[1])
		resize(t, m, sz[1]+sz[0]/2, sz[1])
		assertFitsAt(t, fmt.Sprintf("error after a resize to %d×%d", sz[1]+sz[0]/2, sz[1]), m.View(), sz[1]+sz[0]/2, sz[1])
	}
}

// L shows the last 50 messages in full, newest first, with their time and
// errors marked; it scrolls, and any other key closes it.
func TestMessageLog(t *testing.T) {
	m := started(t, 100, 30, nil)
	for i := 1; i <= 55; i++ {
		if i%5 == 0 {
			sendMsg(t, m, common.ErrMsg{Err: fmt.Errorf("message %d went wrong", i)})
			continue
		}
		sendMsg(t, m, common.NoteMsg{Text: fmt.Sprintf("message %d saved", i)})
	}
	sendMsg(t, m, common.ErrMsg{Err: errLongRefusal})
	press(t, m, "L")
	v := phView(m)
	if !strings.Contains(v, "Messages") {
		t.Fatalf("L did not open the log:\n%s", v)
	}
	stamp := uitest.Now.Format("Jan 02 15:04:05")
	flat := strings.Join(strings.Fields(v), " ")
	if !strings.Contains(flat, stamp+" ✗ "+strings.Join(strings.Fields(errLongRefusal.Error()), " ")) {
		t.Errorf("the newest message is not first, whole, timed and marked:\n%s", v)
	}
	if !strings.Contains(v, "✗ message 55 went wrong") || strings.Contains(v, "✗ message 54") {
		t.Errorf("errors are not marked, or notes are:\n%s", v)
	}
	for range 20 {
		press(t, m, "pgdown")
	}
	v = phView(m)
	if !strings.Contains(v, "message 7 saved") || strings.Contains(v, "message 6 saved") {
		t.Errorf("the log's end is not the 50th newest message:\n%s", v)
	}
	assertFitsAt(t, "log", m.View(), 100, 30)
	press(t, m, "x")
	if strings.Contains(phView(m), "newest first") {
		t.Error("another key did not close the log")
	}
}

// Each line of the log fits, however long a message is.
func TestMessageLogWrapsLongMessages(t *testing.T) {
	m := started(t, 80, 24, nil)
	sendMsg(t, m, common.ErrMsg{Err: errors.New(strings.Repeat("word ", 40) + "LAST")})
	press(t, m, "L")
	for _, l := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("a %d-cell line: %q", w, l)
		}
	}
	if !strings.Contains(phView(m), "LAST") {
		t.Errorf("the message is cut in the log:\n%s", phView(m))
	}
}
