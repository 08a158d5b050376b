package ui_test

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

// Flows through the Change requests pane, run by the real Bubble Tea
// program with teatest.

func crFlow(t *testing.T) (*teatest.TestModel, *store.Store, uint64) {
	t.Helper()
	m, s := newApp(t, nil)
	projects, err := s.Projects()
	if err != nil || len(projects) != 1 {
		t.Fatal(projects, err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitForLines(t, tm, []string{"Discovery"})
	tm.Send(key("2"))
	waitForLines(t, tm, []string{"sorted by priority"})
	return tm, s, projects[0].ID
}

func send(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		switch k {
		case "right":
			tm.Send(tea.KeyMsg{Type: tea.KeyRight})
		case "down":
			tm.Send(tea.KeyMsg{Type: tea.KeyDown})
		case "backspace":
			tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
		default:
			tm.Send(key(k))
		}
	}
}

func quit(t *testing.T, tm *teatest.TestModel) *ui.Model {
	t.Helper()
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	return tm.FinalModel(t).(*ui.Model)
}

func storedCR(t *testing.T, s *store.Store, pid, id uint64) model.ChangeRequest {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Changes {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("CR-%d is not stored", id)
	return model.ChangeRequest{}
}

func TestAddChangeRequestThroughTheForm(t *testing.T) {
	tm, s, pid := crFlow(t)
	// next moves to the next field and waits for it to take the focus:
	// huh moves focus in a command, so a key sent sooner would land in the
	// field being left.
	next := func(field string) {
		t.Helper()
		send(tm, "tab")
		waitForLines(t, tm, []string{"┃ " + field})
	}
	choose := func(option string) {
		t.Helper()
		send(tm, "right")
		waitForLines(t, tm, []string{"← " + option + " →"})
	}
	send(tm, "a")
	waitForLines(t, tm, []string{"New change request"})
	send(tm, "enter") // an empty title is refused under the field
	waitForLines(t, tm, []string{"✗ title is empty"})
	tm.Type("Consent checkbox on the signup form")
	next("Description")
	tm.Type("Legal asks for an explicit opt-in.")
	next("Area")
	choose("data fields")
	next("Raised by")
	tm.Type("Emma Girard")
	next("Raised in")
	next("Source key")
	next("Impact 1-5")
	tm.Type("9")
	send(tm, "tab")
	waitForLines(t, tm, []string{"✗ impact 9 is out of range: use 1 to 5"})
	send(tm, "backspace")
	tm.Type("4")
	next("Complexity")
	choose("low")
	next("Estimate h")
	tm.Type("3")
	next("Decision")
	choose("now (before go-live)")
	next("Status")
	next("Assignee")
	tm.Type("Julien Roux")
	send(tm, "enter")
	waitForLines(t, tm, []string{"added CR-16"})
	final := quit(t, tm)
	v := ansi.Strip(final.View())
	if !strings.Contains(v, "CR-16   Consent checkbox on the signup") {
		t.Fatalf("the new request is not in the table:\n%s", v)
	}
	c := storedCR(t, s, pid, 16)
	if c.Area != model.AreaDataFields || c.RaisedBy != "Emma Girard" || c.Impact != 4 || c.Complexity != model.ComplexityLow ||
		c.EstimateHrs != 3 || c.Decision != model.DecisionNow || c.Status != model.StatusTriaged || c.Assignee != "Julien Roux" {
		t.Fatalf("stored %+v", c)
	}
}

// triageThree rates and decides CR-12, CR-13 and CR-14 with single keys.
func triageThree(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	send(tm, "t")
	waitForLines(t, tm, []string{"CR-12 · 1 of 4 untriaged"})
	send(tm, "5", "l", "n")
	waitForLines(t, tm, []string{"CR-13 · 1 of 3 untriaged"})
	send(tm, "4", "l", "e")
	tm.Type("6")
	send(tm, "enter", "n")
	waitForLines(t, tm, []string{"CR-14 · 1 of 2 untriaged"})
	send(tm, "2", "h", "L")
	waitForLines(t, tm, []string{"CR-15 · 1 of 1 untriaged"})
	send(tm, "esc")
	// The table draws stored values: wait until the three are reloaded.
	waitForLines(t, tm,
		[]string{"CR-12", "quick win", "now", "triaged"},
		[]string{"CR-13", "quick win", "now", "triaged"},
		[]string{"CR-14", "money pit", "later", "deferred"})
}

// waitForLines waits until, for each group of parts, one drawn line holds
// every part of the group. The groups are checked on the same output, as
// a read consumes it.
func waitForLines(t *testing.T, tm *teatest.TestModel, groups ...[]string) {
	t.Helper()
	var out []byte
	holds := func(l string, parts []string) bool {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				return false
			}
		}
		return true
	}
	for deadline := time.Now().Add(waitLimit); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		b, err := io.ReadAll(tm.Output())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b...)
		lines := strings.Split(ansi.Strip(string(out)), "\n")
		missing := slices.IndexFunc(groups, func(parts []string) bool {
			return !slices.ContainsFunc(lines, func(l string) bool { return holds(l, parts) })
		})
		if missing < 0 {
			return
		}
	}
	t.Fatalf("no line holds all of %v in:\n%s", groups, ansi.Strip(string(out)))
}

func TestTriageThreeAndWatchTheMatrix(t *testing.T) {
	tm, s, pid := crFlow(t)
	send(tm, "m")
	waitForLines(t, tm, []string{"not rated yet: 4"})
	send(tm, "esc")
	triageThree(t, tm)
	send(tm, "m")
	waitForLines(t, tm, []string{"not rated yet: 1"})
	final := quit(t, tm)
	_ = final
	v := ansi.Strip(final.View())
	for _, want := range []string{"5 requests · 25 h", "CR-12 CR-1 CR-7 CR-13 CR-5", "2 requests · 70 h", "CR-14 CR-2", "rejected: 1 request, 50 h"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the matrix does not show %q:\n%s", want, v)
		}
	}
	if c := storedCR(t, s, pid, 13); c.Impact != 4 || c.EstimateHrs != 6 || c.Decision != model.DecisionNow {
		t.Fatalf("CR-13 = %+v", c)
	}
}

func TestUndoRestoresThePreviousValues(t *testing.T) {
	tm, s, pid := crFlow(t)
	send(tm, "t", "5", "h", "n")
	waitForLines(t, tm, []string{"CR-13 · 1 of 3 untriaged"})
	send(tm, "u") // the decision
	waitForLines(t, tm, []string{"CR-12 · 1 of 4 untriaged"})
	send(tm, "u") // complexity
	waitForLines(t, tm, []string{"undone: CR-12 updated: complexity"})
	send(tm, "esc", "g", "down", ">") // from the table: CR-7 ready for retest → verified
	waitForLines(t, tm, []string{"CR-7: status ready for retest → verified"})
	send(tm, "u")
	waitForLines(t, tm, []string{"undone: CR-7"})
	quit(t, tm)
	c := storedCR(t, s, pid, 12)
	if c.Impact != 5 || c.Complexity != model.ComplexityUnrated || c.Decision != model.DecisionUndecided || c.Status != model.StatusNew {
		t.Fatalf("CR-12 after two undos = %+v", c)
	}
	if c := storedCR(t, s, pid, 7); c.Status != model.StatusReadyForRetest {
		t.Fatalf("CR-7 after undo = %s", c.Status)
	}
}

func TestFilterTheTableByQuadrant(t *testing.T) {
	tm, _, _ := crFlow(t)
	send(tm, "m", "right", "down", "enter") // money pit
	waitForLines(t, tm, []string{"filter: quadrant: money pit"})
	final := quit(t, tm)
	var rows []string
	for _, l := range strings.Split(ansi.Strip(final.View()), "\n") {
		if l = uitest.Unmarked(l); strings.HasPrefix(l, "CR-") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("rows = %q", rows)
	}
	for _, r := range rows {
		if !strings.Contains(r, "money pit") {
			t.Fatalf("a row outside the quadrant: %q", r)
		}
	}
}

func TestTriageDecisionsSurviveReopening(t *testing.T) {
	tm, s, pid := crFlow(t)
	triageThree(t, tm)
	quit(t, tm)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ctx := &common.Context{Store: s2, Styles: themes.NewStyles(themes.Default(), true), Now: func() time.Time { return now }}
	m := ui.New(ctx, pid)
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	settle(t, m, cmd)
	press(t, m, "2")
	v := ansi.Strip(m.View())
	want := map[string][]string{
		"CR-12": {"quick win", "5", "low", "now", "triaged"},
		"CR-13": {"quick win", "4", "low", "6", "now", "triaged"},
		"CR-14": {"money pit", "2", "high", "later", "deferred"},
	}
	for _, l := range strings.Split(v, "\n") {
		f := strings.Fields(uitest.Unmarked(l))
		if len(f) == 0 {
			continue
		}
		if cells, ok := want[f[0]]; ok {
			for _, c := range cells {
				if !strings.Contains(l, " "+c+" ") {
					t.Errorf("%s lost %q after reopening: %q", f[0], c, l)
				}
			}
			delete(want, f[0])
		}
	}
	if len(want) > 0 {
		t.Fatalf("not shown after reopening: %v\n%s", want, v)
	}
}
