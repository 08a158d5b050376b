// Package changes is the Change requests pane: the queue in priority order.
package changes

import (
	"fmt"
	"strconv"
	"strings"
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
	// haystack holds each sorted row's searchable text, lower-cased once
	// per load so that filtering is a plain scan.
	haystack []string
	// shown are the indexes into sorted that pass the filter.
	shown  []int
	filter string
	prompt components.Prompt
	table  components.Table
	width  int
	height int
}

type keyMap struct {
	nav           components.NavKeys
	filter, clear key.Binding
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
	p := &Pane{ctx: ctx, keys: keyMap{
		nav:    components.DefaultNavKeys(),
		filter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		clear:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}}
	p.table = components.NewTable(ctx.Styles, cols)
	p.table.RowStyle = func(i int) *lipgloss.Style {
		q := model.QuadrantOf(p.sorted[p.shown[i]])
		return &ctx.Styles.Quadrants[q]
	}
	return p
}

func (p *Pane) Title() string   { return "Change requests" }
func (p *Pane) Capturing() bool { return p.prompt.Active() }
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
		if p.prompt.Active() {
			return p.prompt.Update(msg)
		}
		switch {
		case key.Matches(msg, p.keys.filter):
			return p.prompt.Open("filter", p.filter, func(text string) tea.Cmd {
				p.applyFilter(text)
				return nil
			})
		case key.Matches(msg, p.keys.clear):
			p.applyFilter("")
		default:
			p.table.Cursor.HandleKey(p.keys.nav, msg)
		}
	default:
		if p.prompt.Active() {
			return p.prompt.Update(msg)
		}
	}
	return nil
}

// applyFilter keeps the rows whose text holds every word of the filter,
// in priority order.
func (p *Pane) applyFilter(text string) {
	p.filter = strings.TrimSpace(text)
	words := strings.Fields(strings.ToLower(p.filter))
	p.shown = p.shown[:0]
	rows := make([][]string, 0, len(p.sorted))
	now := p.ctx.Now()
	for i, h := range p.haystack {
		if containsAll(h, words) {
			p.shown = append(p.shown, i)
			rows = append(rows, row(p.sorted[i], now))
		}
	}
	p.table.SetRows(rows)
}

func containsAll(h string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(h, w) {
			return false
		}
	}
	return true
}

// load sorts once per load; every keystroke after reuses the order.
func (p *Pane) load(d *model.ProjectData) {
	p.data = d
	p.sorted = append(p.sorted[:0], d.Changes...)
	model.SortByPriority(p.sorted)
	p.haystack = make([]string, len(p.sorted))
	for i, c := range p.sorted {
		p.haystack[i] = strings.ToLower(strings.Join(row(c, time.Time{}), " ") + " " + string(c.Area) + " " + c.RaisedBy + " " + c.Description)
	}
	p.applyFilter(p.filter)
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
	top := p.ctx.Styles.Faint.Render(fmt.Sprintf("%d change requests · priority order · %d of %d", len(p.sorted), min(p.table.Cursor.Pos+1, len(p.shown)), len(p.shown)))
	if p.filter != "" {
		top += p.ctx.Styles.WarningText.Render(" · filter: " + model.SanitizeLine(p.filter) + " (esc clears)")
	}
	if p.prompt.Active() {
		top = p.prompt.View(p.ctx.Styles, p.width)
	}
	return components.Fit(top, p.width) + "\n" + p.table.View()
}

func (p *Pane) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.nav.Up, p.keys.nav.Down, p.keys.filter}
}

func (p *Pane) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.keys.nav.Bindings(), {p.keys.filter, p.keys.clear}}
}
