package changes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/components"
)

// tableKey handles a key on the bare table.
func (p *Pane) tableKey(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	cr, hasRow := p.selected()
	switch {
	case key.Matches(msg, k.filter):
		return p.openFilter()
	case key.Matches(msg, k.clear):
		keep := p.selectedID()
		p.q.clear()
		p.refreshTable(keep)
	case key.Matches(msg, k.sort):
		keep := p.selectedID()
		p.q.sort, p.q.desc = p.q.sort.next(), false
		p.q.resort()
		p.refreshTable(keep)
	case key.Matches(msg, k.reverse):
		keep := p.selectedID()
		p.q.desc = !p.q.desc
		p.q.resort()
		p.refreshTable(keep)
	case key.Matches(msg, k.facets):
		p.openFacets()
	case key.Matches(msg, k.matrix):
		p.openMatrix()
	case key.Matches(msg, k.triage):
		return p.openTriage()
	case key.Matches(msg, k.add):
		return p.openForm(model.ChangeRequest{CreatedAt: p.ctx.Now()}, false)
	case key.Matches(msg, k.importFile):
		return p.openImport()
	case key.Matches(msg, k.undo):
		return p.undo()
	case !hasRow:
		return nil
	case key.Matches(msg, k.open):
		return p.openDetail(cr)
	case key.Matches(msg, k.edit):
		return p.openForm(cr, true)
	case key.Matches(msg, k.del):
		p.confirm.Open(fmt.Sprintf("Delete %s %q? (u undoes)", cr.Ref(), model.SanitizeLine(cr.Title)), func() tea.Cmd {
			return p.deleteChange(cr)
		})
	case key.Matches(msg, k.advance):
		return p.advanceStatus(cr)
	case key.Matches(msg, k.status):
		p.openStatus(cr)
	default:
		p.table.Cursor.HandleKey(k.nav, msg)
	}
	return nil
}

// tableView draws the info line, the filter summary when one is active,
// and the rows in view; its cost does not depend on the rows off screen.
func (p *Pane) tableView() string {
	st := p.ctx.Styles
	empty := "No request matches the filter."
	if len(p.q.entries) == 0 {
		empty = "No change requests yet: a adds one, i imports a file."
		if !p.prompt.Active() && !p.confirm.Active() {
			return components.Fit(st.Faint.Render(empty), p.width)
		}
	}
	info := st.Faint.Render(fmt.Sprintf("%d change requests · sorted by %s · %d of %d",
		len(p.q.entries), p.q.sortName(), min(p.table.Cursor.Pos+1, len(p.q.shown)), len(p.q.shown)))
	switch {
	case p.prompt.Active():
		info = p.prompt.View(st, p.width)
	case p.confirm.Active():
		info = p.confirm.View(st, p.width)
	}
	lines := []string{components.Fit(info, p.width)}
	if p.q.filtered() {
		lines = append(lines, components.Fit(st.WarningText.Render("filter: "+p.filterSummary()+"  (esc clears)"), p.width))
	}
	if len(p.q.shown) == 0 {
		lines = append(lines, components.Fit(st.Faint.Render(empty), p.width))
	} else {
		lines = append(lines, p.table.View())
	}
	return strings.Join(lines, "\n")
}

// filterSummary writes the active filter on one line: the text first, then
// each facet with its values.
func (p *Pane) filterSummary() string {
	var parts []string
	if p.q.text != "" {
		parts = append(parts, model.SanitizeLine(p.q.text))
	}
	for _, f := range model.CRFacets {
		chosen := p.q.facets.Chosen(f)
		if len(chosen) == 0 {
			continue
		}
		names := make([]string, len(chosen))
		for i, v := range chosen {
			names[i] = p.facetLabel(f, v)
		}
		parts = append(parts, f.String()+": "+strings.Join(names, ", "))
	}
	return strings.Join(parts, " · ")
}

// facetLabel names a facet value for people: phase names for phase IDs,
// "nobody" for an empty assignee.
func (p *Pane) facetLabel(f model.CRFacet, v string) string {
	switch f {
	case model.FacetRaisedIn:
		if v == "0" {
			return "no phase"
		}
		for _, ph := range p.data.Phases {
			if fmt.Sprint(ph.ID) == v {
				return model.SanitizeLine(ph.Name)
			}
		}
		return "phase " + v
	case model.FacetAssignee:
		if v == "" {
			return "nobody"
		}
	}
	return model.SanitizeLine(v)
}

// undo reverts the newest change-request change, whoever's screen made it.
func (p *Pane) undo() tea.Cmd {
	return p.ctx.Undo(p.data.Project.ID, p.ctx.Actor(p.data), store.KindChanges)
}
