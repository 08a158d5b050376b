package phases

import (
	"fmt"
	"strings"
	"time"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// List columns. The actual dates appear when the list is wide enough.
const (
	spanW     = 11 // "09-24→10-15"
	barW      = 6
	countW    = 5 // "10/12"
	minNameW  = 8
	wideListW = 2 + minNameW + 6 + 1 + spanW + 1 + spanW + 1 + barW + 1 + countW
)

// columns splits the pane between the list and the detail.
func (p *Pane) columns() (listW, detailW int) {
	listW = min(max(p.width*11/20, 30), 76)
	return listW, max(p.width-listW-3, 0)
}

// shortSpan writes two days as "MM-DD→MM-DD", "—" when there is none.
func shortSpan(s, e time.Time) string {
	if s.IsZero() {
		return "—"
	}
	end := "…"
	if !e.IsZero() {
		end = e.Format("01-02")
	}
	return s.Format("01-02") + "→" + end
}

// listHeader and listRow share one layout, decided by the width.
type listLayout struct {
	nameW  int
	actual bool
}

func newListLayout(w int) listLayout {
	l := listLayout{actual: w >= wideListW}
	fixed := 2 + 1 + spanW + 1 + barW + 1 + countW
	if l.actual {
		fixed += 1 + spanW
	}
	l.nameW = max(w-fixed, 1)
	return l
}

func (l listLayout) header() string {
	s := "  " + components.Fit("Phase", l.nameW) + " " + components.Fit("planned", spanW)
	if l.actual {
		s += " " + components.Fit("actual", spanW)
	}
	return s + " " + components.Fit("done", barW+1+countW)
}

func (l listLayout) row(ph model.Phase, today time.Time, progress func(done, total int) string) string {
	over := " "
	if model.Overdue(ph, today) {
		over = "!"
	}
	// The bar counts what the gate waits for: deliverables and exit items.
	done, total := ph.WorkDone()
	var b strings.Builder
	b.WriteString(statusGlyph(ph.Status))
	b.WriteString(over)
	b.WriteString(components.Cell(ph.Name, l.nameW))
	b.WriteString(" ")
	b.WriteString(components.Fit(shortSpan(ph.PlannedStart, ph.PlannedEnd), spanW))
	if l.actual {
		b.WriteString(" ")
		b.WriteString(components.Fit(shortSpan(ph.ActualStart, ph.ActualEnd), spanW))
	}
	b.WriteString(" ")
	b.WriteString(progress(done, total))
	b.WriteString(" ")
	b.WriteString(components.Fit(fmt.Sprintf("%d/%d", done, total), countW))
	return b.String()
}

// listView draws the visible phases under their column titles in h lines,
// the selected one kept in view when a question takes some of the room.
func (p *Pane) listView(w, h int) string {
	st := p.ctx.Styles
	l := newListLayout(w - st.RowMarkWidth())
	today := p.ctx.Now()
	styled := func(done, total int) string {
		return components.Progress(done, total, barW, st.ProgressDone.Render, st.ProgressTodo.Render)
	}
	// The selected row's bar is drawn plain so that the selection style
	// covers the whole line.
	plain := func(done, total int) string {
		return components.Progress(done, total, barW, joinPlain, joinPlain)
	}
	lines := []string{st.Faint.Render(components.Fit(st.RowMark(false)+l.header(), w))}
	from, to := p.cursor.Visible()
	if rows := max(h-1, 1); to-from > rows {
		if p.cursor.Pos >= from+rows {
			from = p.cursor.Pos - rows + 1
		}
		to = from + rows
	}
	for i := from; i < to; i++ {
		if i != p.cursor.Pos {
			lines = append(lines, components.Fit(st.RowMark(false)+l.row(p.phases[i], today, styled), w))
			continue
		}
		line := components.Fit(st.RowMark(true)+l.row(p.phases[i], today, plain), w)
		if p.focus == focusItems {
			line = st.Header.Render(line)
		} else {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func joinPlain(s ...string) string { return strings.Join(s, "") }

// listPhaseAt is the phase drawn on line y of the pane, under the
// summary and the column titles, or -1.
func (p *Pane) listPhaseAt(y int) int {
	return p.cursor.At(y - headLines)
}
