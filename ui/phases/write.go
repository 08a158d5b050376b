package phases

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// Every store write and undo of the pane goes through p.writes, so they
// commit one at a time in the order of the keys, and each starts from what
// is stored, not from the copy loaded when the key was pressed: a tick
// saved a moment before the reload arrives is never written over.

// updatePhase applies edit to the phase as stored, in one transaction; the
// root reloads the project when it went through. edit runs on a command's
// goroutine: it must not read the pane.
func (p *Pane) updatePhase(id uint64, note string, edit func(stored model.Phase) (model.Phase, error)) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.actor()
	return p.writes.Do(common.Save(note, func() error {
		_, err := s.UpdatePhase(pid, id, by, edit)
		return err
	}))
}

// savePhases stores the phases compute derives from the project's phases
// as stored when the write runs, read and written in one transaction, as
// one change (one undo) recorded with summary. It serves the edits that
// renumber several phases and the gate moves, whose history names who
// moved the gate and why. compute runs on a command's goroutine: it must
// not read the pane.
func (p *Pane) savePhases(summary string, compute func(stored []model.Phase) ([]model.Phase, error)) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.actor()
	return p.writes.Do(common.Save(summary, func() error {
		_, err := s.UpdatePhases(pid, by, summary, compute)
		return err
	}))
}

// gateMove saves the phase move returns, judged on the loaded project with
// its phases as stored when the write runs: a deliverable unticked just
// before a sign-off blocks it.
func (p *Pane) gateMove(summary string, move func(model.ProjectData) (model.Phase, error)) tea.Cmd {
	loaded := p.data
	return p.savePhases(summary, func(stored []model.Phase) ([]model.Phase, error) {
		d := *loaded
		d.Phases = stored
		ph, err := move(d)
		if err != nil {
			return nil, err
		}
		return []model.Phase{ph}, nil
	})
}

// withPhase is d with its copy of ph's phase replaced by ph, so that a
// rule reading the whole project judges the phase as stored.
func withPhase(d model.ProjectData, ph model.Phase) model.ProjectData {
	phases := make([]model.Phase, len(d.Phases))
	for i, q := range d.Phases {
		if q.ID == ph.ID {
			q = ph
		}
		phases[i] = q
	}
	d.Phases = phases
	return d
}

// undo reverts the newest phase change of the project (a CR or RACI edit
// made meanwhile is left alone), after the writes asked for before it.
func (p *Pane) undo() tea.Cmd {
	return p.writes.Do(common.Undo(p.ctx.Store, p.data.Project.ID, p.actor(), store.KindPhases))
}

// undoChecklist reverts the newest checklist change of the project.
func (p *Pane) undoChecklist() tea.Cmd {
	return p.writes.Do(common.Undo(p.ctx.Store, p.data.Project.ID, p.actor(), store.KindChecklists))
}
