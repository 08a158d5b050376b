// Package docs is the Docs pane: the project's markdown documents, listed
// beside the selected one rendered by Glamour.
package docs

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// renderKey names one rendering: a doc revision at a width in a style.
type renderKey struct {
	docID uint64
	rev   int
	width int
	style string
}

// renderedMsg carries a finished rendering back to Update; it is tagged
// with its key, and a result nobody waits for any more is only cached.
type renderedMsg struct {
	key renderKey
	out string
	err error
}

// Pane shows the doc list and the selected doc.
type Pane struct {
	ctx     *common.Context
	keys    keyMap
	md      *components.Markdown
	data    *model.ProjectData
	list    components.Cursor
	view    viewport.Model
	cache   map[renderKey]string
	pending map[renderKey]bool
	showing renderKey
	width   int
	height  int
	listW   int
	viewW   int
	viewH   int
}

type keyMap struct {
	up, down, scrollDown, scrollUp key.Binding
}

// New returns the pane.
func New(ctx *common.Context) *Pane {
	return &Pane{
		ctx: ctx,
		md:  components.NewMarkdown(),
		keys: keyMap{
			up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous doc")),
			down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next doc")),
			scrollDown: key.NewBinding(key.WithKeys("pgdown", "space", "ctrl+d", "J"), key.WithHelp("pgdn/J", "scroll down")),
			scrollUp:   key.NewBinding(key.WithKeys("pgup", "b", "ctrl+u", "K"), key.WithHelp("pgup/K", "scroll up")),
		},
		view:    viewport.New(0, 0),
		cache:   map[renderKey]string{},
		pending: map[renderKey]bool{},
	}
}

func (p *Pane) Title() string   { return "Docs" }
func (p *Pane) Capturing() bool { return false }
func (p *Pane) Init() tea.Cmd   { return nil }

const maxListWidth = 32

func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.listW = min(maxListWidth, w/3)
	p.viewW = max(w-p.listW-3, 0)
	p.viewH = max(h-1, 0)
	p.list.Height = max(h, 0)
	p.list.Clamp()
	p.view.Width, p.view.Height = p.viewW, p.viewH
}

// Update handles loads, renderings and keys; every size change or
// selection ends in show(), which either uses the cache or asks for a
// rendering in a command.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		p.data = msg.Data
		p.list.N = len(p.data.Docs)
		p.list.Clamp()
		return p.show()
	case tea.WindowSizeMsg:
		return p.show()
	case renderedMsg:
		delete(p.pending, msg.key)
		if msg.err != nil {
			return common.Error(fmt.Errorf("cannot render the doc: %v", msg.err))
		}
		p.cache[msg.key] = msg.out
		if msg.key == p.showing {
			p.view.SetContent(msg.out)
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, p.keys.up):
			p.list.Move(-1)
			return p.show()
		case key.Matches(msg, p.keys.down):
			p.list.Move(1)
			return p.show()
		case key.Matches(msg, p.keys.scrollDown):
			p.view.HalfPageDown()
		case key.Matches(msg, p.keys.scrollUp):
			p.view.HalfPageUp()
		}
	}
	return nil
}

func (p *Pane) selected() (model.Doc, bool) {
	if p.data == nil || len(p.data.Docs) == 0 {
		return model.Doc{}, false
	}
	return p.data.Docs[p.list.Pos], true
}

// show puts the selected doc in the viewport at the current width.
func (p *Pane) show() tea.Cmd {
	doc, ok := p.selected()
	if !ok || p.viewW <= 0 {
		return nil
	}
	k := renderKey{docID: doc.ID, rev: doc.Rev, width: p.viewW, style: p.ctx.Styles.GlamourStyle()}
	if k == p.showing {
		return nil
	}
	p.showing = k
	if out, ok := p.cache[k]; ok {
		p.view.SetContent(out)
		p.view.GotoTop()
		return nil
	}
	p.view.SetContent(p.ctx.Styles.Faint.Render("rendering…"))
	p.view.GotoTop()
	if p.pending[k] {
		return nil
	}
	p.pending[k] = true
	md, body := p.md, doc.Body
	return func() tea.Msg {
		out, err := md.Render(body, k.width, k.style)
		return renderedMsg{key: k, out: out, err: err}
	}
}

func (p *Pane) View() string {
	st := p.ctx.Styles
	if p.data == nil {
		return st.Faint.Render("loading…")
	}
	if len(p.data.Docs) == 0 {
		return st.Faint.Render("No docs yet.")
	}
	var list []string
	from, to := p.list.Visible()
	for i := from; i < to; i++ {
		d := p.data.Docs[i]
		line := components.Cell(d.Title, p.listW)
		if i == p.list.Pos {
			line = st.Selected.Render(line)
		}
		list = append(list, line)
	}
	doc, _ := p.selected()
	head := st.Title.Render(model.SanitizeLine(doc.Title))
	if ph := p.data.PhaseName(doc.PhaseID); ph != "" {
		head += st.Faint.Render(" · " + model.SanitizeLine(ph))
	}
	head += st.Faint.Render(fmt.Sprintf(" · rev %d · %s", doc.Rev, components.Date(doc.Updated)))
	right := head + "\n" + p.view.View()
	return components.SideBySide(strings.Join(list, "\n"), p.listW, right, p.viewW, p.height, st.Border.Render(" │ "))
}

func (p *Pane) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.up, p.keys.down, p.keys.scrollDown, p.keys.scrollUp}
}

func (p *Pane) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.keys.up, p.keys.down, p.keys.scrollDown, p.keys.scrollUp}}
}
