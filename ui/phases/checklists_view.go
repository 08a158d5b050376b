package phases

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// clBarW is the widest a checklist's progress bar gets.
const clBarW = 12

// minItemTextW is the fewest cells an item's text keeps before its who and
// when give way.
const minItemTextW = 24

// checklistsSummary is the top line of the checklists view.
func (p *Pane) checklistsSummary() string {
	st := p.ctx.Styles
	done, total := 0, 0
	for _, c := range p.data.Checklists {
		d, t := c.Progress()
		done, total = done+d, total+t
	}
	n := len(p.data.Checklists)
	s := fmt.Sprintf("%d checklists · %d/%d items checked", n, done, total)
	if n == 1 {
		s = fmt.Sprintf("1 checklist · %d/%d items checked", done, total)
	}
	s += st.Faint.Render(" · space checks · a attaches · d deletes · esc goes back")
	return components.Fit(s, p.width)
}

// checklistsView draws the visible rows of the checklists in h lines.
func (p *Pane) checklistsView(h int) string {
	st := p.ctx.Styles
	w := p.width
	var lines []string
	if len(p.data.Checklists) == 0 {
		lines = append(lines, components.Fit(st.Faint.Render(
			"No checklists yet: a attaches a built-in one (the Marketo instance mini-audit, a data clean-up, a year in review)."), w))
		return strings.Join(lines, "\n")
	}
	rowsH := max(h-len(lines), 1)
	off := p.cl.from(rowsH)
	selRow := -1
	if p.cl.cursor.Pos < len(p.cl.sel) {
		selRow = p.cl.sel[p.cl.cursor.Pos]
	}
	for r := off; r < len(p.cl.rows) && r < off+rowsH; r++ {
		lines = append(lines, p.clRowView(p.cl.rows[r], r == selRow, w))
	}
	return strings.Join(lines, "\n")
}

// from is the first row drawn in h lines.
func (v *checklistView) from(h int) int {
	return scrollFrom(v.rows, v.sel, v.cursor.Pos, v.off, h)
}

// rowAt is the row drawn on line y of the view's h lines, or -1.
func (v *checklistView) rowAt(h, y int) int {
	r := v.from(h) + y
	if y < 0 || y >= h || r >= len(v.rows) {
		return -1
	}
	return r
}

// clRowView draws one row of the checklists view, exactly w cells wide.
func (p *Pane) clRowView(row clRow, selected bool, w int) string {
	st := p.ctx.Styles
	c := p.data.Checklists[row.list]
	switch row.kind {
	case clHead:
		done, total := c.Progress()
		count := fmt.Sprintf(" %d/%d", done, total)
		barW := min(clBarW, w/5)
		nameW := w - barW - ansi.StringWidth(count) - 1
		if nameW < 4 {
			return components.Fit(st.Title.Render(model.SanitizeLine(c.Name))+count, w)
		}
		name := ansi.Truncate(model.SanitizeLine(c.Name), nameW, "…")
		bar := components.Progress(done, total, barW, st.ProgressDone.Render, st.ProgressTodo.Render)
		return components.Fit(st.Title.Render(name)+" "+bar+count, w)
	case clSection:
		return components.Fit("  "+st.Header.Render(shorten(c.Items[row.item].Section, max(w-2, 0))), w)
	case clEmpty:
		line := "    no items: d deletes this checklist"
		if selected {
			return st.Selected.Render(components.Fit("  ▸ no items: d deletes this checklist", w))
		}
		return components.Fit(st.Faint.Render(line), w)
	case clItem:
		return p.clItemView(c.Items[row.item], selected, w)
	}
	return ""
}

// clItemView draws an item: its box, its text and, when checked, who
// checked it and when. A long text is cut before the who and when are.
func (p *Pane) clItemView(it model.CheckItem, selected bool, w int) string {
	st := p.ctx.Styles
	mark := "    "
	if selected {
		mark = "  ▸ "
	}
	head := mark + check(it.Done) + " "
	var who []string
	if it.Done && it.ByID != 0 {
		who = append(who, model.SanitizeLine(personOr(p.data, it.ByID)))
	}
	if it.Done && !it.At.IsZero() {
		who = append(who, components.Date(it.At))
	}
	extra := ""
	if len(who) > 0 {
		extra = " · " + strings.Join(who, " ")
	}
	textW := w - ansi.StringWidth(head)
	if textW-ansi.StringWidth(extra) >= minItemTextW {
		textW -= ansi.StringWidth(extra)
	}
	text := ansi.Truncate(model.SanitizeLine(it.Text), max(textW, 0), "…")
	if selected {
		return st.Selected.Render(components.Fit(head+text+extra, w))
	}
	return components.Fit(head+text+st.Faint.Render(extra), w)
}
