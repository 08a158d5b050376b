// Package changes is the Change requests pane: the queue in priority order.
package changes

import (
	"fmt"
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// Pane shows the project's change requests.
type Pane struct {
	ctx    *common.Context
	keys   keyMap
	data   *model.ProjectData
	sorted []model.ChangeRequest
	table  components.Table
	width  int
	height int
}

type keyMap struct {
	nav components.NavKeys
}

// New returns the pane.
func New(ctx *common.Context) *Pane {
	cols := []components.Column{
		{Title: "ID", Width: 7},
		{Title: "Title"},
		{Title: "Quadrant", Width: 13},
		{Title: "Imp", Width: 3},
		{Title: "Cx", Width: 6},
		{Title: "Est h", Width: 5},
		{Title: "Decision", Width: 9},
		{Title: "Status", Width: 16},
		{Title: "Assignee", Width: 14, Optional: true},
		{Title: "Age", Width: 4, Optional: true},
	}
	p := &Pane{ctx: ctx, keys: keyMap{nav: components.DefaultNavKeys()}}
	p.table = components.NewTable(ctx.Styles, cols)
	p.table.RowStyle = func(i int) *lipgloss.Style {
		q := model.QuadrantOf(p.sorted[i])
		return &ctx.Styles.Quadrants[q]
	}
	return p
}

func (p *Pane) Title() string   { return "Change requests" }
func (p *Pane) Capturing() bool { return false }
func (p *Pane) Init() tea.Cmd   { return nil }

func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.table.SetSize(w, h-1)
}

func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		p.load(msg.Data)
	case tea.KeyMsg:
		p.table.Cursor.HandleKey(p.keys.nav, msg)
	}
	return nil
}

// load sorts once per load; every keystroke after reuses the order.
func (p *Pane) load(d *model.ProjectData) {
	p.data = d
	p.sorted = append(p.sorted[:0], d.Changes...)
	model.SortByPriority(p.sorted)
	now := p.ctx.Now()
	rows := make([][]string, len(p.sorted))
	for i, c := range p.sorted {
		rows[i] = row(c, now)
	}
	p.table.SetRows(rows)
}

func row(c model.ChangeRequest, now time.Time) []string {
	imp := ""
	if c.Impact > 0 {
		imp = strconv.Itoa(c.Impact)
	}
	est := ""
	if c.EstimateHrs > 0 {
		est = strconv.FormatFloat(c.EstimateHrs, 'f', -1, 64)
	}
	return []string{
		c.Ref(), c.Title, model.QuadrantOf(c).String(), imp, c.Complexity.String(), est,
		c.Decision.String(), c.Status.String(), c.Assignee, fmt.Sprintf("%dd", model.Age(c, now)),
	}
}

func (p *Pane) View() string {
	if p.data == nil {
		return p.ctx.Styles.Faint.Render("loading…")
	}
	if len(p.sorted) == 0 {
		return p.ctx.Styles.Faint.Render("No change requests yet.")
	}
	summary := fmt.Sprintf("%d change requests · priority order · %d of %d", len(p.sorted), p.table.Cursor.Pos+1, len(p.sorted))
	return components.Fit(p.ctx.Styles.Faint.Render(summary), p.width) + "\n" + p.table.View()
}

func (p *Pane) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.nav.Up, p.keys.nav.Down}
}

func (p *Pane) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.keys.nav.Bindings()}
}
