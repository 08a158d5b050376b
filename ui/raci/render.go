package raci

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"mopdeck/model"
	"mopdeck/themes"
	"mopdeck/ui/components"
)

// Layout: a summary line and three header lines (names, teams, A counts)
// above the rows, a detail line under them. The activity and check
// columns stick while the people scroll sideways; the header lines stick
// while the rows scroll.
const (
	headerLines = 4
	footerLines = 1
	markWidth   = 12
	cellWidth   = 10
)

// layout is the grid's geometry for the pane's size.
type layout struct {
	nameW int
}

func (p *Pane) relayout() {
	w := p.width
	p.lay.nameW = min(32, max(14, w/4))
	p.rowCur.Height = max(p.height-headerLines-footerLines, 0)
	p.colCur.Height = max((w-p.lay.nameW-markWidth)/cellWidth, 1)
	p.rowCur.Clamp()
	p.colCur.Clamp()
	p.myRole.scroll.Height = max(p.height, 1)
	if p.loaded {
		p.repaint()
		if p.view == viewMyRole {
			p.buildMyRole()
		}
	}
}

// paint holds the styled pieces the grid is drawn from, built on load and
// resize and kept per edited row, so that View only joins strings: a
// frame of 45 rows × 15 people would otherwise run lipgloss 700 times.
type paint struct {
	// cells[state][role] is a cell's text for every set of letters,
	// state 0 plain, 1 on the cursor row, 2 under the cursor.
	cells [3][cellSets]string
	// names and marks are per row: the fitted activity name and the check.
	names []string
	marks []string
}

// repaint paints every row for the current grid and width.
func (p *Pane) repaint() {
	st, g := p.ctx.Styles, &p.grid
	pt := &p.paint
	for state := range pt.cells {
		for role := range pt.cells[state] {
			pt.cells[state][role] = cellText(st, state, model.Role(role))
		}
	}
	pt.names = make([]string, len(g.rows))
	pt.marks = make([]string, len(g.rows))
	for r, rw := range g.rows {
		if rw.isHeading() {
			continue
		}
		// One blank cell always parts the name from the check column.
		pt.names[r] = components.Cell("  "+rw.activity.Name, p.lay.nameW-1) + " "
		pt.marks[r] = marks(rw.problems, st)
	}
}

// rowChanged repaints a row's check after its letters changed.
func (p *Pane) rowChanged(r int) {
	if r >= 0 && r < len(p.paint.marks) {
		p.paint.marks[r] = marks(p.grid.rows[r].problems, p.ctx.Styles)
	}
}

// cellSets is how many sets of letters a cell may hold: every subset of
// R, A, C and I.
const cellSets = 16

// cellText draws a cell: its letters centred ("A", "A/R"), coloured after
// the first as written (an A/R cell as an A).
func cellText(st *themes.Styles, state int, role model.Role) string {
	letter := "·"
	if role != model.RoleNone {
		letter = role.String()
	}
	lead := strings.Repeat(" ", max((cellWidth-1-utf8.RuneCountInString(letter))/2, 1)) // "·" is one cell, two bytes
	text := components.Fit(lead+letter, cellWidth)
	switch state {
	case 2:
		if st.Marks {
			// Brackets either side keep the letters in their column: "[R]".
			text = components.Fit(lead[1:]+st.Focus(letter), cellWidth)
		}
		return st.Cursor.Render(text)
	case 1:
		return st.Selected.Render(text)
	}
	first := model.RoleNone
	if ls := role.Letters(); len(ls) > 0 {
		first = ls[0]
	}
	switch first {
	case model.Accountable:
		return st.Title.Render(text)
	case model.Responsible:
		return st.Header.Render(text)
	case model.RoleNone, model.Informed:
		return st.Faint.Render(text)
	}
	return st.Text.Render(text)
}

func (p *Pane) gridView() string {
	st := p.ctx.Styles
	if len(p.grid.rows) == 0 {
		top := st.Faint.Render("No RACI activities yet: A adds one, P then a adds a person, @ says who you are.")
		if line, ok := p.inputLine(); ok {
			top = line
		}
		return top
	}
	var b strings.Builder
	b.Grow(p.width * (p.height + 1) * 2)
	top, ok := p.inputLine()
	if !ok {
		top = p.summaryLine()
	}
	b.WriteString(components.Fit(top, p.width))
	cFrom, cTo := p.colCur.Visible()
	p.headers(&b, cFrom, cTo)
	rFrom, rTo := p.rowCur.Visible()
	for r := rFrom; r < rTo; r++ {
		b.WriteByte('\n')
		p.rowLine(&b, r, cFrom, cTo)
	}
	for r := rTo - rFrom; r < p.rowCur.Height; r++ {
		b.WriteByte('\n')
	}
	if p.height > headerLines {
		b.WriteByte('\n')
		b.WriteString(p.detailLine())
	}
	return b.String()
}

// inputLine is the open prompt or question, drawn over the summary.
func (p *Pane) inputLine() (string, bool) {
	switch {
	case p.prompt.Active():
		return p.prompt.View(p.ctx.Styles, p.width), true
	case p.confirm.Active():
		return p.confirm.View(p.ctx.Styles, p.width), true
	}
	return "", false
}

// headers draws the people's names, teams and A counts for the columns in
// view, under sticky "Activity" and "Check" titles.
func (p *Pane) headers(b *strings.Builder, cFrom, cTo int) {
	st, g := p.ctx.Styles, &p.grid
	left := p.lay.nameW + markWidth
	var names, teams, counts strings.Builder
	// With marks, the pointer sits in the blank cell just left of the
	// name under the cursor, so that the name keeps all its cells.
	pointsAt := func(c int) string {
		if st.Marks && c == p.colCur.Pos {
			return themes.Pointer
		}
		return " "
	}
	names.WriteString(st.Header.Render(components.Fit("Activity", p.lay.nameW) + components.Fit("Check", markWidth-1) + pointsAt(cFrom)))
	teams.WriteString(strings.Repeat(" ", left))
	counts.WriteString(st.Faint.Render(components.Fit("", p.lay.nameW) + components.Fit("A's held", markWidth)))
	for c := cFrom; c < cTo; c++ {
		pe := g.people[c]
		name := components.Cell(pe.Name, cellWidth-1) + pointsAt(c+1)
		if c == p.colCur.Pos {
			name = st.Cursor.Render(name)
		}
		names.WriteString(name)
		teams.WriteString(st.Faint.Render(components.Cell(pe.Team, cellWidth-1) + " "))
		n := g.accountables[c]
		count := components.Fit(fmt.Sprintf("%d A", n), cellWidth)
		switch {
		case model.Overloaded(n):
			count = st.ErrorText.Render(components.Fit(fmt.Sprintf("%d A!", n), cellWidth))
		case n == 0:
			count = st.Faint.Render(count)
		}
		counts.WriteString(count)
	}
	b.WriteString("\n" + names.String() + "\n" + teams.String() + "\n" + counts.String())
}

// rowLine draws one row: a phase heading across, or an activity with its
// check marks and the letters of the columns in view.
func (p *Pane) rowLine(b *strings.Builder, r, cFrom, cTo int) {
	st, rw := p.ctx.Styles, &p.grid.rows[r]
	if rw.isHeading() {
		b.WriteString(st.Title.Render(components.Cell("▾ "+rw.heading, p.lay.nameW+markWidth+(cTo-cFrom)*cellWidth)))
		return
	}
	onRow := r == p.rowCur.Pos
	name := p.paint.names[r]
	if onRow {
		if st.Marks {
			// The name's indent takes the mark.
			name = st.RowMark(true) + strings.TrimPrefix(name, "  ")
		}
		b.WriteString(st.Selected.Render(name))
	} else {
		b.WriteString(name)
	}
	b.WriteString(p.paint.marks[r])
	roles := p.grid.cells[rw.activity.ID]
	for c := cFrom; c < cTo; c++ {
		role := model.RoleNone
		if roles != nil && int(roles[c]) < cellSets {
			role = roles[c]
		}
		state := 0
		if onRow {
			state = 1
			if c == p.colCur.Pos {
				state = 2
			}
		}
		b.WriteString(p.paint.cells[state][role])
	}
}

// shortProblem is a problem in the few cells the check column has.
func shortProblem(pr model.RowProblem) string {
	switch pr {
	case model.RowNoAccountable:
		return "no A"
	case model.RowManyAccountable:
		return ">1 A"
	case model.RowNoResponsible:
		return "no R"
	case model.RowAllConsulted:
		return "all C"
	}
	return "?"
}

func marks(problems []model.RowProblem, st *themes.Styles) string {
	if len(problems) == 0 {
		return st.SuccessText.Render(components.Fit("✓", markWidth))
	}
	texts := make([]string, len(problems))
	warnOnly := true
	for i, pr := range problems {
		texts[i] = shortProblem(pr)
		warnOnly = warnOnly && pr.Warning()
	}
	style := st.ErrorText
	if warnOnly {
		style = st.WarningText
	}
	return style.Render(components.Fit("✗ "+strings.Join(texts, " "), markWidth))
}
