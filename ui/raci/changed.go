package raci

import (
	"mopdeck/model"
	"mopdeck/ui/common"
)

// changed brings the pane up to date with the events of writes. Letters
// set on rows and columns already shown are patched in place, a
// keystroke's worth of work; anything else (a row, a person, "me") is
// rare enough to rebuild the grid from msg.Data.
func (p *Pane) changed(msg common.ProjectChangedMsg) {
	if !p.loaded || p.data.Project.ID != msg.Data.Project.ID || !p.patchCells(msg.Events) {
		p.load(msg.Data)
		return
	}
	p.data = msg.Data
	if p.view == viewMyRole {
		p.buildMyRole()
	}
}

// patchCells writes the events' letters into the grid and reports true,
// or reports false, changing nothing, when the events hold anything but
// letters of rows and columns the grid has.
func (p *Pane) patchCells(events []model.Event) bool {
	type letter struct {
		r, c int
		role model.Role
	}
	var letters []letter
	for _, e := range events {
		for _, rec := range e.Records {
			if rec.Kind != model.KindCells {
				return false
			}
			r, okR := p.grid.rowOf[rec.Cell.ActivityID]
			c, okC := p.grid.colOf[rec.Cell.PersonID]
			if !okR || !okC {
				return false
			}
			role := model.RoleNone // deleted: the cell is cleared
			if a, ok := rec.Value.(model.Assignment); ok {
				role = a.Role
			}
			letters = append(letters, letter{r, c, role})
		}
	}
	for _, l := range letters {
		p.grid.set(l.r, l.c, l.role)
		p.rowChanged(l.r)
	}
	return true
}
