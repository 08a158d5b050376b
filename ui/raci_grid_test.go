package ui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"mopdeck/model"
	"mopdeck/store"
)

// projectOf reads back the one project of a test store.
func projectOf(t *testing.T, s *store.Store) model.ProjectData {
	t.Helper()
	ps, err := s.Projects()
	if err != nil || len(ps) == 0 {
		t.Fatalf("projects: %v", err)
	}
	d, err := s.LoadProject(ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSecondAccountableShowsWarning sets an A on a row that already has
// one, in the running program, and waits for the row's mark, the summary
// and the status note to say so; the store holds both A's.
func TestSecondAccountableShowsWarning(t *testing.T) {
	m, s := newApp(t, nil)
	d := projectOf(t, s)
	first := model.ActivitiesInOrder(d)[0]
	holder := map[uint64]model.Role{}
	for _, c := range d.Cells {
		if c.ActivityID == first.ID {
			holder[c.PersonID] = c.Role
		}
	}
	col := -1
	for i, p := range d.People {
		if holder[p.ID] != model.Accountable && col < 0 {
			col = i
		}
	}
	if col < 0 || len(model.CheckRow([]model.Role{model.Accountable, model.Responsible}, len(d.People))) != 0 {
		t.Fatal("the sample's first row has no one to give a second A")
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(160, 40))
	waitFor(t, tm, "Discovery")
	tm.Send(key("3"))
	waitFor(t, tm, "every row has one A and at least one R")
	for range col {
		tm.Send(key("l"))
	}
	tm.Send(key("a"))
	waitFor(t, tm, "warning: this row has more than one A")
	tm.Send(key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	v := ansi.Strip(tm.FinalModel(t).View())
	if !strings.Contains(v, "1 row breaks a rule (1 more than one A)") || !strings.Contains(v, "✗ >1 A") {
		t.Fatalf("the final frame lacks the warning:\n%s", v)
	}
	a := 0
	for _, c := range projectOf(t, s).Cells {
		if c.ActivityID == first.ID && c.Role.Has(model.Accountable) {
			a++
		}
	}
	if a != 2 {
		t.Fatalf("the store holds %d A's on %q, want 2", a, first.Name)
	}
}

// TestPromptHoldsTheKeyboard types q and 2 into the RACI prompts and
// picker: they are text there, neither quit nor switch tabs.
func TestPromptHoldsTheKeyboard(t *testing.T) {
	m := started(t, 120, 40, nil)
	press(t, m, "3", "P", "a", "q", "2")
	if m.Active() != 2 {
		t.Fatalf("typing 2 in the prompt switched to pane %d", m.Active())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "new person — name: q2") {
		t.Fatalf("the prompt did not get the keys:\n%s", v)
	}
	press(t, m, "esc", "@", "q")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Who are you?") || !strings.Contains(v, "filter: q") {
		t.Fatalf("the picker did not get the key:\n%s", v)
	}
	press(t, m, "esc", "2")
	if m.Active() != 1 {
		t.Fatalf("after esc, 2 should switch tabs; active = %d", m.Active())
	}
}

// TestRACIAlignsMixedWidthNames draws the grid in the whole window with
// accented, CJK, emoji, very long and hostile names: every frame fits, and
// the people's columns start at the same cell on every line.
func TestRACIAlignsMixedWidthNames(t *testing.T) {
	m := started(t, 120, 40, func(d *model.ProjectData) {
		d.People[0].Name = "山田 太郎"
		d.People[1].Name = "Zoë 🎉 Émile-Ångström"
		d.People[2].Name = "Eve\x1b[31m\x9b"
		d.People[3].Name = strings.Repeat("Featherstonehaugh ", 5)
		d.People[3].Team = "漢字チーム"
		d.Activities[0].Name = "設計 🎉 " + strings.Repeat("very long activity ", 4)
	})
	press(t, m, "3")
	v := m.View()
	assertFits(t, v, 120, 40)
	if strings.Contains(v, "\x1b[31m") || strings.Contains(v, "\u009b") {
		t.Fatal("a hostile name reached the terminal raw")
	}
	lines := strings.Split(ansi.Strip(v), "\n")
	// Tab bar, then summary; the header row of names is the third line.
	header := lines[2]
	starts := columnStarts(header, "Check")
	if len(starts) < 5 {
		t.Fatalf("too few columns found in %q", header)
	}
	if !strings.Contains(header, "山田 太郎") || !strings.Contains(header, "Zoë 🎉 É…") || !strings.Contains(header, "Feathers…") {
		t.Fatalf("names are not fitted to their columns: %q", header)
	}
	rows := 0
	for _, l := range lines[3 : len(lines)-3] {
		if strings.HasPrefix(l, "▾") || strings.TrimSpace(l) == "" {
			continue
		}
		for _, at := range starts {
			if c := ansi.Cut(l, at-1, at); c != " " {
				t.Fatalf("column starting at cell %d is not preceded by a blank in %q (got %q)", at, l, c)
			}
		}
		rows++
	}
	if rows < 10 {
		t.Fatalf("only %d grid lines checked", rows)
	}
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	settle(t, m, cmd)
	assertFits(t, m.View(), 80, 24)
}

// columnStarts finds where each person's column starts in the header: the
// cell after "Check"'s column, then every cellWidth (10) cells.
func columnStarts(header, after string) []int {
	i := strings.Index(header, after)
	if i < 0 {
		return nil
	}
	first := ansi.StringWidth(header[:i]) + 12
	var out []int
	for at := first; at+10 <= ansi.StringWidth(header); at += 10 {
		out = append(out, at)
	}
	return out
}
