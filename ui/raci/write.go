package raci

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/store"
	"mopdeck/ui/common"
)

// undoKinds are the history kinds the pane's u takes back: cells, rows and
// columns, never another pane's edits.
var undoKinds = []string{store.KindCells, store.KindActivities, store.KindPeople}

// write queues a write of the open project on the app's one writer, made
// by the current actor. fn must write through the s it is given, with the
// store's read-modify-write methods: keys typed before the last write
// reported back are judged on what is stored, never on the pane's copy.
// The pane shows nothing ahead of the store: the write's events bring
// the stored values back. Every write records at most one history entry
// (a move renumbers its rows as one), so u always takes back exactly one.
func (p *Pane) write(fn func(s *store.Store, pid uint64, by string) (common.Result, error)) tea.Cmd {
	pid, by := p.data.Project.ID, p.ctx.Actor(p.data)
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		return fn(s, pid, by)
	})
}

// save is write for a write that says note when it goes through.
func (p *Pane) save(note string, fn func(s *store.Store, pid uint64, by string) error) tea.Cmd {
	return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
		return common.Result{Note: note}, fn(s, pid, by)
	})
}

// undo takes back the newest matrix change (cell, row or column), after
// the writes asked for before it.
func (p *Pane) undo() tea.Cmd {
	return p.ctx.Undo(p.data.Project.ID, p.ctx.Actor(p.data), undoKinds...)
}
