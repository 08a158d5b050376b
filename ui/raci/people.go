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

// personKey handles the column keys: add, edit, remove a person.
func (p *Pane) personKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case key.Matches(msg, k.addPerson):
		return p.personForm(model.Person{}), true
	case key.Matches(msg, k.editPerson):
		c, ok := p.cursorPerson()
		if !ok {
			return common.Error(errors.New("no person to edit: add one with +")), true
		}
		return p.personForm(p.grid.people[c]), true
	case key.Matches(msg, k.removePerson):
		return p.removePerson(), true
	}
	return nil, false
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

func (p *Pane) savePerson(orig, edit model.Person) tea.Cmd {
	if edit == orig {
		return common.Note("nothing changed")
	}
	note := fmt.Sprintf("saved %s", clip(edit.Name, 40))
	if orig.ID == 0 {
		note = fmt.Sprintf("added %s: set their letters in the new column", clip(edit.Name, 40))
		p.follow.person = edit.Name
	}
	return p.write(note, func(s *store.Store, pid uint64, by string) error {
		_, err := s.SavePerson(pid, edit, by)
		return err
	})
}

// removePerson refuses while the person is Accountable somewhere (the row
// would silently lose its A), else asks, then deletes them with their
// cells; undo brings both back.
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
	p.confirm.Open(q+"?", func() tea.Cmd {
		return p.write("removed "+clip(person.Name, 40)+" (u undoes)", func(s *store.Store, pid uint64, by string) error {
			return s.DeletePerson(pid, person.ID, by)
		})
	})
	return nil
}

// followedPerson returns the ID of a person just added, once loaded.
func (p *Pane) followedPerson() (uint64, bool) {
	name := p.follow.person
	if name == "" {
		return 0, false
	}
	p.follow.person = ""
	for i := len(p.grid.people) - 1; i >= 0; i-- {
		if p.grid.people[i].Name == name {
			return p.grid.people[i].ID, true
		}
	}
	return 0, false
}
