// Package raci is the RACI pane: activities by phase × people, one letter
// per cell, with the rules' marks on bad rows.
package raci

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/themes"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// Pane shows the RACI matrix.
type Pane struct {
	ctx    *common.Context
	keys   keyMap
	grid   grid
	loaded bool
	rowCur components.Cursor
	colCur components.Cursor
	width  int
	height int
}

type keyMap struct {
	nav         components.NavKeys
	left, right key.Binding
}

// New returns the pane.
func New(ctx *common.Context) *Pane {
	return &Pane{ctx: ctx, keys: keyMap{
		nav:   components.DefaultNavKeys(),
		left:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "left")),
		right: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "right")),
	}}
}

func (p *Pane) Title() string   { return "RACI" }
func (p *Pane) Capturing() bool { return false }
func (p *Pane) Init() tea.Cmd   { return nil }

// Layout: a summary line and two header lines above the rows; the activity
// column and the marks column stick while the people scroll.
const (
	headerLines = 3
	nameWidth   = 30
	markWidth   = 12
	cellWidth   = 10
)

func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.rowCur.Height = max(h-headerLines, 0)
	p.colCur.Height = max((w-nameWidth-markWidth)/cellWidth, 1)
	p.rowCur.Clamp()
	p.colCur.Clamp()
}

func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		p.grid = buildGrid(msg.Data)
		p.loaded = true
		p.rowCur.N = len(p.grid.rows)
		p.colCur.N = len(p.grid.people)
		p.rowCur.Clamp()
		p.colCur.Clamp()
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, p.keys.left):
			p.colCur.Move(-1)
		case key.Matches(msg, p.keys.right):
			p.colCur.Move(1)
		default:
			p.rowCur.HandleKey(p.keys.nav, msg)
		}
	}
	return nil
}

func (p *Pane) View() string {
	st := p.ctx.Styles
	if !p.loaded {
		return st.Faint.Render("loading…")
	}
	if len(p.grid.rows) == 0 {
		return st.Faint.Render("No RACI activities yet.")
	}
	var b strings.Builder
	summary := fmt.Sprintf("%d activities · %d people · ", p.grid.activities(), len(p.grid.people))
	if n := p.grid.badRows(); n > 0 {
		summary += st.ErrorText.Render(fmt.Sprintf("%d rows break a rule", n))
	} else {
		summary += st.SuccessText.Render("every row has one A and an R")
	}
	b.WriteString(components.Fit(summary, p.width) + "\n")
	cFrom, cTo := p.colCur.Visible()
	names := components.Fit("Activity", nameWidth) + components.Fit("Check", markWidth)
	teams := strings.Repeat(" ", nameWidth+markWidth)
	for c := cFrom; c < cTo; c++ {
		pe := p.grid.people[c]
		name := components.Cell(pe.Name, cellWidth-1) + " "
		if c == p.colCur.Pos {
			name = st.Header.Render(name)
		}
		names += name
		teams += st.Faint.Render(components.Cell(pe.Team, cellWidth-1)) + " "
	}
	b.WriteString(components.Fit(names, p.width) + "\n")
	b.WriteString(components.Fit(teams, p.width))
	rFrom, rTo := p.rowCur.Visible()
	for r := rFrom; r < rTo; r++ {
		b.WriteByte('\n')
		b.WriteString(p.rowView(r, cFrom, cTo))
	}
	return b.String()
}

func (p *Pane) rowView(r, cFrom, cTo int) string {
	st := p.ctx.Styles
	rw := p.grid.rows[r]
	if rw.heading != "" {
		line := components.Cell("▾ "+rw.heading, p.width)
		if r == p.rowCur.Pos {
			return st.Selected.Render(line)
		}
		return st.Title.Render(line)
	}
	var b strings.Builder
	b.WriteString(components.Cell("  "+rw.activity.Name, nameWidth))
	b.WriteString(marks(rw.problems, st))
	roles := p.grid.cells[rw.activity.ID]
	for c := cFrom; c < cTo; c++ {
		letter := "·"
		if roles != nil && roles[c] != model.RoleNone {
			letter = roles[c].String()
		}
		cell := components.Fit("    "+letter, cellWidth)
		if r == p.rowCur.Pos && c == p.colCur.Pos {
			cell = st.Cursor.Render(cell)
		} else if r == p.rowCur.Pos {
			cell = st.Selected.Render(cell)
		}
		b.WriteString(cell)
	}
	return components.Fit(b.String(), p.width)
}

func marks(problems []model.RowProblem, st *themes.Styles) string {
	if len(problems) == 0 {
		return st.SuccessText.Render(components.Fit("✓", markWidth))
	}
	texts := make([]string, len(problems))
	for i, pr := range problems {
		texts[i] = pr.String()
	}
	style := st.ErrorText
	if len(problems) == 1 && problems[0].Warning() {
		style = st.WarningText
	}
	return style.Render(components.Fit("✗ "+strings.Join(texts, ", "), markWidth))
}

func (p *Pane) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.nav.Up, p.keys.nav.Down, p.keys.left, p.keys.right}
}

func (p *Pane) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.keys.nav.Bindings(), {p.keys.left, p.keys.right}}
}
