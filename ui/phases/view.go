package phases

import (
	"fmt"
	"strings"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// View draws the top line (summary, or the open prompt or question), then
// the list beside the selected phase, or the timeline, or the checklists.
func (p *Pane) View() string {
	st := p.ctx.Styles
	if p.data == nil {
		return st.Faint.Render("loading…")
	}
	if p.picker.Active() {
		return p.picker.View(st, p.width, p.height)
	}
	top, n := p.topView()
	body := max(p.height-n, 0)
	if p.cl.on {
		return top + "\n" + p.checklistsView(body)
	}
	if len(p.phases) == 0 {
		return top + "\n" + st.Faint.Render("No phases yet: press a to add one.")
	}
	if p.timeline {
		return top + "\n" + p.timelineView(body)
	}
	lw, dw := p.columns()
	ph, _ := p.selected()
	return top + "\n" + components.SideBySide(p.listView(lw, body), lw, p.detailView(ph, dw, body), dw, body, st.Border.Render(" │ "))
}

// topLines is the summary (or prompt) line above every view of the pane;
// a y/n question may take a few more while it waits.
const topLines = 1

// topView is what stands above the views and how many lines it takes.
func (p *Pane) topView() (string, int) {
	if p.confirm.Active() {
		lines := p.questionLines()
		return strings.Join(lines, "\n"), len(lines)
	}
	return p.topLine(), topLines
}

// topLine is the question or prompt waiting for an answer, else a summary
// of the plan.
func (p *Pane) topLine() string {
	st := p.ctx.Styles
	switch {
	case p.prompt.Active():
		return p.prompt.View(st, p.width)
	case p.cl.on:
		return p.checklistsSummary()
	}
	signed, overdue := 0, 0
	today := p.ctx.Now()
	for _, ph := range p.phases {
		if ph.Gate.SignedOff {
			signed++
		}
		if model.Overdue(ph, today) {
			overdue++
		}
	}
	s := fmt.Sprintf("%d phases · %d signed off", len(p.phases), signed)
	if overdue > 0 {
		s += " · " + st.WarningText.Render(fmt.Sprintf("%d overdue", overdue))
	}
	if p.focus == focusItems {
		s += st.Faint.Render(" · deliverables: space toggles, esc goes back")
	}
	return components.Fit(s, p.width)
}

// timelineView draws the chart with the selected phase highlighted and the
// rows scrolled to keep it in view.
func (p *Pane) timelineView(h int) string {
	st := p.ctx.Styles
	tl, from, rows := p.timelineLayout(h)
	lines := make([]string, 0, h)
	for _, l := range tl.Header {
		lines = append(lines, st.Faint.Render(st.RowMark(false)+l))
	}
	today := p.ctx.Now()
	for i := from; i < len(tl.Rows) && i < from+rows; i++ {
		line := st.RowMark(i == p.cursor.Pos) + tl.Rows[i]
		switch {
		case i == p.cursor.Pos:
			line = st.Selected.Render(line)
		case model.Overdue(p.phases[i], today):
			line = st.WarningText.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// timelineLayout is the chart drawn in h lines: its header lines, then
// rows phase rows from phase from, which keeps the selected one in view.
func (p *Pane) timelineLayout(h int) (tl Timeline, from, rows int) {
	tl = LayoutTimeline(p.phases, p.ctx.Now(), p.width-p.ctx.Styles.RowMarkWidth())
	rows = max(h-len(tl.Header), 1)
	if p.cursor.Pos >= rows {
		from = p.cursor.Pos - rows + 1
	}
	return tl, from, rows
}

// timelinePhaseAt is the phase drawn on line y of the timeline's h lines,
// or -1.
func (p *Pane) timelinePhaseAt(h, y int) int {
	tl, from, rows := p.timelineLayout(h)
	y -= len(tl.Header)
	if y < 0 || y >= rows || from+y >= len(tl.Rows) {
		return -1
	}
	return from + y
}
