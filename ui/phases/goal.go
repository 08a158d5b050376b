package phases

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// goalKey names one rendering of a phase goal: its text at a width in a
// Glamour style.
type goalKey struct {
	text  string
	width int
	style string
}

// goalMsg carries a rendered goal back; it is only cached, so a result
// for a phase no longer selected does no harm.
type goalMsg struct {
	key goalKey
	out string
	err error
}

// goalCache keeps rendered goals: Glamour is too slow to run in View.
type goalCache struct {
	md      *components.Markdown
	out     map[goalKey]string
	pending map[goalKey]bool
}

func newGoalCache(md *components.Markdown) *goalCache {
	return &goalCache{md: md, out: map[goalKey]string{}, pending: map[goalKey]bool{}}
}

func (c *goalCache) done(m goalMsg) {
	delete(c.pending, m.key)
	if m.err != nil {
		// The raw text stays on screen; a goal is a few lines.
		c.out[m.key] = ""
		return
	}
	c.out[m.key] = m.out
}

// renderGoal asks for the selected phase's goal at the detail width,
// unless it is cached or on its way.
func (p *Pane) renderGoal() tea.Cmd {
	ph, ok := p.selected()
	_, dw := p.columns()
	if !ok || dw <= 0 || strings.TrimSpace(ph.Goal) == "" {
		return nil
	}
	k := goalKey{text: ph.Goal, width: dw, style: p.ctx.Styles.GlamourStyle()}
	if _, ok := p.goals.out[k]; ok || p.goals.pending[k] {
		return nil
	}
	p.goals.pending[k] = true
	md := p.goals.md
	return func() tea.Msg {
		out, err := md.Render(k.text, k.width, k.style)
		return goalMsg{key: k, out: out, err: err}
	}
}

// goalLines is the goal as rendered, or its plain text until the rendering
// arrives.
func (p *Pane) goalLines(ph model.Phase, w int) []string {
	text := strings.TrimSpace(ph.Goal)
	if text == "" {
		return nil
	}
	k := goalKey{text: ph.Goal, width: w, style: p.ctx.Styles.GlamourStyle()}
	if out := p.goals.out[k]; out != "" {
		return strings.Split(strings.Trim(out, "\n"), "\n")
	}
	return strings.Split(model.Sanitize(text), "\n")
}
