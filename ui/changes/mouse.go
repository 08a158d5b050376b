package changes

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// mouse acts on a click or the wheel where the keys would: a row of the
// table, a quadrant of the matrix, an item of a picker. While the form,
// a prompt or a question is open the mouse does nothing, so that a
// stray click cannot change what they act on.
func (p *Pane) mouse(msg common.MouseMsg) tea.Cmd {
	if p.data == nil || p.prompt.Active() || p.confirm.Active() {
		return nil
	}
	switch p.mode {
	case modeTable:
		return p.tableMouse(msg)
	case modeMatrix:
		if q, ok := matrixLayout(p.width, p.height).quadrantAt(msg.X, msg.Y); ok && components.LeftPress(msg.MouseMsg) {
			p.matrix.selected = q
			if msg.Double {
				p.filterToQuadrant()
			}
		}
	case modeFacets, modeStatus:
		cmd := p.picker.Mouse(msg.MouseMsg, msg.Double)
		if !p.picker.Active() {
			p.mode = modeTable
		}
		return cmd
	}
	return nil
}

// tableMouse selects the row clicked, opens its detail on a double
// click and scrolls on the wheel. The table is drawn under the
// info lines.
func (p *Pane) tableMouse(msg common.MouseMsg) tea.Cmd {
	if d := components.Wheel(msg.MouseMsg); d != 0 {
		p.table.Cursor.Scroll(d)
		return nil
	}
	if !components.LeftPress(msg.MouseMsg) || len(p.q.shown) == 0 {
		return nil
	}
	row := p.table.RowAt(msg.Y - p.infoLines())
	if row < 0 {
		return nil
	}
	p.table.Cursor.Pos = row
	p.table.Cursor.Clamp()
	if cr, ok := p.selected(); ok && msg.Double {
		return p.openDetail(cr) // as enter does
	}
	return nil
}
