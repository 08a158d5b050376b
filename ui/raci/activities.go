package raci

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

var errNoActivity = errors.New("no activity under the cursor: add one with n")

// activityKey handles the row keys: add, rename, move, tie, delete.
func (p *Pane) activityKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case key.Matches(msg, k.addActivity):
		return p.addActivity(), true
	case key.Matches(msg, k.renameActivity):
		return p.renameActivity(), true
	case key.Matches(msg, k.moveUp):
		return p.moveActivity(-1), true
	case key.Matches(msg, k.moveDown):
		return p.moveActivity(1), true
	case key.Matches(msg, k.tie):
		return p.tieActivity(), true
	case key.Matches(msg, k.deleteActivity):
		return p.deleteActivity(), true
	}
	return nil, false
}

// addActivity adds a row at the end of the phase under the cursor.
func (p *Pane) addActivity() tea.Cmd {
	phaseID := p.grid.phaseAt(p.rowCur.Pos)
	where := p.data.PhaseName(phaseID)
	if where == "" {
		phaseID, where = 0, "no phase"
	}
	return p.prompt.Open("new activity in "+clip(where, 24), "", func(name string) tea.Cmd {
		name = strings.TrimSpace(name)
		if name == "" {
			return common.Error(errors.New("an activity needs a name: nothing was added"))
		}
		a := model.Activity{Name: name, PhaseID: phaseID, Order: model.NextActivityOrder(*p.data, phaseID)}
		p.follow.activity = name
		return p.write(fmt.Sprintf("added %s: set one A and at least one R", clip(name, 40)),
			func(s *store.Store, pid uint64, by string) error {
				_, err := s.SaveActivity(pid, a, by)
				return err
			})
	})
}

func (p *Pane) renameActivity() tea.Cmd {
	rw, ok := p.cursorActivity()
	if !ok {
		return common.Error(errNoActivity)
	}
	a := rw.activity
	return p.prompt.Open("rename activity", a.Name, func(name string) tea.Cmd {
		name = strings.TrimSpace(name)
		switch name {
		case "":
			return common.Error(errors.New("an activity needs a name: the old one is kept"))
		case a.Name:
			return common.Note("nothing changed")
		}
		a.Name = name
		return p.write("renamed to "+clip(name, 40), func(s *store.Store, pid uint64, by string) error {
			_, err := s.SaveActivity(pid, a, by)
			return err
		})
	})
}

// moveActivity moves the row one place within its phase; the cursor
// follows it after the reload.
func (p *Pane) moveActivity(delta int) tea.Cmd {
	rw, ok := p.cursorActivity()
	if !ok {
		return common.Error(errNoActivity)
	}
	changed := model.MoveActivity(*p.data, rw.activity.ID, delta)
	if len(changed) == 0 {
		where := "first"
		if delta > 0 {
			where = "last"
		}
		return common.Note(fmt.Sprintf("%s is already %s in its phase: t ties it to another phase", clip(rw.activity.Name, 40), where))
	}
	note := "moved " + clip(rw.activity.Name, 40)
	return p.write(note, func(s *store.Store, pid uint64, by string) error {
		_, err := s.SaveActivities(pid, changed, by, note)
		return err
	})
}

// tieActivity picks the phase the row belongs to.
func (p *Pane) tieActivity() tea.Cmd {
	rw, ok := p.cursorActivity()
	if !ok {
		return common.Error(errNoActivity)
	}
	items := make([]pickItem, 0, len(p.data.Phases)+1)
	for _, ph := range model.PhasesInOrder(p.data.Phases) {
		items = append(items, pickItem{label: ph.Name, id: ph.ID})
	}
	items = append(items, pickItem{label: "(no phase)", id: 0})
	title := "Tie " + clip(rw.activity.Name, 40) + " to which phase?"
	p.picker.openWith(title, items, rw.phaseID, func(it pickItem) tea.Cmd {
		a, ok := model.TieActivity(*p.data, rw.activity.ID, it.id)
		if !ok {
			return common.Note("nothing changed")
		}
		return p.write(fmt.Sprintf("%s now under %s", clip(a.Name, 40), clip(it.label, 30)),
			func(s *store.Store, pid uint64, by string) error {
				_, err := s.SaveActivity(pid, a, by)
				return err
			})
	})
	return nil
}

// deleteActivity asks, then deletes the row and its letters; u undoes.
func (p *Pane) deleteActivity() tea.Cmd {
	rw, ok := p.cursorActivity()
	if !ok {
		return common.Error(errNoActivity)
	}
	n := 0
	for _, r := range p.grid.cells[rw.activity.ID] {
		if r != model.RoleNone {
			n++
		}
	}
	p.confirm.Open(fmt.Sprintf("Delete activity %s and its %d letters?", clip(rw.activity.Name, 40), n), func() tea.Cmd {
		return p.write("deleted "+clip(rw.activity.Name, 40)+" (u undoes)", func(s *store.Store, pid uint64, by string) error {
			return s.DeleteActivity(pid, rw.activity.ID, by)
		})
	})
	return nil
}

// followed returns the ID of an activity just added, once loaded.
func (p *Pane) followed() (uint64, bool) {
	name := p.follow.activity
	if name == "" {
		return 0, false
	}
	p.follow.activity = ""
	var id uint64
	for _, r := range p.grid.rows {
		if !r.isHeading() && r.activity.Name == name && r.activity.ID > id {
			id = r.activity.ID
		}
	}
	return id, id != 0
}
