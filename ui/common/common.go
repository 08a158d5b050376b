// Package common holds what the root model and every pane share: the
// context (store, styles, clock), the messages that cross pane boundaries
// and the Pane interface.
package common

import (
	"fmt"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui/components"
)

// Context is handed to every pane once. Panes read the store only from the
// tea.Cmds they return, never in Update or View.
type Context struct {
	Store  *store.Store
	Styles *themes.Styles
	// Now is the clock; tests pin it.
	Now func() time.Time
	// User is the login name, recorded in history until a "me" is chosen.
	User string
	// Person and Role are set in team mode (mopdeck serve): who this
	// session is, by the key it came with, and what they may do. Store
	// is then a handle guarded by their role (store.Guarded), so every
	// write a pane or the root makes is judged below them, and Person is
	// "me" in every project that names them.
	Person string
	Role   store.TeamRole
	// Live makes the root follow every write committed to the store,
	// not only its own: other sessions', and commands run through the
	// process that owns the file (see ui/live.go).
	Live bool
	// Remote is set for an SSH session of mopdeck serve: the person
	// reaches the server only through the app, so the app reads no file
	// and runs no program on the server for them (an import path, an
	// editor that can open a shell). RefuseOnServer says so.
	Remote bool

	subOnce sync.Once
	sub     *store.Subscription

	mdOnce sync.Once
	md     *components.Markdown

	writerOnce sync.Once
	writer     *Writer
}

// RefuseOnServer returns the status-line error for an action that would
// read a file or run a program on the server in a Remote session (what
// names it, and what to do instead), or nil when the app runs locally.
func (c *Context) RefuseOnServer(what, instead string) tea.Cmd {
	if !c.Remote {
		return nil
	}
	return Error(fmt.Errorf("over SSH the app does not %s on the server: %s", what, instead))
}

// Markdown is the one Glamour renderer and output cache of the program:
// docs, phase goals and change-request descriptions share it, so a text
// shown in two panes renders once.
func (c *Context) Markdown() *components.Markdown {
	c.mdOnce.Do(func() {
		if c.Styles != nil {
			c.md = components.NewMarkdownIn(c.Styles.Profile)
		} else {
			c.md = components.NewMarkdown()
		}
	})
	return c.md
}

// Pane is one tab of the window.
type Pane interface {
	help.KeyMap
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	// SetSize gives the pane its inner box, already net of the tab bar,
	// status line and help bar.
	SetSize(width, height int)
	Title() string
	// Capturing reports that the pane holds the keyboard (a form, a
	// prompt, a picker, a full-pane mode such as triage), so global keys
	// such as q and tab go to it; ? and ctrl+c still act.
	Capturing() bool
	// Typing reports that a text input has the keyboard: keys are text
	// there, so several runes read at once go in as typed, and ? is a
	// character.
	Typing() bool
}

// Focuser is a pane that does some work only while it is on screen (the
// Docs pane builds the status report): the root tells it when it comes
// and goes. Panes start out of focus.
type Focuser interface {
	SetFocus(on bool) tea.Cmd
}

// ProjectLoadedMsg carries a freshly loaded project to every pane. Panes
// treat Data as read-only and build their own derived views of it.
type ProjectLoadedMsg struct {
	Data     *model.ProjectData
	Projects []model.Project
}

// ProjectChangedMsg tells every pane that writes changed the open
// project: Data is the project with Events applied (a new value; the one
// before is left as it was). Panes patch what the events touched.
type ProjectChangedMsg struct {
	Data   *model.ProjectData
	Events []model.Event
}

// ErrMsg is shown in the status line until the next key.
type ErrMsg struct{ Err error }

// NoteMsg is a passing message for the status line ("saved CR-12").
type NoteMsg struct{ Text string }

// Error returns a command that reports err in the status line. It returns
// a tea.Cmd, not a tea.Msg: mixing the two silently drops the error.
func Error(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	return func() tea.Msg { return ErrMsg{Err: err} }
}

// Note returns a command that shows text in the status line.
func Note(text string) tea.Cmd {
	return func() tea.Msg { return NoteMsg{Text: text} }
}

// LoadProject reads a project and the project list off the store.
func LoadProject(s *store.Store, id uint64) tea.Cmd {
	return func() tea.Msg {
		d, err := s.LoadProject(id)
		if err != nil {
			return ErrMsg{Err: err}
		}
		if p := s.Policy(); p != nil && p.Person != "" {
			d.Project.MeID = PersonID(d.People, p.Person)
		}
		projects, err := s.Projects()
		if err != nil {
			return ErrMsg{Err: err}
		}
		return ProjectLoadedMsg{Data: &d, Projects: projects}
	}
}

// Actor names who makes a change: the person behind the key in team
// mode, else the person chosen as "me", else the login name mopdeck
// started with.
func (c *Context) Actor(d *model.ProjectData) string {
	if c.Person != "" {
		return c.Person
	}
	if d != nil {
		if name := d.PersonName(d.Project.MeID); name != "" {
			return name
		}
	}
	if c.User != "" {
		return c.User
	}
	return "someone"
}

// ProjectsMsg carries the list of projects.
type ProjectsMsg struct{ Projects []model.Project }

// LoadProjects reads the list of projects.
func LoadProjects(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		projects, err := s.Projects()
		if err != nil {
			return ErrMsg{Err: err}
		}
		return ProjectsMsg{Projects: projects}
	}
}

// MouseMsg is a mouse event for the pane on screen: Y counts from the
// pane's first line, X from the window's left edge. Double is set on the
// second left click of a double click on the same cell.
type MouseMsg struct {
	tea.MouseMsg
	Double bool
}
