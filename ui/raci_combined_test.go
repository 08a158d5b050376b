package ui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/store"
)

// cellOfSample reads a cell of the test store by activity and person
// names.
func cellOfSample(t *testing.T, s *store.Store, activity, person string) model.Role {
	t.Helper()
	d := projectOf(t, s)
	for _, c := range d.Cells {
		for _, a := range d.Activities {
			if a.ID == c.ActivityID && a.Name == activity && d.PersonName(c.PersonID) == person {
				return c.Role
			}
		}
	}
	return model.RoleNone
}

// In the whole app: a and r typed together on an empty cell of a row
// with no letter give the cell A/R, through the one writer and the
// events, whichever write's command runs first; the grid then shows
// A/R, and the row, whose A also does the work, is not short of an R.
func TestToggleAThenRInOneCellShowsAR(t *testing.T) {
	var first string
	m, s := newApp(t, func(d *model.ProjectData) {
		first = model.ActivitiesInOrder(*d)[0].Name
		keep := d.Cells[:0]
		for _, c := range d.Cells {
			if c.ActivityID != model.ActivitiesInOrder(*d)[0].ID {
				keep = append(keep, c)
			}
		}
		d.Cells = keep
	})
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 160, Height: 40})
	settle(t, m, cmd)
	press(t, m, "3")
	row := func() string {
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			if strings.Contains(l, first) {
				return l
			}
		}
		t.Fatalf("no row %q on screen:\n%s", first, ansi.Strip(m.View()))
		return ""
	}
	if r := row(); !strings.Contains(r, "no A no R") {
		t.Fatalf("the emptied row is not flagged: %q", r)
	}
	person := projectOf(t, s).People[0].Name
	_, cmd = m.Update(key("ar")) // read together: one message, two keys
	settle(t, m, cmd)
	if got := cellOfSample(t, s, first, person); got != model.Accountable|model.Responsible {
		t.Fatalf("stored %q, want A/R", got)
	}
	r := row()
	if !strings.Contains(r, "A/R") || !strings.Contains(r, "✓") || strings.Contains(r, "no R") {
		t.Fatalf("row = %q, want A/R and a tick", r)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "every row has one A and at least one R") || strings.Contains(v, "no R") {
		t.Fatalf("the screen still warns:\n%s", v)
	}
	// One key more takes the A off: the row lacks its A again.
	press(t, m, "a")
	if r := row(); !strings.Contains(r, "no A") || strings.Contains(r, "A/R") {
		t.Fatalf("after a again: %q", r)
	}
}
