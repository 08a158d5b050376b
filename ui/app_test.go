package ui_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui"
	"mopdeck/ui/uitest"
)

// now is the fixed clock of every UI test.
var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// newApp opens a fresh database holding the sample project (plus edits)
// and returns the root model and its store.
func newApp(t testing.TB, edit func(d *model.ProjectData)) (*ui.Model, *store.Store) {
	t.Helper()
	ctx, pid := uitest.Sample(t, edit)
	return ui.New(ctx, pid), ctx.Store
}

// settle runs a command and every command it leads to, feeding each
// message back into the model, as the Bubble Tea runtime would.
func settle(t testing.TB, m *ui.Model, cmd tea.Cmd) {
	t.Helper()
	uitest.Settle(t, cmd, func(msg tea.Msg) []tea.Cmd {
		if _, quit := msg.(tea.QuitMsg); quit {
			return nil
		}
		_, next := m.Update(msg)
		return []tea.Cmd{next}
	})
}

func key(s string) tea.KeyMsg { return uitest.Key(s) }

// started returns a model that has loaded its project at the given size.
func started(t testing.TB, w, h int, edit func(d *model.ProjectData)) *ui.Model {
	m, _ := newApp(t, edit)
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	settle(t, m, cmd)
	return m
}

func press(t testing.TB, m *ui.Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := m.Update(key(k))
		settle(t, m, cmd)
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, what string) { waitForKeep(t, tm, what) }

// waitForKeep is waitFor returning the output it read to find what: the
// renderer repaints only lines that change, so a line already drawn is
// not drawn again, and a test looking for it must look in what was read.
func waitForKeep(t *testing.T, tm *teatest.TestModel, what string) []byte {
	t.Helper()
	var seen []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen = b
		return bytes.Contains(b, []byte(what))
	}, teatest.WithDuration(waitLimit), teatest.WithCheckInterval(20*time.Millisecond))
	return seen
}

// waitLimit is how long a flow waits for the screen: generous, for a
// loaded machine running the race detector; a passing test waits far
// less.
const waitLimit = 15 * time.Second

func TestWalkThroughEveryPane(t *testing.T) {
	m, _ := newApp(t, nil)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Discovery")
	tm.Send(key("tab"))
	waitFor(t, tm, "CR-")
	tm.Send(key("3"))
	waitFor(t, tm, "activities")
	tm.Send(key("4"))
	waitFor(t, tm, "Requirements sheet")
	tm.Send(key("?"))
	waitFor(t, tm, "Everywhere")
	tm.Send(tea.WindowSizeMsg{Width: 40, Height: 10})
	waitFor(t, tm, "too small")
	tm.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.Send(key("x")) // closes the help
	waitFor(t, tm, "Docs")
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(*ui.Model)
	if final.Active() != 3 {
		t.Fatalf("active pane = %d, want 3 (Docs)", final.Active())
	}
}

func TestEveryPaneShowsItsData(t *testing.T) {
	m := started(t, 120, 40, nil)
	want := []string{"Discovery", "CR-", "sign-off", "Discovery"}
	for i, w := range want {
		press(t, m, string(rune('1'+i)))
		if v := ansi.Strip(m.View()); !strings.Contains(v, w) {
			t.Errorf("pane %d does not show %q:\n%s", i+1, w, v)
		}
	}
}

func TestHostileTitleIsDrawnInert(t *testing.T) {
	hostile := "Fix\x1b]52;c;ZXZpbA==\x07 form\x1b[2J now"
	m := started(t, 120, 40, func(d *model.ProjectData) {
		d.Changes[0].Title = hostile
		d.Changes[0].Impact, d.Changes[0].Complexity = 5, model.ComplexityLow
		d.People[0].Name = "Eve\x1b[31m\x9b"
	})
	for _, pane := range []string{"2", "3", "1"} {
		press(t, m, pane)
		v := m.View()
		for _, bad := range []string{"\x1b]", "\x1b[2J", "\x07", "\x1b[31m", "\u009b"} {
			if strings.Contains(v, bad) {
				t.Fatalf("pane %s drew %q raw:\n%q", pane, bad, v)
			}
		}
	}
	press(t, m, "2")
	if v := m.View(); !strings.Contains(v, "Fix␛]52;c;ZXZpbA==␇ form␛[2J now") {
		t.Fatalf("the hostile title is not shown with placeholders:\n%s", v)
	}
}

func TestNoSizeOverflowsTheWindow(t *testing.T) {
	sizes := [][2]int{{1, 1}, {10, 3}, {20, 5}, {79, 24}, {80, 24}, {100, 30}, {300, 100}}
	m := started(t, 80, 24, func(d *model.ProjectData) {
		d.People[1].Name = "山田 太郎 🎉 Zoë"
		d.Changes[1].Title = "対応する 🎉🎉 emoji field rename with a very long title that goes on"
	})
	for _, pane := range []string{"1", "2", "3", "4"} {
		press(t, m, pane)
		for _, sz := range sizes {
			_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			settle(t, m, cmd)
			assertFits(t, m.View(), sz[0], sz[1])
		}
	}
}

func assertFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%d lines in a %d×%d window", len(lines), w, h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line %d is %d cells wide in a %d×%d window: %q", i, lw, w, h, l)
		}
	}
}

func TestViewBeforeFirstSizeIsEmpty(t *testing.T) {
	m, _ := newApp(t, nil)
	if v := m.View(); v != "" {
		t.Fatalf("view before any size = %q", v)
	}
}

func TestFilterChangeRequestsByText(t *testing.T) {
	m := started(t, 120, 40, nil)
	press(t, m, "2", "/")
	for _, r := range "money pit" {
		press(t, m, string(r))
	}
	press(t, m, "enter")
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "filter: money pit") {
		t.Fatalf("the active filter is not shown:\n%s", v)
	}
	for _, line := range strings.Split(v, "\n") {
		if strings.HasPrefix(uitest.Unmarked(line), "CR-") && !strings.Contains(line, "money pit") {
			t.Fatalf("a row outside the filter is shown: %q", line)
		}
	}
	if strings.Count(v, "money pit") < 2 {
		t.Fatalf("the money pits are not listed:\n%s", v)
	}
	press(t, m, "esc")
	if v := ansi.Strip(m.View()); strings.Contains(v, "filter:") || !strings.Contains(v, "quick win") {
		t.Fatalf("esc did not clear the filter:\n%s", v)
	}
}
