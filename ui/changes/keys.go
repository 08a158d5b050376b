package changes

import (
	"github.com/charmbracelet/bubbles/key"

	"mopdeck/ui/components"
)

// keyMap holds every key of the pane, grouped by the mode that reads it.
// The table speaks the app's vocabulary (a add, e edit, d delete, u undo,
// / filter); triage's letters rate the request, and its e edits the
// estimate.
type keyMap struct {
	nav components.NavKeys
	// table
	filter, facets, clear, sort, reverse, add, open, edit, del, undo, triage, matrix, advance, status, importFile key.Binding
	// the detail view
	detailEdit, detailBack key.Binding
	// the summary that ends triage
	summaryBack, summaryPrev key.Binding
	// triage
	impact, cxLow, cxMedium, cxHigh, estimate, now, later, reject, next, prev, back key.Binding
	// the matrix
	up, down, left, right, choose, closeMatrix key.Binding
	// the form (huh reads them; these say what they do)
	formNext, formPrev, formChoose, formComplete, formCancel key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		nav:        components.DefaultNavKeys(),
		filter:     b([]string{"/"}, "/", "filter by text"),
		facets:     b([]string{"f"}, "f", "filter by facet"),
		clear:      b([]string{"esc"}, "esc", "clear filters"),
		sort:       b([]string{"s"}, "s", "next sort column"),
		reverse:    b([]string{"r"}, "r", "reverse the sort"),
		add:        b([]string{"a"}, "a", "add"),
		open:       b([]string{"enter"}, "enter", "open"),
		edit:       b([]string{"e"}, "e", "edit"),
		del:        b([]string{"d", "delete"}, "d", "delete"),
		undo:       b([]string{"u"}, "u", "undo last change"),
		triage:     b([]string{"t"}, "t", "triage"),
		matrix:     b([]string{"m"}, "m", "impact/effort matrix"),
		advance:    b([]string{">"}, ">", "next status"),
		status:     b([]string{"S"}, "S", "set status"),
		importFile: b([]string{"i"}, "i", "import CSV/XLSX/JSON"),

		impact:   b([]string{"1", "2", "3", "4", "5"}, "1-5", "impact"),
		cxLow:    b([]string{"l"}, "l", "low complexity"),
		cxMedium: b([]string{"m"}, "m", "medium complexity"),
		cxHigh:   b([]string{"h"}, "h", "high complexity"),
		estimate: b([]string{"e"}, "e", "edit the estimate (hours)"),
		now:      b([]string{"n"}, "n", "decide now"),
		later:    b([]string{"L"}, "L", "decide later"),
		reject:   b([]string{"x"}, "x", "reject"),
		next:     b([]string{"right", "pgdown"}, "→", "skip to next"),
		prev:     b([]string{"left", "pgup"}, "←", "back to the one just decided, else the previous"),
		back:     b([]string{"esc", "q"}, "esc", "back to the table"),

		detailEdit: b([]string{"e"}, "e", "edit"),
		detailBack: b([]string{"esc"}, "esc", "back to the table"),

		summaryBack: b([]string{"esc", "enter"}, "esc/enter", "back to the table"),
		summaryPrev: b([]string{"left"}, "←", "back to the one just decided"),

		up:          b([]string{"up", "k"}, "↑/k", "quadrant above"),
		down:        b([]string{"down", "j"}, "↓/j", "quadrant below"),
		left:        b([]string{"left", "h"}, "←/h", "quadrant left"),
		right:       b([]string{"right", "l"}, "→/l", "quadrant right"),
		choose:      b([]string{"enter"}, "enter", "show its requests in the table"),
		closeMatrix: b([]string{"esc", "q", "m"}, "esc/m", "back to the table"),

		formNext:     b([]string{"tab", "enter"}, "tab/enter", "next field (enter on the last saves)"),
		formPrev:     b([]string{"shift+tab"}, "shift+tab", "previous field"),
		formChoose:   b([]string{"left", "right"}, "←/→", "choose an option (→ also takes a suggested name)"),
		formComplete: b([]string{"ctrl+e"}, "ctrl+e", "take the suggested name"),
		formCancel:   b([]string{"esc"}, "esc", "cancel"),
	}
}

func (k keyMap) tableShort() []key.Binding {
	return []key.Binding{k.triage, k.matrix, k.add, k.open, k.edit, k.filter, k.facets, k.sort, k.undo}
}

func (k keyMap) tableFull() [][]key.Binding {
	return [][]key.Binding{
		k.nav.Bindings(),
		{k.add, k.open, k.edit, k.del, k.undo, k.advance, k.status},
		{k.filter, k.facets, k.clear, k.sort, k.reverse, k.triage, k.matrix, k.importFile},
	}
}

func (k keyMap) triageShort() []key.Binding {
	return []key.Binding{k.impact, k.cxLow, k.cxMedium, k.cxHigh, k.estimate, k.now, k.later, k.reject, k.undo, k.back}
}

func (k keyMap) triageFull() [][]key.Binding {
	return [][]key.Binding{
		{k.impact, k.cxLow, k.cxMedium, k.cxHigh, k.estimate},
		{k.now, k.later, k.reject, k.undo},
		{k.next, k.prev, k.back},
	}
}

func (k keyMap) detailKeys() []key.Binding { return []key.Binding{k.detailEdit, k.detailBack} }

func (k keyMap) summaryKeys() []key.Binding { return []key.Binding{k.summaryPrev, k.summaryBack} }

func (k keyMap) matrixKeys() []key.Binding {
	return []key.Binding{k.up, k.down, k.left, k.right, k.choose, k.closeMatrix}
}

func (k keyMap) formKeys() []key.Binding {
	return []key.Binding{k.formNext, k.formPrev, k.formChoose, k.formComplete, k.formCancel}
}
