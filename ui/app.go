// Package ui is mopdeck's terminal interface. The root model owns the tab
// bar, the status line, the help, the global keys and the window size; it
// routes every other message to the panes, which do the work.
package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/changes"
	"mopdeck/ui/common"
	"mopdeck/ui/docs"
	"mopdeck/ui/phases"
	"mopdeck/ui/projects"
	"mopdeck/ui/raci"
)

// Minimum window the layout is designed for; below it a note is shown.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Model is the root Bubble Tea model.
type Model struct {
	ctx       *common.Context
	projectID uint64
	data      *model.ProjectData
	projects  []model.Project
	// loading is set while a full load of the open project is on its
	// way; events that arrive meanwhile wait in pending.
	loading  bool
	pending  []model.Event
	panes    []common.Pane
	switcher *projects.Switcher
	// me is the "who am I" picker, drawn over the pane on screen.
	me       *mePicker
	active   int
	keys     globalKeys
	help     help.Model
	showHelp bool
	helpTop  int // first line of the full help shown
	// lastClick and lastClickAt tell a double click from two clicks.
	lastClick   tea.MouseMsg
	lastClickAt time.Time
	width       int
	height      int
	status      string
	statusErr   bool
	// statusLines is how many lines the status area had at the last
	// layout: a long error takes more, and the panes fewer.
	statusLines int
	log         messageLog
}

// New builds the root model for one project of the store.
func New(ctx *common.Context, projectID uint64) *Model {
	h := help.New()
	h.Styles.ShortKey = ctx.Styles.StatusKey
	h.Styles.FullKey = ctx.Styles.StatusKey
	h.Styles.ShortDesc = ctx.Styles.Faint
	h.Styles.FullDesc = ctx.Styles.Faint
	me := &mePicker{st: ctx.Styles}
	return &Model{
		ctx:       ctx,
		projectID: projectID,
		panes:     withMe(me, phases.New(ctx), changes.New(ctx), raci.New(ctx), docs.New(ctx)),
		switcher:  projects.New(ctx),
		me:        me,
		keys:      newGlobalKeys(),
		help:      h,
	}
}

// Init loads the project.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.load(), m.listen()}
	for _, p := range m.panes {
		cmds = append(cmds, p.Init())
	}
	return tea.Batch(cmds...)
}

// Update routes: window size and global keys here, other keys to the
// focused pane, every other message to all panes. A message on show may
// need another height once the data beside it changed: the layout follows.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.status != "" && m.width > 0 && len(m.statusArea()) != m.statusLines {
		m.resize()
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width <= 0 || msg.Height <= 0 {
			// Some pseudo-terminals report no size at all: draw for the
			// classic 80×24 rather than nothing.
			msg.Width, msg.Height = MinWidth, MinHeight
		}
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m.broadcast(msg)
	case common.ProjectLoadedMsg:
		return m.loaded(msg)
	case common.ProjectsMsg:
		m.projects = msg.Projects
		m.switcher.SetProjects(m.projects, m.projectID)
		return nil
	case projects.OpenMsg:
		m.projectID = msg.ID
		m.setStatus(msg.Note, false)
		return m.load()
	case common.ErrMsg:
		m.setStatus(msg.Err.Error(), true)
		return nil
	case common.NoteMsg:
		m.setStatus(msg.Text, false)
		return nil
	case common.SavedMsg:
		return m.saved(msg)
	case liveMsg:
		return m.live(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	}
	return m.broadcast(msg)
}

// handleKey routes a key: ctrl+c first; nothing else while the window is
// too small to show what a key would act on; several runes read at once
// one by one, unless a text input takes them as text.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return tea.Quit
	}
	if m.tooSmall() {
		if key.Matches(msg, m.keys.Quit) {
			return tea.Quit
		}
		return nil
	}
	if msg.Type == tea.KeyRunes {
		// Typed or pasted text is made safe before any input echoes it:
		// a pasted bidi override or escape shows as a placeholder.
		msg.Runes = []rune(model.Sanitize(string(msg.Runes)))
		if len(msg.Runes) == 0 {
			return nil
		}
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		return m.eachRune(msg)
	}
	return m.routeKey(msg)
}

// eachRune handles keys that arrived together (fast typing, key repeat,
// SSH) as if typed one at a time, so none is lost; once a key opens a
// text input, the rest goes into it as typed.
func (m *Model) eachRune(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for i, r := range msg.Runes {
		if m.typing() {
			rest := msg
			rest.Runes = msg.Runes[i:]
			return tea.Batch(append(cmds, m.routeKey(rest))...)
		}
		one := msg
		one.Runes = []rune{r}
		cmds = append(cmds, m.routeKey(one))
	}
	return tea.Batch(cmds...)
}

// typing tells whether a text input has the keyboard.
func (m *Model) typing() bool {
	if m.switcher.Active() {
		return m.switcher.Typing()
	}
	return m.panes[m.active].Typing()
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

func (m *Model) routeKey(msg tea.KeyMsg) tea.Cmd {
	m.setStatus("", false)
	if m.showHelp {
		return m.helpKey(msg)
	}
	if m.log.open {
		return m.logKey(msg)
	}
	if key.Matches(msg, m.keys.Help) && !m.typing() {
		m.openHelp()
		return nil
	}
	if m.switcher.Active() {
		return m.switcher.Update(msg)
	}
	pane := m.panes[m.active]
	if pane.Capturing() {
		return pane.Update(msg)
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit
	case key.Matches(msg, m.keys.Projects):
		// Read the list on the way in: another writer may have added
		// projects.
		m.switcher.Open(m.ctx.Actor(m.data))
		return common.LoadProjects(m.ctx.Store)
	case key.Matches(msg, m.keys.Log):
		m.openLog()
		return nil
	case key.Matches(msg, m.keys.Me):
		// Over the pane on screen, which stays: esc or a choice closes
		// the picker back onto it.
		return m.openMe()
	case key.Matches(msg, m.keys.Next):
		return m.focus((m.active + 1) % len(m.panes))
	case key.Matches(msg, m.keys.Prev):
		return m.focus((m.active + len(m.panes) - 1) % len(m.panes))
	}
	for i, b := range m.keys.Tabs {
		if key.Matches(msg, b) && i < len(m.panes) {
			return m.focus(i)
		}
	}
	return pane.Update(msg)
}

// focus makes pane i the one on screen and tells the panes that care
// (work done only for what is shown waits for it).
func (m *Model) focus(i int) tea.Cmd {
	if i == m.active {
		return nil
	}
	var cmds []tea.Cmd
	if f, ok := m.panes[m.active].(common.Focuser); ok {
		cmds = append(cmds, f.SetFocus(false))
	}
	m.active = i
	if f, ok := m.panes[i].(common.Focuser); ok {
		cmds = append(cmds, f.SetFocus(true))
	}
	return tea.Batch(cmds...)
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.panes))
	for _, p := range m.panes {
		cmds = append(cmds, p.Update(msg))
	}
	return tea.Batch(cmds...)
}

// resize computes each pane's inner box in one place, net of the status
// area as it is now.
func (m *Model) resize() {
	m.statusLines = len(m.statusArea())
	w, h := m.width, max(m.height-m.chromeLines(), 0)
	for _, p := range m.panes {
		p.SetSize(w, h)
	}
	m.switcher.SetSize(w, h)
	m.help.Width = m.width
}

// Active returns the index of the focused pane (for tests).
func (m *Model) Active() int { return m.active }

// ProjectID returns the open project's ID (for tests).
func (m *Model) ProjectID() uint64 { return m.projectID }

// Status returns the status-line message and whether it is an error.
func (m *Model) Status() (string, bool) { return m.status, m.statusErr }
