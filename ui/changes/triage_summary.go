package changes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// Triage ends on a summary of what the session decided, so that the
// person triaging sees the hours they just committed before the table
// hides them among the rest.

// backToDecided shows again the request decided last in this session, so
// that a decision taken by mistake can be taken again; false when nothing
// is left to go back to.
func (p *Pane) backToDecided() (tea.Cmd, bool) {
	t := &p.triage
	for len(t.trail) > 0 {
		id := t.trail[len(t.trail)-1]
		t.trail = t.trail[:len(t.trail)-1]
		if _, ok := p.q.find(id); ok {
			p.mode = modeTriage
			return p.showTriage(id), true
		}
	}
	return nil, false
}

func (p *Pane) summaryKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.keys.summaryBack):
		return p.leaveTriage()
	case key.Matches(msg, p.keys.summaryPrev):
		cmd, _ := p.backToDecided()
		return cmd
	}
	return nil
}

// tally is what one decision gathered in the session.
type tally struct {
	count int
	hours float64
}

// summary counts the session's decisions still standing (an undone or
// refused one is not), with their stored estimates.
func (t *triage) summary(q *queue) map[model.Decision]tally {
	out := map[model.Decision]tally{}
	for id, d := range t.chose {
		c, ok := q.find(id)
		if !ok || !t.decided[id] {
			continue
		}
		s := out[d]
		s.count++
		s.hours += c.EstimateHrs
		out[d] = s
	}
	return out
}

func (p *Pane) summaryView() string {
	st := p.ctx.Styles
	w := p.width
	sum := p.triage.summary(&p.q)
	total := 0
	for _, s := range sum {
		total += s.count
	}
	lines := []string{
		components.Fit(st.Title.Render("Triage done")+st.Faint.Render(fmt.Sprintf(" · %d decided in this session", total)), w),
		"",
	}
	for _, d := range []model.Decision{model.DecisionNow, model.DecisionLater, model.DecisionRejected} {
		s := sum[d]
		noun := "requests"
		if s.count == 1 {
			noun = "request"
		}
		lines = append(lines, components.Fit(fmt.Sprintf("  %-9s %3d %-8s %7s h", d, s.count, noun, hoursTotal(s.hours)), w))
	}
	lines = append(lines, "", st.Faint.Render(components.Fit("← back to the one just decided · esc/enter back to the table", w)))
	return components.Box(strings.Join(lines, "\n"), w, p.height)
}
