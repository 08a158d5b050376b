package raci

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// myRoleView is "me"'s letters as a scrolling list of lines, built once
// per load or toggle; scrolling only moves the window.
type myRoleView struct {
	lines  []string
	scroll components.Cursor
	// acts maps a line to the activity it names, for the mouse.
	acts map[int]uint64
}

func (p *Pane) toggleMyRole() {
	if p.view == viewMyRole {
		p.view = viewGrid
		return
	}
	p.view = viewMyRole
	p.myRole.scroll.Pos, p.myRole.scroll.Offset = 0, 0
	p.buildMyRole()
}

func (p *Pane) myRoleKey(msg tea.KeyMsg) tea.Cmd {
	sc := &p.myRole.scroll
	switch {
	case key.Matches(msg, p.keys.closeView):
		p.view = viewGrid
	case key.Matches(msg, p.keys.nav.Up):
		sc.Offset = max(sc.Offset-1, 0)
	case key.Matches(msg, p.keys.nav.Down):
		sc.Offset = min(sc.Offset+1, max(sc.N-sc.Height, 0))
	case key.Matches(msg, p.keys.nav.PageUp):
		sc.Offset = max(sc.Offset-sc.Height, 0)
	case key.Matches(msg, p.keys.nav.PageDown):
		sc.Offset = min(sc.Offset+sc.Height, max(sc.N-sc.Height, 0))
	case key.Matches(msg, p.keys.nav.Top):
		sc.Offset = 0
	case key.Matches(msg, p.keys.nav.Bottom):
		sc.Offset = max(sc.N-sc.Height, 0)
	}
	return nil
}

// buildMyRole lays out every activity where "me" holds a letter, by phase
// then letter, each letter with its meaning on one line.
func (p *Pane) buildMyRole() {
	st := p.ctx.Styles
	d := p.data
	var lines []string
	acts := map[int]uint64{}
	add := func(s string) { lines = append(lines, s) }
	me, ok := d.Person(d.Project.MeID)
	switch {
	case !ok:
		add(st.Title.Render("My role"))
		add("")
		add("You have not said who you are yet: press @ and pick yourself.")
	default:
		groups := model.PersonRoles(*d, me.ID)
		head := "My role — " + model.SanitizeLine(me.Name)
		if me.Team != "" {
			head += " · " + model.SanitizeLine(me.Team)
		}
		add(st.Title.Render(head))
		n := model.RoleCounts(groups)
		counts := make([]string, len(model.Roles))
		for i, r := range model.Roles {
			counts[i] = fmt.Sprintf("%s %d", r, n[r])
		}
		summary := st.Faint.Render(strings.Join(counts, " · "))
		if model.Overloaded(n[model.Accountable]) {
			summary += st.ErrorText.Render(fmt.Sprintf("  — %d A's: more than anyone can answer for (the limit is %d)", n[model.Accountable], model.OverloadFrom-1))
		}
		add(summary)
		if len(groups) == 0 {
			add("")
			add("No letter in this matrix yet: the grid (M or esc) is where letters are set.")
		}
		for _, g := range groups {
			add("")
			add(st.Header.Render("▾ " + model.SanitizeLine(g.Phase)))
			for _, l := range g.Letters {
				add("  " + st.StatusKey.Render(l.Role.String()) + "  " + st.Faint.Render(l.Role.Meaning()))
				for i, a := range l.Activities {
					acts[len(lines)] = a.ID
					line := "       " + model.SanitizeLine(a.Name)
					if cell := l.Cells[i]; len(cell.Letters()) > 1 {
						// The whole cell, so that an A/R reads as one job
						// under A and under R.
						line += st.Faint.Render("  (" + cell.String() + ")")
					}
					add(line)
				}
			}
		}
	}
	for i, l := range lines {
		lines[i] = components.Fit(l, p.width)
	}
	p.myRole.lines, p.myRole.acts = lines, acts
	p.myRole.scroll.N = len(lines)
}

func (p *Pane) myRoleViewText() string {
	sc := p.myRole.scroll
	to := min(sc.Offset+max(p.height, 0), len(p.myRole.lines))
	if sc.Offset >= to {
		return ""
	}
	return strings.Join(p.myRole.lines[sc.Offset:to], "\n")
}
