package changes

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// writeFunc is a write not yet queued on the app's writer.
type writeFunc = func(s *store.Store) (common.Result, error)

// edit saves one change to a stored request: edit runs on the stored
// value inside the write transaction, so quick successive keys never undo
// each other. Every change is recorded in history with who made it.
func (p *Pane) edit(id uint64, note string, edit func(model.ChangeRequest) (model.ChangeRequest, error)) tea.Cmd {
	return p.ctx.Write(p.update(id, edit, fixedNote(note), nil))
}

// update is the write behind edit, not yet queued. note words the status
// line from the stored request before and after the edit. recorded, when
// given, runs on the writer (so in the order writes commit) only when the
// write changed the request, which is when history recorded it: the store
// writes nothing for an edit that leaves the request as it was.
func (p *Pane) update(id uint64, edit func(model.ChangeRequest) (model.ChangeRequest, error),
	note func(before, after model.ChangeRequest) string, recorded func()) writeFunc {
	pid, by := p.data.Project.ID, p.ctx.Actor(p.data)
	return func(s *store.Store) (common.Result, error) {
		var before, after model.ChangeRequest
		_, err := s.UpdateChange(pid, id, by, func(cur model.ChangeRequest) (model.ChangeRequest, error) {
			next, err := edit(cur)
			before, after = cur, next
			return next, err
		})
		if err != nil {
			return common.Result{}, err
		}
		// Edits copy the stored request and set plain fields, so the
		// values differ exactly when their stored encodings do.
		if recorded != nil && after != before {
			recorded()
		}
		return common.Result{Note: note(before, after)}, nil
	}
}

func fixedNote(note string) func(before, after model.ChangeRequest) string {
	return func(before, after model.ChangeRequest) string { return note }
}

// saveNew creates a request, not yet queued; the cursor goes to it once
// it is on screen.
func (p *Pane) saveNew(c model.ChangeRequest) writeFunc {
	pid, by := p.data.Project.ID, p.ctx.Actor(p.data)
	return func(s *store.Store) (common.Result, error) {
		saved, err := s.SaveChange(pid, c, by)
		if err != nil {
			return common.Result{}, err
		}
		return common.Result{Note: fmt.Sprintf("added %s", saved.Ref()), Then: selectMsg{id: saved.ID}}, nil
	}
}

// selectMsg puts the table cursor on a request, which the root has
// applied by the time it arrives.
type selectMsg struct{ id uint64 }

func (p *Pane) deleteChange(c model.ChangeRequest) tea.Cmd {
	pid, by := p.data.Project.ID, p.ctx.Actor(p.data)
	return p.ctx.Save(fmt.Sprintf("deleted %s (u undoes)", c.Ref()), func(s *store.Store) error {
		return s.DeleteChange(pid, c.ID, by)
	})
}
