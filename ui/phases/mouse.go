package phases

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// mouse acts where the keys would: a click selects the phase, item or
// checklist row under it, a double click on a phase opens its items (as
// enter does), the wheel scrolls the list under it. While a prompt or a
// question waits for an answer the mouse does nothing, so that a stray
// click cannot change what the answer acts on.
func (p *Pane) mouse(msg common.MouseMsg) tea.Cmd {
	switch {
	case p.picker.Active():
		return p.picker.Mouse(msg.MouseMsg, msg.Double)
	case p.data == nil || p.prompt.Active() || p.confirm.Active():
		return nil
	}
	body, y := p.height-topLines, msg.Y-topLines
	switch {
	case p.cl.on:
		p.checklistsMouse(msg, y)
		return nil
	case len(p.phases) == 0:
		return nil
	case p.timeline:
		return p.timelineMouse(msg, body, y)
	}
	lw, dw := p.columns()
	switch {
	case msg.X < lw:
		return p.listMouse(msg)
	case dw > 0 && msg.X >= p.width-dw:
		p.detailMouse(msg, dw, body, y)
	}
	return nil
}

// openPhase gives the keys to the selected phase's items.
func (p *Pane) openPhase() {
	p.focus, p.item, p.timeline = focusItems, 0, false
}

// pick makes phase i the selected one, its list with the keys.
func (p *Pane) pick(i int) tea.Cmd {
	if i != p.cursor.Pos {
		p.item = 0
	}
	p.cursor.Pos = i
	p.cursor.Clamp()
	p.focus = focusPhases
	return p.renderGoal()
}

func (p *Pane) listMouse(msg common.MouseMsg) tea.Cmd {
	if d := components.Wheel(msg.MouseMsg); d != 0 {
		before := p.cursor.Pos
		p.cursor.Scroll(d)
		if p.cursor.Pos == before {
			return nil
		}
		return p.pick(p.cursor.Pos)
	}
	i := p.listPhaseAt(msg.Y)
	if !components.LeftPress(msg.MouseMsg) || i < 0 {
		return nil
	}
	cmd := p.pick(i)
	if msg.Double {
		p.openPhase()
	}
	return cmd
}

// timelineMouse: the chart scrolls with its selected phase, so the wheel
// moves the selection.
func (p *Pane) timelineMouse(msg common.MouseMsg, body, y int) tea.Cmd {
	if d := components.Wheel(msg.MouseMsg); d != 0 {
		p.cursor.Move(d)
		p.item = 0
		return p.renderGoal()
	}
	i := p.timelinePhaseAt(body, y)
	if !components.LeftPress(msg.MouseMsg) || i < 0 {
		return nil
	}
	cmd := p.pick(i)
	if msg.Double {
		p.openPhase()
	}
	return cmd
}

// detailMouse: a click on a deliverable or exit item selects it (the
// items then have the keys); the wheel moves along the items while they
// have them, which scrolls the detail.
func (p *Pane) detailMouse(msg common.MouseMsg, w, h, y int) {
	ph, ok := p.selected()
	if !ok {
		return
	}
	if d := components.Wheel(msg.MouseMsg); d != 0 {
		if p.focus == focusItems {
			p.item = min(max(p.item+d, 0), max(model.PhaseItems(ph)-1, 0))
		}
		return
	}
	if row := p.detailItemAt(ph, w, h, y); components.LeftPress(msg.MouseMsg) && row >= 0 {
		p.focus, p.item = focusItems, row
	}
}

// checklistsMouse: a click selects the item under it, or the first item
// of the checklist or section whose title is under it; the wheel scrolls,
// the selection following into view.
func (p *Pane) checklistsMouse(msg common.MouseMsg, y int) {
	v := &p.cl
	h := p.clBodyHeight()
	defer v.scroll(h)
	if d := components.Wheel(msg.MouseMsg); d != 0 {
		v.off = min(max(v.from(h)+d, 0), max(len(v.rows)-h, 0))
		for v.cursor.Pos > 0 && v.sel[v.cursor.Pos] >= v.off+h {
			v.cursor.Pos--
		}
		for v.cursor.Pos < len(v.sel)-1 && v.sel[v.cursor.Pos] < v.off {
			v.cursor.Pos++
		}
		return
	}
	r := v.rowAt(h, y)
	if !components.LeftPress(msg.MouseMsg) || r < 0 {
		return
	}
	for pos, s := range v.sel {
		if s >= r && v.rows[s].list == v.rows[r].list && v.rows[r].kind != clGap {
			v.cursor.Pos = pos
			return
		}
	}
}
