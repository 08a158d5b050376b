package changesio

import (
	"fmt"
	"strings"

	"mopdeck/model"
)

// blank tells whether every cell of a row is empty: spreadsheets leave
// such rows at the end of a sheet.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// totalWords start a sheet's total line, which is no request.
var totalWords = map[string]bool{
	"total": true, "totals": true, "totaux": true, "sous total": true, "subtotal": true, "sub total": true,
	"grand total": true, "total general": true, "somme": true, "sum": true, "summe": true, "gesamt": true,
}

// totalRow tells whether a row is a total line: its first filled cell is
// "TOTAL" (or Sous-total, Somme…), maybe with a number after it. A title
// such as "Total cost field" is not one.
func totalRow(cells []string) bool {
	for _, c := range cells {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		switch c[0] { // every total word starts so: most rows end here
		case 't', 'T', 's', 'S', 'g', 'G':
		default:
			return false
		}
		f := fold(c)
		if f == "" {
			continue
		}
		if totalWords[f] {
			return true
		}
		i := strings.LastIndexByte(f, ' ')
		return i > 0 && totalWords[f[:i]] && isDigits(f[i+1:])
	}
	return false
}

// table converts a table (CSV or sheet). The header is the first of the
// first non-blank rows that names a title column (or the row Options
// names); rows above it, such as a sheet's title, are skipped and noted.
// next returns the next row and where it sits, or ok=false at the end.
// Past the row cap it stops reading; blank rows count apart, up to as
// many again, so that a file of empty lines ends too.
func (c *converter) table(next func() (cells []string, at loc, ok bool)) {
	var names []string // the header as written, for cells of any column
	found := false
	rows, blanks, max := 0, 0, c.opt.maxRows()
	var above [][]string // non-blank rows before the header, while looking
	var aboveAt []loc
	innerBlanks, pendingBlanks, totals, repeats := 0, 0, 0, 0
	var firstTotal loc
	var held []string // a row of one cell, until the next row tells
	var heldAt loc
	var groups []string // the group names skipped
	buf := make([]cell, 0, 16)
	// process converts one request's row; false when the file has more
	// rows than allowed.
	process := func(cells []string, at loc) bool {
		innerBlanks += pendingBlanks
		pendingBlanks = 0
		if rows++; rows > max {
			c.res.refuse("%s", c.opt.tooManyRows("the file holds"))
			return false
		}
		if rows == reserveAfter && c.size > 0 && c.offset != nil {
			c.reserve(rows, max)
		}
		buf = buf[:0]
		for i, v := range cells {
			if i < len(c.h.cols) && c.h.cols[i].f != fieldNone && c.h.cols[i].f != fieldDerived {
				buf = append(buf, cell{c.h.cols[i], v})
			}
		}
		if !c.hasTitle(buf) {
			c.pr.row(c.h.name(fieldTitle), loc{row: at.row, line: at.line, col: c.h.index(fieldTitle)}, "empty title",
				"empty: every request needs a title, a few words that say what to change")
			return true
		}
		c.row(buf, at)
		return true
	}
	useHeader := func(cells []string, at loc) bool {
		found = true
		c.h = mapHeader(cells, c.res.File, at.row, c.opt.Mapping)
		names = make([]string, len(cells))
		for i, v := range cells {
			names[i] = strings.TrimSpace(v)
		}
		c.res.Ignored, c.res.Unused, c.res.Tool, c.res.has = c.h.ignored, c.h.unused, c.h.tool, c.h.has
		c.res.Columns = c.h.uses(names)
		if c.h.has[fieldPriority] {
			c.res.derived.impactFromPriority = true
		}
		if !c.h.has[fieldDecision] && (c.h.has[fieldStatus] || c.h.has[fieldStatusCategory]) {
			c.res.derived.decisionFromStatus = true
		}
		if len(c.h.problems) > 0 {
			for _, p := range c.h.problems {
				c.pr.row(p.Column, loc{row: p.Line, line: at.line, col: -1}, "header:"+p.Message, p.Message)
			}
			return false // rows cannot be read without their columns
		}
		if skipped := len(above); skipped > 0 {
			c.res.note(fmt.Sprintf("the header is on row %d: %s above it skipped", at.row, plural(skipped, "row")))
		}
		return true
	}
	for {
		cells, at, more := next()
		if !more {
			break
		}
		if fits, goOn := c.cellsFit(cells, names, at); !goOn {
			return
		} else if !fits {
			continue
		}
		if blank(cells) {
			if blanks++; blanks > max {
				c.res.refuse("the file holds more than %s blank rows: delete the empty rows and import it again", thousands(max))
				return
			}
			if found {
				pendingBlanks++
			}
			continue
		}
		if !found {
			switch {
			case c.opt.HeaderRow > 0 && at.row < c.opt.HeaderRow:
				above = append(above, append([]string(nil), cells...))
				aboveAt = append(aboveAt, at)
				continue
			case c.opt.HeaderRow > 0 || hasTitle(cells, c.opt.Mapping):
				if !useHeader(cells, at) {
					return
				}
				continue
			case len(above) < headerSearch:
				above = append(above, append([]string(nil), cells...))
				aboveAt = append(aboveAt, at)
				continue
			}
			// No header with a title in the first rows: the first row is
			// the header, and says what is missing.
			useHeader(above[0], aboveAt[0])
			return
		}
		if totalRow(cells) {
			if totals == 0 {
				firstTotal = at
			}
			totals++
			continue
		}
		// Boards exported by group (Monday, some Excel trackers) repeat
		// the header under each group's name: the header again is
		// skipped, and a row of one cell just above it is the group's
		// name, not a request. Such a row is held until the next row
		// says which it is.
		if headerAgain(cells, names) {
			repeats++
			if held != nil {
				groups = append(groups, firstCell(held))
				held = nil
			}
			continue
		}
		if held != nil {
			if !process(held, heldAt) {
				return
			}
			held = nil
		}
		if oneCell(cells) {
			held, heldAt = append([]string(nil), cells...), at
			continue
		}
		if !process(cells, at) {
			return
		}
	}
	if held != nil && !process(held, heldAt) {
		return
	}
	switch {
	case !found && len(above) > 0:
		useHeader(above[0], aboveAt[0])
	case !found && c.pr.empty():
		c.pr.whole(loc{}, "the file is empty: it needs a header row with a Title (or Titre) column, then one row per request")
	}
	if totals > 0 {
		c.res.note(fmt.Sprintf("%s skipped (the first on row %s)", plural(totals, "total row"), c.pr.where(loc{row: firstTotal.row, line: firstTotal.line, col: -1}, true)))
	}
	if innerBlanks > 0 {
		c.res.note(fmt.Sprintf("%s between requests skipped", plural(innerBlanks, "blank row")))
	}
	if repeats > 0 {
		note := plural(repeats, "repeated header row") + " skipped"
		if len(groups) > 0 {
			note += fmt.Sprintf(", with the group names above them (%s)", QuoteHeaders(groups))
		}
		c.res.note(note)
	}
}

// headerAgain tells whether a row repeats the header: two cells or more,
// each the header's own in its column (in any case: an export writes it
// as it wrote it the first time).
func headerAgain(cells, names []string) bool {
	same := 0
	for i, v := range cells {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if i >= len(names) || !strings.EqualFold(v, names[i]) {
			return false
		}
		same++
	}
	return same >= 2
}

// oneCell tells whether a row has exactly one filled cell.
func oneCell(cells []string) bool {
	n := 0
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	return n == 1
}

// firstCell is a row's first filled cell.
func firstCell(cells []string) string {
	for _, v := range cells {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// reserveAfter is how many rows are read before the rest are guessed.
const reserveAfter = 64

// reserve makes room at once for the rows the file's size suggests, from
// the bytes the first rows took: growing four slices of 100,000 requests
// step by step copies them several times over.
func (c *converter) reserve(rows, max int) {
	used := c.offset()
	if used <= 0 {
		return
	}
	est := int(float64(c.size)/float64(used)*float64(rows)*1.1) + 16
	est = min(est, max)
	if est <= cap(c.res.Changes) {
		return
	}
	c.res.Changes = append(make([]model.ChangeRequest, 0, est), c.res.Changes...)
	c.res.Lines = append(make([]int, 0, est), c.res.Lines...)
	c.res.locs = append(make([]loc, 0, est), c.res.locs...)
	c.res.Refs = append(make([]uint64, 0, est), c.res.Refs...)
}

// uses says how each column of the header is read, for a preview.
func (h *header) uses(names []string) []ColumnUse {
	out := make([]ColumnUse, 0, len(names))
	for i, n := range names {
		if n == "" {
			continue
		}
		u := ColumnUse{Header: n}
		if i < len(h.cols) && h.cols[i].f != fieldNone && h.cols[i].f != fieldDerived {
			u.Field = h.cols[i].f.String()
			switch h.cols[i].f {
			case fieldPriority:
				u.Field = "impact (from priority)"
			case fieldEstimateSeconds:
				u.Field = "estimate (seconds to hours)"
			case fieldStatusCategory:
				u.Field = "status (where the status is unknown)"
			case fieldLink:
				u.Field = "source key (from the link)"
			case fieldKey:
				u.Field = "source key"
				if h.has[fieldSourceKey] || foldHeader(n) == "id" {
					u.Field = "source key, or the CR number it names"
				}
			}
		} else if i < len(h.cols) && h.cols[i].f == fieldDerived {
			u.Why = "computed by mopdeck"
		} else if why, aside := h.aside[i]; aside {
			u.Why = why
		}
		out = append(out, u)
	}
	return out
}

// index is the position of the column holding f, -1 for none.
func (h *header) index(f field) int {
	for i, col := range h.cols {
		if col.f == f {
			return i
		}
	}
	return -1
}

// cellsFit checks every cell of a row, in any column, against maxCell. A
// row that does not fit is reported and skipped; goOn is false when
// reading should stop.
func (c *converter) cellsFit(cells, names []string, at loc) (fits, goOn bool) {
	fits = true
	for i, v := range cells {
		if len(v) <= maxCell {
			continue
		}
		fits = false
		col := fmt.Sprintf("column %d", i+1)
		if i < len(names) && names[i] != "" {
			col = names[i]
		}
		c.pr.row(col, loc{row: at.row, line: at.line, col: i}, "cell too big", cellTooBig(len(v)))
	}
	return fits, true
}

// hasTitle: a short row may stop before the title column.
func (c *converter) hasTitle(cells []cell) bool {
	for _, x := range cells {
		if x.col.f == fieldTitle {
			return true
		}
	}
	return false
}

// plural writes "1 row", "3 rows".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
