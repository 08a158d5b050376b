package raci

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

var testNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// harness is a pane on a real store, with the root's part played by a
// uitest.Host: a write's events are applied to the project it holds and
// handed to the pane; errors and notes are kept for assertions.
type harness struct {
	t     testing.TB
	pane  *Pane
	store *store.Store
	pid   uint64
	host  *uitest.Host
}

func newHarness(t testing.TB, d model.ProjectData, w, h int) *harness {
	t.Helper()
	ctx, pid := uitest.Project(t, d)
	hs := &harness{t: t, pane: New(ctx), store: ctx.Store}
	hs.host = &uitest.Host{Pane: hs.pane}
	hs.pane.SetSize(w, h)
	hs.open(pid)
	return hs
}

// open loads project pid, as the root does at start and on a switch.
func (hs *harness) open(pid uint64) {
	hs.t.Helper()
	hs.pid = pid
	hs.host.Data = nil
	hs.host.Load = common.LoadProject(hs.store, pid)
	hs.run(hs.host.Load)
}

// run executes a command and everything it leads to, the commands of a
// batch in a shuffled order.
func (hs *harness) run(cmd tea.Cmd) {
	hs.t.Helper()
	uitest.Settle(hs.t, cmd, hs.host.Deliver)
}

// send hands the pane a key and returns its command without running it:
// the key's write is queued, and what it changes is not shown yet.
func (hs *harness) send(k string) tea.Cmd {
	hs.host.Err = ""
	return hs.pane.Update(keyMsg(k))
}

func (hs *harness) press(keys ...string) {
	hs.t.Helper()
	for _, k := range keys {
		hs.run(hs.send(k))
	}
}

// typeText types s into an open prompt or picker, then presses enter.
func (hs *harness) typeText(s string) {
	hs.t.Helper()
	hs.typeOnly(s)
	hs.press("enter")
}

// typeOnly types s into an open prompt or picker.
func (hs *harness) typeOnly(s string) {
	hs.t.Helper()
	for _, r := range s {
		hs.run(hs.pane.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
	}
}

func (hs *harness) err() string  { return hs.host.Err }
func (hs *harness) note() string { return hs.host.Note }

func keyMsg(s string) tea.KeyMsg { return uitest.Key(s) }

func (hs *harness) view() string { return ansi.Strip(hs.pane.View()) }

func (hs *harness) data() model.ProjectData {
	hs.t.Helper()
	d, err := hs.store.LoadProject(hs.pid)
	if err != nil {
		hs.t.Fatal(err)
	}
	return d
}

// roleOf reads a cell from the store.
func (hs *harness) roleOf(activity, person string) model.Role {
	d := hs.data()
	var aid, pid uint64
	for _, a := range d.Activities {
		if a.Name == activity {
			aid = a.ID
		}
	}
	for _, p := range d.People {
		if p.Name == person {
			pid = p.ID
		}
	}
	for _, c := range d.Cells {
		if c.ActivityID == aid && c.PersonID == pid {
			return c.Role
		}
	}
	return model.RoleNone
}

// cursorRole is the letter the grid shows under the cursor.
func (hs *harness) cursorRole() model.Role {
	return hs.pane.grid.role(hs.pane.rowCur.Pos, hs.pane.colCur.Pos)
}

// goTo puts the cursor on an activity and a person by name.
func (hs *harness) goTo(activity, person string) {
	hs.t.Helper()
	p := hs.pane
	found := false
	for r, rw := range p.grid.rows {
		if !rw.isHeading() && rw.activity.Name == activity {
			p.rowCur.Pos, found = r, true
			p.rowCur.Clamp()
		}
	}
	for c, pe := range p.grid.people {
		if pe.Name == person {
			p.colCur.Pos = c
			p.colCur.Clamp()
			if !found {
				break
			}
			return
		}
	}
	hs.t.Fatalf("no cell %q × %q", activity, person)
}

// smallProject is two phases, three activities and three people.
func smallProject() model.ProjectData {
	return model.ProjectData{
		Project: model.Project{Name: "Small", Template: "mrm", Start: testNow},
		Phases:  []model.Phase{{ID: 1, Name: "Design", Order: 0}, {ID: 2, Name: "Build", Order: 1}},
		People: []model.Person{
			{ID: 1, Name: "Ana", Team: "marketing"},
			{ID: 2, Name: "Bo", Team: "IT"},
			{ID: 3, Name: "Cy", Team: "creative"},
		},
		Activities: []model.Activity{
			{ID: 1, Name: "Design document", PhaseID: 1, Order: 0},
			{ID: 2, Name: "Design review", PhaseID: 1, Order: 1},
			{ID: 3, Name: "Build config", PhaseID: 2, Order: 2},
		},
		Cells: []model.Assignment{
			{ActivityID: 1, PersonID: 1, Role: model.Accountable},
			{ActivityID: 1, PersonID: 2, Role: model.Responsible},
			{ActivityID: 2, PersonID: 1, Role: model.Accountable},
			{ActivityID: 2, PersonID: 3, Role: model.Responsible},
			{ActivityID: 3, PersonID: 2, Role: model.Accountable},
			{ActivityID: 3, PersonID: 3, Role: model.Responsible},
		},
	}
}

// bigProject is a matrix of the size the pane must stay fast at: rows
// activities over eight phases, cols people, each row valid.
func bigProject(rows, cols int) model.ProjectData {
	d := model.ProjectData{Project: model.Project{Name: "Big", Template: "mrm", Start: testNow}}
	for i := range 8 {
		d.Phases = append(d.Phases, model.Phase{ID: uint64(i + 1), Name: fmt.Sprintf("Phase %d", i+1), Order: i})
	}
	teams := model.Teams
	for i := range cols {
		d.People = append(d.People, model.Person{ID: uint64(i + 1), Name: fmt.Sprintf("P%02d Name", i+1), Team: teams[i%len(teams)]})
	}
	letters := []model.Role{model.Consulted, model.Informed, model.RoleNone, model.RoleNone, model.Informed}
	for i := range rows {
		id := uint64(i + 1)
		d.Activities = append(d.Activities, model.Activity{ID: id, Name: fmt.Sprintf("Activity %03d %s", i+1, strings.Repeat("x", i%20)), PhaseID: uint64(i%8 + 1), Order: i})
		for c := range cols {
			role := letters[(i+c)%len(letters)]
			switch c {
			case i % cols:
				role = model.Accountable
			case (i + 1) % cols:
				role = model.Responsible
			}
			if role != model.RoleNone {
				d.Cells = append(d.Cells, model.Assignment{ActivityID: id, PersonID: uint64(c + 1), Role: role})
			}
		}
	}
	return d
}
