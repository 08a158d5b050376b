package docs

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// savedDocMsg reports a doc written to the store; the pane selects it
// after the reload that the SavedMsg it turns into triggers.
type savedDocMsg struct {
	id   uint64
	note string
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
	return prepareEdit(doc, p.getenv)
}

// saveDoc writes a doc in a command and reports it as savedDocMsg.
func (p *Pane) saveDoc(d model.Doc, note string) tea.Cmd {
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	return func() tea.Msg {
		saved, err := s.SaveDoc(pid, d, by)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return savedDocMsg{id: saved.ID, note: note}
	}
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
		return p.saveDoc(model.NewDoc(title, 0, p.ctx.Now()), fmt.Sprintf("created %q: press e to write it", title))
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
		d := doc
		d.Title, d.Updated = title, p.ctx.Now()
		return p.saveDoc(d, fmt.Sprintf("renamed %q to %q", doc.Title, title))
	})
}

func (p *Pane) tiePhase() tea.Cmd {
	doc, errCmd := p.editable()
	if errCmd != nil {
		return errCmd
	}
	return p.prompt.Open("tie to phase (number or name, empty for none)", p.data.PhaseName(doc.PhaseID), func(answer string) tea.Cmd {
		id, err := findPhase(p.data.Phases, answer)
		if err != nil {
			return common.Error(err)
		}
		if id == doc.PhaseID {
			return nil
		}
		d := doc
		d.PhaseID, d.Updated = id, p.ctx.Now()
		note := fmt.Sprintf("%q is tied to no phase", doc.Title)
		if id != 0 {
			note = fmt.Sprintf("%q is tied to %s", doc.Title, p.data.PhaseName(id))
		}
		return p.saveDoc(d, note)
	})
}

// findPhase reads a phase from its number in the plan (1 for the first)
// or its name, a unique start of it being enough; empty means none.
func findPhase(phases []model.Phase, answer string) (uint64, error) {
	answer = strings.TrimSpace(answer)
	if answer == "" {
		return 0, nil
	}
	ordered := model.PhasesInOrder(phases)
	if n, err := strconv.Atoi(answer); err == nil {
		if n < 1 || n > len(ordered) {
			return 0, fmt.Errorf("there is no phase %d: give a number from 1 to %d, or a name", n, len(ordered))
		}
		return ordered[n-1].ID, nil
	}
	var found []model.Phase
	for _, ph := range ordered {
		name := strings.ToLower(strings.TrimSpace(ph.Name))
		if name == strings.ToLower(answer) {
			return ph.ID, nil
		}
		if strings.HasPrefix(name, strings.ToLower(answer)) {
			found = append(found, ph)
		}
	}
	switch len(found) {
	case 1:
		return found[0].ID, nil
	case 0:
		return 0, fmt.Errorf("no phase is named %q: give its number (1 to %d) or its name", answer, len(ordered))
	}
	names := make([]string, len(found))
	for i, ph := range found {
		names[i] = ph.Name
	}
	return 0, fmt.Errorf("%q could be %s: type more of the name", answer, strings.Join(names, " or "))
}

func (p *Pane) remove() tea.Cmd {
	doc, errCmd := p.editable()
	if errCmd != nil {
		return errCmd
	}
	s, pid, by := p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data)
	p.confirm.Open(fmt.Sprintf("Delete the doc %q? u undoes it.", doc.Title), func() tea.Cmd {
		return common.Save(fmt.Sprintf("deleted %q", doc.Title), func() error {
			return s.DeleteDoc(pid, doc.ID, by)
		})
	})
	return nil
}

func (p *Pane) undo() tea.Cmd {
	if p.data == nil {
		return nil
	}
	return common.Undo(p.ctx.Store, p.data.Project.ID, p.ctx.Actor(p.data), store.KindDocs)
}
