// Package phases is the Phases pane: where the project stands against its
// plan, phase by phase, with each gate.
package phases

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// Pane shows the phases list and the selected phase.
type Pane struct {
	ctx    *common.Context
	nav    components.NavKeys
	data   *model.ProjectData
	cursor components.Cursor
	width  int
	height int
}

// New returns the pane.
func New(ctx *common.Context) *Pane {
	return &Pane{ctx: ctx, nav: components.DefaultNavKeys()}
}

func (p *Pane) Title() string   { return "Phases" }
func (p *Pane) Capturing() bool { return false }
func (p *Pane) Init() tea.Cmd   { return nil }

func (p *Pane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.cursor.Height = h
	p.cursor.Clamp()
}

func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ProjectLoadedMsg:
		p.data = msg.Data
		p.cursor.N = len(p.data.Phases)
		p.cursor.Clamp()
	case tea.KeyMsg:
		p.cursor.HandleKey(p.nav, msg)
	}
	return nil
}

const listWidth = 46

func (p *Pane) View() string {
	st := p.ctx.Styles
	if p.data == nil {
		return st.Faint.Render("loading…")
	}
	if len(p.data.Phases) == 0 {
		return st.Faint.Render("No phases yet.")
	}
	lw := min(listWidth, p.width/2)
	rw := max(p.width-lw-3, 0)
	return components.SideBySide(p.listView(lw), lw, p.detailView(p.data.Phases[p.cursor.Pos], rw), rw, p.height, st.Border.Render(" │ "))
}

func (p *Pane) listView(w int) string {
	st := p.ctx.Styles
	var lines []string
	from, to := p.cursor.Visible()
	for i := from; i < to; i++ {
		ph := p.data.Phases[i]
		done, total := ph.DeliverablesDone()
		name := components.Cell(ph.Name, max(w-34, 4))
		bar := components.Progress(done, total, 8, st.ProgressDone.Render, st.ProgressTodo.Render)
		line := fmt.Sprintf("%s %-17s %s %d/%d", name, ph.Status, bar, done, total)
		line = components.Fit(line, w)
		if i == p.cursor.Pos {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func span(ph model.Phase, actual bool) string {
	s, e := ph.PlannedStart, ph.PlannedEnd
	if actual {
		s, e = ph.ActualStart, ph.ActualEnd
	}
	return components.Date(s) + " → " + components.Date(e)
}

func (p *Pane) detailView(ph model.Phase, w int) string {
	st := p.ctx.Styles
	clean := model.SanitizeLine
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.Title.Render(clean(ph.Name)))
	fmt.Fprintf(&b, "%s · typical %s\n", ph.Status, clean(ph.Duration))
	fmt.Fprintf(&b, "planned %s   actual %s\n\n", span(ph, false), span(ph, true))
	if g := strings.TrimSpace(model.Sanitize(ph.Goal)); g != "" {
		b.WriteString(g + "\n\n")
	}
	done, total := ph.DeliverablesDone()
	fmt.Fprintf(&b, "%s %d/%d\n", st.Header.Render("Deliverables"), done, total)
	for _, d := range ph.Deliverables {
		fmt.Fprintf(&b, "  %s %s\n", check(d.Done), clean(d.Name))
	}
	if len(ph.Checklist) > 0 {
		b.WriteString("\n" + st.Header.Render("Exit checklist") + "\n")
		for _, c := range ph.Checklist {
			fmt.Fprintf(&b, "  %s %s\n", check(c.Done), clean(c.Text))
		}
	}
	if len(ph.Participants) > 0 {
		fmt.Fprintf(&b, "\n%s %s\n", st.Header.Render("Participants"), clean(strings.Join(ph.Participants, ", ")))
	}
	b.WriteString("\n" + st.Header.Render("Gate") + " ")
	if ph.Gate.SignedOff {
		fmt.Fprintf(&b, "%s by %s on %s", st.SuccessText.Render("signed off"),
			clean(p.data.PersonName(ph.Gate.ByID)), ph.Gate.At.Format(model.DateLayout))
		if ph.Gate.Note != "" {
			fmt.Fprintf(&b, ": %s", clean(ph.Gate.Note))
		}
	} else {
		b.WriteString(st.WarningText.Render("not signed off"))
	}
	return b.String()
}

func check(done bool) string {
	if done {
		return "[x]"
	}
	return "[ ]"
}

func (p *Pane) ShortHelp() []key.Binding  { return []key.Binding{p.nav.Up, p.nav.Down} }
func (p *Pane) FullHelp() [][]key.Binding { return [][]key.Binding{p.nav.Bindings()} }
