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
	return p.writes.Do(p.update(id, edit, fixedNote(note), nil))
}

// update is the write behind edit, not yet queued. note words the status
// line from the stored request before and after the edit. recorded, when
// given, runs on the writer (so in the order writes commit) only when the
// write changed the request, which is when history recorded it: the store
// writes nothing for an edit that leaves the request as it was.
func (p *Pane) update(id uint64, edit func(model.ChangeRequest) (model.ChangeRequest, error),
	note func(before, after model.ChangeRequest) string, recorded func()) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return func() tea.Msg {
		var before, after model.ChangeRequest
		_, err := s.UpdateChange(pid, id, by, func(cur model.ChangeRequest) (model.ChangeRequest, error) {
			next, err := edit(cur)
			before, after = cur, next
			return next, err
		})
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		// Edits copy the stored request and set plain fields, so the
		// values differ exactly when their stored encodings do.
		if recorded != nil && after != before {
			recorded()
		}
		return common.SavedMsg{Note: note(before, after)}
	}
}

func fixedNote(note string) func(before, after model.ChangeRequest) string {
	return func(before, after model.ChangeRequest) string { return note }
}

// saveNew creates a request, not yet queued.
func (p *Pane) saveNew(c model.ChangeRequest) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return func() tea.Msg {
		saved, err := s.SaveChange(pid, c, by)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return tea.BatchMsg{
			func() tea.Msg { return selectMsg{id: saved.ID} },
			func() tea.Msg { return common.SavedMsg{Note: fmt.Sprintf("added %s", saved.Ref())} },
		}
	}
}

// selectMsg puts the table cursor on a request once it is loaded.
type selectMsg struct{ id uint64 }

func (p *Pane) deleteChange(c model.ChangeRequest) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return p.writes.Do(common.Save(fmt.Sprintf("deleted %s (u undoes)", c.Ref()), func() error {
		return s.DeleteChange(pid, c.ID, by)
	}))
}
