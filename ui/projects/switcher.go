// Package projects is the project switcher: the list of the database's
// projects over the window, to open one, create one from a template,
// rename or archive one. The root model owns it and opens it on its key.
package projects

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// OpenMsg asks the root to open another project: it changes its project
// and reloads, and every pane gets the new project.
type OpenMsg struct {
	ID   uint64
	Note string
}

// mode is what the switcher shows: the projects, or the templates while
// creating one.
type mode int

const (
	modeProjects mode = iota
	modeTemplates
)

// Switcher lists projects and templates. While open it holds the keyboard.
type Switcher struct {
	ctx          *common.Context
	keys         keyMap
	open         bool
	mode         mode
	all          []model.Project
	shown        []model.Project
	showArchived bool
	// query narrows the list to the projects whose name holds it, as
	// people and tools write names (see model.FoldName).
	query     string
	current   uint64
	actor     string
	list      components.Cursor
	templates []model.Template
	tpl       components.Cursor
	prompt    components.Prompt
	confirm   components.Confirm
	width     int
	height    int
}

// New returns a closed switcher.
func New(ctx *common.Context) *Switcher {
	s := &Switcher{ctx: ctx, keys: newKeyMap(), templates: model.Templates()}
	s.tpl.N = len(s.templates)
	return s
}

// Active tells whether the switcher is open (and holds the keyboard).
func (s *Switcher) Active() bool { return s.open }

// Open shows the projects, the current one selected. actor is who makes
// the changes made from here.
func (s *Switcher) Open(actor string) {
	s.open, s.mode, s.actor = true, modeProjects, actor
	if s.query != "" { // a search is over once a project is chosen
		s.query = ""
		s.filter()
	}
	s.selectID(s.current)
}

// Close hides the switcher and drops any question in progress.
func (s *Switcher) Close() {
	s.open = false
	s.prompt.Close()
}

// SetProjects takes the project list and the open project: at each load,
// and whenever the root patches the list from a write's events (a rename
// or an archive made here comes back that way).
func (s *Switcher) SetProjects(projects []model.Project, current uint64) {
	keep := s.current
	if p, ok := s.selected(); ok {
		keep = p.ID
	}
	s.all, s.current = projects, current
	s.filter()
	s.selectID(keep)
}

// filter keeps archived projects out unless asked for (the open one is
// always shown, archived or not), and those whose name lacks the query.
func (s *Switcher) filter() {
	s.shown = s.shown[:0]
	for _, p := range s.all {
		if (!p.Archived || s.showArchived || p.ID == s.current) && s.named(p) {
			s.shown = append(s.shown, p)
		}
	}
	s.list.N = len(s.shown)
	s.list.Clamp()
}

// named tells whether p's name holds the query.
func (s *Switcher) named(p model.Project) bool {
	return s.query == "" || strings.Contains(model.FoldName(p.Name), model.FoldName(s.query))
}

// refilter applies a changed query or archive choice, keeping the cursor
// on its project while it is shown, else on the first.
func (s *Switcher) refilter() {
	keep, _ := s.selected()
	s.filter()
	s.list.Pos = 0
	s.selectID(keep.ID)
}

// search opens the name filter; it narrows the list as it is typed, enter
// keeps it, esc puts back the one before.
func (s *Switcher) search() tea.Cmd {
	apply := func(q string) tea.Cmd {
		s.query = q
		s.refilter()
		return nil
	}
	cmd := s.prompt.Open("filter projects by name", s.query, apply)
	s.prompt.OnChange(apply)
	return cmd
}

func (s *Switcher) selectID(id uint64) {
	for i, p := range s.shown {
		if p.ID == id {
			s.list.Pos = i
		}
	}
	s.list.Clamp()
}

func (s *Switcher) selected() (model.Project, bool) {
	if s.list.Pos < 0 || s.list.Pos >= len(s.shown) {
		return model.Project{}, false
	}
	return s.shown[s.list.Pos], true
}

// SetSize gives the switcher the pane area.
func (s *Switcher) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.Height = max(h-headLines, 1)
	s.tpl.Height = max(h-headLines, 1)
	s.list.Clamp()
	s.tpl.Clamp()
}

// Typing: a name is being typed.
func (s *Switcher) Typing() bool { return s.open && s.prompt.Active() }

// Update handles a key while the switcher is open.
func (s *Switcher) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	switch {
	case s.confirm.Active():
		return s.confirm.Update(msg)
	case s.prompt.Active():
		return s.prompt.Update(msg)
	case !ok:
		return nil
	case s.mode == modeTemplates:
		return s.templateKey(k)
	}
	return s.projectKey(k)
}

func (s *Switcher) ShortHelp() []key.Binding {
	k := s.keys
	switch {
	case s.confirm.Active():
		return components.ConfirmKeys()
	case s.prompt.Active():
		return components.PromptKeys()
	case s.mode == modeTemplates:
		return []key.Binding{k.nav.Up, k.nav.Down, k.pick, k.back}
	}
	return s.listKeys()
}

// listKeys are the keys of the list of projects: with a filter set, esc
// clears it and p alone closes.
func (s *Switcher) listKeys() []key.Binding {
	k := s.keys
	if s.query != "" {
		return []key.Binding{k.open, k.search, k.clearSearch, k.create, k.rename, k.archive, k.archived, k.closeP}
	}
	return []key.Binding{k.open, k.search, k.create, k.rename, k.archive, k.archived, k.close}
}

// FullHelp lists every key that acts in the mode on screen, and no other.
func (s *Switcher) FullHelp() [][]key.Binding {
	k := s.keys
	switch {
	case s.confirm.Active():
		return [][]key.Binding{components.ConfirmKeys()}
	case s.prompt.Active():
		return [][]key.Binding{components.PromptKeys()}
	case s.mode == modeTemplates:
		return [][]key.Binding{k.nav.Bindings(), {k.pick, k.back}}
	}
	return [][]key.Binding{k.nav.Bindings(), s.listKeys()}
}
