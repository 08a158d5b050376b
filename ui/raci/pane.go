// Package raci is the RACI pane: activities by phase × people, one letter
// or two per cell (A/R), with the rules' marks on bad rows, the people and activities
// editors, the choice of "me" and the "my role" view.
package raci

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// viewMode is what the pane shows: the grid or one person's roles.
type viewMode int

const (
	viewGrid viewMode = iota
	viewMyRole
)

// Pane shows and edits the RACI matrix.
type Pane struct {
	ctx    *common.Context
	keys   keyMap
	data   *model.ProjectData
	grid   grid
	loaded bool
	rowCur components.Cursor
	colCur components.Cursor
	width  int
	height int
	lay    layout
	paint  paint
	view   viewMode
	myRole myRoleView

	prompt  components.Prompt
	confirm components.Confirm
	// picker chooses the phase an activity is tied to.
	picker components.Picker
	// personVerb is set by P: the next key is a verb on the person in
	// the cursor's column.
	personVerb bool

	// follow is a row or column just added, for the cursor to land on
	// once it is shown.
	follow followMsg
	// imp is the import screen (import.go).
	imp importer
}

// New returns the pane.
func New(ctx *common.Context) *Pane {
	return &Pane{ctx: ctx, keys: newKeyMap()}
}

func (p *Pane) Title() string { return "RACI" }
func (p *Pane) Init() tea.Cmd { return nil }

// Capturing is true while a prompt, a question, a picker, P's verb or
// the import screen holds the keyboard, so that typing "q" or "2" there
// does not quit or switch tabs.
func (p *Pane) Capturing() bool {
	return p.prompt.Active() || p.confirm.Active() || p.picker.Active() || p.personVerb || p.imp.active()
}

// Typing: the prompts and the picker's filter take text.
func (p *Pane) Typing() bool { return p.prompt.Active() || p.picker.Active() }

func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.relayout()
}

func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		if p.imp.active() && p.imp.pid != msg.Data.Project.ID {
			p.imp.close() // its plan was for the project left
		}
		p.load(msg.Data)
	case common.ProjectChangedMsg:
		p.changed(msg)
	case followMsg:
		p.followTo(msg)
	case cellSetMsg:
		return p.cellNote(msg)
	case importReadMsg:
		return p.importRead(msg)
	case tea.KeyMsg:
		return p.handleKey(msg)
	case common.MouseMsg:
		if p.imp.active() {
			p.imp.preview.Mouse(msg.MouseMsg)
			return nil
		}
		return p.mouse(msg)
	default:
		if p.prompt.Active() {
			return p.prompt.Update(msg)
		}
	}
	return nil
}

// load rebuilds the grid from the project as the root now holds it (a
// load, or the events of a write applied) and puts the cursor back on the
// same activity and person, wherever their rows and columns went.
func (p *Pane) load(d *model.ProjectData) {
	cur, hadRow := p.cursorActivity()
	var personID uint64
	if c, ok := p.cursorPerson(); ok {
		personID = p.grid.people[c].ID
	}
	if !p.loaded || p.data.Project.ID != d.Project.ID {
		// A first load or another project: its IDs say nothing of ours.
		hadRow, personID, p.follow = false, 0, followMsg{}
		p.picker.Close()
		p.personVerb = false
	}
	p.data, p.loaded = d, true
	p.grid = buildGrid(d)
	p.relayout()
	p.place(cur.activity.ID, personID, hadRow)
	p.placeFollowed()
}

func (p *Pane) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.prompt.Active():
		return p.prompt.Update(msg)
	case p.confirm.Active():
		return p.confirm.Update(msg)
	case p.picker.Active():
		return p.picker.Update(msg)
	case p.imp.active():
		return p.importKey(msg)
	case !p.loaded:
		return nil
	case p.personVerb:
		// Whatever the key, P's verb is spent: esc or any other key
		// only cancels it.
		p.personVerb = false
		return p.personKey(msg)
	case key.Matches(msg, p.keys.myRole):
		p.toggleMyRole()
		return nil
	}
	if p.view == viewMyRole {
		return p.myRoleKey(msg)
	}
	if key.Matches(msg, p.keys.person) {
		p.personVerb = true
		return nil
	}
	if key.Matches(msg, p.keys.importFile) {
		return p.openImport()
	}
	if p.moveKey(msg) {
		return nil
	}
	if cmd, ok := p.editKey(msg); ok {
		return cmd
	}
	if cmd, ok := p.activityKey(msg); ok {
		return cmd
	}
	return nil
}

func (p *Pane) View() string {
	st := p.ctx.Styles
	switch {
	case !p.loaded:
		return st.Faint.Render("loading…")
	case p.picker.Active():
		return p.picker.View(st, p.width, p.height)
	case p.imp.active():
		return p.imp.preview.View(st, p.width, p.height)
	case p.view == viewMyRole:
		return p.myRoleViewText()
	}
	return p.gridView()
}
