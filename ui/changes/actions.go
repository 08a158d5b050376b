package changes

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
)

// edit saves one change to a stored request: edit runs on the stored
// value inside the write transaction, so quick successive keys never undo
// each other. Every change is recorded in history with who made it.
func (p *Pane) edit(id uint64, note string, edit func(model.ChangeRequest) (model.ChangeRequest, error)) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return p.writes.do(common.Save(note, func() error {
		_, err := s.UpdateChange(pid, id, by, edit)
		return err
	}))
}

// saveNew creates a request.
func (p *Pane) saveNew(c model.ChangeRequest) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return p.writes.do(func() tea.Msg {
		saved, err := s.SaveChange(pid, c, by)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return tea.BatchMsg{
			func() tea.Msg { return selectMsg{id: saved.ID} },
			func() tea.Msg { return common.SavedMsg{Note: fmt.Sprintf("added %s", saved.Ref())} },
		}
	})
}

// selectMsg puts the table cursor on a request once it is loaded.
type selectMsg struct{ id uint64 }

func (p *Pane) deleteChange(c model.ChangeRequest) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return p.writes.do(common.Save(fmt.Sprintf("deleted %s (u undoes)", c.Ref()), func() error {
		return s.DeleteChange(pid, c.ID, by)
	}))
}
