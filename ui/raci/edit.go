package raci

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// undoKinds are the history kinds the pane's u takes back: cells, rows and
// columns, never another pane's edits.
var undoKinds = []string{store.KindCells, store.KindActivities, store.KindPeople}

// writeFailedMsg reports a store write that was refused; the pane shows
// the error and reloads, dropping anything it showed ahead of the store.
type writeFailedMsg struct {
	err       error
	projectID uint64
}

// write runs a store write in a command, made by the current actor. Every
// write records at most one history entry (a move saves its rows as one
// batch), so u always takes back exactly one. On success the root shows
// note and reloads the project.
func (p *Pane) write(note string, fn func(s *store.Store, pid uint64, by string) error) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return func() tea.Msg {
		if err := fn(s, pid, by); err != nil {
			return writeFailedMsg{err: err, projectID: pid}
		}
		return common.SavedMsg{Note: note}
	}
}

// editKey handles the cell keys: letters, clear and undo.
func (p *Pane) editKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case key.Matches(msg, k.setR):
		return p.setCell(model.Responsible), true
	case key.Matches(msg, k.setA):
		return p.setCell(model.Accountable), true
	case key.Matches(msg, k.setC):
		return p.setCell(model.Consulted), true
	case key.Matches(msg, k.setI):
		return p.setCell(model.Informed), true
	case key.Matches(msg, k.clear):
		return p.setCell(model.RoleNone), true
	case key.Matches(msg, k.undo):
		return p.undo(), true
	}
	return nil, false
}

// setCell shows the letter at once and saves it in a command. The note
// says what the row now breaks, so a second A is flagged as it is typed.
func (p *Pane) setCell(role model.Role) tea.Cmd {
	rw, ok := p.cursorActivity()
	c, okP := p.cursorPerson()
	if !ok || !okP {
		return common.Error(fmt.Errorf("no cell under the cursor: add an activity (n) and a person (+) first"))
	}
	r := p.rowCur.Pos
	if p.grid.role(r, c) == role {
		if role == model.RoleNone {
			return nil
		}
		return common.Note("already " + role.String())
	}
	p.grid.set(r, c, role)
	p.rowChanged(r)
	person := p.grid.people[c]
	letter := role.String()
	if role == model.RoleNone {
		letter = "cleared"
	}
	note := fmt.Sprintf("%s × %s: %s", clip(rw.activity.Name, 40), clip(person.Name, 30), letter)
	if broken := brokenRules(p.grid.rows[r].problems); broken != "" {
		note += " — warning: this row has " + broken
	}
	cell := model.Assignment{ActivityID: rw.activity.ID, PersonID: person.ID, Role: role}
	return p.write(note, func(s *store.Store, pid uint64, by string) error {
		return s.SetCell(pid, cell, by)
	})
}

// brokenRules lists a row's problems in words, "" when it has none.
func brokenRules(problems []model.RowProblem) string {
	words := make([]string, len(problems))
	for i, pr := range problems {
		words[i] = pr.String()
	}
	return strings.Join(words, ", ")
}

// undo takes back the newest matrix change (cell, row or column). Each
// edit made here is one history entry, so one u undoes one whole edit.
func (p *Pane) undo() tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return func() tea.Msg {
		e, err := s.Undo(pid, by, undoKinds...)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return common.SavedMsg{Note: "undone: " + e.Summary}
	}
}

// clip shortens a name for a status note.
func clip(s string, n int) string {
	s = model.SanitizeLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
