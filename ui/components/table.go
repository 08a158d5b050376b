package components

import (
	"cmp"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/lipgloss"

	"mopdeck/themes"
)

// Column is one column of a Table. A Width of 0 makes the column flexible:
// flexible columns share what the others leave, so the title takes the
// room a wide window has.
type Column struct {
	Title string
	Width int
	// Min is the least a flexible column gets before droppable columns
	// go (MinFlexWidth when 0): at a narrow width the title comes first.
	Min int
	// Grow widens the column to its widest cell, up to Max cells (no cap
	// when 0), when the flexible columns keep their Min; Width is then the
	// least it gets.
	Grow bool
	Max  int
	// Drop makes the column droppable when the flexible columns would get
	// less than their Min: the highest Drop goes first, equal ones
	// rightmost first. 0 is never dropped.
	Drop int
}

// MinFlexWidth is the least a flexible column (a title) should get.
const MinFlexWidth = 24

// Table is a virtualised table: it keeps rows as cell text and draws only
// the rows in view, so its View costs the same for 20 rows or 100,000.
type Table struct {
	Columns []Column
	Cursor  Cursor
	styles  *themes.Styles
	rows    [][]string
	// RowStyle, when set, styles a whole row (e.g. by quadrant).
	RowStyle func(i int) *lipgloss.Style
	// Sorted marks the column the rows are ordered by in the header (-1
	// or out of range: none); Descending turns its arrow down.
	Sorted     int
	Descending bool
	width      int
	widths     []int
	content    []int // widest cell of each Grow column
}

// NewTable returns an empty table.
func NewTable(st *themes.Styles, cols []Column) Table {
	return Table{Columns: cols, styles: st, Sorted: -1}
}

// SetRows replaces the rows; the cursor stays at its index, clamped.
// Growing columns follow the widest cell of the new rows.
func (t *Table) SetRows(rows [][]string) {
	t.rows = rows
	t.Cursor.N = len(rows)
	t.Cursor.Clamp()
	t.content = contentWidths(t.Columns, rows)
	t.share()
}

// SetRowsMeasured is SetRows for a caller that knows the widest cell of
// each column of rows already (widest[i] for column i), as a list kept
// per row can: the table does not measure them again.
func (t *Table) SetRowsMeasured(rows [][]string, widest []int) {
	t.rows = rows
	t.Cursor.N = len(rows)
	t.Cursor.Clamp()
	t.content = make([]int, len(t.Columns))
	for i, c := range t.Columns {
		if c.Grow && i < len(widest) {
			t.content[i] = widest[i]
		}
	}
	t.share()
}

// UpdateRows hands the table rows that differ from the last ones only by
// the rows given as changed (written or added since): the growing columns
// widen to those without measuring every row again, which a save on
// 100,000 rows cannot afford. A row removed may leave a column wider than
// it needs until the next SetRows.
func (t *Table) UpdateRows(rows [][]string, changed ...[]string) {
	t.rows = rows
	t.Cursor.N = len(rows)
	t.Cursor.Clamp()
	if len(t.content) != len(t.Columns) {
		t.content = contentWidths(t.Columns, rows)
	} else {
		for i, w := range contentWidths(t.Columns, changed) {
			t.content[i] = max(t.content[i], w)
		}
	}
	t.share()
}

// Len is the number of rows.
func (t *Table) Len() int { return len(t.rows) }

// tableHeadLines is the line of column titles above the rows.
const tableHeadLines = 1

// SetSize sets the outer size; one line goes to the header.
func (t *Table) SetSize(w, h int) {
	t.width = w
	t.Cursor.Height = max(h-tableHeadLines, 0)
	t.Cursor.Clamp()
	t.share()
}

func (t *Table) share() {
	cols := t.Columns
	if t.Sorted >= 0 && t.Sorted < len(cols) && cols[t.Sorted].Width > 0 {
		// The sorted column widens to show its whole title and the arrow.
		cols = slices.Clone(cols)
		c := &cols[t.Sorted]
		c.Width = max(c.Width, ansi.StringWidth(c.Title)+2)
	}
	// With marks, each row starts with its two-cell selection mark.
	t.widths = columnWidths(cols, t.content, t.width-t.styles.RowMarkWidth())
}

// contentWidths measures the widest cell of each Grow column. It is one
// pass over the rows, byte counts for ASCII cells; still, 100,000 rows
// cost a few milliseconds, which is why a list that keeps its widths per
// row hands them over with SetRowsMeasured.
func contentWidths(cols []Column, rows [][]string) []int {
	out := make([]int, len(cols))
	for i, c := range cols {
		if !c.Grow {
			continue
		}
		for _, r := range rows {
			if i < len(r) {
				out[i] = max(out[i], CellWidth(r[i]))
			}
		}
	}
	return out
}

// CellWidth is the width of a cell's text in cells: its length for
// printable ASCII, else as the terminal draws it.
func CellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// columnWidths shares w among the columns; a dropped column gets width 0
// and is not drawn. The flexible columns get their Min first, dropping
// columns by Drop when they must; a column dropped on the way that fits
// in what the others left comes back, the lowest Drop first (dropping the
// assignee may leave room for the impact dropped before it). What is left
// widens the Grow columns to their content, then goes to the flexible
// columns.
func columnWidths(cols []Column, content []int, w int) []int {
	widths := make([]int, len(cols))
	fixed, flex, flexMin := 0, 0, 0
	for i, c := range cols {
		if c.Width == 0 {
			flex++
			flexMin += cmp.Or(c.Min, MinFlexWidth) + 1
			continue
		}
		widths[i] = c.Width
		fixed += c.Width + 1
	}
	var dropped []int
	for fixed+flexMin > w+1 {
		drop := -1
		for i, c := range cols {
			if c.Drop > 0 && widths[i] > 0 && (drop < 0 || c.Drop >= cols[drop].Drop) {
				drop = i
			}
		}
		if drop < 0 {
			break
		}
		fixed -= widths[drop] + 1
		widths[drop] = 0
		dropped = append(dropped, drop)
	}
	for _, i := range slices.Backward(dropped) {
		if fixed+flexMin+cols[i].Width+1 <= w+1 {
			widths[i] = cols[i].Width
			fixed += cols[i].Width + 1
		}
	}
	spare := w + 1 - fixed - flexMin
	if flex == 0 {
		spare = w + 1 - fixed
	}
	for i, c := range cols {
		if !c.Grow || widths[i] == 0 || i >= len(content) || spare <= 0 {
			continue
		}
		want := content[i]
		if c.Max > 0 {
			want = min(want, c.Max)
		}
		add := min(max(want-widths[i], 0), spare)
		widths[i] += add
		fixed += add
		spare -= add
	}
	if flex > 0 {
		rest := max(w-fixed-(flex-1), flex)
		for i, c := range cols {
			if c.Width == 0 {
				widths[i] = rest / flex
			}
		}
	}
	return widths
}

func (t *Table) line(cells []string) string {
	var b strings.Builder
	for i, w := range t.widths {
		if w == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		b.WriteString(Cell(c, w))
	}
	return b.String()
}

// View draws the header and the rows in view.
func (t *Table) View() string {
	if t.width <= 0 {
		return ""
	}
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
		if i == t.Sorted && i < len(t.widths) {
			titles[i] = markSorted(c.Title, t.widths[i], t.Descending)
		}
	}
	out := make([]string, 0, t.Cursor.Height+1)
	st := t.styles
	out = append(out, st.Header.Render(Fit(st.RowMark(false)+t.line(titles), t.width)))
	from, to := t.Cursor.Visible()
	for i := from; i < to; i++ {
		l := Fit(st.RowMark(i == t.Cursor.Pos)+t.line(t.rows[i]), t.width)
		switch {
		case i == t.Cursor.Pos:
			l = st.Selected.Render(l)
		case t.RowStyle != nil:
			if st := t.RowStyle(i); st != nil {
				l = st.Render(l)
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// RowAt is the row drawn on line y of the table's view (0 is the header),
// or -1 when y shows no row.
func (t *Table) RowAt(y int) int {
	return t.Cursor.At(y - tableHeadLines)
}

// markSorted ends the sorted column's title with ▲ (the column's own
// order) or ▼ (reversed), shortening the title rather than the arrow.
func markSorted(title string, w int, desc bool) string {
	arrow := "▲"
	if desc {
		arrow = "▼"
	}
	if ansi.StringWidth(title)+2 <= w {
		return title + " " + arrow
	}
	if w < 2 {
		return arrow
	}
	return ansi.Truncate(title, w-2, "") + " " + arrow
}
