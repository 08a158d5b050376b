package raci

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

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

func (p *Pane) chooseMe(it pickItem) tea.Cmd {
	proj := p.data.Project
	if proj.MeID == it.id {
		return common.Note("nothing changed")
	}
	proj.MeID = it.id
	note := "you are " + clip(it.label, 40) + ": M shows your role"
	if it.id == 0 {
		note = "nobody is \"me\" now"
	}
	// Not on the pane's undo list: u takes back matrix edits only.
	return p.write(note, func(s *store.Store, _ uint64, by string) error {
		_, err := s.SaveProject(proj, by)
		return err
	})
}
