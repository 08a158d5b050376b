package changes

import tea "github.com/charmbracelet/bubbletea"

// The text filter follows the typing. Each key changes the prompt at once
// and asks for the table to follow with a filterDueMsg; only the newest
// ask is carried out, so keys that come faster than a filter of a large
// project (key repeat, a paste, typing over SSH) cost one filter between
// them, not one each, and the prompt never waits for the table.

// filterDueMsg asks the pane to filter the table by the text typed.
type filterDueMsg struct {
	seq  uint64
	text string
}

// openFilter opens the filter prompt: the table follows each key, enter
// keeps the text typed, esc puts back the one there was.
func (p *Pane) openFilter() tea.Cmd {
	cmd := p.prompt.Open("filter", p.q.text, func(text string) tea.Cmd {
		p.applyFilter(text)
		return nil
	})
	p.prompt.OnChange(func(text string) tea.Cmd {
		if !p.prompt.Active() { // esc: the old text, now, before any other key
			p.applyFilter(text)
			return nil
		}
		p.filterSeq++
		due := filterDueMsg{seq: p.filterSeq, text: text}
		return func() tea.Msg { return due }
	})
	return cmd
}

// filterDue applies the newest text asked for; older asks are dropped.
func (p *Pane) filterDue(msg filterDueMsg) {
	if msg.seq == p.filterSeq {
		p.applyFilter(msg.text)
	}
}

// applyFilter filters the table now, keeping the cursor on its request,
// and outdates the asks on their way.
func (p *Pane) applyFilter(text string) {
	p.filterSeq++
	keep := p.selectedID()
	p.q.setText(text)
	p.refreshTable(keep)
}
