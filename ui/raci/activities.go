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
	"mopdeck/ui/components"
)

var errNoActivity = errors.New("no activity under the cursor: add one with A")

// activityKey handles the row keys: add, rename, move, tie, delete.
func (p *Pane) activityKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case key.Matches(msg, k.addActivity):
		return p.addActivity(), true
	case key.Matches(msg, k.rename):
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

// addActivity adds a row at the end of the phase under the cursor; the
// store picks its place from the rows it holds, and the cursor lands on
// it once it is shown.
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
		return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
			a, err := s.AddActivity(pid, model.Activity{Name: name, PhaseID: phaseID}, by)
			if err != nil {
				return common.Result{}, err
			}
			return common.Result{
				Note: fmt.Sprintf("added %s: set one A and at least one R", clip(name, 40)),
				Then: followMsg{projectID: pid, activityID: a.ID},
			}, nil
		})
	})
}

// renameActivity changes the row's name only: its place and phase are
// read from the store when the name is written, so a move typed just
// before stays.
func (p *Pane) renameActivity() tea.Cmd {
	rw, ok := p.cursorActivity()
	if !ok {
		return common.Error(errNoActivity)
	}
	id, old := rw.activity.ID, rw.activity.Name
	return p.prompt.Open("rename activity", old, func(name string) tea.Cmd {
		name = strings.TrimSpace(name)
		switch name {
		case "":
			return common.Error(errors.New("an activity needs a name: the old one is kept"))
		case old:
			return common.Note("nothing changed")
		}
		return p.save("renamed to "+clip(name, 40), func(s *store.Store, pid uint64, by string) error {
			_, err := s.UpdateActivity(pid, id, by, func(a model.Activity) (model.Activity, error) {
				a.Name = name
				return a, nil
			})
			return err
		})
	})
}

// moveActivity moves the row one place within its phase, from where the
// store holds it (a second K typed before the first came back moves it
// one more place); the cursor follows the row.
func (p *Pane) moveActivity(delta int) tea.Cmd {
	rw, ok := p.cursorActivity()
	if !ok {
		return common.Error(errNoActivity)
	}
	id, name := rw.activity.ID, clip(rw.activity.Name, 40)
	return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
		moved, err := s.MoveActivity(pid, id, delta, by)
		switch {
		case err != nil:
			return common.Result{}, err
		case len(moved) == 0:
			where := "first"
			if delta > 0 {
				where = "last"
			}
			return common.Result{Note: fmt.Sprintf("%s is already %s in its phase: T ties it to another phase", name, where)}, nil
		}
		return common.Result{Note: "moved " + name}, nil
	})
}

// tieActivity picks the phase the row belongs to; the store puts it last
// there.
func (p *Pane) tieActivity() tea.Cmd {
	rw, ok := p.cursorActivity()
	if !ok {
		return common.Error(errNoActivity)
	}
	phases := model.PhasesInOrder(p.data.Phases)
	items := make([]components.PickItem, 0, len(phases)+1)
	ids := make([]uint64, 0, len(phases)+1)
	selected := len(phases)
	for i, ph := range phases {
		items = append(items, components.PickItem{Label: ph.Name})
		ids = append(ids, ph.ID)
		if ph.ID == rw.phaseID {
			selected = i
		}
	}
	items = append(items, components.PickItem{Label: "(no phase)"})
	ids = append(ids, 0)
	id, name := rw.activity.ID, clip(rw.activity.Name, 40)
	title := "Tie " + name + " to which phase?"
	p.picker.Open(title, items, selected, func(i int) tea.Cmd {
		phaseID, phase := ids[i], items[i].Label
		return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
			_, tied, err := s.TieActivity(pid, id, phaseID, by)
			switch {
			case err != nil:
				return common.Result{}, err
			case !tied:
				return common.Result{Note: "nothing changed"}, nil
			}
			return common.Result{Note: fmt.Sprintf("%s now under %s", name, clip(phase, 30))}, nil
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
	id, name := rw.activity.ID, clip(rw.activity.Name, 40)
	p.confirm.Open(fmt.Sprintf("Delete activity %s and its %d letters?", name, n), func() tea.Cmd {
		return p.save("deleted "+name+" (u undoes)", func(s *store.Store, pid uint64, by string) error {
			return s.DeleteActivity(pid, id, by)
		})
	})
	return nil
}
