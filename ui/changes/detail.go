package changes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// The detail view shows one request read-only, every field and the
// description rendered: reading a request must not risk changing it. e
// edits it from there; the form then comes back to the detail.

// openDetail shows the request under the table cursor.
func (p *Pane) openDetail(c model.ChangeRequest) tea.Cmd {
	p.detailID = c.ID
	p.mode = modeDetail
	return p.renderOf(c)
}

// detailShown is the request on screen, as stored.
func (p *Pane) detailShown() (model.ChangeRequest, bool) { return p.q.find(p.detailID) }

// detailReloaded follows a write: the detail shows the stored values, and
// the table comes back when the request was deleted.
func (p *Pane) detailReloaded() tea.Cmd {
	c, ok := p.detailShown()
	if !ok {
		p.mode = modeTable
		return nil
	}
	return p.renderOf(c)
}

func (p *Pane) detailKey(msg tea.KeyMsg) tea.Cmd {
	c, ok := p.detailShown()
	switch {
	case key.Matches(msg, p.keys.detailBack) || !ok:
		p.mode = modeTable
		if r := p.q.shownIndex(p.detailID); r >= 0 {
			p.table.Cursor.Pos = r
			p.table.Cursor.Clamp()
		}
	case key.Matches(msg, p.keys.detailEdit):
		return p.openForm(c, true)
	}
	return nil
}

// detailView lists every field, then the rendered description.
func (p *Pane) detailView() string {
	st := p.ctx.Styles
	w := p.width
	c, ok := p.detailShown()
	if !ok {
		return st.Faint.Render("This request was deleted. Press esc.")
	}
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return model.SanitizeLine(s)
	}
	imp := ""
	if c.Impact > 0 {
		imp = fmt.Sprint(c.Impact)
	}
	est := ""
	if c.EstimateHrs > 0 {
		est = hours(c.EstimateHrs) + " h"
	}
	cx := ""
	if c.Complexity != model.ComplexityUnrated {
		cx = c.Complexity.String()
	}
	q := model.QuadrantOf(c)
	created := ""
	if !c.CreatedAt.IsZero() {
		created = c.CreatedAt.Format("2006-01-02") + " · " + model.AgeText(model.Age(c, p.ctx.Now()))
	}
	field := func(name, value string) string {
		return components.Fit(st.Faint.Render(fmt.Sprintf("%-11s", name))+value, w)
	}
	lines := []string{
		components.Fit(st.Title.Render(c.Ref())+st.Faint.Render(" · read-only · e edit · esc back"), w),
		st.Header.Render(components.Cell(c.Title, w)),
		field("Status", c.Status.String()+"   decision "+c.Decision.String()),
		field("Quadrant", st.Quadrants[q].Render(q.String())),
		field("Impact", dash(imp)+"   complexity "+dash(cx)+"   estimate "+dash(est)),
		field("Area", dash(c.AreaLabel())),
		field("Raised by", dash(c.RaisedBy)+"   in "+dash(p.data.PhaseName(c.RaisedIn))),
		field("Created", dash(created)),
		field("Assignee", dash(c.Assignee)),
		field("Source key", dash(c.SourceKey)),
		st.Border.Render(strings.Repeat("─", max(w, 0))),
	}
	lines = append(lines, components.Box(p.descriptionView(c), w, max(p.height-len(lines), 1)))
	return strings.Join(lines, "\n")
}
