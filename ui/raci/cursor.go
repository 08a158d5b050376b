package raci

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// moveKey handles the grid's movement keys; it reports whether msg was one.
// The row cursor only ever rests on activities: phase headings are passed
// over, but scrolled into view above their first activity.
func (p *Pane) moveKey(msg tea.KeyMsg) bool {
	k := p.keys
	page := max(p.colCur.Height, 1)
	switch {
	case key.Matches(msg, k.left):
		p.colCur.Move(-1)
	case key.Matches(msg, k.right):
		p.colCur.Move(1)
	case key.Matches(msg, k.pageLeft):
		p.colCur.Move(-page)
	case key.Matches(msg, k.pageRight):
		p.colCur.Move(page)
	case key.Matches(msg, k.firstCol):
		p.colCur.Move(-p.colCur.N)
	case key.Matches(msg, k.lastCol):
		p.colCur.Move(p.colCur.N)
	default:
		before := p.rowCur.Pos
		if !p.rowCur.HandleKey(k.nav, msg) {
			return false
		}
		dir := 1
		if p.rowCur.Pos < before {
			dir = -1
		}
		p.settleRow(dir)
	}
	return true
}

// settleRow moves the row cursor off a heading, in direction dir first,
// then the other way, and shows the heading of the first row of a phase.
func (p *Pane) settleRow(dir int) {
	rows := p.grid.rows
	if len(rows) == 0 {
		return
	}
	pos := p.rowCur.Pos
	for pos >= 0 && pos < len(rows) && rows[pos].isHeading() {
		pos += dir
	}
	if pos < 0 || pos >= len(rows) {
		pos = p.rowCur.Pos
		for pos >= 0 && pos < len(rows) && rows[pos].isHeading() {
			pos -= dir
		}
	}
	if pos < 0 || pos >= len(rows) {
		return // headings only: nothing to rest on
	}
	p.rowCur.Pos = pos
	p.rowCur.Clamp()
	if pos > 0 && rows[pos-1].isHeading() && p.rowCur.Offset == pos {
		p.rowCur.Offset = pos - 1
	}
}

// place puts the cursor back on the same activity and person after a
// rebuild (rows may have moved), or as near as the new matrix allows.
func (p *Pane) place(activityID, personID uint64, hadActivity bool) {
	p.rowCur.N = len(p.grid.rows)
	p.colCur.N = len(p.grid.people)
	if r, ok := p.grid.rowOf[activityID]; ok && hadActivity {
		p.rowCur.Pos = r
	}
	if c, ok := p.grid.colOf[personID]; ok {
		p.colCur.Pos = c
	}
	p.rowCur.Clamp()
	p.colCur.Clamp()
	p.settleRow(1)
}

// cursorActivity is the row under the cursor, if it is an activity.
func (p *Pane) cursorActivity() (row, bool) {
	r := p.rowCur.Pos
	if r < 0 || r >= len(p.grid.rows) || p.grid.rows[r].isHeading() {
		return row{}, false
	}
	return p.grid.rows[r], true
}

// cursorPerson is the column under the cursor, if there is one.
func (p *Pane) cursorPerson() (int, bool) {
	c := p.colCur.Pos
	if c < 0 || c >= len(p.grid.people) {
		return 0, false
	}
	return c, true
}
