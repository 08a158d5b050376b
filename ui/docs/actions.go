package docs

import (
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// selectDocMsg follows the write that created a doc: it arrives after
// the write's events are applied, so the new doc is in the list, and the
// doc opens in the editor, since a title is all it has yet.
type selectDocMsg struct {
	pid, id uint64
}

// errReadOnly is shown when an edit key is pressed on the report.
var errReadOnly = errors.New("the status report is generated from the project and cannot be edited: change the phases, requests or RACI instead")

// editable returns the selected stored doc, or an error to show.
func (p *Pane) editable() (model.Doc, tea.Cmd) {
	e, ok := p.selected()
	switch {
	case !ok || p.data == nil:
		return model.Doc{}, common.Note("no doc selected")
	case e.report:
		return model.Doc{}, common.Error(errReadOnly)
	}
	return e.doc, nil
}

func (p *Pane) edit() tea.Cmd {
	doc, errCmd := p.editable()
	if errCmd != nil {
		return errCmd
	}
	// An editor run for a team session would be the server's, with its
	// shell escapes (vi's :!sh): the session edits in the app.
	if p.ctx.Remote {
		return p.editInline(doc)
	}
	return prepareEdit(p.data.Project.ID, doc, p.getenv)
}

// selectDoc puts the cursor on a doc just created.
func (p *Pane) selectDoc(msg selectDocMsg) tea.Cmd {
	if p.data == nil || p.data.Project.ID != msg.pid {
		return nil
	}
	i, ok := p.indexOf(msg.id)
	if !ok {
		return nil
	}
	p.list.Pos, p.target = i, nil
	p.list.Clamp()
	return tea.Batch(p.show(), p.edit())
}

func (p *Pane) add() tea.Cmd {
	if p.data == nil {
		return nil
	}
	return p.prompt.Open("new doc title", "", func(title string) tea.Cmd {
		title = strings.TrimSpace(title)
		if title == "" {
			return common.Error(errors.New("a doc needs a title: nothing was created"))
		}
		return p.create(title)
	})
}

// create writes a new doc; the cursor goes to it once it is listed.
func (p *Pane) create(title string) tea.Cmd {
	pid, by, now := p.data.Project.ID, p.ctx.Actor(p.data), p.ctx.Now()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		saved, err := s.SaveDoc(pid, model.NewDoc(title, 0, now), by)
		if err != nil {
			return common.Result{}, err
		}
		return common.Result{
			Note: fmt.Sprintf("created %q", model.SanitizeLine(saved.Title)),
			Then: selectDocMsg{pid: pid, id: saved.ID},
		}, nil
	})
}

// updateDoc edits the stored doc in one read-modify-write: edit gets the
// stored value, changes only what its key is about, and returns the note
// to show ("" when there was nothing to change, and nothing is written).
// A rename and an $EDITOR save landing together thus both stay.
func (p *Pane) updateDoc(id uint64, edit func(d *model.Doc) string) tea.Cmd {
	pid, by := p.data.Project.ID, p.ctx.Actor(p.data)
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		var note string
		_, err := s.UpdateDoc(pid, id, by, func(d model.Doc) (model.Doc, error) {
			note = edit(&d)
			return d, nil
		})
		if err != nil {
			return common.Result{}, err
		}
		return common.Result{Note: note}, nil
	})
}

func (p *Pane) rename() tea.Cmd {
	doc, errCmd := p.editable()
	if errCmd != nil {
		return errCmd
	}
	return p.prompt.Open("rename doc", doc.Title, func(title string) tea.Cmd {
		title = strings.TrimSpace(title)
		switch title {
		case "":
			return common.Error(errors.New("a doc needs a title: the name is unchanged"))
		case doc.Title:
			return nil
		}
		now := p.ctx.Now()
		return p.updateDoc(doc.ID, func(d *model.Doc) string {
			if d.Title == title {
				return ""
			}
			old := d.Title
			d.Title, d.Updated = title, now
			return fmt.Sprintf("renamed %q to %q", model.SanitizeLine(old), title)
		})
	})
}

// tiePhase picks the phase the selected doc belongs to, or none.
func (p *Pane) tiePhase() tea.Cmd {
	doc, errCmd := p.editable()
	if errCmd != nil {
		return errCmd
	}
	items, ids, selected := phaseChoices(p.data.Phases, doc.PhaseID)
	p.picker.Open("Tie "+model.SanitizeLine(doc.Title)+" to which phase?", items, selected, func(i int) tea.Cmd {
		id := ids[i]
		if id == doc.PhaseID {
			return nil
		}
		now, phase := p.ctx.Now(), model.SanitizeLine(p.data.PhaseName(id))
		// The store checks the phase still exists.
		return p.updateDoc(doc.ID, func(d *model.Doc) string {
			if d.PhaseID == id {
				return ""
			}
			d.PhaseID, d.Updated = id, now
			if id == 0 {
				return fmt.Sprintf("%q is tied to no phase", model.SanitizeLine(d.Title))
			}
			return fmt.Sprintf("%q is tied to %s", model.SanitizeLine(d.Title), phase)
		})
	})
	return nil
}

// phaseChoices lists the phases in plan order, then "(no phase)", with
// their IDs and the place of the one tied now.
func phaseChoices(phases []model.Phase, current uint64) ([]components.PickItem, []uint64, int) {
	ordered := model.PhasesInOrder(phases)
	items := make([]components.PickItem, 0, len(ordered)+1)
	ids := make([]uint64, 0, len(ordered)+1)
	selected := len(ordered)
	for i, ph := range ordered {
		it := components.PickItem{Label: ph.Name}
		if ph.ID == current {
			it.Hint, selected = "tied now", i
		}
		items, ids = append(items, it), append(ids, ph.ID)
	}
	none := components.PickItem{Label: "(no phase)"}
	if selected == len(ordered) {
		none.Hint = "tied now"
	}
	return append(items, none), append(ids, 0), selected
}

func (p *Pane) remove() tea.Cmd {
	doc, errCmd := p.editable()
	if errCmd != nil {
		return errCmd
	}
	pid, by := p.data.Project.ID, p.ctx.Actor(p.data)
	p.confirm.Open(fmt.Sprintf("Delete the doc %q? u undoes it.", doc.Title), func() tea.Cmd {
		return p.ctx.Save(fmt.Sprintf("deleted %q", model.SanitizeLine(doc.Title)), func(s *store.Store) error {
			return s.DeleteDoc(pid, doc.ID, by)
		})
	})
	return nil
}

func (p *Pane) undo() tea.Cmd {
	if p.data == nil {
		return nil
	}
	return p.ctx.Undo(p.data.Project.ID, p.ctx.Actor(p.data), store.KindDocs)
}
