package phases

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
)

// maxQuestionLines is the most lines a y/n question takes at the top of
// the pane; the views below give up the room while it waits.
const maxQuestionLines = 3

// questionTail ends every question, so the answer keys are never cut.
const questionTail = " (y/n)"

// ask opens a y/n question. The pane draws it itself, wrapped, so that a
// question naming what the answer acts on (what a deleted phase unties,
// what is still open) is read in full rather than cut at the edge.
func (p *Pane) ask(question string, yes func() tea.Cmd) {
	p.question = question
	p.confirm.Open(question, yes)
}

// questionLines is the open question wrapped to the pane's width, at most
// maxQuestionLines (and never the whole pane), the last ending in "(y/n)".
func (p *Pane) questionLines() []string {
	st := p.ctx.Styles
	w := max(p.width, 1)
	lines := wrapWords(model.SanitizeLine(p.question)+questionTail, w)
	most := max(min(maxQuestionLines, p.height-2), 1)
	if len(lines) > most {
		lines = lines[:most]
		cut := "…" + questionTail
		lines[most-1] = ansi.Truncate(lines[most-1], max(w-ansi.StringWidth(cut), 0), "") + cut
	}
	for i, l := range lines {
		lines[i] = st.WarningText.Render(ansi.Truncate(l, w, "…"))
	}
	return lines
}
