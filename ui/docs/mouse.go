package docs

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// mouse: a click on the list opens the doc under it; the wheel over the
// list goes to the next or previous doc, over the doc scrolls the doc. While a prompt or a
// question waits the mouse does nothing, so that a stray click cannot
// change the doc the answer acts on.
func (p *Pane) mouse(msg common.MouseMsg) tea.Cmd {
	switch {
	case p.picker.Active():
		return p.picker.Mouse(msg.MouseMsg, msg.Double)
	case p.data == nil || p.prompt.Active() || p.confirm.Active():
		return nil
	}
	d := components.Wheel(msg.MouseMsg)
	switch {
	case msg.X < p.listW && d != 0:
		// The list picks the doc shown: a notch is the next doc or the
		// one before, as j and k.
		return p.move(min(max(d, -1), 1))
	case msg.X < p.listW && components.LeftPress(msg.MouseMsg):
		if i := p.entryAt(msg.Y); i >= 0 && i != p.list.Pos {
			return p.move(i - p.list.Pos)
		}
	case p.viewW > 0 && msg.X >= p.width-p.viewW && d != 0:
		p.pager.scroll(d)
	}
	return nil
}
