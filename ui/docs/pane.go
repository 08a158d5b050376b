// Package docs is the Docs pane: the project's markdown documents, and the
// generated status report at the top, listed beside the selected one
// rendered by Glamour. Docs are edited in $EDITOR, created, renamed, tied
// to a phase, deleted, and searched.
package docs

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// Pane shows the doc list and the selected doc.
type Pane struct {
	ctx *common.Context
	// focused: the pane is on screen, so the status report is built when
	// it is the selected entry (and only then: it walks every request).
	focused bool
	keys    keyMap
	md      *components.Markdown
	data    *model.ProjectData
	entries []entry
	list    components.Cursor
	report  reportState

	pager   pager
	cache   renderCache
	pending map[renderKey]bool
	// want holds the key on screen, read by rendering commands.
	want *atomic.Value
	// showing is the rendering the selection needs; shown the one in the
	// pager (the same doc at an older width or revision while the new one
	// renders, or none).
	showing, shown renderKey
	waiting        bool
	failed         string
	hiLine         int

	prompt  components.Prompt
	confirm components.Confirm
	// picker chooses the phase a doc is tied to.
	picker components.Picker
	search searchState
	target *match

	// statusReport writes the report fitted to the view's width
	// (model.StatusReportWidth); tests count its calls.
	statusReport func(model.ProjectData, time.Time, int) string

	// getenv reads the environment for $EDITOR; exec runs the editor
	// with the terminal (tea.ExecProcess).
	getenv func(string) string
	exec   execFunc
	// inline is the text area a team session edits a doc in (inline.go),
	// nil when none is open.
	inline *inlineEditor

	width, height, listW, viewW int
}

// New returns the pane.
func New(ctx *common.Context) *Pane {
	p := &Pane{
		ctx:          ctx,
		keys:         newKeys(),
		md:           ctx.Markdown(),
		pending:      map[renderKey]bool{},
		want:         &atomic.Value{},
		hiLine:       -1,
		statusReport: model.StatusReportWidth,
		getenv:       os.Getenv,
		exec:         tea.ExecProcess,
	}
	if ctx.Remote {
		p.keys.edit.SetHelp("e", "edit here (ctrl+s saves)")
	}
	return p
}

func (p *Pane) Title() string { return "Docs" }

// Capturing is true while a prompt, a confirmation or the phase picker
// holds the keyboard.
func (p *Pane) Capturing() bool {
	return p.prompt.Active() || p.confirm.Active() || p.picker.Active() || p.inline != nil
}

// Typing: the prompts (new, rename, search) and the picker's filter take
// text.
func (p *Pane) Typing() bool { return p.prompt.Active() || p.picker.Active() || p.inline != nil }

func (p *Pane) Init() tea.Cmd { return nil }

const maxListWidth = 36

// SetSize lays out the list (two lines per entry), the doc with its header
// line, and the bar line under both.
func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.listW = min(maxListWidth, w/3)
	p.viewW = max(w-p.listW-3, 0)
	p.list.Height = max((h-1)/entryLines, 1)
	p.list.Clamp()
	p.pager.setHeight(h - 2)
	if p.inline != nil {
		p.inline.area.SetWidth(max(p.viewW, 10))
		p.inline.area.SetHeight(max(h-2, 1))
	}
}

// Update handles loads, changes, renderings, the editor's steps and keys.
// Every change of selection or size ends in show(), which uses the cache
// or asks for a rendering in a command.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		if msg.Data == nil {
			return nil
		}
		if p.data != nil && msg.Data.Project.ID != p.data.Project.ID {
			// Another project: its docs share nothing with this one's.
			p.clearSearch()
			p.picker.Close()
			p.list.Pos = 0
			// building is kept: a build still running for the old
			// project clears it when it lands, and is dropped.
			p.report = reportState{gen: p.report.gen, building: p.report.building}
		}
		return p.take(msg.Data)
	case common.ProjectChangedMsg:
		if msg.Data == nil {
			return nil
		}
		return p.take(msg.Data)
	case selectDocMsg:
		return p.selectDoc(msg)
	case tea.WindowSizeMsg:
		return p.show()
	case renderedMsg:
		return p.onRendered(msg)
	case reportBuiltMsg:
		return p.onReportBuilt(msg)
	case searchResultMsg:
		return p.onSearchResult(msg)
	case editorReadyMsg:
		return runEditor(msg, p.exec)
	case editorDoneMsg:
		return p.finishEdit(msg)
	case inlineDoneMsg:
		p.inlineDone(msg)
		return nil
	case tea.KeyMsg:
		return p.handleKey(msg)
	case common.MouseMsg:
		return p.mouse(msg)
	}
	if p.prompt.Active() {
		return p.prompt.Update(msg)
	}
	if p.inline != nil {
		var cmd tea.Cmd
		p.inline.area, cmd = p.inline.area.Update(msg) // its cursor's blinks
		return cmd
	}
	return nil
}

func (p *Pane) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.confirm.Active():
		return p.confirm.Update(msg)
	case p.inline != nil:
		return p.inlineKey(msg)
	case p.prompt.Active():
		return p.prompt.Update(msg)
	case p.picker.Active():
		return p.picker.Update(msg)
	}
	k := p.keys
	switch {
	case key.Matches(msg, k.up):
		return p.move(-1)
	case key.Matches(msg, k.down):
		return p.move(1)
	case key.Matches(msg, k.lineDown):
		p.pager.scroll(1)
	case key.Matches(msg, k.lineUp):
		p.pager.scroll(-1)
	case key.Matches(msg, k.pageDown):
		p.pager.scroll(p.pager.page())
	case key.Matches(msg, k.pageUp):
		p.pager.scroll(-p.pager.page())
	case key.Matches(msg, k.top):
		p.pager.goTop()
	case key.Matches(msg, k.bottom):
		p.pager.goBottom()
	case key.Matches(msg, k.edit):
		return p.edit()
	case key.Matches(msg, k.add):
		return p.add()
	case key.Matches(msg, k.rename):
		return p.rename()
	case key.Matches(msg, k.tie):
		return p.tiePhase()
	case key.Matches(msg, k.del):
		return p.remove()
	case key.Matches(msg, k.undo):
		return p.undo()
	case key.Matches(msg, k.search):
		return p.prompt.Open("search docs", p.search.query, p.startSearch)
	case key.Matches(msg, k.next):
		return p.stepSearch(1)
	case key.Matches(msg, k.prev):
		return p.stepSearch(-1)
	case key.Matches(msg, k.clear):
		p.clearSearch()
	}
	return nil
}

// take shows a new value of the project: a load or the result of writes.
// The list is rebuilt (a few docs), the selection kept on the same doc;
// the report is only marked stale, and built if it is on screen.
func (p *Pane) take(d *model.ProjectData) tea.Cmd {
	p.data = d
	p.projectChanged()
	p.rebuild()
	return p.show()
}

// SetFocus tells the pane it comes on screen or leaves it.
func (p *Pane) SetFocus(on bool) tea.Cmd {
	p.focused = on
	if on {
		return p.show()
	}
	return nil
}

func (p *Pane) move(delta int) tea.Cmd {
	p.list.Move(delta)
	p.target = nil
	return p.show()
}

func (p *Pane) View() string {
	st := p.ctx.Styles
	if p.data == nil {
		return st.Faint.Render("loading…")
	}
	if p.picker.Active() {
		return p.picker.View(st, p.width, p.height)
	}
	h := max(p.height-1, 1)
	right := p.header() + "\n" + p.docView()
	if p.inline != nil {
		right = p.inlineView()
	}
	body := components.SideBySide(p.listView(h), p.listW, right, p.viewW, h, st.Border.Render(" │ "))
	if line, ok := p.inputLine(); ok {
		// Where Phases and RACI ask too: the first line, in place of
		// the bar, so the layout below keeps its height.
		return components.Clip(line+"\n"+body, p.width, p.height)
	}
	return components.Clip(body+"\n"+p.bar(), p.width, p.height)
}

// inputLine is the open prompt (new, rename, search) or question, drawn
// at the top of the pane as the other panes draw theirs.
func (p *Pane) inputLine() (string, bool) {
	st := p.ctx.Styles
	switch {
	case p.confirm.Active():
		return p.confirm.View(st, p.width), true
	case p.prompt.Active():
		return p.prompt.View(st, p.width), true
	}
	return "", false
}

// header names the doc on screen: title, phase, revision, date.
func (p *Pane) header() string {
	st := p.ctx.Styles
	e, ok := p.selected()
	if !ok {
		return ""
	}
	head := st.Title.Render(model.SanitizeLine(e.doc.Title))
	if e.report {
		return head + st.Faint.Render(" · generated "+components.Date(p.report.at)+" · read-only")
	}
	if ph := p.data.PhaseName(e.doc.PhaseID); ph != "" {
		head += st.Faint.Render(" · " + model.SanitizeLine(ph))
	}
	return head + st.Faint.Render(fmt.Sprintf(" · rev %d · %s", e.doc.Rev, components.Date(e.doc.Updated)))
}

func (p *Pane) docView() string {
	st := p.ctx.Styles
	e, ok := p.selected()
	switch {
	case !ok:
		return ""
	case p.failed != "":
		return st.ErrorText.Render(p.failed)
	case e.report && p.report.text == "":
		return st.Faint.Render("building the report…")
	case p.waiting:
		return st.Faint.Render("rendering…")
	case !e.report && strings.TrimSpace(e.doc.Body) == "":
		return st.Faint.Render("This doc is empty: press e to write it.")
	}
	return p.pager.view(p.hiLine, func(l string) string { return st.Hit(ansi.Strip(l)) })
}

// bar is the pane's bottom line: the search position, else where the
// window is in the doc.
func (p *Pane) bar() string {
	st := p.ctx.Styles
	switch {
	case p.search.active():
		s := &p.search
		text := fmt.Sprintf("search %q: match %d of %d in %d docs · ctrl+n next · ctrl+p previous · esc clears",
			model.SanitizeLine(s.query), s.ordinal(), s.total(), len(s.hits))
		return components.Fit(st.StatusKey.Render(text), p.width)
	}
	if p.shown == (renderKey{}) || len(p.pager.lines) == 0 {
		return ""
	}
	from, to := p.pager.visible()
	pos := fmt.Sprintf("lines %d–%d of %d", from+1, to, len(p.pager.lines))
	if e, ok := p.selected(); ok && !e.report && len(e.doc.Body) >= components.MarkdownPlainFrom {
		pos += " · large doc shown as plain text"
	}
	return components.Fit(st.Faint.Render(pos), p.width)
}
