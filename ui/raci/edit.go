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
	// undoable tells that the write had put an entry on the undo list.
	undoable bool
}

// write runs a store write in a command, made by the current actor, and
// records how many history entries it adds for undo (0: not undoable
// here). On success the root shows note and reloads the project.
func (p *Pane) write(note string, steps int, fn func(s *store.Store, pid uint64, by string) error) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	if steps > 0 {
		p.undoSteps = append(p.undoSteps, steps)
	}
	return func() tea.Msg {
		if err := fn(s, pid, by); err != nil {
			return writeFailedMsg{err: err, projectID: pid, undoable: steps > 0}
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
	return p.write(note, 1, func(s *store.Store, pid uint64, by string) error {
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

// undo takes back the pane's last edit, however many entries it wrote;
// with no edit of this session left, the newest matrix change.
func (p *Pane) undo() tea.Cmd {
	steps := 1
	if n := len(p.undoSteps); n > 0 {
		steps = p.undoSteps[n-1]
		p.undoSteps = p.undoSteps[:n-1]
	}
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return func() tea.Msg {
		var done []string
		for range steps {
			e, err := s.Undo(pid, by, undoKinds...)
			if err != nil {
				if len(done) == 0 {
					return common.ErrMsg{Err: err}
				}
				break
			}
			done = append(done, e.Summary)
		}
		return common.SavedMsg{Note: "undone: " + strings.Join(done, "; ")}
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
