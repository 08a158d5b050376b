package phases

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// Every store write and undo of the pane goes through the app's one writer
// (ctx.Write), so they commit one at a time in the order of the keys, and
// each starts from what is stored, not from the copy shown when the key
// was pressed: a tick whose event has not arrived yet is never written
// over. The pane never changes its copy itself: the write's event brings
// the stored value back as a ProjectChangedMsg.
//
// The functions handed to the writer run on a command's goroutine: they
// must not read the pane, and they write through the store they are given.

// selectPhaseMsg is a write's follow-up: put the cursor on this phase and
// this row of its items, which the write just created or moved.
type selectPhaseMsg struct {
	project, phase uint64
	item           int
}

// selectChecklistMsg is a write's follow-up: put the checklists view's
// cursor on the checklist the write just attached.
type selectChecklistMsg struct {
	project, checklist uint64
}

// updatePhase applies edit to the phase as stored, in one transaction.
// result says what the status line shows about the phase as saved, and
// what to select then; it runs only when the write went through.
func (p *Pane) updatePhase(id uint64, edit func(stored model.Phase) (model.Phase, error), result func(saved model.Phase) common.Result) tea.Cmd {
	pid, by := p.data.Project.ID, p.actor()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		saved, err := s.UpdatePhase(pid, id, by, edit)
		if err != nil {
			return common.Result{}, err
		}
		return result(saved), nil
	})
}

// savePhases stores the phases compute derives from the project's phases
// as stored when the write runs, read and written in one transaction, as
// one change (one undo) recorded with summary. It serves the edits that
// renumber several phases and the gate moves, whose history names who
// moved the gate and why. then, when not nil, is the follow-up for the
// phases as saved.
func (p *Pane) savePhases(summary string, compute func(stored []model.Phase) ([]model.Phase, error), then func(saved []model.Phase) tea.Msg) tea.Cmd {
	pid, by := p.data.Project.ID, p.actor()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		saved, err := s.UpdatePhases(pid, by, summary, compute)
		if err != nil {
			return common.Result{}, err
		}
		res := common.Result{Note: summary}
		if then != nil {
			res.Then = then(saved)
		}
		return res, nil
	})
}

// gateMove saves the phase move returns, judged on the shown project with
// its phases as stored when the write runs: a deliverable unticked just
// before a sign-off blocks it.
func (p *Pane) gateMove(summary string, move func(model.ProjectData) (model.Phase, error)) tea.Cmd {
	shown := p.data
	return p.savePhases(summary, func(stored []model.Phase) ([]model.Phase, error) {
		d := *shown
		d.Phases = stored
		ph, err := move(d)
		if err != nil {
			return nil, err
		}
		return []model.Phase{ph}, nil
	}, nil)
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
	return p.ctx.Undo(p.data.Project.ID, p.actor(), store.KindPhases)
}

// undoChecklist reverts the newest checklist change of the project.
func (p *Pane) undoChecklist() tea.Cmd {
	return p.ctx.Undo(p.data.Project.ID, p.actor(), store.KindChecklists)
}
