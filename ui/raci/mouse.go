package raci

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// mouse acts where the keys would: a click puts the cursor on the cell
// under it (a click on a name or a title on its row or column only), the
// wheel scrolls the rows, sideways (or with shift) the people. In my
// role the wheel scrolls and a double click on an activity shows it in
// the grid. While a prompt, a question or P's verb waits, the mouse does
// nothing, so that a stray click cannot change what the answer acts on.
func (p *Pane) mouse(msg common.MouseMsg) tea.Cmd {
	switch {
	case p.picker.Active():
		return p.picker.Mouse(msg.MouseMsg, msg.Double)
	case !p.loaded || p.prompt.Active() || p.confirm.Active() || p.personVerb:
		return nil
	case p.view == viewMyRole:
		p.myRoleMouse(msg)
		return nil
	}
	if len(p.grid.rows) == 0 {
		return nil // only the summary line is drawn
	}
	if d := components.WheelSideways(msg.MouseMsg); d != 0 {
		p.colCur.Scroll(d)
		return nil
	}
	if d := components.Wheel(msg.MouseMsg); d != 0 {
		before := p.rowCur.Pos
		p.rowCur.Scroll(d)
		if p.rowCur.Pos != before {
			p.settleRow(min(max(d, -1), 1)) // off a heading, the way it scrolled
		}
		return nil
	}
	if !components.LeftPress(msg.MouseMsg) {
		return nil
	}
	if r := p.rowAt(msg.Y); r >= 0 && !p.grid.rows[r].isHeading() {
		p.rowCur.Pos = r
		p.rowCur.Clamp()
	}
	if c := p.colAt(msg.X); c >= 0 {
		p.colCur.Pos = c
		p.colCur.Clamp()
	}
	return nil
}

// rowAt is the grid row drawn on line y of the pane (the rows start under
// the summary and the three header lines), or -1.
func (p *Pane) rowAt(y int) int { return p.rowCur.At(y - headerLines) }

// colAt is the person whose column is drawn at x (the cells start after
// the activity and check columns), or -1.
func (p *Pane) colAt(x int) int {
	dx := x - p.lay.nameW - markWidth
	if dx < 0 {
		return -1
	}
	return p.colCur.At(dx / cellWidth)
}

// myRoleMouse scrolls my role on the wheel; a double click on an
// activity goes back to the grid with the cursor on that activity, in
// the column of "me".
func (p *Pane) myRoleMouse(msg common.MouseMsg) {
	sc := &p.myRole.scroll
	if d := components.Wheel(msg.MouseMsg); d != 0 {
		sc.Offset = min(max(sc.Offset+d, 0), max(sc.N-sc.Height, 0))
		return
	}
	id, ok := p.myRole.acts[sc.Offset+msg.Y]
	if !ok || !msg.Double || msg.Y < 0 {
		return
	}
	r, ok := p.grid.rowOf[id]
	if !ok {
		return
	}
	p.view = viewGrid
	p.rowCur.Pos = r
	p.settleRow(1) // in view, with its phase's heading when it fits
	if c, ok := p.grid.colOf[p.data.Project.MeID]; ok {
		p.colCur.Pos = c
		p.colCur.Clamp()
	}
}
