// Package phases is the Phases pane: where the project stands against its
// plan, phase by phase, with each gate; its deliverables and exit
// checklist; the timeline; the project's audit checklists; and the edits
// and gate moves (start, override, sign-off).
package phases

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// focus is where the pane's keys act: the list of phases or the selected
// phase's items.
type focus int

const (
	focusPhases focus = iota
	focusItems
)

// Pane shows the phases list and the selected phase, or the timeline, or
// the project's checklists.
type Pane struct {
	ctx  *common.Context
	keys keyMap
	data *model.ProjectData
	// phases are the project's phases in Order, rebuilt on each load.
	phases []model.Phase
	cursor components.Cursor
	focus  focus
	// item is the selected row of the phase's items (deliverables, then
	// exit checklist) while focus is on them.
	item     int
	timeline bool
	// cl is the checklists view, shown instead of the phases when on.
	cl      checklistView
	prompt  components.Prompt
	confirm components.Confirm
	// question is the confirm's question, which the pane draws wrapped.
	question string
	// picker chooses the built-in checklist to attach.
	picker components.Picker
	goals  *goalCache
	// blockers caches GateBlockers per phase for the project shown: the
	// Test gate sorts every open change, which a keystroke should not redo.
	blockers map[uint64][]model.Blocker
	width    int
	height   int
}

// New returns the pane.
func New(ctx *common.Context) *Pane {
	return &Pane{ctx: ctx, keys: newKeyMap(), goals: newGoalCache(ctx.Markdown())}
}

func (p *Pane) Title() string { return "Phases" }
func (p *Pane) Capturing() bool {
	return p.prompt.Active() || p.confirm.Active() || p.picker.Active()
}

// Typing: the prompts (names, dates, notes) and the picker's filter take
// text.
func (p *Pane) Typing() bool  { return p.prompt.Active() || p.picker.Active() }
func (p *Pane) Init() tea.Cmd { return nil }

// headLines are the pane's own top lines: the summary (or prompt) and the
// list's column titles.
const headLines = 2

func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.cursor.Height = max(h-headLines, 1)
	p.cursor.Clamp()
	p.cl.cursor.Height = max(h-1, 1)
	p.cl.cursor.Clamp()
	p.cl.scroll(p.clBodyHeight())
}

// Update routes one message: loads, writes' results and renderings, then
// keys to whatever holds them (a confirmation, a prompt, the items or the
// list).
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		p.load(msg.Data)
		return p.renderGoal()
	case common.ProjectChangedMsg:
		// The pane's views are cheap to derive: rebuild them all rather
		// than patch what the events touched.
		p.load(msg.Data)
		return p.renderGoal()
	case selectPhaseMsg:
		return p.selectPhase(msg)
	case selectChecklistMsg:
		if p.data != nil && p.data.Project.ID == msg.project {
			p.cl.selectList(p.data, msg.checklist)
			p.cl.scroll(p.clBodyHeight())
		}
		return nil
	case tea.WindowSizeMsg:
		return p.renderGoal()
	case goalMsg:
		p.goals.done(msg)
		return nil
	case tea.KeyMsg:
		return p.handleKey(msg)
	case common.MouseMsg:
		return p.mouse(msg)
	}
	if p.prompt.Active() {
		return p.prompt.Update(msg)
	}
	return nil
}

func (p *Pane) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.confirm.Active():
		return p.confirm.Update(msg)
	case p.prompt.Active():
		return p.prompt.Update(msg)
	case p.picker.Active():
		return p.picker.Update(msg)
	case p.data == nil:
		return nil
	case key.Matches(msg, p.keys.timeline):
		// The timeline shows the list's cursor: the keys act on phases.
		p.timeline, p.cl.on, p.focus = !p.timeline, false, focusPhases
		return nil
	case key.Matches(msg, p.keys.checklists):
		p.toggleChecklists()
		return nil
	}
	if p.cl.on {
		return p.checklistKey(msg)
	}
	if p.focus == focusItems {
		return p.itemKey(msg)
	}
	return p.phaseKey(msg)
}

// phaseKey handles a key while the list of phases has the focus.
func (p *Pane) phaseKey(msg tea.KeyMsg) tea.Cmd {
	if p.cursor.HandleKey(p.keys.nav, msg) {
		p.item = 0
		return p.renderGoal()
	}
	ph, ok := p.selected()
	switch {
	case key.Matches(msg, p.keys.add):
		return p.addPhase()
	case p.timeline && key.Matches(msg, p.keys.back):
		p.timeline = false
	case !ok:
		return nil
	case key.Matches(msg, p.keys.open):
		p.openPhase()
	case key.Matches(msg, p.keys.signOff):
		return p.signOff(ph)
	case key.Matches(msg, p.keys.start):
		return p.start(ph)
	case key.Matches(msg, p.keys.override):
		return p.override(ph)
	case key.Matches(msg, p.keys.ready):
		return p.requestSignOff(ph)
	case key.Matches(msg, p.keys.edit):
		return p.editPhase(ph)
	case key.Matches(msg, p.keys.remove):
		return p.removePhase(ph)
	case key.Matches(msg, p.keys.moveUp):
		return p.movePhase(ph, -1)
	case key.Matches(msg, p.keys.moveDown):
		return p.movePhase(ph, +1)
	case key.Matches(msg, p.keys.undo):
		return p.undo()
	}
	return nil
}

// itemKey handles a key while the selected phase's items have the focus.
func (p *Pane) itemKey(msg tea.KeyMsg) tea.Cmd {
	ph, ok := p.selected()
	if !ok {
		p.focus = focusPhases
		return nil
	}
	n := model.PhaseItems(ph)
	switch {
	case key.Matches(msg, p.keys.back):
		p.focus = focusPhases
	case key.Matches(msg, p.keys.nav.Up):
		p.item = max(p.item-1, 0)
	case key.Matches(msg, p.keys.nav.Down):
		p.item = min(p.item+1, max(n-1, 0))
	case key.Matches(msg, p.keys.nav.Top):
		p.item = 0
	case key.Matches(msg, p.keys.nav.Bottom):
		p.item = max(n-1, 0)
	case key.Matches(msg, p.keys.toggle):
		return p.toggleItem(ph)
	case key.Matches(msg, p.keys.add):
		return p.addItem(ph)
	case key.Matches(msg, p.keys.edit):
		return p.renameItem(ph)
	case key.Matches(msg, p.keys.remove):
		return p.removeItem(ph)
	case key.Matches(msg, p.keys.moveUp):
		return p.moveItem(ph, -1)
	case key.Matches(msg, p.keys.moveDown):
		return p.moveItem(ph, +1)
	case key.Matches(msg, p.keys.signOff):
		return p.signOff(ph)
	case key.Matches(msg, p.keys.undo):
		return p.undo()
	}
	return nil
}

// load takes the project as loaded or as changed by writes: phases in
// Order, caches dropped, and the selection kept on the same phase, item
// row and checklist item. Another project starts from the top.
func (p *Pane) load(d *model.ProjectData) {
	keep, keepItem := uint64(0), p.item
	if ph, ok := p.selected(); ok {
		keep = ph.ID
	}
	keepList, keepCheck := uint64(0), -1
	if row, ok := p.cl.selected(); ok && p.data != nil {
		keepList, keepCheck = p.data.Checklists[row.list].ID, row.item
	}
	if p.data != nil && p.data.Project.ID != d.Project.ID {
		keep, keepItem, p.focus, p.timeline = 0, 0, focusPhases, false
		keepList, p.cl.on, p.cl.cursor.Pos, p.cl.off = 0, false, 0, 0
		p.prompt.Close()
		p.picker.Close()
	}
	p.data = d
	p.cl.build(d, keepList, keepCheck)
	p.cl.scroll(p.clBodyHeight())
	p.phases = model.PhasesInOrder(d.Phases)
	p.blockers = make(map[uint64][]model.Blocker, len(p.phases))
	p.cursor.N = len(p.phases)
	for i, ph := range p.phases {
		if ph.ID == keep {
			p.cursor.Pos = i
		}
	}
	p.cursor.Clamp()
	ph, ok := p.selected()
	if !ok {
		p.focus, p.item = focusPhases, 0
		return
	}
	p.item = min(max(keepItem, 0), max(model.PhaseItems(ph)-1, 0))
}

// selectPhase puts the cursor on the phase and item row a write asked
// for, once its events are in.
func (p *Pane) selectPhase(msg selectPhaseMsg) tea.Cmd {
	if p.data == nil || p.data.Project.ID != msg.project {
		return nil
	}
	for i, ph := range p.phases {
		if ph.ID == msg.phase {
			p.cursor.Pos = i
			p.cursor.Clamp()
			p.item = min(max(msg.item, 0), max(model.PhaseItems(ph)-1, 0))
			return p.renderGoal()
		}
	}
	return nil
}

// selected is the phase under the cursor.
func (p *Pane) selected() (model.Phase, bool) {
	if p.cursor.Pos < 0 || p.cursor.Pos >= len(p.phases) {
		return model.Phase{}, false
	}
	return p.phases[p.cursor.Pos], true
}

// gateBlockers returns what blocks a phase's gate, computed once per load.
func (p *Pane) gateBlockers(id uint64) []model.Blocker {
	if bs, ok := p.blockers[id]; ok {
		return bs
	}
	bs := model.GateBlockers(*p.data, id)
	p.blockers[id] = bs
	return bs
}

// me is the person using mopdeck, as chosen in the project; 0 when none.
func (p *Pane) me() uint64 { return p.data.Project.MeID }

func (p *Pane) actor() string { return p.ctx.Actor(p.data) }

func (p *Pane) ShortHelp() []key.Binding {
	k := p.keys
	switch {
	case p.confirm.Active():
		return components.ConfirmKeys()
	case p.prompt.Active():
		return components.PromptKeys()
	case p.picker.Active():
		return p.picker.ShortHelp()
	case p.cl.on:
		return []key.Binding{k.nav.Up, k.nav.Down, k.toggle, k.attach, k.detach, k.undoChecklist, k.back}
	case p.focus == focusItems:
		return []key.Binding{k.toggle, k.add, k.edit, k.remove, k.moveUp, k.moveDown, k.signOff, k.undo, k.back}
	}
	short := []key.Binding{k.nav.Up, k.nav.Down, k.open, k.signOff, k.start, k.timeline, k.checklists, k.undo}
	if p.timeline {
		short = append([]key.Binding{k.back}, short...)
	}
	return short
}

// FullHelp lists every key that acts in the mode on screen, and no other.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.keys
	switch {
	case p.confirm.Active():
		return [][]key.Binding{components.ConfirmKeys()}
	case p.prompt.Active():
		return [][]key.Binding{components.PromptKeys()}
	case p.picker.Active():
		return p.picker.FullHelp()
	case p.cl.on:
		return [][]key.Binding{
			{k.toggle, k.attach, k.detach, k.undoChecklist},
			{k.checklists, k.timeline, k.back},
			k.nav.Bindings(),
		}
	case p.focus == focusItems:
		// Only what itemKey (and the keys every view shares) acts on:
		// the gate moves other than sign-off, and paging, do nothing here.
		return [][]key.Binding{
			{k.toggle, k.add, k.edit, k.remove, k.moveUp, k.moveDown},
			{k.signOff, k.undo, k.back, k.timeline, k.checklists},
			{k.nav.Up, k.nav.Down, k.nav.Top, k.nav.Bottom},
		}
	}
	views := []key.Binding{k.open, k.timeline, k.checklists}
	if p.timeline {
		views = append(views, k.back)
	}
	return [][]key.Binding{
		{k.start, k.override, k.ready, k.signOff},
		views,
		{k.add, k.edit, k.remove, k.moveUp, k.moveDown, k.undo},
		k.nav.Bindings(),
	}
}
