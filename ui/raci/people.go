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

// personKey takes the key after P: add, edit or remove a person (the
// one in the cursor's column); any other key cancels.
func (p *Pane) personKey(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.addPerson):
		return p.personForm(model.Person{})
	case key.Matches(msg, k.editPerson):
		c, ok := p.cursorPerson()
		if !ok {
			return common.Error(errors.New("no person to edit: add one with P then a"))
		}
		return p.personForm(p.grid.people[c])
	case key.Matches(msg, k.removePerson):
		return p.removePerson()
	}
	return nil
}

// personForm asks for name, team and handle in turn, each prefilled;
// enter keeps a value, esc drops the whole edit. A new person (ID 0) is
// created; otherwise the person is updated.
func (p *Pane) personForm(orig model.Person) tea.Cmd {
	edit := orig
	verb := "edit person"
	if orig.ID == 0 {
		verb = "new person"
	}
	return p.prompt.Open(verb+" — name", orig.Name, func(name string) tea.Cmd {
		edit.Name = strings.TrimSpace(name)
		if edit.Name == "" {
			return common.Error(errors.New("a person needs a name: nothing was saved"))
		}
		teams := strings.Join(model.Teams[:4], ", ")
		return p.prompt.Open(fmt.Sprintf("team of %s (%s…)", clip(edit.Name, 20), teams), orig.Team, func(team string) tea.Cmd {
			edit.Team = strings.TrimSpace(team)
			return p.prompt.Open("handle or e-mail of "+clip(edit.Name, 20), orig.Handle, func(handle string) tea.Cmd {
				edit.Handle = strings.TrimSpace(handle)
				return p.savePerson(orig, edit)
			})
		})
	})
}

// savePerson creates a new person, or writes the fields the form changed
// onto the person as stored: a field kept as prefilled is left as it is
// there, whoever changed it meanwhile.
func (p *Pane) savePerson(orig, edit model.Person) tea.Cmd {
	if edit == orig {
		return common.Note("nothing changed")
	}
	if orig.ID == 0 {
		return p.write(func(s *store.Store, pid uint64, by string) (common.Result, error) {
			saved, err := s.SavePerson(pid, edit, by)
			if err != nil {
				return common.Result{}, err
			}
			return common.Result{
				Note: fmt.Sprintf("added %s: set their letters in the new column", clip(edit.Name, 40)),
				Then: followMsg{projectID: pid, personID: saved.ID},
			}, nil
		})
	}
	return p.save("saved "+clip(edit.Name, 40), func(s *store.Store, pid uint64, by string) error {
		_, err := s.UpdatePerson(pid, orig.ID, by, func(cur model.Person) (model.Person, error) {
			if edit.Name != orig.Name {
				cur.Name = edit.Name
			}
			if edit.Team != orig.Team {
				cur.Team = edit.Team
			}
			if edit.Handle != orig.Handle {
				cur.Handle = edit.Handle
			}
			return cur, nil
		})
		return err
	})
}

// removePerson refuses while the person is Accountable somewhere (the row
// would silently lose its A), else asks, then deletes them with their
// cells; undo brings both back. The pane's copy answers at once; the
// store asks again when it deletes, as an A typed just before may not
// have come back yet.
func (p *Pane) removePerson() tea.Cmd {
	c, ok := p.cursorPerson()
	if !ok {
		return common.Error(errors.New("no person to remove"))
	}
	person := p.grid.people[c]
	if err := model.CanRemovePerson(*p.data, person.ID); err != nil {
		return common.Error(err)
	}
	cells := 0
	for _, roles := range p.grid.cells {
		if roles[c] != model.RoleNone {
			cells++
		}
	}
	q := fmt.Sprintf("Remove %s", clip(person.Name, 30))
	if cells > 0 {
		q += fmt.Sprintf(" and their %d RACI letters", cells)
	}
	id, name := person.ID, clip(person.Name, 40)
	p.confirm.Open(q+"?", func() tea.Cmd {
		return p.save("removed "+name+" (u undoes)", func(s *store.Store, pid uint64, by string) error {
			return s.RemovePerson(pid, id, by)
		})
	})
	return nil
}
