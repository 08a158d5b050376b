package projects

import (
	"fmt"
	"strings"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// headLines are the title line and the column titles.
const headLines = 2

// View draws the projects, or the templates while creating one.
func (s *Switcher) View() string {
	if s.mode == modeTemplates {
		return s.templatesView()
	}
	return s.projectsView()
}

func (s *Switcher) topLine(title string) string {
	st := s.ctx.Styles
	switch {
	case s.confirm.Active():
		return s.confirm.View(st, s.width)
	case s.prompt.Active():
		return s.prompt.View(st, s.width)
	}
	return components.Fit(st.Title.Render(title), s.width)
}

func (s *Switcher) projectsView() string {
	st := s.ctx.Styles
	hidden := 0
	for _, p := range s.all {
		if p.Archived && !s.showArchived && p.ID != s.current && s.named(p) {
			hidden++
		}
	}
	title := fmt.Sprintf("Projects · %d", len(s.shown))
	if s.query != "" {
		title += fmt.Sprintf(" named like %q (esc shows all)", model.SanitizeLine(s.query))
	}
	if hidden > 0 {
		title += fmt.Sprintf(" · %d archived hidden (v shows them)", hidden)
	}
	markW := st.RowMarkWidth()
	nameW := max(s.width-markW-2-10-1-23-1-9, 8)
	lines := []string{
		s.topLine(title),
		st.Faint.Render(components.Fit(st.RowMark(false)+"  "+components.Fit("Name", nameW)+" "+components.Fit("Template", 10)+" "+components.Fit("Start → go-live", 23)+" ", s.width)),
	}
	from, to := s.list.Visible()
	for i := from; i < to; i++ {
		p := s.shown[i]
		mark := "  "
		if p.ID == s.current {
			mark = "● "
		}
		state := ""
		if p.Archived {
			state = "archived"
		}
		line := components.Fit(st.RowMark(i == s.list.Pos)+mark+components.Cell(p.Name, nameW)+" "+components.Cell(p.Template, 10)+" "+
			components.Fit(components.Date(p.Start)+" → "+components.Date(p.GoLive), 23)+" "+state, s.width)
		if i == s.list.Pos {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	switch {
	case len(s.shown) == 0 && s.query != "":
		lines = append(lines, st.Faint.Render("No project's name holds that: esc shows them all."))
	case len(s.shown) == 0:
		lines = append(lines, st.Faint.Render("No projects: a adds one from a template."))
	}
	return strings.Join(lines, "\n")
}

// projectAt is the project drawn on line y of the switcher, or -1.
func (s *Switcher) projectAt(y int) int { return s.list.At(y - headLines) }

// templateAt is the template drawn on line y of the switcher, or -1:
// every template is drawn, from the first.
func (s *Switcher) templateAt(y int) int {
	if i := y - headLines; i >= 0 && i < len(s.templates) {
		return i
	}
	return -1
}

func (s *Switcher) templatesView() string {
	st := s.ctx.Styles
	lines := []string{
		s.topLine("New project · pick a template (esc goes back)"),
		st.Faint.Render(components.Fit("  "+components.Fit("Template", 30)+" "+components.Fit("Span", 12)+" Phases", s.width)),
	}
	for i, t := range s.templates {
		lead := "  "
		if st.Marks {
			lead = st.RowMark(i == s.tpl.Pos)
		}
		line := components.Fit(lead+components.Fit(t.Name, 30)+" "+components.Fit(t.Span, 12)+" "+fmt.Sprint(len(t.Phases)), s.width)
		if i == s.tpl.Pos {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	t := s.templates[s.tpl.Pos]
	names := make([]string, len(t.Phases))
	for i, p := range t.Phases {
		names[i] = p.Name
	}
	lines = append(lines, "", components.Wrap(model.SanitizeLine(t.Summary), max(s.width, 10)), "",
		components.Wrap(st.Header.Render("Phases")+" "+model.SanitizeLine(strings.Join(names, " → ")), max(s.width, 10)))
	return strings.Join(lines, "\n")
}
