package changes

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/themes"
)

// facetPicker chooses facet values in two steps: a facet, then its values
// (space toggles). The table filters as values are toggled.
type facetPicker struct {
	facets choice
	values choice
	facet  model.CRFacet
	inside bool // showing one facet's values
	count  int  // requests that pass the filter now
}

func (p *Pane) openFacets() {
	p.facets = facetPicker{}
	p.facets.refresh(p)
	p.mode = modeFacets
}

// refresh rebuilds both lists, keeping the cursors.
func (f *facetPicker) refresh(p *Pane) {
	fpos, vpos := f.facets.cursor.Pos, f.values.cursor.Pos
	items := make([]choiceItem, len(model.CRFacets))
	for i, fc := range model.CRFacets {
		hint := "any"
		if chosen := p.q.facets.Chosen(fc); len(chosen) > 0 {
			names := make([]string, len(chosen))
			for j, v := range chosen {
				names[j] = p.facetLabel(fc, v)
			}
			hint = strings.Join(names, ", ")
		}
		items[i] = choiceItem{label: fc.String(), hint: hint}
	}
	f.count = len(p.q.shown)
	f.facets = newChoice(fmt.Sprintf("Filter by facet · %d of %d requests match · enter opens · esc closes", f.count, len(p.q.entries)), items, false)
	f.facets.cursor.Pos = fpos
	f.facets.cursor.Clamp()
	if f.inside {
		f.values = newChoice(fmt.Sprintf("%s · %d of %d requests match · space toggles · esc back", f.facet, f.count, len(p.q.entries)), p.facetValues(f.facet), true)
		f.values.cursor.Pos = vpos
		f.values.cursor.Clamp()
	}
}

// facetValues lists a facet's values, each with how many requests have
// it: every known value of closed lists (statuses, quadrants…), and the
// values present in the project for open ones (phases, assignees).
func (p *Pane) facetValues(f model.CRFacet) []choiceItem {
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
	items := make([]choiceItem, 0, len(values))
	for _, v := range values {
		label := p.facetLabel(f, v)
		if f == model.FacetArea && v == "" {
			label = "no area"
		}
		items = append(items, choiceItem{label: label, value: v, hint: strconv.Itoa(counts[v]), mark: p.q.facets.Has(f, v), dim: counts[v] == 0})
	}
	return items
}

func (p *Pane) facetKey(msg tea.KeyMsg) tea.Cmd {
	f := &p.facets
	k := p.keys
	if !f.inside {
		switch {
		case key.Matches(msg, k.back):
			p.mode = modeTable
		case key.Matches(msg, k.choose, k.right):
			if it, ok := f.facets.selected(); ok {
				f.facet = model.CRFacets[slices.IndexFunc(model.CRFacets, func(c model.CRFacet) bool { return c.String() == it.label })]
				f.inside = true
				f.values = choice{}
				f.refresh(p)
			}
		default:
			f.facets.move(k, msg)
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.back, k.left):
		f.inside = false
		f.refresh(p)
	case key.Matches(msg, k.toggle):
		if it, ok := f.values.selected(); ok {
			keep := p.selectedID()
			p.q.facets.Toggle(f.facet, it.value)
			p.q.refilter()
			p.refreshTable(keep)
			f.refresh(p)
		}
	default:
		f.values.move(k, msg)
	}
	return nil
}

func (f *facetPicker) view(st *themes.Styles, w, h int) string {
	if f.inside {
		return f.values.view(st, w, h)
	}
	return f.facets.view(st, w, h)
}
