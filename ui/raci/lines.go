package raci

import (
	"fmt"
	"strings"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// summaryLine counts activities and people and what breaks the rules.
func (p *Pane) summaryLine() string {
	st, g := p.ctx.Styles, &p.grid
	s := fmt.Sprintf("%d activities · %d people · ", g.activities(), len(g.people))
	if g.broken == 0 {
		s += st.SuccessText.Render("every row has one A and at least one R")
	} else {
		var what []string
		for _, pr := range []model.RowProblem{model.RowNoAccountable, model.RowManyAccountable, model.RowNoResponsible} {
			if n := g.byProblem[pr]; n > 0 {
				what = append(what, fmt.Sprintf("%d %s", n, pr))
			}
		}
		s += st.ErrorText.Render(fmt.Sprintf("%d %s a rule (%s)", g.broken, plural(g.broken, "row breaks", "rows break"), strings.Join(what, ", ")))
	}
	if g.warned > 0 || g.byProblem[model.RowAllConsulted] > 0 {
		n := g.byProblem[model.RowAllConsulted]
		s += st.WarningText.Render(fmt.Sprintf(" · %d %s everyone", n, plural(n, "row consults", "rows consult")))
	}
	if len(g.overloaded) > 0 {
		names := make([]string, 0, 3)
		for i, c := range g.overloaded {
			if i == 3 {
				names = append(names, fmt.Sprintf("%d more", len(g.overloaded)-3))
				break
			}
			names = append(names, clip(g.people[c].Name, 20))
		}
		s += st.ErrorText.Render(fmt.Sprintf(" · %d+ A's: %s", model.OverloadFrom, strings.Join(names, ", ")))
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// detailLine spells out the cell under the cursor: whole names (the grid
// truncates them), the letter's meaning and the row's problems.
func (p *Pane) detailLine() string {
	st := p.ctx.Styles
	rw, ok := p.cursorActivity()
	c, okP := p.cursorPerson()
	if !ok || !okP {
		return components.Fit(st.Faint.Render("+ adds a person, n an activity"), p.width)
	}
	pe := p.grid.people[c]
	who := model.SanitizeLine(pe.Name)
	if pe.Team != "" {
		who += " (" + model.SanitizeLine(pe.Team) + ")"
	}
	s := model.SanitizeLine(rw.activity.Name) + " × " + who + ": "
	if len(rw.problems) > 0 {
		s += st.ErrorText.Render("row has "+brokenRules(rw.problems)) + " · "
	}
	if role := p.grid.role(p.rowCur.Pos, c); role != model.RoleNone {
		s += st.StatusKey.Render(role.Meaning())
	} else {
		s += st.Faint.Render("no letter")
	}
	pos := st.Faint.Render(fmt.Sprintf("  person %d/%d", c+1, len(p.grid.people)))
	return components.Fit(s+pos, p.width)
}
