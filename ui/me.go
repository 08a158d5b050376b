package ui

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// The "who am I" picker (@) opens over whichever pane is on screen and
// closes back onto it: "me" is the project's, not the RACI pane's, and a
// sign-off in Phases needs it as much as the my-role view does.

// mePicker is the root's picker of "me". One is shared by every pane's
// overlay; only the pane on screen draws it.
type mePicker struct {
	components.Picker
	st            *themes.Styles
	width, height int
}

// withMe lays the one "me" picker over each pane.
func withMe(me *mePicker, panes ...common.Pane) []common.Pane {
	out := make([]common.Pane, len(panes))
	for i, p := range panes {
		out[i] = meOverlay{Pane: p, me: me}
	}
	return out
}

// openMe lists the project's people, and nobody, with the cursor on who
// "me" is now.
func (m *Model) openMe() tea.Cmd {
	d := m.data
	if d == nil {
		return nil
	}
	if len(d.People) == 0 {
		return common.Error(errors.New("the project has no people yet: add yourself in the RACI pane (3, then P and a)"))
	}
	items := make([]components.PickItem, 0, len(d.People)+1)
	ids := make([]uint64, 0, len(d.People)+1)
	selected := len(d.People)
	for i, pe := range d.People {
		hint := pe.Team
		if pe.Handle != "" {
			hint += " · " + pe.Handle
		}
		if pe.ID == d.Project.MeID {
			selected = i
		}
		items = append(items, components.PickItem{Label: pe.Name, Hint: hint})
		ids = append(ids, pe.ID)
	}
	items = append(items, components.PickItem{Label: "(nobody)"})
	ids = append(ids, 0)
	pid, by := d.Project.ID, m.ctx.Actor(d)
	m.me.Open("Who are you?", items, selected, func(i int) tea.Cmd {
		name := items[i].Label
		if ids[i] == 0 {
			name = ""
		}
		return m.chooseMe(pid, by, ids[i], name)
	})
	return nil
}

// chooseMe writes "me" onto the project as stored, its other fields left
// as they are there, and keeps the name (none for nobody) so that the
// projects opened next find the same person by name. Whether it changed
// is asked of the store: a choice made just before may not have come
// back yet.
func (m *Model) chooseMe(pid uint64, by string, id uint64, name string) tea.Cmd {
	note := "you are " + model.SanitizeLine(name) + ": your sign-offs and checks are recorded in your name"
	if id == 0 {
		note = `nobody is "me" now`
	}
	keep := func(s *store.Store, res common.Result) (common.Result, error) {
		if err := s.KeepMe(name); err != nil {
			return res, fmt.Errorf(`"me" is set in this project, yet other projects will ask again: %w`, err)
		}
		return res, nil
	}
	return m.ctx.Write(func(s *store.Store) (common.Result, error) {
		changed := false
		_, err := s.UpdateProject(pid, by, func(cur model.Project) (model.Project, error) {
			changed = cur.MeID != id
			cur.MeID = id
			return cur, nil
		})
		switch {
		case err != nil:
			return common.Result{}, err
		case !changed:
			return keep(s, common.Result{Note: "nothing changed"})
		}
		return keep(s, common.Result{Note: note})
	})
}

// matchMe, on opening a project without "me", sets the person named as
// the "me" chosen in another project, when exactly one of its people is
// named so (case and accents aside). In team mode "me" is the key's
// person, and a read-only file takes no writes: neither is tried.
func (m *Model) matchMe(d *model.ProjectData) tea.Cmd {
	s := m.ctx.Store
	if d.Project.MeID != 0 || len(d.People) == 0 || s.ReadOnly() || s.Damaged() != "" {
		return nil
	}
	if p := s.Policy(); p != nil && p.Person != "" {
		return nil
	}
	pid, by := d.Project.ID, m.ctx.Actor(d)
	return m.ctx.Write(func(s *store.Store) (common.Result, error) {
		p, ok, err := s.MatchMe(pid, by)
		if err != nil || !ok {
			return common.Result{}, err
		}
		return common.Result{Note: "you are " + model.SanitizeLine(p.Name) + " here too (matched by name): @ to choose someone else"}, nil
	})
}

// meOverlay is a pane with the "me" picker over it: while the picker is
// open it draws it, takes the keys and shows its help, so the root's
// routing and view treat it as the pane holding the keyboard, and the
// pane under it keeps its state.
type meOverlay struct {
	common.Pane
	me *mePicker
}

func (o meOverlay) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyMsg); ok && o.me.Active() {
		return o.me.Update(msg)
	}
	return o.Pane.Update(msg)
}

func (o meOverlay) View() string {
	if o.me.Active() {
		return o.me.View(o.me.st, o.me.width, o.me.height)
	}
	return o.Pane.View()
}

func (o meOverlay) SetSize(w, h int) {
	o.me.width, o.me.height = w, h
	o.Pane.SetSize(w, h)
}

func (o meOverlay) Capturing() bool { return o.me.Active() || o.Pane.Capturing() }
func (o meOverlay) Typing() bool    { return o.me.Active() || o.Pane.Typing() }

func (o meOverlay) ShortHelp() []key.Binding {
	if o.me.Active() {
		return o.me.Picker.ShortHelp()
	}
	return o.Pane.ShortHelp()
}

func (o meOverlay) FullHelp() [][]key.Binding {
	if o.me.Active() {
		return o.me.Picker.FullHelp()
	}
	return o.Pane.FullHelp()
}

// SetFocus passes the root's focus news to a pane that wants them.
func (o meOverlay) SetFocus(on bool) tea.Cmd {
	if f, ok := o.Pane.(common.Focuser); ok {
		return f.SetFocus(on)
	}
	return nil
}
