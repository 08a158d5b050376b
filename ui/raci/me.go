package raci

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// openMePicker lists the project's people to choose "me" from. The choice
// is saved with the project, so it holds across runs and for the status
// line, the history ("by") and the my-role view.
func (p *Pane) openMePicker() tea.Cmd {
	if len(p.data.People) == 0 {
		return common.Error(errors.New("the project has no people yet: add yourself with +"))
	}
	items := make([]pickItem, 0, len(p.data.People)+1)
	for _, pe := range p.data.People {
		hint := pe.Team
		if pe.Handle != "" {
			hint += " · " + pe.Handle
		}
		items = append(items, pickItem{label: pe.Name, hint: hint, id: pe.ID})
	}
	items = append(items, pickItem{label: "(nobody)", id: 0})
	p.picker.openWith("Who are you?", items, p.data.Project.MeID, p.chooseMe)
	return nil
}

// chooseMe writes "me" onto the project as stored, its other fields left
// as they are there. Whether it changed is asked of the store too: a
// choice made just before may not have come back yet.
func (p *Pane) chooseMe(it pickItem) tea.Cmd {
	note := "you are " + clip(it.label, 40) + ": M shows your role"
	if it.id == 0 {
		note = "nobody is \"me\" now"
	}
	// Not on the pane's undo list: u takes back matrix edits only.
	return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
		changed := false
		_, err := s.UpdateProject(pid, by, func(cur model.Project) (model.Project, error) {
			changed = cur.MeID != it.id
			cur.MeID = it.id
			return cur, nil
		})
		switch {
		case err != nil:
			return common.Result{}, err
		case !changed:
			return common.Result{Note: "nothing changed"}, nil
		}
		return common.Result{Note: note}, nil
	})
}
