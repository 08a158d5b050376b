package raci

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

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

// cellSetMsg follows a letter's write once its event is applied: the
// note then says what the row, as stored, now breaks.
type cellSetMsg struct {
	projectID, activityID, personID uint64
	role                            model.Role
}

// setCell saves a letter. The grid changes when the write's event comes
// back, so a letter the store refuses is never shown. The pane's copy is
// not asked whether the cell already holds it: a letter typed just
// before may not have come back yet, and skipping the write would lose
// the later key.
func (p *Pane) setCell(role model.Role) tea.Cmd {
	rw, ok := p.cursorActivity()
	c, okP := p.cursorPerson()
	if !ok || !okP {
		return common.Error(errors.New("no cell under the cursor: add an activity (A) and a person (P then a) first"))
	}
	cell := model.Assignment{ActivityID: rw.activity.ID, PersonID: p.grid.people[c].ID, Role: role}
	return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
		if err := s.SetCell(pid, cell, by); err != nil {
			return common.Result{}, err
		}
		return common.Result{Then: cellSetMsg{projectID: pid, activityID: cell.ActivityID, personID: cell.PersonID, role: role}}, nil
	})
}

// cellNote says which letter was saved and, so that a second A is
// flagged as soon as it is stored, what the row now breaks. Nothing is
// said when the row or the person is gone meanwhile, or the project was
// switched.
func (p *Pane) cellNote(msg cellSetMsg) tea.Cmd {
	r, okR := p.grid.rowOf[msg.activityID]
	c, okC := p.grid.colOf[msg.personID]
	if !p.loaded || p.data.Project.ID != msg.projectID || !okR || !okC {
		return nil
	}
	rw := p.grid.rows[r]
	letter := msg.role.String()
	if msg.role == model.RoleNone {
		letter = "cleared"
	}
	note := fmt.Sprintf("%s × %s: %s", clip(rw.activity.Name, 40), clip(p.grid.people[c].Name, 30), letter)
	if broken := brokenRules(rw.problems); broken != "" {
		note += " — warning: this row has " + broken
	}
	return common.Note(note)
}

// brokenRules lists a row's problems in words, "" when it has none.
func brokenRules(problems []model.RowProblem) string {
	words := make([]string, len(problems))
	for i, pr := range problems {
		words[i] = pr.String()
	}
	return strings.Join(words, ", ")
}

// clip shortens a name for a status note.
func clip(s string, n int) string {
	s = model.SanitizeLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
