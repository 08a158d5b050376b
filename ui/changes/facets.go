package changes

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// facetPicker chooses facet values in two steps, both in the pane's
// picker: a facet, then its values (space or enter ticks one). The table
// filters as values are ticked; esc goes back a step.
type facetPicker struct {
	facet  model.CRFacet
	inside bool     // showing one facet's values
	values []string // the values listed, in the picker's order
}

func (p *Pane) openFacets() {
	p.mode = modeFacets
	p.facets = facetPicker{}
	p.openFacetList(0)
}

// openFacetList lists the facets with what each filters on now.
func (p *Pane) openFacetList(selected int) {
	p.facets.inside = false
	p.picker.Open(p.facetListTitle(), p.facetItems(), selected, func(i int) tea.Cmd {
		p.openFacetValues(model.CRFacets[i])
		return nil
	})
}

func (p *Pane) openFacetValues(f model.CRFacet) {
	p.facets.facet, p.facets.inside = f, true
	items, values := p.facetValues(f)
	p.facets.values = values
	p.picker.Open(p.facetValuesTitle(), items, 0, func(i int) tea.Cmd {
		if i < len(p.facets.values) {
			p.toggleFacet(p.facets.facet, p.facets.values[i])
		}
		return nil
	}, components.Toggles())
}

// toggleFacet ticks or unticks a value and filters the table at once.
func (p *Pane) toggleFacet(f model.CRFacet, v string) {
	keep := p.selectedID()
	p.q.facets.Toggle(f, v)
	p.q.refilter()
	p.refreshTable(keep)
	p.facets.refresh(p)
}

// refresh shows the counts and ticks as the filter and the requests now
// have them, keeping the picker's filter and cursor.
func (f *facetPicker) refresh(p *Pane) {
	if f.inside {
		items, values := p.facetValues(f.facet)
		f.values = values
		p.picker.SetItems(items)
		p.picker.SetTitle(p.facetValuesTitle())
		return
	}
	p.picker.SetItems(p.facetItems())
	p.picker.SetTitle(p.facetListTitle())
}

func (p *Pane) facetListTitle() string {
	return fmt.Sprintf("Filter by facet · %d of %d requests match · enter opens · esc closes", len(p.q.shown), len(p.q.entries))
}

func (p *Pane) facetValuesTitle() string {
	return fmt.Sprintf("%s · %d of %d requests match · space ticks · esc back", p.facets.facet, len(p.q.shown), len(p.q.entries))
}

// facetItems lists the facets, each with the values it filters on.
func (p *Pane) facetItems() []components.PickItem {
	items := make([]components.PickItem, len(model.CRFacets))
	for i, fc := range model.CRFacets {
		hint := "any"
		if chosen := p.q.facets.Chosen(fc); len(chosen) > 0 {
			names := make([]string, len(chosen))
			for j, v := range chosen {
				names[j] = p.facetLabel(fc, v)
			}
			hint = strings.Join(names, ", ")
		}
		items[i] = components.PickItem{Label: fc.String(), Hint: hint}
	}
	return items
}

// facetValues lists a facet's values, each with how many requests have
// it: every known value of closed lists (statuses, quadrants…), and the
// values present in the project for open ones (phases, assignees).
func (p *Pane) facetValues(f model.CRFacet) ([]components.PickItem, []string) {
	counts := map[string]int{}
	for _, e := range p.q.entries {
		counts[model.FacetValue(e.cr, f)]++
	}
	var values []string
	switch f {
	case model.FacetStatus:
		for _, s := range model.CRStatuses {
			values = append(values, s.String())
		}
	case model.FacetDecision:
		for _, d := range []model.Decision{model.DecisionUndecided, model.DecisionNow, model.DecisionLater, model.DecisionRejected} {
			values = append(values, d.String())
		}
	case model.FacetQuadrant:
		for _, q := range append(slices.Clone(model.Quadrants), model.Unrated) {
			values = append(values, q.String())
		}
	case model.FacetArea:
		for _, a := range model.Areas {
			values = append(values, string(a))
		}
		values = append(values, "")
	case model.FacetRaisedIn:
		for _, ph := range model.PhasesInOrder(p.data.Phases) {
			values = append(values, strconv.FormatUint(ph.ID, 10))
		}
		values = append(values, "0")
	case model.FacetAssignee:
		for v := range counts {
			values = append(values, v)
		}
		slices.SortFunc(values, func(a, b string) int {
			if c := lastIf(a == "", b == ""); c != 0 {
				return c
			}
			return strings.Compare(strings.ToLower(a), strings.ToLower(b))
		})
	}
	items := make([]components.PickItem, 0, len(values))
	for _, v := range values {
		label := p.facetLabel(f, v)
		if f == model.FacetArea && v == "" {
			label = "no area"
		}
		items = append(items, components.PickItem{Label: label, Hint: strconv.Itoa(counts[v]),
			Mark: true, Marked: p.q.facets.Has(f, v), Dim: counts[v] == 0})
	}
	return items, values
}

// facetKey hands a key to the picker: esc from a facet's values goes
// back to the facets, on the one left; esc from the facets to the table.
func (p *Pane) facetKey(msg tea.KeyMsg) tea.Cmd {
	cmd := p.picker.Update(msg)
	switch {
	case p.picker.Active():
	case p.facets.inside:
		p.openFacetList(slices.Index(model.CRFacets, p.facets.facet))
	default:
		p.mode = modeTable
	}
	return cmd
}
