// Package changes is the Change requests pane: the queue in priority order,
// its filters and sorts, the add/edit form, one-key triage, the
// impact/effort matrix and the status workflow.
package changes

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// mode is what holds the pane: the table, or one of the full-pane views.
type mode int

const (
	modeTable mode = iota
	modeForm
	modeTriage
	modeMatrix
	modeFacets
	modeStatus
	modePreview // the import screen (import_preview.go)
	modeDetail  // one request read-only (detail.go)
	modeSummary // what a triage session decided (triage_summary.go)
)

// Pane shows the project's change requests.
type Pane struct {
	ctx     *common.Context
	keys    keyMap
	md      *components.Markdown
	data    *model.ProjectData
	q       queue
	table   components.Table
	mode    mode
	prompt  components.Prompt
	confirm components.Confirm
	form    *crForm
	triage  triage
	matrix  matrix
	facets  facetPicker
	// picker is the status picker or the facet picker, whichever is open.
	picker components.Picker
	imp    *preview
	// detailID is the request the detail view shows.
	detailID uint64
	// filterSeq numbers the filter's asks (see filter.go).
	filterSeq uint64
	width     int
	height    int
}

// idColumnWidth is the ID column's width up to CR-9999.
const idColumnWidth = 7

// New returns the pane.
func New(ctx *common.Context) *Pane {
	// At 80 columns the title keeps 32 cells: age, complexity, impact,
	// assignee and decision go first, in that order. On a wide window the
	// assignee grows to the longest name and the title takes the rest.
	cols := []components.Column{
		{Title: "ID", Width: idColumnWidth}, // wider for CR-100000 and up (placeCursor)
		{Title: "Title", Min: 32},
		{Title: "Quadrant", Width: 13},
		{Title: "Imp", Width: 3, Drop: 4},
		{Title: "Cx", Width: 6, Drop: 5},
		{Title: "Est h", Width: 5},
		{Title: "Decision", Width: 9, Drop: 2},
		{Title: "Status", Width: 16},
		{Title: "Assignee", Width: 14, Grow: true, Max: 32, Drop: 3},
		{Title: "Age", Width: 4, Drop: 6},
	}
	p := &Pane{ctx: ctx, keys: newKeyMap(), md: ctx.Markdown()}
	p.table = components.NewTable(ctx.Styles, cols)
	for i, c := range cols {
		if c.Grow {
			p.q.measured = append(p.q.measured, i)
		}
	}
	p.table.RowStyle = func(i int) *lipgloss.Style {
		return &ctx.Styles.Quadrants[p.q.shown[i].q]
	}
	p.triage.rendered = map[renderKey]string{}
	return p
}

func (p *Pane) Title() string { return "Change requests" }
func (p *Pane) Init() tea.Cmd { return nil }

// Capturing: everything but the bare table holds the keyboard, so that
// digits, q and tab reach the form, triage, the matrix and the pickers.
func (p *Pane) Capturing() bool {
	return p.mode != modeTable || p.prompt.Active() || p.confirm.Active()
}

// Typing: the form, the prompts and the pickers' filter take text.
func (p *Pane) Typing() bool {
	return p.mode == modeForm || p.prompt.Active() || p.picker.Active()
}

func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.layout()
	if p.form != nil {
		p.form.setWidth(w)
	}
}

// layout gives the table what the info lines leave.
func (p *Pane) layout() {
	p.table.SetSize(p.width, p.height-p.infoLines())
}

func (p *Pane) infoLines() int {
	if p.q.filtered() {
		return 2
	}
	return 1
}

func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		return p.load(msg.Data)
	case common.ProjectChangedMsg:
		return p.changed(msg)
	case selectMsg:
		p.refreshTable(msg.id)
		return nil
	case filterDueMsg:
		p.filterDue(msg)
		return nil
	case renderedMsg:
		p.triage.store(msg)
		return nil
	case formSavedMsg:
		p.formSaved(msg)
		return nil
	case triageUndoneMsg:
		return p.triageUndone(msg)
	case triageRefusedMsg:
		p.triageRefused(msg)
		return nil
	case importPreviewMsg:
		return p.previewReady(msg)
	case cursor.BlinkMsg:
		// Form inputs ask to blink; dropping the ticks keeps their cursor
		// steady and stops a redraw twice a second.
		return nil
	case tea.KeyMsg:
		return p.handleKey(msg)
	case common.MouseMsg:
		return p.mouse(msg)
	case tea.WindowSizeMsg:
		switch p.mode {
		case modeTriage:
			return p.renderDescription() // wrapped to the new width
		case modeDetail:
			return p.detailReloaded()
		}
	}
	if p.mode == modeForm && p.form != nil {
		return p.updateForm(msg)
	}
	if p.prompt.Active() {
		return p.prompt.Update(msg)
	}
	return nil
}

func (p *Pane) handleKey(msg tea.KeyMsg) tea.Cmd {
	if p.confirm.Active() {
		return p.confirm.Update(msg)
	}
	if p.prompt.Active() {
		return p.prompt.Update(msg)
	}
	if p.data == nil {
		return nil
	}
	switch p.mode {
	case modeForm:
		return p.updateForm(msg)
	case modeTriage:
		return p.triageKey(msg)
	case modeMatrix:
		return p.matrixKey(msg)
	case modeFacets:
		return p.facetKey(msg)
	case modeStatus:
		return p.pickerKey(msg)
	case modePreview:
		return p.previewKey(msg)
	case modeDetail:
		return p.detailKey(msg)
	case modeSummary:
		return p.summaryKey(msg)
	}
	return p.tableKey(msg)
}

// load takes a freshly loaded project: rebuilds the queue, keeps the
// cursor on the same request and lets the open view follow.
func (p *Pane) load(d *model.ProjectData) tea.Cmd {
	keep := p.selectedID()
	if p.data != nil && p.data.Project.ID != d.Project.ID {
		p.startAfresh()
		keep = 0
	}
	p.data = d
	p.q.load(d.Changes, p.ctx.Now())
	return p.follow(keep)
}

// changed patches the queue with what the writes changed: each written
// request is re-placed, the rest stay as they are.
func (p *Pane) changed(msg common.ProjectChangedMsg) tea.Cmd {
	keep := p.selectedID()
	p.data = msg.Data
	touched := false
	var written [][]string
	for _, e := range msg.Events {
		if e.Touches(model.KindChanges) {
			written = append(written, p.q.patch(e.Records, p.ctx.Now())...)
			touched = true
		}
	}
	if !touched {
		return nil
	}
	p.placeCursor(keep, func() { p.table.UpdateRows(p.q.rows, written...) })
	return p.followView()
}

// follow puts the table back on request keep and lets the open view
// follow the new rows.
func (p *Pane) follow(keep uint64) tea.Cmd {
	p.refreshTable(keep)
	return p.followView()
}

// followView lets the open view follow the new rows.
func (p *Pane) followView() tea.Cmd {
	switch p.mode {
	case modeTriage:
		return p.triageReloaded()
	case modeDetail:
		return p.detailReloaded()
	case modeMatrix:
		p.matrix.compute(&p.q)
	case modeFacets:
		p.facets.refresh(p)
	}
	return nil
}

// startAfresh drops what belonged to the project shown before another one
// opens: its filters (phase IDs and people mean nothing elsewhere), its
// sort, the open view, prompt or question, and the cursor, since request
// numbers repeat from one project to the next.
func (p *Pane) startAfresh() {
	p.filterSeq++ // a filter typed in the last project is not this one's
	p.q.clear()
	p.q.sort, p.q.desc = sortPriority, false
	p.mode = modeTable
	p.form = nil
	p.prompt.Close()
	p.picker.Close()
	p.confirm = components.Confirm{}
	p.table.Cursor.Pos, p.table.Cursor.Offset = 0, 0
}

// refreshTable hands the filtered rows to the table and puts the cursor
// back on request id when it is still shown.
func (p *Pane) refreshTable(id uint64) {
	p.placeCursor(id, func() { p.table.SetRowsMeasured(p.q.rows, p.q.widest[:]) })
}

// placeCursor lays the table out, hands it the rows with set, and puts
// the cursor back on request id when it is still shown.
func (p *Pane) placeCursor(id uint64, set func()) {
	p.table.Sorted, p.table.Descending = p.q.sort.column(), p.q.desc
	p.table.Columns[0].Width = max(idColumnWidth, len(model.ChangeRequest{ID: p.q.maxID}.Ref()))
	p.layout()
	set()
	if r := p.q.shownIndex(id); r >= 0 {
		p.table.Cursor.Pos = r
		p.table.Cursor.Clamp()
	}
}

// selected returns the request under the table cursor.
func (p *Pane) selected() (model.ChangeRequest, bool) {
	pos := p.table.Cursor.Pos
	if pos < 0 || pos >= len(p.q.shown) {
		return model.ChangeRequest{}, false
	}
	return p.q.shown[pos].cr, true
}

func (p *Pane) selectedID() uint64 {
	c, _ := p.selected()
	return c.ID
}

func (p *Pane) View() string {
	if p.data == nil {
		return p.ctx.Styles.Faint.Render("loading…")
	}
	switch p.mode {
	case modeForm:
		return p.formView()
	case modeTriage:
		return p.triageView()
	case modeMatrix:
		return p.matrixView()
	case modeFacets, modeStatus:
		return p.picker.View(p.ctx.Styles, p.width, p.height)
	case modePreview:
		return p.previewView()
	case modeDetail:
		return p.detailView()
	case modeSummary:
		return p.summaryView()
	}
	return p.tableView()
}

func (p *Pane) ShortHelp() []key.Binding {
	switch {
	case p.confirm.Active():
		return components.ConfirmKeys()
	case p.prompt.Active():
		return components.PromptKeys()
	}
	switch p.mode {
	case modeTriage:
		return p.keys.triageShort()
	case modeForm:
		return p.keys.formKeys()
	case modeMatrix:
		return p.keys.matrixKeys()
	case modeFacets, modeStatus:
		return p.picker.ShortHelp()
	case modePreview:
		return p.previewHelp()
	case modeDetail:
		return p.keys.detailKeys()
	case modeSummary:
		return p.keys.summaryKeys()
	}
	return p.keys.tableShort()
}

// FullHelp lists every key that acts in the mode on screen, and no other.
func (p *Pane) FullHelp() [][]key.Binding {
	switch {
	case p.confirm.Active():
		return [][]key.Binding{components.ConfirmKeys()}
	case p.prompt.Active():
		return [][]key.Binding{components.PromptKeys()}
	}
	switch p.mode {
	case modeTriage:
		return p.keys.triageFull()
	case modeForm:
		return [][]key.Binding{p.keys.formKeys()}
	case modeMatrix:
		return [][]key.Binding{p.keys.matrixKeys()}
	case modeFacets, modeStatus:
		return p.picker.FullHelp()
	case modePreview:
		return [][]key.Binding{p.previewHelp()}
	case modeDetail:
		return [][]key.Binding{p.keys.detailKeys()}
	case modeSummary:
		return [][]key.Binding{p.keys.summaryKeys()}
	}
	return p.keys.tableFull()
}
