package projects

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// projectKey handles a key on the list of projects.
func (s *Switcher) projectKey(k tea.KeyMsg) tea.Cmd {
	if s.list.HandleKey(s.keys.nav, k) {
		return nil
	}
	switch {
	case s.query != "" && key.Matches(k, s.keys.clearSearch):
		s.query = ""
		s.refilter()
		return nil
	case key.Matches(k, s.keys.close):
		s.Close()
		return nil
	case key.Matches(k, s.keys.search):
		return s.search()
	case key.Matches(k, s.keys.create):
		s.mode, s.tpl.Pos = modeTemplates, 0
		s.tpl.Clamp()
		return nil
	case key.Matches(k, s.keys.archived):
		s.showArchived = !s.showArchived
		s.refilter()
		return nil
	}
	p, ok := s.selected()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.open):
		return s.openProject(p)
	case key.Matches(k, s.keys.rename):
		return s.rename(p)
	case key.Matches(k, s.keys.archive):
		return s.archive(p)
	}
	return nil
}

// openProject closes the switcher onto project p.
func (s *Switcher) openProject(p model.Project) tea.Cmd {
	s.Close()
	if p.ID == s.current {
		return nil
	}
	id, note := p.ID, fmt.Sprintf("opened %q", model.SanitizeLine(p.Name))
	return func() tea.Msg { return OpenMsg{ID: id, Note: note} }
}

// templateKey handles a key on the list of templates: enter asks for the
// new project's name, then its start date, then creates and opens it.
func (s *Switcher) templateKey(k tea.KeyMsg) tea.Cmd {
	if s.tpl.HandleKey(s.keys.nav, k) {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.back):
		s.mode = modeProjects
	case key.Matches(k, s.keys.pick):
		t := s.templates[s.tpl.Pos]
		return s.askName(t, "")
	}
	return nil
}

// askName asks for the new project's name; a name already taken is
// reported and asked again.
func (s *Switcher) askName(t model.Template, value string) tea.Cmd {
	return s.prompt.Open("name of the new "+t.Name+" project", value, func(name string) tea.Cmd {
		name = strings.TrimSpace(name)
		if err := model.CheckProjectName(s.all, name, 0); err != nil {
			return tea.Batch(common.Error(err), s.askName(t, name))
		}
		return s.askStart(t, name, s.ctx.Now().Format(model.DateLayout))
	})
}

// askStart asks for the start date the phases are laid out from.
func (s *Switcher) askStart(t model.Template, name, value string) tea.Cmd {
	return s.prompt.Open("start date (YYYY-MM-DD)", value, func(text string) tea.Cmd {
		day, err := model.ParseDate(text)
		if err == nil && day.IsZero() {
			err = errors.New("a new project needs a start date: its phases are planned from it")
		}
		if err != nil {
			return tea.Batch(common.Error(err), s.askStart(t, name, text))
		}
		return s.create(t, name, day)
	})
}

// create writes the project in a command and asks the root to open it.
// The name is checked again against the store, which another mopdeck may
// have written meanwhile.
func (s *Switcher) create(t model.Template, name string, start time.Time) tea.Cmd {
	st, by := s.ctx.Store, s.actor
	s.Close()
	return func() tea.Msg {
		projects, err := st.Projects()
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		if err := model.CheckProjectName(projects, name, 0); err != nil {
			return common.ErrMsg{Err: err}
		}
		d, err := st.CreateProject(model.NewProject(t, name, start), by)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return OpenMsg{ID: d.Project.ID, Note: fmt.Sprintf("created %q from %s: %d phases, go-live %s",
			d.Project.Name, t.Name, len(d.Phases), d.Project.GoLive.Format(model.DateLayout))}
	}
}

// rename asks for a new name; a taken name is reported and asked again.
func (s *Switcher) rename(p model.Project) tea.Cmd {
	return s.askRename(p, p.Name)
}

func (s *Switcher) askRename(p model.Project, value string) tea.Cmd {
	return s.prompt.Open("rename project", value, func(name string) tea.Cmd {
		name = strings.TrimSpace(name)
		if err := model.CheckProjectName(s.all, name, p.ID); err != nil {
			return tea.Batch(common.Error(err), s.askRename(p, name))
		}
		if name == p.Name {
			return nil
		}
		return s.renameProject(p.ID, name)
	})
}

// renameProject writes the new name onto the stored project: a "me" or a
// date another pane saved meanwhile stays. The name is checked again
// against the stored list, which may hold names this list does not.
func (s *Switcher) renameProject(id uint64, name string) tea.Cmd {
	by := s.actor
	return s.ctx.Write(func(st *store.Store) (common.Result, error) {
		projects, err := st.Projects()
		if err != nil {
			return common.Result{}, err
		}
		if err := model.CheckProjectName(projects, name, id); err != nil {
			return common.Result{}, err
		}
		var old string
		_, err = st.UpdateProject(id, by, func(p model.Project) (model.Project, error) {
			old, p.Name = p.Name, name
			return p, nil
		})
		if err != nil {
			return common.Result{}, err
		}
		return common.Result{Note: fmt.Sprintf("project %q renamed to %q", model.SanitizeLine(old), name)}, nil
	})
}

// archive hides a project from the list (after a confirmation), or brings
// an archived one back. The open project is not archived: open another
// one first.
func (s *Switcher) archive(p model.Project) tea.Cmd {
	if p.Archived {
		return s.setArchived(p.ID, false)
	}
	if p.ID == s.current {
		return common.Error(fmt.Errorf("%q is the open project: open another one before archiving it", model.SanitizeLine(p.Name)))
	}
	s.confirm.Open(fmt.Sprintf("Archive %q? It leaves the list (v shows archived projects)", p.Name), func() tea.Cmd {
		return s.setArchived(p.ID, true)
	})
	return nil
}

// setArchived sets only the archived flag of the stored project. The root
// patches its project list from the write's event, which refreshes this
// list.
func (s *Switcher) setArchived(id uint64, archived bool) tea.Cmd {
	by := s.actor
	return s.ctx.Write(func(st *store.Store) (common.Result, error) {
		p, err := st.UpdateProject(id, by, func(p model.Project) (model.Project, error) {
			p.Archived = archived
			return p, nil
		})
		if err != nil {
			return common.Result{}, err
		}
		what := "restored"
		if archived {
			what = "archived"
		}
		return common.Result{Note: fmt.Sprintf("project %q %s", model.SanitizeLine(p.Name), what)}, nil
	})
}
