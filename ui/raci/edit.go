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
		return p.toggleCell(model.Responsible), true
	case key.Matches(msg, k.setA):
		return p.toggleCell(model.Accountable), true
	case key.Matches(msg, k.setC):
		return p.toggleCell(model.Consulted), true
	case key.Matches(msg, k.setI):
		return p.toggleCell(model.Informed), true
	case key.Matches(msg, k.clear):
		return p.clearCell(), true
	case key.Matches(msg, k.undo):
		return p.undo(), true
	}
	return nil, false
}

// cellSetMsg follows a cell's write once its event is applied: the note
// then says what the cell and the row, as stored, now hold.
type cellSetMsg struct {
	projectID, activityID, personID uint64
	role                            model.Role
}

// toggleCell adds a letter to the cell under the cursor, or takes it off
// when the cell holds it: r then a gives A/R. The store reads the cell
// in the transaction that writes it, never the pane's copy, so letters
// typed before the last write came back all land; the grid changes when
// the write's event comes back.
func (p *Pane) toggleCell(letter model.Role) tea.Cmd {
	return p.writeCell(func(s *store.Store, pid, act, person uint64, by string) (model.Role, error) {
		return s.ToggleCell(pid, act, person, letter, by)
	})
}

// clearCell empties the cell under the cursor, whatever it holds.
func (p *Pane) clearCell() tea.Cmd {
	return p.writeCell(func(s *store.Store, pid, act, person uint64, by string) (model.Role, error) {
		return model.RoleNone, s.SetCell(pid, model.Assignment{ActivityID: act, PersonID: person}, by)
	})
}

func (p *Pane) writeCell(fn func(s *store.Store, pid, act, person uint64, by string) (model.Role, error)) tea.Cmd {
	rw, ok := p.cursorActivity()
	c, okP := p.cursorPerson()
	if !ok || !okP {
		return common.Error(errors.New("no cell under the cursor: add an activity (A) and a person (P then a) first"))
	}
	act, person := rw.activity.ID, p.grid.people[c].ID
	return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
		role, err := fn(s, pid, act, person, by)
		if err != nil {
			return common.Result{}, err
		}
		return common.Result{Then: cellSetMsg{projectID: pid, activityID: act, personID: person, role: role}}, nil
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
