package changes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// matrixTop is how many request IDs each quadrant lists.
const matrixTop = 6

// matrix is the impact/effort grid. Its cells are laid out as the
// quadrants are numbered: quick win top left, major project top right,
// fill-in bottom left, money pit bottom right; so left/right flips bit 0
// and up/down flips bit 1 of the selected quadrant.
type matrix struct {
	cells    [model.Unrated + 1]model.QuadrantSummary
	total    int
	rejected string // what the cells leave out: "rejected: 2 requests, 14 h"
	selected model.Quadrant
}

// compute counts the requests that pass the current filter, whatever
// their quadrant: choosing a cell then narrows the table to it.
func (m *matrix) compute(q *queue) {
	crs := q.matching(q.facets.Without(model.FacetQuadrant))
	m.cells = model.Matrix(crs, matrixTop)
	m.total = len(crs)
	m.rejected = ""
	if n, h := model.RejectedTotal(crs); n > 0 {
		m.rejected = " · " + model.RejectedLine(n, h) + ", not counted above"
	}
}

func (p *Pane) openMatrix() {
	p.matrix.compute(&p.q)
	if cr, ok := p.selected(); ok && model.QuadrantOf(cr) != model.Unrated {
		p.matrix.selected = model.QuadrantOf(cr)
	}
	p.mode = modeMatrix
}

func (p *Pane) matrixKey(msg tea.KeyMsg) tea.Cmd {
	m := &p.matrix
	k := p.keys
	switch {
	case key.Matches(msg, k.closeMatrix):
		p.mode = modeTable
	case key.Matches(msg, k.left, k.right):
		m.selected ^= 1
	case key.Matches(msg, k.up, k.down):
		m.selected ^= 2
	case key.Matches(msg, k.choose):
		p.filterToQuadrant()
	}
	return nil
}

// filterToQuadrant shows the table narrowed to the selected quadrant.
func (p *Pane) filterToQuadrant() {
	p.mode = modeTable
	keep := p.selectedID()
	p.q.facets.Only(model.FacetQuadrant, p.matrix.selected.String())
	p.q.refilter()
	p.refreshTable(keep)
}

// matrixHeadLines are the title and the effort axis above the quadrants.
const matrixHeadLines = 2

// matrixGrid is where the quadrants are drawn: after a column of impact
// labels, two cells across parted by a one-cell border, two down parted
// by a rule line.
type matrixGrid struct{ labelW, cellW, cellH int }

func matrixLayout(w, h int) matrixGrid {
	g := matrixGrid{labelW: 12}
	g.cellW = max((w-g.labelW-1)/2, 8)
	g.cellH = min(max((h-4)/2, 3), 7)
	return g
}

// quadrantAt is the quadrant drawn at (x, y) of the matrix view, if any:
// the labels, borders and lines around the cells are none.
func (g matrixGrid) quadrantAt(x, y int) (model.Quadrant, bool) {
	y -= matrixHeadLines
	var q model.Quadrant
	switch {
	case y >= 0 && y < g.cellH:
	case y > g.cellH && y <= 2*g.cellH:
		q |= 2
	default:
		return 0, false
	}
	x -= g.labelW
	switch {
	case x >= 0 && x < g.cellW:
	case x > g.cellW && x <= 2*g.cellW:
		q |= 1
	default:
		return 0, false
	}
	return q, true
}

var quadrantAxes = [...]string{
	model.QuickWin:     "high impact · low effort",
	model.MajorProject: "high impact · high effort",
	model.FillIn:       "low impact · low effort",
	model.MoneyPit:     "low impact · high effort",
}

// matrixView draws the 2×2 grid with counts, hours and top IDs.
func (p *Pane) matrixView() string {
	st := p.ctx.Styles
	m := &p.matrix
	w, h := p.width, p.height
	scope := "in all"
	if p.q.text != "" || p.q.facets.Without(model.FacetQuadrant).Active() {
		scope = "requests matching the filter"
	}
	head := st.Title.Render("Impact / effort") + st.Faint.Render(fmt.Sprintf("  %d %s · arrows pick · enter shows them in the table · esc back", m.total, scope))
	g := matrixLayout(w, h)
	labelW, cellW, cellH := g.labelW, g.cellW, g.cellH
	effort := strings.Repeat(" ", labelW) + st.Header.Render(components.Fit(" low effort", cellW)) + " " + st.Header.Render(components.Fit(" high effort", cellW))
	lines := []string{components.Fit(head, w), components.Fit(effort, w)}
	for row := range 2 {
		left := p.matrixCell(model.Quadrant(row*2), cellW, cellH)
		right := p.matrixCell(model.Quadrant(row*2+1), cellW, cellH)
		label := "high impact"
		if row == 1 {
			label = "low impact"
		}
		for i := range cellH {
			l := strings.Repeat(" ", labelW)
			if i == cellH/2 {
				l = st.Header.Render(components.Fit(label, labelW))
			}
			lines = append(lines, components.Fit(l+left[i]+st.Border.Render("│")+right[i], w))
		}
		if row == 0 {
			lines = append(lines, components.Fit(strings.Repeat(" ", labelW)+st.Border.Render(strings.Repeat("─", cellW)+"┼"+strings.Repeat("─", cellW)), w))
		}
	}
	// The note under the grid wraps into the lines left, rather than
	// losing its end ("not counted above") at 80 columns.
	un := m.cells[model.Unrated]
	foot := strings.Split(components.Wrap(fmt.Sprintf("not rated yet: %d (press t to triage)%s", un.Count, m.rejected), w), "\n")
	if room := max(h-len(lines), 1); len(foot) > room {
		foot[room-1] = strings.Join(foot[room-1:], " ")
		foot = foot[:room]
	}
	for _, l := range foot {
		lines = append(lines, components.Fit(st.Faint.Render(l), w))
	}
	return strings.Join(lines, "\n")
}

// matrixCell draws one quadrant as cellH lines of cellW cells.
func (p *Pane) matrixCell(q model.Quadrant, w, h int) []string {
	st := p.ctx.Styles
	c := p.matrix.cells[q]
	// The axes' words repeat the labels around the grid: they go first
	// when the cell is narrow, so that the name is never cut.
	title := " " + strings.ToUpper(q.String()[:1]) + q.String()[1:]
	if full := title + " — " + quadrantAxes[q]; ansi.StringWidth(full) <= w {
		title = full
	}
	titleStyle := st.Quadrants[q]
	if q == p.matrix.selected {
		titleStyle = st.Selected
		title = "▸" + title[1:]
	}
	ids := make([]string, len(c.Top))
	for i, id := range c.Top {
		ids[i] = fmt.Sprintf("CR-%d", id)
	}
	top := strings.Join(ids, " ")
	if c.Count > len(c.Top) {
		top += " …"
	}
	if c.Count == 0 {
		top = "—"
	}
	lines := []string{
		titleStyle.Render(components.Fit(title, w)),
		components.Fit(fmt.Sprintf(" %s · %s h", plural(c.Count, "request"), hoursTotal(c.Hours)), w),
		components.Fit(" "+top, w),
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines[:h]
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func hoursTotal(h float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", h), ".0")
}
